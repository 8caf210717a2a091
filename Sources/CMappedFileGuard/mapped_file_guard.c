#define _GNU_SOURCE
#include "mapped_file_guard.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// Two files are read at a time on two cores; 64 leaves room for many more.
#define SLOT_COUNT 64

static atomic_int slot_owner[SLOT_COUNT];
static _Atomic uintptr_t slot_start[SLOT_COUNT];
static _Atomic uintptr_t slot_end[SLOT_COUNT];
static atomic_int slot_faulted[SLOT_COUNT];
static struct sigaction previous_action;
static uintptr_t page_mask;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int installed;

// Runs on the thread that touched the page. Only async-signal-safe work: atomic loads and
// stores, mmap, sigaction.
static void on_sigbus(int signal_number, siginfo_t *info, void *context) {
  (void)signal_number;
  (void)context;
  uintptr_t address = (uintptr_t)info->si_addr;
  for (int slot = 0; slot < SLOT_COUNT; slot++) {
    uintptr_t start = atomic_load(&slot_start[slot]);
    if (start == 0 || address < start) continue;
    uintptr_t end = atomic_load(&slot_end[slot]);
    if (address >= end) continue;
    uintptr_t page = address & ~page_mask;
    void *zeros = mmap((void *)page, end - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zeros == MAP_FAILED) break;
    atomic_store(&slot_faulted[slot], 1);
    return;  // the access is retried and reads zeros
  }
  // Not a registered mapping: restore what was there before; the retried access then gets it.
  sigaction(SIGBUS, &previous_action, NULL);
}

static void install(void) {
  page_mask = (uintptr_t)sysconf(_SC_PAGESIZE) - 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  installed = sigaction(SIGBUS, &action, &previous_action) == 0;
}

int benchreport_guard_register(const void *start, size_t length) {
  pthread_once(&install_once, install);
  if (!installed || start == NULL || length == 0) return -1;
  for (int slot = 0; slot < SLOT_COUNT; slot++) {
    int free_slot = 0;
    if (!atomic_compare_exchange_strong(&slot_owner[slot], &free_slot, 1)) continue;
    atomic_store(&slot_faulted[slot], 0);
    atomic_store(&slot_end[slot], (uintptr_t)start + length);
    atomic_store(&slot_start[slot], (uintptr_t)start);  // last: the handler tests start first
    return slot;
  }
  return -1;
}

int benchreport_guard_faulted(int slot) {
  if (slot < 0 || slot >= SLOT_COUNT) return 0;
  return atomic_load(&slot_faulted[slot]);
}

int benchreport_guard_unregister(int slot) {
  if (slot < 0 || slot >= SLOT_COUNT) return 0;
  atomic_store(&slot_start[slot], 0);
  atomic_store(&slot_end[slot], 0);
  int faulted = atomic_load(&slot_faulted[slot]);
  atomic_store(&slot_owner[slot], 0);
  return faulted;
}

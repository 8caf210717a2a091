#ifndef BENCHREPORT_MAPPED_FILE_GUARD_H
#define BENCHREPORT_MAPPED_FILE_GUARD_H

#include <stddef.h>

/// Makes reading a memory-mapped file safe when the file is shortened while it is mapped
/// (vLLM rewrites its result file with open(..., "w"), which empties it first): touching a
/// page past the new end raises SIGBUS, which kills the process. While a mapping is
/// registered here, a SIGBUS inside it maps zero-filled pages over the rest of the mapping and
/// marks it as faulted; the reader then sees zero bytes (a parse error) and the caller reports
/// the file as changed during the read. A SIGBUS anywhere else goes to the handler that was
/// installed before (or the default action), as if this guard did not exist.

/// Registers [start, start + length) and returns its slot, or -1 when all slots are in use
/// (the caller then reads the file without mapping it). Installs the handler on first use.
int benchreport_guard_register(const void *start, size_t length);

/// Whether a SIGBUS was caught in the slot's mapping since it was registered.
int benchreport_guard_faulted(int slot);

/// Unregisters the slot (before the mapping is unmapped); returns whether it faulted.
int benchreport_guard_unregister(int slot);

#endif

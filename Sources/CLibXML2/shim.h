#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects using it directly
   ("not concurrency-safe"), so it is wrapped. */
static inline void cxml_free(void *p) { xmlFree(p); }
/* LIBXML_DOTTED_VERSION is a macro string; exposed for diagnostics. */
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }

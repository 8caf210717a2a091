/* Debian's libxml2 is built with ICU, so its encoding.h includes ICU's unicode/ucnv.h, whose
   UErrorCode clashes with the copy of ICU inside Swift's Foundation: any module that sees both
   (directly or through a dependency that imports Foundation) fails to compile, and incremental
   builds can hide it. benchreport never touches the ICU-only fields (two trailing pointers of
   xmlCharEncodingHandler, which it never allocates or reads), so leave ICU out of the headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

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

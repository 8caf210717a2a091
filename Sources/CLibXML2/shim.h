#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects using it directly
   ("not concurrency-safe"), so it is wrapped. */
static inline void cxml_free(void *p) { xmlFree(p); }

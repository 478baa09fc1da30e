#include <libxml/xmlversion.h>
// Foundation's own libxml2 module clashes with ICU types in debug builds.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/// Swift 6 rejects the mutable C global `xmlFree`; this wrapper frees libxml2 memory.
static inline void newsroom_xml_free(void *pointer) { xmlFree(pointer); }

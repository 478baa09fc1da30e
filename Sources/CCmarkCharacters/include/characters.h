#ifndef NEWSROOM_CMARK_CHARACTERS_H
#define NEWSROOM_CMARK_CHARACTERS_H

#include <stdbool.h>

/// Whether cmark-gfm's table of inline special characters is switched on once and for all by
/// our `cmark_manage_extensions_special_characters` (see characters.c), so that documents can
/// be parsed on several threads at once. False until the first document is parsed, and false
/// for good where the library calls its own definition instead of ours.
bool newsroom_cmark_characters_fixed(void);

#endif

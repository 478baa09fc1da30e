#ifndef NEWSROOM_CMARK_CHARACTERS_H
#define NEWSROOM_CMARK_CHARACTERS_H

#include <stdbool.h>

/// Whether cmark-gfm's table of inline special characters is switched by our
/// `cmark_manage_extensions_special_characters` (see characters.c), on once and for all but for
/// the autolink extension's characters, so that documents can be parsed on several threads at
/// once. False until the first document is parsed, and false
/// for good where the library calls its own definition instead of ours.
bool newsroom_cmark_characters_fixed(void);

/// How many parses with the autolink extension are between switching its characters on and
/// off (see characters.c): 0 whenever none is running.
int newsroom_cmark_autolink_parses(void);

#endif

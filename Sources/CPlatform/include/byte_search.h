#ifndef NEWSROOM_BYTE_SEARCH_H
#define NEWSROOM_BYTE_SEARCH_H

#include <stddef.h>

/// The first `needle` in `haystack` (glibc's vectorised `memmem`, a GNU extension Swift's Glibc
/// module does not show), or NULL.
const void *newsroom_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif

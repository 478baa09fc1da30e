#ifndef NEWSROOM_ARENA_H
#define NEWSROOM_ARENA_H

#include <stddef.h>

/// A bump allocator per thread, with the shape of cmark-gfm's `cmark_mem` (calloc, realloc,
/// free), for the memory of one Markdown document at a time.
///
/// A document's parse tree, its strings and its rendered HTML are many small blocks that all
/// die together. Taken from an arena they cost a pointer bump each and are all given back at
/// once by `newsroom_arena_end`; `free` gives back only the latest block (a buffer that grew
/// last), and `realloc` grows the latest block in place.
///
/// Between `newsroom_arena_begin` and `newsroom_arena_end` on a thread, the three functions
/// serve that thread's arena. The pair may nest: only the outermost `end` frees.
void newsroom_arena_begin(void);
void newsroom_arena_end(void);

void *newsroom_arena_calloc(size_t count, size_t size);
void *newsroom_arena_realloc(void *pointer, size_t size);
void newsroom_arena_free(void *pointer);

/// Bytes the calling thread's arena holds from the system (for tests).
size_t newsroom_arena_reserved(void);

#endif

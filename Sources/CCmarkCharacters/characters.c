#define _GNU_SOURCE
#include "characters.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmark-gfm-extension_api.h>

// cmark-gfm decides which characters may start an extension's inline syntax (`~` for
// strikethrough, `:` and `w` for autolinks) from one process-wide table. Every parse switches
// its extensions' characters on when its inline parsing starts and off when it ends, through
// this function, so a parse ending on one thread switches them off under a parse still running
// on another, which then loses its `~~strike~~` and `www.` links.
//
// The library calls this function through its PLT, and the dynamic linker finds a symbol in the
// executable before the one in the library: an executable that links this file (and so exports
// the symbol, as every linker does for a symbol a shared library it links also defines) replaces
// the library's definition for the library's own calls. Here the first call switches that
// parser's characters on with the library's definition, and no call ever switches them off.
//
// That is the table every parse would see on its own, provided that
// - every parser attaches the same extensions (`CmarkSession` makes them all, and its first
//   parse attaches the full list), so the first parser's characters are every parser's; and
// - none of those characters is one of cmark's own (`\n`, `*`, `[` …), which switching off
//   would have cleared for the next parse: the core extensions' are `~`, `:` and `w`.

typedef void (*manage_function)(cmark_parser *parser, int add);

static atomic_bool fixed;
static pthread_mutex_t switching = PTHREAD_MUTEX_INITIALIZER;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  if (!add || atomic_load_explicit(&fixed, memory_order_acquire))
    return;
  pthread_mutex_lock(&switching);
  if (!atomic_load_explicit(&fixed, memory_order_relaxed)) {
    // The next definition in lookup order: the library's, whose call led here.
    manage_function library = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (library == NULL) {
      fprintf(stderr, "cmark-gfm's cmark_manage_extensions_special_characters not found: %s\n", dlerror());
      abort();
    }
    library(parser, 1);
    atomic_store_explicit(&fixed, true, memory_order_release);
  }
  pthread_mutex_unlock(&switching);
}

bool newsroom_cmark_characters_fixed(void) {
  return atomic_load_explicit(&fixed, memory_order_acquire);
}

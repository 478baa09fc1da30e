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
// parser's characters on with the library's definition, and they stay on, except the autolink
// extension's: those are on only while some parse with that extension runs (a count), since
// every `w` and `:` of a text ends a text node while they are on.
//
// That is the table every parse would see on its own, provided that
// - every parser attaches the same extensions, in the same order, but for autolink, which a
//   parser may leave out (`CmarkSession`'s first parse attaches the full list), so the first
//   parser's characters are every parser's; and
// - none of those characters is one of cmark's own (`\n`, `*`, `[` …), which switching off
//   would have cleared for the next parse: the core extensions' are `~`, `:` and `w`.
// A parse without autolink may see `:` and `w` switched on or off as another parse starts or
// ends: with no extension of its own to claim them, they only end a text node where they are
// met, which renders the same.

typedef void (*manage_function)(cmark_parser *parser, int add);

static atomic_bool fixed;
static pthread_mutex_t switching = PTHREAD_MUTEX_INITIALIZER;
static manage_function library;
static cmark_syntax_extension *autolink;
// A parser with the autolink extension alone, whose characters the library switches; made
// once, and kept as long as the process, like the table it switches.
static cmark_parser *autolink_only;
// How many parses with the autolink extension are in their inline parsing (under `switching`).
static int autolink_parses;

static bool has_autolink(cmark_parser *parser) {
  for (cmark_llist *item = cmark_parser_get_syntax_extensions(parser); item; item = item->next) {
    if (item->data == autolink)
      return true;
  }
  return false;
}

static void switch_first(cmark_parser *parser) {
  // The next definition in lookup order: the library's, whose call led here.
  library = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
  if (library == NULL) {
    fprintf(stderr, "cmark-gfm's cmark_manage_extensions_special_characters not found: %s\n", dlerror());
    abort();
  }
  autolink = cmark_find_syntax_extension("autolink");
  if (autolink != NULL) {
    autolink_only = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (autolink_only == NULL || !cmark_parser_attach_syntax_extension(autolink_only, autolink)) {
      fputs("cmark-gfm's autolink extension cannot be attached\n", stderr);
      abort();
    }
  }
  library(parser, 1);
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  bool first = !atomic_load_explicit(&fixed, memory_order_acquire);
  if (!first && (autolink == NULL || !has_autolink(parser)))
    return;
  pthread_mutex_lock(&switching);
  if (!atomic_load_explicit(&fixed, memory_order_relaxed)) {
    if (!add) {
      pthread_mutex_unlock(&switching);
      return;
    }
    switch_first(parser);
    // A first parser with autolink switched its characters on; its end switches them off.
    if (autolink != NULL && has_autolink(parser))
      autolink_parses = 1;
    atomic_store_explicit(&fixed, true, memory_order_release);
  } else if (autolink != NULL && has_autolink(parser)) {
    if (add) {
      if (autolink_parses++ == 0)
        library(autolink_only, 1);
    } else if (autolink_parses > 0 && --autolink_parses == 0) {
      library(autolink_only, 0);
    }
  }
  pthread_mutex_unlock(&switching);
}

bool newsroom_cmark_characters_fixed(void) {
  return atomic_load_explicit(&fixed, memory_order_acquire);
}

int newsroom_cmark_autolink_parses(void) {
  pthread_mutex_lock(&switching);
  int count = autolink_parses;
  pthread_mutex_unlock(&switching);
  return count;
}

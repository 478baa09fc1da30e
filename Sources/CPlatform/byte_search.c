#define _GNU_SOURCE
#include "byte_search.h"

#include <string.h>

const void *newsroom_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

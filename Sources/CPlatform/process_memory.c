#include "process_memory.h"

// Any C library header tells whether it is glibc (through <features.h>).
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

int newsroom_set_malloc_limits(int arenas, int mmap_threshold) {
#if defined(__GLIBC__) && defined(M_ARENA_MAX) && defined(M_MMAP_THRESHOLD)
    int arenas_taken = mallopt(M_ARENA_MAX, arenas) == 1;
    int threshold_taken = mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1;
    return arenas_taken && threshold_taken;
#else
    (void)arenas;
    (void)mmap_threshold;
    return 0;
#endif
}

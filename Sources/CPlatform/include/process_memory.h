#ifndef NEWSROOM_PROCESS_MEMORY_H
#define NEWSROOM_PROCESS_MEMORY_H

/// Caps the C allocator's arenas at `arenas` (glibc's `M_ARENA_MAX`) and fixes the size from
/// which a block gets pages of its own at `mmap_threshold` bytes (`M_MMAP_THRESHOLD`, which
/// otherwise rises as large blocks are freed). Returns 1 when the allocator took both, 0 where
/// it has no such settings.
int newsroom_set_malloc_limits(int arenas, int mmap_threshold);

#endif

#include "arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every block starts with a header holding its size, so that `realloc` knows how much to copy.
// Headers and sizes are kept to 16 bytes, malloc's alignment.
enum { alignment = 16, header = 16, chunk_size = 256 * 1024 };

struct chunk {
    struct chunk *next;
    size_t size;   // usable bytes after this struct
    size_t used;
    size_t last;   // offset of the latest block's header, or SIZE_MAX
    // 16-byte aligned data follows
};

struct arena {
    struct chunk *chunks;  // the current chunk first
    struct chunk *first;   // the chunk made with the arena, kept from one document to the next
    int depth;
};

static _Thread_local struct arena *current;
static pthread_key_t release_key;
static pthread_once_t release_once = PTHREAD_ONCE_INIT;

static void out_of_memory(void) {
    fputs("newsroom: out of memory while rendering Markdown\n", stderr);
    abort();
}

static unsigned char *data_of(struct chunk *chunk) {
    return (unsigned char *)chunk + ((sizeof(struct chunk) + alignment - 1) & ~(size_t)(alignment - 1));
}

static struct chunk *new_chunk(size_t size, struct chunk *next) {
    size_t offset = (sizeof(struct chunk) + alignment - 1) & ~(size_t)(alignment - 1);
    struct chunk *chunk = malloc(offset + size);
    if (!chunk) out_of_memory();
    chunk->next = next;
    chunk->size = size;
    chunk->used = 0;
    chunk->last = SIZE_MAX;
    return chunk;
}

static void release_chunks(struct chunk *chunk) {
    while (chunk) {
        struct chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
}

static void release_arena(void *value) {
    struct arena *arena = value;
    release_chunks(arena->chunks);
    free(arena);
}

static void make_release_key(void) {
    pthread_key_create(&release_key, release_arena);
}

static size_t rounded(size_t size) {
    if (size > SIZE_MAX - header - alignment) out_of_memory();
    return (size + alignment - 1) & ~(size_t)(alignment - 1);
}

static void *allocate(size_t size) {
    struct arena *arena = current;
    if (!arena) out_of_memory();  // used outside begin/end: a programming error
    size_t needed = header + rounded(size);
    struct chunk *chunk = arena->chunks;
    if (chunk->size - chunk->used < needed) {
        // A large block gets a chunk of its own, behind the current one, so the current
        // chunk's free space is not wasted.
        if (needed > chunk_size / 4) {
            struct chunk *own = new_chunk(needed, chunk->next);
            chunk->next = own;
            chunk = own;
        } else {
            chunk = new_chunk(chunk_size, chunk);
            arena->chunks = chunk;
        }
    }
    unsigned char *block = data_of(chunk) + chunk->used;
    *(size_t *)block = size;
    chunk->last = chunk->used;
    chunk->used += needed;
    return block + header;
}

void newsroom_arena_begin(void) {
    struct arena *arena = current;
    if (!arena) {
        pthread_once(&release_once, make_release_key);
        arena = calloc(1, sizeof *arena);
        if (!arena) out_of_memory();
        arena->first = new_chunk(chunk_size, NULL);
        arena->chunks = arena->first;
        current = arena;
        pthread_setspecific(release_key, arena);
    }
    arena->depth += 1;
}

void newsroom_arena_end(void) {
    struct arena *arena = current;
    if (!arena || arena->depth == 0) return;
    arena->depth -= 1;
    if (arena->depth > 0) return;
    struct chunk *chunk = arena->chunks;
    while (chunk) {
        struct chunk *next = chunk->next;
        if (chunk != arena->first) free(chunk);
        chunk = next;
    }
    arena->first->next = NULL;
    arena->first->used = 0;
    arena->first->last = SIZE_MAX;
    arena->chunks = arena->first;
}

void *newsroom_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    size_t bytes = count * size;
    void *block = allocate(bytes);
    memset(block, 0, bytes);
    return block;
}

/// The chunk whose latest block is `pointer`, if any: only the current chunk and a large
/// block's own chunk right behind it can be.
static struct chunk *chunk_with_latest(unsigned char *pointer) {
    struct chunk *chunk = current->chunks;
    for (int i = 0; i < 2 && chunk; i++, chunk = chunk->next) {
        if (chunk->last != SIZE_MAX && data_of(chunk) + chunk->last + header == pointer) return chunk;
    }
    return NULL;
}

void *newsroom_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    unsigned char *block = (unsigned char *)pointer - header;
    size_t old = *(size_t *)block;
    struct chunk *chunk = chunk_with_latest(pointer);
    if (chunk) {
        size_t needed = header + rounded(size);
        if (chunk->last + needed <= chunk->size) {
            *(size_t *)block = size;
            chunk->used = chunk->last + needed;
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

void newsroom_arena_free(void *pointer) {
    if (!pointer || !current) return;
    struct chunk *chunk = chunk_with_latest(pointer);
    if (chunk) {
        chunk->used = chunk->last;
        chunk->last = SIZE_MAX;
    }
}

size_t newsroom_arena_reserved(void) {
    size_t total = 0;
    if (!current) return 0;
    for (struct chunk *chunk = current->chunks; chunk; chunk = chunk->next) total += chunk->size;
    return total;
}

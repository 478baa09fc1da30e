#ifndef NEWSROOM_CODEC_PRIVATE_H
#define NEWSROOM_CODEC_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

void nr_set_error(char *error, size_t error_size, const char *message);
/// `count` bytes, or NULL (with the error set) when that is more than memory allows.
uint8_t *nr_allocate(size_t count, char *error, size_t error_size);

#endif

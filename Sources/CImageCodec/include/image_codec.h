#ifndef NEWSROOM_IMAGE_CODEC_H
#define NEWSROOM_IMAGE_CODEC_H

#include <stddef.h>
#include <stdint.h>

/// Pixels in memory: rows of `width * channels` bytes, 3 channels (RGB) or 4 (RGBA, straight
/// alpha). Owned by the caller once returned; free with `nr_pixels_free`.
typedef struct {
    int width;
    int height;
    int channels;
    uint8_t *pixels;
} nr_pixels;

/// Encoded bytes, owned by the caller; free with `nr_bytes_free`.
typedef struct {
    uint8_t *data;
    size_t size;
} nr_bytes;

void nr_pixels_free(nr_pixels *image);
void nr_bytes_free(nr_bytes *bytes);

/// Each returns 0 on success, or -1 with a message in `error` (`error_size` bytes, NUL-ended).

/// The size a JPEG declares, read from its header only.
int nr_jpeg_size(const uint8_t *data, size_t size, int *width, int *height, char *error, size_t error_size);
/// Decodes a JPEG to RGB, shrunk by 1/`denominator` (1, 2, 4 or 8) in the decoder itself.
int nr_jpeg_decode(const uint8_t *data, size_t size, int denominator, nr_pixels *out, char *error, size_t error_size);
/// Encodes RGB (3 channels) as a progressive JPEG with nothing but the pixels (no metadata).
int nr_jpeg_encode(const nr_pixels *image, int quality, nr_bytes *out, char *error, size_t error_size);

int nr_png_size(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, char *error, size_t error_size);
/// Decodes a PNG to RGB, or RGBA when it has alpha.
int nr_png_decode(const uint8_t *data, size_t size, nr_pixels *out, char *error, size_t error_size);
int nr_png_encode(const nr_pixels *image, nr_bytes *out, char *error, size_t error_size);

int nr_webp_size(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, char *error, size_t error_size);
int nr_webp_decode(const uint8_t *data, size_t size, nr_pixels *out, char *error, size_t error_size);
/// Lossy WebP at `quality` (0–100), RGB or RGBA; the simple encoder writes no metadata chunks.
int nr_webp_encode(const nr_pixels *image, int quality, nr_bytes *out, char *error, size_t error_size);

/// The EXIF orientation (1–8) in `data`: a JPEG file, or an EXIF block starting `Exif\0\0`;
/// 1 when there is none.
int nr_exif_orientation(const uint8_t *data, size_t size);

enum {
    NR_EXIF_HAS_GPS = 1,
    /// Artist, Copyright, the camera owner's name or the body's serial number.
    NR_EXIF_HAS_OWNER = 2,
    NR_EXIF_HAS_ANY = 4,
};
/// What the EXIF in `data` (as for `nr_exif_orientation`) carries, as `NR_EXIF_*` bits.
int nr_exif_findings(const uint8_t *data, size_t size);

/// `image` turned upright as EXIF `orientation` says (1–8).
int nr_orient(const nr_pixels *image, int orientation, nr_pixels *out, char *error, size_t error_size);
/// `image` scaled to `width`×`height` (each no larger than the source) by averaging the source
/// area under each output pixel, alpha-weighted; separable: one pass across, one down.
int nr_resize(const nr_pixels *image, int width, int height, nr_pixels *out, char *error, size_t error_size);
/// Cuts the rectangle at `x`,`y` of `width`×`height` out of `image`.
int nr_crop(const nr_pixels *image, int x, int y, int width, int height, nr_pixels *out, char *error, size_t error_size);
/// RGBA → RGB, dropping alpha (for an image whose alpha is all opaque).
int nr_drop_alpha(const nr_pixels *image, nr_pixels *out, char *error, size_t error_size);
/// True when every alpha byte is 255.
int nr_is_opaque(const nr_pixels *image);

/// The versions of the encoders, for cache keys.
const char *nr_codec_versions(void);

#endif

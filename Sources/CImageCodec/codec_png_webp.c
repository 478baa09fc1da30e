#include "image_codec.h"
#include "codec_private.h"

#ifndef NR_WEBP_METHOD
#define NR_WEBP_METHOD 2
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <webp/decode.h>
#include <webp/encode.h>

// libpng's simplified API reports failures in the image's `message` and needs no setjmp.

// Reads the PNG's header into `image`; on failure the message is in `error` and nothing is held.
static int nr_png_begin(png_image *image, const uint8_t *data, size_t size, char *error, size_t error_size) {
    memset(image, 0, sizeof *image);
    image->version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(image, data, size)) {
        nr_set_error(error, error_size, image->message);
        png_image_free(image);
        return -1;
    }
    return 0;
}

int nr_png_size(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, char *error, size_t error_size) {
    png_image image;
    if (nr_png_begin(&image, data, size, error, error_size) != 0) return -1;
    *width = (int)image.width;
    *height = (int)image.height;
    *has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    png_image_free(&image);
    return 0;
}

int nr_png_decode(const uint8_t *data, size_t size, nr_pixels *out, char *error, size_t error_size) {
    png_image image;
    if (nr_png_begin(&image, data, size, error, error_size) != 0) return -1;
    int channels = (image.format & PNG_FORMAT_FLAG_ALPHA) ? 4 : 3;
    image.format = channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    uint8_t *pixels = nr_allocate(PNG_IMAGE_SIZE(image), error, error_size);
    if (!pixels) {
        png_image_free(&image);
        return -1;
    }
    if (!png_image_finish_read(&image, NULL, pixels, 0, NULL)) {
        nr_set_error(error, error_size, image.message);
        free(pixels);
        png_image_free(&image);
        return -1;
    }
    out->width = (int)image.width;
    out->height = (int)image.height;
    out->channels = channels;
    out->pixels = pixels;
    png_image_free(&image);
    return 0;
}

int nr_png_encode(const nr_pixels *pixels, nr_bytes *out, char *error, size_t error_size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)pixels->width;
    image.height = (png_uint_32)pixels->height;
    image.format = pixels->channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    png_alloc_size_t length = 0;
    if (!png_image_write_to_memory(&image, NULL, &length, 0, pixels->pixels, 0, NULL)) {
        nr_set_error(error, error_size, image.message);
        return -1;
    }
    uint8_t *buffer = nr_allocate(length, error, error_size);
    if (!buffer) return -1;
    if (!png_image_write_to_memory(&image, buffer, &length, 0, pixels->pixels, 0, NULL)) {
        nr_set_error(error, error_size, image.message);
        free(buffer);
        return -1;
    }
    out->data = buffer;
    out->size = length;
    return 0;
}

int nr_webp_size(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, char *error, size_t error_size) {
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(data, size, &features) != VP8_STATUS_OK) {
        nr_set_error(error, error_size, "not a readable WebP header");
        return -1;
    }
    if (features.has_animation) {
        nr_set_error(error, error_size, "animated WebP is not supported");
        return -1;
    }
    *width = features.width;
    *height = features.height;
    *has_alpha = features.has_alpha;
    return 0;
}

int nr_webp_decode(const uint8_t *data, size_t size, nr_pixels *out, char *error, size_t error_size) {
    int width = 0, height = 0, has_alpha = 0;
    if (nr_webp_size(data, size, &width, &height, &has_alpha, error, error_size) != 0) return -1;
    int channels = has_alpha ? 4 : 3;
    size_t stride = (size_t)width * (size_t)channels;
    uint8_t *pixels = nr_allocate(stride * (size_t)height, error, error_size);
    if (!pixels) return -1;
    uint8_t *done = has_alpha
        ? WebPDecodeRGBAInto(data, size, pixels, stride * (size_t)height, (int)stride)
        : WebPDecodeRGBInto(data, size, pixels, stride * (size_t)height, (int)stride);
    if (!done) {
        nr_set_error(error, error_size, "the WebP data is corrupt or cut short");
        free(pixels);
        return -1;
    }
    out->width = width;
    out->height = height;
    out->channels = channels;
    out->pixels = pixels;
    return 0;
}

// The advanced API, for one setting the simple one fixes: `method` 2 of 0–6 (effort). Method 4
// (the simple API's) takes several times as long for files only slightly smaller, and a site
// of thousands of photos makes four WebP copies of each (figures in PERFORMANCE.md). Metadata chunks are written only when a
// caller adds them with the mux API, which this never does.
int nr_webp_encode(const nr_pixels *image, int quality, nr_bytes *out, char *error, size_t error_size) {
    WebPConfig config;
    WebPPicture picture;
    WebPMemoryWriter writer;
    if (!WebPConfigInit(&config) || !WebPPictureInit(&picture)) {
        nr_set_error(error, error_size, "the WebP encoder cannot start");
        return -1;
    }
    config.quality = (float)quality;
    config.method = NR_WEBP_METHOD;
    picture.use_argb = 0;
    picture.width = image->width;
    picture.height = image->height;
    int stride = image->width * image->channels;
    int imported = image->channels == 4 ? WebPPictureImportRGBA(&picture, image->pixels, stride) : WebPPictureImportRGB(&picture, image->pixels, stride);
    if (!imported) {
        nr_set_error(error, error_size, "out of memory");
        WebPPictureFree(&picture);
        return -1;
    }
    WebPMemoryWriterInit(&writer);
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    int encoded = WebPEncode(&config, &picture);
    WebPPictureFree(&picture);
    if (!encoded) {
        nr_set_error(error, error_size, "the WebP encoder failed");
        WebPMemoryWriterClear(&writer);
        return -1;
    }
    // Copied so every nr_bytes is released the same way (WebP wants WebPFree for its own).
    uint8_t *copy = nr_allocate(writer.size, error, error_size);
    if (!copy) {
        WebPMemoryWriterClear(&writer);
        return -1;
    }
    memcpy(copy, writer.mem, writer.size);
    out->data = copy;
    out->size = writer.size;
    WebPMemoryWriterClear(&writer);
    return 0;
}

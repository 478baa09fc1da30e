#include "image_codec.h"
#include "codec_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <webp/decode.h>
#include <webp/encode.h>

// libpng's simplified API reports failures in the image's `message` and needs no setjmp.

int nr_png_size(const uint8_t *data, size_t size, int *width, int *height, int *has_alpha, char *error, size_t error_size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        nr_set_error(error, error_size, image.message);
        png_image_free(&image);
        return -1;
    }
    *width = (int)image.width;
    *height = (int)image.height;
    *has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    png_image_free(&image);
    return 0;
}

int nr_png_decode(const uint8_t *data, size_t size, nr_pixels *out, char *error, size_t error_size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        nr_set_error(error, error_size, image.message);
        png_image_free(&image);
        return -1;
    }
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

int nr_webp_encode(const nr_pixels *image, int quality, nr_bytes *out, char *error, size_t error_size) {
    uint8_t *encoded = NULL;
    int stride = image->width * image->channels;
    size_t length = image->channels == 4
        ? WebPEncodeRGBA(image->pixels, image->width, image->height, stride, (float)quality, &encoded)
        : WebPEncodeRGB(image->pixels, image->width, image->height, stride, (float)quality, &encoded);
    if (length == 0) {
        nr_set_error(error, error_size, "the WebP encoder failed");
        return -1;
    }
    // Copied so every nr_bytes is released the same way (WebP wants WebPFree for its own).
    uint8_t *copy = nr_allocate(length, error, error_size);
    if (!copy) {
        WebPFree(encoded);
        return -1;
    }
    memcpy(copy, encoded, length);
    WebPFree(encoded);
    out->data = copy;
    out->size = length;
    return 0;
}

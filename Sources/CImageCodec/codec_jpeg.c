#include "image_codec.h"
#include "codec_private.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

// libjpeg reports a fatal error by calling `error_exit`, which must not return: it jumps back
// to the call that started the work, with the library's message kept for the caller.
typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf back;
    char message[JMSG_LENGTH_MAX];
} jpeg_failure;

static void jpeg_fail(j_common_ptr info) {
    jpeg_failure *failure = (jpeg_failure *)info->err;
    (*info->err->format_message)(info, failure->message);
    longjmp(failure->back, 1);
}

// Warnings (a corrupt scan, premature end of data) are failures too: a truncated photo must not
// be published with its lower half grey.
static void jpeg_warn(j_common_ptr info, int level) {
    if (level < 0) jpeg_fail(info);
}

static void jpeg_failure_init(jpeg_failure *failure) {
    jpeg_std_error(&failure->manager);
    failure->manager.error_exit = jpeg_fail;
    failure->manager.emit_message = jpeg_warn;
    failure->message[0] = 0;
}

int nr_jpeg_size(const uint8_t *data, size_t size, int *width, int *height, char *error, size_t error_size) {
    struct jpeg_decompress_struct info;
    jpeg_failure failure;
    jpeg_failure_init(&failure);
    info.err = &failure.manager;
    if (setjmp(failure.back)) {
        nr_set_error(error, error_size, failure.message);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    *width = (int)info.image_width;
    *height = (int)info.image_height;
    jpeg_destroy_decompress(&info);
    return 0;
}

int nr_jpeg_decode(const uint8_t *data, size_t size, int denominator, nr_pixels *out, char *error, size_t error_size) {
    struct jpeg_decompress_struct info;
    jpeg_failure failure;
    // volatile: assigned between setjmp and a possible longjmp, read after it.
    uint8_t *volatile pixels = NULL;
    uint8_t *volatile row = NULL;
    jpeg_failure_init(&failure);
    info.err = &failure.manager;
    if (setjmp(failure.back)) {
        nr_set_error(error, error_size, failure.message);
        free(pixels);
        free(row);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    info.scale_num = 1;
    info.scale_denom = (unsigned int)(denominator > 0 ? denominator : 1);
    info.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&info);
    size_t width = info.output_width, height = info.output_height;
    size_t in_channels = (size_t)info.output_components;
    pixels = malloc(width * height * 3);
    row = malloc(width * in_channels);
    if (!pixels || !row) {
        strcpy(failure.message, "out of memory");
        longjmp(failure.back, 1);
    }
    while (info.output_scanline < info.output_height) {
        size_t y = info.output_scanline;
        JSAMPROW rows[1] = { cmyk ? row : pixels + y * width * 3 };
        jpeg_read_scanlines(&info, rows, 1);
        if (cmyk) {
            // Photoshop writes Adobe CMYK inverted: each byte is already 255 − ink.
            for (size_t x = 0; x < width; x++) {
                unsigned k = row[x * 4 + 3];
                for (int c = 0; c < 3; c++) pixels[(y * width + x) * 3 + c] = (uint8_t)((row[x * 4 + c] * k + 127) / 255);
            }
        }
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(row);
    out->width = (int)width;
    out->height = (int)height;
    out->channels = 3;
    out->pixels = pixels;
    return 0;
}

int nr_jpeg_encode(const nr_pixels *image, int quality, nr_bytes *out, char *error, size_t error_size) {
    if (image->channels != 3) {
        nr_set_error(error, error_size, "JPEG needs 3 channels");
        return -1;
    }
    struct jpeg_compress_struct info;
    jpeg_failure failure;
    unsigned char *volatile buffer = NULL;
    unsigned long length = 0;
    jpeg_failure_init(&failure);
    info.err = &failure.manager;
    if (setjmp(failure.back)) {
        nr_set_error(error, error_size, failure.message);
        jpeg_destroy_compress(&info);
        free(buffer);
        return -1;
    }
    jpeg_create_compress(&info);
    unsigned char *target = NULL;
    jpeg_mem_dest(&info, &target, &length);
    info.image_width = (JDIMENSION)image->width;
    info.image_height = (JDIMENSION)image->height;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    info.optimize_coding = TRUE;
    jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    size_t stride = (size_t)image->width * 3;
    while (info.next_scanline < info.image_height) {
        JSAMPROW rows[1] = { image->pixels + info.next_scanline * stride };
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    buffer = target;
    jpeg_destroy_compress(&info);
    out->data = buffer;
    out->size = length;
    return 0;
}

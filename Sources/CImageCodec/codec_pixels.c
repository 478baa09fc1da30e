#include "image_codec.h"
#include "codec_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/encode.h>
#include <libexif/exif-data.h>

void nr_set_error(char *error, size_t error_size, const char *message) {
    if (error && error_size > 0) snprintf(error, error_size, "%s", message ? message : "unknown error");
}

uint8_t *nr_allocate(size_t count, char *error, size_t error_size) {
    uint8_t *memory = malloc(count ? count : 1);
    if (!memory) nr_set_error(error, error_size, "out of memory");
    return memory;
}

void nr_pixels_free(nr_pixels *image) {
    free(image->pixels);
    image->pixels = NULL;
}

void nr_bytes_free(nr_bytes *bytes) {
    free(bytes->data);
    bytes->data = NULL;
    bytes->size = 0;
}

int nr_orient(const nr_pixels *image, int orientation, nr_pixels *out, char *error, size_t error_size) {
    size_t w = (size_t)image->width, h = (size_t)image->height, c = (size_t)image->channels;
    int swaps = orientation >= 5 && orientation <= 8;
    size_t dw = swaps ? h : w, dh = swaps ? w : h;
    uint8_t *pixels = nr_allocate(w * h * c, error, error_size);
    if (!pixels) return -1;
    for (size_t y = 0; y < dh; y++) {
        for (size_t x = 0; x < dw; x++) {
            size_t sx, sy;
            switch (orientation) {
            case 2: sx = w - 1 - x; sy = y; break;
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;
            case 4: sx = x; sy = h - 1 - y; break;
            case 5: sx = y; sy = x; break;
            case 6: sx = y; sy = h - 1 - x; break;
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;
            case 8: sx = w - 1 - y; sy = x; break;
            default: sx = x; sy = y; break;
            }
            memcpy(pixels + (y * dw + x) * c, image->pixels + (sy * w + sx) * c, c);
        }
    }
    out->width = (int)dw;
    out->height = (int)dh;
    out->channels = image->channels;
    out->pixels = pixels;
    return 0;
}

// For each output position along one axis: the first source index it covers and the share of
// each covered source pixel (shares sum to 1). Area averaging: an output pixel is the mean of
// the source area under it, counting partly covered pixels by the part covered.
typedef struct {
    int *first;
    int *count;
    float *weights;
    int stride;
} area_table;

static int area_table_make(int source, int target, area_table *table) {
    double scale = (double)source / (double)target;
    table->stride = (int)ceil(scale) + 2;
    table->first = malloc(sizeof(int) * (size_t)target);
    table->count = malloc(sizeof(int) * (size_t)target);
    table->weights = malloc(sizeof(float) * (size_t)target * (size_t)table->stride);
    if (!table->first || !table->count || !table->weights) return -1;
    for (int i = 0; i < target; i++) {
        double start = i * scale, end = (i + 1) * scale;
        int first = (int)floor(start), last = (int)ceil(end) - 1;
        if (last >= source) last = source - 1;
        int n = 0;
        for (int s = first; s <= last && n < table->stride; s++) {
            double from = s > start ? s : start, to = s + 1 < end ? s + 1 : end;
            table->weights[(size_t)i * (size_t)table->stride + (size_t)n++] = (float)((to - from) / scale);
        }
        table->first[i] = first;
        table->count[i] = n;
    }
    return 0;
}

static void area_table_free(area_table *table) {
    free(table->first);
    free(table->count);
    free(table->weights);
}

int nr_resize(const nr_pixels *image, int width, int height, nr_pixels *out, char *error, size_t error_size) {
    int c = image->channels, alpha = c == 4;
    size_t sw = (size_t)image->width, sh = (size_t)image->height;
    area_table across = {0}, down = {0};
    float *middle = malloc(sizeof(float) * (size_t)width * sh * (size_t)c);
    uint8_t *pixels = malloc((size_t)width * (size_t)height * (size_t)c);
    if (!middle || !pixels || area_table_make((int)sw, width, &across) || area_table_make((int)sh, height, &down)) {
        free(middle);
        free(pixels);
        area_table_free(&across);
        area_table_free(&down);
        nr_set_error(error, error_size, "out of memory");
        return -1;
    }
    // Across: colour is weighted by alpha (premultiplied), so a transparent pixel's colour does
    // not bleed into its neighbours.
    for (size_t y = 0; y < sh; y++) {
        const uint8_t *row = image->pixels + y * sw * (size_t)c;
        float *target = middle + y * (size_t)width * (size_t)c;
        for (int x = 0; x < width; x++) {
            float sum[4] = {0, 0, 0, 0};
            const float *weights = across.weights + (size_t)x * (size_t)across.stride;
            for (int k = 0; k < across.count[x]; k++) {
                const uint8_t *p = row + (size_t)(across.first[x] + k) * (size_t)c;
                float w = weights[k];
                if (alpha) {
                    float a = p[3] * w;
                    sum[0] += p[0] * a; sum[1] += p[1] * a; sum[2] += p[2] * a; sum[3] += a;
                } else {
                    sum[0] += p[0] * w; sum[1] += p[1] * w; sum[2] += p[2] * w;
                }
            }
            memcpy(target + (size_t)x * (size_t)c, sum, sizeof(float) * (size_t)c);
        }
    }
    // Down.
    size_t row_floats = (size_t)width * (size_t)c;
    float *sums = calloc(row_floats, sizeof(float));
    for (int y = 0; y < height; y++) {
        memset(sums, 0, sizeof(float) * row_floats);
        const float *weights = down.weights + (size_t)y * (size_t)down.stride;
        for (int k = 0; k < down.count[y]; k++) {
            const float *source = middle + (size_t)(down.first[y] + k) * row_floats;
            float w = weights[k];
            for (size_t i = 0; i < row_floats; i++) sums[i] += source[i] * w;
        }
        uint8_t *target = pixels + (size_t)y * row_floats;
        for (int x = 0; x < width; x++) {
            float *s = sums + (size_t)x * (size_t)c;
            float a = alpha ? s[3] : 1.0f;
            for (int ch = 0; ch < 3; ch++) {
                float v = alpha ? (a > 0 ? s[ch] / a : 0) : s[ch];
                target[x * c + ch] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v + 0.5f);
            }
            if (alpha) target[x * c + 3] = (uint8_t)(a > 255 ? 255 : a + 0.5f);
        }
    }
    free(sums);
    free(middle);
    area_table_free(&across);
    area_table_free(&down);
    out->width = width;
    out->height = height;
    out->channels = c;
    out->pixels = pixels;
    return 0;
}

int nr_crop(const nr_pixels *image, int x, int y, int width, int height, nr_pixels *out, char *error, size_t error_size) {
    if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > image->width || y + height > image->height) {
        nr_set_error(error, error_size, "crop outside the image");
        return -1;
    }
    size_t c = (size_t)image->channels;
    uint8_t *pixels = nr_allocate((size_t)width * (size_t)height * c, error, error_size);
    if (!pixels) return -1;
    for (int row = 0; row < height; row++) {
        memcpy(pixels + (size_t)row * (size_t)width * c, image->pixels + ((size_t)(y + row) * (size_t)image->width + (size_t)x) * c, (size_t)width * c);
    }
    out->width = width;
    out->height = height;
    out->channels = image->channels;
    out->pixels = pixels;
    return 0;
}

int nr_drop_alpha(const nr_pixels *image, nr_pixels *out, char *error, size_t error_size) {
    size_t count = (size_t)image->width * (size_t)image->height;
    uint8_t *pixels = nr_allocate(count * 3, error, error_size);
    if (!pixels) return -1;
    for (size_t i = 0; i < count; i++) memcpy(pixels + i * 3, image->pixels + i * 4, 3);
    out->width = image->width;
    out->height = image->height;
    out->channels = 3;
    out->pixels = pixels;
    return 0;
}

int nr_is_opaque(const nr_pixels *image) {
    if (image->channels != 4) return 1;
    size_t count = (size_t)image->width * (size_t)image->height;
    for (size_t i = 0; i < count; i++) {
        if (image->pixels[i * 4 + 3] != 255) return 0;
    }
    return 1;
}

int nr_exif_orientation(const uint8_t *data, size_t size) {
    ExifData *exif = exif_data_new_from_data(data, (unsigned int)size);
    if (!exif) return 1;
    int orientation = 1;
    ExifEntry *entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    if (entry && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1) {
        int value = exif_get_short(entry->data, exif_data_get_byte_order(exif));
        if (value >= 1 && value <= 8) orientation = value;
    }
    exif_data_unref(exif);
    return orientation;
}

int nr_exif_findings(const uint8_t *data, size_t size) {
    ExifData *exif = exif_data_new_from_data(data, (unsigned int)size);
    if (!exif) return 0;
    int findings = 0;
    for (int ifd = 0; ifd < EXIF_IFD_COUNT; ifd++) {
        if (exif->ifd[ifd] && exif->ifd[ifd]->count > 0) findings |= NR_EXIF_HAS_ANY;
    }
    if (exif->ifd[EXIF_IFD_GPS] && exif->ifd[EXIF_IFD_GPS]->count > 0) findings |= NR_EXIF_HAS_GPS;
    const ExifTag owners[] = { EXIF_TAG_ARTIST, EXIF_TAG_COPYRIGHT, EXIF_TAG_CAMERA_OWNER_NAME, EXIF_TAG_BODY_SERIAL_NUMBER };
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++) {
        if (exif_data_get_entry(exif, owners[i])) findings |= NR_EXIF_HAS_OWNER;
    }
    exif_data_unref(exif);
    return findings;
}

const char *nr_codec_versions(void) {
    static char versions[128];
    if (!versions[0]) {
        int webp = WebPGetEncoderVersion();
        snprintf(versions, sizeof versions, "jpeg-%d png-%s webp-%d.%d.%d area-1",
                 LIBJPEG_TURBO_VERSION_NUMBER, PNG_LIBPNG_VER_STRING, (webp >> 16) & 0xff, (webp >> 8) & 0xff, webp & 0xff);
    }
    return versions;
}

#include "image_fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <jpeglib.h>
#include <libexif/exif-data.h>

static ExifEntry *add(ExifData *exif, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned long components) {
    ExifMem *memory = exif_mem_new_default();
    ExifEntry *entry = exif_entry_new_mem(memory);
    size_t size = (size_t)exif_format_get_size(format) * components;
    entry->data = exif_mem_alloc(memory, (ExifLong)size);
    entry->size = (unsigned int)size;
    entry->tag = tag;
    entry->components = components;
    entry->format = format;
    exif_content_add_entry(exif->ifd[ifd], entry);
    exif_mem_unref(memory);
    exif_entry_unref(entry);
    return entry;
}

static void add_text(ExifData *exif, ExifIfd ifd, ExifTag tag, const char *text) {
    ExifEntry *entry = add(exif, ifd, tag, EXIF_FORMAT_ASCII, strlen(text) + 1);
    memcpy(entry->data, text, strlen(text) + 1);
}

static void add_degrees(ExifData *exif, ExifTag tag, unsigned degrees, unsigned minutes, unsigned seconds) {
    ExifEntry *entry = add(exif, EXIF_IFD_GPS, tag, EXIF_FORMAT_RATIONAL, 3);
    ExifByteOrder order = exif_data_get_byte_order(exif);
    exif_set_rational(entry->data, order, (ExifRational){ degrees, 1 });
    exif_set_rational(entry->data + 8, order, (ExifRational){ minutes, 1 });
    exif_set_rational(entry->data + 16, order, (ExifRational){ seconds, 1 });
}

static uint8_t *encode_with_metadata(uint8_t *pixels, int width, int height, int orientation, int with_gps_and_owner, int quality, size_t *size);

uint8_t *nrf_phone_jpeg(int width, int height, int orientation, int with_gps_and_owner, size_t *size) {
    uint8_t *pixels = malloc((size_t)width * (size_t)height * 3);
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            uint8_t *p = pixels + ((size_t)y * (size_t)width + (size_t)x) * 3;
            int corner = x < width / 2 && y < height / 2;
            p[0] = corner ? 255 : 0;
            p[1] = corner ? 0 : (uint8_t)(255 * x / width);
            p[2] = corner ? 0 : (uint8_t)(128 + 127 * y / height);
        }
    }
    return encode_with_metadata(pixels, width, height, orientation, with_gps_and_owner, 90, size);
}

static unsigned next_random(unsigned *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static uint8_t clamp(int value) { return (uint8_t)(value < 0 ? 0 : value > 255 ? 255 : value); }

uint8_t *nrf_scene_jpeg(int width, int height, unsigned seed, int orientation, int with_gps_and_owner, int quality, size_t *size) {
    uint8_t *pixels = malloc((size_t)width * (size_t)height * 3);
    unsigned state = seed * 2654435761u + 1;
    int across = orientation == 6 ? height : width, down = orientation == 6 ? width : height;
    int sun_x = (int)(next_random(&state) % (unsigned)across), sun_y = down / 8 + (int)(next_random(&state) % (unsigned)(down / 4 + 1));
    int sun_r = down / 14 + (int)(next_random(&state) % (unsigned)(down / 14 + 1));
    double phase = (next_random(&state) % 628) / 100.0, phase2 = (next_random(&state) % 628) / 100.0;
    int warm = (int)(next_random(&state) % 60);
    // Drawn as it is seen: with orientation 6 the stored rows are the picture turned a quarter
    // anticlockwise, as a phone held upright stores them.
    int turned = orientation == 6, shown_width = turned ? height : width, shown_height = turned ? width : height;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            uint8_t *p = pixels + ((size_t)y * (size_t)width + (size_t)x) * 3;
            int sx = turned ? height - 1 - y : x, sy = turned ? x : y;
            double fx = (double)sx / shown_width, fy = (double)sy / shown_height;
            int r = 90 + warm + (int)(120 * fy), g = 140 + (int)(80 * fy), b = 230 - (int)(60 * fy);
            int dx = sx - sun_x, dy = sy - sun_y;
            if (dx * dx + dy * dy < sun_r * sun_r) { r = 255; g = 220; b = 140; }
            double hill = 0.62 + 0.08 * sin(fx * 7.0 + phase) + 0.04 * sin(fx * 17.0 + phase2);
            double near = 0.80 + 0.05 * sin(fx * 4.0 + phase2);
            if (fy > hill) { r = 60 + (int)(40 * fy); g = 110 + (int)(50 * (1 - fy)); b = 60; }
            if (fy > near) { r = 120 + warm; g = 100; b = 60; }
            int grain = (int)(next_random(&state) % 11) - 5;
            p[0] = clamp(r + grain); p[1] = clamp(g + grain); p[2] = clamp(b + grain);
        }
    }
    return encode_with_metadata(pixels, width, height, orientation, with_gps_and_owner, quality, size);
}

static uint8_t *encode_with_metadata(uint8_t *pixels, int width, int height, int orientation, int with_gps_and_owner, int quality, size_t *size) {
    ExifData *exif = exif_data_new();
    exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
    ExifEntry *turn = add(exif, EXIF_IFD_0, EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1);
    exif_set_short(turn->data, EXIF_BYTE_ORDER_INTEL, (ExifShort)orientation);
    add_text(exif, EXIF_IFD_0, EXIF_TAG_MAKE, "Fixture Phone");
    if (with_gps_and_owner) {
        add_text(exif, EXIF_IFD_0, EXIF_TAG_ARTIST, "Ana Example");
        add_text(exif, EXIF_IFD_0, EXIF_TAG_COPYRIGHT, "Ana Example 2026");
        add_text(exif, EXIF_IFD_EXIF, EXIF_TAG_CAMERA_OWNER_NAME, "Ana Example");
        add_text(exif, EXIF_IFD_GPS, EXIF_TAG_GPS_LATITUDE_REF, "N");
        add_degrees(exif, EXIF_TAG_GPS_LATITUDE, 47, 1, 30);
        add_text(exif, EXIF_IFD_GPS, EXIF_TAG_GPS_LONGITUDE_REF, "E");
        add_degrees(exif, EXIF_TAG_GPS_LONGITUDE, 28, 51, 15);
    }
    unsigned char *block = NULL;
    unsigned int block_size = 0;
    exif_data_save_data(exif, &block, &block_size);
    exif_data_unref(exif);

    struct jpeg_compress_struct info;
    struct jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char *out = NULL;
    unsigned long out_size = 0;
    jpeg_mem_dest(&info, &out, &out_size);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    jpeg_write_marker(&info, JPEG_APP0 + 1, block, block_size);
    free(block);
    if (with_gps_and_owner) {
        const char xmp[] = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
                           "exif:GPSLatitude=\"47,1.5N\"><dc:creator>Ana Example</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
        jpeg_write_marker(&info, JPEG_APP0 + 1, (const JOCTET *)xmp, sizeof xmp - 1);
        const char iptc[] = "Photoshop 3.0\0008BIM\004\004\0\0\0\0\0\x0c\x1c\x02\x50\0\x0b" "Ana Example";
        jpeg_write_marker(&info, JPEG_APP0 + 13, (const JOCTET *)iptc, sizeof iptc - 1);
        const char comment[] = "taken at the shelter";
        jpeg_write_marker(&info, JPEG_COM, (const JOCTET *)comment, sizeof comment - 1);
    }
    size_t stride = (size_t)width * 3;
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + info.next_scanline * stride);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(pixels);
    *size = out_size;
    return out;
}

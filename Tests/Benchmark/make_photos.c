// Writes synthetic phone photos (see nrf_scene_jpeg): JPEGs with EXIF orientation, GPS and the
// owner's name, for the sample site and the image benchmark. Not part of the build.
//
//   cc -O2 -I Tests/CImageFixtures/include Tests/Benchmark/make_photos.c Tests/CImageFixtures/image_fixtures.c -ljpeg -lexif -lm -o make_photos
//   make_photos FOLDER FIRST COUNT WIDTH HEIGHT [ORIENTATION] [QUALITY]   writes FOLDER/FIRST.jpg … (seed = number)
#include <stdio.h>
#include <stdlib.h>
#include "image_fixtures.h"

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s FOLDER FIRST COUNT WIDTH HEIGHT [ORIENTATION] [QUALITY]\n", argv[0]);
        return 2;
    }
    int first = atoi(argv[2]), count = atoi(argv[3]), width = atoi(argv[4]), height = atoi(argv[5]);
    int orientation = argc > 6 ? atoi(argv[6]) : 1, quality = argc > 7 ? atoi(argv[7]) : 88;
    for (int n = first; n < first + count; n++) {
        size_t size = 0;
        uint8_t *bytes = nrf_scene_jpeg(width, height, (unsigned)n, orientation, 1, quality, &size);
        char path[4096];
        snprintf(path, sizeof path, "%s/%d.jpg", argv[1], n);
        FILE *file = fopen(path, "wb");
        if (!file || fwrite(bytes, 1, size, file) != size) {
            perror(path);
            return 1;
        }
        fclose(file);
        free(bytes);
    }
    return 0;
}

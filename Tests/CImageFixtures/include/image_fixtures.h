#ifndef NEWSROOM_IMAGE_FIXTURES_H
#define NEWSROOM_IMAGE_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

/// A JPEG of `width`×`height` (stored: red in the top-left quarter, a blue-green gradient
/// elsewhere) as a phone writes one: an EXIF block (APP1) with
/// `orientation`, and when asked GPS coordinates and the owner's name (Artist, Copyright,
/// camera owner), plus an XMP packet, an IPTC block and a comment. Returns malloc'd bytes
/// (free them) and their count in `size`, or NULL.
uint8_t *nrf_phone_jpeg(int width, int height, int orientation, int with_gps_and_owner, size_t *size);

/// A synthetic photo (sky, sun, hills and grain, placed by `seed`) as a phone writes it, like
/// `nrf_phone_jpeg`; for the sample site and the benchmark corpus.
uint8_t *nrf_scene_jpeg(int width, int height, unsigned seed, int orientation, int with_gps_and_owner, int quality, size_t *size);

#endif

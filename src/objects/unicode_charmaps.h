/* The generated tables of the 8-bit charmap codecs (src/objects/unicode_charmaps.c, written
 * by tools/gen_charmap_codecs.py); the codecs themselves are in unicode_codecs.c. */
#ifndef KR_UNICODE_CHARMAPS_H
#define KR_UNICODE_CHARMAPS_H
#include <stdint.h>

typedef struct {
    uint16_t ch;
    uint8_t byte;
} KrCharmapEnc;

typedef struct {
    const char *name;        /* codecs.lookup(...).name */
    uint16_t decode[256];    /* 0xFFFE: the byte is undefined */
    KrCharmapEnc encode[256]; /* sorted by ch */
    int nencode;
} KrCharmap;

typedef struct {
    const char *name;        /* normalized: lower case, punctuation runs as one '_' */
    int index;
    int is_alias;            /* else only the codec's module name */
} KrCharmapName;

extern const KrCharmap _KrCharmaps[];
extern const int _KrCharmapCount;
extern const KrCharmapName _KrCharmapNames[];
extern const int _KrCharmapNameCount;

#endif

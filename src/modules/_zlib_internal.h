/* The deflate/inflate engines behind the zlib module (src/modules/_deflate.c,
 * _inflate.c): streaming state machines driven like zlib's z_stream, so that the
 * module can feed them with the same buffer sizes CPython's zlib module uses and so
 * produce the same bytes. The result codes and flush modes have zlib's values. */
#ifndef KR_ZLIB_INTERNAL_H
#define KR_ZLIB_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#define KZ_OK 0
#define KZ_STREAM_END 1
#define KZ_NEED_DICT 2
#define KZ_ERRNO (-1)
#define KZ_STREAM_ERROR (-2)
#define KZ_DATA_ERROR (-3)
#define KZ_MEM_ERROR (-4)
#define KZ_BUF_ERROR (-5)

#define KZ_NO_FLUSH 0
#define KZ_PARTIAL_FLUSH 1
#define KZ_SYNC_FLUSH 2
#define KZ_FULL_FLUSH 3
#define KZ_FINISH 4
#define KZ_BLOCK 5
#define KZ_TREES 6

#define KZ_FILTERED 1
#define KZ_HUFFMAN_ONLY 2
#define KZ_RLE 3
#define KZ_FIXED 4

/* The caller-visible part of a stream, shared by both directions. */
typedef struct {
    const uint8_t *next_in;
    unsigned avail_in;
    uint64_t total_in;
    uint8_t *next_out;
    unsigned avail_out;
    uint64_t total_out;
    const char *msg;  /* static text of the last data error, or NULL */
    uint32_t adler;   /* running check value (Adler-32 or CRC-32) */
} KzStream;

typedef struct KzDeflate KzDeflate;
typedef struct KzInflate KzInflate;

uint32_t _Kz_adler32(uint32_t adler, const uint8_t *buf, size_t len);
uint32_t _Kz_crc32(uint32_t crc, const uint8_t *buf, size_t len);

/* Deflate. init returns KZ_OK, KZ_STREAM_ERROR (bad parameters) or KZ_MEM_ERROR. */
int _Kz_deflate_init(KzStream *strm, KzDeflate **out, int level, int method, int wbits,
                     int memlevel, int strategy);
int _Kz_deflate(KzStream *strm, KzDeflate *s, int flush);
int _Kz_deflate_set_dictionary(KzStream *strm, KzDeflate *s, const uint8_t *dict, unsigned len);
KzDeflate *_Kz_deflate_copy(const KzDeflate *s); /* NULL when out of memory */
void _Kz_deflate_end(KzDeflate *s);

/* Inflate. wbits follows zlib: 8..15 zlib, -8..-15 raw, +16 gzip, +32 auto-detect,
 * 0 = take the window size from the zlib header. */
int _Kz_inflate_init(KzStream *strm, KzInflate **out, int wbits);
int _Kz_inflate(KzStream *strm, KzInflate *s, int flush);
int _Kz_inflate_set_dictionary(KzStream *strm, KzInflate *s, const uint8_t *dict, unsigned len);
KzInflate *_Kz_inflate_copy(const KzInflate *s);
void _Kz_inflate_end(KzInflate *s);

#endif

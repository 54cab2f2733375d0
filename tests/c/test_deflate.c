/* Unit test of the deflate/inflate engines behind the zlib module: round trips of
 * random and repetitive data at every level, strategy and window size, fed through
 * tiny and large buffers, plus corrupt-stream detection. */
#include "../../src/modules/_zlib_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 88172645463325252ULL;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)rng_state;
}

/* Compresses with chunked input/output of the given sizes; returns the length. */
static size_t compress_buf(const uint8_t *in, size_t n, uint8_t *out, size_t cap, int level, int wbits,
                           int strategy, unsigned inchunk, unsigned outchunk)
{
    KzStream zs;
    memset(&zs, 0, sizeof zs);
    KzDeflate *d;
    if (_Kz_deflate_init(&zs, &d, level, 8, wbits, 8, strategy) != KZ_OK) {
        fprintf(stderr, "deflate_init failed\n");
        exit(1);
    }
    size_t ipos = 0, opos = 0;
    int rc;
    do {
        unsigned ia = (unsigned)(n - ipos < inchunk ? n - ipos : inchunk);
        zs.next_in = in + ipos;
        zs.avail_in = ia;
        int flush = ipos + ia == n ? KZ_FINISH : KZ_NO_FLUSH;
        do {
            unsigned oa = (unsigned)(cap - opos < outchunk ? cap - opos : outchunk);
            zs.next_out = out + opos;
            zs.avail_out = oa;
            rc = _Kz_deflate(&zs, d, flush);
            opos += oa - zs.avail_out;
            if (rc == KZ_STREAM_ERROR) {
                fprintf(stderr, "deflate stream error\n");
                exit(1);
            }
        } while (zs.avail_out == 0);
        ipos += ia - zs.avail_in;
    } while (rc != KZ_STREAM_END);
    _Kz_deflate_end(d);
    return opos;
}

static int decompress_buf(const uint8_t *in, size_t n, uint8_t *out, size_t cap, size_t *outlen, int wbits,
                          unsigned inchunk, unsigned outchunk)
{
    KzStream zs;
    memset(&zs, 0, sizeof zs);
    KzInflate *s;
    if (_Kz_inflate_init(&zs, &s, wbits) != KZ_OK)
        return -100;
    size_t ipos = 0, opos = 0;
    int rc = KZ_OK;
    while (rc != KZ_STREAM_END) {
        unsigned ia = (unsigned)(n - ipos < inchunk ? n - ipos : inchunk);
        unsigned oa = (unsigned)(cap - opos < outchunk ? cap - opos : outchunk);
        zs.next_in = in + ipos;
        zs.avail_in = ia;
        zs.next_out = out + opos;
        zs.avail_out = oa;
        rc = _Kz_inflate(&zs, s, KZ_NO_FLUSH);
        ipos += ia - zs.avail_in;
        opos += oa - zs.avail_out;
        if (rc != KZ_OK && rc != KZ_STREAM_END && rc != KZ_BUF_ERROR)
            break;
        if (rc == KZ_BUF_ERROR && ipos == n)
            break;
    }
    _Kz_inflate_end(s);
    *outlen = opos;
    return rc;
}

static int failures = 0;

static void check_round_trip(const uint8_t *data, size_t n, int level, int wbits, int strategy, unsigned ic,
                             unsigned oc, const char *what)
{
    size_t cap = n + n / 8 + 1024;
    uint8_t *c = malloc(cap), *r = malloc(n + 1);
    size_t cn = compress_buf(data, n, c, cap, level, wbits, strategy, ic, oc);
    size_t rn = 0;
    int rc = decompress_buf(c, cn, r, n + 1, &rn, wbits, ic, oc);
    if (rc != KZ_STREAM_END || rn != n || (n && memcmp(r, data, n) != 0)) {
        fprintf(stderr, "FAIL %s level=%d wbits=%d strategy=%d chunks=%u/%u: rc=%d n=%zu rn=%zu\n", what, level,
                wbits, strategy, ic, oc, rc, n, rn);
        failures++;
    }
    free(c);
    free(r);
}

int main(void)
{
    size_t n = 300000;
    uint8_t *random = malloc(n), *text = malloc(n), *runs = malloc(n);
    for (size_t i = 0; i < n; i++)
        random[i] = (uint8_t)rnd();
    static const char *words[] = {"alpha ", "beta ", "gamma ", "delta\n", "epsilon ", "zeta, ", "eta. "};
    for (size_t i = 0; i < n;) {
        const char *w = words[rnd() % 7];
        for (size_t k = 0; w[k] && i < n; k++)
            text[i++] = (uint8_t)w[k];
    }
    for (size_t i = 0; i < n;) {
        uint8_t b = (uint8_t)rnd();
        size_t len = rnd() % 600;
        for (size_t k = 0; k < len && i < n; k++)
            runs[i++] = b;
    }
    const uint8_t *inputs[] = {random, text, runs};
    const char *names[] = {"random", "text", "runs"};
    for (int which = 0; which < 3; which++) {
        for (int level = 0; level <= 9; level++)
            check_round_trip(inputs[which], n, level, 15, 0, 1 << 20, 1 << 20, names[which]);
        for (int strategy = 1; strategy <= 4; strategy++)
            check_round_trip(inputs[which], n, 6, 15, strategy, 1 << 20, 1 << 20, names[which]);
        check_round_trip(inputs[which], 50000, 6, 15, 0, 7, 3, names[which]);
        check_round_trip(inputs[which], 50000, 0, 15, 0, 5, 11, names[which]);
        check_round_trip(inputs[which], n, 9, -15, 0, 4096, 1000, names[which]);
        check_round_trip(inputs[which], n, 1, 31, 0, 65536, 65536, names[which]);
        check_round_trip(inputs[which], n, 6, 9, 0, 65536, 65536, names[which]);
        check_round_trip(inputs[which], n, 6, -9, 0, 65536, 65536, names[which]);
        check_round_trip(inputs[which], 0, 6, 15, 0, 1, 1, names[which]);
        check_round_trip(inputs[which], 1, 6, 15, 0, 1, 1, names[which]);
    }
    /* Random short inputs at random settings. */
    for (int i = 0; i < 300; i++) {
        size_t len = rnd() % 5000;
        const uint8_t *src = inputs[rnd() % 3] + rnd() % 1000;
        int level = (int)(rnd() % 10);
        int wb = 9 + (int)(rnd() % 7);
        check_round_trip(src, len, level, wb, 0, 1 + rnd() % 300, 1 + rnd() % 300, "short");
    }
    /* A corrupted stream must fail cleanly, never crash. */
    {
        size_t cap = 70000;
        uint8_t *c = malloc(cap), *r = malloc(200000);
        size_t cn = compress_buf(text, 60000, c, cap, 6, 15, 0, 1 << 20, 1 << 20);
        for (int i = 0; i < 200; i++) {
            uint8_t *bad = malloc(cn);
            memcpy(bad, c, cn);
            bad[rnd() % cn] ^= (uint8_t)(1 + rnd() % 255);
            size_t rn;
            int rc = decompress_buf(bad, cn, r, 200000, &rn, 15, 1 << 20, 1 << 20);
            if (rc == KZ_STREAM_END && rn == 60000 && memcmp(r, text, rn) == 0) {
                fprintf(stderr, "FAIL: corruption went unnoticed\n");
                failures++;
            }
            free(bad);
        }
        free(c);
        free(r);
    }
    /* Known check values. */
    if (_Kz_crc32(0, (const uint8_t *)"hello world", 11) != 222957957u ||
        _Kz_adler32(1, (const uint8_t *)"hello world", 11) != 436929629u) {
        fprintf(stderr, "FAIL: check values\n");
        failures++;
    }
    free(random);
    free(text);
    free(runs);
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    return 0;
}

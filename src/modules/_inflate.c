/* Inflate (RFC 1950/1951/1952) for the zlib module: a resumable state machine that
 * accepts input and output in arbitrary pieces, so that decompressobj() can stop at
 * max_length and pick up again later. Every stored, fixed and dynamic block and every
 * window size up to 32K is accepted; malformed data gets zlib's error texts because
 * Python programs print them. */
#include "_zlib_internal.h"
#include <stdlib.h>
#include <string.h>

#define WSIZE 32768u
#define FASTBITS 10
#define MAXBITS 15

enum {
    M_HEAD, M_GZFLAGS, M_GZTIME, M_GZOS, M_GZEXLEN, M_GZEXTRA, M_GZNAME, M_GZCOMMENT, M_GZHCRC,
    M_DICTID, M_DICT, M_TYPE, M_STORED, M_COPY, M_TABLE, M_LENLENS, M_CODELENS, M_LEN, M_LENEXT,
    M_DIST, M_DISTEXT, M_MATCH, M_CHECK, M_LENGTH, M_DONE, M_BAD
};

/* A canonical Huffman code: a direct table for codes of up to FASTBITS bits and the
 * per-length counts and sorted symbols for the longer ones. */
typedef struct {
    uint16_t fast[1 << FASTBITS]; /* symbol << 4 | length, 0 = longer code or none */
    uint16_t count[MAXBITS + 1];
    uint16_t symbol[320];
    int empty; /* no codes at all */
    int max;   /* longest code length */
} Huff;

struct KzInflate {
    int mode;
    int wrap;   /* bit 0: zlib accepted, bit 1: gzip accepted */
    int wbits;  /* 0 until known */
    int fmt;    /* 0 raw, 1 zlib, 2 gzip, once the header is read */
    int last;
    int havedict;
    int flags;  /* gzip header flags */
    uint32_t check;
    uint32_t hcrc; /* CRC of the gzip header so far */
    uint32_t isize;
    uint64_t hold;
    unsigned bits;
    unsigned length, dist, extra, left;
    unsigned nlen, ndist, ncode, have;
    uint16_t lens[320];
    uint8_t window[WSIZE];
    unsigned wnext;    /* next write position in the ring */
    uint64_t wtotal;   /* bytes ever written to the ring (for distance checks) */
    uint32_t dictid;
    Huff lencode, distcode;
    int fixed;
};

static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
                                       12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t cl_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

/* Builds a decoder. kind 0 = code lengths, 1 = literal/length, 2 = distance, 3 = the
 * fixed codes (whose distance code is deliberately incomplete).
 * Returns -1 for an over-subscribed or (where zlib refuses it) incomplete code. */
static int build_huff(Huff *h, const uint16_t *lens, unsigned n, int kind)
{
    uint16_t offs[MAXBITS + 2];
    memset(h->count, 0, sizeof(h->count));
    for (unsigned i = 0; i < n; i++)
        h->count[lens[i]]++;
    int max = MAXBITS;
    while (max >= 1 && h->count[max] == 0)
        max--;
    int left = 1;
    for (int len = 1; len <= MAXBITS; len++) {
        left <<= 1;
        left -= h->count[len];
        if (left < 0)
            return -1;
    }
    h->empty = max == 0;
    h->max = max;
    if (max == 0) {
        /* No codes at all: zlib accepts the set and fails on first use. */
        memset(h->fast, 0, sizeof(h->fast));
        h->count[0] = 0;
        return 0;
    }
    if (left > 0 && kind != 3 && (kind == 0 || max != 1))
        return -1;
    offs[1] = 0;
    for (int len = 1; len < MAXBITS; len++)
        offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    for (unsigned i = 0; i < n; i++)
        if (lens[i] != 0)
            h->symbol[offs[lens[i]]++] = (uint16_t)i;
    h->count[0] = 0;
    memset(h->fast, 0, sizeof(h->fast));
    /* Assign canonical codes in order and fill the direct table with each short code
     * bit-reversed (the stream sends Huffman codes most significant bit first). */
    unsigned code = 0;
    unsigned idx = 0;
    for (int len = 1; len <= MAXBITS; len++) {
        for (unsigned k = 0; k < h->count[len]; k++, idx++, code++) {
            if (len > FASTBITS)
                continue;
            unsigned rev = 0, c = code;
            for (int b = 0; b < len; b++) {
                rev = (rev << 1) | (c & 1);
                c >>= 1;
            }
            for (unsigned e = rev; e < (1u << FASTBITS); e += 1u << len)
                h->fast[e] = (uint16_t)((h->symbol[idx] << 4) | (unsigned)len);
        }
        code <<= 1;
    }
    return 0;
}

/* Decodes one symbol from the low `bits` bits of hold. Returns the symbol and sets
 * *used, -1 when more bits are needed, -2 for a bit pattern that is no code. */
static int decode(const Huff *h, uint64_t hold, unsigned bits, unsigned *used)
{
    if (h->empty)
        return -2;
    unsigned e = h->fast[hold & ((1u << FASTBITS) - 1)];
    if (e != 0) {
        if ((e & 15) > bits)
            return -1;
        *used = e & 15;
        return (int)(e >> 4);
    }
    int code = 0, first = 0, index = 0;
    /* Stopping at the longest length reports a pattern of an incomplete code as
     * invalid as soon as its bits are in, as zlib does. */
    for (unsigned len = 1; len <= (unsigned)h->max; len++) {
        if (len > bits)
            return -1;
        code |= (int)((hold >> (len - 1)) & 1);
        int count = h->count[len];
        if (code - count < first) {
            *used = len;
            return h->symbol[index + (code - first)];
        }
        index += count;
        first += count;
        first <<= 1;
        code <<= 1;
    }
    return -2;
}

static void build_fixed(KzInflate *s)
{
    uint16_t lens[320];
    unsigned i = 0;
    while (i < 144) lens[i++] = 8;
    while (i < 256) lens[i++] = 9;
    while (i < 280) lens[i++] = 7;
    while (i < 288) lens[i++] = 8;
    build_huff(&s->lencode, lens, 288, 3);
    for (i = 0; i < 30; i++)
        lens[i] = 5;
    build_huff(&s->distcode, lens, 30, 3);
}

static int reset(KzInflate *s, int wbits)
{
    int wrap;
    if (wbits < 0) {
        if (wbits < -15)
            return KZ_STREAM_ERROR;
        wrap = 0;
        wbits = -wbits;
    }
    else {
        wrap = (wbits >> 4) + 1; /* 0..15 zlib, 16..31 gzip, 32..47 either */
        if (wbits < 48)
            wbits &= 15;
    }
    if (wbits && (wbits < 8 || wbits > 15))
        return KZ_STREAM_ERROR;
    if (wrap > 3)
        return KZ_STREAM_ERROR;
    memset(s, 0, sizeof(*s));
    s->wrap = wrap;
    s->wbits = wbits;
    s->mode = wrap ? M_HEAD : M_TYPE;
    s->fmt = 0;
    return KZ_OK;
}

int _Kz_inflate_init(KzStream *strm, KzInflate **out, int wbits)
{
    *out = NULL;
    KzInflate *s = malloc(sizeof(KzInflate));
    if (s == NULL)
        return KZ_MEM_ERROR;
    int rc = reset(s, wbits);
    if (rc != KZ_OK) {
        free(s);
        return rc;
    }
    strm->total_in = strm->total_out = 0;
    strm->msg = NULL;
    strm->adler = 1;
    *out = s;
    return KZ_OK;
}

void _Kz_inflate_end(KzInflate *s) { free(s); }

KzInflate *_Kz_inflate_copy(const KzInflate *s)
{
    KzInflate *d = malloc(sizeof(KzInflate));
    if (d != NULL)
        memcpy(d, s, sizeof(KzInflate));
    return d;
}

static void window_put(KzInflate *s, const uint8_t *p, unsigned n)
{
    s->wtotal += n;
    if (n >= WSIZE) {
        memcpy(s->window, p + n - WSIZE, WSIZE);
        s->wnext = 0;
        return;
    }
    unsigned first = WSIZE - s->wnext;
    if (first > n)
        first = n;
    memcpy(s->window + s->wnext, p, first);
    memcpy(s->window, p + first, n - first);
    s->wnext = (s->wnext + n) & (WSIZE - 1);
}

int _Kz_inflate_set_dictionary(KzStream *strm, KzInflate *s, const uint8_t *dict, unsigned len)
{
    if (s->wrap != 0 && s->mode != M_DICT)
        return KZ_STREAM_ERROR;
    if (s->mode == M_DICT) {
        if (_Kz_adler32(1, dict, len) != s->dictid)
            return KZ_DATA_ERROR;
    }
    window_put(s, dict, len);
    s->havedict = 1;
    return KZ_OK;
}

#define BAD(text)              \
    do {                       \
        strm->msg = (text);    \
        s->mode = M_BAD;       \
        goto done;             \
    } while (0)

/* Decodes a symbol into sym, pulling input a byte at a time only while the code is
 * longer than the bits held, so that no byte past the end of the stream is taken. */
#define DECODE(h)                                                 \
    do {                                                          \
        for (;;) {                                                \
            sym = decode((h), s->hold, s->bits, &used);           \
            if (sym != -1)                                        \
                break;                                            \
            if (have == 0)                                        \
                goto done;                                        \
            have--;                                               \
            s->hold |= (uint64_t)(*next++) << s->bits;            \
            s->bits += 8;                                         \
        }                                                         \
    } while (0)

/* Pulls whole bytes until at least n bits are held; leaves when the input runs out. */
#define NEEDBITS(n)                                               \
    do {                                                          \
        while (s->bits < (unsigned)(n)) {                         \
            if (have == 0)                                        \
                goto done;                                        \
            have--;                                               \
            s->hold |= (uint64_t)(*next++) << s->bits;            \
            s->bits += 8;                                         \
        }                                                         \
    } while (0)
#define BITS(n) ((unsigned)(s->hold & ((1u << (n)) - 1)))
#define DROPBITS(n) (s->hold >>= (n), s->bits -= (unsigned)(n))

/* The common case of a block's body with plenty of input and output at hand: decode
 * without per-symbol resumability checks. The bit buffer is refilled a byte at a
 * time; whole bytes left in it on exit are handed back to the input (it held less
 * than a byte on entry, so they all come from this call's input). Returns -1 after
 * a data error (mode M_BAD), 0 otherwise; the mode is M_TYPE after end-of-block. */
static int fast_codes(KzStream *strm, KzInflate *s, const uint8_t **pnext, unsigned *phave, uint8_t **pput,
                      unsigned *pleft)
{
    const uint8_t *next = *pnext;
    unsigned have = *phave;
    uint8_t *put = *pput;
    unsigned left = *pleft;
    uint64_t hold = s->hold;
    unsigned bits = s->bits;
    uint8_t *window = s->window;
    unsigned wnext = s->wnext;
    uint64_t wtotal = s->wtotal;
    int rc = 0;
    unsigned used;

    while (have >= 8 && left >= 258) {
        while (bits <= 56) {
            hold |= (uint64_t)(*next++) << bits;
            bits += 8;
            have--;
        }
        int sym = decode(&s->lencode, hold, bits, &used);
        if (sym < 0 || sym > 285) {
            strm->msg = "invalid literal/length code";
            s->mode = M_BAD;
            rc = -1;
            break;
        }
        hold >>= used;
        bits -= used;
        if (sym < 256) {
            *put++ = (uint8_t)sym;
            left--;
            window[wnext] = (uint8_t)sym;
            wnext = (wnext + 1) & (WSIZE - 1);
            wtotal++;
            continue;
        }
        if (sym == 256) {
            s->mode = M_TYPE;
            break;
        }
        unsigned len = len_base[sym - 257];
        unsigned extra = len_extra[sym - 257];
        if (extra) {
            len += (unsigned)(hold & ((1u << extra) - 1));
            hold >>= extra;
            bits -= extra;
        }
        sym = decode(&s->distcode, hold, bits, &used);
        if (sym < 0 || sym > 29) {
            strm->msg = "invalid distance code";
            s->mode = M_BAD;
            rc = -1;
            break;
        }
        hold >>= used;
        bits -= used;
        unsigned dist = dist_base[sym];
        extra = dist_extra[sym];
        if (extra) {
            dist += (unsigned)(hold & ((1u << extra) - 1));
            hold >>= extra;
            bits -= extra;
        }
        if (dist > wtotal || dist > WSIZE) {
            strm->msg = "invalid distance too far back";
            s->mode = M_BAD;
            rc = -1;
            break;
        }
        unsigned from = (wnext - dist) & (WSIZE - 1);
        left -= len;
        wtotal += len;
        while (len--) {
            uint8_t b = window[from];
            from = (from + 1) & (WSIZE - 1);
            window[wnext] = b;
            wnext = (wnext + 1) & (WSIZE - 1);
            *put++ = b;
        }
    }
    unsigned back = bits >> 3;
    next -= back;
    have += back;
    bits -= back << 3;
    hold &= ((uint64_t)1 << bits) - 1;
    s->hold = hold;
    s->bits = bits;
    s->wnext = wnext;
    s->wtotal = wtotal;
    *pnext = next;
    *phave = have;
    *pput = put;
    *pleft = left;
    return rc;
}

static void out_bytes(KzInflate *s, uint8_t **put, unsigned *left, const uint8_t *p, unsigned n)
{
    memcpy(*put, p, n);
    *put += n;
    *left -= n;
    window_put(s, p, n);
}

int _Kz_inflate(KzStream *strm, KzInflate *s, int flush)
{
    if (s == NULL || strm->next_out == NULL || (strm->next_in == NULL && strm->avail_in != 0))
        return KZ_STREAM_ERROR;
    const uint8_t *next = strm->next_in;
    unsigned have = strm->avail_in;
    uint8_t *put = strm->next_out;
    unsigned left = strm->avail_out;
    unsigned in0 = have, out0 = left;
    uint8_t *outstart = put;
    int ret = KZ_OK;
    unsigned used;
    int sym;

    for (;;) {
        switch (s->mode) {
        case M_HEAD:
            NEEDBITS(16);
            if ((s->wrap & 2) && s->hold == 0x8b1f) {
                if (s->wbits == 0)
                    s->wbits = 15;
                s->hcrc = _Kz_crc32(0, (const uint8_t *)"\x1f\x8b", 2);
                DROPBITS(16);
                s->fmt = 2;
                s->mode = M_GZFLAGS;
                break;
            }
            if (!(s->wrap & 1) || ((BITS(8) << 8) + ((unsigned)(s->hold >> 8) & 0xff)) % 31)
                BAD("incorrect header check");
            if (BITS(4) != 8)
                BAD("unknown compression method");
            DROPBITS(4);
            {
                unsigned len = BITS(4) + 8;
                if (s->wbits == 0)
                    s->wbits = (int)len;
                if (len > 15 || len > (unsigned)s->wbits)
                    BAD("invalid window size");
            }
            s->fmt = 1;
            s->check = 1;
            strm->adler = 1;
            s->mode = (s->hold & 0x200) ? M_DICTID : M_TYPE;
            DROPBITS(12);
            break;
        case M_GZFLAGS:
            NEEDBITS(16);
            s->flags = (int)BITS(16);
            if ((s->flags & 0xff) != 8)
                BAD("unknown compression method");
            if (s->flags & 0xe000)
                BAD("unknown header flags set");
            {
                uint8_t b[2] = {(uint8_t)(s->flags & 0xff), (uint8_t)(s->flags >> 8)};
                s->hcrc = _Kz_crc32(s->hcrc, b, 2);
            }
            s->flags >>= 8;
            DROPBITS(16);
            s->mode = M_GZTIME;
            /* fall through */
        case M_GZTIME:
            NEEDBITS(32);
            {
                uint8_t b[4];
                for (int i = 0; i < 4; i++)
                    b[i] = (uint8_t)(s->hold >> (8 * i));
                s->hcrc = _Kz_crc32(s->hcrc, b, 4);
            }
            DROPBITS(32);
            s->mode = M_GZOS;
            /* fall through */
        case M_GZOS:
            NEEDBITS(16);
            {
                uint8_t b[2] = {(uint8_t)s->hold, (uint8_t)(s->hold >> 8)};
                s->hcrc = _Kz_crc32(s->hcrc, b, 2);
            }
            DROPBITS(16);
            s->mode = M_GZEXLEN;
            /* fall through */
        case M_GZEXLEN:
            if (s->flags & 4) {
                NEEDBITS(16);
                s->length = BITS(16);
                uint8_t b[2] = {(uint8_t)s->hold, (uint8_t)(s->hold >> 8)};
                s->hcrc = _Kz_crc32(s->hcrc, b, 2);
                DROPBITS(16);
            }
            else {
                s->length = 0;
            }
            s->mode = M_GZEXTRA;
            /* fall through */
        case M_GZEXTRA:
            /* Header fields are byte-aligned; the bit buffer is empty here. */
            while (s->length > 0) {
                if (s->bits >= 8) {
                    uint8_t b = (uint8_t)s->hold;
                    s->hcrc = _Kz_crc32(s->hcrc, &b, 1);
                    DROPBITS(8);
                    s->length--;
                    continue;
                }
                if (have == 0)
                    goto done;
                unsigned n = have < s->length ? have : s->length;
                s->hcrc = _Kz_crc32(s->hcrc, next, n);
                next += n;
                have -= n;
                s->length -= n;
            }
            s->mode = M_GZNAME;
            /* fall through */
        case M_GZNAME:
        case M_GZCOMMENT:
            for (;;) {
                int bit = s->mode == M_GZNAME ? 8 : 16;
                if (!(s->flags & bit)) {
                    if (s->mode == M_GZNAME) {
                        s->mode = M_GZCOMMENT;
                        continue;
                    }
                    break;
                }
                uint8_t c;
                if (s->bits >= 8) {
                    c = (uint8_t)s->hold;
                    DROPBITS(8);
                }
                else {
                    if (have == 0)
                        goto done;
                    c = *next++;
                    have--;
                }
                s->hcrc = _Kz_crc32(s->hcrc, &c, 1);
                if (c == 0) {
                    if (s->mode == M_GZNAME) {
                        s->mode = M_GZCOMMENT;
                        continue;
                    }
                    break;
                }
            }
            s->mode = M_GZHCRC;
            /* fall through */
        case M_GZHCRC:
            if (s->flags & 2) {
                NEEDBITS(16);
                if (BITS(16) != (s->hcrc & 0xffff))
                    BAD("header crc mismatch");
                DROPBITS(16);
            }
            s->check = 0;
            strm->adler = 0;
            s->mode = M_TYPE;
            break;
        case M_DICTID:
            NEEDBITS(32);
            {
                uint32_t v = (uint32_t)s->hold;
                s->dictid = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
            }
            DROPBITS(32);
            strm->adler = s->dictid;
            s->mode = M_DICT;
            /* fall through */
        case M_DICT:
            if (!s->havedict) {
                ret = KZ_NEED_DICT;
                goto done;
            }
            s->check = 1;
            strm->adler = 1;
            s->mode = M_TYPE;
            break;
        case M_TYPE:
            if (s->last) {
                DROPBITS(s->bits & 7);
                s->mode = M_CHECK;
                break;
            }
            NEEDBITS(3);
            s->last = (int)BITS(1);
            DROPBITS(1);
            switch (BITS(2)) {
            case 0:
                s->mode = M_STORED;
                break;
            case 1:
                build_fixed(s);
                s->mode = M_LEN;
                break;
            case 2:
                s->mode = M_TABLE;
                break;
            default:
                DROPBITS(2);
                BAD("invalid block type");
            }
            DROPBITS(2);
            break;
        case M_STORED:
            DROPBITS(s->bits & 7);
            NEEDBITS(32);
            if ((s->hold & 0xffff) != (((s->hold >> 16) & 0xffff) ^ 0xffff))
                BAD("invalid stored block lengths");
            s->length = (unsigned)(s->hold & 0xffff);
            DROPBITS(32);
            s->mode = M_COPY;
            /* fall through */
        case M_COPY:
            while (s->length > 0) {
                /* Bytes already pulled into the bit buffer come first. */
                if (s->bits >= 8) {
                    if (left == 0)
                        goto done;
                    uint8_t b = (uint8_t)s->hold;
                    DROPBITS(8);
                    out_bytes(s, &put, &left, &b, 1);
                    s->length--;
                    continue;
                }
                unsigned n = s->length;
                if (n > have)
                    n = have;
                if (n > left)
                    n = left;
                if (n == 0)
                    goto done;
                out_bytes(s, &put, &left, next, n);
                next += n;
                have -= n;
                s->length -= n;
            }
            s->mode = M_TYPE;
            break;
        case M_TABLE:
            NEEDBITS(14);
            s->nlen = BITS(5) + 257;
            DROPBITS(5);
            s->ndist = BITS(5) + 1;
            DROPBITS(5);
            s->ncode = BITS(4) + 4;
            DROPBITS(4);
            if (s->nlen > 286 || s->ndist > 30)
                BAD("too many length or distance symbols");
            s->have = 0;
            s->mode = M_LENLENS;
            /* fall through */
        case M_LENLENS:
            while (s->have < s->ncode) {
                NEEDBITS(3);
                s->lens[cl_order[s->have++]] = (uint16_t)BITS(3);
                DROPBITS(3);
            }
            while (s->have < 19)
                s->lens[cl_order[s->have++]] = 0;
            if (build_huff(&s->lencode, s->lens, 19, 0) < 0)
                BAD("invalid code lengths set");
            s->have = 0;
            s->mode = M_CODELENS;
            /* fall through */
        case M_CODELENS:
            while (s->have < s->nlen + s->ndist) {
                if (s->lencode.empty) {
                    /* zlib reads a zero length from each bit of an empty set. */
                    NEEDBITS(1);
                    DROPBITS(1);
                    s->lens[s->have++] = 0;
                    continue;
                }
                DECODE(&s->lencode);
                if (sym < 0)
                    BAD("invalid code lengths set");
                if (sym < 16) {
                    DROPBITS(used);
                    s->lens[s->have++] = (uint16_t)sym;
                    continue;
                }
                NEEDBITS(used + (sym == 16 ? 2u : sym == 17 ? 3u : 7u));
                DROPBITS(used);
                unsigned len = 0, copy;
                if (sym == 16) {
                    if (s->have == 0)
                        BAD("invalid bit length repeat");
                    len = s->lens[s->have - 1];
                    copy = 3 + BITS(2);
                    DROPBITS(2);
                }
                else if (sym == 17) {
                    copy = 3 + BITS(3);
                    DROPBITS(3);
                }
                else {
                    copy = 11 + BITS(7);
                    DROPBITS(7);
                }
                if (s->have + copy > s->nlen + s->ndist)
                    BAD("invalid bit length repeat");
                while (copy--)
                    s->lens[s->have++] = (uint16_t)len;
            }
            if (s->lens[256] == 0)
                BAD("invalid code -- missing end-of-block");
            if (build_huff(&s->lencode, s->lens, s->nlen, 1) < 0)
                BAD("invalid literal/lengths set");
            if (build_huff(&s->distcode, s->lens + s->nlen, s->ndist, 2) < 0)
                BAD("invalid distances set");
            s->mode = M_LEN;
            /* fall through */
        case M_LEN:
            if (have >= 16 && left >= 260 && s->bits < 8) {
                int r = fast_codes(strm, s, &next, &have, &put, &left);
                if (r < 0)
                    goto done;
                if (s->mode != M_LEN)
                    break;
            }
            for (;;) {
                DECODE(&s->lencode);
                if (sym < 0 || sym > 285)
                    BAD("invalid literal/length code");
                if (sym < 256) {
                    if (left == 0)
                        goto done;
                    DROPBITS(used);
                    *put++ = (uint8_t)sym;
                    left--;
                    s->window[s->wnext] = (uint8_t)sym;
                    s->wnext = (s->wnext + 1) & (WSIZE - 1);
                    s->wtotal++;
                    continue;
                }
                DROPBITS(used);
                if (sym == 256) {
                    s->mode = M_TYPE;
                    break;
                }
                s->length = len_base[sym - 257];
                s->extra = len_extra[sym - 257];
                s->mode = M_LENEXT;
                break;
            }
            if (s->mode == M_TYPE)
                break;
            /* fall through */
        case M_LENEXT:
            if (s->extra) {
                NEEDBITS(s->extra);
                s->length += BITS(s->extra);
                DROPBITS(s->extra);
            }
            s->mode = M_DIST;
            /* fall through */
        case M_DIST:
            DECODE(&s->distcode);
            if (sym < 0 || sym > 29)
                BAD("invalid distance code");
            DROPBITS(used);
            s->dist = dist_base[sym];
            s->extra = dist_extra[sym];
            s->mode = M_DISTEXT;
            /* fall through */
        case M_DISTEXT:
            if (s->extra) {
                NEEDBITS(s->extra);
                s->dist += BITS(s->extra);
                DROPBITS(s->extra);
            }
            if (s->dist > s->wtotal || s->dist > WSIZE)
                BAD("invalid distance too far back");
            s->mode = M_MATCH;
            /* fall through */
        case M_MATCH:
            while (s->length > 0) {
                if (left == 0)
                    goto done;
                unsigned from = (s->wnext - s->dist) & (WSIZE - 1);
                unsigned n = s->length;
                if (n > left)
                    n = left;
                s->length -= n;
                left -= n;
                s->wtotal += n;
                while (n--) {
                    uint8_t b = s->window[from];
                    from = (from + 1) & (WSIZE - 1);
                    s->window[s->wnext] = b;
                    s->wnext = (s->wnext + 1) & (WSIZE - 1);
                    *put++ = b;
                }
            }
            s->mode = M_LEN;
            break;
        case M_CHECK:
            if (s->fmt == 0) {
                s->mode = M_DONE;
                break;
            }
            NEEDBITS(32);
            {
                uint32_t v = (uint32_t)s->hold, want;
                if (s->fmt == 1)
                    want = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
                else
                    want = v;
                /* Fold in the output of this call before comparing. */
                unsigned n = (unsigned)(put - outstart);
                if (n) {
                    s->check = s->fmt == 1 ? _Kz_adler32(s->check, outstart, n) : _Kz_crc32(s->check, outstart, n);
                    s->isize += n;
                    outstart = put;
                }
                strm->adler = s->check;
                if (want != s->check)
                    BAD("incorrect data check");
            }
            DROPBITS(32);
            s->mode = s->fmt == 2 ? M_LENGTH : M_DONE;
            break;
        case M_LENGTH:
            NEEDBITS(32);
            if ((uint32_t)s->hold != s->isize)
                BAD("incorrect length check");
            DROPBITS(32);
            s->mode = M_DONE;
            break;
        case M_DONE:
            ret = KZ_STREAM_END;
            goto done;
        case M_BAD:
        default:
            ret = KZ_DATA_ERROR;
            goto done;
        }
    }
done:
    if (s->mode == M_BAD)
        ret = KZ_DATA_ERROR;
    {
        unsigned n = (unsigned)(put - outstart);
        if (n && s->fmt != 0) {
            s->check = s->fmt == 1 ? _Kz_adler32(s->check, outstart, n) : _Kz_crc32(s->check, outstart, n);
            strm->adler = s->check;
        }
        if (s->fmt == 2)
            s->isize += n;
    }
    /* Whole bytes still in the bit buffer were not used yet: give them back to the
     * caller's input so that data after the stream ends up in unused_data. */
    if (s->mode == M_DONE || ret == KZ_STREAM_END) {
        while (s->bits >= 8) {
            next--;
            have++;
            s->bits -= 8;
        }
        s->hold = 0;
        s->bits = 0;
    }
    strm->total_in += in0 - have;
    strm->total_out += out0 - left;
    strm->next_in = next;
    strm->avail_in = have;
    strm->next_out = put;
    strm->avail_out = left;
    if (ret == KZ_OK && (((in0 == have) && (out0 == left)) || flush == KZ_FINISH))
        ret = KZ_BUF_ERROR;
    return ret;
}

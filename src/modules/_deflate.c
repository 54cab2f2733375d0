/* Deflate compression (RFC 1950/1951/1952) for the zlib module.
 *
 * Programs print compressed sizes and compare compressed bytes, so the output must be
 * byte-identical to zlib 1.2.x's: the same LZ77 parse (hash chains over a 2-window
 * buffer, lazy matching driven by the per-level good/lazy/nice/chain table, the same
 * window sliding and zeroing of the bytes past the data, which match scans may read),
 * the same block-splitting rule (a full symbol buffer or a flush) and the same choice
 * between stored, fixed and dynamic blocks with identical Huffman tree construction.
 * Only the algorithm is shared with zlib; the code is ours. */
#include "_zlib_internal.h"
#include <stdlib.h>
#include <string.h>

#define MIN_MATCH 3
#define MAX_MATCH 258
#define MIN_LOOKAHEAD (MAX_MATCH + MIN_MATCH + 1)
#define TOO_FAR 4096
#define WIN_INIT MAX_MATCH
#define MAX_STORED 65535

#define LENGTH_CODES 29
#define LITERALS 256
#define L_CODES (LITERALS + 1 + LENGTH_CODES)
#define D_CODES 30
#define BL_CODES 19
#define HEAP_SIZE (2 * L_CODES + 1)
#define MAX_BITS 15
#define MAX_BL_BITS 7
#define END_BLOCK 256
#define REP_3_6 16
#define REPZ_3_10 17
#define REPZ_11_138 18

enum { ST_INIT, ST_GZIP, ST_BUSY, ST_FINISH };
typedef enum { NEED_MORE, BLOCK_DONE, FINISH_STARTED, FINISH_DONE } BlockState;

typedef struct {
    uint16_t freq; /* also the code once the tree is built */
    uint16_t code;
    uint16_t dad;
    uint16_t len;
} TreeNode;

typedef struct {
    const TreeNode *static_tree;
    const uint8_t *extra_bits;
    int extra_base;
    int elems;
    int max_length;
} StaticDesc;

typedef struct {
    TreeNode *dyn_tree;
    int max_code;
    const StaticDesc *stat;
} TreeDesc;

static const uint8_t extra_lbits[LENGTH_CODES] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                   2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint8_t extra_dbits[D_CODES] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t extra_blbits[BL_CODES] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};
/* The order in which code-length code lengths are transmitted (RFC 1951 3.2.7). */
static const uint8_t bl_order[BL_CODES] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

typedef struct {
    uint16_t good, lazy, nice, chain;
    uint8_t kind; /* 0 stored, 1 fast, 2 slow */
} LevelConfig;

static const LevelConfig level_table[10] = {
    {0, 0, 0, 0, 0},       {4, 4, 8, 4, 1},       {4, 5, 16, 8, 1},       {4, 6, 32, 32, 1},
    {4, 4, 16, 16, 2},     {8, 16, 32, 32, 2},    {8, 16, 128, 128, 2},   {8, 32, 128, 256, 2},
    {32, 128, 258, 1024, 2}, {32, 258, 258, 4096, 2},
};

/* Code tables derived from the extra-bit counts; small enough to build per stream,
 * which keeps the engine free of process-wide mutable state. */
typedef struct {
    TreeNode static_ltree[L_CODES + 2];
    TreeNode static_dtree[D_CODES];
    uint8_t dist_code[512];
    uint8_t length_code[MAX_MATCH - MIN_MATCH + 1];
    int base_length[LENGTH_CODES];
    int base_dist[D_CODES];
    StaticDesc l_stat, d_stat, bl_stat;
} Tables;

struct KzDeflate {
    KzStream *strm;
    int status;
    int wrap; /* 0 raw, 1 zlib, 2 gzip; negated once the trailer is written */
    int level, strategy;
    int last_flush;

    unsigned w_bits, w_size, w_mask;
    uint8_t *window;
    unsigned long window_size;
    uint16_t *prev, *head;
    unsigned ins_h, hash_size, hash_bits, hash_mask, hash_shift;
    long block_start;
    unsigned match_length, prev_match, strstart, match_start, lookahead, prev_length;
    int match_available;
    unsigned max_chain_length, max_lazy_match, good_match;
    int nice_match;
    unsigned insert;
    unsigned long high_water;
    int matches;

    uint8_t *pending_buf;
    unsigned long pending_buf_size;
    uint8_t *pending_out;
    unsigned long pending;

    uint8_t *sym_buf;
    unsigned lit_bufsize, sym_next, sym_end;

    uint64_t bi_buf;
    int bi_valid;

    TreeNode dyn_ltree[HEAP_SIZE];
    TreeNode dyn_dtree[2 * D_CODES + 1];
    TreeNode bl_tree[2 * BL_CODES + 1];
    TreeDesc l_desc, d_desc, bl_desc;
    uint16_t bl_count[MAX_BITS + 1];
    int heap[2 * L_CODES + 1];
    int heap_len, heap_max;
    uint8_t depth[2 * L_CODES + 1];
    unsigned long opt_len, static_len;

    Tables t;
};

/* ---- bit output ------------------------------------------------------------------ */

static inline void put_byte(KzDeflate *s, unsigned c) { s->pending_buf[s->pending++] = (uint8_t)c; }

static inline void send_bits(KzDeflate *s, unsigned value, int length)
{
    s->bi_buf |= (uint64_t)value << s->bi_valid;
    s->bi_valid += length;
    while (s->bi_valid >= 8) {
        put_byte(s, (unsigned)(s->bi_buf & 0xff));
        s->bi_buf >>= 8;
        s->bi_valid -= 8;
    }
}

#define send_code(s, c, tree) send_bits(s, (tree)[c].code, (tree)[c].len)

static void bi_windup(KzDeflate *s)
{
    if (s->bi_valid > 0)
        put_byte(s, (unsigned)(s->bi_buf & 0xff));
    s->bi_buf = 0;
    s->bi_valid = 0;
}

static unsigned bi_reverse(unsigned code, int len)
{
    unsigned res = 0;
    do {
        res = (res << 1) | (code & 1);
        code >>= 1;
    } while (--len > 0);
    return res;
}

/* ---- tables ---------------------------------------------------------------------- */

static void gen_codes(TreeNode *tree, int max_code, const uint16_t *bl_count)
{
    uint16_t next_code[MAX_BITS + 1];
    unsigned code = 0;
    for (int bits = 1; bits <= MAX_BITS; bits++) {
        code = (code + bl_count[bits - 1]) << 1;
        next_code[bits] = (uint16_t)code;
    }
    for (int n = 0; n <= max_code; n++) {
        int len = tree[n].len;
        if (len == 0)
            continue;
        tree[n].code = (uint16_t)bi_reverse(next_code[len]++, len);
    }
}

static void init_tables(Tables *t)
{
    int length = 0, code;
    for (code = 0; code < LENGTH_CODES - 1; code++) {
        t->base_length[code] = length;
        for (int n = 0; n < (1 << extra_lbits[code]); n++)
            t->length_code[length++] = (uint8_t)code;
    }
    /* Length 258 has its own code although 255 (its index) is also reachable above. */
    t->length_code[length - 1] = (uint8_t)code;
    t->base_length[LENGTH_CODES - 1] = 0;
    int dist = 0;
    for (code = 0; code < 16; code++) {
        t->base_dist[code] = dist;
        for (int n = 0; n < (1 << extra_dbits[code]); n++)
            t->dist_code[dist++] = (uint8_t)code;
    }
    dist >>= 7;
    for (; code < D_CODES; code++) {
        t->base_dist[code] = dist << 7;
        for (int n = 0; n < (1 << (extra_dbits[code] - 7)); n++)
            t->dist_code[256 + dist++] = (uint8_t)code;
    }
    uint16_t bl_count[MAX_BITS + 1] = {0};
    int n = 0;
    memset(t->static_ltree, 0, sizeof(t->static_ltree));
    while (n <= 143) t->static_ltree[n++].len = 8, bl_count[8]++;
    while (n <= 255) t->static_ltree[n++].len = 9, bl_count[9]++;
    while (n <= 279) t->static_ltree[n++].len = 7, bl_count[7]++;
    while (n <= 287) t->static_ltree[n++].len = 8, bl_count[8]++;
    gen_codes(t->static_ltree, L_CODES + 1, bl_count);
    for (n = 0; n < D_CODES; n++) {
        t->static_dtree[n].len = 5;
        t->static_dtree[n].code = (uint16_t)bi_reverse((unsigned)n, 5);
    }
    t->l_stat = (StaticDesc){t->static_ltree, extra_lbits, LITERALS + 1, L_CODES, MAX_BITS};
    t->d_stat = (StaticDesc){t->static_dtree, extra_dbits, 0, D_CODES, MAX_BITS};
    t->bl_stat = (StaticDesc){NULL, extra_blbits, 0, BL_CODES, MAX_BL_BITS};
}

static inline unsigned d_code(const KzDeflate *s, unsigned dist)
{
    return dist < 256 ? s->t.dist_code[dist] : s->t.dist_code[256 + (dist >> 7)];
}

/* ---- Huffman trees --------------------------------------------------------------- */

static void init_block(KzDeflate *s)
{
    for (int n = 0; n < L_CODES; n++) s->dyn_ltree[n].freq = 0;
    for (int n = 0; n < D_CODES; n++) s->dyn_dtree[n].freq = 0;
    for (int n = 0; n < BL_CODES; n++) s->bl_tree[n].freq = 0;
    s->dyn_ltree[END_BLOCK].freq = 1;
    s->opt_len = s->static_len = 0;
    s->sym_next = 0;
    s->matches = 0;
}

static void tr_init(KzDeflate *s)
{
    s->l_desc = (TreeDesc){s->dyn_ltree, 0, &s->t.l_stat};
    s->d_desc = (TreeDesc){s->dyn_dtree, 0, &s->t.d_stat};
    s->bl_desc = (TreeDesc){s->bl_tree, 0, &s->t.bl_stat};
    s->bi_buf = 0;
    s->bi_valid = 0;
    init_block(s);
}

/* Equal frequencies are ordered by subtree depth, which keeps the trees shallow. */
static inline int smaller(const TreeNode *tree, int n, int m, const uint8_t *depth)
{
    return tree[n].freq < tree[m].freq || (tree[n].freq == tree[m].freq && depth[n] <= depth[m]);
}

static void pqdownheap(KzDeflate *s, const TreeNode *tree, int k)
{
    int v = s->heap[k];
    int j = k << 1;
    while (j <= s->heap_len) {
        if (j < s->heap_len && smaller(tree, s->heap[j + 1], s->heap[j], s->depth))
            j++;
        if (smaller(tree, v, s->heap[j], s->depth))
            break;
        s->heap[k] = s->heap[j];
        k = j;
        j <<= 1;
    }
    s->heap[k] = v;
}

static void gen_bitlen(KzDeflate *s, TreeDesc *desc)
{
    TreeNode *tree = desc->dyn_tree;
    int max_code = desc->max_code;
    const TreeNode *stree = desc->stat->static_tree;
    const uint8_t *extra = desc->stat->extra_bits;
    int base = desc->stat->extra_base;
    int max_length = desc->stat->max_length;
    int h, n, bits, overflow = 0;

    for (bits = 0; bits <= MAX_BITS; bits++)
        s->bl_count[bits] = 0;
    tree[s->heap[s->heap_max]].len = 0;
    for (h = s->heap_max + 1; h < HEAP_SIZE; h++) {
        n = s->heap[h];
        bits = tree[tree[n].dad].len + 1;
        if (bits > max_length) {
            bits = max_length;
            overflow++;
        }
        tree[n].len = (uint16_t)bits;
        if (n > max_code)
            continue; /* an internal node */
        s->bl_count[bits]++;
        int xbits = n >= base ? extra[n - base] : 0;
        unsigned long f = tree[n].freq;
        s->opt_len += f * (unsigned)(bits + xbits);
        if (stree)
            s->static_len += f * (unsigned)(stree[n].len + xbits);
    }
    if (overflow == 0)
        return;
    /* Too-long codes: move leaves down from shorter lengths in pairs, then hand the
     * lengths back out in order of increasing frequency. */
    do {
        bits = max_length - 1;
        while (s->bl_count[bits] == 0)
            bits--;
        s->bl_count[bits]--;
        s->bl_count[bits + 1] += 2;
        s->bl_count[max_length]--;
        overflow -= 2;
    } while (overflow > 0);
    for (bits = max_length; bits != 0; bits--) {
        n = s->bl_count[bits];
        while (n != 0) {
            int m = s->heap[--h];
            if (m > max_code)
                continue;
            if (tree[m].len != (unsigned)bits) {
                s->opt_len += ((unsigned long)bits - tree[m].len) * tree[m].freq;
                tree[m].len = (uint16_t)bits;
            }
            n--;
        }
    }
}

static void build_tree(KzDeflate *s, TreeDesc *desc)
{
    TreeNode *tree = desc->dyn_tree;
    const TreeNode *stree = desc->stat->static_tree;
    int elems = desc->stat->elems;
    int n, m, max_code = -1, node;

    s->heap_len = 0;
    s->heap_max = HEAP_SIZE;
    for (n = 0; n < elems; n++) {
        if (tree[n].freq != 0) {
            s->heap[++s->heap_len] = max_code = n;
            s->depth[n] = 0;
        }
        else {
            tree[n].len = 0;
        }
    }
    /* At least two codes, so that every code has at least one bit. */
    while (s->heap_len < 2) {
        node = s->heap[++s->heap_len] = (max_code < 2 ? ++max_code : 0);
        tree[node].freq = 1;
        s->depth[node] = 0;
        s->opt_len--;
        if (stree)
            s->static_len -= stree[node].len;
    }
    desc->max_code = max_code;
    for (n = s->heap_len / 2; n >= 1; n--)
        pqdownheap(s, tree, n);
    node = elems;
    do {
        n = s->heap[1];
        s->heap[1] = s->heap[s->heap_len--];
        pqdownheap(s, tree, 1);
        m = s->heap[1];
        s->heap[--s->heap_max] = n;
        s->heap[--s->heap_max] = m;
        tree[node].freq = (uint16_t)(tree[n].freq + tree[m].freq);
        s->depth[node] = (uint8_t)((s->depth[n] >= s->depth[m] ? s->depth[n] : s->depth[m]) + 1);
        tree[n].dad = tree[m].dad = (uint16_t)node;
        s->heap[1] = node++;
        pqdownheap(s, tree, 1);
    } while (s->heap_len >= 2);
    s->heap[--s->heap_max] = s->heap[1];
    gen_bitlen(s, desc);
    gen_codes(tree, max_code, s->bl_count);
}

static void scan_tree(KzDeflate *s, TreeNode *tree, int max_code)
{
    int prevlen = -1, curlen, nextlen = tree[0].len, count = 0;
    int max_count = 7, min_count = 4;
    if (nextlen == 0)
        max_count = 138, min_count = 3;
    tree[max_code + 1].len = 0xffff; /* guard */
    for (int n = 0; n <= max_code; n++) {
        curlen = nextlen;
        nextlen = tree[n + 1].len;
        if (++count < max_count && curlen == nextlen)
            continue;
        else if (count < min_count)
            s->bl_tree[curlen].freq = (uint16_t)(s->bl_tree[curlen].freq + count);
        else if (curlen != 0) {
            if (curlen != prevlen)
                s->bl_tree[curlen].freq++;
            s->bl_tree[REP_3_6].freq++;
        }
        else if (count <= 10)
            s->bl_tree[REPZ_3_10].freq++;
        else
            s->bl_tree[REPZ_11_138].freq++;
        count = 0;
        prevlen = curlen;
        if (nextlen == 0)
            max_count = 138, min_count = 3;
        else if (curlen == nextlen)
            max_count = 6, min_count = 3;
        else
            max_count = 7, min_count = 4;
    }
}

static void send_tree(KzDeflate *s, const TreeNode *tree, int max_code)
{
    int prevlen = -1, curlen, nextlen = tree[0].len, count = 0;
    int max_count = 7, min_count = 4;
    if (nextlen == 0)
        max_count = 138, min_count = 3;
    for (int n = 0; n <= max_code; n++) {
        curlen = nextlen;
        nextlen = tree[n + 1].len;
        if (++count < max_count && curlen == nextlen)
            continue;
        else if (count < min_count) {
            do {
                send_code(s, curlen, s->bl_tree);
            } while (--count != 0);
        }
        else if (curlen != 0) {
            if (curlen != prevlen) {
                send_code(s, curlen, s->bl_tree);
                count--;
            }
            send_code(s, REP_3_6, s->bl_tree);
            send_bits(s, (unsigned)(count - 3), 2);
        }
        else if (count <= 10) {
            send_code(s, REPZ_3_10, s->bl_tree);
            send_bits(s, (unsigned)(count - 3), 3);
        }
        else {
            send_code(s, REPZ_11_138, s->bl_tree);
            send_bits(s, (unsigned)(count - 11), 7);
        }
        count = 0;
        prevlen = curlen;
        if (nextlen == 0)
            max_count = 138, min_count = 3;
        else if (curlen == nextlen)
            max_count = 6, min_count = 3;
        else
            max_count = 7, min_count = 4;
    }
}

static int build_bl_tree(KzDeflate *s)
{
    scan_tree(s, s->dyn_ltree, s->l_desc.max_code);
    scan_tree(s, s->dyn_dtree, s->d_desc.max_code);
    build_tree(s, &s->bl_desc);
    int max_blindex;
    for (max_blindex = BL_CODES - 1; max_blindex >= 3; max_blindex--)
        if (s->bl_tree[bl_order[max_blindex]].len != 0)
            break;
    s->opt_len += 3 * ((unsigned long)max_blindex + 1) + 5 + 5 + 4;
    return max_blindex;
}

static void send_all_trees(KzDeflate *s, int lcodes, int dcodes, int blcodes)
{
    send_bits(s, (unsigned)(lcodes - 257), 5);
    send_bits(s, (unsigned)(dcodes - 1), 5);
    send_bits(s, (unsigned)(blcodes - 4), 4);
    for (int rank = 0; rank < blcodes; rank++)
        send_bits(s, s->bl_tree[bl_order[rank]].len, 3);
    send_tree(s, s->dyn_ltree, lcodes - 1);
    send_tree(s, s->dyn_dtree, dcodes - 1);
}

static void compress_block(KzDeflate *s, const TreeNode *ltree, const TreeNode *dtree)
{
    unsigned sx = 0;
    while (sx < s->sym_next) {
        unsigned dist = s->sym_buf[sx] | ((unsigned)s->sym_buf[sx + 1] << 8);
        unsigned lc = s->sym_buf[sx + 2];
        sx += 3;
        if (dist == 0) {
            send_code(s, lc, ltree);
        }
        else {
            unsigned code = s->t.length_code[lc];
            send_code(s, code + LITERALS + 1, ltree);
            int extra = extra_lbits[code];
            if (extra != 0)
                send_bits(s, lc - (unsigned)s->t.base_length[code], extra);
            dist--;
            code = d_code(s, dist);
            send_code(s, code, dtree);
            extra = extra_dbits[code];
            if (extra != 0)
                send_bits(s, dist - (unsigned)s->t.base_dist[code], extra);
        }
    }
    send_code(s, END_BLOCK, ltree);
}

static void tr_stored_block(KzDeflate *s, const uint8_t *buf, unsigned long stored_len, int last)
{
    send_bits(s, (0u << 1) + (unsigned)last, 3);
    bi_windup(s);
    put_byte(s, (unsigned)(stored_len & 0xff));
    put_byte(s, (unsigned)((stored_len >> 8) & 0xff));
    put_byte(s, (unsigned)(~stored_len & 0xff));
    put_byte(s, (unsigned)((~stored_len >> 8) & 0xff));
    if (stored_len)
        memcpy(s->pending_buf + s->pending, buf, stored_len);
    s->pending += stored_len;
}

/* An empty fixed block: gives the decoder enough lookahead after a partial flush. */
static void tr_align(KzDeflate *s)
{
    send_bits(s, 1u << 1, 3);
    send_code(s, END_BLOCK, s->t.static_ltree);
}

static void tr_flush_block(KzDeflate *s, const uint8_t *buf, unsigned long stored_len, int last)
{
    unsigned long opt_lenb, static_lenb;
    int max_blindex = 0;
    if (s->level > 0) {
        build_tree(s, &s->l_desc);
        build_tree(s, &s->d_desc);
        max_blindex = build_bl_tree(s);
        opt_lenb = (s->opt_len + 3 + 7) >> 3;
        static_lenb = (s->static_len + 3 + 7) >> 3;
        if (static_lenb <= opt_lenb || s->strategy == KZ_FIXED)
            opt_lenb = static_lenb;
    }
    else {
        opt_lenb = static_lenb = stored_len + 5;
    }
    if (stored_len + 4 <= opt_lenb && buf != NULL) {
        tr_stored_block(s, buf, stored_len, last);
    }
    else if (static_lenb == opt_lenb) {
        send_bits(s, (1u << 1) + (unsigned)last, 3);
        compress_block(s, s->t.static_ltree, s->t.static_dtree);
    }
    else {
        send_bits(s, (2u << 1) + (unsigned)last, 3);
        send_all_trees(s, s->l_desc.max_code + 1, s->d_desc.max_code + 1, max_blindex + 1);
        compress_block(s, s->dyn_ltree, s->dyn_dtree);
    }
    init_block(s);
    if (last)
        bi_windup(s);
}

/* Records a literal (dist 0) or a match; true when the symbol buffer is full. */
static inline int tally_lit(KzDeflate *s, unsigned c)
{
    s->sym_buf[s->sym_next++] = 0;
    s->sym_buf[s->sym_next++] = 0;
    s->sym_buf[s->sym_next++] = (uint8_t)c;
    s->dyn_ltree[c].freq++;
    return s->sym_next == s->sym_end;
}

static inline int tally_dist(KzDeflate *s, unsigned dist, unsigned len)
{
    s->sym_buf[s->sym_next++] = (uint8_t)dist;
    s->sym_buf[s->sym_next++] = (uint8_t)(dist >> 8);
    s->sym_buf[s->sym_next++] = (uint8_t)len;
    dist--;
    s->dyn_ltree[s->t.length_code[len] + LITERALS + 1].freq++;
    s->dyn_dtree[d_code(s, dist)].freq++;
    return s->sym_next == s->sym_end;
}

/* ---- stream plumbing ------------------------------------------------------------- */

static void flush_pending(KzStream *strm, KzDeflate *s)
{
    unsigned long len = s->pending;
    if (len > strm->avail_out)
        len = strm->avail_out;
    if (len == 0)
        return;
    memcpy(strm->next_out, s->pending_out, len);
    strm->next_out += len;
    s->pending_out += len;
    strm->total_out += len;
    strm->avail_out -= (unsigned)len;
    s->pending -= len;
    if (s->pending == 0)
        s->pending_out = s->pending_buf;
}

static unsigned read_buf(KzDeflate *s, uint8_t *buf, unsigned size)
{
    KzStream *strm = s->strm;
    unsigned len = strm->avail_in;
    if (len > size)
        len = size;
    if (len == 0)
        return 0;
    strm->avail_in -= len;
    memcpy(buf, strm->next_in, len);
    if (s->wrap == 1)
        strm->adler = _Kz_adler32(strm->adler, buf, len);
    else if (s->wrap == 2)
        strm->adler = _Kz_crc32(strm->adler, buf, len);
    strm->next_in += len;
    strm->total_in += len;
    return len;
}

#define MAX_DIST(s) ((s)->w_size - MIN_LOOKAHEAD)
#define UPDATE_HASH(s, h, c) ((h) = (((h) << (s)->hash_shift) ^ (c)) & (s)->hash_mask)

static inline unsigned insert_string(KzDeflate *s, unsigned str)
{
    UPDATE_HASH(s, s->ins_h, s->window[str + (MIN_MATCH - 1)]);
    unsigned head = s->head[s->ins_h];
    s->prev[str & s->w_mask] = (uint16_t)head;
    s->head[s->ins_h] = (uint16_t)str;
    return head;
}

static void clear_hash(KzDeflate *s) { memset(s->head, 0, (size_t)s->hash_size * sizeof(*s->head)); }

static void slide_hash(KzDeflate *s)
{
    unsigned wsize = s->w_size;
    for (unsigned n = 0; n < s->hash_size; n++) {
        unsigned m = s->head[n];
        s->head[n] = (uint16_t)(m >= wsize ? m - wsize : 0);
    }
    for (unsigned n = 0; n < wsize; n++) {
        unsigned m = s->prev[n];
        s->prev[n] = (uint16_t)(m >= wsize ? m - wsize : 0);
    }
}

static void fill_window(KzDeflate *s)
{
    unsigned wsize = s->w_size;
    KzStream *strm = s->strm;
    do {
        unsigned more = (unsigned)(s->window_size - s->lookahead - s->strstart);
        if (s->strstart >= wsize + MAX_DIST(s)) {
            memcpy(s->window, s->window + wsize, (size_t)(wsize - more));
            s->match_start -= wsize;
            s->strstart -= wsize;
            s->block_start -= (long)wsize;
            if (s->insert > s->strstart)
                s->insert = s->strstart;
            slide_hash(s);
            more += wsize;
        }
        if (strm->avail_in == 0)
            break;
        unsigned n = read_buf(s, s->window + s->strstart + s->lookahead, more);
        s->lookahead += n;
        if (s->lookahead + s->insert >= MIN_MATCH) {
            unsigned str = s->strstart - s->insert;
            s->ins_h = s->window[str];
            UPDATE_HASH(s, s->ins_h, s->window[str + 1]);
            while (s->insert) {
                UPDATE_HASH(s, s->ins_h, s->window[str + MIN_MATCH - 1]);
                s->prev[str & s->w_mask] = s->head[s->ins_h];
                s->head[s->ins_h] = (uint16_t)str;
                str++;
                s->insert--;
                if (s->lookahead + s->insert < MIN_MATCH)
                    break;
            }
        }
    } while (s->lookahead < MIN_LOOKAHEAD && strm->avail_in != 0);

    /* Match scans may read up to MAX_MATCH bytes past the data: zero what was never
     * written so that those reads are deterministic. */
    if (s->high_water < s->window_size) {
        unsigned long curr = s->strstart + (unsigned long)s->lookahead, init;
        if (s->high_water < curr) {
            init = s->window_size - curr;
            if (init > WIN_INIT)
                init = WIN_INIT;
            memset(s->window + curr, 0, init);
            s->high_water = curr + init;
        }
        else if (s->high_water < curr + WIN_INIT) {
            init = curr + WIN_INIT - s->high_water;
            if (init > s->window_size - s->high_water)
                init = s->window_size - s->high_water;
            memset(s->window + s->high_water, 0, init);
            s->high_water += init;
        }
    }
}

static unsigned longest_match(KzDeflate *s, unsigned cur_match)
{
    unsigned chain_length = s->max_chain_length;
    const uint8_t *scan = s->window + s->strstart;
    int best_len = (int)s->prev_length;
    int nice_match = s->nice_match;
    unsigned limit = s->strstart > MAX_DIST(s) ? s->strstart - MAX_DIST(s) : 0;
    const uint16_t *prev = s->prev;
    unsigned wmask = s->w_mask;
    const uint8_t *strend = s->window + s->strstart + MAX_MATCH;
    uint8_t scan_end1 = scan[best_len - 1];
    uint8_t scan_end = scan[best_len];

    if (s->prev_length >= s->good_match)
        chain_length >>= 2;
    if ((unsigned)nice_match > s->lookahead)
        nice_match = (int)s->lookahead;
    do {
        const uint8_t *match = s->window + cur_match;
        if (match[best_len] != scan_end || match[best_len - 1] != scan_end1 || match[0] != scan[0] ||
            match[1] != scan[1])
            continue;
        /* Equal hashes and equal first two bytes imply an equal third byte. */
        const uint8_t *p = scan + 2, *q = match + 2;
        do {
        } while (*++p == *++q && *++p == *++q && *++p == *++q && *++p == *++q && *++p == *++q &&
                 *++p == *++q && *++p == *++q && *++p == *++q && p < strend);
        int len = MAX_MATCH - (int)(strend - p);
        if (len > best_len) {
            s->match_start = cur_match;
            best_len = len;
            if (len >= nice_match)
                break;
            scan_end1 = scan[best_len - 1];
            scan_end = scan[best_len];
        }
    } while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length != 0);
    if ((unsigned)best_len <= s->lookahead)
        return (unsigned)best_len;
    return s->lookahead;
}

static void flush_block_only(KzDeflate *s, int last)
{
    tr_flush_block(s, s->block_start >= 0 ? s->window + (unsigned)s->block_start : NULL,
                   (unsigned long)((long)s->strstart - s->block_start), last);
    s->block_start = s->strstart;
    flush_pending(s->strm, s);
}

#define FLUSH_BLOCK(s, last)                                           \
    do {                                                               \
        flush_block_only(s, last);                                     \
        if ((s)->strm->avail_out == 0)                                 \
            return (last) ? FINISH_STARTED : NEED_MORE;                \
    } while (0)

#define MINU(a, b) ((a) > (b) ? (b) : (a))

static BlockState deflate_stored(KzDeflate *s, int flush)
{
    KzStream *strm = s->strm;
    unsigned min_block = (unsigned)MINU(s->pending_buf_size - 5, s->w_size);
    unsigned len, left, have, last = 0;
    unsigned used = strm->avail_in;
    do {
        /* Copy whole stored blocks straight to the output when they fit. */
        len = MAX_STORED;
        have = (unsigned)(s->bi_valid + 42) >> 3;
        if (strm->avail_out < have)
            break;
        have = strm->avail_out - have;
        left = (unsigned)(s->strstart - s->block_start);
        if (len > (unsigned long)left + strm->avail_in)
            len = left + strm->avail_in;
        if (len > have)
            len = have;
        if (len < min_block && ((len == 0 && flush != KZ_FINISH) || flush == KZ_NO_FLUSH ||
                                len != left + strm->avail_in))
            break;
        last = flush == KZ_FINISH && len == left + strm->avail_in ? 1 : 0;
        tr_stored_block(s, NULL, 0, (int)last);
        s->pending_buf[s->pending - 4] = (uint8_t)len;
        s->pending_buf[s->pending - 3] = (uint8_t)(len >> 8);
        s->pending_buf[s->pending - 2] = (uint8_t)~len;
        s->pending_buf[s->pending - 1] = (uint8_t)(~len >> 8);
        flush_pending(strm, s);
        if (left) {
            if (left > len)
                left = len;
            memcpy(strm->next_out, s->window + s->block_start, left);
            strm->next_out += left;
            strm->avail_out -= left;
            strm->total_out += left;
            s->block_start += left;
            len -= left;
        }
        if (len) {
            read_buf(s, strm->next_out, len);
            strm->next_out += len;
            strm->avail_out -= len;
            strm->total_out += len;
        }
    } while (last == 0);

    used -= strm->avail_in;
    if (used) {
        if (used >= s->w_size) {
            s->matches = 2;
            memcpy(s->window, strm->next_in - s->w_size, s->w_size);
            s->strstart = s->w_size;
            s->insert = s->strstart;
        }
        else {
            if (s->window_size - s->strstart <= used) {
                s->strstart -= s->w_size;
                memcpy(s->window, s->window + s->w_size, s->strstart);
                if (s->matches < 2)
                    s->matches++;
                if (s->insert > s->strstart)
                    s->insert = s->strstart;
            }
            memcpy(s->window + s->strstart, strm->next_in - used, used);
            s->strstart += used;
            s->insert += MINU(used, s->w_size - s->insert);
        }
        s->block_start = s->strstart;
    }
    if (s->high_water < s->strstart)
        s->high_water = s->strstart;
    if (last)
        return FINISH_DONE;
    if (flush != KZ_NO_FLUSH && flush != KZ_FINISH && strm->avail_in == 0 &&
        (long)s->strstart == s->block_start)
        return BLOCK_DONE;

    /* Not enough output space: keep the input in the window and the pending buffer. */
    have = (unsigned)(s->window_size - s->strstart);
    if (strm->avail_in > have && s->block_start >= (long)s->w_size) {
        s->block_start -= s->w_size;
        s->strstart -= s->w_size;
        memcpy(s->window, s->window + s->w_size, s->strstart);
        if (s->matches < 2)
            s->matches++;
        have += s->w_size;
        if (s->insert > s->strstart)
            s->insert = s->strstart;
    }
    if (have > strm->avail_in)
        have = strm->avail_in;
    if (have) {
        read_buf(s, s->window + s->strstart, have);
        s->strstart += have;
        s->insert += MINU(have, s->w_size - s->insert);
    }
    if (s->high_water < s->strstart)
        s->high_water = s->strstart;

    have = (unsigned)(s->bi_valid + 42) >> 3;
    have = (unsigned)MINU(s->pending_buf_size - have, MAX_STORED);
    min_block = MINU(have, s->w_size);
    left = (unsigned)(s->strstart - s->block_start);
    if (left >= min_block ||
        ((left || flush == KZ_FINISH) && flush != KZ_NO_FLUSH && strm->avail_in == 0 && left <= have)) {
        len = MINU(left, have);
        last = flush == KZ_FINISH && strm->avail_in == 0 && len == left ? 1 : 0;
        tr_stored_block(s, s->window + s->block_start, len, (int)last);
        s->block_start += len;
        flush_pending(strm, s);
    }
    return last ? FINISH_STARTED : NEED_MORE;
}

/* Levels 1-3: take the first acceptable match, no lazy evaluation. */
static BlockState deflate_fast(KzDeflate *s, int flush)
{
    unsigned hash_head;
    int bflush;
    for (;;) {
        if (s->lookahead < MIN_LOOKAHEAD) {
            fill_window(s);
            if (s->lookahead < MIN_LOOKAHEAD && flush == KZ_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        hash_head = 0;
        if (s->lookahead >= MIN_MATCH)
            hash_head = insert_string(s, s->strstart);
        if (hash_head != 0 && s->strstart - hash_head <= MAX_DIST(s))
            s->match_length = longest_match(s, hash_head);
        if (s->match_length >= MIN_MATCH) {
            bflush = tally_dist(s, s->strstart - s->match_start, s->match_length - MIN_MATCH);
            s->lookahead -= s->match_length;
            if (s->match_length <= s->max_lazy_match && s->lookahead >= MIN_MATCH) {
                s->match_length--;
                do {
                    s->strstart++;
                    insert_string(s, s->strstart);
                } while (--s->match_length != 0);
                s->strstart++;
            }
            else {
                s->strstart += s->match_length;
                s->match_length = 0;
                s->ins_h = s->window[s->strstart];
                UPDATE_HASH(s, s->ins_h, s->window[s->strstart + 1]);
            }
        }
        else {
            bflush = tally_lit(s, s->window[s->strstart]);
            s->lookahead--;
            s->strstart++;
        }
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = s->strstart < MIN_MATCH - 1 ? s->strstart : MIN_MATCH - 1;
    if (flush == KZ_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Levels 4-9: a match is kept only if the next position has no longer one. */
static BlockState deflate_slow(KzDeflate *s, int flush)
{
    unsigned hash_head;
    int bflush;
    for (;;) {
        if (s->lookahead < MIN_LOOKAHEAD) {
            fill_window(s);
            if (s->lookahead < MIN_LOOKAHEAD && flush == KZ_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        hash_head = 0;
        if (s->lookahead >= MIN_MATCH)
            hash_head = insert_string(s, s->strstart);
        s->prev_length = s->match_length;
        s->prev_match = s->match_start;
        s->match_length = MIN_MATCH - 1;
        if (hash_head != 0 && s->prev_length < s->max_lazy_match && s->strstart - hash_head <= MAX_DIST(s)) {
            s->match_length = longest_match(s, hash_head);
            if (s->match_length <= 5 &&
                (s->strategy == KZ_FILTERED ||
                 (s->match_length == MIN_MATCH && s->strstart - s->match_start > TOO_FAR)))
                s->match_length = MIN_MATCH - 1;
        }
        if (s->prev_length >= MIN_MATCH && s->match_length <= s->prev_length) {
            unsigned max_insert = s->strstart + s->lookahead - MIN_MATCH;
            bflush = tally_dist(s, s->strstart - 1 - s->prev_match, s->prev_length - MIN_MATCH);
            s->lookahead -= s->prev_length - 1;
            s->prev_length -= 2;
            do {
                if (++s->strstart <= max_insert)
                    insert_string(s, s->strstart);
            } while (--s->prev_length != 0);
            s->match_available = 0;
            s->match_length = MIN_MATCH - 1;
            s->strstart++;
            if (bflush)
                FLUSH_BLOCK(s, 0);
        }
        else if (s->match_available) {
            bflush = tally_lit(s, s->window[s->strstart - 1]);
            if (bflush)
                flush_block_only(s, 0);
            s->strstart++;
            s->lookahead--;
            if (s->strm->avail_out == 0)
                return NEED_MORE;
        }
        else {
            s->match_available = 1;
            s->strstart++;
            s->lookahead--;
        }
    }
    if (s->match_available) {
        tally_lit(s, s->window[s->strstart - 1]);
        s->match_available = 0;
    }
    s->insert = s->strstart < MIN_MATCH - 1 ? s->strstart : MIN_MATCH - 1;
    if (flush == KZ_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Z_RLE: only matches at distance one. */
static BlockState deflate_rle(KzDeflate *s, int flush)
{
    int bflush;
    for (;;) {
        if (s->lookahead <= MAX_MATCH) {
            fill_window(s);
            if (s->lookahead <= MAX_MATCH && flush == KZ_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        s->match_length = 0;
        if (s->lookahead >= MIN_MATCH && s->strstart > 0) {
            const uint8_t *scan = s->window + s->strstart - 1;
            unsigned prev = *scan;
            if (prev == *++scan && prev == *++scan && prev == *++scan) {
                const uint8_t *strend = s->window + s->strstart + MAX_MATCH;
                do {
                } while (prev == *++scan && prev == *++scan && prev == *++scan && prev == *++scan &&
                         prev == *++scan && prev == *++scan && prev == *++scan && prev == *++scan &&
                         scan < strend);
                s->match_length = MAX_MATCH - (unsigned)(strend - scan);
                if (s->match_length > s->lookahead)
                    s->match_length = s->lookahead;
            }
        }
        if (s->match_length >= MIN_MATCH) {
            bflush = tally_dist(s, 1, s->match_length - MIN_MATCH);
            s->lookahead -= s->match_length;
            s->strstart += s->match_length;
            s->match_length = 0;
        }
        else {
            bflush = tally_lit(s, s->window[s->strstart]);
            s->lookahead--;
            s->strstart++;
        }
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = 0;
    if (flush == KZ_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Z_HUFFMAN_ONLY: literals only. */
static BlockState deflate_huff(KzDeflate *s, int flush)
{
    int bflush;
    for (;;) {
        if (s->lookahead == 0) {
            fill_window(s);
            if (s->lookahead == 0) {
                if (flush == KZ_NO_FLUSH)
                    return NEED_MORE;
                break;
            }
        }
        s->match_length = 0;
        bflush = tally_lit(s, s->window[s->strstart]);
        s->lookahead--;
        s->strstart++;
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = 0;
    if (flush == KZ_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* ---- public entry points --------------------------------------------------------- */

static void lm_init(KzDeflate *s)
{
    s->window_size = 2UL * s->w_size;
    clear_hash(s);
    s->max_lazy_match = level_table[s->level].lazy;
    s->good_match = level_table[s->level].good;
    s->nice_match = level_table[s->level].nice;
    s->max_chain_length = level_table[s->level].chain;
    s->strstart = 0;
    s->block_start = 0;
    s->lookahead = 0;
    s->insert = 0;
    s->match_length = s->prev_length = MIN_MATCH - 1;
    s->match_available = 0;
    s->ins_h = 0;
}

void _Kz_deflate_end(KzDeflate *s)
{
    if (s == NULL)
        return;
    free(s->window);
    free(s->prev);
    free(s->head);
    free(s->pending_buf);
    free(s->sym_buf);
    free(s);
}

int _Kz_deflate_init(KzStream *strm, KzDeflate **out, int level, int method, int wbits, int memlevel,
                     int strategy)
{
    int wrap = 1;
    *out = NULL;
    if (level == -1)
        level = 6;
    if (wbits < 0) {
        wrap = 0;
        if (wbits < -15)
            return KZ_STREAM_ERROR;
        wbits = -wbits;
    }
    else if (wbits > 15) {
        wrap = 2;
        wbits -= 16;
    }
    if (memlevel < 1 || memlevel > 9 || method != 8 || wbits < 8 || wbits > 15 || level < 0 || level > 9 ||
        strategy < 0 || strategy > KZ_FIXED || (wbits == 8 && wrap != 1))
        return KZ_STREAM_ERROR;
    if (wbits == 8)
        wbits = 9; /* zlib never uses a 256-byte window */
    KzDeflate *s = calloc(1, sizeof(KzDeflate));
    if (s == NULL)
        return KZ_MEM_ERROR;
    s->strm = strm;
    s->wrap = wrap;
    s->w_bits = (unsigned)wbits;
    s->w_size = 1u << s->w_bits;
    s->w_mask = s->w_size - 1;
    s->hash_bits = (unsigned)memlevel + 7;
    s->hash_size = 1u << s->hash_bits;
    s->hash_mask = s->hash_size - 1;
    s->hash_shift = (s->hash_bits + MIN_MATCH - 1) / MIN_MATCH;
    s->window = calloc(2, s->w_size);
    s->prev = calloc(s->w_size, sizeof(uint16_t));
    s->head = calloc(s->hash_size, sizeof(uint16_t));
    s->high_water = 0;
    s->lit_bufsize = 1u << (memlevel + 6);
    s->pending_buf_size = (unsigned long)s->lit_bufsize * 4;
    /* A little slack past zlib's size: our pending area is not shared with symbols. */
    s->pending_buf = malloc(s->pending_buf_size + 64);
    s->sym_buf = malloc((size_t)s->lit_bufsize * 3);
    if (s->window == NULL || s->prev == NULL || s->head == NULL || s->pending_buf == NULL || s->sym_buf == NULL) {
        _Kz_deflate_end(s);
        return KZ_MEM_ERROR;
    }
    s->sym_end = (s->lit_bufsize - 1) * 3;
    s->level = level;
    s->strategy = strategy;
    init_tables(&s->t);

    strm->total_in = strm->total_out = 0;
    strm->msg = NULL;
    s->pending = 0;
    s->pending_out = s->pending_buf;
    s->status = wrap == 2 ? ST_GZIP : ST_INIT;
    strm->adler = wrap == 2 ? 0 : 1;
    s->last_flush = -2;
    tr_init(s);
    lm_init(s);
    *out = s;
    return KZ_OK;
}

int _Kz_deflate_set_dictionary(KzStream *strm, KzDeflate *s, const uint8_t *dict, unsigned len)
{
    int wrap = s->wrap;
    if (wrap == 2 || (wrap == 1 && s->status != ST_INIT) || s->lookahead)
        return KZ_STREAM_ERROR;
    if (wrap == 1)
        strm->adler = _Kz_adler32(strm->adler, dict, len);
    s->wrap = 0;
    if (len >= s->w_size) {
        if (wrap == 0) {
            clear_hash(s);
            s->strstart = 0;
            s->block_start = 0;
            s->insert = 0;
        }
        dict += len - s->w_size;
        len = s->w_size;
    }
    const uint8_t *next = strm->next_in;
    unsigned avail = strm->avail_in;
    strm->avail_in = len;
    strm->next_in = dict;
    fill_window(s);
    while (s->lookahead >= MIN_MATCH) {
        unsigned str = s->strstart;
        unsigned n = s->lookahead - (MIN_MATCH - 1);
        do {
            UPDATE_HASH(s, s->ins_h, s->window[str + MIN_MATCH - 1]);
            s->prev[str & s->w_mask] = s->head[s->ins_h];
            s->head[s->ins_h] = (uint16_t)str;
            str++;
        } while (--n);
        s->strstart = str;
        s->lookahead = MIN_MATCH - 1;
        fill_window(s);
    }
    s->strstart += s->lookahead;
    s->block_start = (long)s->strstart;
    s->insert = s->lookahead;
    s->lookahead = 0;
    s->match_length = s->prev_length = MIN_MATCH - 1;
    s->match_available = 0;
    strm->next_in = next;
    strm->avail_in = avail;
    /* The dictionary bytes are not part of the data: undo their count. */
    strm->total_in -= len;
    s->wrap = wrap;
    return KZ_OK;
}

#define RANK(f) (((f) * 2) - ((f) > 4 ? 9 : 0))

int _Kz_deflate(KzStream *strm, KzDeflate *s, int flush)
{
    if (flush > KZ_BLOCK || flush < 0)
        return KZ_STREAM_ERROR;
    s->strm = strm;
    if (strm->next_out == NULL || (strm->avail_in != 0 && strm->next_in == NULL) ||
        (s->status == ST_FINISH && flush != KZ_FINISH))
        return KZ_STREAM_ERROR;
    if (strm->avail_out == 0)
        return KZ_BUF_ERROR;
    int old_flush = s->last_flush;
    s->last_flush = flush;

    if (s->pending != 0) {
        flush_pending(strm, s);
        if (strm->avail_out == 0) {
            s->last_flush = -1;
            return KZ_OK;
        }
    }
    else if (strm->avail_in == 0 && RANK(flush) <= RANK(old_flush) && flush != KZ_FINISH) {
        return KZ_BUF_ERROR;
    }
    if (s->status == ST_FINISH && strm->avail_in != 0)
        return KZ_BUF_ERROR;

    if (s->status == ST_INIT && s->wrap == 0)
        s->status = ST_BUSY;
    if (s->status == ST_INIT) {
        unsigned header = (8 + ((s->w_bits - 8) << 4)) << 8;
        unsigned level_flags;
        if (s->strategy >= KZ_HUFFMAN_ONLY || s->level < 2)
            level_flags = 0;
        else if (s->level < 6)
            level_flags = 1;
        else if (s->level == 6)
            level_flags = 2;
        else
            level_flags = 3;
        header |= level_flags << 6;
        if (s->strstart != 0)
            header |= 0x20; /* preset dictionary */
        header += 31 - (header % 31);
        put_byte(s, header >> 8);
        put_byte(s, header & 0xff);
        if (s->strstart != 0) {
            put_byte(s, (strm->adler >> 24) & 0xff);
            put_byte(s, (strm->adler >> 16) & 0xff);
            put_byte(s, (strm->adler >> 8) & 0xff);
            put_byte(s, strm->adler & 0xff);
        }
        strm->adler = 1;
        s->status = ST_BUSY;
        flush_pending(strm, s);
        if (s->pending != 0) {
            s->last_flush = -1;
            return KZ_OK;
        }
    }
    if (s->status == ST_GZIP) {
        strm->adler = 0;
        put_byte(s, 31);
        put_byte(s, 139);
        put_byte(s, 8);
        for (int i = 0; i < 5; i++)
            put_byte(s, 0); /* flags, mtime */
        put_byte(s, s->level == 9 ? 2 : (s->strategy >= KZ_HUFFMAN_ONLY || s->level < 2 ? 4 : 0));
        put_byte(s, 3); /* OS: Unix */
        s->status = ST_BUSY;
        flush_pending(strm, s);
        if (s->pending != 0) {
            s->last_flush = -1;
            return KZ_OK;
        }
    }

    if (strm->avail_in != 0 || s->lookahead != 0 || (flush != KZ_NO_FLUSH && s->status != ST_FINISH)) {
        BlockState bstate;
        if (s->level == 0)
            bstate = deflate_stored(s, flush);
        else if (s->strategy == KZ_HUFFMAN_ONLY)
            bstate = deflate_huff(s, flush);
        else if (s->strategy == KZ_RLE)
            bstate = deflate_rle(s, flush);
        else if (level_table[s->level].kind == 1)
            bstate = deflate_fast(s, flush);
        else
            bstate = deflate_slow(s, flush);
        if (bstate == FINISH_STARTED || bstate == FINISH_DONE)
            s->status = ST_FINISH;
        if (bstate == NEED_MORE || bstate == FINISH_STARTED) {
            if (strm->avail_out == 0)
                s->last_flush = -1;
            return KZ_OK;
        }
        if (bstate == BLOCK_DONE) {
            if (flush == KZ_PARTIAL_FLUSH) {
                tr_align(s);
            }
            else if (flush != KZ_BLOCK) {
                tr_stored_block(s, NULL, 0, 0);
                if (flush == KZ_FULL_FLUSH) {
                    clear_hash(s);
                    if (s->lookahead == 0) {
                        s->strstart = 0;
                        s->block_start = 0;
                        s->insert = 0;
                    }
                }
            }
            flush_pending(strm, s);
            if (strm->avail_out == 0) {
                s->last_flush = -1;
                return KZ_OK;
            }
        }
    }
    if (flush != KZ_FINISH)
        return KZ_OK;
    if (s->wrap <= 0)
        return KZ_STREAM_END;
    if (s->wrap == 2) {
        uint32_t a = strm->adler, n = (uint32_t)strm->total_in;
        for (int i = 0; i < 4; i++)
            put_byte(s, (a >> (8 * i)) & 0xff);
        for (int i = 0; i < 4; i++)
            put_byte(s, (n >> (8 * i)) & 0xff);
    }
    else {
        uint32_t a = strm->adler;
        for (int i = 3; i >= 0; i--)
            put_byte(s, (a >> (8 * i)) & 0xff);
    }
    flush_pending(strm, s);
    if (s->wrap > 0)
        s->wrap = -s->wrap;
    return s->pending != 0 ? KZ_OK : KZ_STREAM_END;
}

KzDeflate *_Kz_deflate_copy(const KzDeflate *src)
{
    KzDeflate *d = malloc(sizeof(KzDeflate));
    if (d == NULL)
        return NULL;
    memcpy(d, src, sizeof(KzDeflate));
    d->window = malloc((size_t)d->w_size * 2);
    d->prev = malloc((size_t)d->w_size * sizeof(uint16_t));
    d->head = malloc((size_t)d->hash_size * sizeof(uint16_t));
    d->pending_buf = malloc(d->pending_buf_size + 64);
    d->sym_buf = malloc((size_t)d->lit_bufsize * 3);
    if (d->window == NULL || d->prev == NULL || d->head == NULL || d->pending_buf == NULL || d->sym_buf == NULL) {
        _Kz_deflate_end(d);
        return NULL;
    }
    memcpy(d->window, src->window, (size_t)d->w_size * 2);
    memcpy(d->prev, src->prev, (size_t)d->w_size * sizeof(uint16_t));
    memcpy(d->head, src->head, (size_t)d->hash_size * sizeof(uint16_t));
    memcpy(d->pending_buf, src->pending_buf, d->pending_buf_size + 64);
    memcpy(d->sym_buf, src->sym_buf, (size_t)d->lit_bufsize * 3);
    d->pending_out = d->pending_buf + (src->pending_out - src->pending_buf);
    d->l_desc.dyn_tree = d->dyn_ltree;
    d->d_desc.dyn_tree = d->dyn_dtree;
    d->bl_desc.dyn_tree = d->bl_tree;
    d->l_desc.stat = &d->t.l_stat;
    d->d_desc.stat = &d->t.d_stat;
    d->bl_desc.stat = &d->t.bl_stat;
    d->t.l_stat.static_tree = d->t.static_ltree;
    d->t.d_stat.static_tree = d->t.static_dtree;
    return d;
}

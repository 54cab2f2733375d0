/* The small-object allocator (obmalloc), after the design the CPython literature
 * describes: size classes of 16 bytes up to 512 bytes, 16 KiB pools of one class,
 * 1 MiB arenas of pools. Arenas that become completely free are returned to the OS, so a
 * program that frees what it allocated sees its RSS fall.
 *
 * Thread safety: callers hold the GIL (PyObject_* and PyMem_*); PyMem_Raw* is malloc. */
#include "Python.h"
#include "internal/pycore_obmalloc.h"

#include <sys/mman.h>
#include <unistd.h>

#define POOL_OVERHEAD \
    ((sizeof(struct kr_pool_header) + KR_ALIGNMENT - 1) & ~(size_t)(KR_ALIGNMENT - 1))
#define INDEX2SIZE(i) (((size_t)(i) + 1) << KR_ALIGNMENT_SHIFT)
#define POOL_ADDR(p) ((kr_poolp)((uintptr_t)(p) & ~(uintptr_t)(KR_POOL_SIZE - 1)))
#define ARENA_BASE(p) ((uintptr_t)(p) & ~(uintptr_t)(KR_ARENA_SIZE - 1))
#define INITIAL_ARENA_OBJECTS 16

#define STATE (&_PyRuntime.obmalloc)

/* ---- raw allocator ------------------------------------------------------------ */
void *PyMem_RawMalloc(size_t n) { return malloc(n ? n : 1); }
void *PyMem_RawCalloc(size_t n, size_t e)
{
    if (n == 0 || e == 0) {
        n = 1;
        e = 1;
    }
    return calloc(n, e);
}
void *PyMem_RawRealloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void PyMem_RawFree(void *p) { free(p); }

/* ---- radix map: is this arena ours? ------------------------------------------ */
static int radix_init(struct _obmalloc_state *st)
{
    st->radix_top = calloc((size_t)1 << KR_RADIX_TOP_BITS, sizeof(uint8_t *));
    return st->radix_top ? 0 : -1;
}

static int radix_mark(struct _obmalloc_state *st, uintptr_t base, int used)
{
    uintptr_t key = base >> KR_ARENA_BITS;
    size_t top = (size_t)(key >> KR_RADIX_LEAF_BITS);
    size_t bit = (size_t)(key & (((uintptr_t)1 << KR_RADIX_LEAF_BITS) - 1));
    if (top >= ((size_t)1 << KR_RADIX_TOP_BITS))
        return -1;
    uint8_t *leaf = st->radix_top[top];
    if (leaf == NULL) {
        if (!used)
            return 0;
        leaf = calloc(((size_t)1 << KR_RADIX_LEAF_BITS) / 8, 1);
        if (leaf == NULL)
            return -1;
        st->radix_top[top] = leaf;
    }
    if (used)
        leaf[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    else
        leaf[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
    return 0;
}

static inline int address_in_range(struct _obmalloc_state *st, const void *p)
{
    uintptr_t key = ARENA_BASE(p) >> KR_ARENA_BITS;
    size_t top = (size_t)(key >> KR_RADIX_LEAF_BITS);
    if (Py_UNLIKELY(top >= ((size_t)1 << KR_RADIX_TOP_BITS) || st->radix_top == NULL))
        return 0;
    const uint8_t *leaf = st->radix_top[top];
    if (leaf == NULL)
        return 0;
    size_t bit = (size_t)(key & (((uintptr_t)1 << KR_RADIX_LEAF_BITS) - 1));
    return (leaf[bit >> 3] >> (bit & 7)) & 1;
}

/* ---- arenas --------------------------------------------------------------------- */
static void *arena_map(void)
{
    /* Over-map and trim so the arena is aligned to its size: masking any pointer then
     * yields its arena base. */
    size_t len = 2 * KR_ARENA_SIZE;
    uint8_t *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t aligned = ((uintptr_t)raw + KR_ARENA_SIZE - 1) & ~(uintptr_t)(KR_ARENA_SIZE - 1);
    size_t head = aligned - (uintptr_t)raw;
    size_t tail = len - head - KR_ARENA_SIZE;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap((void *)(aligned + KR_ARENA_SIZE), tail);
    return (void *)aligned;
}

static struct kr_arena_object *new_arena(struct _obmalloc_state *st)
{
    if (st->unused_arena_objects == NULL) {
        unsigned int numarenas = st->maxarenas ? st->maxarenas * 2 : INITIAL_ARENA_OBJECTS;
        if (numarenas <= st->maxarenas)
            return NULL;
        struct kr_arena_object *arenaobj =
            realloc(st->arenas, numarenas * sizeof(struct kr_arena_object));
        if (arenaobj == NULL)
            return NULL;
        /* realloc may move the array; list links are indices-stable only if rebuilt. */
        if (arenaobj != st->arenas && st->arenas != NULL) {
            ptrdiff_t delta = (char *)arenaobj - (char *)st->arenas;
            for (unsigned int i = 0; i < st->maxarenas; i++) {
                if (arenaobj[i].nextarena)
                    arenaobj[i].nextarena =
                        (struct kr_arena_object *)((char *)arenaobj[i].nextarena + delta);
                if (arenaobj[i].prevarena)
                    arenaobj[i].prevarena =
                        (struct kr_arena_object *)((char *)arenaobj[i].prevarena + delta);
            }
            if (st->usable_arenas)
                st->usable_arenas =
                    (struct kr_arena_object *)((char *)st->usable_arenas + delta);
        }
        st->arenas = arenaobj;
        for (unsigned int i = st->maxarenas; i < numarenas; i++) {
            arenaobj[i].address = 0;
            arenaobj[i].nextarena = i < numarenas - 1 ? &arenaobj[i + 1] : NULL;
            arenaobj[i].prevarena = NULL;
        }
        st->unused_arena_objects = &arenaobj[st->maxarenas];
        st->maxarenas = numarenas;
    }
    struct kr_arena_object *ao = st->unused_arena_objects;
    void *address = arena_map();
    if (address == NULL)
        return NULL;
    if (radix_mark(st, (uintptr_t)address, 1) < 0) {
        munmap(address, KR_ARENA_SIZE);
        return NULL;
    }
    st->unused_arena_objects = ao->nextarena;
    ao->address = (uintptr_t)address;
    ao->freepools = NULL;
    ao->pool_address = (kr_block *)address;
    ao->nfreepools = (unsigned int)KR_POOLS_PER_ARENA;
    ao->ntotalpools = ao->nfreepools;
    ao->nextarena = ao->prevarena = NULL;
    st->narenas_currently_allocated++;
    st->ntimes_arena_allocated++;
    if (st->narenas_currently_allocated > st->narenas_highwater)
        st->narenas_highwater = st->narenas_currently_allocated;
    return ao;
}

static void usable_unlink(struct _obmalloc_state *st, struct kr_arena_object *ao)
{
    if (ao->prevarena)
        ao->prevarena->nextarena = ao->nextarena;
    else
        st->usable_arenas = ao->nextarena;
    if (ao->nextarena)
        ao->nextarena->prevarena = ao->prevarena;
    ao->nextarena = ao->prevarena = NULL;
}

/* Keep usable_arenas sorted by ascending nfreepools: new pools are taken from the
 * fullest arena so that the emptiest ones get a chance to be released. */
static void usable_insert_sorted(struct _obmalloc_state *st, struct kr_arena_object *ao)
{
    struct kr_arena_object *prev = NULL, *cur = st->usable_arenas;
    while (cur != NULL && cur->nfreepools < ao->nfreepools) {
        prev = cur;
        cur = cur->nextarena;
    }
    ao->prevarena = prev;
    ao->nextarena = cur;
    if (prev)
        prev->nextarena = ao;
    else
        st->usable_arenas = ao;
    if (cur)
        cur->prevarena = ao;
}

static void release_arena(struct _obmalloc_state *st, struct kr_arena_object *ao)
{
    usable_unlink(st, ao);
    radix_mark(st, ao->address, 0);
    munmap((void *)ao->address, KR_ARENA_SIZE);
    ao->address = 0;
    ao->nextarena = st->unused_arena_objects;
    st->unused_arena_objects = ao;
    st->narenas_currently_allocated--;
}

/* ---- pools ---------------------------------------------------------------------- */
static void obmalloc_init(struct _obmalloc_state *st)
{
    for (int i = 0; i < KR_NB_SMALL_SIZE_CLASSES; i++) {
        st->usedpools[i].nextpool = &st->usedpools[i];
        st->usedpools[i].prevpool = &st->usedpools[i];
    }
    if (radix_init(st) == 0)
        st->initialized = 1;
}

/* A pool in use always has a free block at hand: `freeblock` heads the list of freed
 * blocks, and when that runs dry the next never-used block (bump pointer) is threaded
 * on. So the allocation fast path is a list pop, and "full" simply means no free block. */
static kr_poolp allocate_pool(struct _obmalloc_state *st, unsigned int szidx)
{
    struct kr_arena_object *ao = st->usable_arenas;
    if (ao == NULL) {
        ao = new_arena(st);
        if (ao == NULL)
            return NULL;
        st->usable_arenas = ao;
    }
    kr_poolp pool;
    if (ao->freepools != NULL) {
        pool = ao->freepools;
        ao->freepools = pool->nextpool;
    }
    else {
        pool = (kr_poolp)ao->pool_address;
        ao->pool_address += KR_POOL_SIZE;
        pool->arenaindex = (unsigned int)(ao - st->arenas);
    }
    ao->nfreepools--;
    if (ao->nfreepools == 0)
        usable_unlink(st, ao);
    size_t size = INDEX2SIZE(szidx);
    pool->szidx = szidx;
    pool->ref_count = 0;
    pool->freeblock = (kr_block *)pool + POOL_OVERHEAD;
    *(kr_block **)pool->freeblock = NULL;
    pool->nextoffset = (unsigned int)(POOL_OVERHEAD + size);
    pool->maxnextoffset = (unsigned int)(KR_POOL_SIZE - size);
    kr_poolp head = &st->usedpools[szidx];
    pool->nextpool = head->nextpool;
    pool->prevpool = head;
    head->nextpool->prevpool = pool;
    head->nextpool = pool;
    return pool;
}

/* The free list ran dry: thread the next never-used block on, or retire the full pool
 * from its size class's ring. */
static void pool_refill(kr_poolp pool)
{
    if (pool->nextoffset <= pool->maxnextoffset) {
        kr_block *fb = (kr_block *)pool + pool->nextoffset;
        pool->nextoffset += (unsigned int)INDEX2SIZE(pool->szidx);
        *(kr_block **)fb = NULL;
        pool->freeblock = fb;
        return;
    }
    pool->prevpool->nextpool = pool->nextpool;
    pool->nextpool->prevpool = pool->prevpool;
    pool->nextpool = pool->prevpool = NULL;
}

static Py_NO_INLINE void *pool_alloc_slow(struct _obmalloc_state *st, unsigned int szidx)
{
    if (!st->initialized) {
        obmalloc_init(st);
        if (!st->initialized)
            return NULL;
    }
    kr_poolp pool = st->usedpools[szidx].nextpool;
    if (pool == &st->usedpools[szidx]) {
        pool = allocate_pool(st, szidx);
        if (pool == NULL)
            return NULL;
    }
    kr_block *bp = pool->freeblock;
    pool->freeblock = *(kr_block **)bp;
    pool->ref_count++;
    st->raw_allocated_blocks++;
    if (pool->freeblock == NULL)
        pool_refill(pool);
    return bp;
}

/* A block from a used pool (one with a free block), refilling its free list when that
 * was the last one. */
static inline void *pool_take(struct _obmalloc_state *st, kr_poolp pool)
{
    kr_block *bp = pool->freeblock;
    kr_block *next = *(kr_block **)bp;
    pool->freeblock = next;
    pool->ref_count++;
    st->raw_allocated_blocks++;
    if (Py_UNLIKELY(next == NULL))
        pool_refill(pool);
    return bp;
}

static inline void *pool_alloc(struct _obmalloc_state *st, size_t nbytes)
{
    unsigned int szidx = (unsigned int)((nbytes - 1) >> KR_ALIGNMENT_SHIFT);
    kr_poolp head = &st->usedpools[szidx];
    kr_poolp pool = head->nextpool;
    /* NULL only before the first allocation initialised the rings. */
    if (Py_UNLIKELY(pool == head || pool == NULL))
        return pool_alloc_slow(st, szidx);
    return pool_take(st, pool);
}

/* A block went back to a pool that was full (it rejoins its size class's ring) or that
 * is now empty (it goes back to its arena, and the arena to the OS once all its pools
 * are free). */
static Py_NO_INLINE void pool_free_slow(struct _obmalloc_state *st, kr_poolp pool, int wasfull)
{
    if (wasfull) {
        kr_poolp head = &st->usedpools[pool->szidx];
        pool->nextpool = head->nextpool;
        pool->prevpool = head;
        head->nextpool->prevpool = pool;
        head->nextpool = pool;
    }
    if (pool->ref_count != 0)
        return;
    pool->prevpool->nextpool = pool->nextpool;
    pool->nextpool->prevpool = pool->prevpool;
    struct kr_arena_object *ao = &st->arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    unsigned int nf = ++ao->nfreepools;
    /* The emptiest arena sorts last; when it is the last one usable we keep it, or a
     * program hovering around an arena boundary would map and unmap (and page-fault in)
     * a whole arena again and again. */
    if (nf == ao->ntotalpools && ao->nextarena != NULL) {
        release_arena(st, ao);
        return;
    }
    if (nf == 1) {
        /* The arena was full and off the usable list. */
        usable_insert_sorted(st, ao);
        return;
    }
    if (ao->nextarena != NULL && ao->nextarena->nfreepools < nf) {
        usable_unlink(st, ao);
        usable_insert_sorted(st, ao);
    }
}

static inline void pool_free(struct _obmalloc_state *st, void *p)
{
    kr_poolp pool = POOL_ADDR(p);
    kr_block *fb = pool->freeblock;
    *(kr_block **)p = fb;
    pool->freeblock = (kr_block *)p;
    st->raw_allocated_blocks--;
    if (Py_LIKELY(--pool->ref_count != 0 && fb != NULL))
        return;
    pool_free_slow(st, pool, fb == NULL);
}

/* ---- public entry points ----------------------------------------------------------- */
static inline void *object_malloc(size_t n)
{
    if (!KR_SANITIZER_BUILD && n - 1 < KR_SMALL_REQUEST_THRESHOLD) {
        void *p = pool_alloc(STATE, n);
        if (p != NULL)
            return p;
    }
    void *p = malloc(n ? n : 1);
#if KR_SANITIZER_BUILD
    /* No pools here: count every live block so sys.getallocatedblocks() still moves. */
    if (p != NULL)
        STATE->raw_allocated_blocks++;
#endif
    return p;
}

static inline void object_free(struct _obmalloc_state *st, void *p)
{
    if (address_in_range(st, p)) {
        pool_free(st, p);
        return;
    }
#if KR_SANITIZER_BUILD
    st->raw_allocated_blocks--;
#endif
    free(p);
}

static void *object_realloc(struct _obmalloc_state *st, void *p, size_t n)
{
    if (p == NULL)
        return object_malloc(n);
    if (!address_in_range(st, p)) {
        /* A malloc'd block stays in malloc even when it shrinks to a small size: moving it
         * into a pool would need its old size, which malloc does not tell us portably.
         * Never realloc to 0 bytes: that may free the block and return NULL. */
        return realloc(p, n ? n : 1);
    }
    size_t oldsize = INDEX2SIZE(POOL_ADDR(p)->szidx);
    if (n <= oldsize && n > 0 && n * 4 > oldsize * 3)
        return p; /* shrinking a little: keep the block */
    void *q = object_malloc(n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, n < oldsize ? n : oldsize);
    pool_free(st, p);
    return q;
}

/* Anything but a pool block handed out with tracing off: kept out of line so the fast
 * path below needs no stack frame. */
static Py_NO_INLINE void *object_malloc_slow(size_t n)
{
    void *p = object_malloc(n);
    if (Py_UNLIKELY(STATE->tracing) && p != NULL)
        _KrTraceMalloc_OnAlloc(p, n);
    return p;
}

void *PyObject_Malloc(size_t n)
{
#if !KR_SANITIZER_BUILD
    struct _obmalloc_state *st = STATE;
    if (Py_LIKELY(n - 1 < KR_SMALL_REQUEST_THRESHOLD && !st->tracing)) {
        kr_poolp head = &st->usedpools[(n - 1) >> KR_ALIGNMENT_SHIFT];
        kr_poolp pool = head->nextpool;
        /* NULL only before the first allocation initialised the rings. */
        if (Py_LIKELY(pool != head && pool != NULL))
            return pool_take(st, pool);
    }
#endif
    return object_malloc_slow(n);
}

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    size_t n = nelem * elsize;
    void *p = PyObject_Malloc(n);
    if (p != NULL)
        memset(p, 0, n);
    return p;
}

static Py_NO_INLINE void object_free_slow(void *p)
{
    struct _obmalloc_state *st = STATE;
    if (Py_UNLIKELY(st->tracing))
        _KrTraceMalloc_OnFree(p);
    object_free(st, p);
}

void PyObject_Free(void *p)
{
    struct _obmalloc_state *st = STATE;
    if (Py_LIKELY(!st->tracing && address_in_range(st, p))) {
        /* pool_free inlined by hand so that only the rare pool transitions cost a call. */
        kr_poolp pool = POOL_ADDR(p);
        kr_block *fb = pool->freeblock;
        *(kr_block **)p = fb;
        pool->freeblock = (kr_block *)p;
        st->raw_allocated_blocks--;
        if (Py_LIKELY(--pool->ref_count != 0 && fb != NULL))
            return;
        pool_free_slow(st, pool, fb == NULL);
        return;
    }
    if (p != NULL)
        object_free_slow(p);
}

void *PyObject_Realloc(void *p, size_t n)
{
    struct _obmalloc_state *st = STATE;
    void *q = object_realloc(st, p, n);
    if (Py_UNLIKELY(st->tracing) && q != NULL) {
        /* On failure the old block (and its trace) stays valid. */
        if (p != NULL)
            _KrTraceMalloc_OnFree(p);
        _KrTraceMalloc_OnAlloc(q, n);
    }
    return q;
}

/* PyMem_* shares the small-object allocator, as in CPython. */
void *PyMem_Malloc(size_t n)
{
    if (n > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return PyObject_Malloc(n);
}
void *PyMem_Calloc(size_t n, size_t e) { return PyObject_Calloc(n, e); }
void *PyMem_Realloc(void *p, size_t n)
{
    if (n > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return PyObject_Realloc(p, n);
}
void PyMem_Free(void *p) { PyObject_Free(p); }

Py_ssize_t _Py_GetAllocatedBlocks(void) { return STATE->raw_allocated_blocks; }

void _PyObject_FreeArenas(void)
{
    struct _obmalloc_state *st = STATE;
    for (unsigned int i = 0; i < st->maxarenas; i++) {
        if (st->arenas[i].address != 0) {
            radix_mark(st, st->arenas[i].address, 0);
            munmap((void *)st->arenas[i].address, KR_ARENA_SIZE);
        }
    }
    free(st->arenas);
    if (st->radix_top) {
        for (size_t i = 0; i < ((size_t)1 << KR_RADIX_TOP_BITS); i++)
            free(st->radix_top[i]);
        free(st->radix_top);
    }
    memset(st, 0, sizeof(*st));
}

/* ---- sys._debugmallocstats() ------------------------------------------------------ */
static void format_thousands(char *grouped, size_t value)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%zu", value);
    int j = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
}

static void print_thousands(FILE *out, const char *label, size_t value)
{
    char grouped[48];
    format_thousands(grouped, value);
    fprintf(out, "%-35s=%21s\n", label, grouped);
}

void _PyObject_DebugMallocStats(FILE *out)
{
    struct _obmalloc_state *st = STATE;
    size_t numpools[KR_NB_SMALL_SIZE_CLASSES] = {0};
    size_t numblocks[KR_NB_SMALL_SIZE_CLASSES] = {0};
    size_t numfreeblocks[KR_NB_SMALL_SIZE_CLASSES] = {0};
    size_t narenas = 0, numfreepools = 0, arena_alignment = 0;
    for (unsigned int i = 0; i < st->maxarenas; i++) {
        struct kr_arena_object *ao = &st->arenas[i];
        if (ao->address == 0)
            continue;
        narenas++;
        numfreepools += ao->nfreepools;
        /* Arenas are mapped aligned to their size: no pool is ever lost to alignment. */
        if (ao->address & (KR_POOL_SIZE - 1))
            arena_alignment += KR_POOL_SIZE;
        for (kr_block *base = (kr_block *)ao->address; base < ao->pool_address;
             base += KR_POOL_SIZE) {
            kr_poolp p = (kr_poolp)base;
            if (p->ref_count == 0)
                continue;
            size_t size = INDEX2SIZE(p->szidx);
            numpools[p->szidx]++;
            numblocks[p->szidx] += p->ref_count;
            numfreeblocks[p->szidx] += (KR_POOL_SIZE - POOL_OVERHEAD) / size - p->ref_count;
        }
    }
    fprintf(out, "Small block threshold = %d, in %d size classes.\n\n",
            KR_SMALL_REQUEST_THRESHOLD, KR_NB_SMALL_SIZE_CLASSES);
    fputs("class   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n", out);
    size_t allocated_bytes = 0, available_bytes = 0, pool_header_bytes = 0, quantization = 0;
    for (int i = 0; i < KR_NB_SMALL_SIZE_CLASSES; i++) {
        if (numpools[i] == 0)
            continue;
        size_t size = INDEX2SIZE(i);
        fprintf(out, "%5d %6zu %11zu %15zu %13zu\n", i, size, numpools[i], numblocks[i],
                numfreeblocks[i]);
        allocated_bytes += numblocks[i] * size;
        available_bytes += numfreeblocks[i] * size;
        pool_header_bytes += numpools[i] * POOL_OVERHEAD;
        quantization += numpools[i] * ((KR_POOL_SIZE - POOL_OVERHEAD) % size);
    }
    fputc('\n', out);
    print_thousands(out, "# arenas allocated total", st->ntimes_arena_allocated);
    print_thousands(out, "# arenas reclaimed",
                    st->ntimes_arena_allocated - st->narenas_currently_allocated);
    print_thousands(out, "# arenas highwater mark", st->narenas_highwater);
    print_thousands(out, "# arenas allocated current", narenas);
    char label[64];
    snprintf(label, sizeof label, "%zu arenas * %zu bytes/arena", narenas, (size_t)KR_ARENA_SIZE);
    print_thousands(out, label, narenas * KR_ARENA_SIZE);
    fputc('\n', out);
    print_thousands(out, "# bytes in allocated blocks", allocated_bytes);
    print_thousands(out, "# bytes in available blocks", available_bytes);
    snprintf(label, sizeof label, "%zu unused pools * %zu bytes", numfreepools,
             (size_t)KR_POOL_SIZE);
    print_thousands(out, label, numfreepools * KR_POOL_SIZE);
    print_thousands(out, "# bytes lost to pool headers", pool_header_bytes);
    print_thousands(out, "# bytes lost to quantization", quantization);
    print_thousands(out, "# bytes lost to arena alignment", arena_alignment);
    print_thousands(out, "Total", narenas * KR_ARENA_SIZE);

    /* Our arena map has two levels: the top array plays the part of CPython's root and
     * middle levels (there are no separate middle nodes); its leaves are the bottom
     * nodes. */
    size_t leaves = 0;
    if (st->radix_top != NULL)
        for (size_t i = 0; i < ((size_t)1 << KR_RADIX_TOP_BITS); i++)
            leaves += st->radix_top[i] != NULL;
    size_t root_bytes = st->radix_top ? ((size_t)1 << KR_RADIX_TOP_BITS) * sizeof(uint8_t *) : 0;
    size_t leaf_bytes = leaves * (((size_t)1 << KR_RADIX_LEAF_BITS) / 8);
    fputs("\narena map counts\n", out);
    print_thousands(out, "# arena map mid nodes", 0);
    print_thousands(out, "# arena map bot nodes", leaves);
    fputc('\n', out);
    print_thousands(out, "# bytes lost to arena map root", root_bytes);
    print_thousands(out, "# bytes lost to arena map mid", 0);
    print_thousands(out, "# bytes lost to arena map bot", leaf_bytes);
    print_thousands(out, "Total", root_bytes + leaf_bytes);
}

static void print_freelist(FILE *out, const char *what, size_t n, size_t each)
{
    char label[128], grouped[48];
    snprintf(label, sizeof label, "%zu %s * %zu bytes each", n, what, each);
    format_thousands(grouped, n * each);
    fprintf(out, "%48s =%21s\n", label, grouped);
}

/* The free-list part of sys._debugmallocstats(): objects kept for reuse by their type. */
void _KrObject_DebugTypeStats(FILE *out)
{
    PyThreadState *ts = _PyThreadState_GET();
    PyInterpreterState *interp = ts != NULL ? ts->interp : NULL;
    fputc('\n', out);
    /* No dict or list free lists yet: reported empty so the layout stays CPython's. The
     * dict keys header is 32 bytes (src/objects/dict_internal.h). */
    print_freelist(out, "free PyDictObjects", 0, sizeof(PyDictObject));
    print_freelist(out, "free PyDictKeysObjects", 0, 32);
    print_freelist(out, "free PyFloatObjects",
                   interp ? (size_t)interp->float_freelist.numfree : 0, sizeof(PyFloatObject));
    print_freelist(out, "free PyListObjects", 0, sizeof(PyListObject));
    for (int size = 1; size <= 20; size++) {
        char what[64];
        size_t n = 0;
        if (interp != NULL && size < (int)Py_ARRAY_LENGTH(interp->tuple_freelist.numfree))
            n = (size_t)interp->tuple_freelist.numfree[size];
        snprintf(what, sizeof what, "free %d-sized PyTupleObjects", size);
        print_freelist(out, what, n, (size_t)_PyObject_VAR_SIZE(&PyTuple_Type, size));
    }
}

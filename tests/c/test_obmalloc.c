/* The small-object allocator on its own: alignment, block accounting
 * (sys.getallocatedblocks), contents kept across realloc between size classes and to
 * malloc, zeroing calloc, overflow checks, a random allocate/free mix that must not
 * corrupt neighbouring blocks, arenas handed back to the OS once empty, and pools going
 * from full to partly used to empty and back (the free-list fast paths). */
#include "Python.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void fill(unsigned char *p, size_t n, unsigned char tag)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(tag + i);
}

static int intact(const unsigned char *p, size_t n, unsigned char tag)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(tag + i))
            return 0;
    return 1;
}

static void test_blocks_and_alignment(void)
{
    enum { N = 20000 };
    static void *blocks[N];
    Py_ssize_t base = _Py_GetAllocatedBlocks();
    size_t arenas_before = _PyRuntime.obmalloc.narenas_currently_allocated;
    for (int i = 0; i < N; i++) {
        size_t n = 1 + (size_t)(i % 512);
        blocks[i] = PyObject_Malloc(n);
        CHECK(blocks[i] != NULL);
        CHECK(((uintptr_t)blocks[i] & 15) == 0);
        fill(blocks[i], n, (unsigned char)i);
    }
    CHECK(_Py_GetAllocatedBlocks() - base == N);
    int ok = 1;
    for (int i = 0; i < N; i++)
        ok &= intact(blocks[i], 1 + (size_t)(i % 512), (unsigned char)i);
    CHECK(ok);
    for (int i = 0; i < N; i++)
        PyObject_Free(blocks[i]);
    CHECK(_Py_GetAllocatedBlocks() == base);
#if !KR_SANITIZER_BUILD
    /* ~5 MB went through the pools; every arena that emptied went back. */
    CHECK(_PyRuntime.obmalloc.narenas_currently_allocated <= arenas_before + 1);
    CHECK(_PyRuntime.obmalloc.ntimes_arena_allocated > 0);
#else
    (void)arenas_before;
#endif
}

static void test_realloc(void)
{
    unsigned char *p = PyObject_Malloc(24);
    CHECK(p != NULL);
    fill(p, 24, 7);
    p = PyObject_Realloc(p, 200); /* another size class */
    CHECK(p != NULL && intact(p, 24, 7));
    fill(p, 200, 9);
    p = PyObject_Realloc(p, 5000); /* out of the pools */
    CHECK(p != NULL && intact(p, 200, 9));
    fill(p, 5000, 11);
    p = PyObject_Realloc(p, 100); /* shrinks, stays in malloc */
    CHECK(p != NULL && intact(p, 100, 11));
    p = PyObject_Realloc(p, 0); /* never frees behind our back */
    CHECK(p != NULL);
    PyObject_Free(p);
    p = PyObject_Realloc(NULL, 40);
    CHECK(p != NULL);
    p = PyObject_Realloc(p, 0);
    CHECK(p != NULL);
    PyObject_Free(p);
    void *q = PyMem_Malloc(0);
    CHECK(q != NULL);
    q = PyMem_Realloc(q, 0);
    CHECK(q != NULL);
    PyMem_Free(q);
    PyObject_Free(NULL);
    PyMem_Free(NULL);
}

static void test_calloc(void)
{
    unsigned char *p = PyObject_Calloc(37, 3);
    CHECK(p != NULL);
    int zero = 1;
    for (int i = 0; i < 111; i++)
        zero &= p[i] == 0;
    CHECK(zero);
    PyObject_Free(p);
    CHECK(PyObject_Calloc((size_t)1 << 62, 16) == NULL);
    CHECK(PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL);
    void *raw = PyMem_RawCalloc(0, 0);
    CHECK(raw != NULL);
    PyMem_RawFree(raw);
}

static void test_random_mix(void)
{
    enum { SLOTS = 4096, ROUNDS = 200000 };
    static unsigned char *slot[SLOTS];
    static size_t len[SLOTS];
    Py_ssize_t base = _Py_GetAllocatedBlocks();
    int ok = 1;
    for (int r = 0; r < ROUNDS; r++) {
        int i = (int)(rng() % SLOTS);
        if (slot[i] != NULL) {
            ok &= intact(slot[i], len[i], (unsigned char)i);
            if (rng() & 1) {
                PyObject_Free(slot[i]);
                slot[i] = NULL;
                continue;
            }
            size_t n = 1 + (size_t)(rng() % 700);
            unsigned char *q = PyObject_Realloc(slot[i], n);
            CHECK(q != NULL);
            size_t keep = n < len[i] ? n : len[i];
            ok &= intact(q, keep, (unsigned char)i);
            slot[i] = q;
            len[i] = n;
            fill(q, n, (unsigned char)i);
        }
        else {
            size_t n = 1 + (size_t)(rng() % 600);
            slot[i] = PyObject_Malloc(n);
            CHECK(slot[i] != NULL);
            len[i] = n;
            fill(slot[i], n, (unsigned char)i);
        }
    }
    CHECK(ok);
    for (int i = 0; i < SLOTS; i++) {
        if (slot[i] != NULL) {
            CHECK(intact(slot[i], len[i], (unsigned char)i));
            PyObject_Free(slot[i]);
        }
    }
    CHECK(_Py_GetAllocatedBlocks() == base);
}

/* Fill whole pools of one size class, then free a block in a full pool: the pool must
 * become usable again (the very block comes back first), and emptying and refilling
 * pools of the largest class (few blocks per pool) must keep every block distinct. */
static void test_pool_transitions(void)
{
    enum { N = 3000 };
    static void *blocks[N];
    Py_ssize_t base = _Py_GetAllocatedBlocks();
    static const size_t sizes[] = {64, 512, 16};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        for (int i = 0; i < N; i++) {
            blocks[i] = PyObject_Malloc(n);
            CHECK(blocks[i] != NULL);
            fill(blocks[i], n, (unsigned char)i);
        }
#if !KR_SANITIZER_BUILD
        for (int i = 0; i < N; i += 97) {
            void *old = blocks[i];
            PyObject_Free(old);
            blocks[i] = PyObject_Malloc(n);
            CHECK(blocks[i] == old);
            fill(blocks[i], n, (unsigned char)i);
        }
#endif
        /* Free every other block, then all the rest in reverse: pools pass through
         * partly used and empty states in both directions. */
        for (int i = 0; i < N; i += 2) {
            PyObject_Free(blocks[i]);
            blocks[i] = NULL;
        }
        for (int i = 0; i < N; i += 2) {
            blocks[i] = PyObject_Malloc(n);
            CHECK(blocks[i] != NULL);
            fill(blocks[i], n, (unsigned char)i);
        }
        int ok = 1;
        for (int i = 0; i < N; i++)
            ok &= intact(blocks[i], n, (unsigned char)i);
        CHECK(ok);
        for (int i = N - 1; i >= 0; i--)
            PyObject_Free(blocks[i]);
        CHECK(_Py_GetAllocatedBlocks() == base);
    }
}

int main(void)
{
    test_blocks_and_alignment();
    test_realloc();
    test_calloc();
    test_random_mix();
    test_pool_transitions();
    if (failures == 0)
        printf("test_obmalloc: ok\n");
    return failures != 0;
}

/* obmalloc state (owned by src/memory/obmalloc.c): the small-object allocator.
 *
 * Requests of at most 512 bytes are served from 32 size classes of 16 bytes. Blocks of
 * one class live in 16 KiB pools; pools are carved from 1 MiB arenas obtained with mmap
 * and aligned to their size, so the arena owning any pointer is found by masking, and a
 * two-level radix bitmap says whether that arena is ours. */
#ifndef KR_PYCORE_OBMALLOC_H
#define KR_PYCORE_OBMALLOC_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "../object.h"

#define KR_ALIGNMENT 16
#define KR_ALIGNMENT_SHIFT 4
#define KR_SMALL_REQUEST_THRESHOLD 512
#define KR_NB_SMALL_SIZE_CLASSES (KR_SMALL_REQUEST_THRESHOLD / KR_ALIGNMENT)
#define KR_POOL_BITS 14
#define KR_POOL_SIZE ((size_t)1 << KR_POOL_BITS) /* 16 KiB */
#define KR_ARENA_BITS 20
#define KR_ARENA_SIZE ((size_t)1 << KR_ARENA_BITS) /* 1 MiB */
#define KR_POOLS_PER_ARENA (KR_ARENA_SIZE / KR_POOL_SIZE)
/* Radix map over 48-bit addresses: top level indexes bits 47..34, leaves bits 33..20. */
#define KR_RADIX_TOP_BITS 14
#define KR_RADIX_LEAF_BITS (48 - KR_ARENA_BITS - KR_RADIX_TOP_BITS)

typedef uint8_t kr_block;

struct kr_pool_header {
    unsigned int ref_count;       /* blocks in use */
    unsigned int szidx;           /* size class index */
    kr_block *freeblock;          /* singly linked free list threaded through free blocks */
    struct kr_pool_header *nextpool, *prevpool; /* usedpools ring or arena free list */
    unsigned int arenaindex;
    unsigned int nextoffset;      /* bump pointer: offset of the next never-used block */
    unsigned int maxnextoffset;
};
typedef struct kr_pool_header *kr_poolp;

struct kr_arena_object {
    uintptr_t address;            /* 0 when this slot holds no arena */
    kr_block *pool_address;       /* next never-carved pool */
    unsigned int nfreepools;
    unsigned int ntotalpools;
    struct kr_pool_header *freepools; /* pools emptied again */
    struct kr_arena_object *nextarena, *prevarena;
};

struct _obmalloc_state {
    /* Sentinel heads of the rings of partially used pools, one per size class. */
    struct kr_pool_header usedpools[KR_NB_SMALL_SIZE_CLASSES];
    struct kr_arena_object *arenas;
    unsigned int maxarenas;
    struct kr_arena_object *unused_arena_objects;
    struct kr_arena_object *usable_arenas; /* sorted by nfreepools, fullest first */
    size_t narenas_currently_allocated;
    size_t ntimes_arena_allocated;
    size_t narenas_highwater;
    Py_ssize_t raw_allocated_blocks; /* blocks currently handed out */
    uint8_t **radix_top;          /* [1 << KR_RADIX_TOP_BITS] leaves of bitmaps */
    int initialized;
    /* tracemalloc: while `tracing` is set every PyMem/PyObject allocation is reported to
     * the hooks below; the tables live in src/modules/_tracemalloc.c. */
    int tracing;
    struct kr_tracemalloc_state *tracemalloc;
};

Py_ssize_t _Py_GetAllocatedBlocks(void);
void _PyObject_DebugMallocStats(FILE *out);
void _KrObject_DebugTypeStats(FILE *out); /* free lists, after the allocator report */
void _PyObject_FreeArenas(void); /* at the very end of finalisation */

/* tracemalloc hooks (src/modules/_tracemalloc.c), called only while tracing. */
void _KrTraceMalloc_OnAlloc(void *ptr, size_t size);
void _KrTraceMalloc_OnFree(void *ptr);
/* CPython's public API for allocators outside PyMem (returns -2 when not tracing). */
int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size);
int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);

#endif

/* Cycle collector state (owned by src/memory/gc.c).
 *
 * Tracked containers sit in one of three generation lists (doubly linked through the
 * PyGC_Head in front of each object). The low bits of _gc_prev carry flags; during a
 * collection its upper bits hold the object's gc_refs. */
#ifndef KR_PYCORE_GC_H
#define KR_PYCORE_GC_H
#include <stddef.h>
#include <stdint.h>
#include "../object.h"

#define KR_NUM_GENERATIONS 3

/* PyGC_Head._gc_prev flag bits (PyGC_Head is 16-byte aligned, so 4 low bits are free). */
#define KR_GC_PREV_FINALIZED ((uintptr_t)1)
#define KR_GC_PREV_COLLECTING ((uintptr_t)2)
/* Set on containers CPython 3.13 would not allocate separately (see _KrObject_GC_Uncount):
 * their allocation and free leave generation 0's count alone. */
#define KR_GC_PREV_UNCOUNTED ((uintptr_t)4)
/* The flags an object keeps for life (all others live only during a collection). */
#define KR_GC_PREV_KEEP (KR_GC_PREV_FINALIZED | KR_GC_PREV_UNCOUNTED)
#define KR_GC_PREV_SHIFT 3
#define KR_GC_PREV_MASK (~(uintptr_t)((1 << KR_GC_PREV_SHIFT) - 1))

/* gc.set_debug() flags */
#define DEBUG_STATS (1 << 0)
#define DEBUG_COLLECTABLE (1 << 1)
#define DEBUG_UNCOLLECTABLE (1 << 2)
#define DEBUG_SAVEALL (1 << 5)
#define DEBUG_LEAK (DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL)

struct kr_gc_head_pair {
    uintptr_t _gc_next;
    uintptr_t _gc_prev;
};

struct gc_generation {
    struct kr_gc_head_pair head; /* list sentinel (same layout as PyGC_Head) */
    int threshold;
    int count; /* gen 0: allocations minus deallocations; older: collections of the younger */
};

struct gc_generation_stats {
    Py_ssize_t collections;
    Py_ssize_t collected;
    Py_ssize_t uncollectable;
};

struct _gc_runtime_state {
    struct gc_generation generations[KR_NUM_GENERATIONS];
    struct gc_generation permanent_generation;
    struct gc_generation_stats generation_stats[KR_NUM_GENERATIONS];
    int enabled;
    int debug;
    int collecting;
    int initialized;
    PyObject *garbage;   /* gc.garbage list */
    PyObject *callbacks; /* gc.callbacks list */
    Py_ssize_t long_lived_total;
    Py_ssize_t long_lived_pending;
    /* GC stress mode (KRAIT_GCSTRESS=N or a -DKR_GC_STRESS=N build): collect the young
     * generation every N container allocations, and everything every
     * KR_GC_STRESS_FULL_EVERY-th time, to flush out untracked or mis-traversed objects. */
    int stress_interval;
    int stress_countdown;
    unsigned int stress_rounds;
};
#define KR_GC_STRESS_FULL_EVERY 64

/* Collect `generation` (0..2) now; returns the number of unreachable objects found, or
 * -1 with an exception set. Used by gc.collect() and at shut-down. */
Py_ssize_t _PyGC_Collect(int generation, int reason_manual);
int _PyGC_Init(void);
void _PyGC_Fini(void);
/* Move every object of every generation into the oldest one (gc.freeze support). */
void _PyGC_Freeze(void);
void _PyGC_Unfreeze(void);
Py_ssize_t _PyGC_FreezeCount(void);
/* Takes a just-allocated container out of generation 0's allocation count, for objects
 * that exist only because Krait keeps apart what CPython 3.13 keeps inline (an
 * instance's __dict__): collections then happen as often as in CPython. */
void _KrObject_GC_Uncount(PyObject *op);
/* Allocation without tracking: returns the object address (header zeroed). */
PyObject *_PyObject_GC_Alloc(size_t basicsize);
#endif

/* The generational cycle collector.
 *
 * Reference counting frees everything that is not part of a cycle. Containers (objects of
 * Py_TPFLAGS_HAVE_GC types) are linked into generation lists; a collection of generation
 * g looks at generations 0..g together:
 *   1. gc_refs := refcount for each object in the set;
 *   2. for each object, every reference it holds to an object in the set decrements the
 *      target's gc_refs (via tp_traverse) — what remains counts references from outside;
 *   3. objects with gc_refs > 0, and everything they reach, are reachable; the rest is
 *      garbage candidates;
 *   4. weak references to candidates are cleared (callbacks of surviving weakrefs run),
 *      PEP 442 finalizers (tp_finalize / __del__) run once, candidates resurrected by a
 *      finalizer are put back, and tp_clear breaks the remaining cycles.
 * Survivors move to the next older generation. */
#include "Python.h"
#include "internal/pycore_freelist.h"
#include "internal/pycore_gc.h"
#include "internal/pycore_object.h"
#include "internal/pycore_dict.h"

#include <stdlib.h>
#include <time.h>

#define GCSTATE (&_PyInterpreterState_GET()->gc)
#define GEN_HEAD(st, n) ((PyGC_Head *)&(st)->generations[(n)].head)

/* ---- list primitives ------------------------------------------------------------- */
static inline PyGC_Head *gc_next(PyGC_Head *g) { return (PyGC_Head *)g->_gc_next; }
static inline PyGC_Head *gc_prev(PyGC_Head *g) { return (PyGC_Head *)(g->_gc_prev & KR_GC_PREV_MASK); }
static inline void gc_set_next(PyGC_Head *g, PyGC_Head *n) { g->_gc_next = (uintptr_t)n; }
static inline void gc_set_prev(PyGC_Head *g, PyGC_Head *p)
{
    g->_gc_prev = (g->_gc_prev & ~KR_GC_PREV_MASK) | (uintptr_t)p;
}

static void gc_list_init(PyGC_Head *list)
{
    list->_gc_prev = (uintptr_t)list;
    list->_gc_next = (uintptr_t)list;
}
static int gc_list_is_empty(PyGC_Head *list) { return gc_next(list) == list; }

static void gc_list_append(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *last = gc_prev(list);
    gc_set_next(last, node);
    gc_set_prev(node, last);
    gc_set_next(node, list);
    list->_gc_prev = (uintptr_t)node;
}

/* Takes a tracked object out of its generation list (its own links are left stale). */
static inline void gc_unlink(PyGC_Head *g)
{
    PyGC_Head *prev = gc_prev(g), *next = gc_next(g);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
}

static void gc_list_move(PyGC_Head *node, PyGC_Head *list)
{
    gc_unlink(node);
    gc_list_append(node, list);
}

static void gc_list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (gc_list_is_empty(from))
        return;
    PyGC_Head *to_tail = gc_prev(to);
    PyGC_Head *from_head = gc_next(from), *from_tail = gc_prev(from);
    gc_set_next(to_tail, from_head);
    gc_set_prev(from_head, to_tail);
    gc_set_next(from_tail, to);
    to->_gc_prev = (uintptr_t)from_tail;
    gc_list_init(from);
}

static Py_ssize_t gc_list_size(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g))
        n++;
    return n;
}

static inline int gc_is_collecting(PyGC_Head *g) { return (g->_gc_prev & KR_GC_PREV_COLLECTING) != 0; }

/* ---- allocation and tracking ------------------------------------------------------ */
static void gc_state_init(struct _gc_runtime_state *st)
{
    static const int thresholds[KR_NUM_GENERATIONS] = {2000, 10, 10};
    for (int i = 0; i < KR_NUM_GENERATIONS; i++) {
        gc_list_init(GEN_HEAD(st, i));
        st->generations[i].threshold = thresholds[i];
        st->generations[i].count = 0;
    }
    gc_list_init((PyGC_Head *)&st->permanent_generation.head);
    st->enabled = 1;
    st->initialized = 1;
#ifdef KR_GC_STRESS
    st->stress_interval = KR_GC_STRESS;
#endif
    const char *stress = getenv("KRAIT_GCSTRESS");
    if (stress != NULL && *stress != '\0') {
        long n = strtol(stress, NULL, 10);
        st->stress_interval = n > 0 && n < 1000000 ? (int)n : 0;
    }
    st->stress_countdown = st->stress_interval;
}

static Py_ssize_t gc_collect_with_callbacks(struct _gc_runtime_state *st, int generation);

/* Stress mode: called on each container allocation instead of the threshold check. */
static void stress_collect(struct _gc_runtime_state *st)
{
    if (--st->stress_countdown > 0)
        return;
    st->stress_countdown = st->stress_interval;
    if (!st->enabled || st->collecting)
        return;
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp->finalizing)
        return;
    st->stress_rounds++;
    int generation = st->stress_rounds % KR_GC_STRESS_FULL_EVERY == 0 ? KR_NUM_GENERATIONS - 1 : 0;
    gc_collect_with_callbacks(st, generation);
}

static void maybe_collect(struct _gc_runtime_state *st);

/* Everything but the common case of an allocation: first use of the collector, stress
 * mode, and generation 0 crossing its threshold. Kept out of line so that the fast path
 * below is a count increment and one compare. */
static Py_NO_INLINE void gc_alloc_slow(struct _gc_runtime_state *st)
{
    if (Py_UNLIKELY(!st->initialized)) {
        gc_state_init(st);
        st->generations[0].count++;
    }
    if (Py_UNLIKELY(st->stress_interval))
        stress_collect(st);
    else
        maybe_collect(st);
}

/* The allocation itself: header zeroed (untracked), counted in generation 0. Before the
 * collector is initialised every threshold reads 0, so the first allocation takes the
 * slow path; stress mode always does. */
static inline PyGC_Head *gc_alloc(size_t basicsize)
{
    if (Py_UNLIKELY(basicsize > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head))) {
        PyErr_NoMemory();
        return NULL;
    }
    PyGC_Head *g = PyObject_Malloc(sizeof(PyGC_Head) + basicsize);
    if (Py_UNLIKELY(g == NULL)) {
        PyErr_NoMemory();
        return NULL;
    }
    g->_gc_next = 0;
    g->_gc_prev = 0;
    struct _gc_runtime_state *st = GCSTATE;
    int count = ++st->generations[0].count;
    if (Py_UNLIKELY(count > st->generations[0].threshold || st->stress_interval))
        gc_alloc_slow(st);
    return g;
}

PyObject *_PyObject_GC_Alloc(size_t basicsize)
{
    PyGC_Head *g = gc_alloc(basicsize);
    return g != NULL ? _Py_FROM_GC(g) : NULL;
}

PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyGC_Head *g = gc_alloc((size_t)_PyObject_SIZE(tp));
    if (g == NULL)
        return NULL;
    PyObject *op = _Py_FROM_GC(g);
    _PyObject_Init(op, tp);
    return op;
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    /* The division only matters for huge counts: below 2**24 items of at most 2**31
     * bytes each the size cannot overflow. */
    if (Py_UNLIKELY(nitems >= ((Py_ssize_t)1 << 24) || tp->tp_itemsize > 0x7fffffff) &&
        tp->tp_itemsize && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize) {
        PyErr_NoMemory();
        return NULL;
    }
    PyGC_Head *g = gc_alloc(_PyObject_VAR_SIZE(tp, nitems));
    if (g == NULL)
        return NULL;
    PyVarObject *op = (PyVarObject *)_Py_FROM_GC(g);
    _PyObject_InitVar(op, tp, nitems);
    return op;
}

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    if (nitems < 0 ||
        (tp->tp_itemsize && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t size = _PyObject_VAR_SIZE(tp, nitems);
    PyGC_Head *g = _Py_AS_GC(op);
    /* Resizing moves the block: it must not be linked into a generation meanwhile. */
    PyGC_Head *ng = PyObject_Realloc(g, sizeof(PyGC_Head) + size);
    if (ng == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    op = (PyVarObject *)_Py_FROM_GC(ng);
    Py_SET_SIZE(op, nitems);
    return op;
}

/* Tracking before the collector's first allocation: initialise it, then track. */
static Py_NO_INLINE void gc_track_uninitialized(void *op_raw)
{
    gc_state_init(GCSTATE);
    PyObject_GC_Track(op_raw);
}

void PyObject_GC_Track(void *op_raw)
{
    PyObject *op = op_raw;
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_next != 0)
        return; /* already tracked */
    struct _gc_runtime_state *st = GCSTATE;
    if (Py_UNLIKELY(!st->initialized)) {
        /* A tail call, so the common path needs no stack frame. */
        gc_track_uninitialized(op_raw);
        return;
    }
    PyGC_Head *gen0 = GEN_HEAD(st, 0);
    PyGC_Head *last = gc_prev(gen0);
    gc_set_next(last, g);
    g->_gc_prev = (uintptr_t)last | (g->_gc_prev & KR_GC_PREV_KEEP);
    gc_set_next(g, gen0);
    gen0->_gc_prev = (uintptr_t)g;
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->_gc_next == 0)
        return;
    gc_unlink(g);
    g->_gc_next = 0;
    g->_gc_prev &= KR_GC_PREV_KEEP;
}

void PyObject_GC_Del(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (Py_UNLIKELY(g->_gc_next != 0))
        gc_unlink(g);
    PyThreadState *ts = _PyThreadState_GET();
    if (Py_LIKELY(ts != NULL) && !(g->_gc_prev & KR_GC_PREV_UNCOUNTED)) {
        struct _gc_runtime_state *st = &ts->interp->gc;
        if (st->generations[0].count > 0)
            st->generations[0].count--;
    }
    PyObject_Free(g);
}

void _KrObject_GC_Uncount(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_prev & KR_GC_PREV_UNCOUNTED)
        return;
    g->_gc_prev |= KR_GC_PREV_UNCOUNTED;
    struct _gc_runtime_state *st = GCSTATE;
    if (st->generations[0].count > 0)
        st->generations[0].count--;
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyObject_GC_IS_TRACKED(op);
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    return PyObject_IS_GC(op) && (_Py_AS_GC(op)->_gc_prev & KR_GC_PREV_FINALIZED) != 0;
}

/* ---- PEP 442 finalisation from dealloc ---------------------------------------------- */
void PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL)
        return;
    if (PyObject_IS_GC(self) && (_Py_AS_GC(self)->_gc_prev & KR_GC_PREV_FINALIZED))
        return; /* tp_finalize runs at most once per object */
    tp->tp_finalize(self);
    if (PyObject_IS_GC(self))
        _Py_AS_GC(self)->_gc_prev |= KR_GC_PREV_FINALIZED;
}

int PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    /* Resurrect temporarily so the finalizer sees a live object. */
    self->ob_refcnt = 1;
    PyObject_CallFinalizer(self);
    if (--self->ob_refcnt == 0)
        return 0;
    /* The finalizer stored a new reference somewhere: the object lives on. */
    return -1;
}

/* ---- trashcan: bounded recursion when freeing long chains ---------------------------- */
#define KR_TRASHCAN_LIMIT 50

int _PyTrash_begin(PyObject *op)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts->trash_delete_nesting >= KR_TRASHCAN_LIMIT) {
        _PyTrash_thread_deposit_object(op);
        return 1;
    }
    ts->trash_delete_nesting++;
    return 0;
}

void _PyTrash_thread_deposit_object(PyObject *op)
{
    /* The object is dead (refcount 0) and untracked: its GC header is free to chain the
     * deferred deallocations. */
    PyThreadState *ts = _PyThreadState_GET();
    PyGC_Head *g = _Py_AS_GC(op);
    g->_gc_next = 0;
    g->_gc_prev = (uintptr_t)ts->delete_later | (g->_gc_prev & KR_GC_PREV_KEEP);
    ts->delete_later = op;
}

void _PyTrash_end(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    ts->trash_delete_nesting--;
    if (ts->trash_delete_nesting > 0)
        return;
    while (ts->delete_later != NULL) {
        PyObject *op = ts->delete_later;
        ts->delete_later = (void *)(_Py_AS_GC(op)->_gc_prev & KR_GC_PREV_MASK);
        _Py_AS_GC(op)->_gc_prev &= KR_GC_PREV_KEEP;
        /* Count this level so that the dealloc's own nested frees are deferred again
         * instead of recursing. */
        ts->trash_delete_nesting++;
        Py_TYPE(op)->tp_dealloc(op);
        ts->trash_delete_nesting--;
    }
}

/* ---- the collection ----------------------------------------------------------------- */
/* While move_unreachable runs, _gc_next of the objects it has put on the tentatively
 * unreachable list carries this bit (their _gc_prev is busy as a real back link, and the
 * gc_refs of the others are in theirs); it is gone before any other code runs. */
#define NEXT_UNREACHABLE ((uintptr_t)1)
#define REFS_ONE ((uintptr_t)1 << KR_GC_PREV_SHIFT)

/* gc_refs := refcount. Immortal objects have a refcount of at least 2**32, which internal
 * references can never bring down to zero, so they need no special case. */
static void update_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        uintptr_t rc = (uintptr_t)Py_REFCNT(_Py_FROM_GC(g));
        g->_gc_prev = (g->_gc_prev & KR_GC_PREV_KEEP) | KR_GC_PREV_COLLECTING |
                      (rc << KR_GC_PREV_SHIFT);
    }
}

static int visit_decref(PyObject *op, void *unused)
{
    (void)unused;
    if (PyObject_IS_GC(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        uintptr_t p = g->_gc_prev;
        /* Only members of this collection; a refcount lower than the references found
         * (a bug elsewhere) must not wrap gc_refs around. */
        if ((p & KR_GC_PREV_COLLECTING) && p >= REFS_ONE)
            g->_gc_prev = p - REFS_ONE;
    }
    return 0;
}

static void subtract_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        traverseproc trav = Py_TYPE(op)->tp_traverse;
        if (trav)
            trav(op, visit_decref, NULL);
    }
}

/* Called for each reference of an object known to be reachable: its target is reachable
 * too. A target still waiting in `young` gets gc_refs 1 so the scan traverses it when it
 * gets there; one already moved to the unreachable list goes back to the end of `young`,
 * where the scan will reach it again. */
static int visit_reachable(PyObject *op, void *arg)
{
    if (!PyObject_IS_GC(op))
        return 0;
    PyGC_Head *g = _Py_AS_GC(op);
    uintptr_t p = g->_gc_prev;
    if (!(p & KR_GC_PREV_COLLECTING))
        return 0; /* not in this collection, or already scanned */
    if (g->_gc_next & NEXT_UNREACHABLE) {
        PyGC_Head *young = arg;
        PyGC_Head *uprev = (PyGC_Head *)(p & KR_GC_PREV_MASK);
        PyGC_Head *unext = (PyGC_Head *)(g->_gc_next & ~NEXT_UNREACHABLE);
        uprev->_gc_next = g->_gc_next;
        unext->_gc_prev = (unext->_gc_prev & ~KR_GC_PREV_MASK) | (uintptr_t)uprev;
        PyGC_Head *last = (PyGC_Head *)young->_gc_prev;
        last->_gc_next = (uintptr_t)g;
        g->_gc_next = (uintptr_t)young;
        young->_gc_prev = (uintptr_t)g;
        g->_gc_prev = (p & (KR_GC_PREV_KEEP | KR_GC_PREV_COLLECTING)) | REFS_ONE;
    }
    else if (p < REFS_ONE) {
        g->_gc_prev = p | REFS_ONE;
    }
    return 0;
}

/* One pass over `young` after subtract_refs: an object with gc_refs > 0 is referenced
 * from outside the set, so it is reachable and is traversed to rescue what it refers to;
 * an object with gc_refs == 0 moves to `unreachable` unless rescued later. `young` is
 * walked forward only (back links are rebuilt as we go, since _gc_prev holds gc_refs);
 * rescued objects are appended to it, so the walk reaches them too. Afterwards the
 * objects left in `young` have their flags cleared and valid links; those in
 * `unreachable` are still flagged COLLECTING and carry NEXT_UNREACHABLE. */
static void move_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    PyGC_Head *prev = young;
    PyGC_Head *g = gc_next(young);
    while (g != young) {
        uintptr_t p = g->_gc_prev;
        if (p >= REFS_ONE) {
            /* Not COLLECTING any more: references back to g are ignored from now on. */
            g->_gc_prev = p & KR_GC_PREV_KEEP;
            PyObject *op = _Py_FROM_GC(g);
            traverseproc trav = Py_TYPE(op)->tp_traverse;
            if (trav)
                trav(op, visit_reachable, young);
            g->_gc_prev = (uintptr_t)prev | (p & KR_GC_PREV_KEEP);
            prev = g;
        }
        else {
            prev->_gc_next = g->_gc_next;
            PyGC_Head *last = (PyGC_Head *)unreachable->_gc_prev;
            last->_gc_next = NEXT_UNREACHABLE | (uintptr_t)g;
            g->_gc_prev = (uintptr_t)last | (p & (KR_GC_PREV_KEEP | KR_GC_PREV_COLLECTING));
            g->_gc_next = NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->_gc_prev = (uintptr_t)g;
        }
        /* Read only now: the traversal may have appended objects after g. */
        g = (PyGC_Head *)prev->_gc_next;
    }
    young->_gc_prev = (uintptr_t)prev;
}

/* Split `young` into what stays reachable (left in young, flags cleared) and
 * `unreachable` (still flagged COLLECTING, NEXT_UNREACHABLE marks not yet removed: see
 * scan_unreachable). */
static void deduce_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    gc_list_init(unreachable);
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, unreachable);
}

/* What the garbage needs besides tp_clear, learnt in the pass that also removes the
 * NEXT_UNREACHABLE marks. */
struct unreachable_info {
    Py_ssize_t count;  /* objects, as collect() reports them (see count_one) */
    int finalizers;    /* some object still has a tp_finalize to run */
    int weakrefs;      /* some object is a weakref or has weakrefs to it */
};

/* How many objects collect() reports for one piece of garbage. CPython 3.13 keeps an
 * instance's attributes inline in the object until its __dict__ has to become a real
 * table, so such an instance counts once; our instances always have a dict object, which
 * we leave out of the count while it is still the split (key-sharing) __dict__ dying with
 * its owner. */
static inline Py_ssize_t count_one(PyObject *op, PyTypeObject *tp)
{
    const unsigned long inline_dict =
        Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_INLINE_VALUES;
    if ((tp->tp_flags & inline_dict) != inline_dict)
        return 1;
    PyObject *dict = *_PyObject_ManagedDictPtr(op);
    if (dict != NULL && PyDict_CheckExact(dict) && _KrDict_IsSplit(dict) &&
        _PyObject_GC_IS_TRACKED(dict) && gc_is_collecting(_Py_AS_GC(dict)))
        return 0;
    return 1;
}

static void scan_unreachable(PyGC_Head *unreachable, struct unreachable_info *info)
{
    info->count = 0;
    info->finalizers = 0;
    info->weakrefs = 0;
    unreachable->_gc_next &= ~NEXT_UNREACHABLE;
    for (PyGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        g->_gc_next &= ~NEXT_UNREACHABLE;
        PyObject *op = _Py_FROM_GC(g);
        PyTypeObject *tp = Py_TYPE(op);
        info->count += count_one(op, tp);
        if (tp->tp_finalize != NULL && !(g->_gc_prev & KR_GC_PREV_FINALIZED))
            info->finalizers = 1;
        if ((tp->tp_weaklistoffset != 0 && *_PyObject_GET_WEAKREFS_LISTPTR(op) != NULL) ||
            PyWeakref_Check(op))
            info->weakrefs = 1;
    }
}

/* Untracks the tuples (and, in full collections, the dicts) that can no longer be part of
 * a cycle; returns how many objects stay in the list, which the full-collection
 * heuristics need (one pass does both). */
static Py_ssize_t untrack_survivors(PyGC_Head *list, int dicts_too)
{
    Py_ssize_t n = 0;
    PyGC_Head *g = gc_next(list);
    while (g != list) {
        PyGC_Head *next = gc_next(g);
        PyObject *op = _Py_FROM_GC(g);
        PyTypeObject *tp = Py_TYPE(op);
        if (tp == &PyTuple_Type)
            _PyTuple_MaybeUntrack(op);
        else if (tp == &PyDict_Type && dicts_too)
            _PyDict_MaybeUntrack(op);
        n += g->_gc_next != 0;
        g = next;
    }
    return n;
}

static int is_in_unreachable(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyObject_GC_IS_TRACKED(op) &&
           gc_is_collecting(_Py_AS_GC(op));
}

/* Clear weak references to the unreachable objects. Callbacks of weakrefs that are
 * themselves garbage are not called (their referent and they die together); the others
 * are called after every weakref has been cleared. Returns how many of those weakref
 * objects were freed by running their callback. */
static Py_ssize_t handle_weakrefs(PyGC_Head *unreachable, int *ran_callbacks)
{
    PyObject *to_call = NULL; /* list of weakrefs whose callback must run */
    /* A weakref that is itself garbage must not fire later for a referent that
     * survives: detach it now. */
    for (PyGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (PyWeakref_Check(op)) {
            PyWeakReference *wr = (PyWeakReference *)op;
            if (wr->wr_object != Py_None && !is_in_unreachable(wr->wr_object))
                _PyWeakref_ClearRef(wr);
        }
    }
    for (PyGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        PyTypeObject *tp = Py_TYPE(op);
        /* Classes keep their weakref list in a pre-header: a negative offset. */
        if (tp->tp_weaklistoffset == 0)
            continue;
        PyObject **wrlist = _PyObject_GET_WEAKREFS_LISTPTR(op);
        while (*wrlist != NULL) {
            PyWeakReference *wr = (PyWeakReference *)*wrlist;
            PyObject *callback = wr->wr_callback;
            int call = callback != NULL && !is_in_unreachable((PyObject *)wr);
            if (call) {
                Py_INCREF(wr);
                if (to_call == NULL)
                    to_call = PyList_New(0);
                if (to_call == NULL || PyList_Append(to_call, (PyObject *)wr) < 0)
                    PyErr_Clear();
            }
            _PyWeakref_ClearRef(wr); /* unlinks wr from *wrlist */
            if (call)
                Py_DECREF(wr);
        }
    }
    Py_ssize_t freed = 0;
    if (to_call != NULL) {
        *ran_callbacks = 1;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(to_call); i++) {
            PyWeakReference *wr = (PyWeakReference *)PyList_GET_ITEM(to_call, i);
            PyObject *cb = wr->wr_callback;
            if (cb == NULL)
                continue;
            Py_INCREF(cb);
            wr->wr_callback = NULL;
            PyObject *res = PyObject_CallOneArg(cb, (PyObject *)wr);
            if (res == NULL)
                PyErr_WriteUnraisable(cb);
            Py_XDECREF(res);
            Py_DECREF(cb);
            Py_DECREF(cb); /* the reference the weakref held */
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(to_call); i++)
            if (Py_REFCNT(PyList_GET_ITEM(to_call, i)) == 1)
                freed++;
        Py_DECREF(to_call);
    }
    return freed;
}

static void finalize_garbage(PyGC_Head *collectable)
{
    PyGC_Head seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *g = gc_next(collectable);
        PyObject *op = _Py_FROM_GC(g);
        gc_list_move(g, &seen);
        if (!(g->_gc_prev & KR_GC_PREV_FINALIZED) && Py_TYPE(op)->tp_finalize != NULL) {
            g->_gc_prev |= KR_GC_PREV_FINALIZED;
            Py_INCREF(op);
            Py_TYPE(op)->tp_finalize(op);
            Py_DECREF(op);
        }
    }
    gc_list_merge(&seen, collectable);
}

/* After finalizers ran, some candidates may have been resurrected: recompute which ones
 * are referenced from outside the set and move those (and what they reach) back. */
static void handle_resurrected_objects(PyGC_Head *unreachable, PyGC_Head *still_unreachable,
                                       PyGC_Head *old, struct unreachable_info *info)
{
    deduce_unreachable(unreachable, still_unreachable);
    scan_unreachable(still_unreachable, info);
    gc_list_merge(unreachable, old);
}

static void debug_cycle(const char *msg, PyObject *op)
{
    fprintf(stderr, "gc: %s <%s %p>\n", msg, Py_TYPE(op)->tp_name, (void *)op);
}

static void delete_garbage(struct _gc_runtime_state *st, PyGC_Head *collectable,
                           PyGC_Head *old)
{
    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *g = gc_next(collectable);
        PyObject *op = _Py_FROM_GC(g);
        if (st->debug & DEBUG_SAVEALL) {
            if (st->garbage != NULL && PyList_Append(st->garbage, op) < 0)
                PyErr_Clear();
        }
        else {
            inquiry clear = Py_TYPE(op)->tp_clear;
            if (clear != NULL) {
                Py_INCREF(op);
                g->_gc_prev &= ~KR_GC_PREV_COLLECTING;
                (void)clear(op);
                if (PyErr_Occurred())
                    PyErr_WriteUnraisable(NULL);
                Py_DECREF(op);
            }
        }
        if (gc_next(collectable) == g) {
            /* Still alive after tp_clear (or saved): keep it in the old generation. */
            g->_gc_prev &= ~KR_GC_PREV_COLLECTING;
            gc_list_move(g, old);
        }
    }
}

static void invoke_callbacks(struct _gc_runtime_state *st, const char *phase, int generation,
                             Py_ssize_t collected, Py_ssize_t uncollectable)
{
    if (st->callbacks == NULL || PyList_GET_SIZE(st->callbacks) == 0)
        return;
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation, "collected",
                                   collected, "uncollectable", uncollectable);
    PyObject *ph = PyUnicode_FromString(phase);
    if (info == NULL || ph == NULL) {
        Py_XDECREF(info);
        Py_XDECREF(ph);
        PyErr_WriteUnraisable(NULL);
        return;
    }
    /* Iterate over a copy: callbacks may modify gc.callbacks. */
    PyObject *cbs = PyList_GetSlice(st->callbacks, 0, PyList_GET_SIZE(st->callbacks));
    for (Py_ssize_t i = 0; cbs != NULL && i < PyList_GET_SIZE(cbs); i++) {
        PyObject *args[2] = {ph, info};
        PyObject *r = PyObject_Vectorcall(PyList_GET_ITEM(cbs, i), args, 2, NULL);
        if (r == NULL)
            PyErr_WriteUnraisable(PyList_GET_ITEM(cbs, i));
        Py_XDECREF(r);
    }
    Py_XDECREF(cbs);
    Py_DECREF(ph);
    Py_DECREF(info);
}

static Py_ssize_t gc_collect_main(struct _gc_runtime_state *st, int generation)
{
    PyGC_Head unreachable, final_unreachable;
    struct unreachable_info info;
    Py_ssize_t m = 0, n = 0;
    struct timespec t0 = {0, 0};
    if (st->debug & DEBUG_STATS) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
        fprintf(stderr, "gc: objects in each generation:");
        for (int i = 0; i < KR_NUM_GENERATIONS; i++)
            fprintf(stderr, " %zd", gc_list_size(GEN_HEAD(st, i)));
        fprintf(stderr, "\ngc: objects in permanent generation: %zd\n",
                gc_list_size((PyGC_Head *)&st->permanent_generation.head));
    }
    if (generation + 1 < KR_NUM_GENERATIONS)
        st->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        st->generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(st, i), GEN_HEAD(st, generation));
    PyGC_Head *young = GEN_HEAD(st, generation);
    PyGC_Head *old = generation + 1 < KR_NUM_GENERATIONS ? GEN_HEAD(st, generation + 1) : young;

    deduce_unreachable(young, &unreachable);
    scan_unreachable(&unreachable, &info);
    Py_ssize_t survivors = untrack_survivors(young, young == old);
    if (young != old) {
        if (generation == KR_NUM_GENERATIONS - 2)
            st->long_lived_pending += survivors;
        gc_list_merge(young, old);
    }
    else {
        st->long_lived_pending = 0;
        st->long_lived_total = survivors;
    }
    if (st->debug & DEBUG_COLLECTABLE)
        for (PyGC_Head *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g))
            debug_cycle("collectable", _Py_FROM_GC(g));

    /* Without finalizers and weakref callbacks no code has run that could resurrect a
     * candidate, so the second look at the garbage is skipped. */
    int ran_code = 0;
    if (info.weakrefs)
        m += handle_weakrefs(&unreachable, &ran_code);
    if (info.finalizers) {
        finalize_garbage(&unreachable);
        ran_code = 1;
    }
    PyGC_Head *garbage = &unreachable;
    if (ran_code) {
        handle_resurrected_objects(&unreachable, &final_unreachable, old, &info);
        garbage = &final_unreachable;
    }
    m += info.count;
    delete_garbage(st, garbage, old);
    /* As CPython: a full collection also gives the free lists' memory back. */
    if (generation == KR_NUM_GENERATIONS - 1) {
        PyThreadState *ts = _PyThreadState_GET();
        if (ts != NULL && ts->interp != NULL)
            _PyObject_ClearFreeLists(ts->interp);
    }

    if (st->debug & DEBUG_STATS) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n",
                m + n, n, dt);
    }
    struct gc_generation_stats *stats = &st->generation_stats[generation];
    stats->collections++;
    stats->collected += m;
    stats->uncollectable += n;
    return n + m;
}

static Py_ssize_t gc_collect_with_callbacks(struct _gc_runtime_state *st, int generation)
{
    /* A collection must not see or clobber an exception being propagated. */
    PyObject *exc = PyErr_GetRaisedException();
    st->collecting = 1;
    invoke_callbacks(st, "start", generation, 0, 0);
    Py_ssize_t result = gc_collect_main(st, generation);
    invoke_callbacks(st, "stop", generation, result, 0);
    st->collecting = 0;
    PyErr_SetRaisedException(exc);
    return result;
}

static void maybe_collect(struct _gc_runtime_state *st)
{
    if (st->generations[0].count <= st->generations[0].threshold || !st->enabled ||
        st->generations[0].threshold == 0 || st->collecting)
        return;
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp->finalizing)
        return;
    for (int i = KR_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (st->generations[i].count > st->generations[i].threshold) {
            /* Full collections only when enough long-lived objects accumulated, to keep
             * the total cost linear in the number of objects. */
            if (i == KR_NUM_GENERATIONS - 1 && st->long_lived_pending < st->long_lived_total / 4)
                continue;
            gc_collect_with_callbacks(st, i);
            break;
        }
    }
}

Py_ssize_t _PyGC_Collect(int generation, int reason_manual)
{
    (void)reason_manual;
    struct _gc_runtime_state *st = GCSTATE;
    if (!st->initialized)
        gc_state_init(st);
    if (st->collecting)
        return 0; /* already collecting: don't recurse */
    return gc_collect_with_callbacks(st, generation);
}

Py_ssize_t PyGC_Collect(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    if (!st->enabled)
        return 0;
    return _PyGC_Collect(KR_NUM_GENERATIONS - 1, 0);
}

int PyGC_Enable(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    int old = st->enabled;
    st->enabled = 1;
    return old;
}
int PyGC_Disable(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    int old = st->enabled;
    st->enabled = 0;
    return old;
}
int PyGC_IsEnabled(void) { return GCSTATE->enabled; }

void _PyGC_Freeze(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    for (int i = 0; i < KR_NUM_GENERATIONS; i++) {
        gc_list_merge(GEN_HEAD(st, i), (PyGC_Head *)&st->permanent_generation.head);
        st->generations[i].count = 0;
    }
}

void _PyGC_Unfreeze(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    gc_list_merge((PyGC_Head *)&st->permanent_generation.head,
                  GEN_HEAD(st, KR_NUM_GENERATIONS - 1));
}

Py_ssize_t _PyGC_FreezeCount(void)
{
    return gc_list_size((PyGC_Head *)&GCSTATE->permanent_generation.head);
}

int _PyGC_Init(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    if (!st->initialized)
        gc_state_init(st);
    if (st->garbage == NULL && (st->garbage = PyList_New(0)) == NULL)
        return -1;
    if (st->callbacks == NULL && (st->callbacks = PyList_New(0)) == NULL)
        return -1;
    return 0;
}

void _PyGC_Fini(void)
{
    struct _gc_runtime_state *st = GCSTATE;
    Py_CLEAR(st->garbage);
    Py_CLEAR(st->callbacks);
}

/* ---- support for the gc module ---------------------------------------------------------- */
PyGC_Head *_PyGC_GenerationHead(int generation)
{
    struct _gc_runtime_state *st = GCSTATE;
    if (generation < 0)
        return (PyGC_Head *)&st->permanent_generation.head;
    return GEN_HEAD(st, generation);
}

PyGC_Head *_PyGC_Next(PyGC_Head *g) { return gc_next(g); }

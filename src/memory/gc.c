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
#include "internal/pycore_gc.h"
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

static void gc_list_move(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *prev = gc_prev(node), *next = gc_next(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
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

static inline Py_ssize_t gc_get_refs(PyGC_Head *g) { return (Py_ssize_t)(g->_gc_prev >> KR_GC_PREV_SHIFT); }
static inline void gc_set_refs(PyGC_Head *g, Py_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & ~KR_GC_PREV_MASK) | ((uintptr_t)refs << KR_GC_PREV_SHIFT);
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

PyObject *_PyObject_GC_Alloc(size_t basicsize)
{
    if (basicsize > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head)) {
        PyErr_NoMemory();
        return NULL;
    }
    PyGC_Head *g = PyObject_Malloc(sizeof(PyGC_Head) + basicsize);
    if (g == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    g->_gc_next = 0;
    g->_gc_prev = 0;
    struct _gc_runtime_state *st = GCSTATE;
    if (Py_UNLIKELY(!st->initialized))
        gc_state_init(st);
    st->generations[0].count++;
    if (Py_UNLIKELY(st->stress_interval))
        stress_collect(st);
    else
        maybe_collect(st);
    return _Py_FROM_GC(g);
}

PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = _PyObject_GC_Alloc((size_t)_PyObject_SIZE(tp));
    if (op == NULL)
        return NULL;
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (tp->tp_itemsize && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *op = _PyObject_GC_Alloc(_PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL)
        return NULL;
    return PyObject_InitVar((PyVarObject *)op, tp, nitems);
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

void PyObject_GC_Track(void *op_raw)
{
    PyObject *op = op_raw;
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_next != 0)
        return; /* already tracked */
    struct _gc_runtime_state *st = GCSTATE;
    if (Py_UNLIKELY(!st->initialized))
        gc_state_init(st);
    PyGC_Head *gen0 = GEN_HEAD(st, 0);
    PyGC_Head *last = gc_prev(gen0);
    gc_set_next(last, g);
    g->_gc_prev = (uintptr_t)last | (g->_gc_prev & KR_GC_PREV_FINALIZED);
    gc_set_next(g, gen0);
    gen0->_gc_prev = (uintptr_t)g;
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->_gc_next == 0)
        return;
    PyGC_Head *prev = gc_prev(g), *next = gc_next(g);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    g->_gc_next = 0;
    g->_gc_prev &= KR_GC_PREV_FINALIZED;
}

void PyObject_GC_Del(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->_gc_next != 0)
        PyObject_GC_UnTrack(op_raw);
    PyThreadState *ts = _PyThreadState_GET();
    if (ts != NULL) {
        struct _gc_runtime_state *st = &ts->interp->gc;
        if (st->generations[0].count > 0)
            st->generations[0].count--;
    }
    PyObject_Free(g);
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
    g->_gc_prev = (uintptr_t)ts->delete_later;
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
        ts->delete_later = (void *)_Py_AS_GC(op)->_gc_prev;
        _Py_AS_GC(op)->_gc_prev = 0;
        /* Count this level so that the dealloc's own nested frees are deferred again
         * instead of recursing. */
        ts->trash_delete_nesting++;
        Py_TYPE(op)->tp_dealloc(op);
        ts->trash_delete_nesting--;
    }
}

/* ---- the collection ----------------------------------------------------------------- */
static void update_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        Py_ssize_t rc = Py_REFCNT(op);
        if (_Py_IsImmortal(op))
            rc = PY_SSIZE_T_MAX >> KR_GC_PREV_SHIFT;
        g->_gc_prev = (g->_gc_prev & KR_GC_PREV_FINALIZED) | KR_GC_PREV_COLLECTING;
        gc_set_refs(g, rc);
    }
}

static int visit_decref(PyObject *op, void *parent)
{
    (void)parent;
    if (PyObject_IS_GC(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        if (gc_is_collecting(g) && gc_get_refs(g) > 0)
            gc_set_refs(g, gc_get_refs(g) - 1);
    }
    return 0;
}

static void subtract_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        traverseproc trav = Py_TYPE(op)->tp_traverse;
        if (trav)
            trav(op, visit_decref, op);
    }
}

/* Explicit stack for marking, so deep structures don't recurse on the C stack. */
typedef struct {
    PyGC_Head **items;
    Py_ssize_t len, cap;
    int failed;
} mark_stack;

static void mark_push(mark_stack *s, PyGC_Head *g)
{
    if (s->len == s->cap) {
        Py_ssize_t ncap = s->cap ? s->cap * 2 : 256;
        PyGC_Head **n = PyMem_RawRealloc(s->items, (size_t)ncap * sizeof(PyGC_Head *));
        if (n == NULL) {
            s->failed = 1;
            return;
        }
        s->items = n;
        s->cap = ncap;
    }
    s->items[s->len++] = g;
}

static int visit_mark(PyObject *op, void *arg)
{
    mark_stack *s = arg;
    if (PyObject_IS_GC(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        if (gc_is_collecting(g) && !(g->_gc_prev & KR_GC_PREV_REACHABLE)) {
            g->_gc_prev |= KR_GC_PREV_REACHABLE;
            mark_push(s, g);
        }
    }
    return 0;
}

/* Marks everything reachable from objects with gc_refs > 0; returns -1 if the marking
 * stack could not grow (then everything is treated as reachable: safe, just no
 * collection). */
static int mark_reachable(PyGC_Head *containers)
{
    mark_stack s = {NULL, 0, 0, 0};
    for (PyGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        if (gc_get_refs(g) > 0 && !(g->_gc_prev & KR_GC_PREV_REACHABLE)) {
            g->_gc_prev |= KR_GC_PREV_REACHABLE;
            mark_push(&s, g);
        }
        while (s.len > 0 && !s.failed) {
            PyGC_Head *cur = s.items[--s.len];
            PyObject *op = _Py_FROM_GC(cur);
            traverseproc trav = Py_TYPE(op)->tp_traverse;
            if (trav)
                trav(op, visit_mark, &s);
        }
        if (s.failed)
            break;
    }
    int failed = s.failed;
    PyMem_RawFree(s.items);
    return failed ? -1 : 0;
}

/* Split `young` into reachable (stays in young) and unreachable. Afterwards both lists
 * have valid prev links; unreachable objects keep the COLLECTING flag. */
static void deduce_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    update_refs(young);
    subtract_refs(young);
    int failed = mark_reachable(young);
    PyGC_Head *g = gc_next(young);
    PyGC_Head *prev = young;
    gc_list_init(unreachable);
    PyGC_Head *utail = unreachable;
    while (g != young) {
        PyGC_Head *next = gc_next(g);
        if (failed || (g->_gc_prev & KR_GC_PREV_REACHABLE)) {
            g->_gc_prev = (uintptr_t)prev | (g->_gc_prev & KR_GC_PREV_FINALIZED);
            gc_set_next(prev, g);
            prev = g;
        }
        else {
            g->_gc_prev = (uintptr_t)utail | (g->_gc_prev & KR_GC_PREV_FINALIZED) |
                          KR_GC_PREV_COLLECTING;
            gc_set_next(utail, g);
            utail = g;
        }
        g = next;
    }
    gc_set_next(prev, young);
    young->_gc_prev = (uintptr_t)prev;
    gc_set_next(utail, unreachable);
    unreachable->_gc_prev = (uintptr_t)utail;
}

static void clear_collecting(PyGC_Head *list)
{
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g))
        g->_gc_prev &= ~(KR_GC_PREV_COLLECTING | KR_GC_PREV_REACHABLE);
}

static void untrack_tuples(PyGC_Head *list)
{
    PyGC_Head *g = gc_next(list);
    while (g != list) {
        PyGC_Head *next = gc_next(g);
        PyObject *op = _Py_FROM_GC(g);
        if (PyTuple_CheckExact(op))
            _PyTuple_MaybeUntrack(op);
        g = next;
    }
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
static Py_ssize_t handle_weakrefs(PyGC_Head *unreachable, PyGC_Head *old)
{
    (void)old;
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
                                       PyGC_Head *old)
{
    deduce_unreachable(unreachable, still_unreachable);
    clear_collecting(unreachable);
    gc_list_merge(unreachable, old);
}

/* How many objects collect() reports for this garbage. CPython 3.13 keeps an instance's
 * attributes inline in the object until its __dict__ has to become a real table, so such
 * an instance counts once; our instances always have a dict object, which we leave out
 * of the count while it is still the split (key-sharing) __dict__ dying with its owner. */
static Py_ssize_t count_collectable(PyGC_Head *collectable)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = gc_next(collectable); g != collectable; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        n++;
        PyTypeObject *tp = Py_TYPE(op);
        const unsigned long inline_dict =
            Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_INLINE_VALUES;
        if ((tp->tp_flags & inline_dict) != inline_dict)
            continue;
        PyObject *dict = *_PyObject_ManagedDictPtr(op);
        if (dict != NULL && PyDict_CheckExact(dict) && _KrDict_IsSplit(dict) &&
            _PyObject_GC_IS_TRACKED(dict) && gc_is_collecting(_Py_AS_GC(dict)))
            n--;
    }
    return n;
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
                g->_gc_prev &= ~(KR_GC_PREV_COLLECTING | KR_GC_PREV_REACHABLE);
                (void)clear(op);
                if (PyErr_Occurred())
                    PyErr_WriteUnraisable(NULL);
                Py_DECREF(op);
            }
        }
        if (gc_next(collectable) == g) {
            /* Still alive after tp_clear (or saved): keep it in the old generation. */
            g->_gc_prev &= ~(KR_GC_PREV_COLLECTING | KR_GC_PREV_REACHABLE);
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
    clear_collecting(young);
    untrack_tuples(young);
    if (young != old) {
        if (generation == KR_NUM_GENERATIONS - 2)
            st->long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    }
    else {
        st->long_lived_pending = 0;
        st->long_lived_total = gc_list_size(young);
    }
    if (st->debug & DEBUG_COLLECTABLE)
        for (PyGC_Head *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g))
            debug_cycle("collectable", _Py_FROM_GC(g));

    m += handle_weakrefs(&unreachable, old);
    finalize_garbage(&unreachable);
    handle_resurrected_objects(&unreachable, &final_unreachable, old);
    m += count_collectable(&final_unreachable);
    delete_garbage(st, &final_unreachable, old);

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

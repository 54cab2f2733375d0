/* The _tracemalloc module: records, for every block handed out by the PyMem/PyObject
 * allocators while tracing is on, its requested size and the Python call stack at the
 * time of the allocation. lib/tracemalloc.py builds snapshots and statistics on top.
 *
 * The allocator (src/memory/obmalloc.c) calls _KrTraceMalloc_OnAlloc/OnFree while
 * _PyRuntime.obmalloc.tracing is set. The hooks keep their tables in memory from libc's
 * malloc, never from the traced allocators, so recording an allocation can never
 * recurse into itself. Callers hold the GIL, which serialises all access.
 *
 * Tracebacks are interned: identical call stacks share one record, which lives until the
 * traces are cleared. Each record holds strong references to its filenames. */
#include "Python.h"
#include "internal/pycore_frame.h"

#include <stdlib.h>
#include <string.h>

size_t _KrType_PreSize(PyTypeObject *type); /* typeobject.c: bytes before an instance */

#define MAX_NFRAME 65535
#define DEFAULT_DOMAIN 0u

typedef struct {
    PyObject *filename; /* strong reference to a str */
    unsigned int lineno;
} tm_frame;

typedef struct tm_traceback {
    Py_uhash_t hash;
    uint16_t nframe;
    uint16_t total_nframe;
    tm_frame frames[]; /* most recent call first */
} tm_traceback;

typedef struct {
    uintptr_t ptr; /* 0: empty slot */
    unsigned int domain;
    size_t size;
    tm_traceback *tb;
} tm_trace;

struct kr_tracemalloc_state {
    int max_nframe;
    int atexit_registered;
    int in_hook;              /* guards against re-entry from the hooks themselves */
    size_t traced_memory, peak_traced_memory;
    /* ptr -> trace, open addressing with linear probing and backward-shift deletion */
    tm_trace *traces;
    size_t traces_cap, traces_len;
    /* interned tracebacks: open addressing set keyed by content */
    tm_traceback **tbs;
    size_t tbs_cap, tbs_len;
    size_t tbs_bytes;
    uint64_t epoch;           /* bumped whenever tracebacks are freed */
    tm_frame *scratch;        /* [max_nframe] frames of the allocation being recorded */
    int scratch_cap;
    tm_traceback *empty_tb;   /* "<unknown>":0, for allocations with no Python frame */
};

#define TM_RT (&_PyRuntime.obmalloc)
#define TM_STATE (_PyRuntime.obmalloc.tracemalloc)

static struct kr_tracemalloc_state *tm_state_get(void)
{
    if (TM_STATE == NULL) {
        struct kr_tracemalloc_state *st = calloc(1, sizeof(*st));
        if (st == NULL)
            return NULL;
        st->max_nframe = 1;
        TM_STATE = st;
    }
    return TM_STATE;
}

/* ---- hashing ------------------------------------------------------------------ */
static inline size_t ptr_hash(uintptr_t ptr, unsigned int domain)
{
    /* Blocks are 16-byte aligned: drop the always-zero bits, then mix. */
    uint64_t h = ((uint64_t)ptr >> 4) ^ ((uint64_t)domain * 0x9E3779B97F4A7C15u);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (size_t)h;
}

static Py_uhash_t frames_hash(const tm_frame *frames, int n, int total)
{
    uint64_t h = 0xCBF29CE484222325u ^ (uint64_t)total;
    for (int i = 0; i < n; i++) {
        h = (h ^ (uint64_t)(uintptr_t)frames[i].filename) * 0x100000001B3u;
        h = (h ^ frames[i].lineno) * 0x100000001B3u;
    }
    return (Py_uhash_t)(h ^ (h >> 31));
}

/* ---- trace table -------------------------------------------------------------------- */
static tm_trace *trace_find(struct kr_tracemalloc_state *st, uintptr_t ptr, unsigned int domain)
{
    if (st->traces_cap == 0)
        return NULL;
    size_t mask = st->traces_cap - 1;
    for (size_t i = ptr_hash(ptr, domain) & mask;; i = (i + 1) & mask) {
        tm_trace *t = &st->traces[i];
        if (t->ptr == 0)
            return NULL;
        if (t->ptr == ptr && t->domain == domain)
            return t;
    }
}

static int traces_grow(struct kr_tracemalloc_state *st)
{
    size_t ncap = st->traces_cap ? st->traces_cap * 2 : 1024;
    tm_trace *n = calloc(ncap, sizeof(tm_trace));
    if (n == NULL)
        return -1;
    for (size_t j = 0; j < st->traces_cap; j++) {
        tm_trace *t = &st->traces[j];
        if (t->ptr == 0)
            continue;
        size_t i = ptr_hash(t->ptr, t->domain) & (ncap - 1);
        while (n[i].ptr != 0)
            i = (i + 1) & (ncap - 1);
        n[i] = *t;
    }
    free(st->traces);
    st->traces = n;
    st->traces_cap = ncap;
    return 0;
}

static void trace_remove_slot(struct kr_tracemalloc_state *st, tm_trace *slot)
{
    size_t mask = st->traces_cap - 1;
    size_t hole = (size_t)(slot - st->traces);
    st->traced_memory -= slot->size;
    st->traces_len--;
    /* Backward-shift deletion keeps probe chains intact without tombstones. */
    size_t i = hole;
    for (;;) {
        i = (i + 1) & mask;
        tm_trace *t = &st->traces[i];
        if (t->ptr == 0)
            break;
        size_t home = ptr_hash(t->ptr, t->domain) & mask;
        /* Move t into the hole unless its home lies cyclically in (hole, i]. */
        int stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (!stays) {
            st->traces[hole] = *t;
            hole = i;
        }
    }
    st->traces[hole].ptr = 0;
    st->traces[hole].tb = NULL;
}

/* ---- traceback capture ---------------------------------------------------------------- */
static tm_traceback *tb_intern(struct kr_tracemalloc_state *st, const tm_frame *frames,
                               int n, int total)
{
    Py_uhash_t h = frames_hash(frames, n, total);
    if (st->tbs_len * 3 + 3 >= st->tbs_cap * 2) {
        size_t ncap = st->tbs_cap ? st->tbs_cap * 2 : 256;
        tm_traceback **nt = calloc(ncap, sizeof(tm_traceback *));
        if (nt == NULL)
            return NULL;
        for (size_t j = 0; j < st->tbs_cap; j++) {
            tm_traceback *tb = st->tbs[j];
            if (tb == NULL)
                continue;
            size_t i = (size_t)tb->hash & (ncap - 1);
            while (nt[i] != NULL)
                i = (i + 1) & (ncap - 1);
            nt[i] = tb;
        }
        free(st->tbs);
        st->tbs = nt;
        st->tbs_cap = ncap;
    }
    size_t mask = st->tbs_cap - 1;
    size_t i = (size_t)h & mask;
    for (; st->tbs[i] != NULL; i = (i + 1) & mask) {
        tm_traceback *tb = st->tbs[i];
        if (tb->hash == h && tb->nframe == n && tb->total_nframe == total &&
            memcmp(tb->frames, frames, (size_t)n * sizeof(tm_frame)) == 0)
            return tb;
    }
    size_t bytes = sizeof(tm_traceback) + (size_t)n * sizeof(tm_frame);
    tm_traceback *tb = malloc(bytes);
    if (tb == NULL)
        return NULL;
    tb->hash = h;
    tb->nframe = (uint16_t)n;
    tb->total_nframe = (uint16_t)total;
    for (int k = 0; k < n; k++) {
        tb->frames[k] = frames[k];
        Py_INCREF(frames[k].filename);
    }
    st->tbs[i] = tb;
    st->tbs_len++;
    st->tbs_bytes += bytes;
    return tb;
}

static tm_traceback *current_traceback(struct kr_tracemalloc_state *st)
{
    PyThreadState *ts = _PyThreadState_GET();
    _PyInterpreterFrame *f = ts != NULL ? _PyFrame_GetFirstComplete(ts->current_frame) : NULL;
    if (f == NULL)
        return st->empty_tb;
    int n = 0, total = 0;
    for (; f != NULL; f = _PyFrame_GetFirstComplete(f->previous)) {
        if (n < st->max_nframe && n < st->scratch_cap) {
            PyObject *filename = f->f_code->co_filename;
            int lineno = _PyFrame_GetLineNumber(f);
            if (filename == NULL || !PyUnicode_Check(filename))
                filename = st->empty_tb->frames[0].filename;
            st->scratch[n].filename = filename;
            st->scratch[n].lineno = lineno < 0 ? 0u : (unsigned int)lineno;
            n++;
        }
        if (total < MAX_NFRAME)
            total++;
    }
    return tb_intern(st, st->scratch, n, total);
}

/* ---- the hooks ------------------------------------------------------------------------- */
static int add_trace(struct kr_tracemalloc_state *st, unsigned int domain, uintptr_t ptr,
                     size_t size)
{
    tm_traceback *tb = current_traceback(st);
    if (tb == NULL)
        return -1;
    tm_trace *t = trace_find(st, ptr, domain);
    if (t != NULL) {
        /* The block was reused without a free we saw (e.g. an untracked realloc). */
        st->traced_memory -= t->size;
    }
    else {
        if ((st->traces_len + 1) * 3 >= st->traces_cap * 2 && traces_grow(st) < 0)
            return -1;
        size_t mask = st->traces_cap - 1;
        size_t i = ptr_hash(ptr, domain) & mask;
        while (st->traces[i].ptr != 0)
            i = (i + 1) & mask;
        t = &st->traces[i];
        t->ptr = ptr;
        t->domain = domain;
        st->traces_len++;
    }
    t->size = size;
    t->tb = tb;
    st->traced_memory += size;
    if (st->traced_memory > st->peak_traced_memory)
        st->peak_traced_memory = st->traced_memory;
    return 0;
}

void _KrTraceMalloc_OnAlloc(void *ptr, size_t size)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL || st->in_hook)
        return;
    st->in_hook = 1;
    /* Running out of memory for the tables only loses this trace. */
    (void)add_trace(st, DEFAULT_DOMAIN, (uintptr_t)ptr, size);
    st->in_hook = 0;
}

void _KrTraceMalloc_OnFree(void *ptr)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL)
        return;
    tm_trace *t = trace_find(st, (uintptr_t)ptr, DEFAULT_DOMAIN);
    if (t != NULL)
        trace_remove_slot(st, t);
}

int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (!TM_RT->tracing || st == NULL)
        return -2;
    return add_trace(st, domain, ptr, size);
}

int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (!TM_RT->tracing || st == NULL)
        return -2;
    tm_trace *t = trace_find(st, ptr, domain);
    if (t != NULL)
        trace_remove_slot(st, t);
    return 0;
}

/* ---- start / stop / clear ---------------------------------------------------------------- */
static void clear_tables(struct kr_tracemalloc_state *st)
{
    /* Releasing filenames may free memory: keep the hooks away from half-cleared tables. */
    int was_tracing = TM_RT->tracing;
    TM_RT->tracing = 0;
    free(st->traces);
    st->traces = NULL;
    st->traces_cap = st->traces_len = 0;
    st->traced_memory = st->peak_traced_memory = 0;
    tm_traceback **tbs = st->tbs;
    size_t cap = st->tbs_cap;
    st->tbs = NULL;
    st->tbs_cap = st->tbs_len = 0;
    st->tbs_bytes = 0;
    st->epoch++;
    for (size_t i = 0; i < cap; i++) {
        tm_traceback *tb = tbs[i];
        if (tb == NULL)
            continue;
        for (int k = 0; k < tb->nframe; k++)
            Py_DECREF(tb->frames[k].filename);
        free(tb);
    }
    free(tbs);
    /* The empty traceback lived in the interned set; rebuild it on the next start. */
    st->empty_tb = NULL;
    TM_RT->tracing = was_tracing;
}

static int make_empty_traceback(struct kr_tracemalloc_state *st)
{
    PyObject *unknown = PyUnicode_FromString("<unknown>");
    if (unknown == NULL)
        return -1;
    tm_frame fr = {unknown, 0};
    st->empty_tb = tb_intern(st, &fr, 1, 1);
    Py_DECREF(unknown);
    if (st->empty_tb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void tracemalloc_stop(void)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL)
        return;
    TM_RT->tracing = 0;
    clear_tables(st);
}

static void tracemalloc_atexit(void)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL)
        return;
    tracemalloc_stop();
    free(st->scratch);
    free(st);
    TM_STATE = NULL;
}

static PyObject *tm_is_tracing(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(TM_RT->tracing);
}

static PyObject *tm_start(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("start", nargs, 0, 1))
        return NULL;
    int nframe = 1;
    if (nargs == 1) {
        nframe = PyLong_AsInt(args[0]);
        if (nframe == -1 && PyErr_Occurred())
            return NULL;
    }
    if (nframe < 1 || nframe > MAX_NFRAME) {
        PyErr_Format(PyExc_ValueError, "the number of frames must be in range [1; %i]",
                     MAX_NFRAME);
        return NULL;
    }
    struct kr_tracemalloc_state *st = tm_state_get();
    if (st == NULL)
        return PyErr_NoMemory();
    if (!st->atexit_registered) {
        if (Py_AtExit(tracemalloc_atexit) < 0) {
            PyErr_SetString(PyExc_RuntimeError, "cannot register tracemalloc's exit hook");
            return NULL;
        }
        st->atexit_registered = 1;
    }
    if (TM_RT->tracing)
        Py_RETURN_NONE; /* already tracing: the frame limit stays as it was */
    if (nframe > st->scratch_cap) {
        tm_frame *s = realloc(st->scratch, (size_t)nframe * sizeof(tm_frame));
        if (s == NULL)
            return PyErr_NoMemory();
        st->scratch = s;
        st->scratch_cap = nframe;
    }
    st->max_nframe = nframe;
    if (st->empty_tb == NULL && make_empty_traceback(st) < 0)
        return NULL;
    TM_RT->tracing = 1;
    Py_RETURN_NONE;
}

static PyObject *tm_stop(PyObject *m, PyObject *Py_UNUSED(a))
{
    tracemalloc_stop();
    Py_RETURN_NONE;
}

static PyObject *tm_clear_traces(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL || !TM_RT->tracing)
        Py_RETURN_NONE;
    TM_RT->tracing = 0;
    clear_tables(st);
    if (make_empty_traceback(st) < 0)
        return NULL;
    TM_RT->tracing = 1;
    Py_RETURN_NONE;
}

static PyObject *tm_get_traceback_limit(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct kr_tracemalloc_state *st = TM_STATE;
    return PyLong_FromLong(st ? st->max_nframe : 1);
}

static PyObject *tm_get_traced_memory(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL || !TM_RT->tracing)
        return Py_BuildValue("(ii)", 0, 0);
    return Py_BuildValue("(nn)", (Py_ssize_t)st->traced_memory,
                         (Py_ssize_t)st->peak_traced_memory);
}

static PyObject *tm_reset_peak(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st != NULL && TM_RT->tracing)
        st->peak_traced_memory = st->traced_memory;
    Py_RETURN_NONE;
}

static PyObject *tm_get_tracemalloc_memory(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct kr_tracemalloc_state *st = TM_STATE;
    size_t n = 0;
    if (st != NULL) {
        n = sizeof(*st) + st->traces_cap * sizeof(tm_trace) +
            st->tbs_cap * sizeof(tm_traceback *) + st->tbs_bytes +
            (size_t)st->scratch_cap * sizeof(tm_frame);
    }
    return PyLong_FromSize_t(n);
}

/* ---- conversion to Python objects ---------------------------------------------------------- */
/* Returns a tuple of (filename, lineno) pairs, most recent call first. `cache` maps a
 * traceback's address to its tuple so that shared tracebacks are converted once. */
static PyObject *traceback_to_tuple(const tm_traceback *tb, PyObject *cache)
{
    PyObject *key = NULL, *res;
    if (cache != NULL) {
        key = PyLong_FromVoidPtr((void *)tb);
        if (key == NULL)
            return NULL;
        res = PyDict_GetItemWithError(cache, key);
        if (res != NULL) {
            Py_DECREF(key);
            return Py_NewRef(res);
        }
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return NULL;
        }
    }
    res = PyTuple_New(tb->nframe);
    for (int i = 0; res != NULL && i < tb->nframe; i++) {
        PyObject *fr = Py_BuildValue("(OI)", tb->frames[i].filename, tb->frames[i].lineno);
        if (fr == NULL)
            Py_CLEAR(res);
        else
            PyTuple_SET_ITEM(res, i, fr);
    }
    if (res != NULL && cache != NULL && PyDict_SetItem(cache, key, res) < 0)
        Py_CLEAR(res);
    Py_XDECREF(key);
    return res;
}

static PyObject *tm_get_traces(PyObject *m, PyObject *Py_UNUSED(a))
{
    PyObject *list = PyList_New(0);
    struct kr_tracemalloc_state *st = TM_STATE;
    if (list == NULL || st == NULL || !TM_RT->tracing)
        return list;
    /* Copy the table first: building the result allocates, which adds traces. */
    size_t n = st->traces_len, k = 0;
    tm_trace *copy = malloc((n ? n : 1) * sizeof(tm_trace));
    if (copy == NULL) {
        Py_DECREF(list);
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < st->traces_cap && k < n; i++)
        if (st->traces[i].ptr != 0)
            copy[k++] = st->traces[i];
    uint64_t epoch = st->epoch;
    PyObject *cache = PyDict_New();
    int failed = cache == NULL;
    for (size_t i = 0; i < k && !failed; i++) {
        if (TM_STATE != st || st->epoch != epoch) {
            /* A finalizer cleared the traces meanwhile: the copied tracebacks are gone. */
            PyErr_SetString(PyExc_RuntimeError, "traces were cleared while being read");
            failed = 1;
            break;
        }
        PyObject *frames = traceback_to_tuple(copy[i].tb, cache);
        if (frames == NULL) {
            failed = 1;
            break;
        }
        PyObject *tr = Py_BuildValue("(InNi)", copy[i].domain, (Py_ssize_t)copy[i].size,
                                     frames, (int)copy[i].tb->total_nframe);
        if (tr == NULL || PyList_Append(list, tr) < 0)
            failed = 1;
        Py_XDECREF(tr);
    }
    free(copy);
    Py_XDECREF(cache);
    if (failed) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *tm_get_object_traceback(PyObject *m, PyObject *obj)
{
    struct kr_tracemalloc_state *st = TM_STATE;
    if (st == NULL || !TM_RT->tracing)
        Py_RETURN_NONE;
    PyTypeObject *tp = Py_TYPE(obj);
    size_t pre = 0;
    if (PyType_HasFeature(tp, Py_TPFLAGS_HEAPTYPE))
        pre = _KrType_PreSize(tp);
    else if (PyObject_IS_GC(obj))
        pre = sizeof(PyGC_Head);
    tm_trace *t = trace_find(st, (uintptr_t)obj - pre, DEFAULT_DOMAIN);
    if (t == NULL)
        Py_RETURN_NONE;
    return traceback_to_tuple(t->tb, NULL);
}

static PyMethodDef tm_methods[] = {
    {"is_tracing", tm_is_tracing, METH_NOARGS,
     "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, METH_NOARGS,
     "Clear traces of memory blocks allocated by Python."},
    {"_get_traces", tm_get_traces, METH_NOARGS,
     "Get traces of all memory blocks allocated by Python."},
    {"_get_object_traceback", tm_get_object_traceback, METH_O,
     "Get the traceback where the Python object obj was allocated."},
    {"start", _PyCFunction_CAST(tm_start), METH_FASTCALL,
     "Start tracing Python memory allocations.\n\nAlso set the maximum number of frames "
     "stored in the traceback of a\ntrace to nframe."},
    {"stop", tm_stop, METH_NOARGS,
     "Stop tracing Python memory allocations.\n\nAlso clear traces of memory blocks "
     "allocated by Python."},
    {"get_traceback_limit", tm_get_traceback_limit, METH_NOARGS,
     "Get the maximum number of frames stored in the traceback of a trace."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, METH_NOARGS,
     "Get the memory usage in bytes of the tracemalloc module."},
    {"get_traced_memory", tm_get_traced_memory, METH_NOARGS,
     "Get the current size and peak size of memory blocks traced by tracemalloc."},
    {"reset_peak", tm_reset_peak, METH_NOARGS,
     "Set the peak size of memory blocks traced by tracemalloc to the current size."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tm_module = {
    PyModuleDef_HEAD_INIT, "_tracemalloc", "Debug module to trace memory blocks allocated by Python.",
    -1, tm_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__tracemalloc(void)
{
    return PyModule_Create(&tm_module);
}

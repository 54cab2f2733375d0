/* itertools: product, permutations, combinations, combinations_with_replacement.
 * Each walks an index vector over tuples of the pooled input; the result tuple is
 * recycled when the consumer dropped it, as in CPython. */
#include "Python.h"
#include "itertools_internal.h"
#include <stddef.h>
#include <stdio.h>

PyObject *_KrIter_FillResult(PyObject **result, PyObject *pool, const Py_ssize_t *indices,
                             Py_ssize_t r)
{
    PyObject *res = *result;
    if (res != NULL && Py_REFCNT(res) == 1) {
        for (Py_ssize_t k = 0; k < r; k++) {
            PyObject *item = PyTuple_GET_ITEM(pool, indices[k]);
            PyObject *old = PyTuple_GET_ITEM(res, k);
            if (old != item) {
                PyTuple_SET_ITEM(res, k, Py_NewRef(item));
                Py_DECREF(old);
            }
        }
        /* The collector may have untracked it while it held only atomic values. */
        if (!PyObject_GC_IsTracked(res))
            PyObject_GC_Track(res);
        return Py_NewRef(res);
    }
    PyObject *t = PyTuple_New(r);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < r; k++)
        PyTuple_SET_ITEM(t, k, Py_NewRef(PyTuple_GET_ITEM(pool, indices[k])));
    Py_XSETREF(*result, t);
    return Py_NewRef(t);
}

static Py_ssize_t *new_indices(Py_ssize_t n)
{
    Py_ssize_t *p = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_ssize_t));
    if (p == NULL)
        PyErr_NoMemory();
    return p;
}

static int parse_r(PyObject *robj, Py_ssize_t dflt, Py_ssize_t *r)
{
    if (robj == NULL || robj == Py_None) {
        *r = dflt;
        return 0;
    }
    if (!PyLong_Check(robj)) {
        PyErr_SetString(PyExc_TypeError, "Expected int as r");
        return -1;
    }
    *r = PyLong_AsSsize_t(robj);
    if (*r == -1 && PyErr_Occurred())
        return -1;
    if (*r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

/* ---- product --------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *pools;   /* tuple of tuples, one per position */
    PyObject *flat;    /* the current selection, gathered for _KrIter_FillResult */
    Py_ssize_t *indices;
    Py_ssize_t *flat_index;
    PyObject *result;
    int started, stopped;
} ProductObject;

static PyObject *product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL) {
        static const char *const kwlist[] = {"repeat", NULL};
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL)
            return NULL;
        int ok = PyArg_ParseTupleAndKeywords(empty, kwds, "|n:product", (char **)kwlist, &repeat);
        Py_DECREF(empty);
        if (!ok)
            return NULL;
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (repeat && nargs > PY_SSIZE_T_MAX / repeat)
        return PyErr_Format(PyExc_OverflowError, "repeat argument too large");
    Py_ssize_t npools = nargs * repeat;
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL) {
            Py_DECREF(pools);
            return NULL;
        }
        PyTuple_SET_ITEM(pools, i, pool);
    }
    for (Py_ssize_t i = nargs; i < npools; i++)
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
    ProductObject *po = (ProductObject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(pools);
        return NULL;
    }
    po->pools = pools;
    po->indices = new_indices(npools);
    po->flat_index = new_indices(npools);
    if (po->indices == NULL || po->flat_index == NULL) {
        Py_DECREF(po);
        return NULL;
    }
    po->flat = NULL;
    return (PyObject *)po;
}

static PyObject *product_next(PyObject *self)
{
    ProductObject *po = (ProductObject *)self;
    Py_ssize_t npools = PyTuple_GET_SIZE(po->pools);
    if (po->stopped)
        return NULL;
    if (!po->started) {
        po->started = 1;
        /* One flat tuple of every pool's items lets the result be filled by index. */
        Py_ssize_t total = 0;
        for (Py_ssize_t i = 0; i < npools; i++) {
            Py_ssize_t n = PyTuple_GET_SIZE(PyTuple_GET_ITEM(po->pools, i));
            if (n == 0) {
                po->stopped = 1;
                return NULL;
            }
            total += n;
        }
        po->flat = PyTuple_New(total);
        if (po->flat == NULL)
            return NULL;
        Py_ssize_t k = 0;
        for (Py_ssize_t i = 0; i < npools; i++) {
            PyObject *pool = PyTuple_GET_ITEM(po->pools, i);
            po->indices[i] = k;
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(pool); j++)
                PyTuple_SET_ITEM(po->flat, k++, Py_NewRef(PyTuple_GET_ITEM(pool, j)));
        }
        for (Py_ssize_t i = 0; i < npools; i++)
            po->flat_index[i] = po->indices[i];
        return _KrIter_FillResult(&po->result, po->flat, po->flat_index, npools);
    }
    /* indices[i] holds the flat offset of pool i's start; flat_index the current pick. */
    Py_ssize_t i = npools - 1;
    for (; i >= 0; i--) {
        Py_ssize_t start = po->indices[i];
        Py_ssize_t n = PyTuple_GET_SIZE(PyTuple_GET_ITEM(po->pools, i));
        if (++po->flat_index[i] < start + n)
            break;
        po->flat_index[i] = start;
    }
    if (i < 0) {
        po->stopped = 1;
        return NULL;
    }
    return _KrIter_FillResult(&po->result, po->flat, po->flat_index, npools);
}

static int product_traverse(PyObject *self, visitproc visit, void *arg)
{
    ProductObject *po = (ProductObject *)self;
    Py_VISIT(po->pools);
    Py_VISIT(po->flat);
    Py_VISIT(po->result);
    return 0;
}

static int product_clear(PyObject *self)
{
    ProductObject *po = (ProductObject *)self;
    Py_CLEAR(po->pools);
    Py_CLEAR(po->flat);
    Py_CLEAR(po->result);
    return 0;
}

static void product_dealloc(PyObject *self)
{
    ProductObject *po = (ProductObject *)self;
    PyObject_GC_UnTrack(self);
    product_clear(self);
    PyMem_Free(po->indices);
    PyMem_Free(po->flat_index);
    Py_TYPE(self)->tp_free(self);
}

PyTypeObject _KrIter_ProductType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.product",
    .tp_basicsize = sizeof(ProductObject),
    .tp_dealloc = product_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Cartesian product of input iterables.  Equivalent to nested for-loops.",
    .tp_traverse = product_traverse,
    .tp_clear = product_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = product_next,
    .tp_new = product_new,
};

/* ---- permutations, combinations, combinations_with_replacement ----------------------- */

enum { KIND_PERM, KIND_COMB, KIND_CWR };

typedef struct {
    PyObject_HEAD
    PyObject *pool;
    Py_ssize_t *indices;
    Py_ssize_t *cycles; /* permutations only */
    PyObject *result;
    Py_ssize_t r;
    int started, stopped;
} CombObject;

static PyObject *comb_new_kind(PyTypeObject *type, PyObject *args, PyObject *kwds, int kind)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    static const char *const names[] = {"permutations", "combinations",
                                        "combinations_with_replacement"};
    char fmt[64];
    snprintf(fmt, sizeof fmt, "O%s:%s", kind == KIND_PERM ? "|O" : "O", names[kind]);
    PyObject *iterable, *robj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, (char **)kwlist, &iterable, &robj))
        return NULL;
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r;
    if (kind != KIND_PERM && robj != NULL && !PyLong_Check(robj)) {
        /* combinations take r through the index protocol, like an "n" argument */
        r = PyNumber_AsSsize_t(robj, PyExc_OverflowError);
        if (r == -1 && PyErr_Occurred()) {
            Py_DECREF(pool);
            return NULL;
        }
        if (r < 0) {
            Py_DECREF(pool);
            PyErr_SetString(PyExc_ValueError, "r must be non-negative");
            return NULL;
        }
    }
    else if (parse_r(robj, n, &r) < 0) {
        Py_DECREF(pool);
        return NULL;
    }
    CombObject *co = (CombObject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        Py_DECREF(pool);
        return NULL;
    }
    co->pool = pool;
    co->r = r;
    Py_ssize_t nidx = kind == KIND_PERM ? n : r;
    co->indices = new_indices(nidx);
    if (co->indices == NULL) {
        Py_DECREF(co);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nidx; i++)
        co->indices[i] = kind == KIND_CWR ? 0 : i;
    if (kind == KIND_PERM) {
        co->cycles = new_indices(r);
        if (co->cycles == NULL) {
            Py_DECREF(co);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < r && i < n; i++)
            co->cycles[i] = n - i;
    }
    /* Nothing to yield when r exceeds the pool (or the pool is empty for cwr). */
    if ((kind != KIND_CWR && r > n) || (kind == KIND_CWR && n == 0 && r > 0))
        co->stopped = 1;
    return (PyObject *)co;
}

static PyObject *perm_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return comb_new_kind(type, args, kwds, KIND_PERM);
}

static PyObject *comb_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return comb_new_kind(type, args, kwds, KIND_COMB);
}

static PyObject *cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return comb_new_kind(type, args, kwds, KIND_CWR);
}

static PyObject *comb_emit(CombObject *co)
{
    return _KrIter_FillResult(&co->result, co->pool, co->indices, co->r);
}

/* Each advance function steps the index vector to the next selection; 0 when done. */
static int perm_advance(CombObject *co)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *idx = co->indices, *cyc = co->cycles;
    for (Py_ssize_t i = r - 1; i >= 0; i--) {
        if (--cyc[i] == 0) {
            /* rotate indices[i:] left by one */
            Py_ssize_t first = idx[i];
            for (Py_ssize_t j = i; j < n - 1; j++)
                idx[j] = idx[j + 1];
            idx[n - 1] = first;
            cyc[i] = n - i;
        }
        else {
            Py_ssize_t j = cyc[i];
            Py_ssize_t t = idx[i];
            idx[i] = idx[n - j];
            idx[n - j] = t;
            return 1;
        }
    }
    return 0;
}

static int comb_advance(CombObject *co)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *idx = co->indices;
    Py_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == i + n - r)
        i--;
    if (i < 0)
        return 0;
    idx[i]++;
    for (Py_ssize_t j = i + 1; j < r; j++)
        idx[j] = idx[j - 1] + 1;
    return 1;
}

static int cwr_advance(CombObject *co)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *idx = co->indices;
    Py_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == n - 1)
        i--;
    if (i < 0)
        return 0;
    Py_ssize_t v = idx[i] + 1;
    for (Py_ssize_t j = i; j < r; j++)
        idx[j] = v;
    return 1;
}

static PyObject *comb_step(PyObject *self, int (*advance)(CombObject *))
{
    CombObject *co = (CombObject *)self;
    if (co->stopped)
        return NULL;
    if (co->started && !advance(co)) {
        co->stopped = 1;
        return NULL;
    }
    co->started = 1;
    return comb_emit(co);
}

static PyObject *perm_next(PyObject *self)
{
    return comb_step(self, perm_advance);
}

static PyObject *comb_next(PyObject *self)
{
    return comb_step(self, comb_advance);
}

static PyObject *cwr_next(PyObject *self)
{
    return comb_step(self, cwr_advance);
}

static int comb_traverse(PyObject *self, visitproc visit, void *arg)
{
    CombObject *co = (CombObject *)self;
    Py_VISIT(co->pool);
    Py_VISIT(co->result);
    return 0;
}

static int comb_clear(PyObject *self)
{
    CombObject *co = (CombObject *)self;
    Py_CLEAR(co->pool);
    Py_CLEAR(co->result);
    return 0;
}

static void comb_dealloc(PyObject *self)
{
    CombObject *co = (CombObject *)self;
    PyObject_GC_UnTrack(self);
    comb_clear(self);
    PyMem_Free(co->indices);
    PyMem_Free(co->cycles);
    Py_TYPE(self)->tp_free(self);
}

#define COMB_TYPE(cname, pyname, newfn, nextfn, doc)                                          \
    PyTypeObject cname = {                                                                     \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                 \
        .tp_name = "itertools." pyname,                                                        \
        .tp_basicsize = sizeof(CombObject),                                                    \
        .tp_dealloc = comb_dealloc,                                                            \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,            \
        .tp_doc = doc,                                                                         \
        .tp_traverse = comb_traverse,                                                          \
        .tp_clear = comb_clear,                                                                \
        .tp_iter = PyObject_SelfIter,                                                          \
        .tp_iternext = nextfn,                                                                 \
        .tp_new = newfn,                                                                       \
    };

COMB_TYPE(_KrIter_PermutationsType, "permutations", perm_new, perm_next,
          "Return successive r-length permutations of elements in the iterable.")
COMB_TYPE(_KrIter_CombinationsType, "combinations", comb_new, comb_next,
          "Return successive r-length combinations of elements in the iterable.")
COMB_TYPE(_KrIter_CWRType, "combinations_with_replacement", cwr_new, cwr_next,
          "Return successive r-length combinations of elements in the iterable allowing "
          "individual elements to have successive repeats.")

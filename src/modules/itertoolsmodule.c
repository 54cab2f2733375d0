/* The itertools module: iterator building blocks. The combinatoric generators live in
 * itertools_combinatoric.c. Every iterator holds its inputs strongly, supports the cycle
 * collector, and drops its source iterator once exhausted so that later next() calls
 * stay exhausted. */
#include "Python.h"
#include "itertools_internal.h"
#include <stddef.h>
#include <string.h>

/* Most iterators here hold up to four object fields; one traverse/clear/dealloc serves all
 * of them through this offset table. */
#define MAX_FIELDS 5
typedef struct {
    Py_ssize_t offsets[MAX_FIELDS];
    int count;
} FieldList;

#define FIELD(type, name) offsetof(type, name)

static PyObject **field_at(PyObject *self, Py_ssize_t off)
{
    return (PyObject **)((char *)self + off);
}

/* ---- count ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t cnt;      /* used while long_cnt == NULL (fast mode: int start, step 1) */
    PyObject *long_cnt;
    PyObject *long_step;
} CountObject;

static PyObject *count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"start", "step", NULL};
    PyObject *start = NULL, *step = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", (char **)kwlist, &start, &step))
        return NULL;
    if ((start != NULL && !PyNumber_Check(start)) || (step != NULL && !PyNumber_Check(step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    int fast = step == NULL || (PyLong_CheckExact(step) && PyLong_AsLong(step) == 1);
    Py_ssize_t cnt = 0;
    if (fast && start != NULL) {
        if (PyLong_CheckExact(start)) {
            cnt = PyLong_AsSsize_t(start);
            if (cnt == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                fast = 0;
            }
        }
        else {
            fast = 0;
        }
    }
    CountObject *c = (CountObject *)type->tp_alloc(type, 0);
    if (c == NULL)
        return NULL;
    c->cnt = cnt;
    c->long_step = step ? Py_NewRef(step) : PyLong_FromLong(1);
    if (!fast)
        c->long_cnt = start ? Py_NewRef(start) : PyLong_FromLong(0);
    if (c->long_step == NULL || (!fast && c->long_cnt == NULL)) {
        Py_DECREF(c);
        return NULL;
    }
    return (PyObject *)c;
}

static PyObject *count_next(PyObject *self)
{
    CountObject *c = (CountObject *)self;
    if (c->long_cnt == NULL) {
        if (c->cnt < PY_SSIZE_T_MAX)
            return PyLong_FromSsize_t(c->cnt++);
        c->long_cnt = PyLong_FromSsize_t(c->cnt);
        if (c->long_cnt == NULL)
            return NULL;
    }
    PyObject *next = PyNumber_Add(c->long_cnt, c->long_step);
    if (next == NULL)
        return NULL;
    PyObject *r = c->long_cnt;
    c->long_cnt = next;
    return r;
}

static PyObject *count_repr(PyObject *self)
{
    CountObject *c = (CountObject *)self;
    const char *name = _PyType_Name(Py_TYPE(self));
    if (c->long_cnt == NULL)
        return PyUnicode_FromFormat("%s(%zd)", name, c->cnt);
    if (PyLong_Check(c->long_step)) {
        long step = PyLong_AsLong(c->long_step);
        if (step == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (step == 1)
            return PyUnicode_FromFormat("%s(%R)", name, c->long_cnt);
    }
    return PyUnicode_FromFormat("%s(%R, %R)", name, c->long_cnt, c->long_step);
}

/* ---- repeat ----------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt; /* -1: forever */
} RepeatObject;

static PyObject *repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t cnt = -1;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args) + (kwds ? PyDict_GET_SIZE(kwds) : 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:repeat", (char **)kwlist, &element, &cnt))
        return NULL;
    if (nargs == 2 && cnt < 0)
        cnt = 0;
    RepeatObject *ro = (RepeatObject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->element = Py_NewRef(element);
    ro->cnt = cnt;
    return (PyObject *)ro;
}

static PyObject *repeat_next(PyObject *self)
{
    RepeatObject *ro = (RepeatObject *)self;
    if (ro->cnt == 0)
        return NULL;
    if (ro->cnt > 0)
        ro->cnt--;
    return Py_NewRef(ro->element);
}

static PyObject *repeat_repr(PyObject *self)
{
    RepeatObject *ro = (RepeatObject *)self;
    const char *name = _PyType_Name(Py_TYPE(self));
    if (ro->cnt == -1)
        return PyUnicode_FromFormat("%s(%R)", name, ro->element);
    return PyUnicode_FromFormat("%s(%R, %zd)", name, ro->element, ro->cnt);
}

static PyObject *repeat_len(PyObject *self, PyObject *unused)
{
    RepeatObject *ro = (RepeatObject *)self;
    if (ro->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(ro->cnt);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

/* ---- cycle ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *saved;
    Py_ssize_t index;
    int firstpass;
} CycleObject;

static PyObject *iter_of_only_arg(PyObject *args, PyObject *kwds, const char *name)
{
    PyObject *iterable;
    if (!_PyArg_NoKeywords(name, kwds) || !PyArg_UnpackTuple(args, name, 1, 1, &iterable))
        return NULL;
    return PyObject_GetIter(iterable);
}

static PyObject *cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *it = iter_of_only_arg(args, kwds, "cycle");
    if (it == NULL)
        return NULL;
    CycleObject *co = (CycleObject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    co->it = it;
    co->saved = PyList_New(0);
    co->firstpass = 1;
    if (co->saved == NULL) {
        Py_DECREF(co);
        return NULL;
    }
    return (PyObject *)co;
}

static PyObject *cycle_next(PyObject *self)
{
    CycleObject *co = (CycleObject *)self;
    if (co->it != NULL) {
        PyObject *item = PyIter_Next(co->it);
        if (item != NULL) {
            if (co->firstpass && PyList_Append(co->saved, item) < 0) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred())
            return NULL;
        Py_CLEAR(co->it);
    }
    if (PyList_GET_SIZE(co->saved) == 0)
        return NULL;
    PyObject *item = PyList_GET_ITEM(co->saved, co->index);
    co->index++;
    if (co->index >= PyList_GET_SIZE(co->saved))
        co->index = 0;
    return Py_NewRef(item);
}

/* ---- accumulate ------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *total;
    PyObject *binop;
    PyObject *initial;
} AccumulateObject;

static PyObject *accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *binop = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", (char **)kwlist,
                                     &iterable, &binop, &initial))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    AccumulateObject *ao = (AccumulateObject *)type->tp_alloc(type, 0);
    if (ao == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    ao->it = it;
    ao->binop = binop == Py_None ? NULL : Py_NewRef(binop);
    ao->initial = initial == Py_None ? NULL : Py_NewRef(initial);
    return (PyObject *)ao;
}

static PyObject *accumulate_next(PyObject *self)
{
    AccumulateObject *ao = (AccumulateObject *)self;
    if (ao->initial != NULL) {
        ao->total = ao->initial;
        ao->initial = NULL;
        return Py_NewRef(ao->total);
    }
    if (ao->it == NULL)
        return NULL;
    PyObject *val = PyIter_Next(ao->it);
    if (val == NULL) {
        if (!PyErr_Occurred())
            Py_CLEAR(ao->it);
        return NULL;
    }
    if (ao->total == NULL) {
        ao->total = Py_NewRef(val);
        return val;
    }
    PyObject *next = ao->binop ? PyObject_CallFunctionObjArgs(ao->binop, ao->total, val, NULL)
                               : PyNumber_Add(ao->total, val);
    Py_DECREF(val);
    if (next == NULL)
        return NULL;
    Py_SETREF(ao->total, Py_NewRef(next));
    return next;
}

/* ---- batched ---------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t n;
    int strict;
} BatchedObject;

static PyObject *batched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "n", "strict", NULL};
    PyObject *iterable;
    Py_ssize_t n;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On|$p:batched", (char **)kwlist, &iterable,
                                     &n, &strict))
        return NULL;
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be at least one");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    BatchedObject *bo = (BatchedObject *)type->tp_alloc(type, 0);
    if (bo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    bo->it = it;
    bo->n = n;
    bo->strict = strict;
    return (PyObject *)bo;
}

static PyObject *batched_next(PyObject *self)
{
    BatchedObject *bo = (BatchedObject *)self;
    if (bo->it == NULL)
        return NULL;
    PyObject *batch = PyTuple_New(bo->n);
    if (batch == NULL)
        return NULL;
    Py_ssize_t i = 0;
    for (; i < bo->n; i++) {
        PyObject *item = PyIter_Next(bo->it);
        if (item == NULL)
            break;
        PyTuple_SET_ITEM(batch, i, item);
    }
    if (i == bo->n)
        return batch;
    if (PyErr_Occurred()) {
        Py_DECREF(batch);
        return NULL;
    }
    Py_CLEAR(bo->it);
    if (i == 0) {
        Py_DECREF(batch);
        return NULL;
    }
    if (bo->strict) {
        Py_DECREF(batch);
        PyErr_SetString(PyExc_ValueError, "batched(): incomplete batch");
        return NULL;
    }
    PyObject *part = PyTuple_GetSlice(batch, 0, i);
    Py_DECREF(batch);
    return part;
}

/* ---- chain ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *source; /* iterator over the iterables */
    PyObject *active; /* iterator of the current iterable */
} ChainObject;

static PyObject *chain_from_source(PyTypeObject *type, PyObject *source)
{
    ChainObject *co = (ChainObject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    co->source = source;
    return (PyObject *)co;
}

static PyObject *chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("chain", kwds))
        return NULL;
    PyObject *source = PyObject_GetIter(args);
    return source ? chain_from_source(type, source) : NULL;
}

static PyObject *chain_from_iterable(PyObject *cls, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    return source ? chain_from_source((PyTypeObject *)cls, source) : NULL;
}

static PyObject *chain_next(PyObject *self)
{
    ChainObject *co = (ChainObject *)self;
    while (co->source != NULL) {
        if (co->active == NULL) {
            PyObject *iterable = PyIter_Next(co->source);
            if (iterable == NULL) {
                if (!PyErr_Occurred())
                    Py_CLEAR(co->source);
                return NULL;
            }
            co->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (co->active == NULL) {
                Py_CLEAR(co->source);
                return NULL;
            }
        }
        PyObject *item = (*Py_TYPE(co->active)->tp_iternext)(co->active);
        if (item != NULL)
            return item;
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        Py_CLEAR(co->active);
    }
    return NULL;
}

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ---- compress, dropwhile, takewhile, filterfalse, starmap ---------------------------- */

/* These five share one layout: a callable or selector iterator plus the data iterator. */
typedef struct {
    PyObject_HEAD
    PyObject *func; /* predicate, function, or the selectors iterator for compress */
    PyObject *it;
    int state;      /* dropwhile: done dropping; takewhile: stopped */
} FilterObject;

enum { F_COMPRESS, F_DROPWHILE, F_TAKEWHILE, F_FILTERFALSE, F_STARMAP };

static PyObject *filter_new_kind(PyTypeObject *type, PyObject *args, PyObject *kwds, int kind)
{
    static const char *const names[] = {"compress", "dropwhile", "takewhile", "filterfalse",
                                        "starmap"};
    PyObject *func, *iterable, *it, *fit = NULL;
    if (kind == F_COMPRESS) {
        static const char *const kwlist[] = {"data", "selectors", NULL};
        if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", (char **)kwlist, &iterable,
                                         &func))
            return NULL;
    }
    else if (!_PyArg_NoKeywords(names[kind], kwds) ||
             !PyArg_UnpackTuple(args, names[kind], 2, 2, &func, &iterable)) {
        return NULL;
    }
    it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (kind == F_COMPRESS) {
        fit = PyObject_GetIter(func);
        if (fit == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
    FilterObject *fo = (FilterObject *)type->tp_alloc(type, 0);
    if (fo == NULL) {
        Py_DECREF(it);
        Py_XDECREF(fit);
        return NULL;
    }
    fo->func = fit ? fit : Py_NewRef(func);
    fo->it = it;
    return (PyObject *)fo;
}

static PyObject *compress_new(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return filter_new_kind(t, a, k, F_COMPRESS);
}
static PyObject *dropwhile_new(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return filter_new_kind(t, a, k, F_DROPWHILE);
}
static PyObject *takewhile_new(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return filter_new_kind(t, a, k, F_TAKEWHILE);
}
static PyObject *filterfalse_new(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return filter_new_kind(t, a, k, F_FILTERFALSE);
}
static PyObject *starmap_new(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return filter_new_kind(t, a, k, F_STARMAP);
}

/* 1 true, 0 false, -1 error: the predicate applied to item (None: the item's truth). */
static int predicate(PyObject *func, PyObject *item)
{
    if (func == Py_None)
        return PyObject_IsTrue(item);
    PyObject *r = PyObject_CallOneArg(func, item);
    if (r == NULL)
        return -1;
    int ok = PyObject_IsTrue(r);
    Py_DECREF(r);
    return ok;
}

static PyObject *compress_next(PyObject *self)
{
    FilterObject *fo = (FilterObject *)self;
    for (;;) {
        PyObject *datum = PyIter_Next(fo->it);
        if (datum == NULL)
            return NULL;
        PyObject *sel = PyIter_Next(fo->func);
        if (sel == NULL) {
            Py_DECREF(datum);
            return NULL;
        }
        int ok = PyObject_IsTrue(sel);
        Py_DECREF(sel);
        if (ok > 0)
            return datum;
        Py_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *dropwhile_next(PyObject *self)
{
    FilterObject *fo = (FilterObject *)self;
    for (;;) {
        PyObject *item = PyIter_Next(fo->it);
        if (item == NULL || fo->state)
            return item;
        int ok = predicate(fo->func, item);
        if (ok == 0) {
            fo->state = 1;
            return item;
        }
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *takewhile_next(PyObject *self)
{
    FilterObject *fo = (FilterObject *)self;
    if (fo->state)
        return NULL;
    PyObject *item = PyIter_Next(fo->it);
    if (item == NULL)
        return NULL;
    int ok = predicate(fo->func, item);
    if (ok > 0)
        return item;
    Py_DECREF(item);
    if (ok == 0)
        fo->state = 1;
    return NULL;
}

static PyObject *filterfalse_next(PyObject *self)
{
    FilterObject *fo = (FilterObject *)self;
    for (;;) {
        PyObject *item = PyIter_Next(fo->it);
        if (item == NULL)
            return NULL;
        int ok = predicate(fo->func, item);
        if (ok == 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *starmap_next(PyObject *self)
{
    FilterObject *fo = (FilterObject *)self;
    PyObject *args = PyIter_Next(fo->it);
    if (args == NULL)
        return NULL;
    if (!PyTuple_CheckExact(args)) {
        Py_SETREF(args, PySequence_Tuple(args));
        if (args == NULL)
            return NULL;
    }
    PyObject *r = PyObject_Call(fo->func, args, NULL);
    Py_DECREF(args);
    return r;
}

/* ---- islice ----------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t next;
    Py_ssize_t stop; /* -1: no limit */
    Py_ssize_t step;
    Py_ssize_t cnt;
} IsliceObject;

/* None -> dflt; otherwise a non-negative index, or -2 after setting ValueError(msg). */
static Py_ssize_t islice_index(PyObject *v, Py_ssize_t dflt, const char *msg)
{
    if (v == Py_None)
        return dflt;
    Py_ssize_t n = PyNumber_AsSsize_t(v, NULL);
    if (n == -1 && PyErr_Occurred())
        PyErr_Clear();
    else if (n >= 0)
        return n;
    PyErr_SetString(PyExc_ValueError, msg);
    return -2;
}

static PyObject *islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char index_msg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    PyObject *seq, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    if (!_PyArg_NoKeywords("islice", kwds))
        return NULL;
    if (!PyArg_UnpackTuple(args, "islice", 2, 4, &seq, &a1, &a2, &a3))
        return NULL;
    Py_ssize_t start = 0, stop, step = 1;
    if (a2 == NULL) {
        if ((stop = islice_index(a1, -1, stop_msg)) == -2)
            return NULL;
    }
    else {
        if ((stop = islice_index(a2, -1, stop_msg)) == -2 ||
            (start = islice_index(a1, 0, index_msg)) == -2)
            return NULL;
        if (a3 != NULL && a3 != Py_None) {
            step = PyNumber_AsSsize_t(a3, NULL);
            if (step == -1 && PyErr_Occurred())
                PyErr_Clear();
            if (step < 1) {
                PyErr_SetString(PyExc_ValueError,
                                "Step for islice() must be a positive integer or None.");
                return NULL;
            }
        }
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    IsliceObject *lz = (IsliceObject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    return (PyObject *)lz;
}

static PyObject *islice_next(PyObject *self)
{
    IsliceObject *lz = (IsliceObject *)self;
    if (lz->it == NULL)
        return NULL;
    iternextfunc next = *Py_TYPE(lz->it)->tp_iternext;
    while (lz->cnt < lz->next) {
        PyObject *skipped = next(lz->it);
        if (skipped == NULL)
            goto empty;
        Py_DECREF(skipped);
        lz->cnt++;
    }
    if (lz->stop != -1 && lz->cnt >= lz->stop)
        goto empty;
    PyObject *item = next(lz->it);
    if (item == NULL)
        goto empty;
    lz->cnt++;
    Py_ssize_t old = lz->next;
    lz->next += lz->step;
    if (lz->next < old || (lz->stop != -1 && lz->next > lz->stop))
        lz->next = lz->stop;
    return item;
empty:
    Py_CLEAR(lz->it);
    return NULL;
}

/* ---- pairwise --------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *old;
} PairwiseObject;

static PyObject *pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *it = iter_of_only_arg(args, kwds, "pairwise");
    if (it == NULL)
        return NULL;
    PairwiseObject *po = (PairwiseObject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    po->it = it;
    return (PyObject *)po;
}

static PyObject *pairwise_next(PyObject *self)
{
    PairwiseObject *po = (PairwiseObject *)self;
    if (po->it == NULL)
        return NULL;
    if (po->old == NULL) {
        po->old = PyIter_Next(po->it);
        if (po->old == NULL) {
            Py_CLEAR(po->it);
            return NULL;
        }
    }
    PyObject *item = PyIter_Next(po->it);
    if (item == NULL) {
        Py_CLEAR(po->it);
        Py_CLEAR(po->old);
        return NULL;
    }
    PyObject *r = PyTuple_Pack(2, po->old, item);
    Py_SETREF(po->old, item);
    return r;
}

/* ---- zip_longest ------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *iters; /* list; an exhausted slot holds None */
    PyObject *fillvalue;
    Py_ssize_t active;
} ZipLongestObject;

static PyObject *zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fill = Py_None;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        fill = PyDict_GetItemString(kwds, "fillvalue");
        if (fill == NULL || PyDict_GET_SIZE(kwds) > 1) {
            PyErr_SetString(PyExc_TypeError, "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *iters = PyList_New(n);
    if (iters == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(iters);
            return NULL;
        }
        PyList_SET_ITEM(iters, i, it);
    }
    ZipLongestObject *zo = (ZipLongestObject *)type->tp_alloc(type, 0);
    if (zo == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    zo->iters = iters;
    zo->fillvalue = Py_NewRef(fill);
    zo->active = n;
    return (PyObject *)zo;
}

static PyObject *zip_longest_next(PyObject *self)
{
    ZipLongestObject *zo = (ZipLongestObject *)self;
    Py_ssize_t n = PyList_GET_SIZE(zo->iters);
    if (n == 0 || zo->active == 0)
        return NULL;
    PyObject *result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyList_GET_ITEM(zo->iters, i), *item;
        if (it == Py_None) {
            item = Py_NewRef(zo->fillvalue);
        }
        else {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred() || --zo->active == 0) {
                    zo->active = 0;
                    Py_DECREF(result);
                    return NULL;
                }
                PyList_SET_ITEM(zo->iters, i, Py_NewRef(Py_None));
                Py_DECREF(it);
                item = Py_NewRef(zo->fillvalue);
            }
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

/* ---- groupby and its _grouper ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *keyfunc;
    PyObject *tgtkey;
    PyObject *currkey;
    PyObject *currvalue;
    PyObject *currgrouper; /* borrowed: the only grouper still allowed to advance */
} GroupbyObject;

typedef struct {
    PyObject_HEAD
    PyObject *parent;
    PyObject *tgtkey;
} GrouperObject;

static PyTypeObject GrouperType;

static PyObject *groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "key", NULL};
    PyObject *iterable, *keyfunc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", (char **)kwlist, &iterable,
                                     &keyfunc))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    GroupbyObject *gbo = (GroupbyObject *)type->tp_alloc(type, 0);
    if (gbo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    gbo->it = it;
    gbo->keyfunc = Py_NewRef(keyfunc);
    return (PyObject *)gbo;
}

/* Advance to the next value and compute its key; -1 at the end or on error. */
static int groupby_step(GroupbyObject *gbo)
{
    PyObject *value = PyIter_Next(gbo->it);
    if (value == NULL)
        return -1;
    PyObject *key = gbo->keyfunc == Py_None ? Py_NewRef(value)
                                            : PyObject_CallOneArg(gbo->keyfunc, value);
    if (key == NULL) {
        Py_DECREF(value);
        return -1;
    }
    Py_XSETREF(gbo->currvalue, value);
    Py_XSETREF(gbo->currkey, key);
    return 0;
}

static PyObject *groupby_next(PyObject *self)
{
    GroupbyObject *gbo = (GroupbyObject *)self;
    gbo->currgrouper = NULL;
    for (;;) {
        if (gbo->currkey != NULL) {
            if (gbo->tgtkey == NULL)
                break;
            int eq = PyObject_RichCompareBool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (eq < 0)
                return NULL;
            if (eq == 0)
                break;
        }
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    Py_XSETREF(gbo->tgtkey, Py_NewRef(gbo->currkey));
    GrouperObject *g = PyObject_GC_New(GrouperObject, &GrouperType);
    if (g == NULL)
        return NULL;
    g->parent = Py_NewRef(self);
    g->tgtkey = Py_NewRef(gbo->tgtkey);
    PyObject_GC_Track(g);
    gbo->currgrouper = (PyObject *)g;
    PyObject *r = PyTuple_Pack(2, gbo->currkey, (PyObject *)g);
    Py_DECREF(g);
    return r;
}

static PyObject *grouper_next(PyObject *self)
{
    GrouperObject *g = (GrouperObject *)self;
    GroupbyObject *gbo = (GroupbyObject *)g->parent;
    if (gbo->currgrouper != self)
        return NULL;
    if (gbo->currvalue == NULL && groupby_step(gbo) < 0)
        return NULL;
    int eq = PyObject_RichCompareBool(g->tgtkey, gbo->currkey, Py_EQ);
    if (eq <= 0)
        return NULL;
    PyObject *r = gbo->currvalue;
    gbo->currvalue = NULL;
    return r;
}

/* ---- tee -------------------------------------------------------------------------------- */

#define LINKCELLS 57

typedef struct TeeData {
    PyObject_HEAD
    PyObject *it;
    int numread;
    int running;
    struct TeeData *nextlink;
    PyObject *values[LINKCELLS];
} TeeDataObject;

typedef struct {
    PyObject_HEAD
    TeeDataObject *dataobj;
    int index;
    PyObject *weakreflist;
} TeeObject;

static PyTypeObject TeeDataType, TeeType;

static TeeDataObject *teedata_new(PyObject *it)
{
    TeeDataObject *d = PyObject_GC_New(TeeDataObject, &TeeDataType);
    if (d == NULL)
        return NULL;
    d->it = Py_NewRef(it);
    d->numread = 0;
    d->running = 0;
    d->nextlink = NULL;
    PyObject_GC_Track(d);
    return d;
}

static PyObject *tee_from_data(TeeDataObject *d, int index)
{
    TeeObject *to = PyObject_GC_New(TeeObject, &TeeType);
    if (to == NULL)
        return NULL;
    Py_INCREF(d);
    to->dataobj = d;
    to->index = index;
    to->weakreflist = NULL;
    PyObject_GC_Track(to);
    return (PyObject *)to;
}

static PyObject *tee_fromiterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (Py_IS_TYPE(it, &TeeType)) {
        TeeObject *src = (TeeObject *)it;
        PyObject *r = tee_from_data(src->dataobj, src->index);
        Py_DECREF(it);
        return r;
    }
    TeeDataObject *d = teedata_new(it);
    Py_DECREF(it);
    if (d == NULL)
        return NULL;
    PyObject *r = tee_from_data(d, 0);
    Py_DECREF(d);
    return r;
}

static PyObject *tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (!_PyArg_NoKeywords("_tee", kwds) || !PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable))
        return NULL;
    return tee_fromiterable(iterable);
}

static PyObject *tee_next(PyObject *self)
{
    TeeObject *to = (TeeObject *)self;
    if (to->index >= LINKCELLS) {
        TeeDataObject *d = to->dataobj;
        if (d->nextlink == NULL) {
            d->nextlink = teedata_new(d->it);
            if (d->nextlink == NULL)
                return NULL;
        }
        TeeDataObject *link = d->nextlink;
        Py_INCREF(link);
        Py_SETREF(to->dataobj, link);
        to->index = 0;
    }
    TeeDataObject *d = to->dataobj;
    if (to->index < d->numread)
        return Py_NewRef(d->values[to->index++]);
    if (d->running) {
        PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    d->running = 1;
    PyObject *value = PyIter_Next(d->it);
    d->running = 0;
    if (value == NULL)
        return NULL;
    d->values[d->numread++] = value;
    to->index++;
    return Py_NewRef(value);
}

static PyObject *tee_copy(PyObject *self, PyObject *unused)
{
    TeeObject *to = (TeeObject *)self;
    return tee_from_data(to->dataobj, to->index);
}

static PyMethodDef tee_methods[] = {
    {"__copy__", tee_copy, METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static int teedata_traverse(PyObject *self, visitproc visit, void *arg)
{
    TeeDataObject *d = (TeeDataObject *)self;
    Py_VISIT(d->it);
    for (int i = 0; i < d->numread; i++)
        Py_VISIT(d->values[i]);
    Py_VISIT((PyObject *)d->nextlink);
    return 0;
}

static int teedata_clear(PyObject *self)
{
    TeeDataObject *d = (TeeDataObject *)self;
    Py_CLEAR(d->it);
    for (int i = 0; i < d->numread; i++)
        Py_CLEAR(d->values[i]);
    d->numread = 0;
    /* Unlink the chain iteratively: a long tee history must not recurse in dealloc. */
    TeeDataObject *next = d->nextlink;
    d->nextlink = NULL;
    while (next != NULL && Py_REFCNT(next) == 1) {
        TeeDataObject *after = next->nextlink;
        next->nextlink = NULL;
        Py_DECREF(next);
        next = after;
    }
    Py_XDECREF(next);
    return 0;
}

static void teedata_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    teedata_clear(self);
    PyObject_GC_Del(self);
}

static int tee_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)((TeeObject *)self)->dataobj);
    return 0;
}

static int tee_clear(PyObject *self)
{
    TeeObject *to = (TeeObject *)self;
    if (to->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_CLEAR(to->dataobj);
    return 0;
}

static void tee_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    tee_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tee", nargs, 1, 2))
        return NULL;
    Py_ssize_t n = 2;
    if (nargs == 2) {
        n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0)
        return result;
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    /* Anything with __copy__ (a tee, or a user iterator) is copied rather than wrapped. */
    PyObject *copyfn;
    if (PyObject_GetOptionalAttrString(it, "__copy__", &copyfn) < 0) {
        Py_DECREF(it);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *first;
    if (copyfn != NULL) {
        first = it;
        Py_DECREF(copyfn);
    }
    else {
        first = tee_fromiterable(it);
        Py_DECREF(it);
        if (first == NULL) {
            Py_DECREF(result);
            return NULL;
        }
    }
    PyTuple_SET_ITEM(result, 0, first);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *copy = PyObject_CallMethod(first, "__copy__", NULL);
        if (copy == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, copy);
    }
    return result;
}

/* ---- shared GC plumbing for the simple iterators ---------------------------------------- */

typedef struct {
    PyTypeObject *type;
    FieldList fields;
} TypeFields;

static const TypeFields *fields_of(PyTypeObject *type);

static int generic_traverse(PyObject *self, visitproc visit, void *arg)
{
    const TypeFields *tf = fields_of(Py_TYPE(self));
    for (int i = 0; tf && i < tf->fields.count; i++)
        Py_VISIT(*field_at(self, tf->fields.offsets[i]));
    return 0;
}

static int generic_clear(PyObject *self)
{
    const TypeFields *tf = fields_of(Py_TYPE(self));
    for (int i = 0; tf && i < tf->fields.count; i++)
        Py_CLEAR(*field_at(self, tf->fields.offsets[i]));
    return 0;
}

static void generic_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    generic_clear(self);
    Py_TYPE(self)->tp_free(self);
}

#define SIMPLE_TYPE(cname, pyname, objtype, newfn, nextfn, doc, ...)                         \
    static PyTypeObject cname = {                                                             \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = "itertools." pyname,                                                       \
        .tp_basicsize = sizeof(objtype),                                                      \
        .tp_dealloc = generic_dealloc,                                                        \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,           \
        .tp_doc = doc,                                                                        \
        .tp_traverse = generic_traverse,                                                      \
        .tp_clear = generic_clear,                                                            \
        .tp_iter = PyObject_SelfIter,                                                         \
        .tp_iternext = nextfn,                                                                \
        .tp_new = newfn,                                                                      \
        __VA_ARGS__                                                                           \
    };

SIMPLE_TYPE(CountType, "count", CountObject, count_new, count_next,
            "Return a count object whose .__next__() method returns consecutive values.",
            .tp_repr = count_repr)
SIMPLE_TYPE(RepeatType, "repeat", RepeatObject, repeat_new, repeat_next,
            "repeat(object [,times]) -> create an iterator which returns the object\n"
            "for the specified number of times.  If not specified, returns the object\n"
            "endlessly.",
            .tp_repr = repeat_repr, .tp_methods = repeat_methods)
SIMPLE_TYPE(CycleType, "cycle", CycleObject, cycle_new, cycle_next,
            "Return elements from the iterable until it is exhausted. Then repeat the "
            "sequence indefinitely.")
SIMPLE_TYPE(AccumulateType, "accumulate", AccumulateObject, accumulate_new, accumulate_next,
            "Return series of accumulated sums (or other binary function results).")
SIMPLE_TYPE(BatchedType, "batched", BatchedObject, batched_new, batched_next,
            "Batch data into tuples of length n. The last batch may be shorter than n.")
SIMPLE_TYPE(ChainType, "chain", ChainObject, chain_new, chain_next,
            "Return a chain object whose .__next__() method returns elements from the\n"
            "first iterable until it is exhausted, then elements from the next\n"
            "iterable, until all of the iterables are exhausted.",
            .tp_methods = chain_methods)
SIMPLE_TYPE(CompressType, "compress", FilterObject, compress_new, compress_next,
            "Return data elements corresponding to true selector elements.")
SIMPLE_TYPE(DropwhileType, "dropwhile", FilterObject, dropwhile_new, dropwhile_next,
            "Drop items from the iterable while predicate(item) is true.")
SIMPLE_TYPE(TakewhileType, "takewhile", FilterObject, takewhile_new, takewhile_next,
            "Return successive entries from an iterable as long as the predicate evaluates "
            "to true for each entry.")
SIMPLE_TYPE(FilterfalseType, "filterfalse", FilterObject, filterfalse_new, filterfalse_next,
            "Return those items of iterable for which function(item) is false.")
SIMPLE_TYPE(StarmapType, "starmap", FilterObject, starmap_new, starmap_next,
            "Return an iterator whose values are returned from the function evaluated with "
            "an argument tuple taken from the given sequence.")
SIMPLE_TYPE(IsliceType, "islice", IsliceObject, islice_new, islice_next,
            "islice(iterable, stop) --> islice object\n"
            "islice(iterable, start, stop[, step]) --> islice object")
SIMPLE_TYPE(PairwiseType, "pairwise", PairwiseObject, pairwise_new, pairwise_next,
            "Return an iterator of overlapping pairs taken from the input iterator.")
SIMPLE_TYPE(ZipLongestType, "zip_longest", ZipLongestObject, zip_longest_new, zip_longest_next,
            "Return a zip_longest object whose .__next__() method returns a tuple where\n"
            "the i-th element comes from the i-th iterable argument.")
SIMPLE_TYPE(GroupbyType, "groupby", GroupbyObject, groupby_new, groupby_next,
            "make an iterator that returns consecutive keys and groups from the iterable")

static PyTypeObject GrouperType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(GrouperObject),
    .tp_dealloc = generic_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = generic_traverse,
    .tp_clear = generic_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = grouper_next,
};

static PyTypeObject TeeDataType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(TeeDataObject),
    .tp_dealloc = teedata_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to "
              "multiple tee objects.",
    .tp_traverse = teedata_traverse,
    .tp_clear = teedata_clear,
};

static PyTypeObject TeeType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(TeeObject),
    .tp_dealloc = tee_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Iterator wrapped to make it copyable.",
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_weaklistoffset = offsetof(TeeObject, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
};

#define F(...) {{__VA_ARGS__}, sizeof((Py_ssize_t[]){__VA_ARGS__}) / sizeof(Py_ssize_t)}
static const TypeFields type_fields[] = {
    {&CountType, F(FIELD(CountObject, long_cnt), FIELD(CountObject, long_step))},
    {&RepeatType, F(FIELD(RepeatObject, element))},
    {&CycleType, F(FIELD(CycleObject, it), FIELD(CycleObject, saved))},
    {&AccumulateType, F(FIELD(AccumulateObject, it), FIELD(AccumulateObject, total),
                        FIELD(AccumulateObject, binop), FIELD(AccumulateObject, initial))},
    {&BatchedType, F(FIELD(BatchedObject, it))},
    {&ChainType, F(FIELD(ChainObject, source), FIELD(ChainObject, active))},
    {&CompressType, F(FIELD(FilterObject, func), FIELD(FilterObject, it))},
    {&DropwhileType, F(FIELD(FilterObject, func), FIELD(FilterObject, it))},
    {&TakewhileType, F(FIELD(FilterObject, func), FIELD(FilterObject, it))},
    {&FilterfalseType, F(FIELD(FilterObject, func), FIELD(FilterObject, it))},
    {&StarmapType, F(FIELD(FilterObject, func), FIELD(FilterObject, it))},
    {&IsliceType, F(FIELD(IsliceObject, it))},
    {&PairwiseType, F(FIELD(PairwiseObject, it), FIELD(PairwiseObject, old))},
    {&ZipLongestType, F(FIELD(ZipLongestObject, iters), FIELD(ZipLongestObject, fillvalue))},
    {&GroupbyType, F(FIELD(GroupbyObject, it), FIELD(GroupbyObject, keyfunc),
                     FIELD(GroupbyObject, tgtkey), FIELD(GroupbyObject, currkey),
                     FIELD(GroupbyObject, currvalue))},
    {&GrouperType, F(FIELD(GrouperObject, parent), FIELD(GrouperObject, tgtkey))},
};
#undef F

/* A subclass shares its base's fields; walk up to the static type we know. */
static const TypeFields *fields_of(PyTypeObject *type)
{
    for (; type != NULL; type = type->tp_base)
        for (size_t i = 0; i < sizeof type_fields / sizeof type_fields[0]; i++)
            if (type_fields[i].type == type)
                return &type_fields[i];
    return NULL;
}

/* ---- module ---------------------------------------------------------------------------- */

static PyMethodDef itertools_functions[] = {
    {"tee", _PyCFunction_CAST(itertools_tee), METH_FASTCALL,
     "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef itertoolsmodule = {
    PyModuleDef_HEAD_INIT, "itertools",
    "Functional tools for creating and using iterators.", 0, itertools_functions,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit_itertools(void)
{
    PyTypeObject *public_types[] = {
        &AccumulateType, &BatchedType, &ChainType, &_KrIter_CombinationsType,
        &_KrIter_CWRType, &CompressType, &CountType, &CycleType, &DropwhileType,
        &FilterfalseType, &GroupbyType, &IsliceType, &PairwiseType,
        &_KrIter_PermutationsType, &_KrIter_ProductType, &RepeatType, &StarmapType,
        &TakewhileType, &ZipLongestType, &GrouperType, &TeeType, &TeeDataType,
    };
    for (size_t i = 0; i < sizeof public_types / sizeof public_types[0]; i++)
        if (!(public_types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(public_types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(&itertoolsmodule);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof public_types / sizeof public_types[0]; i++) {
        const char *dot = strrchr(public_types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(m, dot + 1, (PyObject *)public_types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}

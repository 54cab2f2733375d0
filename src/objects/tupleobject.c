/* tuple: immutable arrays of references, the empty-tuple singleton, per-size free lists
 * and CPython's xxHash-based hash. */
#include "Python.h"
#include "internal/pycore_iterators.h"

#define KR_TUPLE_MAXSAVESIZE 20   /* sizes 1..19 are recycled */
#define KR_TUPLE_MAXFREELIST 2000 /* per size */

/* The empty tuple is immortal and static; it carries a (zeroed, i.e. untracked) GC
 * header in front of it because generic code may look at the header of any tuple. */
static struct {
    PyGC_Head gc;
    PyTupleObject tuple;
} kr_empty_tuple = {
    {0, 0},
    {{{_Py_IMMORTAL_REFCNT, &PyTuple_Type}, 0}, {NULL}},
};
#define KR_EMPTY_TUPLE ((PyObject *)&kr_empty_tuple.tuple)

static PyObject *tuple_iter(PyObject *seq);

/* Inlined: it is most of the cost of building a small tuple. */
static inline Py_ALWAYS_INLINE PyTupleObject *
tuple_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyThreadState *ts = _PyThreadState_GET();
    if (size < KR_TUPLE_MAXSAVESIZE && ts != NULL && ts->interp != NULL) {
        PyInterpreterState *interp = ts->interp;
        PyObject *op = interp->tuple_freelist.free[size];
        if (op != NULL) {
            /* free-list entries are chained through their first item slot */
            interp->tuple_freelist.free[size] = ((PyTupleObject *)op)->ob_item[0];
            interp->tuple_freelist.numfree[size]--;
            op->ob_refcnt = 1;
            Py_SET_TYPE(op, &PyTuple_Type);
            Py_SET_SIZE(op, size);
            return (PyTupleObject *)op;
        }
    }
    if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - sizeof(PyTupleObject)) / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
}

PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *op = tuple_alloc(size);
    if (op == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < size; i++)
        op->ob_item[i] = NULL;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyTupleObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

/* A tuple holding only objects the collector never needs to look at cannot be part of a
 * cycle, so the collector stops tracking it (saves work in every later collection). */
void
_PyTuple_MaybeUntrack(PyObject *op)
{
    if (!PyTuple_CheckExact(op) || !_PyObject_GC_IS_TRACKED(op))
        return;
    PyTupleObject *t = (PyTupleObject *)op;
    for (Py_ssize_t i = Py_SIZE(t); --i >= 0;) {
        PyObject *elt = t->ob_item[i];
        if (elt == NULL)
            return;
        if (PyObject_IS_GC(elt) && _PyObject_GC_IS_TRACKED(elt))
            return;
    }
    PyObject_GC_UnTrack(op);
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    va_list vargs;
    va_start(vargs, n);
    PyTupleObject *result = tuple_alloc(n);
    if (result == NULL) {
        va_end(vargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(vargs, PyObject *);
        result->ob_item[i] = Py_NewRef(o);
    }
    va_end(vargs);
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

PyObject *
_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *t = tuple_alloc(n);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        t->ob_item[i] = Py_NewRef(src[i]);
    PyObject_GC_Track(t);
    return (PyObject *)t;
}

PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *t = tuple_alloc(n);
    if (t == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        t->ob_item[i] = src[i];
    PyObject_GC_Track(t);
    return (PyObject *)t;
}

static PyObject *
tuple_slice(PyTupleObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0)
        ilow = 0;
    if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    if (ilow == 0 && ihigh == Py_SIZE(a) && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    return _PyTuple_FromArray(a->ob_item + ilow, ihigh - ilow);
}

PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return tuple_slice((PyTupleObject *)op, i, j);
}

/* Only legal while the caller holds the sole reference (building a tuple step by step).
 * On failure *pv is released and set to NULL. */
int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) || (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1) ||
        newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize)
        return 0;
    if (oldsize == 0) {
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = KR_EMPTY_TUPLE;
        return 0;
    }
    if (_PyObject_GC_IS_TRACKED(v))
        PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++)
        Py_CLEAR(((PyTupleObject *)v)->ob_item[i]);
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_GC_Del(v);
        return -1;
    }
    for (Py_ssize_t i = oldsize; i < newsize; i++)
        sv->ob_item[i] = NULL;
    Py_SET_SIZE(sv, newsize);
    *pv = (PyObject *)sv;
    PyObject_GC_Track(sv);
    return 0;
}

/* ---- slots ---------------------------------------------------------------------- */

static void
tuple_dealloc(PyObject *op)
{
    PyTupleObject *t = (PyTupleObject *)op;
    Py_ssize_t len = Py_SIZE(t);
    if (op == KR_EMPTY_TUPLE)
        return; /* immortal; never reached in normal operation */
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, tuple_dealloc)
    for (Py_ssize_t i = len; --i >= 0;)
        Py_XDECREF(t->ob_item[i]);
    PyThreadState *ts = _PyThreadState_GET();
    if (!KR_SANITIZER_BUILD && len > 0 && len < KR_TUPLE_MAXSAVESIZE && PyTuple_CheckExact(op) && ts != NULL &&
        ts->interp != NULL && !ts->interp->finalizing &&
        ts->interp->tuple_freelist.numfree[len] < KR_TUPLE_MAXFREELIST) {
        PyInterpreterState *interp = ts->interp;
        t->ob_item[0] = interp->tuple_freelist.free[len];
        interp->tuple_freelist.free[len] = op;
        interp->tuple_freelist.numfree[len]++;
    }
    else {
        Py_TYPE(op)->tp_free(op);
    }
    Py_TRASHCAN_END
}

/* Releases the recycled tuples of the current interpreter (called at shut-down). */
void
_KrTuple_ClearFreeList(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp == NULL)
        return;
    PyInterpreterState *interp = ts->interp;
    for (int i = 1; i < KR_TUPLE_MAXSAVESIZE; i++) {
        PyObject *p = interp->tuple_freelist.free[i];
        interp->tuple_freelist.free[i] = NULL;
        interp->tuple_freelist.numfree[i] = 0;
        while (p != NULL) {
            PyObject *next = ((PyTupleObject *)p)->ob_item[0];
            PyObject_GC_Del(p);
            p = next;
        }
    }
}

static PyObject *
tuple_repr(PyObject *self)
{
    PyTupleObject *v = (PyTupleObject *)self;
    Py_ssize_t n = Py_SIZE(v);
    if (n == 0)
        return PyUnicode_FromString("()");
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("(...)") : NULL;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (n - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '(') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *s = PyObject_Repr(v->ob_item[i]);
        if (s == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0)
            goto error;
    }
    writer.overallocate = 0;
    if (n > 1) {
        if (_PyUnicodeWriter_WriteChar(&writer, ')') < 0)
            goto error;
    }
    else if (_PyUnicodeWriter_WriteASCIIString(&writer, ",)", 2) < 0)
        goto error;
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave(self);
    return NULL;
}

/* xxHash-style lane mixing, the same constants and rotation as CPython so that tuple
 * hashes (and therefore set/dict orders involving tuples) agree. */
#define KR_XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define KR_XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define KR_XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define KR_XXROTATE(x) (((x) << 31) | ((x) >> 33))

Py_hash_t
_KrTuple_HashItems(PyObject *const *items, Py_ssize_t len)
{
    Py_uhash_t acc = KR_XXPRIME_5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane;
        if (PyTuple_Check(items[i])) {
            /* deeply nested tuples must not exhaust the C stack */
            if (Py_EnterRecursiveCall(" while hashing a tuple"))
                return -1;
            lane = (Py_uhash_t)PyObject_Hash(items[i]);
            Py_LeaveRecursiveCall();
        }
        else
            lane = (Py_uhash_t)PyObject_Hash(items[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * KR_XXPRIME_2;
        acc = KR_XXROTATE(acc);
        acc *= KR_XXPRIME_1;
    }
    acc += (Py_uhash_t)len ^ (KR_XXPRIME_5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

static Py_hash_t
tuple_hash(PyObject *self)
{
    return _KrTuple_HashItems(((PyTupleObject *)self)->ob_item, Py_SIZE(self));
}

static Py_ssize_t
tuple_length(PyObject *a)
{
    return Py_SIZE(a);
}

static int
tuple_contains(PyObject *self, PyObject *el)
{
    PyTupleObject *a = (PyTupleObject *)self;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); i++)
        cmp = PyObject_RichCompareBool(a->ob_item[i], el, Py_EQ);
    return cmp;
}

static PyObject *
tuple_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(((PyTupleObject *)self)->ob_item[i]);
}

static PyObject *
tuple_concat(PyObject *self, PyObject *bb)
{
    PyTupleObject *a = (PyTupleObject *)self;
    if (Py_SIZE(bb) == 0 && PyTuple_CheckExact(bb) && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyTupleObject *b = (PyTupleObject *)bb;
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(b))
        return Py_NewRef(b);
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        np->ob_item[i] = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        np->ob_item[i + Py_SIZE(a)] = Py_NewRef(b->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuple_repeat(PyObject *self, Py_ssize_t n)
{
    PyTupleObject *a = (PyTupleObject *)self;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a))
            return Py_NewRef(a);
    }
    if (input_size == 0 || n <= 0)
        return KR_EMPTY_TUPLE;
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t size = input_size * n;
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t j = 0; j < n; j++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *dest++ = Py_NewRef(a->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuple_subscript(PyObject *self, PyObject *item)
{
    PyTupleObject *t = (PyTupleObject *)self;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(t);
        return tuple_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(t), &start, &stop, step);
        if (slicelength <= 0)
            return KR_EMPTY_TUPLE;
        if (start == 0 && step == 1 && slicelength == Py_SIZE(t) && PyTuple_CheckExact(t))
            return Py_NewRef(t);
        PyTupleObject *result = tuple_alloc(slicelength);
        if (result == NULL)
            return NULL;
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++)
            result->ob_item[i] = Py_NewRef(t->ob_item[cur]);
        PyObject_GC_Track(result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
tuple_traverse(PyObject *self, visitproc visit, void *arg)
{
    for (Py_ssize_t i = Py_SIZE(self); --i >= 0;)
        Py_VISIT(((PyTupleObject *)self)->ob_item[i]);
    return 0;
}

static PyObject *
tuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt);
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

static PyObject *
tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp = iterable == NULL ? Py_NewRef(KR_EMPTY_TUPLE) : PySequence_Tuple(iterable);
    if (tmp == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(newobj, i, Py_NewRef(PyTuple_GET_ITEM(tmp, i)));
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
tuple_new_impl(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyTuple_Type)
        return tuple_subtype_new(type, iterable);
    if (iterable == NULL)
        return KR_EMPTY_TUPLE;
    return PySequence_Tuple(iterable);
}

static PyObject *
tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init) && kwds != NULL &&
        PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("tuple", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("tuple", PyTuple_GET_SIZE(args), 0, 1))
        return NULL;
    return tuple_new_impl(type, PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("tuple", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("tuple", nargs, 0, 1))
        return NULL;
    return tuple_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- methods ---------------------------------------------------------------------- */

static PyObject *
tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs >= 2 && !_KrEval_SliceIndexNotNone(args[1], &start))
        return NULL;
    if (nargs >= 3 && !_KrEval_SliceIndexNotNone(args[2], &stop))
        return NULL;
    PyTupleObject *t = (PyTupleObject *)self;
    if (start < 0) {
        start += Py_SIZE(t);
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += Py_SIZE(t);
    else if (stop > Py_SIZE(t))
        stop = Py_SIZE(t);
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(t->ob_item[i], args[0], Py_EQ);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *
tuple_count(PyObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    PyTupleObject *t = (PyTupleObject *)self;
    for (Py_ssize_t i = 0; i < Py_SIZE(t); i++) {
        int cmp = PyObject_RichCompareBool(t->ob_item[i], value, Py_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
tuple_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = tuple_slice((PyTupleObject *)self, 0, Py_SIZE(self));
    if (copy == NULL)
        return NULL;
    return Py_BuildValue("(N)", copy);
}

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", (PyCFunction)tuple_getnewargs, METH_NOARGS, NULL},
    {"index", _PyCFunction_CAST(tuple_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)tuple_count, METH_O, "Return number of occurrences of value."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor "
              "returns an empty tuple.\nIf iterable is specified the tuple is initialized "
              "from iterable's items.\n\nIf the argument is a tuple, the return value is "
              "the same object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};

/* ---- iterator -------------------------------------------------------------------- */

typedef _KrTupleIterObject tupleiterobject; /* internal/pycore_iterators.h */

static void
tupleiter_dealloc(PyObject *self)
{
    tupleiterobject *it = (tupleiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
tupleiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tupleiterobject *)self)->it_seq);
    return 0;
}

static PyObject *
tupleiter_next(PyObject *self)
{
    tupleiterobject *it = (tupleiterobject *)self;
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
tupleiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    tupleiterobject *it = (tupleiterobject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = Py_SIZE(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyObject *
tupleiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    tupleiterobject *it = (tupleiterobject *)self;
    PyObject *iterfn = _KrEval_GetBuiltin("iter");
    if (iterfn == NULL)
        return NULL;
    if (it->it_seq)
        return Py_BuildValue("N(O)n", iterfn, it->it_seq, it->it_index);
    return Py_BuildValue("N(())", iterfn);
}

static PyObject *
tupleiter_setstate(PyObject *self, PyObject *state)
{
    tupleiterobject *it = (tupleiterobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > Py_SIZE(it->it_seq))
            index = Py_SIZE(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", (PyCFunction)tupleiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)tupleiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)tupleiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiterobject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

static PyObject *
tuple_iter(PyObject *seq)
{
    if (!PyTuple_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    tupleiterobject *it = PyObject_GC_New(tupleiterobject, &PyTupleIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

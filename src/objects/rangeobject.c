/* range: an immutable arithmetic progression of arbitrary-size ints, with iterators
 * that run on C longs when everything fits and on int objects otherwise. */
#include "Python.h"
#include "internal/pycore_iterators.h"

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step, *length; /* all ints */
} rangeobject;

/* max(0, ceil((hi - lo) / step)) on int objects; new reference. */
static PyObject *
compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    long lstop = overflow ? 0 : PyLong_AsLongAndOverflow(stop, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    if (!overflow && lstep != LONG_MIN) {
        unsigned long ulen;
        if (lstep > 0 && lstart < lstop)
            ulen = 1UL + ((unsigned long)lstop - 1UL - (unsigned long)lstart) / (unsigned long)lstep;
        else if (lstep < 0 && lstart > lstop)
            ulen = 1UL + ((unsigned long)lstart - 1UL - (unsigned long)lstop) /
                             (0UL - (unsigned long)lstep);
        else
            ulen = 0;
        return PyLong_FromUnsignedLong(ulen);
    }
    if (PyErr_Occurred())
        return NULL;
    PyObject *lo, *hi, *diff = NULL, *tmp1 = NULL, *tmp2 = NULL, *result = NULL;
    int cmp_result = PyObject_RichCompareBool(step, _PyLong_GetZero(), Py_GT);
    if (cmp_result == -1)
        return NULL;
    if (cmp_result == 1) {
        lo = start;
        hi = stop;
        Py_INCREF(step);
    }
    else {
        lo = stop;
        hi = start;
        step = PyNumber_Negative(step);
        if (step == NULL)
            return NULL;
    }
    cmp_result = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp_result != 0) {
        Py_DECREF(step);
        if (cmp_result < 0)
            return NULL;
        return Py_NewRef(_PyLong_GetZero());
    }
    if ((tmp1 = PyNumber_Subtract(hi, lo)) == NULL)
        goto fail;
    if ((diff = PyNumber_Subtract(tmp1, _PyLong_GetOne())) == NULL)
        goto fail;
    if ((tmp2 = PyNumber_FloorDivide(diff, step)) == NULL)
        goto fail;
    result = PyNumber_Add(tmp2, _PyLong_GetOne());
fail:
    Py_DECREF(step);
    Py_XDECREF(tmp2);
    Py_XDECREF(diff);
    Py_XDECREF(tmp1);
    return result;
}

/* Steals all three references. */
static rangeobject *
make_range_object(PyTypeObject *type, PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    rangeobject *obj = PyObject_New(rangeobject, type);
    if (obj == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        Py_DECREF(length);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return obj;
}

static PyObject *
range_from_array(PyTypeObject *type, PyObject *const *args, Py_ssize_t num_args)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    switch (num_args) {
    case 3:
        step = args[2];
        /* fall through */
    case 2:
        start = PyNumber_Index(args[0]);
        if (start == NULL)
            return NULL;
        stop = PyNumber_Index(args[1]);
        if (stop == NULL) {
            Py_DECREF(start);
            return NULL;
        }
        if (step == NULL)
            step = Py_NewRef(_PyLong_GetOne());
        else {
            step = PyNumber_Index(step);
            if (step == NULL) {
                Py_DECREF(start);
                Py_DECREF(stop);
                return NULL;
            }
            if (_PyLong_Sign(step) == 0) {
                PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
                Py_DECREF(start);
                Py_DECREF(stop);
                Py_DECREF(step);
                return NULL;
            }
        }
        break;
    case 1:
        stop = PyNumber_Index(args[0]);
        if (stop == NULL)
            return NULL;
        start = Py_NewRef(_PyLong_GetZero());
        step = Py_NewRef(_PyLong_GetOne());
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", num_args);
        return NULL;
    }
    return (PyObject *)make_range_object(type, start, stop, step);
}

static PyObject *
range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0 && !_PyArg_NoKeywords("range", kw))
        return NULL;
    return range_from_array(type, _PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *
range_vectorcall(PyObject *rangetype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("range", kwnames))
        return NULL;
    return range_from_array((PyTypeObject *)rangetype, args, nargs);
}

static void
range_dealloc(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

/* start + i * step */
static PyObject *
compute_item(rangeobject *r, PyObject *i)
{
    if (r->step == _PyLong_GetOne())
        return PyNumber_Add(r->start, i);
    PyObject *incr = PyNumber_Multiply(i, r->step);
    if (incr == NULL)
        return NULL;
    PyObject *result = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return result;
}

static PyObject *
compute_range_item(rangeobject *r, PyObject *arg)
{
    PyObject *i;
    int cmp_result = PyObject_RichCompareBool(arg, _PyLong_GetZero(), Py_LT);
    if (cmp_result == -1)
        return NULL;
    if (cmp_result == 1) {
        i = PyNumber_Add(r->length, arg);
        if (i == NULL)
            return NULL;
    }
    else
        i = Py_NewRef(arg);
    cmp_result = PyObject_RichCompareBool(i, _PyLong_GetZero(), Py_LT);
    if (cmp_result == 0)
        cmp_result = PyObject_RichCompareBool(i, r->length, Py_GE);
    if (cmp_result == -1) {
        Py_DECREF(i);
        return NULL;
    }
    if (cmp_result == 1) {
        Py_DECREF(i);
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    PyObject *result = compute_item(r, i);
    Py_DECREF(i);
    return result;
}

static PyObject *
range_item(PyObject *self, Py_ssize_t i)
{
    PyObject *arg = PyLong_FromSsize_t(i);
    if (arg == NULL)
        return NULL;
    PyObject *res = compute_range_item((rangeobject *)self, arg);
    Py_DECREF(arg);
    return res;
}

static PyObject *
compute_slice(rangeobject *r, PyObject *_slice)
{
    PySliceObject *slice = (PySliceObject *)_slice;
    PyObject *start = NULL, *stop = NULL, *step = NULL, *substart = NULL, *substop = NULL,
             *substep = NULL;
    if (_PySlice_GetLongIndices(slice, r->length, &start, &stop, &step) < 0)
        return NULL;
    substep = PyNumber_Multiply(r->step, step);
    if (substep == NULL)
        goto fail;
    Py_CLEAR(step);
    substart = compute_item(r, start);
    if (substart == NULL)
        goto fail;
    Py_CLEAR(start);
    substop = compute_item(r, stop);
    if (substop == NULL)
        goto fail;
    Py_CLEAR(stop);
    return (PyObject *)make_range_object(Py_TYPE(r), substart, substop, substep);
fail:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(substart);
    Py_XDECREF(substop);
    Py_XDECREF(substep);
    return NULL;
}

static PyObject *
range_subscript(PyObject *self, PyObject *item)
{
    rangeobject *r = (rangeobject *)self;
    if (PyLong_Check(item))
        return compute_range_item(r, item);
    if (PySlice_Check(item))
        return compute_slice(r, item);
    if (PyIndex_Check(item)) {
        PyObject *i = PyNumber_Index(item);
        if (i == NULL)
            return NULL;
        PyObject *res = compute_range_item(r, i);
        Py_DECREF(i);
        return res;
    }
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static Py_ssize_t
range_length(PyObject *self)
{
    return PyLong_AsSsize_t(((rangeobject *)self)->length);
}

static int
range_bool(PyObject *self)
{
    return PyObject_IsTrue(((rangeobject *)self)->length);
}

/* Membership of an exact int without iterating. */
static int
range_contains_long(rangeobject *r, PyObject *ob)
{
    PyObject *zero = _PyLong_GetZero();
    int cmp1, cmp2, cmp3;
    PyObject *tmp1 = NULL, *tmp2 = NULL;
    int result = -1;
    cmp1 = PyObject_RichCompareBool(r->step, zero, Py_GT);
    if (cmp1 == -1)
        goto end;
    if (cmp1 == 1) {
        cmp2 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        cmp3 = PyObject_RichCompareBool(ob, r->stop, Py_LT);
    }
    else {
        cmp2 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        cmp3 = PyObject_RichCompareBool(r->stop, ob, Py_LT);
    }
    if (cmp2 == -1 || cmp3 == -1)
        goto end;
    if (cmp2 == 0 || cmp3 == 0) {
        result = 0;
        goto end;
    }
    tmp1 = PyNumber_Subtract(ob, r->start);
    if (tmp1 == NULL)
        goto end;
    tmp2 = PyNumber_Remainder(tmp1, r->step);
    if (tmp2 == NULL)
        goto end;
    result = PyObject_RichCompareBool(tmp2, zero, Py_EQ);
end:
    Py_XDECREF(tmp1);
    Py_XDECREF(tmp2);
    return result;
}

/* Linear scan for objects that are not exact ints (3.0 in range(5) is True). */
static Py_ssize_t
range_iter_search(PyObject *self, PyObject *ob, int operation)
{
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL)
        return -1;
    Py_ssize_t n = 0, i = 0;
    for (;; i++) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        int cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0)
            goto fail;
        if (cmp > 0) {
            if (operation == 0) { /* count */
                n++;
                continue;
            }
            Py_DECREF(it);
            return operation == 1 ? 1 : i; /* contains / index */
        }
    }
    Py_DECREF(it);
    if (operation == 2) {
        PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return operation == 0 ? n : 0;
fail:
    Py_DECREF(it);
    return -1;
}

static int
range_contains(PyObject *self, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob))
        return range_contains_long((rangeobject *)self, ob);
    return (int)range_iter_search(self, ob, 1);
}

static int
range_equals(rangeobject *r0, rangeobject *r1)
{
    if (r0 == r1)
        return 1;
    int cmp_result = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    cmp_result = PyObject_Not(r0->length);
    if (cmp_result != 0)
        return cmp_result;
    cmp_result = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    cmp_result = PyObject_RichCompareBool(r0->length, _PyLong_GetOne(), Py_EQ);
    if (cmp_result != 0)
        return cmp_result;
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *
range_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyRange_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_NE:
    case Py_EQ: {
        int result = range_equals((rangeobject *)self, (rangeobject *)other);
        if (result == -1)
            return NULL;
        if (op == Py_NE)
            result = !result;
        return PyBool_FromLong(result);
    }
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

/* Equal ranges hash equal: hash (len, start, step), blanking what doesn't matter. */
static Py_hash_t
range_hash(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    PyObject *items[3] = {r->length, Py_None, Py_None};
    int cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1)
        return -1;
    if (cmp_result == 0) {
        items[1] = r->start;
        cmp_result = PyObject_RichCompareBool(r->length, _PyLong_GetOne(), Py_EQ);
        if (cmp_result == -1)
            return -1;
        if (cmp_result == 0)
            items[2] = r->step;
    }
    return _KrTuple_HashItems(items, 3);
}

static PyObject *
range_repr(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_ssize_t istep = PyNumber_AsSsize_t(r->step, NULL);
    if (istep == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        istep = 0;
    }
    if (istep == 1)
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyObject *
range_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)self;
    return Py_BuildValue("(O(OOO))", Py_TYPE(r), r->start, r->stop, r->step);
}

static PyObject *
range_count(PyObject *self, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        int result = range_contains_long((rangeobject *)self, ob);
        if (result == -1)
            return NULL;
        return PyLong_FromLong(result);
    }
    Py_ssize_t count = range_iter_search(self, ob, 0);
    if (count == -1)
        return NULL;
    return PyLong_FromSsize_t(count);
}

static PyObject *
range_index(PyObject *self, PyObject *ob)
{
    rangeobject *r = (rangeobject *)self;
    if (!PyLong_CheckExact(ob) && !PyBool_Check(ob)) {
        Py_ssize_t index = range_iter_search(self, ob, 2);
        if (index == -1)
            return NULL;
        return PyLong_FromSsize_t(index);
    }
    int contains = range_contains_long(r, ob);
    if (contains == -1)
        return NULL;
    if (contains) {
        PyObject *idx = PyNumber_Subtract(ob, r->start);
        if (idx == NULL)
            return NULL;
        if (r->step == _PyLong_GetOne())
            return idx;
        PyObject *sidx = PyNumber_FloorDivide(idx, r->step);
        Py_DECREF(idx);
        return sidx;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
    return NULL;
}

static PyObject *range_iter(PyObject *seq);
static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored));

static PySequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static PyNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static PyMethodDef range_methods[] = {
    {"__reversed__", (PyCFunction)range_reverse, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (PyCFunction)range_reduce, METH_NOARGS, NULL},
    {"count", (PyCFunction)range_count, METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (PyCFunction)range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if "
     "the value is not present."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef range_members[] = {
    {"start", Py_T_OBJECT_EX, offsetof(rangeobject, start), Py_READONLY, NULL},
    {"stop", Py_T_OBJECT_EX, offsetof(rangeobject, stop), Py_READONLY, NULL},
    {"step", Py_T_OBJECT_EX, offsetof(rangeobject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\nWhen step is "
              "given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_vectorcall = range_vectorcall,
};

/* ---- iterators ------------------------------------------------------------------------ */

typedef _KrRangeIterObject rangeiterobject; /* internal/pycore_iterators.h */

static void
rangeiter_dealloc(PyObject *self)
{
    PyObject_Free(self);
}

static PyObject *
rangeiter_next(PyObject *self)
{
    rangeiterobject *r = (rangeiterobject *)self;
    if (r->len > 0) {
        long result = r->start;
        /* the step after the last item may leave the long range: wrap harmlessly */
        r->start = (long)((unsigned long)result + (unsigned long)r->step);
        r->len--;
        return PyLong_FromLong(result);
    }
    return NULL;
}

static PyObject *
rangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((rangeiterobject *)self)->len);
}

static PyObject *
rangeiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rangeiterobject *r = (rangeiterobject *)self;
    PyObject *start = PyLong_FromLong(r->start);
    if (start == NULL)
        return NULL;
    PyObject *stop = PyLong_FromLongLong((long long)r->start + (long long)r->len * r->step);
    if (stop == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    PyObject *step = PyLong_FromLong(r->step);
    if (step == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        return NULL;
    }
    PyObject *range = (PyObject *)make_range_object(&PyRange_Type, start, stop, step);
    if (range == NULL)
        return NULL;
    PyObject *iterfn = _KrEval_GetBuiltin("iter");
    if (iterfn == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("N(N)O", iterfn, range, Py_None);
}

static PyObject *
rangeiter_setstate(PyObject *self, PyObject *state)
{
    rangeiterobject *r = (rangeiterobject *)self;
    long index = PyLong_AsLong(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0)
        index = 0;
    else if (index > r->len)
        index = r->len;
    r->start += index * r->step;
    r->len -= index;
    Py_RETURN_NONE;
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)rangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)rangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)rangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *step;
    PyObject *len;
} longrangeiterobject;

static PyObject *
longrangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((longrangeiterobject *)self)->len);
}

static PyObject *
longrangeiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    PyObject *product = PyNumber_Multiply(r->len, r->step);
    if (product == NULL)
        return NULL;
    PyObject *stop = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (stop == NULL)
        return NULL;
    PyObject *range = (PyObject *)make_range_object(&PyRange_Type, Py_NewRef(r->start), stop,
                                                    Py_NewRef(r->step));
    if (range == NULL)
        return NULL;
    PyObject *iterfn = _KrEval_GetBuiltin("iter");
    if (iterfn == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("N(N)O", iterfn, range, Py_None);
}

static PyObject *
longrangeiter_setstate(PyObject *self, PyObject *state)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    PyObject *zero = _PyLong_GetZero();
    int cmp = PyObject_RichCompareBool(state, zero, Py_LT);
    if (cmp < 0)
        return NULL;
    if (cmp > 0)
        state = zero;
    else {
        cmp = PyObject_RichCompareBool(r->len, state, Py_LT);
        if (cmp < 0)
            return NULL;
        if (cmp > 0)
            state = r->len;
    }
    PyObject *product = PyNumber_Multiply(state, r->step);
    if (product == NULL)
        return NULL;
    PyObject *new_start = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (new_start == NULL)
        return NULL;
    PyObject *new_len = PyNumber_Subtract(r->len, state);
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    Py_SETREF(r->start, new_start);
    Py_SETREF(r->len, new_len);
    Py_RETURN_NONE;
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)longrangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)longrangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)longrangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static void
longrangeiter_dealloc(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(r);
}

static PyObject *
longrangeiter_next(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    if (PyObject_RichCompareBool(r->len, _PyLong_GetZero(), Py_GT) != 1)
        return NULL;
    PyObject *new_start = PyNumber_Add(r->start, r->step);
    if (new_start == NULL)
        return NULL;
    PyObject *new_len = PyNumber_Subtract(r->len, _PyLong_GetOne());
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    PyObject *result = r->start;
    r->start = new_start;
    Py_SETREF(r->len, new_len);
    return result;
}

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

static PyObject *
fast_range_iter(long start, long step, long len)
{
    rangeiterobject *it = PyObject_New(rangeiterobject, &PyRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

/* C long views of start, step and length when all of them (and the stop) fit. */
static int
range_as_longs(rangeobject *r, long *start, long *step, long *len)
{
    int overflow = 0;
    *start = PyLong_AsLongAndOverflow(r->start, &overflow);
    if (!overflow)
        (void)PyLong_AsLongAndOverflow(r->stop, &overflow);
    if (!overflow)
        *step = PyLong_AsLongAndOverflow(r->step, &overflow);
    if (!overflow)
        *len = PyLong_AsLongAndOverflow(r->length, &overflow);
    if (overflow || PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

static PyObject *
range_iter(PyObject *seq)
{
    rangeobject *r = (rangeobject *)seq;
    long lstart, lstep, ulen;
    if (range_as_longs(r, &lstart, &lstep, &ulen))
        return fast_range_iter(lstart, lstep, ulen);
    longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = Py_NewRef(r->start);
    it->step = Py_NewRef(r->step);
    it->len = Py_NewRef(r->length);
    return (PyObject *)it;
}

static PyObject *
range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored))
{
    rangeobject *range = (rangeobject *)seq;
    long lstart, lstep, ulen;
    if (range_as_longs(range, &lstart, &lstep, &ulen) && lstep != LONG_MIN) {
        /* last = start + (len - 1) * step must itself fit in a long */
        long long last;
        if (ulen == 0)
            return fast_range_iter(lstart, -lstep, 0);
#if defined(__GNUC__) || defined(__clang__)
        long long prod;
        if (!__builtin_mul_overflow((long long)(ulen - 1), (long long)lstep, &prod) &&
            !__builtin_add_overflow(prod, (long long)lstart, &last) && last >= LONG_MIN &&
            last <= LONG_MAX)
            return fast_range_iter((long)last, -lstep, ulen);
#else
        long double approx = (long double)(ulen - 1) * (long double)lstep + (long double)lstart;
        if (approx > (long double)LONG_MIN / 2 && approx < (long double)LONG_MAX / 2) {
            last = (long long)lstart + (long long)(ulen - 1) * (long long)lstep;
            return fast_range_iter((long)last, -lstep, ulen);
        }
#endif
    }
    longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = it->step = NULL;
    it->len = Py_NewRef(range->length);
    it->step = PyNumber_Negative(range->step);
    if (it->step == NULL)
        goto fail;
    PyObject *sum = PyNumber_Subtract(range->length, _PyLong_GetOne());
    if (sum == NULL)
        goto fail;
    PyObject *product = PyNumber_Multiply(sum, range->step);
    Py_DECREF(sum);
    if (product == NULL)
        goto fail;
    it->start = PyNumber_Add(range->start, product);
    Py_DECREF(product);
    if (it->start == NULL)
        goto fail;
    return (PyObject *)it;
fail:
    Py_DECREF(it);
    return NULL;
}

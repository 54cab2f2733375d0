/* slice objects and the index arithmetic every sequence type uses for a[i:j:k]. */
#include "Python.h"

/* 1 on success, 0 with an exception set. None leaves *pi unchanged; out-of-range ints
 * are clamped (a[:10**100] is fine). */
int
_PyEval_SliceIndex(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None)
        return 1;
    if (PyLong_CheckExact(v) && _PyLong_IsCompact((PyLongObject *)v)) {
        *pi = _PyLong_CompactValue((PyLongObject *)v);
        return 1;
    }
    if (PyIndex_Check(v)) {
        Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
        if (x == -1 && PyErr_Occurred())
            return 0;
        *pi = x;
        return 1;
    }
    PyErr_SetString(PyExc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
    return 0;
}

int
_KrEval_SliceIndexNotNone(PyObject *v, Py_ssize_t *pi)
{
    if (PyIndex_Check(v)) {
        Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
        if (x == -1 && PyErr_Occurred())
            return 0;
        *pi = x;
        return 1;
    }
    PyErr_SetString(PyExc_TypeError,
                    "slice indices must be integers or have an __index__ method");
    return 0;
}

PyObject *
_KrEval_GetBuiltin(const char *name)
{
    PyObject *builtins = PyEval_GetBuiltins();
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "builtins are not available");
        return NULL;
    }
    PyObject *attr;
    int r;
    if (PyDict_Check(builtins))
        r = PyDict_GetItemStringRef(builtins, name, &attr);
    else {
        attr = PyMapping_GetItemString(builtins, name);
        r = attr != NULL;
    }
    if (r == 0 && !PyErr_Occurred())
        PyErr_Format(PyExc_AttributeError, "module 'builtins' has no attribute '%s'", name);
    return r > 0 ? attr : NULL;
}

PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
    if (obj == NULL)
        return NULL;
    obj->start = Py_NewRef(start ? start : Py_None);
    obj->stop = Py_NewRef(stop ? stop : Py_None);
    obj->step = Py_NewRef(step ? step : Py_None);
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *
_PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop)
{
    PySliceObject *obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
    if (obj == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = Py_NewRef(Py_None);
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

int
PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None)
        *step = 1;
    else {
        if (!_PyEval_SliceIndex(r->step, step))
            return -1;
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* keeps -step representable */
        if (*step < -PY_SSIZE_T_MAX)
            *step = -PY_SSIZE_T_MAX;
    }
    if (r->start == Py_None)
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    else if (!_PyEval_SliceIndex(r->start, start))
        return -1;
    if (r->stop == Py_None)
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    else if (!_PyEval_SliceIndex(r->stop, stop))
        return -1;
    return 0;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = (step < 0) ? -1 : 0;
    }
    else if (*start >= length)
        *start = (step < 0) ? length - 1 : length;
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = (step < 0) ? -1 : 0;
    }
    else if (*stop >= length)
        *stop = (step < 0) ? length - 1 : length;
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    }
    else if (*start < *stop)
        return (*stop - *start - 1) / step + 1;
    return 0;
}

int
PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start,
                     Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(slice, start, stop, step) < 0)
        return -1;
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* slice.indices() arithmetic on arbitrary ints: new references in the out
 * parameters, 0 on success or -1. */
int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start_ptr,
                        PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL, *upper = NULL, *lower = NULL;
    int step_is_negative, cmp;
    if (self->step == Py_None) {
        step = Py_NewRef(_PyLong_GetOne());
        step_is_negative = 0;
    }
    else {
        step = PyNumber_Index(self->step);
        if (step == NULL)
            goto error;
        int sign = _PyLong_Sign(step);
        if (sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = sign < 0;
    }
    if (step_is_negative) {
        lower = PyLong_FromLong(-1L);
        if (lower == NULL)
            goto error;
        upper = PyNumber_Add(length, lower);
        if (upper == NULL)
            goto error;
    }
    else {
        lower = Py_NewRef(_PyLong_GetZero());
        upper = Py_NewRef(length);
    }
    if (self->start == Py_None)
        start = Py_NewRef(step_is_negative ? upper : lower);
    else {
        start = PyNumber_Index(self->start);
        if (start == NULL)
            goto error;
        if (_PyLong_Sign(start) < 0) {
            Py_SETREF(start, PyNumber_Add(start, length));
            if (start == NULL)
                goto error;
            cmp = PyObject_RichCompareBool(start, lower, Py_LT);
            if (cmp < 0)
                goto error;
            if (cmp)
                Py_SETREF(start, Py_NewRef(lower));
        }
        else {
            cmp = PyObject_RichCompareBool(start, upper, Py_GT);
            if (cmp < 0)
                goto error;
            if (cmp)
                Py_SETREF(start, Py_NewRef(upper));
        }
    }
    if (self->stop == Py_None)
        stop = Py_NewRef(step_is_negative ? lower : upper);
    else {
        stop = PyNumber_Index(self->stop);
        if (stop == NULL)
            goto error;
        if (_PyLong_Sign(stop) < 0) {
            Py_SETREF(stop, PyNumber_Add(stop, length));
            if (stop == NULL)
                goto error;
            cmp = PyObject_RichCompareBool(stop, lower, Py_LT);
            if (cmp < 0)
                goto error;
            if (cmp)
                Py_SETREF(stop, Py_NewRef(lower));
        }
        else {
            cmp = PyObject_RichCompareBool(stop, upper, Py_GT);
            if (cmp < 0)
                goto error;
            if (cmp)
                Py_SETREF(stop, Py_NewRef(upper));
        }
    }
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    Py_DECREF(upper);
    Py_DECREF(lower);
    return 0;
error:
    *start_ptr = *stop_ptr = *step_ptr = NULL;
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(upper);
    Py_XDECREF(lower);
    return -1;
}

static PyObject *
slice_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0 && !_PyArg_NoKeywords("slice", kw))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("slice", n, 1, 3))
        return NULL;
    if (n == 1)
        return PySlice_New(Py_None, PyTuple_GET_ITEM(args, 0), Py_None);
    return PySlice_New(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                       n == 3 ? PyTuple_GET_ITEM(args, 2) : Py_None);
}

static void
slice_dealloc(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    PyObject_GC_UnTrack(r);
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    PyObject_GC_Del(r);
}

static PyObject *
slice_repr(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyMemberDef slice_members[] = {
    {"start", _Py_T_OBJECT, offsetof(PySliceObject, start), Py_READONLY, NULL},
    {"stop", _Py_T_OBJECT, offsetof(PySliceObject, stop), Py_READONLY, NULL},
    {"step", _Py_T_OBJECT, offsetof(PySliceObject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
slice_indices(PyObject *self, PyObject *len)
{
    PyObject *length = PyNumber_Index(len);
    if (length == NULL)
        return NULL;
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    PyObject *start, *stop, *step;
    int error = _PySlice_GetLongIndices((PySliceObject *)self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (error == -1)
        return NULL;
    return Py_BuildValue("(NNN)", start, stop, step);
}

static PyObject *
slice_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySliceObject *r = (PySliceObject *)self;
    return Py_BuildValue("O(OOO)", Py_TYPE(self), r->start, r->stop, r->step);
}

static PyMethodDef slice_methods[] = {
    {"indices", (PyCFunction)slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, "
     "calculate the start and stop\nindices, and the stride length of the extended\nslice "
     "described by S. Out of bounds indices are clipped in\na manner consistent with the "
     "handling of normal slices."},
    {"__reduce__", (PyCFunction)slice_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static PyObject *
slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        switch (op) {
        case Py_EQ:
        case Py_LE:
        case Py_GE:
            Py_RETURN_TRUE;
        case Py_NE:
        case Py_LT:
        case Py_GT:
            Py_RETURN_FALSE;
        }
    }
    PySliceObject *a = (PySliceObject *)v, *b = (PySliceObject *)w;
    PyObject *t1 = PyTuple_Pack(3, a->start, a->stop, a->step);
    if (t1 == NULL)
        return NULL;
    PyObject *t2 = PyTuple_Pack(3, b->start, b->stop, b->step);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

static int
slice_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySliceObject *v = (PySliceObject *)self;
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

/* The tuple hash's lane mixing over (start, stop, step), without the length term. */
static Py_hash_t
slice_hash(PyObject *self)
{
    PySliceObject *v = (PySliceObject *)self;
    PyObject *items[3] = {v->start, v->stop, v->step};
    Py_uhash_t acc = (Py_uhash_t)2870177450012600261ULL;
    for (int i = 0; i < 3; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(items[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * (Py_uhash_t)14029467366897019727ULL;
        acc = (acc << 31) | (acc >> 33);
        acc *= (Py_uhash_t)11400714785074694791ULL;
    }
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is "
              "used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
};

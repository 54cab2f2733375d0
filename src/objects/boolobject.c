/* bool: the int subclass with exactly two immortal instances, False and True. */
#include "Python.h"

extern PyNumberMethods _KrLong_as_number;

struct _longobject _Py_FalseStruct = {
    {_Py_IMMORTAL_REFCNT, &PyBool_Type},
    {1 /* zero sign, no digits */, {0}},
};

struct _longobject _Py_TrueStruct = {
    {_Py_IMMORTAL_REFCNT, &PyBool_Type},
    {((uintptr_t)1 << _PyLong_NON_SIZE_BITS), {1}},
};

PyObject *PyBool_FromLong(long ok)
{
    return ok ? Py_True : Py_False;
}

static PyObject *bool_repr(PyObject *self)
{
    return PyUnicode_FromString(self == Py_True ? "True" : "False");
}

static PyObject *bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0)
        return Py_False;
    int ok = PyObject_IsTrue(PyTuple_GET_ITEM(args, 0));
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *bool_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0)
        return Py_False;
    int ok = PyObject_IsTrue(args[0]);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

/* &, | and ^ of two bools stay bools; with any other int they are int operations. */
static PyObject *bool_and(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _KrLong_as_number.nb_and(a, b);
    return PyBool_FromLong((a == Py_True) & (b == Py_True));
}

static PyObject *bool_or(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _KrLong_as_number.nb_or(a, b);
    return PyBool_FromLong((a == Py_True) | (b == Py_True));
}

static PyObject *bool_xor(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _KrLong_as_number.nb_xor(a, b);
    return PyBool_FromLong((a == Py_True) ^ (b == Py_True));
}

static PyObject *bool_invert(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "Bitwise inversion '~' on bool is deprecated and will be removed in "
                     "Python 3.16. This returns the bitwise inversion of the underlying int "
                     "object and is usually not what you expect from negating a bool. Use "
                     "the 'not' operator for boolean negation or ~int(x) if you really want "
                     "the bitwise inversion of the underlying int.",
                     1) < 0)
        return NULL;
    return _KrLong_as_number.nb_invert(v);
}

static void bool_dealloc(PyObject *self)
{
    /* True and False are immortal; reaching here means a refcount bug elsewhere */
    (void)self;
}

static PyNumberMethods bool_as_number = {
    .nb_invert = bool_invert,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bool(object=False, /)\n--\n\n"
              "True if the argument is true, else False; bool is a final subclass of int\n"
              "whose only instances are True and False.",
    .tp_base = &PyLong_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};

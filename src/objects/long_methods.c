/* int: construction (int(x), int(text, base)), methods, attributes and the type object. */
#include "Python.h"

#define L(o) ((PyLongObject *)(o))

extern PyNumberMethods _KrLong_as_number;
PyObject *_KrLong_RichCompare(PyObject *a, PyObject *b, int op);
void _KrLong_Dealloc(PyObject *self);

static PyObject *long_repr(PyObject *self)
{
    return _PyLong_ToDecimalString(self);
}

/* ---- construction ------------------------------------------------------------------ */

/* TypeError for an unknown keyword, with a "Did you mean" hint among the valid names. */
void _KrNumber_UnexpectedKeyword(const char *fname, PyObject *key, const char *const *valid)
{
    PyObject *suggestion = NULL;
    PyObject *list = PyList_New(0);
    if (list != NULL && PyUnicode_Check(key)) {
        int ok = 1;
        for (const char *const *v = valid; *v && ok; v++) {
            PyObject *s = PyUnicode_FromString(*v);
            ok = s != NULL && PyList_Append(list, s) == 0;
            Py_XDECREF(s);
        }
        if (ok)
            suggestion = _Py_CalculateSuggestions(list, key);
    }
    Py_XDECREF(list);
    PyErr_Clear();
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%s() got an unexpected keyword argument '%S'. Did you mean '%S'?", fname,
                     key, suggestion);
        Py_DECREF(suggestion);
    }
    else
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'", fname, key);
}

/* An instance of int subclass `type` equal to the int `value`. */
PyObject *_KrLong_SubtypeFrom(PyTypeObject *type, PyObject *value)
{
    PyLongObject *v = L(value);
    Py_ssize_t n = _PyLong_DigitCount(v);
    PyLongObject *obj = (PyLongObject *)type->tp_alloc(type, n ? n : 1);
    if (obj == NULL)
        return NULL;
    obj->long_value.lv_tag = v->long_value.lv_tag;
    memcpy(obj->long_value.ob_digit, v->long_value.ob_digit,
           (size_t)(n ? n : 1) * sizeof(digit));
    return (PyObject *)obj;
}

static PyObject *long_from_x_base(PyObject *x, PyObject *obase)
{
    if (x == NULL) {
        if (obase != NULL) {
            PyErr_SetString(PyExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return PyLong_FromLong(0);
    }
    if (obase == NULL)
        return PyNumber_Long(x);
    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (PyUnicode_Check(x) || PyBytes_Check(x) || PyByteArray_Check(x))
        return _PyLong_FromStrObject(x, (int)base);
    PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

static PyObject *long_new_impl(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    PyObject *v = long_from_x_base(x, obase);
    if (v == NULL || type == &PyLong_Type)
        return v;
    PyObject *r = _KrLong_SubtypeFrom(type, v);
    Py_DECREF(v);
    return r;
}

static PyObject *long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *x = nargs > 0 ? PyTuple_GET_ITEM(args, 0) : NULL;
    PyObject *base = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "base")) {
                if (base != NULL) {
                    PyErr_SetString(PyExc_TypeError,
                                    "argument for int() given by name ('base') and position (2)");
                    return NULL;
                }
                base = value;
            }
            else {
                static const char *const valid[] = {"base", NULL};
                _KrNumber_UnexpectedKeyword("int", key, valid);
                return NULL;
            }
        }
    }
    return long_new_impl(type, x, base);
}

static PyObject *long_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0)
        return _PyObject_MakeTpCall(type, args, nargs, kwnames);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    return long_new_impl((PyTypeObject *)type, nargs > 0 ? args[0] : NULL,
                         nargs > 1 ? args[1] : NULL);
}

/* ---- methods ------------------------------------------------------------------------ */

static PyObject *int_self(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyLong_CheckExact(self))
        return Py_NewRef(self);
    return _PyLong_Copy(L(self));
}

static PyObject *int_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = int_self(self, NULL);
    if (v == NULL)
        return NULL;
    PyObject *t = PyTuple_New(1);
    if (t == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, v);
    return t;
}

static PyObject *int_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLongLong(_PyLong_NumBits(self));
}

static PyObject *int_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyLongObject *v = L(self);
    long long count = 0;
    for (Py_ssize_t i = 0; i < _PyLong_DigitCount(v); i++) {
        digit d = v->long_value.ob_digit[i];
        while (d) {
            d &= d - 1;
            count++;
        }
    }
    return PyLong_FromLongLong(count);
}

static PyObject *int_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *n = int_self(self, NULL);
    if (n == NULL)
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, n);
    PyTuple_SET_ITEM(t, 1, PyLong_FromLong(1));
    return t;
}

static PyObject *int_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *int_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        return int_self(self, NULL);
    PyObject *nd = PyNumber_Index(args[0]);
    if (nd == NULL)
        return NULL;
    if (!_PyLong_IsNegative(L(nd))) {
        Py_DECREF(nd);
        return int_self(self, NULL);
    }
    /* round to a multiple of 10**-ndigits, ties to even */
    PyObject *neg = _PyLong_Negate(nd);
    Py_DECREF(nd);
    if (neg == NULL)
        return NULL;
    PyObject *ten = PyLong_FromLong(10);
    PyObject *p = _PyLong_Pow(ten, neg, NULL);
    Py_DECREF(ten);
    Py_DECREF(neg);
    if (p == NULL)
        return NULL;
    PyObject *qr = _PyLong_DivmodNear(self, p);
    Py_DECREF(p);
    if (qr == NULL)
        return NULL;
    PyObject *res = _PyLong_Subtract(L(self), L(PyTuple_GET_ITEM(qr, 1)));
    Py_DECREF(qr);
    return res;
}

static PyObject *int_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = _PyLong_DigitCount(L(self));
    Py_ssize_t res = Py_TYPE(self)->tp_basicsize + (Py_ssize_t)sizeof(digit) * (n ? n : 1);
    return PyLong_FromSsize_t(res);
}

static PyObject *int_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %T", spec);
        return NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyLong_FormatAdvancedWriter(&writer, self, spec, 0, PyUnicode_GET_LENGTH(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

/* byteorder argument: 1 little, 0 big, -1 error */
static int parse_byteorder(PyObject *o)
{
    if (o == NULL)
        return 0;
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (_PyUnicode_EqualToASCIIString(o, "little"))
        return 1;
    if (_PyUnicode_EqualToASCIIString(o, "big"))
        return 0;
    PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static PyObject *int_to_bytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "to_bytes", kwlist, 0, 2, 0, a) < 0)
        return NULL;
    Py_ssize_t length = 1;
    if (a[0] != NULL) {
        length = PyNumber_AsSsize_t(a[0], PyExc_OverflowError);
        if (length == -1 && PyErr_Occurred())
            return NULL;
        if (length < 0) {
            PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder(a[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (a[2] != NULL) {
        is_signed = PyObject_IsTrue(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL)
        return NULL;
    if (_PyLong_AsByteArray(L(self), (unsigned char *)PyBytes_AS_STRING(bytes), (size_t)length,
                            little, is_signed, 1) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *int_from_bytes(PyObject *type, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "from_bytes", kwlist, 1, 2, 0, a) < 0)
        return NULL;
    int little = parse_byteorder(a[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (a[2] != NULL) {
        is_signed = PyObject_IsTrue(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    PyObject *bytes = PyObject_Bytes(a[0]);
    if (bytes == NULL)
        return NULL;
    PyObject *v = _PyLong_FromByteArray((const unsigned char *)PyBytes_AS_STRING(bytes),
                                        (size_t)PyBytes_GET_SIZE(bytes), little, is_signed);
    Py_DECREF(bytes);
    if (v != NULL && type != (PyObject *)&PyLong_Type)
        Py_SETREF(v, PyObject_CallOneArg(type, v));
    return v;
}

static PyObject *int_get_self(PyObject *self, void *Py_UNUSED(c)) { return int_self(self, NULL); }
static PyObject *int_get_zero(PyObject *self, void *Py_UNUSED(c)) { return PyLong_FromLong(0); }
static PyObject *int_get_one(PyObject *self, void *Py_UNUSED(c)) { return PyLong_FromLong(1); }

static PyMethodDef long_methods[] = {
    {"conjugate", int_self, METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, METH_NOARGS,
     "bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, METH_NOARGS,
     "bit_count($self, /)\n--\n\nNumber of ones in the binary representation of abs(self)."},
    {"to_bytes", _PyCFunction_CAST(int_to_bytes), METH_FASTCALL | METH_KEYWORDS,
     "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\n"
     "Return an array of bytes representing an integer."},
    {"from_bytes", _PyCFunction_CAST(int_from_bytes), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\n"
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS,
     "as_integer_ratio($self, /)\n--\n\nReturn a pair of integers, whose ratio is equal to "
     "the original int."},
    {"is_integer", int_is_integer, METH_NOARGS,
     "is_integer($self, /)\n--\n\nReturns True. Exists for duck type compatibility with "
     "float.is_integer."},
    {"__trunc__", int_self, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_self, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", _PyCFunction_CAST(int_round), METH_FASTCALL,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also "
     "returns an integer."},
    {"__getnewargs__", int_getnewargs, METH_NOARGS, NULL},
    {"__format__", int_format, METH_O, "__format__($self, format_spec, /)\n--\n\n"
     "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef long_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms",
     NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = _KrLong_Dealloc,
    .tp_repr = long_repr,
    .tp_as_number = &_KrLong_as_number,
    .tp_hash = _KrLong_Hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.",
    .tp_richcompare = _KrLong_RichCompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = long_vectorcall,
};

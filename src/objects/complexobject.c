/* complex: pairs of doubles with the arithmetic of C99 Annex G's simpler cousin used by
 * CPython (Smith's division, integer powers by repeated squaring, polar powers). */
#include "Python.h"
#include <math.h>
#include <float.h>


#define C(o) (((PyComplexObject *)(o))->cval)

/* ---- C-level arithmetic ---------------------------------------------------------------- */

static Py_complex c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

static Py_complex c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

static Py_complex c_prod(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
    return r;
}

/* Smith's algorithm: divide through by the larger component of b to avoid overflow. */
static Py_complex c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        r.real = r.imag = NAN; /* at least one NaN component */
    }
    return r;
}

static Py_complex c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r.real = r.imag = 0.0;
    }
    else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Py_complex c_powu(Py_complex x, long n)
{
    Py_complex r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Py_complex c_powi(Py_complex x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    Py_complex one = {1.0, 0.0};
    return c_quot(one, c_powu(x, -n));
}

/* ---- objects ---------------------------------------------------------------------------- */

static PyObject *complex_subtype_from_c(PyTypeObject *type, Py_complex c)
{
    PyObject *op = type->tp_alloc(type, 0);
    if (op != NULL)
        C(op) = c;
    return op;
}

PyObject *PyComplex_FromCComplex(Py_complex c)
{
    PyComplexObject *op = PyObject_Malloc(sizeof(PyComplexObject));
    if (op == NULL)
        return PyErr_NoMemory();
    op->ob_base.ob_refcnt = 1;
    op->ob_base.ob_type = &PyComplex_Type;
    op->cval = c;
    return (PyObject *)op;
}

PyObject *PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return PyComplex_FromCComplex(c);
}

static void complex_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

/* Complex value of obj via __complex__, if it has one: 1 found, 0 not, -1 error. */
static int try_complex_special(PyObject *obj, Py_complex *out)
{
    PyObject *f = _PyObject_LookupSpecial(obj, _Py_ID(__complex__));
    if (f == NULL)
        return PyErr_Occurred() ? -1 : 0;
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res == NULL)
        return -1;
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    if (!PyComplex_CheckExact(res) &&
        PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__complex__ returned non-complex (type %.200s).  The ability to "
                         "return an instance of a strict subclass of complex is deprecated, "
                         "and may be removed in a future version of Python.",
                         Py_TYPE(res)->tp_name)) {
        Py_DECREF(res);
        return -1;
    }
    *out = C(res);
    Py_DECREF(res);
    return 1;
}

Py_complex PyComplex_AsCComplex(PyObject *op)
{
    Py_complex c = {-1.0, 0.0};
    if (PyComplex_Check(op))
        return C(op);
    int r = try_complex_special(op, &c);
    if (r < 0) {
        c.real = -1.0;
        return c;
    }
    if (r > 0)
        return c;
    c.real = PyFloat_AsDouble(op);
    c.imag = 0.0;
    return c;
}

double PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return C(op).real;
    return PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return C(op).imag;
    return 0.0;
}

/* ---- repr and hash --------------------------------------------------------------------- */

static PyObject *complex_repr(PyObject *v)
{
    Py_complex c = C(v);
    char *re = NULL, *im = NULL;
    PyObject *res = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        /* a pure imaginary number prints without the real part or parentheses */
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im == NULL)
            return NULL;
        res = PyUnicode_FromFormat("%sj", im);
    }
    else {
        re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
        im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
        if (re != NULL && im != NULL)
            res = PyUnicode_FromFormat("(%s%sj)", re, im);
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return res;
}

static Py_hash_t complex_hash(PyObject *v)
{
    Py_complex c = C(v);
    Py_uhash_t hr = (Py_uhash_t)_Py_HashDouble(v, c.real);
    if (hr == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t hi = (Py_uhash_t)_Py_HashDouble(v, c.imag);
    if (hi == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t combined = hr + _PyHASH_IMAG * hi;
    if (combined == (Py_uhash_t)-1)
        combined = (Py_uhash_t)-2;
    return (Py_hash_t)combined;
}

/* ---- number protocol --------------------------------------------------------------------- */

/* 1 converted, 0 NotImplemented, -1 error */
static int to_complex(PyObject *obj, Py_complex *out)
{
    if (PyComplex_Check(obj)) {
        *out = C(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        out->real = PyLong_AsDouble(obj);
        if (out->real == -1.0 && PyErr_Occurred())
            return -1;
        out->imag = 0.0;
        return 1;
    }
    if (PyFloat_Check(obj)) {
        out->real = PyFloat_AS_DOUBLE(obj);
        out->imag = 0.0;
        return 1;
    }
    return 0;
}

#define TO_COMPLEX(obj, c)                      \
    do {                                        \
        int _r = to_complex((obj), &(c));       \
        if (_r <= 0) {                          \
            if (_r < 0)                         \
                return NULL;                    \
            Py_RETURN_NOTIMPLEMENTED;           \
        }                                       \
    } while (0)

static PyObject *complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(c_sum(a, b));
}

static PyObject *complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(c_diff(a, b));
}

static PyObject *complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(c_prod(a, b));
}

static PyObject *complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    Py_complex q = c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(q);
}

static PyObject *complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    if (z != Py_None && z != NULL) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    Py_complex a, b, p;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real);
    else
        p = c_pow(a, b);
    /* overflow to infinity is an error; underflow toward zero is not */
    if (errno == 0 && (isinf(p.real) || isinf(p.imag)))
        errno = ERANGE;
    else if (errno == ERANGE && fabs(p.real) < 1.0 && fabs(p.imag) < 1.0)
        errno = 0;
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(p);
}

static PyObject *complex_neg(PyObject *v)
{
    return PyComplex_FromDoubles(-C(v).real, -C(v).imag);
}

static PyObject *complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v))
        return Py_NewRef(v);
    return PyComplex_FromCComplex(C(v));
}

static PyObject *complex_abs(PyObject *v)
{
    Py_complex c = C(v);
    double r = hypot(c.real, c.imag);
    if (isinf(r) && isfinite(c.real) && isfinite(c.imag)) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static int complex_bool(PyObject *v)
{
    return C(v).real != 0.0 || C(v).imag != 0.0;
}

static PyObject *complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    Py_complex a = C(v);
    int equal;
    if (PyLong_Check(w)) {
        if (a.imag != 0.0)
            equal = 0;
        else {
            /* compare exactly, as float == int does */
            PyObject *f = PyFloat_FromDouble(a.real);
            if (f == NULL)
                return NULL;
            PyObject *r = PyObject_RichCompare(f, w, op);
            Py_DECREF(f);
            return r;
        }
    }
    else if (PyFloat_Check(w))
        equal = a.real == PyFloat_AS_DOUBLE(w) && a.imag == 0.0;
    else if (PyComplex_Check(w))
        equal = a.real == C(w).real && a.imag == C(w).imag;
    else
        Py_RETURN_NOTIMPLEMENTED;
    if (equal == (op == Py_EQ))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

/* ---- construction ----------------------------------------------------------------------- */

static int is_space_c(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Parse one float literal (underscores between digits allowed) at *pp. */
static int parse_real(const char **pp, double *out)
{
    const char *p = *pp;
    char buf[512];
    size_t n = 0;
    /* copy the candidate literal without underscores */
    const char *q = p;
    while (*q && n < sizeof buf - 1) {
        if (*q == '_') {
            if (q == p || !(q[-1] >= '0' && q[-1] <= '9') || !(q[1] >= '0' && q[1] <= '9'))
                break;
            q++;
            continue;
        }
        buf[n++] = *q++;
    }
    buf[n] = '\0';
    int special;
    Py_ssize_t len = _Kr_FloatLiteralLength(buf, &special);
    if (len == 0)
        return 0;
    char save = buf[len];
    buf[len] = '\0';
    *out = PyOS_string_to_double(buf, NULL, NULL);
    buf[len] = save;
    /* advance *pp over len non-underscore characters */
    Py_ssize_t seen = 0;
    while (seen < len) {
        if (*p != '_')
            seen++;
        p++;
    }
    *pp = p;
    return 1;
}

static PyObject *complex_from_text(PyTypeObject *type, const char *s)
{
    const char *p = s;
    double x = 0.0, y = 0.0, z;
    int got_bracket = 0;
    while (is_space_c((unsigned char)*p))
        p++;
    if (*p == '(') {
        got_bracket = 1;
        p++;
        while (is_space_c((unsigned char)*p))
            p++;
    }
    if (parse_real(&p, &z)) {
        if (*p == '+' || *p == '-') {
            /* <float><signed-float>j or <float><sign>j */
            x = z;
            const char *start = p;
            if (parse_real(&p, &z))
                y = z;
            else {
                y = *start == '+' ? 1.0 : -1.0;
                p = start + 1;
            }
            if (!(*p == 'j' || *p == 'J'))
                goto error;
            p++;
        }
        else if (*p == 'j' || *p == 'J') {
            p++;
            y = z;
        }
        else
            x = z;
    }
    else {
        /* "j", "+j", "-j" */
        if (*p == '+' || *p == '-') {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        }
        else
            y = 1.0;
        if (!(*p == 'j' || *p == 'J'))
            goto error;
        p++;
    }
    while (is_space_c((unsigned char)*p))
        p++;
    if (got_bracket) {
        if (*p != ')')
            goto error;
        p++;
        while (is_space_c((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        goto error;
    Py_complex c = {x, y};
    return complex_subtype_from_c(type, c);
error:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static PyObject *complex_from_string(PyTypeObject *type, PyObject *v)
{
    Py_ssize_t len;
    char *text;
    if (PyUnicode_Check(v)) {
        text = _KrUnicode_ToASCIINumeric(v, &len);
        if (text == NULL)
            return NULL;
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "complex() argument must be a string or a number, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    if ((Py_ssize_t)strlen(text) != len) {
        PyMem_Free(text);
        PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
        return NULL;
    }
    /* an underscore must sit between two digits */
    for (Py_ssize_t k = 0; k < len; k++) {
        if (text[k] == '_' && (k == 0 || k + 1 == len || !(text[k - 1] >= '0' && text[k - 1] <= '9') ||
                               !(text[k + 1] >= '0' && text[k + 1] <= '9'))) {
            PyMem_Free(text);
            PyErr_Format(PyExc_ValueError, "could not convert string to complex: %R", v);
            return NULL;
        }
    }
    PyObject *r = complex_from_text(type, text);
    PyMem_Free(text);
    return r;
}

static int is_number_like(PyObject *o)
{
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    return PyComplex_Check(o) || (nb != NULL && (nb->nb_float || nb->nb_index));
}

static PyObject *complex_new_impl(PyTypeObject *type, PyObject *r, PyObject *i)
{
    if (r == NULL)
        r = _PyLong_GetZero();
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    if (PyComplex_CheckExact(r) && i == NULL && type == &PyComplex_Type)
        return Py_NewRef(r);
    Py_complex cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int cr_is_complex = 0, ci_is_complex = 0;
    int got = try_complex_special(r, &cr);
    if (got < 0)
        return NULL;
    if (got)
        cr_is_complex = 1;
    else {
        if (!is_number_like(r)) {
            PyErr_Format(PyExc_TypeError,
                         "complex() first argument must be a string or a number, not '%.200s'",
                         Py_TYPE(r)->tp_name);
            return NULL;
        }
        if (PyComplex_Check(r)) {
            cr = C(r);
            cr_is_complex = 1;
        }
        else {
            cr.real = PyFloat_AsDouble(r);
            if (cr.real == -1.0 && PyErr_Occurred())
                return NULL;
        }
    }
    if (i != NULL) {
        if (!is_number_like(i)) {
            PyErr_Format(PyExc_TypeError,
                         "complex() second argument must be a number, not '%.200s'",
                         Py_TYPE(i)->tp_name);
            return NULL;
        }
        if (PyComplex_Check(i)) {
            ci = C(i);
            ci_is_complex = 1;
        }
        else {
            ci.real = PyFloat_AsDouble(i);
            if (ci.real == -1.0 && PyErr_Occurred())
                return NULL;
        }
    }
    /* real + imag*1j, with each part possibly complex itself */
    Py_complex c;
    c.real = cr.real;
    c.imag = ci.real;
    if (ci_is_complex)
        c.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        c.imag += cr.imag;
    else if (cr_is_complex)
        c.imag = cr.imag;
    return complex_subtype_from_c(type, c);
}

static PyObject *complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *r = nargs > 0 ? PyTuple_GET_ITEM(args, 0) : NULL;
    PyObject *i = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    Py_ssize_t nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "complex() takes at most 2 arguments (%zd given)",
                     nargs + nkw);
        return NULL;
    }
    if (nkw) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            int which = -1;
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "real"))
                which = 0;
            else if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "imag"))
                which = 1;
            if (which < 0) {
                static const char *const valid[] = {"real", "imag", NULL};
                _KrNumber_UnexpectedKeyword("complex", key, valid);
                return NULL;
            }
            if (which < nargs) {
                PyErr_Format(PyExc_TypeError,
                             "argument for complex() given by name ('%s') and position (%d)",
                             which ? "imag" : "real", which + 1);
                return NULL;
            }
            if (which == 0)
                r = value;
            else
                i = value;
        }
    }
    return complex_new_impl(type, r, i);
}

/* ---- methods --------------------------------------------------------------------------- */

static PyObject *complex_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyComplex_FromDoubles(C(self).real, -C(self).imag);
}

static PyObject *complex_complex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyComplex_CheckExact(self))
        return Py_NewRef(self);
    return PyComplex_FromCComplex(C(self));
}

static PyObject *complex_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(dd)", C(self).real, C(self).imag);
}

static PyObject *complex_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %T", spec);
        return NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyComplex_FormatAdvancedWriter(&writer, self, spec, 0,
                                        PyUnicode_GET_LENGTH(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS,
     "conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j)."
     "conjugate() == 3+4j."},
    {"__complex__", complex_complex, METH_NOARGS,
     "__complex__($self, /)\n--\n\nConvert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", complex_format, METH_O,
     "__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef complex_members[] = {
    {"real", Py_T_DOUBLE, offsetof(PyComplexObject, cval.real), Py_READONLY,
     "the real part of a complex number"},
    {"imag", Py_T_DOUBLE, offsetof(PyComplexObject, cval.imag), Py_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "complex(real=0, imag=0)\n--\n\n"
              "A complex number built from a string, or from real + imag*1j.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_new,
    .tp_free = PyObject_Free,
};

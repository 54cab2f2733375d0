/* The _codecs module: the codec registry and the built-in codecs' encode/decode functions
 * in the (result, length consumed) form that codecs.py builds CodecInfo objects from. */
#include "Python.h"
#include "../objects/unicode_internal.h"

PyObject *_KrCodecs_BuiltinDecode(const char *encoding, const char *s, Py_ssize_t size,
                                  const char *errors, int final);

static int opt_str(PyObject *o, const char *fname, const char *argname, const char **out)
{
    *out = NULL;
    if (o == NULL || o == Py_None)
        return 0;
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str or None, not %.50s", fname,
                     argname, Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8(o);
    return *out ? 0 : -1;
}

static PyObject *codecs_register(PyObject *m, PyObject *f)
{
    if (PyCodec_Register(f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_unregister(PyObject *m, PyObject *f)
{
    if (PyCodec_Unregister(f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_lookup(PyObject *m, PyObject *enc)
{
    if (!PyUnicode_Check(enc)) {
        PyErr_Format(PyExc_TypeError, "lookup() argument must be str, not %.50s",
                     Py_TYPE(enc)->tp_name);
        return NULL;
    }
    const char *e = PyUnicode_AsUTF8(enc);
    return e ? PyCodec_Lookup(e) : NULL;
}

static PyObject *codecs_encode_decode(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                      const char *fname, int enc)
{
    static const char *const kw[] = {"obj", "encoding", "errors", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, fname, kw, 1, 3, 0, a) < 0)
        return NULL;
    const char *encoding, *errors;
    if (opt_str(a[1], fname, "encoding", &encoding) < 0 || opt_str(a[2], fname, "errors", &errors) < 0)
        return NULL;
    if (encoding == NULL)
        encoding = "utf-8";
    return enc ? PyCodec_Encode(a[0], encoding, errors) : PyCodec_Decode(a[0], encoding, errors);
}

static PyObject *codecs_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kw)
{
    return codecs_encode_decode(args, nargs, kw, "encode", 1);
}

static PyObject *codecs_decode(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kw)
{
    return codecs_encode_decode(args, nargs, kw, "decode", 0);
}

static PyObject *codecs_register_error(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("register_error", nargs, 2, 2))
        return NULL;
    const char *name;
    if (opt_str(args[0], "register_error", "errors", &name) < 0 || name == NULL)
        return NULL;
    if (PyCodec_RegisterError(name, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_lookup_error(PyObject *m, PyObject *name)
{
    const char *n;
    if (opt_str(name, "lookup_error", "name", &n) < 0 || n == NULL)
        return NULL;
    return PyCodec_LookupError(n);
}

/* name_encode(str, errors=None) -> (bytes, len(str)) */
static PyObject *encode_with(const char *encoding, PyObject *const *args, Py_ssize_t nargs,
                             const char *fname)
{
    if (!_PyArg_CheckPositional(fname, nargs, 1, 3))
        return NULL;
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be str, not %.50s", fname,
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    const char *errors;
    if (opt_str(nargs > 1 ? args[1] : NULL, fname, "errors", &errors) < 0)
        return NULL;
    const char *enc = encoding;
    if (nargs > 2 && strncmp(encoding, "utf-", 4) == 0) {
        long bo = PyLong_AsLong(args[2]);
        if (bo == -1 && PyErr_Occurred())
            return NULL;
        int is16 = encoding[4] == '1';
        if (bo < 0)
            enc = is16 ? "utf-16-le" : "utf-32-le";
        else if (bo > 0)
            enc = is16 ? "utf-16-be" : "utf-32-be";
    }
    PyObject *b = PyUnicode_AsEncodedString(args[0], enc, errors);
    if (b == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", b, PyUnicode_GET_LENGTH(args[0]));
}

/* name_decode(data, errors=None, final=False) -> (str, bytes consumed) */
static PyObject *decode_with(const char *encoding, PyObject *const *args, Py_ssize_t nargs,
                             const char *fname)
{
    if (!_PyArg_CheckPositional(fname, nargs, 1, 3))
        return NULL;
    const char *errors;
    if (opt_str(nargs > 1 ? args[1] : NULL, fname, "errors", &errors) < 0)
        return NULL;
    int final = 0;
    if (nargs > 2) {
        final = PyObject_IsTrue(args[2]);
        if (final < 0)
            return NULL;
    }
    if (strcmp(encoding, "latin-1") == 0 || strcmp(encoding, "ascii") == 0 ||
        strcmp(encoding, "raw_unicode_escape") == 0 || strcmp(encoding, "cp1252") == 0)
        final = 1;
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        if (PyUnicode_Check(args[0]) && (strcmp(encoding, "unicode_escape") == 0 ||
                                         strcmp(encoding, "raw_unicode_escape") == 0)) {
            PyErr_Clear();
            PyObject *b = PyUnicode_AsUTF8String(args[0]);
            if (b == NULL)
                return NULL;
            PyObject *r = _KrCodecs_BuiltinDecode(encoding, PyBytes_AS_STRING(b),
                                                  PyBytes_GET_SIZE(b), errors, final);
            Py_DECREF(b);
            return r;
        }
        return NULL;
    }
    PyObject *r = _KrCodecs_BuiltinDecode(encoding, view.buf, view.len, errors, final);
    PyBuffer_Release(&view);
    return r;
}

#define CODEC_PAIR(pyname, encname)                                                       \
    static PyObject *pyname##_encode(PyObject *m, PyObject *const *a, Py_ssize_t n)         \
    {                                                                                       \
        return encode_with(encname, a, n, #pyname "_encode");                               \
    }                                                                                       \
    static PyObject *pyname##_decode(PyObject *m, PyObject *const *a, Py_ssize_t n)         \
    {                                                                                       \
        return decode_with(encname, a, n, #pyname "_decode");                               \
    }
CODEC_PAIR(utf_8, "utf-8")
CODEC_PAIR(utf_16, "utf-16")
CODEC_PAIR(utf_16_le, "utf-16-le")
CODEC_PAIR(utf_16_be, "utf-16-be")
CODEC_PAIR(utf_32, "utf-32")
CODEC_PAIR(utf_32_le, "utf-32-le")
CODEC_PAIR(utf_32_be, "utf-32-be")
CODEC_PAIR(latin_1, "latin-1")
CODEC_PAIR(ascii, "ascii")
CODEC_PAIR(unicode_escape, "unicode_escape")
CODEC_PAIR(raw_unicode_escape, "raw_unicode_escape")

const char *_KrCharmap_CodecName(const char *encoding);

/* codecs.lookup() names a built-in charmap codec by this; None for other encodings */
static PyObject *charmap_name(PyObject *m, PyObject *enc)
{
    const char *e;
    if (opt_str(enc, "_charmap_name", "encoding", &e) < 0)
        return NULL;
    const char *name = e ? _KrCharmap_CodecName(e) : NULL;
    if (name == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(name);
}

static PyObject *escape_decode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("escape_decode", nargs, 1, 2))
        return NULL;
    const char *errors;
    if (opt_str(nargs > 1 ? args[1] : NULL, "escape_decode", "errors", &errors) < 0)
        return NULL;
    Py_buffer view;
    PyObject *tmp = NULL;
    if (PyUnicode_Check(args[0])) {
        tmp = PyUnicode_AsUTF8String(args[0]);
        if (tmp == NULL)
            return NULL;
    }
    if (PyObject_GetBuffer(tmp ? tmp : args[0], &view, PyBUF_SIMPLE) < 0) {
        Py_XDECREF(tmp);
        return NULL;
    }
    PyObject *r = _PyBytes_DecodeEscape(view.buf, view.len, errors, NULL);
    Py_ssize_t len = view.len;
    PyBuffer_Release(&view);
    Py_XDECREF(tmp);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, len);
}

static PyObject *escape_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("escape_encode", nargs, 1, 2))
        return NULL;
    if (!PyBytes_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "escape_encode() argument 1 must be bytes, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *rep = PyBytes_Repr(args[0], 0);
    if (rep == NULL)
        return NULL;
    /* strip the b'' wrapper of the repr */
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(rep, &n);
    PyObject *r = s ? PyBytes_FromStringAndSize(s + 2, n - 3) : NULL;
    Py_DECREF(rep);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, PyBytes_GET_SIZE(args[0]));
}

#define FAST(name) {#name, _PyCFunction_CAST(name), METH_FASTCALL, NULL}
#define PAIR(name) FAST(name##_encode), FAST(name##_decode)

static PyMethodDef codecs_methods[] = {
    {"register", codecs_register, METH_O, NULL},
    {"unregister", codecs_unregister, METH_O, NULL},
    {"lookup", codecs_lookup, METH_O, NULL},
    {"encode", _PyCFunction_CAST(codecs_encode), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"decode", _PyCFunction_CAST(codecs_decode), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"register_error", _PyCFunction_CAST(codecs_register_error), METH_FASTCALL, NULL},
    {"lookup_error", codecs_lookup_error, METH_O, NULL},
    {"_charmap_name", charmap_name, METH_O, NULL},
    PAIR(utf_8), PAIR(utf_16), PAIR(utf_16_le), PAIR(utf_16_be), PAIR(utf_32),
    PAIR(utf_32_le), PAIR(utf_32_be), PAIR(latin_1), PAIR(ascii), PAIR(unicode_escape),
    PAIR(raw_unicode_escape), FAST(escape_decode), FAST(escape_encode),
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef codecs_module = {
    PyModuleDef_HEAD_INIT, "_codecs", NULL, -1, codecs_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__codecs(void) { return PyModule_Create(&codecs_module); }

/* The codec registry: search functions, the lookup cache and the error handler registry,
 * all per interpreter. Built-in encodings are served directly by unicode_codecs.c; the
 * registry is consulted for every other name. */
#include "Python.h"
#include "../objects/unicode_internal.h"

int _KrUnicode_IsBuiltinEncoding(const char *encoding);

static PyMethodDef kr_error_handler_defs[];

static int codecs_ready(PyInterpreterState *interp)
{
    if (interp->codec_search_path != NULL)
        return 0;
    PyObject *path = PyList_New(0), *cache = PyDict_New(), *errs = PyDict_New();
    if (path == NULL || cache == NULL || errs == NULL)
        goto fail;
    for (PyMethodDef *m = kr_error_handler_defs; m->ml_name; m++) {
        PyObject *f = PyCFunction_NewEx(m, NULL, NULL);
        if (f == NULL)
            goto fail;
        /* registry key is the name without the "_errors" suffix */
        char name[64];
        size_t n = strlen(m->ml_name) - strlen("_errors");
        memcpy(name, m->ml_name, n);
        name[n] = '\0';
        int r = PyDict_SetItemString(errs, name, f);
        Py_DECREF(f);
        if (r < 0)
            goto fail;
    }
    interp->codec_search_path = path;
    interp->codec_search_cache = cache;
    interp->codec_error_registry = errs;
    return 0;
fail:
    Py_XDECREF(path);
    Py_XDECREF(cache);
    Py_XDECREF(errs);
    return -1;
}

int PyCodec_Register(PyObject *search_function)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (codecs_ready(interp) < 0)
        return -1;
    if (!PyCallable_Check(search_function)) {
        PyErr_SetString(PyExc_TypeError, "argument must be callable");
        return -1;
    }
    return PyList_Append(interp->codec_search_path, search_function);
}

int PyCodec_Unregister(PyObject *search_function)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (codecs_ready(interp) < 0)
        return -1;
    PyObject *path = interp->codec_search_path;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(path); i++) {
        if (PyList_GET_ITEM(path, i) == search_function) {
            PyDict_Clear(interp->codec_search_cache);
            return PyList_SetSlice(path, i, i + 1, NULL);
        }
    }
    return 0;
}

static PyObject *normalize_name(const char *encoding)
{
    size_t n = strlen(encoding);
    char *buf = PyMem_Malloc(n + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    for (size_t i = 0; i <= n; i++) {
        char c = encoding[i];
        if (c == ' ')
            c = '_';
        else if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        buf[i] = c;
    }
    PyObject *r = PyUnicode_FromString(buf);
    PyMem_Free(buf);
    return r;
}

PyObject *PyCodec_Lookup(const char *encoding)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (codecs_ready(interp) < 0)
        return NULL;
    PyObject *name = normalize_name(encoding);
    if (name == NULL)
        return NULL;
    PyUnicode_InternInPlace(&name);
    PyObject *hit = PyDict_GetItemWithError(interp->codec_search_cache, name);
    if (hit != NULL) {
        Py_DECREF(name);
        return Py_NewRef(hit);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *path = interp->codec_search_path;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(path); i++) {
        PyObject *res = PyObject_CallOneArg(PyList_GET_ITEM(path, i), name);
        if (res == NULL) {
            Py_DECREF(name);
            return NULL;
        }
        if (res == Py_None) {
            Py_DECREF(res);
            continue;
        }
        if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 4) {
            PyErr_SetString(PyExc_TypeError, "codec search functions must return 4-tuples");
            Py_DECREF(res);
            Py_DECREF(name);
            return NULL;
        }
        if (PyDict_SetItem(interp->codec_search_cache, name, res) < 0) {
            Py_DECREF(res);
            Py_DECREF(name);
            return NULL;
        }
        Py_DECREF(name);
        return res;
    }
    Py_DECREF(name);
    PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
    return NULL;
}

static PyObject *codec_call(PyObject *object, const char *encoding, const char *errors, int idx)
{
    PyObject *info = PyCodec_Lookup(encoding);
    if (info == NULL)
        return NULL;
    PyObject *func = PyTuple_GET_ITEM(info, idx);
    PyObject *res = errors ? PyObject_CallFunction(func, "Os", object, errors)
                           : PyObject_CallOneArg(func, object);
    Py_DECREF(info);
    if (res == NULL)
        return NULL;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2) {
        PyErr_SetString(PyExc_TypeError, idx == 0 ? "encoder must return a tuple (object, integer)"
                                                  : "decoder must return a tuple (object,integer)");
        Py_DECREF(res);
        return NULL;
    }
    PyObject *v = Py_NewRef(PyTuple_GET_ITEM(res, 0));
    Py_DECREF(res);
    return v;
}

PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)
{
    if (PyUnicode_Check(object) && _KrUnicode_IsBuiltinEncoding(encoding))
        return PyUnicode_AsEncodedString(object, encoding, errors);
    return codec_call(object, encoding, errors, 0);
}

PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)
{
    if (_KrUnicode_IsBuiltinEncoding(encoding) && PyObject_CheckBuffer(object))
        return PyUnicode_FromEncodedObject(object, encoding, errors);
    return codec_call(object, encoding, errors, 1);
}

int PyCodec_RegisterError(const char *name, PyObject *error)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (codecs_ready(interp) < 0)
        return -1;
    if (!PyCallable_Check(error)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    return PyDict_SetItemString(interp->codec_error_registry, name, error);
}

PyObject *PyCodec_LookupError(const char *name)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (codecs_ready(interp) < 0)
        return NULL;
    if (name == NULL)
        name = "strict";
    PyObject *h = PyDict_GetItemString(interp->codec_error_registry, name);
    if (h == NULL) {
        PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'", name);
        return NULL;
    }
    return Py_NewRef(h);
}

/* ---- the standard error handlers as callables ---------------------------------------- */

static int exc_range(PyObject *exc, Py_ssize_t *start, Py_ssize_t *end, PyObject **obj)
{
    PyObject *s = PyObject_GetAttrString(exc, "start");
    PyObject *e = s ? PyObject_GetAttrString(exc, "end") : NULL;
    PyObject *o = e ? PyObject_GetAttrString(exc, "object") : NULL;
    if (o == NULL) {
        Py_XDECREF(s);
        Py_XDECREF(e);
        return -1;
    }
    *start = PyLong_AsSsize_t(s);
    *end = PyLong_AsSsize_t(e);
    Py_DECREF(s);
    Py_DECREF(e);
    if (PyErr_Occurred()) {
        Py_DECREF(o);
        return -1;
    }
    Py_ssize_t len = PyUnicode_Check(o) ? PyUnicode_GET_LENGTH(o) : PyObject_Size(o);
    if (*start < 0)
        *start = 0;
    if (*start > len)
        *start = len;
    if (*end > len)
        *end = len;
    if (*end < *start)
        *end = *start;
    *obj = o;
    return 0;
}

static PyObject *wrong_exception(PyObject *exc)
{
    PyErr_Format(PyExc_TypeError, "don't know how to handle %.200s in error callback",
                 Py_TYPE(exc)->tp_name);
    return NULL;
}

static int is_enc(PyObject *exc) { return PyObject_IsInstance(exc, PyExc_UnicodeEncodeError) == 1; }
static int is_dec(PyObject *exc) { return PyObject_IsInstance(exc, PyExc_UnicodeDecodeError) == 1; }
static int is_tr(PyObject *exc) { return PyObject_IsInstance(exc, PyExc_UnicodeTranslateError) == 1; }

static PyObject *strict_errors(PyObject *self, PyObject *exc)
{
    if (PyExceptionInstance_Check(exc))
        PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
    else
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    return NULL;
}

static PyObject *ignore_errors(PyObject *self, PyObject *exc)
{
    if (!is_enc(exc) && !is_dec(exc) && !is_tr(exc))
        return wrong_exception(exc);
    Py_ssize_t s, e;
    PyObject *o;
    if (exc_range(exc, &s, &e, &o) < 0)
        return NULL;
    Py_DECREF(o);
    return Py_BuildValue("(Nn)", _KrUnicode_Empty(), e);
}

static PyObject *replace_errors(PyObject *self, PyObject *exc)
{
    Py_ssize_t s, e;
    PyObject *o;
    Py_UCS4 ch;
    if (is_enc(exc))
        ch = '?';
    else if (is_dec(exc) || is_tr(exc))
        ch = 0xFFFD;
    else
        return wrong_exception(exc);
    if (exc_range(exc, &s, &e, &o) < 0)
        return NULL;
    Py_DECREF(o);
    if (is_dec(exc))
        return Py_BuildValue("(Nn)", _KrUnicode_Char(ch), e);
    PyObject *c = _KrUnicode_Char(ch);
    PyObject *r = _KrUnicode_Repeat(c, e - s);
    Py_DECREF(c);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, e);
}

static PyObject *escape_handler(PyObject *exc, int mode)
{
    Py_ssize_t s, e;
    PyObject *o;
    int dec = is_dec(exc);
    if (!is_enc(exc) && !(mode == 0 && (dec || is_tr(exc))))
        return wrong_exception(exc);
    if (exc_range(exc, &s, &e, &o) < 0)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = s; i < e; i++) {
        char buf[140];
        int n;
        if (dec) {
            Py_buffer view;
            if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0)
                goto fail;
            n = snprintf(buf, sizeof buf, "\\x%02x", ((unsigned char *)view.buf)[i]);
            PyBuffer_Release(&view);
        }
        else {
            Py_UCS4 c = PyUnicode_READ_CHAR(o, i);
            char name[128];
            if (mode == 1)
                n = snprintf(buf, sizeof buf, "&#%u;", (unsigned)c);
            else if (mode == 2 && _KrUnicode_GetName(c, name, sizeof name))
                n = snprintf(buf, sizeof buf, "\\N{%s}", name);
            else if (c < 0x100)
                n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
            else if (c < 0x10000)
                n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
            else
                n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
        }
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
            goto fail;
    }
    Py_DECREF(o);
    PyObject *r = _PyUnicodeWriter_Finish(&w);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, e);
fail:
    Py_DECREF(o);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *backslashreplace_errors(PyObject *self, PyObject *exc) { return escape_handler(exc, 0); }
static PyObject *xmlcharrefreplace_errors(PyObject *self, PyObject *exc) { return escape_handler(exc, 1); }
static PyObject *namereplace_errors(PyObject *self, PyObject *exc) { return escape_handler(exc, 2); }

static PyObject *surrogateescape_errors(PyObject *self, PyObject *exc)
{
    Py_ssize_t s, e;
    PyObject *o;
    if (is_enc(exc)) {
        if (exc_range(exc, &s, &e, &o) < 0)
            return NULL;
        KrByteBuf b = {0};
        for (Py_ssize_t i = s; i < e; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(o, i);
            if (c < 0xDC80 || c > 0xDCFF) {
                _KrByteBuf_Free(&b);
                Py_DECREF(o);
                PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
                return NULL;
            }
            if (_KrByteBuf_PutByte(&b, (int)(c - 0xDC00)) < 0) {
                Py_DECREF(o);
                return NULL;
            }
        }
        Py_DECREF(o);
        return Py_BuildValue("(Nn)", _KrByteBuf_FinishBytes(&b), e);
    }
    if (is_dec(exc)) {
        if (exc_range(exc, &s, &e, &o) < 0)
            return NULL;
        Py_buffer view;
        if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0) {
            Py_DECREF(o);
            return NULL;
        }
        Py_UCS4 out[4];
        int n = 0;
        Py_ssize_t i;
        for (i = s; i < e && i < s + 4; i++) {
            unsigned char c = ((unsigned char *)view.buf)[i];
            if (c < 128)
                break;
            out[n++] = 0xDC00 + c;
        }
        PyBuffer_Release(&view);
        Py_DECREF(o);
        if (n == 0) {
            PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
            return NULL;
        }
        return Py_BuildValue("(Nn)", _KrUnicode_FromUCS4(out, n), s + n);
    }
    return wrong_exception(exc);
}

static PyObject *surrogatepass_errors(PyObject *self, PyObject *exc)
{
    Py_ssize_t s, e;
    PyObject *o;
    if (is_enc(exc)) {
        if (exc_range(exc, &s, &e, &o) < 0)
            return NULL;
        KrByteBuf b = {0};
        for (Py_ssize_t i = s; i < e; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(o, i);
            if (!Py_UNICODE_IS_SURROGATE(c)) {
                _KrByteBuf_Free(&b);
                Py_DECREF(o);
                PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
                return NULL;
            }
            char t[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                         (char)(0x80 | (c & 0x3F))};
            if (_KrByteBuf_Put(&b, t, 3) < 0) {
                Py_DECREF(o);
                return NULL;
            }
        }
        Py_DECREF(o);
        return Py_BuildValue("(Nn)", _KrByteBuf_FinishBytes(&b), e);
    }
    if (is_dec(exc)) {
        if (exc_range(exc, &s, &e, &o) < 0)
            return NULL;
        Py_buffer view;
        if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0) {
            Py_DECREF(o);
            return NULL;
        }
        const unsigned char *p = (const unsigned char *)view.buf + s;
        Py_ssize_t avail = view.len - s;
        Py_UCS4 c = 0;
        int ok = avail >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
                 (p[2] & 0xC0) == 0x80;
        if (ok) {
            c = ((Py_UCS4)(p[0] & 0x0F) << 12) | ((Py_UCS4)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            ok = Py_UNICODE_IS_SURROGATE(c);
        }
        PyBuffer_Release(&view);
        Py_DECREF(o);
        if (!ok) {
            PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
            return NULL;
        }
        return Py_BuildValue("(Nn)", _KrUnicode_Char(c), s + 3);
    }
    return wrong_exception(exc);
}

static PyMethodDef kr_error_handler_defs[] = {
    {"strict_errors", strict_errors, METH_O, NULL},
    {"ignore_errors", ignore_errors, METH_O, NULL},
    {"replace_errors", replace_errors, METH_O, NULL},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors, METH_O, NULL},
    {"backslashreplace_errors", backslashreplace_errors, METH_O, NULL},
    {"namereplace_errors", namereplace_errors, METH_O, NULL},
    {"surrogatepass_errors", surrogatepass_errors, METH_O, NULL},
    {"surrogateescape_errors", surrogateescape_errors, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* Argument parsing for C functions: PyArg_ParseTuple(AndKeywords) with CPython's format
 * units and messages, PyArg_UnpackTuple, and the vectorcall helpers
 * (_PyArg_CheckPositional, _PyArg_ParseStackKeywords, ...). */
#include <string.h>
#include "Python.h"

typedef struct {
    va_list va;
} vawrap;

/* Buffers acquired by s* / y* / w* units, released again if a later argument fails. */
#define MAX_BUFFERS 16
typedef struct {
    const char *fname;     /* for messages; NULL = "function" */
    const char *custom;    /* the text after ';' replaces the whole message */
    Py_buffer *bufs[MAX_BUFFERS];
    int nbufs;
} parsectx;

static void release_buffers(parsectx *ctx)
{
    for (int i = 0; i < ctx->nbufs; i++)
        PyBuffer_Release(ctx->bufs[i]);
    ctx->nbufs = 0;
}

static int bad_type(parsectx *ctx, int argno, const char *argname, const char *expected,
                    PyObject *arg)
{
    if (ctx->custom != NULL) {
        PyErr_SetString(PyExc_TypeError, ctx->custom);
        return -1;
    }
    const char *got = arg == Py_None ? "None" : Py_TYPE(arg)->tp_name;
    if (argname != NULL)
        PyErr_Format(PyExc_TypeError, "%s%s argument '%s' must be %s, not %s",
                     ctx->fname ? ctx->fname : "", ctx->fname ? "()" : "", argname,
                     expected, got);
    else if (argno > 0)
        PyErr_Format(PyExc_TypeError, "%s%sargument %d must be %s, not %s",
                     ctx->fname ? ctx->fname : "", ctx->fname ? "() " : "", argno, expected,
                     got);
    else
        PyErr_Format(PyExc_TypeError, "%s%sargument must be %s, not %s",
                     ctx->fname ? ctx->fname : "", ctx->fname ? "() " : "", expected, got);
    return -1;
}

static int get_long(PyObject *arg, long *out)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

static int get_buffer(parsectx *ctx, PyObject *arg, Py_buffer *view, int writable)
{
    if (PyObject_GetBuffer(arg, view, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0)
        return -1;
    if (ctx->nbufs < MAX_BUFFERS)
        ctx->bufs[ctx->nbufs++] = view;
    return 0;
}

/* Converts one argument according to the unit at *pfmt (advancing it). */
static int convert(parsectx *ctx, PyObject *arg, const char **pfmt, vawrap *w, int argno,
                   const char *argname);

static int convert_tuple(parsectx *ctx, PyObject *arg, const char **pfmt, vawrap *w,
                         int argno, const char *argname)
{
    const char *f = *pfmt;
    int n = 0, depth = 0;
    for (const char *p = f; *p; p++) {
        if (*p == '(') {
            if (depth == 0)
                n++;
            depth++;
        }
        else if (*p == ')') {
            if (depth == 0)
                break;
            depth--;
        }
        else if (depth == 0 && strchr("#&!* ", *p) == NULL)
            n++;
    }
    if (!PySequence_Check(arg) || PyUnicode_Check(arg) || PyBytes_Check(arg)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d-item sequence", n);
        return bad_type(ctx, argno, argname, buf, arg);
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len < 0)
        return -1;
    if (len != n) {
        PyErr_Format(PyExc_TypeError, "%s%sargument %d must be sequence of length %d, not %zd",
                     ctx->fname ? ctx->fname : "", ctx->fname ? "() " : "", argno, n, len);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL)
            return -1;
        int r = convert(ctx, item, pfmt, w, argno, argname);
        Py_DECREF(item);
        if (r < 0)
            return -1;
    }
    if (**pfmt != ')') {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    (*pfmt)++;
    return 0;
}

static int convert(parsectx *ctx, PyObject *arg, const char **pfmt, vawrap *w, int argno,
                   const char *argname)
{
    char c = *(*pfmt)++;
    long lv;
    switch (c) {
    case '(':
        return convert_tuple(ctx, arg, pfmt, w, argno, argname);
    case 'b': {
        char *p = va_arg(w->va, char *);
        if (get_long(arg, &lv) < 0)
            return -1;
        if (lv < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return -1;
        }
        if (lv > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "unsigned byte integer is greater than maximum");
            return -1;
        }
        *p = (char)lv;
        return 0;
    }
    case 'B': {
        unsigned char *p = va_arg(w->va, unsigned char *);
        if (!PyLong_Check(arg))
            return bad_type(ctx, argno, argname, "int", arg);
        *p = (unsigned char)PyLong_AsUnsignedLongMask(arg);
        return 0;
    }
    case 'h': {
        short *p = va_arg(w->va, short *);
        if (get_long(arg, &lv) < 0)
            return -1;
        if (lv < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return -1;
        }
        if (lv > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "signed short integer is greater than maximum");
            return -1;
        }
        *p = (short)lv;
        return 0;
    }
    case 'H': {
        unsigned short *p = va_arg(w->va, unsigned short *);
        if (!PyLong_Check(arg))
            return bad_type(ctx, argno, argname, "int", arg);
        *p = (unsigned short)PyLong_AsUnsignedLongMask(arg);
        return 0;
    }
    case 'i': {
        int *p = va_arg(w->va, int *);
        if (get_long(arg, &lv) < 0)
            return -1;
        if (lv > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        if (lv < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return -1;
        }
        *p = (int)lv;
        return 0;
    }
    case 'I': {
        unsigned int *p = va_arg(w->va, unsigned int *);
        if (!PyLong_Check(arg))
            return bad_type(ctx, argno, argname, "int", arg);
        *p = (unsigned int)PyLong_AsUnsignedLongMask(arg);
        return 0;
    }
    case 'l': {
        long *p = va_arg(w->va, long *);
        return get_long(arg, p);
    }
    case 'k': {
        unsigned long *p = va_arg(w->va, unsigned long *);
        if (!PyLong_Check(arg))
            return bad_type(ctx, argno, argname, "int", arg);
        *p = PyLong_AsUnsignedLongMask(arg);
        return 0;
    }
    case 'L': {
        long long *p = va_arg(w->va, long long *);
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError,
                            "'float' object cannot be interpreted as an integer");
            return -1;
        }
        long long v = PyLong_AsLongLong(arg);
        if (v == -1 && PyErr_Occurred())
            return -1;
        *p = v;
        return 0;
    }
    case 'K': {
        unsigned long long *p = va_arg(w->va, unsigned long long *);
        if (!PyLong_Check(arg))
            return bad_type(ctx, argno, argname, "int", arg);
        *p = (unsigned long long)PyLong_AsUnsignedLongMask(arg);
        return 0;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(w->va, Py_ssize_t *);
        PyObject *idx = PyNumber_Index(arg);
        if (idx == NULL)
            return -1;
        Py_ssize_t v = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (v == -1 && PyErr_Occurred())
            return -1;
        *p = v;
        return 0;
    }
    case 'c': {
        char *p = va_arg(w->va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1)
            *p = PyBytes_AS_STRING(arg)[0];
        else if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1)
            *p = PyByteArray_AS_STRING(arg)[0];
        else
            return bad_type(ctx, argno, argname, "a byte string of length 1", arg);
        return 0;
    }
    case 'C': {
        int *p = va_arg(w->va, int *);
        if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1)
            return bad_type(ctx, argno, argname, "a unicode character", arg);
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        return 0;
    }
    case 'p': {
        int *p = va_arg(w->va, int *);
        int t = PyObject_IsTrue(arg);
        if (t < 0)
            return -1;
        *p = t;
        return 0;
    }
    case 'f': case 'd': {
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) {
            va_arg(w->va, void *);
            return -1;
        }
        if (c == 'f')
            *va_arg(w->va, float *) = (float)v;
        else
            *va_arg(w->va, double *) = v;
        return 0;
    }
    case 'D': {
        Py_complex *p = va_arg(w->va, Py_complex *);
        Py_complex v = PyComplex_AsCComplex(arg);
        if (v.real == -1.0 && PyErr_Occurred())
            return -1;
        *p = v;
        return 0;
    }
    case 's': case 'z': case 'y': {
        int allow_none = c == 'z';
        if (**pfmt == '*') {
            (*pfmt)++;
            Py_buffer *view = va_arg(w->va, Py_buffer *);
            if (allow_none && arg == Py_None) {
                PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0);
                return 0;
            }
            if (c != 'y' && PyUnicode_Check(arg)) {
                Py_ssize_t n;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &n);
                if (s == NULL)
                    return -1;
                PyBuffer_FillInfo(view, arg, (void *)s, n, 1, 0);
                return 0;
            }
            if (!PyObject_CheckBuffer(arg))
                return bad_type(ctx, argno, argname,
                                c == 'y' ? "a bytes-like object"
                                         : (allow_none ? "str, bytes-like object or None"
                                                       : "str or bytes-like object"),
                                arg);
            return get_buffer(ctx, arg, view, 0);
        }
        const char **p = va_arg(w->va, const char **);
        Py_ssize_t *plen = NULL;
        if (**pfmt == '#') {
            (*pfmt)++;
            plen = va_arg(w->va, Py_ssize_t *);
        }
        if (allow_none && arg == Py_None) {
            *p = NULL;
            if (plen)
                *plen = 0;
            return 0;
        }
        if (c != 'y' && PyUnicode_Check(arg)) {
            Py_ssize_t n;
            const char *s = PyUnicode_AsUTF8AndSize(arg, &n);
            if (s == NULL)
                return -1;
            if (plen == NULL && (Py_ssize_t)strlen(s) != n) {
                PyErr_SetString(PyExc_ValueError, "embedded null character");
                return -1;
            }
            *p = s;
            if (plen)
                *plen = n;
            return 0;
        }
        if (c == 'y' || plen != NULL) {
            if (PyBytes_Check(arg)) {
                if (plen == NULL &&
                    (Py_ssize_t)strlen(PyBytes_AS_STRING(arg)) != PyBytes_GET_SIZE(arg)) {
                    PyErr_SetString(PyExc_ValueError, "embedded null byte");
                    return -1;
                }
                *p = PyBytes_AS_STRING(arg);
                if (plen)
                    *plen = PyBytes_GET_SIZE(arg);
                return 0;
            }
        }
        const char *exp;
        if (c == 'y')
            exp = plen ? "read-only bytes-like object" : "bytes";
        else if (plen)
            exp = allow_none ? "str, read-only bytes-like object or None"
                             : "str or read-only bytes-like object";
        else
            exp = allow_none ? "str or None" : "str";
        return bad_type(ctx, argno, argname, exp, arg);
    }
    case 'w': {
        if (**pfmt != '*') {
            PyErr_SetString(PyExc_SystemError, "'w' format unit requires '*'");
            return -1;
        }
        (*pfmt)++;
        Py_buffer *view = va_arg(w->va, Py_buffer *);
        if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            return bad_type(ctx, argno, argname, "read-write bytes-like object", arg);
        }
        if (ctx->nbufs < MAX_BUFFERS)
            ctx->bufs[ctx->nbufs++] = view;
        return 0;
    }
    case 'S': case 'Y': case 'U': {
        PyObject **p = va_arg(w->va, PyObject **);
        int ok = c == 'S' ? PyBytes_Check(arg)
               : c == 'Y' ? PyByteArray_Check(arg) : PyUnicode_Check(arg);
        if (!ok)
            return bad_type(ctx, argno, argname,
                            c == 'S' ? "bytes" : c == 'Y' ? "bytearray" : "str", arg);
        *p = arg;
        return 0;
    }
    case 'O': {
        if (**pfmt == '!') {
            (*pfmt)++;
            PyTypeObject *t = va_arg(w->va, PyTypeObject *);
            PyObject **p = va_arg(w->va, PyObject **);
            if (!PyObject_TypeCheck(arg, t))
                return bad_type(ctx, argno, argname, t->tp_name, arg);
            *p = arg;
            return 0;
        }
        if (**pfmt == '&') {
            (*pfmt)++;
            int (*conv)(PyObject *, void *) = va_arg(w->va, int (*)(PyObject *, void *));
            void *addr = va_arg(w->va, void *);
            if (!conv(arg, addr)) {
                if (!PyErr_Occurred())
                    bad_type(ctx, argno, argname, "a valid value", arg);
                return -1;
            }
            return 0;
        }
        *va_arg(w->va, PyObject **) = arg;
        return 0;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad format char '%c' in getargs format", c);
        return -1;
    }
}

/* Splits "units:name" / "units;message" and counts the units. */
static void parse_format(const char *format, parsectx *ctx, int *min, int *max,
                         int *kwonly_start)
{
    int n = 0, depth = 0;
    *min = -1;
    *kwonly_start = -1;
    ctx->fname = NULL;
    ctx->custom = NULL;
    for (const char *p = format; *p; p++) {
        char c = *p;
        if (c == ':' && depth == 0) {
            ctx->fname = p + 1;
            break;
        }
        if (c == ';' && depth == 0) {
            ctx->custom = p + 1;
            break;
        }
        if (c == '(') {
            if (depth == 0)
                n++;
            depth++;
            continue;
        }
        if (c == ')') {
            depth--;
            continue;
        }
        if (depth > 0)
            continue;
        if (c == '|') {
            *min = n;
            continue;
        }
        if (c == '$') {
            *kwonly_start = n;
            if (*min < 0)
                *min = n;
            continue;
        }
        if (strchr("#&!*", c) || c == ' ')
            continue;
        n++;
    }
    *max = n;
    if (*min < 0)
        *min = n;
}

static void skip_to_unit(const char **pf)
{
    while (**pf == '|' || **pf == '$' || **pf == ' ')
        (*pf)++;
}

/* Skip a unit without converting (optional argument not given): consume its varargs. */
static void skip_unit(const char **pf, vawrap *w)
{
    char c = *(*pf)++;
    if (c == '(') {
        while (**pf && **pf != ')') {
            skip_to_unit(pf);
            skip_unit(pf, w);
        }
        if (**pf == ')')
            (*pf)++;
        return;
    }
    switch (c) {
    case 'O':
        if (**pf == '!' || **pf == '&') {
            (*pf)++;
            (void)va_arg(w->va, void *);
        }
        (void)va_arg(w->va, void *);
        return;
    case 's': case 'z': case 'y': case 'w':
        (void)va_arg(w->va, void *);
        if (**pf == '#') {
            (*pf)++;
            (void)va_arg(w->va, void *);
        }
        else if (**pf == '*') {
            (*pf)++;
        }
        return;
    default:
        (void)va_arg(w->va, void *);
    }
}

static int vgetargs(PyObject *args, PyObject *kwargs, const char *format,
                    char **kwlist, vawrap *w)
{
    parsectx ctx = {0};
    int min, max, kwonly;
    parse_format(format, &ctx, &min, &max, &kwonly);
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = (kwargs != NULL && PyDict_Check(kwargs)) ? PyDict_GET_SIZE(kwargs) : 0;
    const char *fn = ctx.fname ? ctx.fname : "function";
    const char *paren = ctx.fname ? "()" : "";
    int maxpos = kwonly >= 0 ? kwonly : max;

    if (kwlist == NULL) {
        if (nargs < min || nargs > max) {
            if (ctx.custom)
                PyErr_SetString(PyExc_TypeError, ctx.custom);
            else if (max == 0)
                PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments", fn, paren);
            else
                PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                             fn, paren,
                             min == max ? "exactly" : nargs < min ? "at least" : "at most",
                             nargs < min ? min : max,
                             (nargs < min ? min : max) == 1 ? "" : "s", nargs);
            return 0;
        }
    }
    else {
        if (nargs + nkw > max) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                         fn, paren, max, nargs == 0 ? "keyword " : "", max == 1 ? "" : "s",
                         nargs + nkw);
            return 0;
        }
        if (nargs > maxpos) {
            if (maxpos == 0)
                PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fn,
                             paren);
            else
                PyErr_Format(PyExc_TypeError,
                             "%.200s%s takes %s %d positional argument%s (%zd given)", fn, paren,
                             min < maxpos ? "at most" : "exactly", maxpos,
                             maxpos == 1 ? "" : "s", nargs);
            return 0;
        }
    }

    const char *f = format;
    Py_ssize_t used_kw = 0;
    for (int i = 0; i < max; i++) {
        skip_to_unit(&f);
        PyObject *arg = NULL;
        const char *kwname = kwlist ? kwlist[i] : NULL;
        if (i < nargs) {
            arg = PyTuple_GET_ITEM(args, i);
            if (kwname && *kwname && nkw) {
                PyObject *dup = PyDict_GetItemString(kwargs, kwname);
                if (dup != NULL) {
                    PyErr_Format(PyExc_TypeError,
                                 "argument for %.200s%s given by name ('%s') and position (%d)",
                                 fn, paren, kwname, i + 1);
                    goto fail;
                }
            }
        }
        else if (kwname && *kwname && nkw) {
            arg = PyDict_GetItemString(kwargs, kwname);
            if (arg != NULL)
                used_kw++;
        }
        if (arg == NULL) {
            if (i < min) {
                if (kwlist == NULL || !*kwname) {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s (%zd given)", fn,
                                 paren, min < maxpos ? "at least" : "exactly", min,
                                 min == 1 ? "" : "s", nargs);
                }
                else if (kwonly >= 0 && i >= kwonly) {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required keyword-only argument '%s'", fn,
                                 paren, kwname);
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument '%s' (pos %d)", fn, paren,
                                 kwname, i + 1);
                }
                goto fail;
            }
            skip_unit(&f, w);
            continue;
        }
        if (convert(&ctx, arg, &f, w, i + 1, NULL) < 0)
            goto fail;
    }
    if (nkw > used_kw) {
        /* Report the first keyword that does not name a parameter. */
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            int found = 0, posonly = 0;
            if (PyUnicode_Check(key)) {
                for (int i = 0; i < max; i++) {
                    if (kwlist[i][0] == '\0')
                        continue;
                    if (_PyUnicode_EqualToASCIIString(key, kwlist[i])) {
                        found = 1;
                        break;
                    }
                }
            }
            (void)posonly;
            if (!found) {
                if (!PyUnicode_Check(key))
                    PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                else
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s got an unexpected keyword argument '%S'", fn, paren,
                                 key);
                goto fail;
            }
        }
    }
    return 1;
fail:
    release_buffers(&ctx);
    return 0;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    vawrap w;
    va_copy(w.va, va);
    int r = vgetargs(args, NULL, format, NULL, &w);
    va_end(w.va);
    return r;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    vawrap w;
    va_start(w.va, format);
    int r = vgetargs(args, NULL, format, NULL, &w);
    va_end(w.va);
    return r;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                                char **kwlist, ...)
{
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    vawrap w;
    va_start(w.va, kwlist);
    int r = vgetargs(args, kwargs, format, kwlist, &w);
    va_end(w.va);
    return r;
}

static int check_count(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (!check_count(name, n, min, max))
        return 0;
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++)
        *va_arg(va, PyObject **) = PyTuple_GET_ITEM(args, i);
    va_end(va);
    return 1;
}

/* Returns 1 when the call is acceptable, 0 with TypeError set otherwise (CPython's
 * convention for these helpers). */
int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    return check_count(name, nargs, min, max);
}

int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL)
        return 1;
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL)
        return 1;
    if (!PyTuple_Check(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

int _PyArg_ParseStackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                              const char *fname, const char *const *kwlist, int minpos,
                              int maxpos, int minkw_unused, PyObject **out)
{
    int total = 0, posonly = 0;
    while (kwlist[total] != NULL)
        total++;
    while (posonly < total && kwlist[posonly][0] == '\0')
        posonly++;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    const char *fn = fname ? fname : "function";
    const char *paren = fname ? "()" : "";
    for (int i = 0; i < total; i++)
        out[i] = NULL;
    if (nargs + nkw > total) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)", fn,
                     paren, total, nargs == 0 ? "keyword " : "", total == 1 ? "" : "s",
                     nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fn, paren);
        else
            PyErr_Format(PyExc_TypeError,
                         "%.200s%s takes %s %d positional argument%s (%zd given)", fn, paren,
                         minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int idx = -1, is_posonly = 0;
        for (int i = 0; i < total; i++) {
            if (kwlist[i][0] == '\0')
                continue;
            if (_PyUnicode_EqualToASCIIString(key, kwlist[i])) {
                idx = i;
                break;
            }
        }
        (void)is_posonly;
        if (idx < 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s got an unexpected keyword argument '%S'",
                         fn, paren, key);
            return -1;
        }
        if (idx < nargs) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %.200s%s given by name ('%s') and position (%d)", fn,
                         paren, kwlist[idx], idx + 1);
            return -1;
        }
        out[idx] = args[nargs + k];
    }
    for (int i = 0; i < minpos && i < total; i++) {
        if (out[i] != NULL)
            continue;
        if (i < posonly)
            PyErr_Format(PyExc_TypeError,
                         "%.200s%s takes %s %d positional argument%s (%zd given)", fn, paren,
                         posonly < maxpos ? "at least" : "exactly", minpos,
                         minpos == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                         fn, paren, kwlist[i], i + 1);
        return -1;
    }
    return 0;
}

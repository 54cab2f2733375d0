/* memoryview: a view on another object's buffer. All views derived from one exporter
 * share a reference-counted "managed buffer" that holds the exporter's Py_buffer until the
 * last view is released. Supports the native single-character struct formats. */
#include "Python.h"
#include "unicode_internal.h"

#define KR_MAX_NDIM 64

typedef struct {
    Py_ssize_t refs;
    Py_buffer master;
} KrManagedBuffer;

typedef struct {
    PyObject_HEAD
    KrManagedBuffer *mbuf; /* NULL once released */
    Py_buffer view;        /* view.obj is borrowed from mbuf->master.obj */
    Py_ssize_t exports;
    Py_hash_t hash;
    char format[8];
    Py_ssize_t shape[KR_MAX_NDIM];
    Py_ssize_t strides[KR_MAX_NDIM];
    PyObject *weakreflist;
} KrMemoryView;

#define MV(o) ((KrMemoryView *)(o))

static void mbuf_decref(KrManagedBuffer *m)
{
    if (m != NULL && --m->refs == 0) {
        PyBuffer_Release(&m->master);
        PyMem_Free(m);
    }
}

static int check_released(PyObject *self)
{
    if (MV(self)->mbuf == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

static int set_format(KrMemoryView *mv, const char *fmt)
{
    if (fmt == NULL)
        fmt = "B";
    size_t n = strlen(fmt);
    if (n >= sizeof mv->format) {
        PyErr_SetString(PyExc_NotImplementedError, "memoryview: unsupported format");
        return -1;
    }
    memcpy(mv->format, fmt, n + 1);
    mv->view.format = mv->format;
    return 0;
}

static KrMemoryView *mv_alloc(void)
{
    KrMemoryView *mv = PyObject_GC_New(KrMemoryView, &PyMemoryView_Type);
    if (mv == NULL)
        return NULL;
    mv->mbuf = NULL;
    memset(&mv->view, 0, sizeof mv->view);
    mv->exports = 0;
    mv->hash = -1;
    mv->format[0] = '\0';
    mv->weakreflist = NULL;
    return mv;
}

/* A new view sharing mbuf, initialised from the given buffer description. */
static PyObject *mv_from_mbuf(KrManagedBuffer *m, const Py_buffer *src)
{
    KrMemoryView *mv = mv_alloc();
    if (mv == NULL)
        return NULL;
    mv->view = *src;
    mv->view.obj = m->master.obj;
    mv->view.shape = mv->shape;
    mv->view.strides = mv->strides;
    mv->view.suboffsets = NULL;
    mv->view.internal = NULL;
    if (src->ndim > KR_MAX_NDIM) {
        Py_DECREF(mv);
        PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
        return NULL;
    }
    if (set_format(mv, src->format) < 0) {
        Py_DECREF(mv);
        return NULL;
    }
    if (src->ndim == 1 && src->shape == NULL) {
        mv->shape[0] = src->len / (src->itemsize ? src->itemsize : 1);
        mv->strides[0] = src->itemsize;
    }
    else {
        for (int i = 0; i < src->ndim; i++) {
            mv->shape[i] = src->shape[i];
            mv->strides[i] = src->strides ? src->strides[i] : 0;
        }
        if (src->strides == NULL && src->ndim > 0) {
            Py_ssize_t st = src->itemsize;
            for (int i = src->ndim - 1; i >= 0; i--) {
                mv->strides[i] = st;
                st *= src->shape[i];
            }
        }
    }
    m->refs++;
    mv->mbuf = m;
    PyObject_GC_Track(mv);
    return (PyObject *)mv;
}

static PyObject *mv_from_exporter(PyObject *obj, int flags);

PyObject *PyMemoryView_FromObject(PyObject *obj)
{
    if (PyMemoryView_Check(obj)) {
        if (check_released(obj) < 0)
            return NULL;
        return mv_from_mbuf(MV(obj)->mbuf, &MV(obj)->view);
    }
    return mv_from_exporter(obj, PyBUF_FULL_RO);
}

/* A view on a new export of obj's buffer, requested with the given PyBUF_* flags. */
static PyObject *mv_from_exporter(PyObject *obj, int flags)
{
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    KrManagedBuffer *m = PyMem_Malloc(sizeof *m);
    if (m == NULL)
        return PyErr_NoMemory();
    m->refs = 0;
    if (PyObject_GetBuffer(obj, &m->master, flags) < 0) {
        PyMem_Free(m);
        return NULL;
    }
    Py_buffer desc = m->master;
    if (desc.format == NULL)
        desc.format = "B";
    if (desc.ndim == 0 && desc.shape == NULL) {
        desc.ndim = 1;
        desc.itemsize = desc.itemsize ? desc.itemsize : 1;
    }
    PyObject *r = mv_from_mbuf(m, &desc);
    if (r == NULL) {
        PyBuffer_Release(&m->master);
        PyMem_Free(m);
    }
    return r;
}

PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    KrManagedBuffer *m = PyMem_Malloc(sizeof *m);
    if (m == NULL)
        return PyErr_NoMemory();
    m->refs = 0;
    if (PyBuffer_FillInfo(&m->master, NULL, mem, size, flags == PyBUF_READ, PyBUF_FULL_RO) < 0) {
        PyMem_Free(m);
        return NULL;
    }
    Py_buffer desc = m->master;
    desc.format = "B";
    desc.ndim = 1;
    desc.itemsize = 1;
    desc.shape = NULL;
    PyObject *r = mv_from_mbuf(m, &desc);
    if (r == NULL)
        PyMem_Free(m);
    return r;
}

static PyObject *memory_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *obj;
    static char *kwlist[] = {"object", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj))
        return NULL;
    return PyMemoryView_FromObject(obj);
}

static int mv_release_impl(PyObject *self)
{
    KrMemoryView *mv = MV(self);
    if (mv->mbuf == NULL)
        return 0;
    if (mv->exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", mv->exports,
                     mv->exports == 1 ? "" : "s");
        return -1;
    }
    KrManagedBuffer *m = mv->mbuf;
    mv->mbuf = NULL;
    mbuf_decref(m);
    return 0;
}

static void memory_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    KrMemoryView *mv = MV(self);
    if (mv->mbuf != NULL) {
        KrManagedBuffer *m = mv->mbuf;
        mv->mbuf = NULL;
        mbuf_decref(m);
    }
    if (mv->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    PyObject_GC_Del(self);
}

static int memory_traverse(PyObject *self, visitproc visit, void *arg)
{
    if (MV(self)->mbuf != NULL && MV(self)->mbuf->refs == 1)
        Py_VISIT(MV(self)->mbuf->master.obj);
    return 0;
}

static int memory_clear(PyObject *self)
{
    if (MV(self)->exports == 0)
        (void)mv_release_impl(self);
    return 0;
}

/* ---- item packing ------------------------------------------------------------------- */

static char fmt_char(const char *f)
{
    if (f[0] == '@' && f[1] && !f[2])
        return f[1];
    if (f[0] && !f[1])
        return f[0];
    return 0;
}

static Py_ssize_t native_size(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return -1;
    }
}

static PyObject *unpack_item(const char *fmt, const char *p)
{
    char c = fmt_char(fmt);
    switch (c) {
    case 'B': return PyLong_FromLong(*(const unsigned char *)p);
    case 'b': return PyLong_FromLong(*(const signed char *)p);
    case 'c': return PyBytes_FromStringAndSize(p, 1);
    case '?': return PyBool_FromLong(*(const unsigned char *)p != 0);
    case 'h': { short v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'H': { unsigned short v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'i': { int v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'I': { unsigned int v; memcpy(&v, p, sizeof v); return PyLong_FromUnsignedLong(v); }
    case 'l': { long v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'L': { unsigned long v; memcpy(&v, p, sizeof v); return PyLong_FromUnsignedLong(v); }
    case 'q': { long long v; memcpy(&v, p, sizeof v); return PyLong_FromLongLong(v); }
    case 'Q': { unsigned long long v; memcpy(&v, p, sizeof v); return PyLong_FromUnsignedLongLong(v); }
    case 'n': { Py_ssize_t v; memcpy(&v, p, sizeof v); return PyLong_FromSsize_t(v); }
    case 'N': { size_t v; memcpy(&v, p, sizeof v); return PyLong_FromSize_t(v); }
    case 'P': { void *v; memcpy(&v, p, sizeof v); return PyLong_FromVoidPtr(v); }
    case 'f': { float v; memcpy(&v, p, sizeof v); return PyFloat_FromDouble(v); }
    case 'd': { double v; memcpy(&v, p, sizeof v); return PyFloat_FromDouble(v); }
    default:
        PyErr_Format(PyExc_NotImplementedError,
                     "memoryview: format %s not supported", fmt);
        return NULL;
    }
}

static int pack_item(const char *fmt, char *p, PyObject *item)
{
    char c = fmt_char(fmt);
    if (c == 'c') {
        if (!PyBytes_Check(item) || PyBytes_GET_SIZE(item) != 1) {
            PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", fmt);
            return -1;
        }
        *p = PyBytes_AS_STRING(item)[0];
        return 0;
    }
    if (c == 'f' || c == 'd') {
        double v = PyFloat_AsDouble(item);
        if (v == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", fmt);
            }
            return -1;
        }
        if (c == 'f') {
            float f = (float)v;
            memcpy(p, &f, sizeof f);
        }
        else
            memcpy(p, &v, sizeof v);
        return 0;
    }
    if (c == '?') {
        int t = PyObject_IsTrue(item);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (!PyLong_Check(item)) {
        PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", fmt);
        return -1;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    unsigned long long uv = (unsigned long long)v;
    int unsig = (c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P');
    if (overflow > 0 && unsig) {
        uv = PyLong_AsUnsignedLongLong(item);
        if (uv == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto range;
        }
        overflow = 0;
    }
    if (overflow)
        goto range;
    switch (c) {
    case 'b': if (v < -128 || v > 127) goto range; *p = (char)v; return 0;
    case 'B': if (v < 0 || v > 255) goto range; *p = (char)v; return 0;
    case 'h': { if (v < SHRT_MIN || v > SHRT_MAX) goto range; short x = (short)v; memcpy(p, &x, sizeof x); return 0; }
    case 'H': { if (v < 0 || v > USHRT_MAX) goto range; unsigned short x = (unsigned short)v; memcpy(p, &x, sizeof x); return 0; }
    case 'i': { if (v < INT_MIN || v > INT_MAX) goto range; int x = (int)v; memcpy(p, &x, sizeof x); return 0; }
    case 'I': { if (v < 0 || v > (long long)UINT_MAX) goto range; unsigned x = (unsigned)v; memcpy(p, &x, sizeof x); return 0; }
    case 'l': case 'q': case 'n': memcpy(p, &v, 8); return 0;
    case 'L': case 'Q': case 'N': case 'P':
        if (v < 0 && !(uv > (unsigned long long)LLONG_MAX)) goto range;
        memcpy(p, &uv, 8);
        return 0;
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
        return -1;
    }
range:
    PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

/* ---- shape helpers --------------------------------------------------------------------- */

static int is_c_contig(const Py_buffer *v)
{
    Py_ssize_t st = v->itemsize;
    for (int i = v->ndim - 1; i >= 0; i--) {
        if (v->shape[i] == 0)
            return 1;
        if (v->shape[i] > 1 && v->strides[i] != st)
            return 0;
        st *= v->shape[i];
    }
    return 1;
}

static int is_f_contig(const Py_buffer *v)
{
    Py_ssize_t st = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        if (v->shape[i] == 0)
            return 1;
        if (v->shape[i] > 1 && v->strides[i] != st)
            return 0;
        st *= v->shape[i];
    }
    return 1;
}

/* Copies the view's items in C order into dst. */
static void copy_c_order(const Py_buffer *v, int dim, const char *src, char **dst)
{
    if (v->ndim == 0) {
        memcpy(*dst, src, (size_t)v->itemsize);
        *dst += v->itemsize;
        return;
    }
    for (Py_ssize_t i = 0; i < v->shape[dim]; i++) {
        const char *p = src + i * v->strides[dim];
        if (dim == v->ndim - 1) {
            memcpy(*dst, p, (size_t)v->itemsize);
            *dst += v->itemsize;
        }
        else
            copy_c_order(v, dim + 1, p, dst);
    }
}

static PyObject *to_bytes(PyObject *self)
{
    Py_buffer *v = &MV(self)->view;
    PyObject *r = PyBytes_FromStringAndSize(NULL, v->len);
    if (r == NULL)
        return NULL;
    char *d = PyBytes_AS_STRING(r);
    if (is_c_contig(v))
        memcpy(d, v->buf, (size_t)v->len);
    else
        copy_c_order(v, 0, v->buf, &d);
    return r;
}

static PyObject *to_list(const Py_buffer *v, int dim, const char *p)
{
    if (v->ndim == 0)
        return unpack_item(v->format, p);
    PyObject *list = PyList_New(v->shape[dim]);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < v->shape[dim]; i++) {
        const char *q = p + i * v->strides[dim];
        PyObject *it = dim == v->ndim - 1 ? unpack_item(v->format, q) : to_list(v, dim + 1, q);
        if (it == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, it);
    }
    return list;
}

/* ---- methods --------------------------------------------------------------------------- */

static PyObject *memory_tobytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const kw[] = {"order", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "tobytes", kw, 0, 1, 0, a) < 0)
        return NULL;
    if (check_released(self) < 0)
        return NULL;
    return to_bytes(self);
}

static PyObject *memory_tolist(PyObject *self, PyObject *Py_UNUSED(x))
{
    if (check_released(self) < 0)
        return NULL;
    return to_list(&MV(self)->view, 0, MV(self)->view.buf);
}

static PyObject *memory_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames)
{
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "hex", kw, 0, 2, 0, a) < 0)
        return NULL;
    if (check_released(self) < 0)
        return NULL;
    PyObject *b = to_bytes(self);
    if (b == NULL)
        return NULL;
    PyObject *r = _KrBytes_Hex(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), a[0], a[1]);
    Py_DECREF(b);
    return r;
}

static PyObject *memory_release(PyObject *self, PyObject *Py_UNUSED(x))
{
    if (mv_release_impl(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *memory_enter(PyObject *self, PyObject *Py_UNUSED(x))
{
    if (check_released(self) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *memory_exit(PyObject *self, PyObject *args)
{
    return memory_release(self, NULL);
}

static PyObject *memory_toreadonly(PyObject *self, PyObject *Py_UNUSED(x))
{
    if (check_released(self) < 0)
        return NULL;
    PyObject *r = mv_from_mbuf(MV(self)->mbuf, &MV(self)->view);
    if (r != NULL)
        MV(r)->view.readonly = 1;
    return r;
}

static PyObject *memory_cast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const kw[] = {"format", "shape", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "cast", kw, 1, 2, 0, a) < 0)
        return NULL;
    if (check_released(self) < 0)
        return NULL;
    Py_buffer *v = &MV(self)->view;
    if (!PyUnicode_Check(a[0])) {
        PyErr_SetString(PyExc_TypeError, "memoryview: format argument must be a string");
        return NULL;
    }
    if (!is_c_contig(v)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    const char *fmt = PyUnicode_AsUTF8(a[0]);
    if (fmt == NULL)
        return NULL;
    char c = fmt_char(fmt);
    Py_ssize_t isz = c ? native_size(c) : -1;
    if (isz < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
        return NULL;
    }
    char sc = fmt_char(v->format);
    int src_byte = sc == 'B' || sc == 'b' || sc == 'c';
    int dst_byte = c == 'B' || c == 'b' || c == 'c';
    if (!src_byte && !dst_byte) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Py_buffer desc = *v;
    desc.format = (char *)fmt;
    desc.itemsize = isz;
    Py_ssize_t shape[KR_MAX_NDIM];
    if (a[1] != NULL) {
        if (!PyList_Check(a[1]) && !PyTuple_Check(a[1])) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        if (v->ndim != 1 && PySequence_Size(a[1]) != 1) {
            PyErr_SetString(PyExc_TypeError,
                            "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
        Py_ssize_t nd = PySequence_Size(a[1]);
        if (nd > KR_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        Py_ssize_t prod = isz;
        for (Py_ssize_t i = 0; i < nd; i++) {
            PyObject *it = PySequence_GetItem(a[1], i);
            if (it == NULL)
                return NULL;
            if (!PyLong_Check(it)) {
                Py_DECREF(it);
                PyErr_SetString(PyExc_TypeError, "memoryview.cast(): elements of shape must be integers");
                return NULL;
            }
            shape[i] = PyLong_AsSsize_t(it);
            Py_DECREF(it);
            if (shape[i] <= 0) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError,
                                    "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            prod *= shape[i];
        }
        if (prod != v->len) {
            PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
        desc.ndim = (int)nd;
        desc.shape = shape;
        desc.strides = NULL;
    }
    else {
        if (v->len % isz) {
            PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
            return NULL;
        }
        desc.ndim = 1;
        shape[0] = v->len / isz;
        desc.shape = shape;
        desc.strides = NULL;
    }
    return mv_from_mbuf(MV(self)->mbuf, &desc);
}

static PyObject *memory_dunder_buffer(PyObject *self, PyObject *flags)
{
    if (!PyLong_Check(flags)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(flags)->tp_name);
        return NULL;
    }
    if (check_released(self) < 0)
        return NULL;
    return mv_from_mbuf(MV(self)->mbuf, &MV(self)->view);
}

static PyObject *memory_dunder_release(PyObject *self, PyObject *view)
{
    if (!PyMemoryView_Check(view)) {
        PyErr_SetString(PyExc_TypeError, "expected a memoryview object");
        return NULL;
    }
    if (mv_release_impl(view) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *memory_sizeof(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyLong_FromSsize_t(184);
}

/* memoryview._from_flags(object, flags): the view an exporter gives for exactly these
 * request flags (test support, e.g. for exporters written in Python). A memoryview
 * argument is simply viewed again, flags ignored, as in CPython. */
static PyObject *memory_from_flags(PyObject *type, PyObject *const *args, Py_ssize_t nargs,
                                   PyObject *kwnames)
{
    static const char *const kwlist[] = {"object", "flags", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "_from_flags", kwlist, 2, 2, 0, a) < 0)
        return NULL;
    int flags = PyLong_AsInt(a[1]);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    if (PyMemoryView_Check(a[0]))
        return PyMemoryView_FromObject(a[0]);
    return mv_from_exporter(a[0], flags);
}

static PyMethodDef memory_methods[] = {
    {"_from_flags", _PyCFunction_CAST(memory_from_flags), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "_from_flags($type, /, object, flags)\n--\n\n"
     "Create a new memoryview object which references the given object."},
    {"release", memory_release, METH_NOARGS, NULL},
    {"tobytes", _PyCFunction_CAST(memory_tobytes), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"hex", _PyCFunction_CAST(memory_hex), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"tolist", memory_tolist, METH_NOARGS, NULL},
    {"cast", _PyCFunction_CAST(memory_cast), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"toreadonly", memory_toreadonly, METH_NOARGS, NULL},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", memory_exit, METH_VARARGS, NULL},
    {"__sizeof__", memory_sizeof, METH_NOARGS, NULL},
    {"__buffer__", memory_dunder_buffer, METH_O, NULL},
    {"__release_buffer__", memory_dunder_release, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes -------------------------------------------------------------------- */

static PyObject *tuple_of(const Py_ssize_t *a, int n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(a[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

#define GETTER(name, expr)                                              \
    static PyObject *memory_get_##name(PyObject *self, void *closure)   \
    {                                                                    \
        if (check_released(self) < 0)                                    \
            return NULL;                                                 \
        Py_buffer *v = &MV(self)->view;                                  \
        (void)v;                                                         \
        return expr;                                                     \
    }
GETTER(obj, v->obj ? Py_NewRef(v->obj) : Py_NewRef(Py_None))
GETTER(nbytes, PyLong_FromSsize_t(v->len))
GETTER(readonly, PyBool_FromLong(v->readonly))
GETTER(itemsize, PyLong_FromSsize_t(v->itemsize))
GETTER(format, PyUnicode_FromString(v->format))
GETTER(ndim, PyLong_FromLong(v->ndim))
GETTER(shape, tuple_of(v->shape, v->ndim))
GETTER(strides, tuple_of(v->strides, v->ndim))
GETTER(suboffsets, PyTuple_New(0))
GETTER(c_contiguous, PyBool_FromLong(is_c_contig(v)))
GETTER(f_contiguous, PyBool_FromLong(is_f_contig(v)))
GETTER(contiguous, PyBool_FromLong(is_c_contig(v) || is_f_contig(v)))

static PyGetSetDef memory_getset[] = {
    {"obj", memory_get_obj, NULL, NULL, NULL},
    {"nbytes", memory_get_nbytes, NULL, NULL, NULL},
    {"readonly", memory_get_readonly, NULL, NULL, NULL},
    {"itemsize", memory_get_itemsize, NULL, NULL, NULL},
    {"format", memory_get_format, NULL, NULL, NULL},
    {"ndim", memory_get_ndim, NULL, NULL, NULL},
    {"shape", memory_get_shape, NULL, NULL, NULL},
    {"strides", memory_get_strides, NULL, NULL, NULL},
    {"suboffsets", memory_get_suboffsets, NULL, NULL, NULL},
    {"c_contiguous", memory_get_c_contiguous, NULL, NULL, NULL},
    {"f_contiguous", memory_get_f_contiguous, NULL, NULL, NULL},
    {"contiguous", memory_get_contiguous, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- protocols ------------------------------------------------------------------------ */

static Py_ssize_t memory_length(PyObject *self)
{
    if (check_released(self) < 0)
        return -1;
    if (MV(self)->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return MV(self)->view.shape[0];
}

static char *item_ptr(PyObject *self, Py_ssize_t i)
{
    Py_buffer *v = &MV(self)->view;
    Py_ssize_t n = v->shape[0];
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", 1);
        return NULL;
    }
    return (char *)v->buf + i * v->strides[0];
}

static PyObject *memory_item(PyObject *self, Py_ssize_t i)
{
    if (check_released(self) < 0)
        return NULL;
    Py_buffer *v = &MV(self)->view;
    if (v->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char *p = item_ptr(self, i);
    return p ? unpack_item(v->format, p) : NULL;
}

static PyObject *memory_subscript(PyObject *self, PyObject *key)
{
    if (check_released(self) < 0)
        return NULL;
    Py_buffer *v = &MV(self)->view;
    if (v->ndim == 0) {
        if (key == Py_Ellipsis)
            return Py_NewRef(self);
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0)
            return unpack_item(v->format, v->buf);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        return memory_item(self, i);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t n = PySlice_AdjustIndices(v->shape[0], &start, &stop, step);
        Py_buffer desc = *v;
        Py_ssize_t shape[KR_MAX_NDIM], strides[KR_MAX_NDIM];
        memcpy(shape, v->shape, sizeof(Py_ssize_t) * (size_t)v->ndim);
        memcpy(strides, v->strides, sizeof(Py_ssize_t) * (size_t)v->ndim);
        desc.buf = (char *)v->buf + start * v->strides[0];
        shape[0] = n;
        strides[0] = v->strides[0] * step;
        desc.shape = shape;
        desc.strides = strides;
        desc.len = v->len / (v->shape[0] ? v->shape[0] : 1) * n;
        if (v->shape[0] == 0)
            desc.len = 0;
        return mv_from_mbuf(MV(self)->mbuf, &desc);
    }
    if (key == Py_Ellipsis)
        return mv_from_mbuf(MV(self)->mbuf, v);
    if (PyTuple_Check(key)) {
        Py_ssize_t nk = PyTuple_GET_SIZE(key);
        if (nk < v->ndim) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "sub-views are not implemented");
            return NULL;
        }
        if (nk > v->ndim) {
            PyErr_Format(PyExc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                         v->ndim, nk);
            return NULL;
        }
        char *p = v->buf;
        for (Py_ssize_t d = 0; d < nk; d++) {
            PyObject *k = PyTuple_GET_ITEM(key, d);
            if (!PyIndex_Check(k)) {
                PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
                return NULL;
            }
            Py_ssize_t i = PyNumber_AsSsize_t(k, PyExc_IndexError);
            if (i == -1 && PyErr_Occurred())
                return NULL;
            if (i < 0)
                i += v->shape[d];
            if (i < 0 || i >= v->shape[d]) {
                PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %zd", d + 1);
                return NULL;
            }
            p += i * v->strides[d];
        }
        return unpack_item(v->format, p);
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int memory_ass_sub(PyObject *self, PyObject *key, PyObject *value)
{
    if (check_released(self) < 0)
        return -1;
    Py_buffer *v = &MV(self)->view;
    if (v->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    if (v->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0))
            return pack_item(v->format, v->buf, value);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (v->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "sub-views are not implemented");
            return -1;
        }
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        char *p = item_ptr(self, i);
        return p ? pack_item(v->format, p, value) : -1;
    }
    if (PySlice_Check(key) && v->ndim == 1) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            return -1;
        Py_ssize_t n = PySlice_AdjustIndices(v->shape[0], &start, &stop, step);
        Py_buffer src;
        if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0)
            return -1;
        const char *sf = src.format ? src.format : "B";
        Py_ssize_t sn = src.ndim ? (src.shape ? src.shape[0] : src.len / src.itemsize) : 1;
        if (strcmp(fmt_char(sf) ? (char[]){fmt_char(sf), 0} : sf,
                   fmt_char(v->format) ? (char[]){fmt_char(v->format), 0} : v->format) != 0 ||
            src.itemsize != v->itemsize || sn != n || src.ndim > 1) {
            PyBuffer_Release(&src);
            PyErr_SetString(PyExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        Py_ssize_t sstride = src.strides ? src.strides[0] : src.itemsize;
        /* copy through a temporary: source and destination may overlap */
        char *tmp = PyMem_Malloc((size_t)(n * v->itemsize + 1));
        if (tmp == NULL) {
            PyBuffer_Release(&src);
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            memcpy(tmp + i * v->itemsize, (char *)src.buf + i * sstride, (size_t)v->itemsize);
        for (Py_ssize_t i = 0; i < n; i++)
            memcpy((char *)v->buf + (start + i * step) * v->strides[0], tmp + i * v->itemsize,
                   (size_t)v->itemsize);
        PyMem_Free(tmp);
        PyBuffer_Release(&src);
        return 0;
    }
    if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == v->ndim) {
        char *p = v->buf;
        for (int d = 0; d < v->ndim; d++) {
            PyObject *k = PyTuple_GET_ITEM(key, d);
            Py_ssize_t i = PyNumber_AsSsize_t(k, PyExc_IndexError);
            if (i == -1 && PyErr_Occurred())
                return -1;
            if (i < 0)
                i += v->shape[d];
            if (i < 0 || i >= v->shape[d]) {
                PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", d + 1);
                return -1;
            }
            p += i * v->strides[d];
        }
        return pack_item(v->format, p, value);
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_sub,
};

static int memory_getbuf(PyObject *self, Py_buffer *view, int flags)
{
    if (check_released(self) < 0)
        return -1;
    Py_buffer *v = &MV(self)->view;
    if ((flags & PyBUF_WRITABLE) && v->readonly) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(flags & PyBUF_ND) || (!(flags & PyBUF_STRIDES) && !is_c_contig(v))) {
        if (!is_c_contig(v)) {
            PyErr_SetString(PyExc_BufferError,
                            "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
    }
    *view = *v;
    view->obj = Py_NewRef(self);
    if (!(flags & PyBUF_FORMAT))
        view->format = NULL;
    if (!(flags & PyBUF_ND))
        view->shape = NULL;
    if (!(flags & PyBUF_STRIDES))
        view->strides = NULL;
    MV(self)->exports++;
    return 0;
}

static void memory_releasebuf(PyObject *self, Py_buffer *view)
{
    MV(self)->exports--;
}

static PyBufferProcs memory_as_buffer = {memory_getbuf, memory_releasebuf};

static PyObject *memory_repr(PyObject *self)
{
    if (MV(self)->mbuf == NULL)
        return PyUnicode_FromFormat("<released memory at %p>", self);
    return PyUnicode_FromFormat("<memory at %p>", self);
}

static Py_hash_t memory_hash(PyObject *self)
{
    KrMemoryView *mv = MV(self);
    if (mv->hash != -1)
        return mv->hash;
    if (check_released(self) < 0)
        return -1;
    if (!mv->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    char c = fmt_char(mv->view.format);
    if (c != 'B' && c != 'b' && c != 'c') {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (mv->view.obj != NULL && PyObject_Hash(mv->view.obj) == -1)
        return -1;
    PyObject *b = to_bytes(self);
    if (b == NULL)
        return -1;
    mv->hash = _Py_HashBytes(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
    Py_DECREF(b);
    return mv->hash;
}

static PyObject *memory_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!PyMemoryView_Check(a)) {
        PyObject *t = a;
        a = b;
        b = t;
    }
    if (a == b)
        return PyBool_FromLong(op == Py_EQ && MV(a)->mbuf != NULL ? 1 : (op == Py_NE ? 0 : MV(a)->mbuf != NULL));
    if (MV(a)->mbuf == NULL || (PyMemoryView_Check(b) && MV(b)->mbuf == NULL))
        return PyBool_FromLong(op == Py_NE);
    if (!PyObject_CheckBuffer(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *mb = PyMemoryView_FromObject(b);
    if (mb == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *la = memory_tolist(a, NULL);
    PyObject *lb = la ? memory_tolist(mb, NULL) : NULL;
    Py_DECREF(mb);
    if (lb == NULL) {
        Py_XDECREF(la);
        return NULL;
    }
    Py_buffer *va = &MV(a)->view;
    int eq;
    if (va->ndim != 1 && !PyList_Check(la))
        eq = PyObject_RichCompareBool(la, lb, Py_EQ);
    else
        eq = PyObject_RichCompareBool(la, lb, Py_EQ);
    Py_DECREF(la);
    Py_DECREF(lb);
    if (eq < 0)
        return NULL;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

/* ---- iterator (1-D views) --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *view; /* NULL when exhausted */
} memiterobject;

static PyObject *memory_iter(PyObject *self)
{
    if (check_released(self) < 0)
        return NULL;
    if (MV(self)->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (MV(self)->view.ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    memiterobject *it = PyObject_GC_New(memiterobject, &_PyMemoryIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->view = Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void memiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((memiterobject *)op)->view);
    PyObject_GC_Del(op);
}

static int memiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((memiterobject *)op)->view);
    return 0;
}

static PyObject *memiter_next(PyObject *op)
{
    memiterobject *it = (memiterobject *)op;
    PyObject *v = it->view;
    if (v == NULL)
        return NULL;
    if (check_released(v) < 0)
        return NULL;
    if (it->index < MV(v)->view.shape[0])
        return memory_item(v, it->index++);
    it->view = NULL;
    Py_DECREF(v);
    return NULL;
}

PyTypeObject _PyMemoryIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(memiterobject),
    .tp_dealloc = memiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = memiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = memiter_next,
};

static const char memory_doc[] = "Create a new memoryview object which references the given object.";

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(KrMemoryView),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = memory_doc,
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(KrMemoryView, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_new = memory_new,
};

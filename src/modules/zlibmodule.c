/* The zlib module: compress/decompress, the streaming Compress and Decompress objects,
 * crc32/adler32 and the constants, over our own deflate/inflate engines. The engines
 * are fed exactly as CPython's module feeds libz (the same input slices and output
 * block sizes), which is what makes level-0 output and error behaviour identical. */
#include "Python.h"
#include "_zlib_internal.h"
#include <limits.h>
#include <string.h>

#define ZLIB_VERSION_TEXT "1.2.13"
#define DEF_MEM_LEVEL 8
#define DEF_BUF_SIZE (16 * 1024)

typedef struct {
    PyObject *error;
} ZlibState;

static struct PyModuleDef zlibmodule;

/* ---- errors ---------------------------------------------------------------------- */

static void zlib_error(PyObject *error, const KzStream *zst, int err, const char *msg)
{
    const char *zmsg = err == KZ_DATA_ERROR || err == KZ_NEED_DICT ? zst->msg : NULL;
    if (err == KZ_DATA_ERROR && zmsg == NULL)
        zmsg = "invalid input data";
    if (zmsg == NULL) {
        switch (err) {
        case KZ_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
        case KZ_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
        default: break;
        }
    }
    if (zmsg == NULL)
        PyErr_Format(error, "Error %d %s", err, msg);
    else
        PyErr_Format(error, "Error %d %s: %.200s", err, msg, zmsg);
}

static int get_data(PyObject *obj, Py_buffer *view)
{
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(obj)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
}

/* ---- output buffer: CPython's block sizes, kept in one growing bytes object ---------- */

typedef struct {
    PyObject *bytes;
    Py_ssize_t allocated;
    int block;
    Py_ssize_t max_length; /* -1: unlimited */
} OutBuf;

static const Py_ssize_t block_sizes[] = {
    32 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024, 8 * 1024 * 1024,
    16 * 1024 * 1024, 16 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024,
    32 * 1024 * 1024, 64 * 1024 * 1024, 64 * 1024 * 1024, 128 * 1024 * 1024, 128 * 1024 * 1024,
    256 * 1024 * 1024,
};
#define N_BLOCK_SIZES ((int)(sizeof(block_sizes) / sizeof(block_sizes[0])))

/* Adds one block (or `first` bytes for the first block when positive) and points the
 * stream's output at it. Returns -1 with an exception, or -2 when max_length is met. */
static int outbuf_grow(OutBuf *b, KzStream *zst, Py_ssize_t first)
{
    Py_ssize_t size;
    if (b->bytes == NULL && first > 0)
        size = first;
    else {
        size = block_sizes[b->block < N_BLOCK_SIZES ? b->block : N_BLOCK_SIZES - 1];
        b->block++;
    }
    if (b->max_length >= 0) {
        Py_ssize_t room = b->max_length - b->allocated;
        if (room <= 0 && b->bytes != NULL)
            return -2;
        if (size > room)
            size = room;
    }
    if (size > UINT_MAX)
        size = UINT_MAX;
    if (b->bytes == NULL) {
        b->bytes = PyBytes_FromStringAndSize(NULL, size);
        if (b->bytes == NULL)
            return -1;
    }
    else if (_PyBytes_Resize(&b->bytes, b->allocated + size) < 0) {
        return -1;
    }
    zst->next_out = (uint8_t *)PyBytes_AS_STRING(b->bytes) + b->allocated;
    zst->avail_out = (unsigned)size;
    b->allocated += size;
    return 0;
}

static PyObject *outbuf_finish(OutBuf *b, const KzStream *zst)
{
    if (b->bytes == NULL)
        return PyBytes_FromStringAndSize(NULL, 0);
    Py_ssize_t used = b->allocated - zst->avail_out;
    if (used != b->allocated && _PyBytes_Resize(&b->bytes, used) < 0)
        return NULL;
    PyObject *r = b->bytes;
    b->bytes = NULL;
    return r;
}

static void outbuf_free(OutBuf *b) { Py_CLEAR(b->bytes); }

static void arrange_input(KzStream *zst, Py_ssize_t *remaining)
{
    zst->avail_in = (unsigned)(*remaining > (Py_ssize_t)UINT_MAX ? UINT_MAX : *remaining);
    *remaining -= zst->avail_in;
}

/* ---- module functions ------------------------------------------------------------ */

static PyObject *error_of(PyObject *module) { return ((ZlibState *)PyModule_GetState(module))->error; }

static PyObject *zlib_compress(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "level", "wbits", NULL};
    PyObject *dataobj;
    int level = -1, wbits = 15;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|ii:compress", kwlist, &dataobj, &level, &wbits))
        return NULL;
    Py_buffer data;
    if (get_data(dataobj, &data) < 0)
        return NULL;
    KzStream zst = {0};
    KzDeflate *s;
    OutBuf out = {NULL, 0, 0, -1};
    PyObject *res = NULL;
    int err = _Kz_deflate_init(&zst, &s, level, 8, wbits, DEF_MEM_LEVEL, 0);
    if (err == KZ_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError, "Out of memory while compressing data");
        goto done;
    }
    if (err != KZ_OK) {
        PyErr_SetString(error_of(module), "Bad compression level");
        goto done;
    }
    zst.next_in = data.buf;
    Py_ssize_t left = data.len;
    int flush;
    do {
        arrange_input(&zst, &left);
        flush = left == 0 ? KZ_FINISH : KZ_NO_FLUSH;
        do {
            if (zst.avail_out == 0 && outbuf_grow(&out, &zst, 0) < 0)
                goto fail;
            err = _Kz_deflate(&zst, s, flush);
            if (err == KZ_STREAM_ERROR) {
                zlib_error(error_of(module), &zst, err, "while compressing data");
                goto fail;
            }
        } while (zst.avail_out == 0);
    } while (flush != KZ_FINISH);
    res = outbuf_finish(&out, &zst);
fail:
    _Kz_deflate_end(s);
done:
    outbuf_free(&out);
    PyBuffer_Release(&data);
    return res;
}

static PyObject *zlib_decompress(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "wbits", "bufsize", NULL};
    PyObject *dataobj;
    int wbits = 15;
    Py_ssize_t bufsize = DEF_BUF_SIZE;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|in:decompress", kwlist, &dataobj, &wbits, &bufsize))
        return NULL;
    Py_buffer data;
    if (get_data(dataobj, &data) < 0)
        return NULL;
    PyObject *res = NULL;
    OutBuf out = {NULL, 0, 0, -1};
    KzStream zst = {0};
    KzInflate *s = NULL;
    if (bufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "bufsize must be non-negative");
        goto done;
    }
    if (bufsize == 0)
        bufsize = 1;
    int err = _Kz_inflate_init(&zst, &s, wbits);
    if (err == KZ_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError, "Out of memory while decompressing data");
        goto done;
    }
    if (err != KZ_OK) {
        zlib_error(error_of(module), &zst, err, "while preparing to decompress data");
        goto done;
    }
    zst.next_in = data.buf;
    Py_ssize_t left = data.len;
    if (outbuf_grow(&out, &zst, bufsize) < 0)
        goto done;
    do {
        arrange_input(&zst, &left);
        int flush = left == 0 ? KZ_FINISH : KZ_NO_FLUSH;
        do {
            if (zst.avail_out == 0 && outbuf_grow(&out, &zst, 0) < 0)
                goto done;
            err = _Kz_inflate(&zst, s, flush);
            if (err != KZ_OK && err != KZ_BUF_ERROR && err != KZ_STREAM_END) {
                zlib_error(error_of(module), &zst, err, "while decompressing data");
                goto done;
            }
        } while (zst.avail_out == 0);
    } while (err != KZ_STREAM_END && left != 0);
    if (err != KZ_STREAM_END) {
        zlib_error(error_of(module), &zst, err, "while decompressing data");
        goto done;
    }
    res = outbuf_finish(&out, &zst);
done:
    _Kz_inflate_end(s);
    outbuf_free(&out);
    PyBuffer_Release(&data);
    return res;
}

static PyObject *checksum(PyObject *args, const char *fmt, uint32_t start, int crc)
{
    PyObject *dataobj, *valueobj = NULL;
    unsigned int value = start;
    if (!PyArg_ParseTuple(args, fmt, &dataobj, &valueobj))
        return NULL;
    if (valueobj != NULL) {
        PyObject *idx = PyNumber_Index(valueobj);
        if (idx == NULL)
            return NULL;
        value = (unsigned int)PyLong_AsUnsignedLongMask(idx);
        Py_DECREF(idx);
        if (PyErr_Occurred())
            return NULL;
    }
    Py_buffer data;
    if (get_data(dataobj, &data) < 0)
        return NULL;
    uint32_t v = value;
    const uint8_t *p = data.buf;
    Py_ssize_t n = data.len;
    while (n > 0) {
        size_t chunk = n > (1 << 30) ? (size_t)1 << 30 : (size_t)n;
        v = crc ? _Kz_crc32(v, p, chunk) : _Kz_adler32(v, p, chunk);
        p += chunk;
        n -= (Py_ssize_t)chunk;
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(v);
}

static PyObject *zlib_crc32(PyObject *module, PyObject *args) { return checksum(args, "O|O:crc32", 0, 1); }
static PyObject *zlib_adler32(PyObject *module, PyObject *args) { return checksum(args, "O|O:adler32", 1, 0); }

/* ---- Compress objects ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    KzStream zst;
    KzDeflate *s; /* NULL once finished */
    PyObject *error;
} CompObject;

typedef struct {
    PyObject_HEAD
    KzStream zst;
    KzInflate *s; /* NULL once flushed at the end of the stream */
    PyObject *error;
    PyObject *unused_data;
    PyObject *unconsumed_tail;
    PyObject *zdict;
    char eof;
} DecompObject;

static PyTypeObject Comp_Type;
static PyTypeObject Decomp_Type;

static void comp_dealloc(PyObject *self)
{
    CompObject *c = (CompObject *)self;
    _Kz_deflate_end(c->s);
    Py_XDECREF(c->error);
    PyObject_Free(self);
}

static PyObject *zlib_compressobj(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict", NULL};
    int level = -1, method = 8, wbits = 15, memlevel = DEF_MEM_LEVEL, strategy = 0;
    Py_buffer zdict = {0};
    PyObject *zdictobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iiiiiO:compressobj", kwlist, &level, &method, &wbits,
                                     &memlevel, &strategy, &zdictobj))
        return NULL;
    if (zdictobj != NULL && get_data(zdictobj, &zdict) < 0)
        return NULL;
    CompObject *c = PyObject_New(CompObject, &Comp_Type);
    if (c == NULL) {
        if (zdict.obj != NULL)
            PyBuffer_Release(&zdict);
        return NULL;
    }
    memset(&c->zst, 0, sizeof(c->zst));
    c->s = NULL;
    c->error = Py_NewRef(error_of(module));
    int err = _Kz_deflate_init(&c->zst, &c->s, level, method, wbits, memlevel, strategy);
    if (err == KZ_OK && zdict.obj != NULL) {
        if ((size_t)zdict.len > UINT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "zdict length does not fit in an unsigned int");
            goto fail;
        }
        if (_Kz_deflate_set_dictionary(&c->zst, c->s, zdict.buf, (unsigned)zdict.len) != KZ_OK) {
            PyErr_SetString(PyExc_ValueError, "Invalid dictionary");
            goto fail;
        }
    }
    if (err == KZ_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError, "Can't allocate memory for compression object");
        goto fail;
    }
    if (err != KZ_OK) {
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
        goto fail;
    }
    if (zdict.obj != NULL)
        PyBuffer_Release(&zdict);
    return (PyObject *)c;
fail:
    if (zdict.obj != NULL)
        PyBuffer_Release(&zdict);
    Py_DECREF(c);
    return NULL;
}

static PyObject *comp_compress(PyObject *self, PyObject *arg)
{
    CompObject *c = (CompObject *)self;
    Py_buffer data;
    if (get_data(arg, &data) < 0)
        return NULL;
    OutBuf out = {NULL, 0, 0, -1};
    PyObject *res = NULL;
    c->zst.next_in = data.buf;
    c->zst.avail_out = 0;
    Py_ssize_t left = data.len;
    do {
        arrange_input(&c->zst, &left);
        do {
            if (c->zst.avail_out == 0 && outbuf_grow(&out, &c->zst, 0) < 0)
                goto done;
            int err = c->s ? _Kz_deflate(&c->zst, c->s, KZ_NO_FLUSH) : KZ_STREAM_ERROR;
            if (err == KZ_STREAM_ERROR) {
                zlib_error(c->error, &c->zst, err, "while compressing data");
                goto done;
            }
        } while (c->zst.avail_out == 0);
    } while (left != 0);
    res = outbuf_finish(&out, &c->zst);
done:
    outbuf_free(&out);
    PyBuffer_Release(&data);
    c->zst.next_in = NULL;
    c->zst.avail_in = 0;
    return res;
}

static PyObject *comp_flush(PyObject *self, PyObject *args)
{
    CompObject *c = (CompObject *)self;
    int mode = KZ_FINISH;
    if (!PyArg_ParseTuple(args, "|i:flush", &mode))
        return NULL;
    if (mode == KZ_NO_FLUSH)
        return PyBytes_FromStringAndSize(NULL, 0);
    OutBuf out = {NULL, 0, 0, -1};
    int err;
    c->zst.avail_in = 0;
    c->zst.avail_out = 0;
    do {
        if (c->zst.avail_out == 0 && outbuf_grow(&out, &c->zst, 0) < 0)
            goto fail;
        err = c->s ? _Kz_deflate(&c->zst, c->s, mode) : KZ_STREAM_ERROR;
        if (err == KZ_STREAM_ERROR) {
            zlib_error(c->error, &c->zst, err, "while flushing");
            goto fail;
        }
    } while (c->zst.avail_out == 0);
    if (err == KZ_STREAM_END && mode == KZ_FINISH) {
        _Kz_deflate_end(c->s);
        c->s = NULL;
    }
    else if (err != KZ_OK && err != KZ_BUF_ERROR) {
        zlib_error(c->error, &c->zst, err, "while flushing");
        goto fail;
    }
    PyObject *res = outbuf_finish(&out, &c->zst);
    outbuf_free(&out);
    return res;
fail:
    outbuf_free(&out);
    return NULL;
}

static PyObject *comp_copy(PyObject *self, PyObject *unused)
{
    CompObject *c = (CompObject *)self;
    if (c->s == NULL) {
        PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
        return NULL;
    }
    CompObject *n = PyObject_New(CompObject, Py_TYPE(self));
    if (n == NULL)
        return NULL;
    n->zst = c->zst;
    n->error = Py_NewRef(c->error);
    n->s = _Kz_deflate_copy(c->s);
    if (n->s == NULL) {
        Py_DECREF(n);
        return PyErr_NoMemory();
    }
    return (PyObject *)n;
}

static PyObject *comp_deepcopy(PyObject *self, PyObject *memo) { return comp_copy(self, NULL); }

static PyMethodDef comp_methods[] = {
    {"compress", comp_compress, METH_O, NULL},
    {"flush", comp_flush, METH_VARARGS, NULL},
    {"copy", comp_copy, METH_NOARGS, NULL},
    {"__copy__", comp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", comp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Comp_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(CompObject),
    .tp_dealloc = comp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = comp_methods,
};

/* ---- Decompress objects ---------------------------------------------------------- */

static void decomp_dealloc(PyObject *self)
{
    DecompObject *d = (DecompObject *)self;
    _Kz_inflate_end(d->s);
    Py_XDECREF(d->error);
    Py_XDECREF(d->unused_data);
    Py_XDECREF(d->unconsumed_tail);
    Py_XDECREF(d->zdict);
    PyObject_Free(self);
}

static int set_inflate_zdict(DecompObject *d)
{
    Py_buffer zb;
    if (PyObject_GetBuffer(d->zdict, &zb, PyBUF_SIMPLE) < 0)
        return -1;
    if ((size_t)zb.len > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "zdict length does not fit in an unsigned int");
        PyBuffer_Release(&zb);
        return -1;
    }
    int err = _Kz_inflate_set_dictionary(&d->zst, d->s, zb.buf, (unsigned)zb.len);
    PyBuffer_Release(&zb);
    if (err != KZ_OK) {
        d->zst.msg = NULL;
        zlib_error(d->error, &d->zst, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static PyObject *zlib_decompressobj(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"wbits", "zdict", NULL};
    int wbits = 15;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iO:decompressobj", kwlist, &wbits, &zdict))
        return NULL;
    if (zdict != NULL && !PyObject_CheckBuffer(zdict)) {
        PyErr_SetString(PyExc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    DecompObject *d = PyObject_New(DecompObject, &Decomp_Type);
    if (d == NULL)
        return NULL;
    memset(&d->zst, 0, sizeof(d->zst));
    d->s = NULL;
    d->eof = 0;
    d->error = Py_NewRef(error_of(module));
    d->zdict = Py_XNewRef(zdict);
    d->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    d->unconsumed_tail = PyBytes_FromStringAndSize(NULL, 0);
    if (d->unused_data == NULL || d->unconsumed_tail == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    int err = _Kz_inflate_init(&d->zst, &d->s, wbits);
    if (err == KZ_MEM_ERROR) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_MemoryError, "Can't allocate memory for decompression object");
        return NULL;
    }
    if (err != KZ_OK) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
        return NULL;
    }
    /* A raw stream announces no dictionary: install it now. */
    if (wbits < 0 && zdict != NULL && set_inflate_zdict(d) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return (PyObject *)d;
}

/* After a call: input after the end of the stream goes to unused_data, input not
 * consumed because of max_length to unconsumed_tail. */
static int save_unconsumed(DecompObject *d, const Py_buffer *data, int err)
{
    const char *end = (const char *)data->buf + data->len;
    if (err == KZ_STREAM_END && d->zst.avail_in > 0) {
        Py_ssize_t n = end - (const char *)d->zst.next_in;
        Py_ssize_t old = PyBytes_GET_SIZE(d->unused_data);
        PyObject *nu = PyBytes_FromStringAndSize(NULL, old + n);
        if (nu == NULL)
            return -1;
        memcpy(PyBytes_AS_STRING(nu), PyBytes_AS_STRING(d->unused_data), old);
        memcpy(PyBytes_AS_STRING(nu) + old, d->zst.next_in, n);
        Py_SETREF(d->unused_data, nu);
        d->zst.avail_in = 0;
    }
    if (d->zst.avail_in > 0 || PyBytes_GET_SIZE(d->unconsumed_tail)) {
        PyObject *nt = PyBytes_FromStringAndSize((const char *)d->zst.next_in, end - (const char *)d->zst.next_in);
        if (nt == NULL)
            return -1;
        Py_SETREF(d->unconsumed_tail, nt);
    }
    return 0;
}

static PyObject *decomp_decompress(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "max_length", NULL};
    DecompObject *d = (DecompObject *)self;
    PyObject *dataobj;
    Py_ssize_t max_length = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|n:decompress", kwlist, &dataobj, &max_length))
        return NULL;
    Py_buffer data;
    if (get_data(dataobj, &data) < 0)
        return NULL;
    PyObject *res = NULL;
    OutBuf out = {NULL, 0, 0, -1};
    int err = KZ_OK;
    if (max_length < 0) {
        PyErr_SetString(PyExc_ValueError, "max_length must be non-negative");
        goto done;
    }
    out.max_length = max_length == 0 ? -1 : max_length;
    d->zst.next_in = data.buf;
    d->zst.avail_out = 0;
    Py_ssize_t left = data.len;
    do {
        arrange_input(&d->zst, &left);
        do {
            if (d->zst.avail_out == 0) {
                int g = outbuf_grow(&out, &d->zst, 0);
                if (g == -1)
                    goto done;
                if (g == -2)
                    goto save;
            }
            err = d->s ? _Kz_inflate(&d->zst, d->s, KZ_SYNC_FLUSH) : KZ_STREAM_ERROR;
            if (err == KZ_NEED_DICT && d->zdict != NULL) {
                if (set_inflate_zdict(d) < 0)
                    goto done;
                continue;
            }
            if (err != KZ_OK && err != KZ_BUF_ERROR && err != KZ_STREAM_END)
                goto save;
        } while (d->zst.avail_out == 0 || err == KZ_NEED_DICT);
    } while (err != KZ_STREAM_END && left != 0);
save:
    /* Input left over in the caller's slices counts as not consumed. */
    d->zst.avail_in += (unsigned)left;
    if (save_unconsumed(d, &data, err) < 0)
        goto done;
    if (err == KZ_STREAM_END) {
        d->eof = 1;
    }
    else if (err != KZ_OK && err != KZ_BUF_ERROR) {
        zlib_error(d->error, &d->zst, err, "while decompressing data");
        goto done;
    }
    res = outbuf_finish(&out, &d->zst);
done:
    outbuf_free(&out);
    PyBuffer_Release(&data);
    d->zst.next_in = NULL;
    d->zst.avail_in = 0;
    return res;
}

static PyObject *decomp_flush(PyObject *self, PyObject *args)
{
    DecompObject *d = (DecompObject *)self;
    Py_ssize_t length = DEF_BUF_SIZE;
    if (!PyArg_ParseTuple(args, "|n:flush", &length))
        return NULL;
    if (length <= 0) {
        PyErr_SetString(PyExc_ValueError, "length must be greater than zero");
        return NULL;
    }
    Py_buffer data;
    if (PyObject_GetBuffer(d->unconsumed_tail, &data, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *res = NULL;
    OutBuf out = {NULL, 0, 0, -1};
    int err = KZ_OK;
    d->zst.next_in = data.buf;
    Py_ssize_t left = data.len;
    if (outbuf_grow(&out, &d->zst, length) < 0)
        goto done;
    do {
        arrange_input(&d->zst, &left);
        int flush = left == 0 ? KZ_FINISH : KZ_NO_FLUSH;
        do {
            if (d->zst.avail_out == 0 && outbuf_grow(&out, &d->zst, 0) < 0)
                goto done;
            err = d->s ? _Kz_inflate(&d->zst, d->s, flush) : KZ_STREAM_ERROR;
            if (err == KZ_NEED_DICT && d->zdict != NULL) {
                if (set_inflate_zdict(d) < 0)
                    goto done;
                continue;
            }
            if (err != KZ_OK && err != KZ_BUF_ERROR && err != KZ_STREAM_END)
                goto save;
        } while (d->zst.avail_out == 0 || err == KZ_NEED_DICT);
    } while (err != KZ_STREAM_END && left != 0);
save:
    d->zst.avail_in += (unsigned)left;
    if (save_unconsumed(d, &data, err) < 0)
        goto done;
    if (err == KZ_STREAM_END) {
        d->eof = 1;
        _Kz_inflate_end(d->s);
        d->s = NULL;
    }
    res = outbuf_finish(&out, &d->zst);
done:
    outbuf_free(&out);
    PyBuffer_Release(&data);
    d->zst.next_in = NULL;
    d->zst.avail_in = 0;
    return res;
}

static PyObject *decomp_copy(PyObject *self, PyObject *unused)
{
    DecompObject *d = (DecompObject *)self;
    if (d->s == NULL) {
        PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
        return NULL;
    }
    DecompObject *n = PyObject_New(DecompObject, Py_TYPE(self));
    if (n == NULL)
        return NULL;
    n->zst = d->zst;
    n->eof = d->eof;
    n->error = Py_NewRef(d->error);
    n->unused_data = Py_NewRef(d->unused_data);
    n->unconsumed_tail = Py_NewRef(d->unconsumed_tail);
    n->zdict = Py_XNewRef(d->zdict);
    n->s = _Kz_inflate_copy(d->s);
    if (n->s == NULL) {
        Py_DECREF(n);
        return PyErr_NoMemory();
    }
    return (PyObject *)n;
}

static PyObject *decomp_deepcopy(PyObject *self, PyObject *memo) { return decomp_copy(self, NULL); }

static PyObject *decomp_get_unused(PyObject *self, void *c) { return Py_NewRef(((DecompObject *)self)->unused_data); }
static PyObject *decomp_get_tail(PyObject *self, void *c) { return Py_NewRef(((DecompObject *)self)->unconsumed_tail); }
static PyObject *decomp_get_eof(PyObject *self, void *c) { return PyBool_FromLong(((DecompObject *)self)->eof); }

static PyMethodDef decomp_methods[] = {
    {"decompress", _PyCFunction_CAST(decomp_decompress), METH_VARARGS | METH_KEYWORDS, NULL},
    {"flush", decomp_flush, METH_VARARGS, NULL},
    {"copy", decomp_copy, METH_NOARGS, NULL},
    {"__copy__", decomp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", decomp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decomp_getset[] = {
    {"unused_data", decomp_get_unused, NULL, NULL, NULL},
    {"unconsumed_tail", decomp_get_tail, NULL, NULL, NULL},
    {"eof", decomp_get_eof, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Decomp_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(DecompObject),
    .tp_dealloc = decomp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = decomp_methods,
    .tp_getset = decomp_getset,
};

/* ---- module ---------------------------------------------------------------------- */

static PyMethodDef zlib_methods[] = {
    {"compress", _PyCFunction_CAST(zlib_compress), METH_VARARGS | METH_KEYWORDS,
     "Returns a bytes object containing compressed data."},
    {"decompress", _PyCFunction_CAST(zlib_decompress), METH_VARARGS | METH_KEYWORDS,
     "Returns a bytes object containing the uncompressed data."},
    {"compressobj", _PyCFunction_CAST(zlib_compressobj), METH_VARARGS | METH_KEYWORDS,
     "Return a compressor object."},
    {"decompressobj", _PyCFunction_CAST(zlib_decompressobj), METH_VARARGS | METH_KEYWORDS,
     "Return a decompressor object."},
    {"crc32", zlib_crc32, METH_VARARGS, "Compute a CRC-32 checksum of data."},
    {"adler32", zlib_adler32, METH_VARARGS, "Compute an Adler-32 checksum of data."},
    {NULL, NULL, 0, NULL},
};

static int zlib_traverse(PyObject *m, visitproc visit, void *arg)
{
    ZlibState *st = PyModule_GetState(m);
    Py_VISIT(st->error);
    return 0;
}

static int zlib_clear(PyObject *m)
{
    ZlibState *st = PyModule_GetState(m);
    Py_CLEAR(st->error);
    return 0;
}

static void zlib_free(void *m) { zlib_clear((PyObject *)m); }

static struct PyModuleDef zlibmodule = {
    PyModuleDef_HEAD_INIT, "zlib",
    "The functions in this module allow compression and decompression using the\n"
    "zlib library, which is based on GNU zip.",
    sizeof(ZlibState), zlib_methods, NULL, zlib_traverse, zlib_clear, zlib_free,
};

PyObject *PyInit_zlib(void)
{
    if (!(Comp_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Comp_Type) < 0)
        return NULL;
    if (!(Decomp_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Decomp_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&zlibmodule);
    if (m == NULL)
        return NULL;
    ZlibState *st = PyModule_GetState(m);
    st->error = PyErr_NewException("zlib.error", NULL, NULL);
    if (st->error == NULL || PyModule_AddObjectRef(m, "error", st->error) < 0)
        goto fail;
    static const struct { const char *name; long value; } ints[] = {
        {"MAX_WBITS", 15}, {"DEFLATED", 8}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL}, {"DEF_BUF_SIZE", DEF_BUF_SIZE},
        {"Z_NO_COMPRESSION", 0}, {"Z_BEST_SPEED", 1}, {"Z_BEST_COMPRESSION", 9}, {"Z_DEFAULT_COMPRESSION", -1},
        {"Z_FILTERED", KZ_FILTERED}, {"Z_HUFFMAN_ONLY", KZ_HUFFMAN_ONLY}, {"Z_RLE", KZ_RLE}, {"Z_FIXED", KZ_FIXED},
        {"Z_DEFAULT_STRATEGY", 0}, {"Z_NO_FLUSH", KZ_NO_FLUSH}, {"Z_PARTIAL_FLUSH", KZ_PARTIAL_FLUSH},
        {"Z_SYNC_FLUSH", KZ_SYNC_FLUSH}, {"Z_FULL_FLUSH", KZ_FULL_FLUSH}, {"Z_FINISH", KZ_FINISH},
        {"Z_BLOCK", KZ_BLOCK}, {"Z_TREES", KZ_TREES},
    };
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
        if (PyModule_AddIntConstant(m, ints[i].name, ints[i].value) < 0)
            goto fail;
    if (PyModule_AddStringConstant(m, "ZLIB_VERSION", ZLIB_VERSION_TEXT) < 0 ||
        PyModule_AddStringConstant(m, "ZLIB_RUNTIME_VERSION", ZLIB_VERSION_TEXT) < 0 ||
        PyModule_AddStringConstant(m, "__version__", "1.0") < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

/* The _md5 module: MD5 message digest, written from the published specification (RFC 1321). */
#include "Python.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    uint32_t h[4];
    uint64_t total;
    unsigned char buf[64];
    size_t buflen;
} HashObject;

static PyTypeObject Hash_Type;

static const uint32_t IV[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};

/* Per-step left-rotation amounts and the sine-derived additive constants of RFC 1321. */
static const uint8_t R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                              5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                              4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                              6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
/* K[i] = floor(2**32 * |sin(i + 1)|) as defined by the specification. */
static const uint32_t K[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
    0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
    0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
    0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
    0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
    0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

#define ROL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void compress(uint32_t *h, const unsigned char *p)
{
    uint32_t w[16];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] | ((uint32_t)p[4 * i + 1] << 8) | ((uint32_t)p[4 * i + 2] << 16) |
               ((uint32_t)p[4 * i + 3] << 24);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) { f = (b & c) | (~b & d); g = i; }
        else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
        else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
        else { f = c ^ (b | ~d); g = (7 * i) & 15; }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + ROL(a + f + K[i] + w[g], R[i]);
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

static void feed(HashObject *s, const unsigned char *p, size_t n)
{
    s->total += n;
    if (s->buflen) {
        size_t take = 64 - s->buflen < n ? 64 - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += take;
        p += take;
        n -= take;
        if (s->buflen < 64)
            return;
        compress(s->h, s->buf);
        s->buflen = 0;
    }
    for (; n >= 64; n -= 64, p += 64)
        compress(s->h, p);
    memcpy(s->buf, p, n);
    s->buflen = n;
}

/* Pads a copy so the object can keep absorbing input after a digest. */
static void final(const HashObject *src, unsigned char *out)
{
    HashObject s = *src;
    uint64_t bits = s.total * 8;
    unsigned char pad[128] = {0x80};
    size_t padlen = s.buflen < 56 ? 56 - s.buflen : 120 - s.buflen;
    for (int i = 0; i < 8; i++)
        pad[padlen + i] = (unsigned char)(bits >> (8 * i));
    feed(&s, pad, padlen + 8);
    for (int i = 0; i < 16; i++)
        out[i] = (unsigned char)(s.h[i / 4] >> (8 * (i % 4)));
}

static int absorb(HashObject *s, PyObject *data)
{
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(data)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0)
        return -1;
    feed(s, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return 0;
}

static PyObject *h_update(PyObject *self, PyObject *data)
{
    if (absorb((HashObject *)self, data) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *h_digest(PyObject *self, PyObject *unused)
{
    unsigned char out[16];
    final((HashObject *)self, out);
    return PyBytes_FromStringAndSize((const char *)out, 16);
}

static PyObject *h_hexdigest(PyObject *self, PyObject *unused)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char out[16];
    char text[2 * 16];
    final((HashObject *)self, out);
    for (int i = 0; i < 16; i++) {
        text[2 * i] = hex[out[i] >> 4];
        text[2 * i + 1] = hex[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(text, 2 * 16);
}

static PyObject *h_copy(PyObject *self, PyObject *unused)
{
    HashObject *c = PyObject_New(HashObject, Py_TYPE(self));
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(PyObject), (char *)self + sizeof(PyObject), sizeof(HashObject) - sizeof(PyObject));
    return (PyObject *)c;
}

static PyObject *h_name(PyObject *self, void *closure) { return PyUnicode_FromString("md5"); }
static PyObject *h_digest_size(PyObject *self, void *closure) { return PyLong_FromLong(16); }
static PyObject *h_block_size(PyObject *self, void *closure) { return PyLong_FromLong(64); }

static void h_dealloc(PyObject *self)
{
    PyObject_Free(self);
}

static PyMethodDef h_methods[] = {
    {"update", h_update, METH_O, "Update this hash object's state with the provided string."},
    {"digest", h_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", h_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", h_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef h_getset[] = {
    {"name", h_name, NULL, NULL, NULL},
    {"digest_size", h_digest_size, NULL, NULL, NULL},
    {"block_size", h_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Hash_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_md5.md5",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = h_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = h_methods,
    .tp_getset = h_getset,
};

static PyObject *mod_new(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "usedforsecurity", "string", NULL};
    PyObject *data = NULL, *string = NULL;
    int secure = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O$pO:md5", kwlist, &data, &secure, &string))
        return NULL;
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
        return NULL;
    }
    if (data == NULL)
        data = string;
    HashObject *s = PyObject_New(HashObject, &Hash_Type);
    if (s == NULL)
        return NULL;
    memcpy(s->h, IV, sizeof(s->h));
    s->total = 0;
    s->buflen = 0;
    if (data != NULL && absorb(s, data) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static PyMethodDef module_methods[] = {
    {"md5", _PyCFunction_CAST(mod_new), METH_VARARGS | METH_KEYWORDS, "Return a new MD5 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hashmodule = {
    PyModuleDef_HEAD_INIT, "_md5", NULL, -1, module_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__md5(void)
{
    if (!(Hash_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Hash_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hashmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "MD5Type", (PyObject *)&Hash_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

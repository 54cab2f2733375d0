/* The _sha1 module: SHA-1 message digest, written from the published specification (FIPS 180-4). */
#include "Python.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    uint32_t h[5];
    uint64_t total;
    unsigned char buf[64];
    size_t buflen;
} HashObject;

static PyTypeObject Hash_Type;

static const uint32_t IV[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

#define ROL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void compress(uint32_t *h, const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) | ((uint32_t)p[4 * i + 2] << 8) |
               p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
        else { f = b ^ c ^ d; k = 0xca62c1d6; }
        uint32_t t = ROL(a, 5) + f + e + k + w[i];
        e = d; d = c; c = ROL(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
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
        pad[padlen + 7 - i] = (unsigned char)(bits >> (8 * i));
    feed(&s, pad, padlen + 8);
    for (int i = 0; i < 20; i++)
        out[i] = (unsigned char)(s.h[i / 4] >> (24 - 8 * (i % 4)));
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
    unsigned char out[20];
    final((HashObject *)self, out);
    return PyBytes_FromStringAndSize((const char *)out, 20);
}

static PyObject *h_hexdigest(PyObject *self, PyObject *unused)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char out[20];
    char text[2 * 20];
    final((HashObject *)self, out);
    for (int i = 0; i < 20; i++) {
        text[2 * i] = hex[out[i] >> 4];
        text[2 * i + 1] = hex[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(text, 2 * 20);
}

static PyObject *h_copy(PyObject *self, PyObject *unused)
{
    HashObject *c = PyObject_New(HashObject, Py_TYPE(self));
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(PyObject), (char *)self + sizeof(PyObject), sizeof(HashObject) - sizeof(PyObject));
    return (PyObject *)c;
}

static PyObject *h_name(PyObject *self, void *closure) { return PyUnicode_FromString("sha1"); }
static PyObject *h_digest_size(PyObject *self, void *closure) { return PyLong_FromLong(20); }
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
    .tp_name = "_sha1.sha1",
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
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O$pO:sha1", kwlist, &data, &secure, &string))
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
    {"sha1", _PyCFunction_CAST(mod_new), METH_VARARGS | METH_KEYWORDS, "Return a new SHA1 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hashmodule = {
    PyModuleDef_HEAD_INIT, "_sha1", NULL, -1, module_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__sha1(void)
{
    if (!(Hash_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Hash_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hashmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "SHA1Type", (PyObject *)&Hash_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

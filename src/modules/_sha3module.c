/* The _sha3 module: SHA3-224/256/384/512 and SHAKE128/256 over Keccak-f[1600] (FIPS 202). */
#include "Python.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    uint64_t a[25];
    unsigned char buf[200];
    size_t buflen;
    int rate;          /* bytes absorbed per permutation */
    int digest_size;   /* 0 for SHAKE */
    unsigned char suffix;
} SHA3Object;

static const uint64_t RC[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* Rotation offsets indexed by lane x + 5y. */
static const int ROT[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

static uint64_t rol64(uint64_t v, int n)
{
    return n == 0 ? v : (v << n) | (v >> (64 - n));
}

static void keccak_f(uint64_t *a)
{
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], d[5], b[25];
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++)
            d[x] = c[(x + 4) % 5] ^ rol64(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; i++)
            a[i] ^= d[i % 5];
        /* rho and pi: lane (x, y) moves to (y, 2x + 3y). */
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rol64(a[x + 5 * y], ROT[x + 5 * y]);
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 5; x++)
                a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
        a[0] ^= RC[round];
    }
}

static void absorb_block(SHA3Object *s, const unsigned char *p)
{
    for (int i = 0; i < s->rate / 8; i++) {
        uint64_t v = 0;
        for (int j = 7; j >= 0; j--)
            v = (v << 8) | p[8 * i + j];
        s->a[i] ^= v;
    }
    keccak_f(s->a);
}

static void sha3_feed(SHA3Object *s, const unsigned char *p, size_t n)
{
    size_t rate = (size_t)s->rate;
    if (s->buflen) {
        size_t take = rate - s->buflen < n ? rate - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += take;
        p += take;
        n -= take;
        if (s->buflen < rate)
            return;
        absorb_block(s, s->buf);
        s->buflen = 0;
    }
    for (; n >= rate; n -= rate, p += rate)
        absorb_block(s, p);
    memcpy(s->buf, p, n);
    s->buflen = n;
}

/* Squeezes `len` bytes from a padded copy of the state. */
static void sha3_squeeze(const SHA3Object *src, unsigned char *out, size_t len)
{
    SHA3Object s = *src;
    memset(s.buf + s.buflen, 0, (size_t)s.rate - s.buflen);
    s.buf[s.buflen] ^= s.suffix;
    s.buf[s.rate - 1] ^= 0x80;
    absorb_block(&s, s.buf);
    size_t done = 0;
    for (;;) {
        for (int i = 0; i < s.rate && done < len; i++, done++)
            out[done] = (unsigned char)(s.a[i / 8] >> (8 * (i % 8)));
        if (done >= len)
            break;
        keccak_f(s.a);
    }
}

static int sha3_absorb(SHA3Object *s, PyObject *data)
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
    sha3_feed(s, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return 0;
}

static PyObject *sha3_update(PyObject *self, PyObject *data)
{
    if (sha3_absorb((SHA3Object *)self, data) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *make_digest(PyObject *self, Py_ssize_t len, int hex)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char *out = PyMem_Malloc((size_t)(len ? len : 1));
    if (out == NULL)
        return PyErr_NoMemory();
    sha3_squeeze((SHA3Object *)self, out, (size_t)len);
    PyObject *res;
    if (!hex) {
        res = PyBytes_FromStringAndSize((const char *)out, len);
    }
    else {
        char *text = PyMem_Malloc((size_t)(2 * len + 1));
        if (text == NULL) {
            PyMem_Free(out);
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0; i < len; i++) {
            text[2 * i] = digits[out[i] >> 4];
            text[2 * i + 1] = digits[out[i] & 15];
        }
        res = PyUnicode_FromStringAndSize(text, 2 * len);
        PyMem_Free(text);
    }
    PyMem_Free(out);
    return res;
}

static PyObject *sha3_digest(PyObject *self, PyObject *unused)
{
    return make_digest(self, ((SHA3Object *)self)->digest_size, 0);
}

static PyObject *sha3_hexdigest(PyObject *self, PyObject *unused)
{
    return make_digest(self, ((SHA3Object *)self)->digest_size, 1);
}

static PyObject *shake_output(PyObject *arg, int hex, PyObject *self)
{
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return NULL;
    }
    if (n >= ((Py_ssize_t)1 << 29)) {
        PyErr_SetString(PyExc_ValueError, "length is too large");
        return NULL;
    }
    return make_digest(self, n, hex);
}

static PyObject *shake_digest(PyObject *self, PyObject *arg)
{
    return shake_output(arg, 0, self);
}

static PyObject *shake_hexdigest(PyObject *self, PyObject *arg)
{
    return shake_output(arg, 1, self);
}

static PyObject *sha3_copy(PyObject *self, PyObject *unused)
{
    SHA3Object *c = PyObject_New(SHA3Object, Py_TYPE(self));
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(PyObject), (char *)self + sizeof(PyObject), sizeof(SHA3Object) - sizeof(PyObject));
    return (PyObject *)c;
}

static PyObject *sha3_get_name(PyObject *self, void *closure)
{
    return PyUnicode_FromString(Py_TYPE(self)->tp_name + 6); /* after "_sha3." */
}

static PyObject *sha3_get_digest_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((SHA3Object *)self)->digest_size);
}

static PyObject *sha3_get_block_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((SHA3Object *)self)->rate);
}

static PyObject *sha3_get_capacity(PyObject *self, void *closure)
{
    return PyLong_FromLong(1600 - ((SHA3Object *)self)->rate * 8);
}

static PyObject *sha3_get_rate(PyObject *self, void *closure)
{
    return PyLong_FromLong(((SHA3Object *)self)->rate * 8);
}

static PyObject *sha3_get_suffix(PyObject *self, void *closure)
{
    char c = (char)((SHA3Object *)self)->suffix;
    return PyBytes_FromStringAndSize(&c, 1);
}

static void sha3_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyMethodDef sha3_methods[] = {
    {"update", sha3_update, METH_O, "Update this hash object's state with the provided bytes-like object."},
    {"digest", sha3_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", sha3_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha3_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef shake_methods[] = {
    {"update", sha3_update, METH_O, "Update this hash object's state with the provided bytes-like object."},
    {"digest", shake_digest, METH_O, "Return the digest value as a bytes object."},
    {"hexdigest", shake_hexdigest, METH_O, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha3_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef sha3_getset[] = {
    {"name", sha3_get_name, NULL, NULL, NULL},
    {"digest_size", sha3_get_digest_size, NULL, NULL, NULL},
    {"block_size", sha3_get_block_size, NULL, NULL, NULL},
    {"_capacity_bits", sha3_get_capacity, NULL, NULL, NULL},
    {"_rate_bits", sha3_get_rate, NULL, NULL, NULL},
    {"_suffix", sha3_get_suffix, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *sha3_new(PyTypeObject *type, PyObject *args, PyObject *kwargs);

#define SHA3_TYPE(var, pyname, methods)                                                       \
    static PyTypeObject var = {                                                               \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = "_sha3." pyname,                                                           \
        .tp_basicsize = sizeof(SHA3Object),                                                   \
        .tp_dealloc = sha3_dealloc,                                                           \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,      \
        .tp_methods = methods,                                                                \
        .tp_getset = sha3_getset,                                                             \
        .tp_new = sha3_new,                                                                   \
    };
SHA3_TYPE(SHA3_224_Type, "sha3_224", sha3_methods)
SHA3_TYPE(SHA3_256_Type, "sha3_256", sha3_methods)
SHA3_TYPE(SHA3_384_Type, "sha3_384", sha3_methods)
SHA3_TYPE(SHA3_512_Type, "sha3_512", sha3_methods)
SHA3_TYPE(SHAKE128_Type, "shake_128", shake_methods)
SHA3_TYPE(SHAKE256_Type, "shake_256", shake_methods)

static PyObject *sha3_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "usedforsecurity", "string", NULL};
    PyObject *data = NULL, *string = NULL;
    int secure = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O$pO", kwlist, &data, &secure, &string))
        return NULL;
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
        return NULL;
    }
    if (data == NULL)
        data = string;
    SHA3Object *s = (SHA3Object *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    memset(s->a, 0, sizeof(s->a));
    s->buflen = 0;
    PyTypeObject *base = type;
    while (base->tp_base != NULL && base->tp_base != &PyBaseObject_Type)
        base = base->tp_base;
    int bits = base == &SHA3_224_Type ? 224 : base == &SHA3_256_Type ? 256 : base == &SHA3_384_Type ? 384
             : base == &SHA3_512_Type ? 512 : base == &SHAKE128_Type ? 128 : 256;
    int shake = base == &SHAKE128_Type || base == &SHAKE256_Type;
    s->rate = (1600 - 2 * bits) / 8;
    s->digest_size = shake ? 0 : bits / 8;
    s->suffix = shake ? 0x1f : 0x06;
    if (data != NULL && sha3_absorb(s, data) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static struct PyModuleDef sha3module = {
    PyModuleDef_HEAD_INIT, "_sha3", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__sha3(void)
{
    PyTypeObject *types[] = {&SHA3_224_Type, &SHA3_256_Type, &SHA3_384_Type, &SHA3_512_Type,
                             &SHAKE128_Type, &SHAKE256_Type};
    for (int i = 0; i < 6; i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(&sha3module);
    if (m == NULL)
        return NULL;
    for (int i = 0; i < 6; i++) {
        if (PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddStringConstant(m, "implementation", "krait") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

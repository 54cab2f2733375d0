/* The _blake2 module: BLAKE2b (64-bit words) and BLAKE2s (32-bit words) per RFC 7693,
 * including keys, salt, personalisation and the tree-hashing parameters. */
#include "Python.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    int wide; /* 1: blake2b, 0: blake2s */
    int digest_size;
    int last_node;
    uint64_t h64[8];
    uint32_t h32[8];
    uint64_t t0, t1; /* byte counter (two words for blake2b's 128-bit counter) */
    unsigned char buf[128];
    size_t buflen;
} Blake2Object;

static const uint64_t IVB[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint32_t IVS[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

static const uint8_t SIGMA[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void compress_b(Blake2Object *s, const unsigned char *p, int last)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++) {
        uint64_t w = 0;
        for (int j = 7; j >= 0; j--)
            w = (w << 8) | p[8 * i + j];
        m[i] = w;
    }
    for (int i = 0; i < 8; i++) {
        v[i] = s->h64[i];
        v[i + 8] = IVB[i];
    }
    v[12] ^= s->t0;
    v[13] ^= s->t1;
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GB(a, b, c, d, x, y)                                   \
    do {                                                       \
        v[a] = v[a] + v[b] + (x); v[d] = ror64(v[d] ^ v[a], 32); \
        v[c] = v[c] + v[d]; v[b] = ror64(v[b] ^ v[c], 24);       \
        v[a] = v[a] + v[b] + (y); v[d] = ror64(v[d] ^ v[a], 16); \
        v[c] = v[c] + v[d]; v[b] = ror64(v[b] ^ v[c], 63);       \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const uint8_t *sg = SIGMA[r];
        GB(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        GB(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        GB(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        GB(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        GB(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        GB(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        GB(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        GB(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
#undef GB
    for (int i = 0; i < 8; i++)
        s->h64[i] ^= v[i] ^ v[i + 8];
}

static void compress_s(Blake2Object *s, const unsigned char *p, int last)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)p[4 * i] | ((uint32_t)p[4 * i + 1] << 8) | ((uint32_t)p[4 * i + 2] << 16) |
               ((uint32_t)p[4 * i + 3] << 24);
    for (int i = 0; i < 8; i++) {
        v[i] = s->h32[i];
        v[i + 8] = IVS[i];
    }
    v[12] ^= (uint32_t)s->t0;
    v[13] ^= (uint32_t)(s->t0 >> 32);
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GS(a, b, c, d, x, y)                                   \
    do {                                                       \
        v[a] = v[a] + v[b] + (x); v[d] = ror32(v[d] ^ v[a], 16); \
        v[c] = v[c] + v[d]; v[b] = ror32(v[b] ^ v[c], 12);       \
        v[a] = v[a] + v[b] + (y); v[d] = ror32(v[d] ^ v[a], 8);  \
        v[c] = v[c] + v[d]; v[b] = ror32(v[b] ^ v[c], 7);        \
    } while (0)
    for (int r = 0; r < 10; r++) {
        const uint8_t *sg = SIGMA[r];
        GS(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        GS(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        GS(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        GS(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        GS(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        GS(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        GS(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        GS(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
#undef GS
    for (int i = 0; i < 8; i++)
        s->h32[i] ^= v[i] ^ v[i + 8];
}

static void add_count(Blake2Object *s, size_t n)
{
    uint64_t old = s->t0;
    s->t0 += n;
    if (s->t0 < old)
        s->t1++;
}

static void blake2_feed(Blake2Object *s, const unsigned char *p, size_t n)
{
    size_t bb = s->wide ? 128 : 64;
    /* A full buffer is compressed only once more input shows it is not the last block. */
    while (n > 0) {
        if (s->buflen == bb) {
            add_count(s, bb);
            if (s->wide)
                compress_b(s, s->buf, 0);
            else
                compress_s(s, s->buf, 0);
            s->buflen = 0;
        }
        size_t take = bb - s->buflen < n ? bb - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += take;
        p += take;
        n -= take;
    }
}

static void blake2_final(const Blake2Object *src, unsigned char *out)
{
    Blake2Object s = *src;
    size_t bb = s.wide ? 128 : 64;
    add_count(&s, s.buflen);
    memset(s.buf + s.buflen, 0, bb - s.buflen);
    if (s.wide)
        compress_b(&s, s.buf, 1);
    else
        compress_s(&s, s.buf, 1);
    for (int i = 0; i < s.digest_size; i++)
        out[i] = s.wide ? (unsigned char)(s.h64[i / 8] >> (8 * (i % 8)))
                        : (unsigned char)(s.h32[i / 4] >> (8 * (i % 4)));
}

static int get_bytes(PyObject *obj, Py_buffer *view)
{
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
}

static int blake2_absorb(Blake2Object *s, PyObject *data)
{
    Py_buffer view;
    if (get_bytes(data, &view) < 0)
        return -1;
    blake2_feed(s, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return 0;
}

static PyTypeObject Blake2b_Type, Blake2s_Type;

static PyObject *blake2_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "digest_size", "key", "salt", "person", "fanout", "depth",
                             "leaf_size", "node_offset", "node_depth", "inner_size", "last_node",
                             "usedforsecurity", "string", NULL};
    int wide = PyType_IsSubtype(type, &Blake2b_Type);
    int maxd = wide ? 64 : 32, saltsz = wide ? 16 : 8;
    PyObject *data = NULL, *string = NULL;
    int digest_size = maxd, fanout = 1, depth = 1, node_depth = 0, inner_size = 0, last_node = 0, secure = 1;
    unsigned long leaf_size = 0;
    unsigned long long node_offset = 0;
    Py_buffer key = {0}, salt = {0}, person = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O$iy*y*y*iikKiipiO", kwlist, &data, &digest_size,
                                     &key, &salt, &person, &fanout, &depth, &leaf_size, &node_offset,
                                     &node_depth, &inner_size, &last_node, &secure, &string))
        return NULL;
    Blake2Object *s = NULL;
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
        goto done;
    }
    if (data == NULL)
        data = string;
    if (digest_size < 1 || digest_size > maxd) {
        PyErr_Format(PyExc_ValueError, "digest_size must be between 1 and %d bytes", maxd);
        goto done;
    }
    if (key.obj != NULL && key.len > maxd) {
        PyErr_Format(PyExc_ValueError, "maximum key length is %d bytes", maxd);
        goto done;
    }
    if (salt.obj != NULL && salt.len > saltsz) {
        PyErr_Format(PyExc_ValueError, "maximum salt length is %d bytes", saltsz);
        goto done;
    }
    if (person.obj != NULL && person.len > saltsz) {
        PyErr_Format(PyExc_ValueError, "maximum person length is %d bytes", saltsz);
        goto done;
    }
    if (fanout < 0 || fanout > 255) {
        PyErr_SetString(PyExc_ValueError, "fanout must be between 0 and 255");
        goto done;
    }
    if (depth <= 0 || depth > 255) {
        PyErr_SetString(PyExc_ValueError, "depth must be between 1 and 255");
        goto done;
    }
    if (leaf_size > 0xffffffffUL) {
        PyErr_SetString(PyExc_OverflowError, "leaf_size is too large");
        goto done;
    }
    if (!wide && node_offset > 0xffffffffffffULL) {
        PyErr_SetString(PyExc_OverflowError, "node_offset is too large");
        goto done;
    }
    if (node_depth < 0 || node_depth > 255) {
        PyErr_SetString(PyExc_ValueError, "node_depth must be between 0 and 255");
        goto done;
    }
    if (inner_size < 0 || inner_size > maxd) {
        PyErr_Format(PyExc_ValueError, "inner_size must be between 0 and is %d", maxd);
        goto done;
    }
    s = (Blake2Object *)type->tp_alloc(type, 0);
    if (s == NULL)
        goto done;
    s->wide = wide;
    s->digest_size = digest_size;
    s->last_node = last_node;
    s->t0 = s->t1 = 0;
    s->buflen = 0;
    /* The parameter block, XORed into the IV. */
    unsigned char pb[64];
    memset(pb, 0, sizeof(pb));
    pb[0] = (unsigned char)digest_size;
    pb[1] = (unsigned char)(key.obj ? key.len : 0);
    pb[2] = (unsigned char)fanout;
    pb[3] = (unsigned char)depth;
    for (int i = 0; i < 4; i++)
        pb[4 + i] = (unsigned char)(leaf_size >> (8 * i));
    int off_len = wide ? 8 : 6;
    for (int i = 0; i < off_len; i++)
        pb[8 + i] = (unsigned char)(node_offset >> (8 * i));
    pb[8 + off_len] = (unsigned char)node_depth;
    pb[9 + off_len] = (unsigned char)inner_size;
    int salt_at = wide ? 32 : 16, person_at = wide ? 48 : 24;
    if (salt.obj)
        memcpy(pb + salt_at, salt.buf, (size_t)salt.len);
    if (person.obj)
        memcpy(pb + person_at, person.buf, (size_t)person.len);
    for (int i = 0; i < 8; i++) {
        if (wide) {
            uint64_t w = 0;
            for (int j = 7; j >= 0; j--)
                w = (w << 8) | pb[8 * i + j];
            s->h64[i] = IVB[i] ^ w;
        }
        else {
            uint32_t w = (uint32_t)pb[4 * i] | ((uint32_t)pb[4 * i + 1] << 8) | ((uint32_t)pb[4 * i + 2] << 16) |
                         ((uint32_t)pb[4 * i + 3] << 24);
            s->h32[i] = IVS[i] ^ w;
        }
    }
    if (key.obj && key.len > 0) {
        unsigned char block[128];
        memset(block, 0, sizeof(block));
        memcpy(block, key.buf, (size_t)key.len);
        blake2_feed(s, block, wide ? 128 : 64);
    }
    if (data != NULL && blake2_absorb(s, data) < 0)
        Py_CLEAR(s);
done:
    if (key.obj)
        PyBuffer_Release(&key);
    if (salt.obj)
        PyBuffer_Release(&salt);
    if (person.obj)
        PyBuffer_Release(&person);
    return (PyObject *)s;
}

static PyObject *blake2_update(PyObject *self, PyObject *data)
{
    if (blake2_absorb((Blake2Object *)self, data) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *blake2_digest(PyObject *self, PyObject *unused)
{
    unsigned char out[64];
    blake2_final((Blake2Object *)self, out);
    return PyBytes_FromStringAndSize((const char *)out, ((Blake2Object *)self)->digest_size);
}

static PyObject *blake2_hexdigest(PyObject *self, PyObject *unused)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char out[64];
    char text[128];
    int n = ((Blake2Object *)self)->digest_size;
    blake2_final((Blake2Object *)self, out);
    for (int i = 0; i < n; i++) {
        text[2 * i] = hex[out[i] >> 4];
        text[2 * i + 1] = hex[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(text, 2 * n);
}

static PyObject *blake2_copy(PyObject *self, PyObject *unused)
{
    Blake2Object *c = (Blake2Object *)Py_TYPE(self)->tp_alloc(Py_TYPE(self), 0);
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(PyObject), (char *)self + sizeof(PyObject), sizeof(Blake2Object) - sizeof(PyObject));
    return (PyObject *)c;
}

static PyObject *blake2_get_name(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((Blake2Object *)self)->wide ? "blake2b" : "blake2s");
}

static PyObject *blake2_get_digest_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((Blake2Object *)self)->digest_size);
}

static PyObject *blake2_get_block_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((Blake2Object *)self)->wide ? 128 : 64);
}

static void blake2_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyMethodDef blake2_methods[] = {
    {"update", blake2_update, METH_O, "Update this hash object's state with the provided bytes-like object."},
    {"digest", blake2_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", blake2_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", blake2_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef blake2_getset[] = {
    {"name", blake2_get_name, NULL, NULL, NULL},
    {"digest_size", blake2_get_digest_size, NULL, NULL, NULL},
    {"block_size", blake2_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BLAKE2_TYPE(var, pyname)                                                                \
    static PyTypeObject var = {                                                                 \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                  \
        .tp_name = "_blake2." pyname,                                                           \
        .tp_basicsize = sizeof(Blake2Object),                                                   \
        .tp_dealloc = blake2_dealloc,                                                           \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,        \
        .tp_methods = blake2_methods,                                                           \
        .tp_getset = blake2_getset,                                                             \
        .tp_new = blake2_new,                                                                   \
    };
BLAKE2_TYPE(Blake2b_Type, "blake2b")
BLAKE2_TYPE(Blake2s_Type, "blake2s")

static struct PyModuleDef blake2module = {
    PyModuleDef_HEAD_INIT, "_blake2", "_blake2b provides BLAKE2b for hashlib\n", -1, NULL, NULL, NULL, NULL, NULL,
};

static int add_sizes(PyTypeObject *tp, int salt, int person, int key, int digest)
{
    const char *names[] = {"SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE", "MAX_DIGEST_SIZE"};
    int vals[] = {salt, person, key, digest};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromLong(vals[i]);
        if (v == NULL || PyDict_SetItemString(tp->tp_dict, names[i], v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(v);
    }
    PyType_Modified(tp);
    return 0;
}

PyObject *PyInit__blake2(void)
{
    if (!(Blake2b_Type.tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(&Blake2b_Type) < 0 || add_sizes(&Blake2b_Type, 16, 16, 64, 64) < 0)
            return NULL;
    }
    if (!(Blake2s_Type.tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(&Blake2s_Type) < 0 || add_sizes(&Blake2s_Type, 8, 8, 32, 32) < 0)
            return NULL;
    }
    PyObject *m = PyModule_Create(&blake2module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Blake2b_Type) < 0 || PyModule_AddType(m, &Blake2s_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

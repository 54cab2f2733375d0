/* The _sha2 module: SHA-224/256 (32-bit words) and SHA-384/512 (64-bit words) per FIPS 180-4.
 * random.seed() uses sha512 for str/bytes seeds; hashlib builds on these types. */
#include "Python.h"
#include "_sha2_internal.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    int wide;            /* 1: SHA-384/512 family, 0: SHA-224/256 family */
    int digest_size;
    uint64_t total;      /* bytes hashed so far (inputs beyond 2**64 bytes are not a concern) */
    uint32_t h32[8];
    uint64_t h64[8];
    unsigned char buf[128];
    size_t buflen;
} SHA2Object;

static const uint32_t K32[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint64_t K64[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint32_t IV224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                  0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
static const uint32_t IV256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
static const uint64_t IV384[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                  0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                  0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
static const uint64_t IV512[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                  0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                  0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void compress32(uint32_t *h, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) |
               ((uint32_t)p[4 * i + 2] << 8) | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + ((e & f) ^ (~e & g)) + K32[i] + w[i];
        uint32_t t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void compress64(uint64_t *h, const unsigned char *p)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++)
            v = (v << 8) | p[8 * i + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = k + (ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41)) + ((e & f) ^ (~e & g)) + K64[i] + w[i];
        uint64_t t2 = (ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void sha2_block(SHA2Object *s, const unsigned char *p)
{
    if (s->wide)
        compress64(s->h64, p);
    else
        compress32(s->h32, p);
}

static void sha2_feed(SHA2Object *s, const unsigned char *p, size_t n)
{
    size_t bs = s->wide ? 128 : 64;
    s->total += n;
    if (s->buflen) {
        size_t take = bs - s->buflen < n ? bs - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += take;
        p += take;
        n -= take;
        if (s->buflen < bs)
            return;
        sha2_block(s, s->buf);
        s->buflen = 0;
    }
    for (; n >= bs; n -= bs, p += bs)
        sha2_block(s, p);
    memcpy(s->buf, p, n);
    s->buflen = n;
}

/* Finishes a copy of the state so the object can keep absorbing data afterwards. */
static void sha2_final(const SHA2Object *src, unsigned char *out)
{
    SHA2Object s = *src;
    size_t bs = s.wide ? 128 : 64, lenbytes = s.wide ? 16 : 8;
    uint64_t bits = s.total * 8;
    unsigned char pad[256] = {0x80};
    size_t padlen = (s.buflen < bs - lenbytes) ? bs - lenbytes - s.buflen : 2 * bs - lenbytes - s.buflen;
    for (int i = 0; i < 8; i++)
        pad[padlen + lenbytes - 1 - i] = (unsigned char)(bits >> (8 * i));
    uint64_t keep = s.total;
    sha2_feed(&s, pad, padlen + lenbytes);
    s.total = keep;
    for (int i = 0; i < s.digest_size; i++)
        out[i] = s.wide ? (unsigned char)(s.h64[i / 8] >> (56 - 8 * (i % 8)))
                        : (unsigned char)(s.h32[i / 4] >> (24 - 8 * (i % 4)));
}

/* ---- PBKDF2-HMAC-SHA256 (for scrypt) ---------------------------------------------------- */

static void sha256_start(SHA2Object *s)
{
    memset(s, 0, sizeof *s);
    s->digest_size = 32;
    memcpy(s->h32, IV256, sizeof s->h32);
}

void _KrSha256_PBKDF2(const unsigned char *password, size_t pwlen, const unsigned char *salt,
                      size_t saltlen, unsigned long iterations, unsigned char *out, size_t outlen)
{
    /* The keyed inner and outer states are computed once and copied for every HMAC. */
    unsigned char key[64] = {0}, pad[64];
    SHA2Object inner, outer, ctx;
    if (pwlen > sizeof key) {
        sha256_start(&ctx);
        sha2_feed(&ctx, password, pwlen);
        sha2_final(&ctx, key);
    }
    else {
        memcpy(key, password, pwlen);
    }
    for (int i = 0; i < 64; i++)
        pad[i] = key[i] ^ 0x36;
    sha256_start(&inner);
    sha2_feed(&inner, pad, 64);
    for (int i = 0; i < 64; i++)
        pad[i] = key[i] ^ 0x5c;
    sha256_start(&outer);
    sha2_feed(&outer, pad, 64);

    unsigned char u[32], t[32], counter[4];
    for (uint32_t block = 1; outlen > 0; block++) {
        counter[0] = (unsigned char)(block >> 24);
        counter[1] = (unsigned char)(block >> 16);
        counter[2] = (unsigned char)(block >> 8);
        counter[3] = (unsigned char)block;
        ctx = inner;
        sha2_feed(&ctx, salt, saltlen);
        sha2_feed(&ctx, counter, 4);
        sha2_final(&ctx, u);
        ctx = outer;
        sha2_feed(&ctx, u, 32);
        sha2_final(&ctx, u);
        memcpy(t, u, 32);
        for (unsigned long it = 1; it < iterations; it++) {
            ctx = inner;
            sha2_feed(&ctx, u, 32);
            sha2_final(&ctx, u);
            ctx = outer;
            sha2_feed(&ctx, u, 32);
            sha2_final(&ctx, u);
            for (int i = 0; i < 32; i++)
                t[i] ^= u[i];
        }
        size_t take = outlen < 32 ? outlen : 32;
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
}

static PyTypeObject SHA224_Type, SHA256_Type, SHA384_Type, SHA512_Type;

static int sha2_absorb(SHA2Object *s, PyObject *data)
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
    sha2_feed(s, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return 0;
}

static PyObject *sha2_update(PyObject *self, PyObject *data)
{
    if (sha2_absorb((SHA2Object *)self, data) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sha2_digest(PyObject *self, PyObject *unused)
{
    unsigned char out[64];
    sha2_final((SHA2Object *)self, out);
    return PyBytes_FromStringAndSize((const char *)out, ((SHA2Object *)self)->digest_size);
}

static PyObject *sha2_hexdigest(PyObject *self, PyObject *unused)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char out[64];
    char text[128];
    int n = ((SHA2Object *)self)->digest_size;
    sha2_final((SHA2Object *)self, out);
    for (int i = 0; i < n; i++) {
        text[2 * i] = hex[out[i] >> 4];
        text[2 * i + 1] = hex[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(text, 2 * n);
}

static PyObject *sha2_copy(PyObject *self, PyObject *unused)
{
    SHA2Object *c = PyObject_New(SHA2Object, Py_TYPE(self));
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(PyObject), (char *)self + sizeof(PyObject), sizeof(SHA2Object) - sizeof(PyObject));
    return (PyObject *)c;
}

static PyObject *sha2_get_name(PyObject *self, void *closure)
{
    SHA2Object *s = (SHA2Object *)self;
    static const char *names[] = {"sha224", "sha256", "sha384", "sha512"};
    int i = s->wide ? (s->digest_size == 48 ? 2 : 3) : (s->digest_size == 28 ? 0 : 1);
    return PyUnicode_FromString(names[i]);
}

static PyObject *sha2_get_digest_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((SHA2Object *)self)->digest_size);
}

static PyObject *sha2_get_block_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(((SHA2Object *)self)->wide ? 128 : 64);
}

static void sha2_dealloc(PyObject *self)
{
    PyObject_Free(self);
}

static PyMethodDef sha2_methods[] = {
    {"update", sha2_update, METH_O, "Update this hash object's state with the provided string."},
    {"digest", sha2_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", sha2_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha2_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef sha2_getset[] = {
    {"name", sha2_get_name, NULL, NULL, NULL},
    {"digest_size", sha2_get_digest_size, NULL, NULL, NULL},
    {"block_size", sha2_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define SHA2_TYPE(var, pyname)                                                                \
    static PyTypeObject var = {                                                               \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = "_sha2." pyname,                                                           \
        .tp_basicsize = sizeof(SHA2Object),                                                   \
        .tp_dealloc = sha2_dealloc,                                                           \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION, \
        .tp_methods = sha2_methods,                                                           \
        .tp_getset = sha2_getset,                                                             \
    };
SHA2_TYPE(SHA224_Type, "SHA224Type")
SHA2_TYPE(SHA256_Type, "SHA256Type")
SHA2_TYPE(SHA384_Type, "SHA384Type")
SHA2_TYPE(SHA512_Type, "SHA512Type")

/* Shared constructor: (data=b'', *, usedforsecurity=True, string=None). */
static PyObject *sha2_make(PyTypeObject *tp, const char *fname, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "usedforsecurity", "string", NULL};
    PyObject *data = NULL, *string = NULL;
    int secure = 1;
    char fmt[64];
    snprintf(fmt, sizeof(fmt), "|O$pO:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &data, &secure, &string))
        return NULL;
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
        return NULL;
    }
    if (data == NULL)
        data = string;
    SHA2Object *s = PyObject_New(SHA2Object, tp);
    if (s == NULL)
        return NULL;
    s->total = 0;
    s->buflen = 0;
    if (tp == &SHA224_Type || tp == &SHA256_Type) {
        s->wide = 0;
        s->digest_size = tp == &SHA224_Type ? 28 : 32;
        memcpy(s->h32, tp == &SHA224_Type ? IV224 : IV256, sizeof(s->h32));
    }
    else {
        s->wide = 1;
        s->digest_size = tp == &SHA384_Type ? 48 : 64;
        memcpy(s->h64, tp == &SHA384_Type ? IV384 : IV512, sizeof(s->h64));
    }
    if (data != NULL && sha2_absorb(s, data) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static PyObject *mod_sha224(PyObject *m, PyObject *a, PyObject *k) { return sha2_make(&SHA224_Type, "sha224", a, k); }
static PyObject *mod_sha256(PyObject *m, PyObject *a, PyObject *k) { return sha2_make(&SHA256_Type, "sha256", a, k); }
static PyObject *mod_sha384(PyObject *m, PyObject *a, PyObject *k) { return sha2_make(&SHA384_Type, "sha384", a, k); }
static PyObject *mod_sha512(PyObject *m, PyObject *a, PyObject *k) { return sha2_make(&SHA512_Type, "sha512", a, k); }

static PyMethodDef sha2module_methods[] = {
    {"sha256", _PyCFunction_CAST(mod_sha256), METH_VARARGS | METH_KEYWORDS, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", _PyCFunction_CAST(mod_sha224), METH_VARARGS | METH_KEYWORDS, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha512", _PyCFunction_CAST(mod_sha512), METH_VARARGS | METH_KEYWORDS, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", _PyCFunction_CAST(mod_sha384), METH_VARARGS | METH_KEYWORDS, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {"scrypt", _PyCFunction_CAST(_KrSha2_scrypt), METH_FASTCALL | METH_KEYWORDS, "scrypt password-based key derivation function."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sha2module = {
    PyModuleDef_HEAD_INIT, "_sha2", NULL, -1, sha2module_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__sha2(void)
{
    PyTypeObject *types[] = {&SHA224_Type, &SHA256_Type, &SHA384_Type, &SHA512_Type};
    for (int i = 0; i < 4; i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(&sha2module);
    if (m == NULL)
        return NULL;
    for (int i = 0; i < 4; i++) {
        if (PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}

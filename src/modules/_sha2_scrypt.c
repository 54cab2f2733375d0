/* hashlib.scrypt: the memory-hard key derivation function of RFC 7914 (Salsa20/8 core,
 * BlockMix, ROMix), wrapped in PBKDF2-HMAC-SHA256. Parameter validation follows what
 * CPython reports when it runs on OpenSSL 3, messages included. */
#include "Python.h"
#include "_sha2_internal.h"
#include <limits.h>
#include <stdint.h>
#include <string.h>

#define SCRYPT_DEFAULT_MAXMEM (32u * 1024u * 1024u)
#define SCRYPT_PR_MAX ((1u << 30) - 1)

#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void salsa20_8(uint32_t b[16])
{
    uint32_t x[16];
    memcpy(x, b, sizeof x);
    for (int round = 0; round < 8; round += 2) {
        /* columns */
        x[4] ^= ROTL32(x[0] + x[12], 7);   x[8] ^= ROTL32(x[4] + x[0], 9);
        x[12] ^= ROTL32(x[8] + x[4], 13);  x[0] ^= ROTL32(x[12] + x[8], 18);
        x[9] ^= ROTL32(x[5] + x[1], 7);    x[13] ^= ROTL32(x[9] + x[5], 9);
        x[1] ^= ROTL32(x[13] + x[9], 13);  x[5] ^= ROTL32(x[1] + x[13], 18);
        x[14] ^= ROTL32(x[10] + x[6], 7);  x[2] ^= ROTL32(x[14] + x[10], 9);
        x[6] ^= ROTL32(x[2] + x[14], 13);  x[10] ^= ROTL32(x[6] + x[2], 18);
        x[3] ^= ROTL32(x[15] + x[11], 7);  x[7] ^= ROTL32(x[3] + x[15], 9);
        x[11] ^= ROTL32(x[7] + x[3], 13);  x[15] ^= ROTL32(x[11] + x[7], 18);
        /* rows */
        x[1] ^= ROTL32(x[0] + x[3], 7);    x[2] ^= ROTL32(x[1] + x[0], 9);
        x[3] ^= ROTL32(x[2] + x[1], 13);   x[0] ^= ROTL32(x[3] + x[2], 18);
        x[6] ^= ROTL32(x[5] + x[4], 7);    x[7] ^= ROTL32(x[6] + x[5], 9);
        x[4] ^= ROTL32(x[7] + x[6], 13);   x[5] ^= ROTL32(x[4] + x[7], 18);
        x[11] ^= ROTL32(x[10] + x[9], 7);  x[8] ^= ROTL32(x[11] + x[10], 9);
        x[9] ^= ROTL32(x[8] + x[11], 13);  x[10] ^= ROTL32(x[9] + x[8], 18);
        x[12] ^= ROTL32(x[15] + x[14], 7); x[13] ^= ROTL32(x[12] + x[15], 9);
        x[14] ^= ROTL32(x[13] + x[12], 13); x[15] ^= ROTL32(x[14] + x[13], 18);
    }
    for (int i = 0; i < 16; i++)
        b[i] += x[i];
}

/* in and out are 2r blocks of 16 words; out receives the even-indexed results first,
 * then the odd ones, as the specification's shuffle demands. */
static void blockmix(const uint32_t *in, uint32_t *out, size_t r)
{
    uint32_t x[16];
    memcpy(x, in + (2 * r - 1) * 16, sizeof x);
    for (size_t i = 0; i < 2 * r; i++) {
        for (int k = 0; k < 16; k++)
            x[k] ^= in[i * 16 + k];
        salsa20_8(x);
        memcpy(out + ((i & 1) * r + i / 2) * 16, x, sizeof x);
    }
}

/* b: 128*r bytes, v: n blocks of 32*r words, xy: 64*r words of scratch. */
static void romix(unsigned char *b, size_t r, uint64_t n, uint32_t *v, uint32_t *xy)
{
    size_t words = 32 * r;
    uint32_t *x = xy, *y = xy + words;
    for (size_t k = 0; k < words; k++) {
        const unsigned char *p = b + 4 * k;
        x[k] = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    }
    for (uint64_t i = 0; i < n; i++) {
        memcpy(v + i * words, x, words * sizeof(uint32_t));
        blockmix(x, y, r);
        memcpy(x, y, words * sizeof(uint32_t));
    }
    for (uint64_t i = 0; i < n; i++) {
        const uint32_t *last = x + (2 * r - 1) * 16;
        uint64_t j = (((uint64_t)last[1] << 32) | last[0]) & (n - 1);
        const uint32_t *vj = v + j * words;
        for (size_t k = 0; k < words; k++)
            x[k] ^= vj[k];
        blockmix(x, y, r);
        memcpy(x, y, words * sizeof(uint32_t));
    }
    for (size_t k = 0; k < words; k++) {
        unsigned char *p = b + 4 * k;
        p[0] = (unsigned char)x[k];
        p[1] = (unsigned char)(x[k] >> 8);
        p[2] = (unsigned char)(x[k] >> 16);
        p[3] = (unsigned char)(x[k] >> 24);
    }
}

/* n, r and p must be ints (bool included) when given; checked while parsing. */
static int int_param(PyObject *o, const char *name)
{
    if (o != NULL && !PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "scrypt() argument '%s' must be int, not %s", name,
                     o == Py_None ? "None" : Py_TYPE(o)->tp_name);
        return 0;
    }
    return 1;
}

/* ...and must then fit an unsigned long. Returns 0 on error. */
static int unsigned_param(PyObject *o, const char *name, unsigned long *out)
{
    *out = o != NULL ? PyLong_AsUnsignedLong(o) : (unsigned long)-1;
    if (*out == (unsigned long)-1 && (o == NULL || PyErr_Occurred())) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s is required and must be an unsigned int", name);
        return 0;
    }
    return 1;
}

static int long_param(PyObject *o, long dflt, long *out)
{
    if (o == NULL) {
        *out = dflt;
        return 1;
    }
    *out = PyLong_AsLong(o);
    return !(*out == -1 && PyErr_Occurred());
}

static PyObject *memory_limit(void)
{
    PyErr_SetString(PyExc_ValueError, "[digital envelope routines] memory limit exceeded");
    return NULL;
}

PyObject *_KrSha2_scrypt(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames)
{
    static const char *const kwlist[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen",
                                         NULL};
    PyObject *a[7];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "scrypt", kwlist, 1, 1, 0, a) < 0)
        return NULL;
    Py_buffer password, salt;
    if (PyObject_GetBuffer(a[0], &password, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *res = NULL;
    int have_salt = 0;
    unsigned long n, r, p;
    long maxmem, dklen;
    if (a[1] != NULL) {
        if (PyObject_GetBuffer(a[1], &salt, PyBUF_SIMPLE) < 0)
            goto done;
        have_salt = 1;
    }
    if (!int_param(a[2], "n") || !int_param(a[3], "r") || !int_param(a[4], "p") ||
        !long_param(a[5], 0, &maxmem) || !long_param(a[6], 64, &dklen))
        goto done;
    if (password.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "password is too long.");
        goto done;
    }
    if (!have_salt) {
        PyErr_SetString(PyExc_TypeError, "salt is required");
        goto done;
    }
    if (salt.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "salt is too long.");
        goto done;
    }
    if (!unsigned_param(a[2], "n", &n))
        goto done;
    if (n < 2 || (n & (n - 1)) != 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a power of 2.");
        goto done;
    }
    if (!unsigned_param(a[3], "r", &r) || !unsigned_param(a[4], "p", &p))
        goto done;
    if (maxmem < 0 || maxmem > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "maxmem must be positive and smaller than %d", INT_MAX);
        goto done;
    }
    if (dklen < 1 || dklen > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "dklen must be greater than 0 and smaller than %d",
                     INT_MAX);
        goto done;
    }
    if (r == 0 || p == 0) {
        PyErr_SetString(PyExc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
        goto done;
    }
    if (r > UINT32_MAX || p > UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "[digital envelope routines] parameter too large");
        goto done;
    }
    /* The memory needed is the B array (128*r*p bytes) plus V and the scratch blocks
     * (128*r*(n+2) bytes); checked without overflowing. */
    uint64_t limit = maxmem ? (uint64_t)maxmem : SCRYPT_DEFAULT_MAXMEM;
    if (p > SCRYPT_PR_MAX / r) {
        memory_limit();
        goto done;
    }
    if (16 * r < 64 && (uint64_t)n >= ((uint64_t)1 << (16 * r))) {
        memory_limit();
        goto done;
    }
    uint64_t blen = (uint64_t)p * 128 * r;
    if (blen > INT_MAX || (uint64_t)n + 2 > (UINT64_MAX / 128) / r) {
        memory_limit();
        goto done;
    }
    uint64_t vlen = 128 * (uint64_t)r * ((uint64_t)n + 2);
    if (blen > UINT64_MAX - vlen || blen + vlen > limit || vlen > SIZE_MAX) {
        memory_limit();
        goto done;
    }

    res = PyBytes_FromStringAndSize(NULL, dklen);
    unsigned char *b = PyMem_RawMalloc((size_t)blen);
    uint32_t *v = PyMem_RawMalloc((size_t)vlen);
    if (res == NULL || b == NULL || v == NULL) {
        Py_CLEAR(res);
        PyMem_RawFree(b);
        PyMem_RawFree(v);
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    /* V takes the first n blocks of the allocation, the two scratch blocks the rest. */
    uint32_t *xy = v + (size_t)n * 32 * r;
    _KrSha256_PBKDF2(password.buf, (size_t)password.len, salt.buf, (size_t)salt.len, 1, b,
                     (size_t)blen);
    for (unsigned long i = 0; i < p; i++)
        romix(b + i * 128 * r, r, n, v, xy);
    _KrSha256_PBKDF2(password.buf, (size_t)password.len, b, (size_t)blen, 1,
                     (unsigned char *)PyBytes_AS_STRING(res), (size_t)dklen);
    Py_END_ALLOW_THREADS
    PyMem_RawFree(b);
    PyMem_RawFree(v);
done:
    PyBuffer_Release(&password);
    if (have_salt)
        PyBuffer_Release(&salt);
    return res;
}

/* The _random module: a Mersenne Twister (MT19937) generator whose seeding and output
 * derivation reproduce CPython's bit for bit, so seeded sequences match the reference. */
#include "Python.h"
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MT_N 624
#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfU
#define MT_UPPER 0x80000000U
#define MT_LOWER 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;
    uint32_t state[MT_N];
} RandomObject;

static PyTypeObject Random_Type;

static uint32_t mt_next(RandomObject *self)
{
    uint32_t *mt = self->state;
    uint32_t y;
    if (self->index >= MT_N) {
        int k;
        for (k = 0; k < MT_N - MT_M; k++) {
            y = (mt[k] & MT_UPPER) | (mt[k + 1] & MT_LOWER);
            mt[k] = mt[k + MT_M] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
        }
        for (; k < MT_N - 1; k++) {
            y = (mt[k] & MT_UPPER) | (mt[k + 1] & MT_LOWER);
            mt[k] = mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
        }
        y = (mt[MT_N - 1] & MT_UPPER) | (mt[0] & MT_LOWER);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

static void mt_init_scalar(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    self->index = MT_N;
}

/* The reference's key-array initialisation: every word of the key influences the state. */
static void mt_init_array(RandomObject *self, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = self->state;
    mt_init_scalar(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > keylen ? MT_N : keylen;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
    self->index = MT_N;
}

/* Seeding from the OS when no seed is given; the clock and pid are only a fallback. */
static void seed_from_entropy(RandomObject *self)
{
    uint32_t key[MT_N];
    PyObject *os = PyImport_ImportModule("posix");
    PyObject *bytes = os ? PyObject_CallMethod(os, "urandom", "n", (Py_ssize_t)sizeof(key)) : NULL;
    Py_XDECREF(os);
    if (bytes != NULL && PyBytes_Check(bytes) && PyBytes_GET_SIZE(bytes) == (Py_ssize_t)sizeof(key)) {
        memcpy(key, PyBytes_AS_STRING(bytes), sizeof(key));
        Py_DECREF(bytes);
        mt_init_array(self, key, MT_N);
        return;
    }
    Py_XDECREF(bytes);
    PyErr_Clear();
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t fallback[4] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                            (uint32_t)ts.tv_nsec, (uint32_t)getpid()};
    mt_init_array(self, fallback, 4);
}

static int random_seed_impl(RandomObject *self, PyObject *arg)
{
    if (arg == NULL || arg == Py_None) {
        seed_from_entropy(self);
        return 0;
    }
    PyObject *n;
    if (PyLong_CheckExact(arg)) {
        n = PyNumber_Absolute(arg);
    }
    else if (PyLong_Check(arg)) {
        /* int subclasses may override __abs__; the reference deliberately uses int's. */
        PyObject *tmp = _PyLong_Copy((PyLongObject *)arg);
        n = tmp ? PyNumber_Absolute(tmp) : NULL;
        Py_XDECREF(tmp);
    }
    else {
        Py_hash_t h = PyObject_Hash(arg);
        if (h == -1)
            return -1;
        n = PyLong_FromSize_t((size_t)h);
    }
    if (n == NULL)
        return -1;
    int64_t bits = _PyLong_NumBits(n);
    if (bits < 0) {
        Py_DECREF(n);
        return -1;
    }
    size_t words = bits == 0 ? 1 : (size_t)((bits - 1) / 32 + 1);
    uint32_t *key = PyMem_Malloc(words * sizeof(uint32_t));
    unsigned char *buf = PyMem_Malloc(words * 4);
    if (key == NULL || buf == NULL) {
        PyMem_Free(key);
        PyMem_Free(buf);
        Py_DECREF(n);
        PyErr_NoMemory();
        return -1;
    }
    int rc = _PyLong_AsByteArray((PyLongObject *)n, buf, words * 4, 1, 0, 1);
    Py_DECREF(n);
    if (rc < 0) {
        PyMem_Free(key);
        PyMem_Free(buf);
        return -1;
    }
    for (size_t w = 0; w < words; w++)
        key[w] = (uint32_t)buf[4 * w] | ((uint32_t)buf[4 * w + 1] << 8) |
                 ((uint32_t)buf[4 * w + 2] << 16) | ((uint32_t)buf[4 * w + 3] << 24);
    mt_init_array(self, key, words);
    PyMem_Free(key);
    PyMem_Free(buf);
    return 0;
}

static PyObject *random_seed(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seed", nargs, 0, 1))
        return NULL;
    if (random_seed_impl((RandomObject *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *random_random(PyObject *self, PyObject *unused)
{
    RandomObject *r = (RandomObject *)self;
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static PyObject *random_getrandbits(PyObject *self, PyObject *arg)
{
    RandomObject *r = (RandomObject *)self;
    int overflow = 0;
    long long k = PyLong_AsLongLongAndOverflow(arg, &overflow);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    if (overflow < 0 || k < 0) {
        PyErr_SetString(PyExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (overflow > 0 || k > (long long)INT32_MAX * 8) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k == 0)
        return PyLong_FromLong(0);
    if (k <= 32)
        return PyLong_FromUnsignedLong(mt_next(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *buf = PyMem_Malloc(words * 4);
    if (buf == NULL)
        return PyErr_NoMemory();
    /* Words fill the result from the least significant end; the last one is truncated. */
    long long left = k;
    for (size_t w = 0; w < words; w++, left -= 32) {
        uint32_t v = mt_next(r);
        if (left < 32)
            v >>= (32 - left);
        buf[4 * w] = (unsigned char)v;
        buf[4 * w + 1] = (unsigned char)(v >> 8);
        buf[4 * w + 2] = (unsigned char)(v >> 16);
        buf[4 * w + 3] = (unsigned char)(v >> 24);
    }
    PyObject *res = _PyLong_FromByteArray(buf, words * 4, 1, 0);
    PyMem_Free(buf);
    return res;
}

static PyObject *random_getstate(PyObject *self, PyObject *unused)
{
    RandomObject *r = (RandomObject *)self;
    PyObject *t = PyTuple_New(MT_N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        PyObject *v = PyLong_FromUnsignedLong(r->state[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    PyObject *idx = PyLong_FromLong(r->index);
    if (idx == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, MT_N, idx);
    return t;
}

static PyObject *random_setstate(PyObject *self, PyObject *state)
{
    RandomObject *r = (RandomObject *)self;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_GET_SIZE(state) != MT_N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        PyObject *item = PyTuple_GET_ITEM(state, i);
        if (!PyLong_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return NULL;
        }
        if (_PyLong_Sign(item) < 0) {
            PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
            return NULL;
        }
        unsigned long v = PyLong_AsUnsignedLong(item);
        if (v == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
        /* Wider values are silently truncated to the 32-bit word, as the reference does. */
        words[i] = (uint32_t)v;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, MT_N));
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0 || index > MT_N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, words, sizeof(words));
    r->index = (int)index;
    Py_RETURN_NONE;
}

static int random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    /* Subclasses with their own __init__ may take keywords; the base type does not. */
    if ((Py_TYPE(self) == &Random_Type || Py_TYPE(self)->tp_init == Random_Type.tp_init) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_impl((RandomObject *)self, PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static void random_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyMethodDef random_methods[] = {
    {"random", random_random, METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", _PyCFunction_CAST(random_seed), METH_FASTCALL, "seed([n]) -> None."},
    {"getstate", random_getstate, METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Random_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_dealloc = random_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = random_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef randommodule = {
    PyModuleDef_HEAD_INIT, "_random", "Module implements the Mersenne Twister random number generator.",
    -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__random(void)
{
    if (!(Random_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Random_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&randommodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Random_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

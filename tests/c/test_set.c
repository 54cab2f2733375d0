/* Set internals: table growth points, dummy entries left by deletion and their reuse,
 * lookups along chains of colliding hashes, iteration (table) order after deletions,
 * the set algebra on large sets, and that every reference a set takes is given back. */
#include "Python.h"

static int failures = 0;

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static PySetObject *
as_set(PyObject *s)
{
    return (PySetObject *)s;
}

/* Deleted slots keep a key (a private marker) with hash -1. */
static Py_ssize_t
count_dummies(PyObject *s)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i <= as_set(s)->mask; i++) {
        setentry *e = &as_set(s)->table[i];
        if (e->key != NULL && e->hash == -1)
            n++;
    }
    return n;
}

static int
add_long(PyObject *s, long long v)
{
    PyObject *k = PyLong_FromLongLong(v);
    int r = PySet_Add(s, k);
    Py_DECREF(k);
    return r;
}

static int
discard_long(PyObject *s, long long v)
{
    PyObject *k = PyLong_FromLongLong(v);
    int r = PySet_Discard(s, k);
    Py_DECREF(k);
    return r;
}

static int
contains_long(PyObject *s, long long v)
{
    PyObject *k = PyLong_FromLongLong(v);
    int r = PySet_Contains(s, k);
    Py_DECREF(k);
    return r;
}

static void
test_growth(void)
{
    PyObject *s = PySet_New(NULL);
    CHECK(s != NULL && as_set(s)->mask == 7 && as_set(s)->table == as_set(s)->smalltable);
    /* CPython's growth points for one-at-a-time insertion: (count, table size) */
    static const struct {
        int count;
        Py_ssize_t size;
    } points[] = {{1, 8}, {5, 32}, {19, 128}, {77, 512}, {307, 2048}, {1229, 8192}};
    size_t p = 0;
    Py_ssize_t size = 8;
    for (int n = 1; n <= 1500; n++) {
        CHECK(add_long(s, n - 1) == 0);
        if (p < sizeof points / sizeof points[0] && points[p].count == n)
            size = points[p++].size;
        CHECK(as_set(s)->mask + 1 == size);
        CHECK(PySet_GET_SIZE(s) == n && as_set(s)->fill == n);
    }
    CHECK(p == sizeof points / sizeof points[0]);
    /* adding what is there changes nothing */
    CHECK(add_long(s, 7) == 0 && PySet_GET_SIZE(s) == 1500);
    PyObject *sz = PyObject_CallMethod(s, "__sizeof__", NULL);
    CHECK(sz != NULL && PyLong_AsLong(sz) == 200 + 8192 * 16);
    Py_XDECREF(sz);
    Py_DECREF(s);
}

static void
test_dummies(void)
{
    PyObject *s = PySet_New(NULL);
    for (int i = 0; i < 4; i++)
        add_long(s, i);
    CHECK(discard_long(s, 2) == 1);
    CHECK(discard_long(s, 2) == 0);
    CHECK(PySet_GET_SIZE(s) == 3 && as_set(s)->fill == 4 && count_dummies(s) == 1);
    CHECK(as_set(s)->table[2].hash == -1 && contains_long(s, 2) == 0);
    /* re-adding 2 takes the dummy's slot back: fill does not grow */
    CHECK(add_long(s, 2) == 0);
    CHECK(as_set(s)->fill == 4 && count_dummies(s) == 0);
    CHECK(PyLong_AsLong(as_set(s)->table[2].key) == 2);
    /* 10 starts at slot 2 too: it takes the dummy, and 2 is then looked up past it */
    discard_long(s, 2);
    CHECK(add_long(s, 10) == 0);
    CHECK(PyLong_AsLong(as_set(s)->table[2].key) == 10 && as_set(s)->fill == 4);
    CHECK(contains_long(s, 10) == 1 && contains_long(s, 2) == 0 && contains_long(s, 3) == 1);
    /* the resize that a new slot triggers squeezes the dummies out */
    discard_long(s, 0);
    discard_long(s, 1);
    discard_long(s, 3);
    CHECK(count_dummies(s) == 3 && PySet_GET_SIZE(s) == 1 && as_set(s)->fill == 4);
    CHECK(add_long(s, 100) == 0);
    CHECK(count_dummies(s) == 0 && as_set(s)->fill == 2 && as_set(s)->mask == 15);
    for (int i = 101; i < 104; i++)
        add_long(s, i);
    CHECK(PySet_GET_SIZE(s) == 5 && contains_long(s, 10) == 1 && contains_long(s, 103) == 1);
    /* clear goes back to the inline table */
    CHECK(PySet_Clear(s) == 0);
    CHECK(PySet_GET_SIZE(s) == 0 && as_set(s)->fill == 0 && as_set(s)->mask == 7 &&
          as_set(s)->table == as_set(s)->smalltable);
    Py_DECREF(s);
}

static void
test_collisions(void)
{
    /* hash(-1) == hash(-2) and hash(1) == hash(2**61) == hash(2**62 - 1): equal
     * hashes, unequal keys */
    PyObject *s = PySet_New(NULL);
    long long keys[] = {-1, -2, 1, 1LL << 61, (1LL << 62) - 1};
    for (size_t i = 0; i < 5; i++)
        CHECK(add_long(s, keys[i]) == 0);
    CHECK(PySet_GET_SIZE(s) == 5);
    PyObject *a = PyLong_FromLong(-1), *b = PyLong_FromLong(-2);
    CHECK(PyObject_Hash(a) == PyObject_Hash(b));
    Py_DECREF(a);
    Py_DECREF(b);
    for (size_t i = 0; i < 5; i++)
        CHECK(contains_long(s, keys[i]) == 1);
    /* removing the head of a chain leaves a dummy the others are still found past */
    CHECK(discard_long(s, -1) == 1 && contains_long(s, -2) == 1 && contains_long(s, -1) == 0);
    CHECK(discard_long(s, 1) == 1 && contains_long(s, 1LL << 61) == 1);
    CHECK(contains_long(s, (1LL << 62) - 1) == 1 && PySet_GET_SIZE(s) == 3);
    /* keys that all start at slot 0: linear probing, then perturbation */
    PyObject *t = PySet_New(NULL);
    for (long i = 0; i < 30; i++)
        add_long(t, i * 4096);
    CHECK(PySet_GET_SIZE(t) == 30);
    for (long i = 0; i < 30; i++)
        CHECK(contains_long(t, i * 4096) == 1);
    CHECK(contains_long(t, 31 * 4096) == 0);
    for (long i = 0; i < 30; i += 2)
        discard_long(t, i * 4096);
    for (long i = 0; i < 30; i++)
        CHECK(contains_long(t, i * 4096) == (i % 2));
    Py_DECREF(t);
    Py_DECREF(s);
}

static void
test_iteration_order(void)
{
    /* small ints hash to themselves: in an 8-slot table they iterate by value */
    PyObject *s = PySet_New(NULL);
    add_long(s, 3);
    add_long(s, 1);
    add_long(s, 2);
    add_long(s, 0);
    discard_long(s, 1);
    add_long(s, 9); /* slot 1 is a dummy; 9 probes from slot 1 and reuses it */
    long expect[] = {0, 9, 2, 3};
    Py_ssize_t pos = 0, j = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PySet_NextEntry(s, &pos, &key, &hash)) {
        CHECK(j < 4 && PyLong_AsLong(key) == expect[j] && hash == expect[j]);
        j++;
    }
    CHECK(j == 4);
    /* the iterator sees the same order */
    PyObject *it = PyObject_GetIter(s);
    j = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        CHECK(PyLong_AsLong(item) == expect[j]);
        j++;
        Py_DECREF(item);
    }
    CHECK(j == 4 && !PyErr_Occurred());
    Py_DECREF(it);
    /* pop takes entries in table order too */
    PyObject *first = PySet_Pop(s);
    CHECK(first != NULL && PyLong_AsLong(first) == 0);
    Py_XDECREF(first);
    Py_DECREF(s);
    /* popping an empty set raises KeyError */
    PyObject *e = PySet_New(NULL);
    CHECK(PySet_Pop(e) == NULL && PyErr_ExceptionMatches(PyExc_KeyError));
    PyErr_Clear();
    Py_DECREF(e);
}

static void
test_large_algebra(void)
{
    PyObject *evens = PySet_New(NULL), *threes = PySet_New(NULL);
    for (long i = 0; i < 20000; i++) {
        if (i % 2 == 0)
            add_long(evens, i);
        if (i % 3 == 0)
            add_long(threes, i);
    }
    CHECK(PySet_GET_SIZE(evens) == 10000 && PySet_GET_SIZE(threes) == 6667);
    PyObject *both = PyNumber_And(evens, threes);
    PyObject *either = PyNumber_Or(evens, threes);
    PyObject *only_even = PyNumber_Subtract(evens, threes);
    PyObject *one = PyNumber_Xor(evens, threes);
    CHECK(both && either && only_even && one);
    CHECK(PySet_GET_SIZE(both) == 3334);
    CHECK(PySet_GET_SIZE(either) == 10000 + 6667 - 3334);
    CHECK(PySet_GET_SIZE(only_even) == 10000 - 3334);
    CHECK(PySet_GET_SIZE(one) == 10000 + 6667 - 2 * 3334);
    CHECK(contains_long(both, 18) == 1 && contains_long(both, 9) == 0);
    CHECK(contains_long(only_even, 4) == 1 && contains_long(only_even, 6) == 0);
    CHECK(contains_long(one, 9) == 1 && contains_long(one, 12) == 0);
    /* in-place forms agree with the new-set forms */
    PyObject *copy = PySet_New(evens);
    PyObject *r = PyNumber_InPlaceSubtract(copy, threes);
    CHECK(r == copy && PyObject_RichCompareBool(copy, only_even, Py_EQ) == 1);
    Py_XDECREF(r);
    r = PyNumber_InPlaceXor(copy, threes);
    CHECK(r == copy && PyObject_RichCompareBool(copy, either, Py_EQ) == 1);
    Py_XDECREF(r);
    /* subset relations and a frozenset view of the same items */
    PyObject *frozen = PyFrozenSet_New(both);
    CHECK(frozen != NULL && PyObject_RichCompareBool(frozen, evens, Py_LE) == 1);
    CHECK(PyObject_RichCompareBool(frozen, both, Py_EQ) == 1);
    CHECK(PyObject_Hash(frozen) != -1);
    CHECK(PyObject_RichCompareBool(evens, threes, Py_LT) == 0);
    /* discard everything: dummies everywhere, then one add squeezes them out */
    for (long i = 0; i < 20000; i += 2)
        CHECK(discard_long(evens, i) == 1);
    CHECK(PySet_GET_SIZE(evens) == 0 && count_dummies(evens) == as_set(evens)->fill);
    Py_DECREF(frozen);
    Py_DECREF(copy);
    Py_DECREF(both);
    Py_DECREF(either);
    Py_DECREF(only_even);
    Py_DECREF(one);
    Py_DECREF(evens);
    Py_DECREF(threes);
}

static void
test_refcounts(void)
{
    PyObject *key = PyUnicode_FromString("a key only this test holds");
    Py_ssize_t rc = Py_REFCNT(key);
    PyObject *s = PySet_New(NULL);
    CHECK(PySet_Add(s, key) == 0 && Py_REFCNT(key) == rc + 1);
    CHECK(PySet_Add(s, key) == 0 && Py_REFCNT(key) == rc + 1);
    CHECK(PySet_Discard(s, key) == 1 && Py_REFCNT(key) == rc);
    PySet_Add(s, key);
    PyObject *t = PySet_New(s);
    CHECK(Py_REFCNT(key) == rc + 2);
    PyObject *u = PyNumber_Or(s, t);
    CHECK(Py_REFCNT(key) == rc + 3);
    Py_DECREF(u);
    CHECK(Py_REFCNT(key) == rc + 2);
    PyObject *popped = PySet_Pop(t);
    CHECK(popped == key && Py_REFCNT(key) == rc + 2);
    Py_DECREF(popped);
    CHECK(Py_REFCNT(key) == rc + 1);
    /* growing moves references without taking new ones */
    for (long i = 0; i < 1000; i++)
        add_long(s, i);
    CHECK(Py_REFCNT(key) == rc + 1);
    CHECK(PySet_Clear(s) == 0 && Py_REFCNT(key) == rc);
    PySet_Add(s, key);
    Py_DECREF(s);
    CHECK(Py_REFCNT(key) == rc);
    Py_DECREF(t);
    Py_DECREF(key);
    /* an unhashable key is refused without leaking */
    PyObject *lst = PyList_New(0);
    PyObject *v = PySet_New(NULL);
    Py_ssize_t lrc = Py_REFCNT(lst);
    CHECK(PySet_Add(v, lst) == -1 && PyErr_ExceptionMatches(PyExc_TypeError));
    PyErr_Clear();
    CHECK(Py_REFCNT(lst) == lrc && PySet_GET_SIZE(v) == 0);
    Py_DECREF(v);
    Py_DECREF(lst);
}

int
main(void)
{
    Py_Initialize();
    test_growth();
    test_dummies();
    test_collisions();
    test_iteration_order();
    test_large_algebra();
    test_refcounts();
    if (failures == 0)
        printf("test_set: all passed\n");
    return failures != 0;
}

/* Timsort for list.sort(): natural runs, binary insertion sort up to a minimum run
 * length, a stack of pending runs merged in the order the powersort policy gives, and
 * galloping merges that switch to exponential search when one run keeps winning. Stability: runs are only ever merged with their neighbours and
 * equal elements never cross. */
#include "listsort.h"

#define KR_MIN_GALLOP 7
#define KR_MAX_PENDING 85 /* enough for 2**64 elements under the run-length invariant */

typedef struct kr_sortstate kr_sortstate;

/* "a < b" for two keys: 1, 0, or -1 with an exception set. */
typedef int (*kr_ltfunc)(PyObject *a, PyObject *b, kr_sortstate *ms);

struct kr_sortstate {
    kr_ltfunc lt;      /* chosen by scanning the keys before sorting */
    kr_ltfunc elem_lt; /* for tuple keys: the comparison of their first items */
    richcmpfunc key_richcompare;  /* the keys' common tp_richcompare, for kr_lt_same_type */
    richcmpfunc elem_richcompare; /* the same for the tuples' first items */
    PyObject **keys;   /* the array being sorted */
    PyObject **values; /* NULL, or carried along with keys */
    PyObject **tk, **tv; /* merge scratch */
    Py_ssize_t talloc;
    Py_ssize_t min_gallop;
    Py_ssize_t listlen;
    int nruns;
    Py_ssize_t run_base[KR_MAX_PENDING];
    Py_ssize_t run_len[KR_MAX_PENDING];
    int run_power[KR_MAX_PENDING]; /* depth of the boundary after the run */
};

/* ---- comparisons ----------------------------------------------------------------------
 * Before sorting, the keys are scanned once; when they share a type whose "<" runs no
 * Python code (int, float, str) the comparison is done inline instead of through
 * PyObject_RichCompareBool, and same-typed objects call their tp_richcompare directly.
 * The pairs compared and their order are the same either way; only the dispatch
 * changes. */

static int
kr_lt_generic(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    return PyObject_RichCompareBool(a, b, Py_LT);
}

/* Keys of one type with a tp_richcompare: skip the reflected-operand dance, which
 * cannot apply to two objects of the same type. A key whose class was reassigned by an
 * earlier comparison no longer has that slot and takes the general path. */
static int
kr_lt_same_type(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    if (Py_TYPE(a)->tp_richcompare != ms->key_richcompare)
        return PyObject_RichCompareBool(a, b, Py_LT);
    PyObject *res = ms->key_richcompare(a, b, Py_LT);
    if (res == NULL)
        return -1;
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(a, b, Py_LT);
    }
    int k;
    if (PyBool_Check(res))
        k = res == Py_True;
    else
        k = PyObject_IsTrue(res);
    Py_DECREF(res);
    return k;
}

/* ints of at most one digit */
static int
kr_lt_compact_int(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    return _PyLong_CompactValue((PyLongObject *)a) < _PyLong_CompactValue((PyLongObject *)b);
}

/* The value of an int of at most two 30-bit digits. */
static inline int64_t
kr_word_value(const PyLongObject *v)
{
    uintptr_t tag = v->long_value.lv_tag;
    int64_t m = (int64_t)v->long_value.ob_digit[0];
    if ((tag >> _PyLong_NON_SIZE_BITS) == 2)
        m |= (int64_t)v->long_value.ob_digit[1] << PyLong_SHIFT;
    return (1 - (int64_t)(tag & _PyLong_SIGN_MASK)) * m;
}

/* ints of at most two digits: every value fits a 64-bit word */
static int
kr_lt_word_int(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    return kr_word_value((PyLongObject *)a) < kr_word_value((PyLongObject *)b);
}

static int
kr_lt_float(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    return PyFloat_AS_DOUBLE(a) < PyFloat_AS_DOUBLE(b);
}

/* strs stored one byte per character: code point order is byte order */
static int
kr_lt_latin1(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    int c = memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)(la < lb ? la : lb));
    return c < 0 || (c == 0 && la < lb);
}

/* exact strs of any kinds (PyUnicode_Compare cannot fail on them) */
static int
kr_lt_str(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    (void)ms;
    if (PyUnicode_KIND(a) == PyUnicode_1BYTE_KIND && PyUnicode_KIND(b) == PyUnicode_1BYTE_KIND)
        return kr_lt_latin1(a, b, ms);
    return PyUnicode_Compare(a, b) < 0;
}

/* "a == b" for two items of tuple keys, inline when both are of a type whose equality
 * runs no Python code; the identity shortcut is PyObject_RichCompareBool's. */
static inline int
kr_item_eq(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    PyTypeObject *t = Py_TYPE(a);
    if (t == Py_TYPE(b)) {
        if (t == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)a) &&
            _PyLong_IsCompact((PyLongObject *)b))
            return _PyLong_CompactValue((PyLongObject *)a) ==
                   _PyLong_CompactValue((PyLongObject *)b);
        if (t == &PyUnicode_Type)
            return _PyUnicode_Equal(a, b);
        if (t == &PyFloat_Type)
            return PyFloat_AS_DOUBLE(a) == PyFloat_AS_DOUBLE(b);
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

/* "a < b" for two items of tuple keys past the first, inline where possible. */
static inline int
kr_item_lt(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    PyTypeObject *t = Py_TYPE(a);
    if (t == Py_TYPE(b)) {
        if (t == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)a) &&
            _PyLong_IsCompact((PyLongObject *)b))
            return kr_lt_compact_int(a, b, ms);
        if (t == &PyUnicode_Type)
            return kr_lt_str(a, b, ms);
        if (t == &PyFloat_Type)
            return kr_lt_float(a, b, ms);
    }
    return PyObject_RichCompareBool(a, b, Py_LT);
}

/* Non-empty exact tuples: tuple order, with the first items compared by elem_lt. */
static int
kr_lt_tuple(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    PyObject **va = ((PyTupleObject *)a)->ob_item, **vb = ((PyTupleObject *)b)->ob_item;
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    Py_ssize_t n = la < lb ? la : lb, i;
    for (i = 0; i < n; i++) {
        int k = kr_item_eq(va[i], vb[i]);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= n)
        return la < lb;
    if (i == 0)
        return ms->elem_lt(va[0], vb[0], ms);
    return kr_item_lt(va[i], vb[i], ms);
}

/* kr_lt_same_type for the first items of tuple keys. */
static int
kr_lt_elem_same_type(PyObject *a, PyObject *b, kr_sortstate *ms)
{
    if (Py_TYPE(a)->tp_richcompare != ms->elem_richcompare)
        return PyObject_RichCompareBool(a, b, Py_LT);
    PyObject *res = ms->elem_richcompare(a, b, Py_LT);
    if (res == NULL)
        return -1;
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(a, b, Py_LT);
    }
    int k;
    if (PyBool_Check(res))
        k = res == Py_True;
    else
        k = PyObject_IsTrue(res);
    Py_DECREF(res);
    return k;
}

/* Picks ms->lt (and ms->elem_lt) for keys[0:n], n >= 1. For tuple keys the scan looks
 * at their first items. */
static void
kr_choose_lt(kr_sortstate *ms, PyObject **keys, Py_ssize_t n)
{
    int in_tuples = PyTuple_CheckExact(keys[0]) && PyTuple_GET_SIZE(keys[0]) > 0;
    PyObject *first = in_tuples ? PyTuple_GET_ITEM(keys[0], 0) : keys[0];
    PyTypeObject *type = Py_TYPE(first);
    int same_type = 1, compact = 1, word = 1, latin1 = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = keys[i];
        if (in_tuples) {
            if (!PyTuple_CheckExact(key) || PyTuple_GET_SIZE(key) == 0) {
                in_tuples = 0;
                same_type = 0;
                break;
            }
            key = PyTuple_GET_ITEM(key, 0);
        }
        if (Py_TYPE(key) != type) {
            same_type = 0;
            if (!in_tuples)
                break;  /* tuples must still all be checked */
            continue;
        }
        if (!same_type)
            continue;
        if (type == &PyLong_Type) {
            uintptr_t tag = ((PyLongObject *)key)->long_value.lv_tag;
            if (tag >= (2 << _PyLong_NON_SIZE_BITS))
                compact = 0;
            if (tag >= (3 << _PyLong_NON_SIZE_BITS))
                word = 0;
        }
        else if (type == &PyUnicode_Type) {
            if (PyUnicode_KIND(key) != PyUnicode_1BYTE_KIND)
                latin1 = 0;
        }
    }
    kr_ltfunc lt = kr_lt_generic;
    richcmpfunc rich = NULL;
    if (same_type) {
        if (type == &PyUnicode_Type)
            lt = latin1 ? kr_lt_latin1 : kr_lt_str;
        else if (type == &PyLong_Type && compact)
            lt = kr_lt_compact_int;
        else if (type == &PyLong_Type && word)
            lt = kr_lt_word_int;
        else if (type == &PyFloat_Type)
            lt = kr_lt_float;
        else if (type->tp_richcompare != NULL) {
            lt = in_tuples ? kr_lt_elem_same_type : kr_lt_same_type;
            rich = type->tp_richcompare;
        }
    }
    if (in_tuples) {
        ms->elem_lt = lt;
        ms->elem_richcompare = rich;
        ms->lt = kr_lt_tuple;
    }
    else {
        ms->lt = lt;
        ms->key_richcompare = rich;
    }
}

#define ISLT(X, Y)                          \
    do {                                    \
        k = ms->lt((X), (Y), ms);                \
        if (k < 0)                          \
            goto fail;                      \
    } while (0)

static void
kr_reverse(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

/* Moves n items (keys and values) from array index src to dst; ranges may overlap. */
static inline void
kr_move(kr_sortstate *ms, Py_ssize_t dst, Py_ssize_t src, Py_ssize_t n)
{
    memmove(ms->keys + dst, ms->keys + src, (size_t)n * sizeof(PyObject *));
    if (ms->values)
        memmove(ms->values + dst, ms->values + src, (size_t)n * sizeof(PyObject *));
}

static inline void
kr_to_tmp(kr_sortstate *ms, Py_ssize_t tdst, Py_ssize_t src, Py_ssize_t n)
{
    memcpy(ms->tk + tdst, ms->keys + src, (size_t)n * sizeof(PyObject *));
    if (ms->values)
        memcpy(ms->tv + tdst, ms->values + src, (size_t)n * sizeof(PyObject *));
}

static inline void
kr_from_tmp(kr_sortstate *ms, Py_ssize_t dst, Py_ssize_t tsrc, Py_ssize_t n)
{
    memcpy(ms->keys + dst, ms->tk + tsrc, (size_t)n * sizeof(PyObject *));
    if (ms->values)
        memcpy(ms->values + dst, ms->tv + tsrc, (size_t)n * sizeof(PyObject *));
}

static inline void
kr_set_from_arr(kr_sortstate *ms, Py_ssize_t dst, Py_ssize_t src)
{
    ms->keys[dst] = ms->keys[src];
    if (ms->values)
        ms->values[dst] = ms->values[src];
}

static inline void
kr_set_from_tmp(kr_sortstate *ms, Py_ssize_t dst, Py_ssize_t tsrc)
{
    ms->keys[dst] = ms->tk[tsrc];
    if (ms->values)
        ms->values[dst] = ms->tv[tsrc];
}

static int
kr_ensure_tmp(kr_sortstate *ms, Py_ssize_t need)
{
    if (need <= ms->talloc)
        return 0;
    PyMem_Free(ms->tk);
    PyMem_Free(ms->tv);
    ms->tk = ms->tv = NULL;
    ms->talloc = 0;
    if ((size_t)need > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    ms->tk = PyMem_New(PyObject *, need);
    if (ms->values)
        ms->tv = PyMem_New(PyObject *, need);
    if (ms->tk == NULL || (ms->values && ms->tv == NULL)) {
        PyMem_Free(ms->tk);
        PyMem_Free(ms->tv);
        ms->tk = ms->tv = NULL;
        PyErr_NoMemory();
        return -1;
    }
    ms->talloc = need;
    return 0;
}

/* Sorts keys[lo:hi] given that keys[lo:start] is already sorted. */
static int
kr_binary_insertion(kr_sortstate *ms, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t start)
{
    PyObject **keys = ms->keys, **values = ms->values;
    int k;
    if (start == lo)
        ++start;
    for (; start < hi; ++start) {
        PyObject *pivot = keys[start];
        Py_ssize_t l = lo, r = start;
        while (l < r) {
            Py_ssize_t p = l + ((r - l) >> 1);
            ISLT(pivot, keys[p]);
            if (k)
                r = p;
            else
                l = p + 1;
        }
        if (l < start) {
            memmove(keys + l + 1, keys + l, (size_t)(start - l) * sizeof(PyObject *));
            keys[l] = pivot;
            if (values) {
                PyObject *vp = values[start];
                memmove(values + l + 1, values + l, (size_t)(start - l) * sizeof(PyObject *));
                values[l] = vp;
            }
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at lo (at most hi - lo), made ascending in place.
 *
 * A non-descending prefix is taken as is. Otherwise the run is descending, where
 * stretches of equal elements are allowed: they are reversed on the fly so that the
 * final whole-run reversal restores their original order (stability). A descending
 * run, once reversed, may continue with an ascending suffix. The comparisons made are
 * the same as CPython's, which is observable through __lt__ side effects.
 * Returns -1 on error. */
static Py_ssize_t
kr_count_run(kr_sortstate *ms, Py_ssize_t lo_index, Py_ssize_t hi)
{
    PyObject **lo = ms->keys + lo_index;
    PyObject **vlo = ms->values ? ms->values + lo_index : NULL;
    Py_ssize_t nremaining = hi - lo_index;
    Py_ssize_t n, neq = 0;
    int k;

    for (n = 1; n < nremaining; ++n) {
        ISLT(lo[n], lo[n - 1]);
        if (k)
            break;
    }
    if (n == nremaining)
        return n;
    if (n > 1) {
        /* an ascending run ended by a smaller element: only a run of equal
         * elements can continue as a descending one */
        ISLT(lo[0], lo[n - 1]);
        if (k)
            return n;
        kr_reverse(lo, lo + n);
        if (vlo)
            kr_reverse(vlo, vlo + n);
    }
    ++n;
#define KR_REVERSE_LAST_NEQ                                          \
    if (neq) {                                                       \
        ++neq;                                                       \
        kr_reverse(lo + n - neq, lo + n);                            \
        if (vlo)                                                     \
            kr_reverse(vlo + n - neq, vlo + n);                      \
        neq = 0;                                                     \
    }
    for (; n < nremaining; ++n) {
        ISLT(lo[n], lo[n - 1]);
        if (k) {
            KR_REVERSE_LAST_NEQ
        }
        else {
            ISLT(lo[n - 1], lo[n]);
            if (k)
                break;
            ++neq;
        }
    }
    KR_REVERSE_LAST_NEQ
#undef KR_REVERSE_LAST_NEQ
    kr_reverse(lo, lo + n);
    if (vlo)
        kr_reverse(vlo, vlo + n);
    for (; n < nremaining; ++n) {
        ISLT(lo[n], lo[n - 1]);
        if (k)
            break;
    }
    return n;
fail:
    return -1;
}

/* k in [0, n] with a[k-1] < key <= a[k]; hint is where to start looking. */
static Py_ssize_t
kr_gallop_left(kr_sortstate *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t ofs = 1, lastofs = 0;
    int k;
    ISLT(a[hint], key);
    if (k) {
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            ISLT(a[hint + ofs], key);
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    else {
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            ISLT(a[hint - ofs], key);
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Py_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        ISLT(a[m], key);
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* k in [0, n] with a[k-1] <= key < a[k]. */
static Py_ssize_t
kr_gallop_right(kr_sortstate *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t ofs = 1, lastofs = 0;
    int k;
    ISLT(key, a[hint]);
    if (k) {
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            ISLT(key, a[hint - ofs]);
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Py_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    else {
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            ISLT(key, a[hint + ofs]);
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        ISLT(key, a[m]);
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

/* Merges the adjacent runs [pa, pa+na) and [pb, pb+nb) with na <= nb, working forward
 * with A in the scratch area. keys[pb] is known to sort before keys[pa] and the last of
 * A after everything in B (the callers trimmed with gallops). */
static int
kr_merge_lo(kr_sortstate *ms, Py_ssize_t pa, Py_ssize_t na, Py_ssize_t pb, Py_ssize_t nb)
{
    int result = -1, k;
    if (kr_ensure_tmp(ms, na) < 0)
        return -1;
    kr_to_tmp(ms, 0, pa, na);
    Py_ssize_t dest = pa, a = 0, b = pb;
    PyObject **keys = ms->keys;
    Py_ssize_t min_gallop = ms->min_gallop;

    kr_set_from_arr(ms, dest++, b++);
    if (--nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_a;
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            ISLT(keys[b], ms->tk[a]);
            if (k) {
                kr_set_from_arr(ms, dest++, b++);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            }
            else {
                kr_set_from_tmp(ms, dest++, a++);
                ++acount;
                bcount = 0;
                if (--na == 1)
                    goto copy_a;
                if (acount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Py_ssize_t g = kr_gallop_right(ms, keys[b], ms->tk + a, na, 0);
            if (g < 0)
                goto fail;
            acount = g;
            if (g) {
                kr_from_tmp(ms, dest, a, g);
                dest += g;
                a += g;
                na -= g;
                if (na == 1)
                    goto copy_a;
                if (na == 0)
                    goto succeed; /* only with an inconsistent comparison */
            }
            kr_set_from_arr(ms, dest++, b++);
            if (--nb == 0)
                goto succeed;
            g = kr_gallop_left(ms, ms->tk[a], keys + b, nb, 0);
            if (g < 0)
                goto fail;
            bcount = g;
            if (g) {
                kr_move(ms, dest, b, g);
                dest += g;
                b += g;
                nb -= g;
                if (nb == 0)
                    goto succeed;
            }
            kr_set_from_tmp(ms, dest++, a++);
            if (--na == 1)
                goto copy_a;
        } while (acount >= KR_MIN_GALLOP || bcount >= KR_MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        kr_from_tmp(ms, dest, a, na);
    return result;
copy_a:
    /* the single remaining A element goes after all of B */
    kr_move(ms, dest, b, nb);
    kr_set_from_tmp(ms, dest + nb, a);
    return 0;
}

/* Mirror image of kr_merge_lo for na > nb: B in scratch, merging from the right. */
static int
kr_merge_hi(kr_sortstate *ms, Py_ssize_t pa, Py_ssize_t na, Py_ssize_t pb, Py_ssize_t nb)
{
    int result = -1, k;
    if (kr_ensure_tmp(ms, nb) < 0)
        return -1;
    kr_to_tmp(ms, 0, pb, nb);
    Py_ssize_t dest = pb + nb - 1, a = pa + na - 1, b = nb - 1;
    PyObject **keys = ms->keys;
    Py_ssize_t min_gallop = ms->min_gallop;

    kr_set_from_arr(ms, dest--, a--);
    if (--na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_b;
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            ISLT(ms->tk[b], keys[a]);
            if (k) {
                kr_set_from_arr(ms, dest--, a--);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            }
            else {
                kr_set_from_tmp(ms, dest--, b--);
                ++bcount;
                acount = 0;
                if (--nb == 1)
                    goto copy_b;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Py_ssize_t g = kr_gallop_right(ms, ms->tk[b], keys + pa, na, na - 1);
            if (g < 0)
                goto fail;
            g = na - g;
            acount = g;
            if (g) {
                dest -= g;
                a -= g;
                kr_move(ms, dest + 1, a + 1, g);
                na -= g;
                if (na == 0)
                    goto succeed;
            }
            kr_set_from_tmp(ms, dest--, b--);
            if (--nb == 1)
                goto copy_b;
            g = kr_gallop_left(ms, keys[a], ms->tk, nb, nb - 1);
            if (g < 0)
                goto fail;
            g = nb - g;
            bcount = g;
            if (g) {
                dest -= g;
                b -= g;
                kr_from_tmp(ms, dest + 1, b + 1, g);
                nb -= g;
                if (nb == 1)
                    goto copy_b;
                if (nb == 0)
                    goto succeed; /* only with an inconsistent comparison */
            }
            kr_set_from_arr(ms, dest--, a--);
            if (--na == 0)
                goto succeed;
        } while (acount >= KR_MIN_GALLOP || bcount >= KR_MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        kr_from_tmp(ms, dest - (nb - 1), 0, nb);
    return result;
copy_b:
    /* the single remaining B element goes before all of the remaining A */
    dest -= na;
    a -= na;
    kr_move(ms, dest + 1, a + 1, na);
    kr_set_from_tmp(ms, dest, b);
    return 0;
}

/* Merges pending runs i and i+1. */
static int
kr_merge_at(kr_sortstate *ms, int i)
{
    Py_ssize_t pa = ms->run_base[i], na = ms->run_len[i];
    Py_ssize_t pb = ms->run_base[i + 1], nb = ms->run_len[i + 1];
    ms->run_len[i] = na + nb;
    if (i == ms->nruns - 3) {
        ms->run_base[i + 1] = ms->run_base[i + 2];
        ms->run_len[i + 1] = ms->run_len[i + 2];
        ms->run_power[i + 1] = ms->run_power[i + 2];
    }
    --ms->nruns;
    /* elements of A already <= B[0] stay where they are */
    Py_ssize_t k = kr_gallop_right(ms, ms->keys[pb], ms->keys + pa, na, 0);
    if (k < 0)
        return -1;
    pa += k;
    na -= k;
    if (na == 0)
        return 0;
    /* elements of B already >= A[-1] stay where they are */
    nb = kr_gallop_left(ms, ms->keys[pa + na - 1], ms->keys + pb, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return kr_merge_lo(ms, pa, na, pb, nb);
    return kr_merge_hi(ms, pa, na, pb, nb);
}

/* Powersort: the "power" of the boundary between a run starting at s1 of length n1
 * and the next run of length n2 is the first bit in which the binary expansions of
 * their midpoints (as fractions of the whole list) differ. Runs are merged bottom-up
 * along the implied near-optimal binary merge tree. */
static int
kr_powerloop(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    int result = 0;
    Py_ssize_t a = 2 * s1 + n1; /* twice the first midpoint */
    Py_ssize_t b = a + n1 + n2; /* twice the second midpoint */
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        }
        else if (b >= n)
            break;
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A run of length n2 follows the top of the stack: merge what the powers say must be
 * merged first. The caller pushes the new run afterwards. */
static int
kr_found_new_run(kr_sortstate *ms, Py_ssize_t n2)
{
    if (ms->nruns) {
        int top = ms->nruns - 1;
        int power = kr_powerloop(ms->run_base[top], ms->run_len[top], n2, ms->listlen);
        while (ms->nruns > 1 && ms->run_power[ms->nruns - 2] > power) {
            if (kr_merge_at(ms, ms->nruns - 2) < 0)
                return -1;
        }
        ms->run_power[ms->nruns - 1] = power;
    }
    return 0;
}

static int
kr_merge_force_collapse(kr_sortstate *ms)
{
    Py_ssize_t *len = ms->run_len;
    while (ms->nruns > 1) {
        int n = ms->nruns - 2;
        if (n > 0 && len[n - 1] < len[n + 1])
            --n;
        if (kr_merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* A minimum run length in [32, 64] such that n / minrun is a power of two or slightly
 * less, which keeps the final merges balanced. */
static Py_ssize_t
kr_minrun(Py_ssize_t n)
{
    Py_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

int
_KrList_TimSort(PyObject **keys, PyObject **values, Py_ssize_t n)
{
    if (n < 2)
        return 0;
    kr_sortstate ms;
    ms.keys = keys;
    ms.values = values;
    ms.tk = ms.tv = NULL;
    ms.talloc = 0;
    ms.min_gallop = KR_MIN_GALLOP;
    ms.nruns = 0;
    ms.listlen = n;
    ms.key_richcompare = ms.elem_richcompare = NULL;
    ms.elem_lt = NULL;
    kr_choose_lt(&ms, keys, n);
    int result = -1;
    Py_ssize_t minrun = kr_minrun(n);
    Py_ssize_t lo = 0, remaining = n;
    while (remaining > 0) {
        Py_ssize_t run = kr_count_run(&ms, lo, lo + remaining);
        if (run < 0)
            goto done;
        if (run < minrun) {
            Py_ssize_t force = remaining <= minrun ? remaining : minrun;
            if (kr_binary_insertion(&ms, lo, lo + force, lo + run) < 0)
                goto done;
            run = force;
        }
        if (ms.nruns >= KR_MAX_PENDING) {
            PyErr_SetString(PyExc_SystemError, "too many pending runs in sort");
            goto done;
        }
        if (kr_found_new_run(&ms, run) < 0)
            goto done;
        ms.run_base[ms.nruns] = lo;
        ms.run_len[ms.nruns] = run;
        ms.run_power[ms.nruns] = 0;
        ++ms.nruns;
        lo += run;
        remaining -= run;
    }
    if (kr_merge_force_collapse(&ms) < 0)
        goto done;
    result = 0;
done:
    PyMem_Free(ms.tk);
    PyMem_Free(ms.tv);
    return result;
}

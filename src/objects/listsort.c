/* Timsort for list.sort(): natural runs, binary insertion sort up to a minimum run
 * length, a stack of pending runs merged in the order the powersort policy gives, and
 * galloping merges that switch to exponential search when one run keeps winning. Stability: runs are only ever merged with their neighbours and
 * equal elements never cross. */
#include "listsort.h"

#define KR_MIN_GALLOP 7
#define KR_MAX_PENDING 85 /* enough for 2**64 elements under the run-length invariant */

typedef struct {
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
} kr_sortstate;

/* 1 if a < b, 0 if not, -1 on error. */
static inline int
kr_lt(PyObject *a, PyObject *b)
{
    return PyObject_RichCompareBool(a, b, Py_LT);
}

#define ISLT(X, Y)                          \
    do {                                    \
        k = kr_lt((X), (Y));                \
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
kr_gallop_left(PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
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
kr_gallop_right(PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
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
            Py_ssize_t g = kr_gallop_right(keys[b], ms->tk + a, na, 0);
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
            g = kr_gallop_left(ms->tk[a], keys + b, nb, 0);
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
            Py_ssize_t g = kr_gallop_right(ms->tk[b], keys + pa, na, na - 1);
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
            g = kr_gallop_left(keys[a], ms->tk, nb, nb - 1);
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
    Py_ssize_t k = kr_gallop_right(ms->keys[pb], ms->keys + pa, na, 0);
    if (k < 0)
        return -1;
    pa += k;
    na -= k;
    if (na == 0)
        return 0;
    /* elements of B already >= A[-1] stay where they are */
    nb = kr_gallop_left(ms->keys[pa + na - 1], ms->keys + pb, nb, nb - 1);
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

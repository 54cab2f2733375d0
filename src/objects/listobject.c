/* list: a resizable array of references with CPython's over-allocation pattern (so that
 * sys.getsizeof agrees), all the list methods and the list iterators. The sorting
 * algorithm itself lives in listsort.c. */
#include "Python.h"
#include "internal/pycore_iterators.h"
#include "listsort.h"
#include "internal/pycore_freelist.h"

static PyObject *list_iter(PyObject *seq);

/* Grows or shrinks the item array so that it can hold newsize items and sets the size.
 * The over-allocation (n + n/8 + 6, rounded down to a multiple of 4) keeps appends
 * amortised O(1); the array shrinks only when less than half of it is used. */
static int
list_resize(PyListObject *self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* a big jump (extend) is not over-allocated past what it asked for */
    if (newsize - Py_SIZE(self) > (Py_ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated == 0) {
        PyMem_Free(self->ob_item);
        self->ob_item = NULL;
        self->allocated = 0;
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    if (new_allocated > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PyMem_Realloc(self->ob_item, new_allocated * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

/* For an empty list about to receive `size` items: allocate (nearly) exactly that much.
 * Rounded up to an even count like CPython, so the sizes reported agree. */
static int
list_preallocate_exact(PyListObject *self, Py_ssize_t size)
{
    size = (size + 1) & ~(Py_ssize_t)1;
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PyMem_New(PyObject *, size);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(self->ob_item);
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

/* ---- free list ------------------------------------------------------------------------- */

void
_PyList_ClearFreeList(PyInterpreterState *interp)
{
    while (interp->list_freelist.numfree > 0)
        PyObject_GC_Del(interp->list_freelist.items[--interp->list_freelist.numfree]);
}

PyObject *
PyList_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyListObject *op;
    PyThreadState *ts = _PyThreadState_GET();
    if (ts != NULL && ts->interp->list_freelist.numfree > 0) {
        PyInterpreterState *interp = ts->interp;
        op = interp->list_freelist.items[--interp->list_freelist.numfree];
        Py_SET_REFCNT(op, 1);
    }
    else {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL)
            return NULL;
    }
    if (size <= 0) {
        op->ob_item = NULL;
    }
    else {
        if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
            Py_SET_SIZE(op, 0);
            op->ob_item = NULL;
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
        op->ob_item = PyMem_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

static PyObject *
list_new_prealloc(Py_ssize_t size)
{
    PyListObject *op = (PyListObject *)PyList_New(0);
    if (op == NULL || size == 0)
        return (PyObject *)op;
    op->ob_item = PyMem_New(PyObject *, size);
    if (op->ob_item == NULL) {
        Py_DECREF(op);
        return PyErr_NoMemory();
    }
    op->allocated = size;
    return (PyObject *)op;
}

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

static inline int
valid_index(Py_ssize_t i, Py_ssize_t limit)
{
    return (size_t)i < (size_t)limit;
}

PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

PyObject *
PyList_GetItemRef(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(((PyListObject *)op)->ob_item[i]);
}

int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyListObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

static int
ins1(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    PyObject **items = self->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(PyObject *));
    items[where] = Py_NewRef(v);
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ins1((PyListObject *)op, where, newitem);
}

int
_PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (self->allocated > len) {
        self->ob_item[len] = newitem;
        Py_SET_SIZE(self, len + 1);
        return 0;
    }
    if (list_resize(self, len + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    self->ob_item[len] = newitem;
    return 0;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (PyList_Check(op) && newitem != NULL)
        return _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
    PyErr_BadInternalCall();
    return -1;
}

/* ---- slices ------------------------------------------------------------------------ */

static PyObject *
list_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    if (len <= 0)
        return PyList_New(0);
    PyListObject *np = (PyListObject *)list_new_prealloc(len);
    if (np == NULL)
        return NULL;
    PyObject **src = a->ob_item + ilow, **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < len; i++)
        dest[i] = Py_NewRef(src[i]);
    Py_SET_SIZE(np, len);
    return (PyObject *)np;
}

PyObject *
PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    return list_slice((PyListObject *)a, ilow, ihigh);
}

static int
list_clear_impl(PyListObject *a)
{
    PyObject **items = a->ob_item;
    if (items == NULL)
        return 0;
    /* detach first: decrefs may run code that looks at (or mutates) the list */
    Py_ssize_t i = Py_SIZE(a);
    Py_SET_SIZE(a, 0);
    a->ob_item = NULL;
    a->allocated = 0;
    while (--i >= 0)
        Py_XDECREF(items[i]);
    PyMem_Free(items);
    return 0;
}

/* a[ilow:ihigh] = v (v NULL deletes); v may be any iterable, even a itself. */
static int
list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *recycle_on_stack[8];
    PyObject **recycle = recycle_on_stack;
    PyObject *v_as_SF = NULL;
    PyObject **vitem = NULL;
    Py_ssize_t n;
    int result = -1;

    if (v == NULL)
        n = 0;
    else {
        if ((PyObject *)a == v) {
            v = list_slice((PyListObject *)v, 0, Py_SIZE(v));
            if (v == NULL)
                return -1;
            result = list_ass_slice(a, ilow, ihigh, v);
            Py_DECREF(v);
            return result;
        }
        v_as_SF = PySequence_Fast(v, "can only assign an iterable");
        if (v_as_SF == NULL)
            return -1;
        n = PySequence_Fast_GET_SIZE(v_as_SF);
        vitem = PySequence_Fast_ITEMS(v_as_SF);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);

    Py_ssize_t norig = ihigh - ilow;
    Py_ssize_t d = n - norig;
    if (Py_SIZE(a) + d == 0) {
        Py_XDECREF(v_as_SF);
        return list_clear_impl(a);
    }
    PyObject **item = a->ob_item;
    size_t s = (size_t)norig * sizeof(PyObject *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = PyMem_Malloc(s);
            if (recycle == NULL) {
                PyErr_NoMemory();
                goto done;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        Py_ssize_t tail = Py_SIZE(a) - ihigh;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)tail * sizeof(PyObject *));
        if (list_resize(a, Py_SIZE(a) + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], (size_t)tail * sizeof(PyObject *));
            memcpy(&item[ilow], recycle, s);
            goto done;
        }
        item = a->ob_item;
    }
    else if (d > 0) {
        Py_ssize_t k = Py_SIZE(a);
        if (list_resize(a, k + d) < 0)
            goto done;
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(PyObject *));
    }
    for (Py_ssize_t k = 0; k < n; k++, ilow++)
        item[ilow] = Py_XNewRef(vitem[k]);
    for (Py_ssize_t k = norig - 1; k >= 0; --k)
        Py_XDECREF(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_on_stack)
        PyMem_Free(recycle);
    Py_XDECREF(v_as_SF);
    return result;
}

int
PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

int
PyList_Clear(PyObject *a)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_clear_impl((PyListObject *)a);
}

/* ---- extend ---------------------------------------------------------------------------- */

static int
list_extend_fast(PyListObject *self, PyObject *iterable)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(iterable);
    if (n == 0)
        return 0;
    Py_ssize_t m = Py_SIZE(self);
    if (self->ob_item == NULL) {
        if (list_preallocate_exact(self, n) < 0)
            return -1;
        Py_SET_SIZE(self, n);
    }
    else if (list_resize(self, m + n) < 0)
        return -1;
    PyObject **src = PySequence_Fast_ITEMS(iterable);
    PyObject **dest = self->ob_item + m;
    for (Py_ssize_t i = 0; i < n; i++)
        dest[i] = Py_NewRef(src[i]);
    return 0;
}

/* Sized containers whose items are known up front (sets, dicts, views): grow once. */
static int
list_extend_sized_iter(PyListObject *self, PyObject *iterable, Py_ssize_t n)
{
    Py_ssize_t m = Py_SIZE(self);
    if (n > 0) {
        if (list_resize(self, m + n) < 0)
            return -1;
        Py_SET_SIZE(self, m);
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (_PyList_AppendTakeRef(self, item) < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    if (Py_SIZE(self) < self->allocated)
        return list_resize(self, Py_SIZE(self));
    return 0;
}

static int
list_extend_iter(PyListObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    Py_ssize_t n = PyObject_LengthHint(iterable, 8);
    if (n < 0) {
        Py_DECREF(it);
        return -1;
    }
    Py_ssize_t m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        /* the hint is only a guess: don't let it overflow */
    }
    else if (self->ob_item == NULL) {
        if (n && list_preallocate_exact(self, n) < 0)
            goto error;
    }
    else {
        if (list_resize(self, m + n) < 0)
            goto error;
        Py_SET_SIZE(self, m);
    }
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration))
                    PyErr_Clear();
                else
                    goto error;
            }
            break;
        }
        if (Py_SIZE(self) < self->allocated) {
            PyList_SET_ITEM(self, Py_SIZE(self), item);
            Py_SET_SIZE(self, Py_SIZE(self) + 1);
        }
        else if (_PyList_AppendTakeRef(self, item) < 0)
            goto error;
    }
    if (Py_SIZE(self) < self->allocated) {
        if (list_resize(self, Py_SIZE(self)) < 0)
            goto error;
    }
    Py_DECREF(it);
    return 0;
error:
    Py_DECREF(it);
    return -1;
}

static int
list_extend(PyListObject *self, PyObject *iterable)
{
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        if ((PyObject *)self == iterable) {
            /* extending with itself: copy the items first */
            PyObject *copy = list_slice(self, 0, Py_SIZE(self));
            if (copy == NULL)
                return -1;
            int r = list_extend_fast(self, copy);
            Py_DECREF(copy);
            return r;
        }
        return list_extend_fast(self, iterable);
    }
    if (PyAnySet_CheckExact(iterable))
        return list_extend_sized_iter(self, iterable, PySet_GET_SIZE(iterable));
    if (PyDict_CheckExact(iterable))
        return list_extend_sized_iter(self, iterable, PyDict_GET_SIZE(iterable));
    if (Py_IS_TYPE(iterable, &PyDictKeys_Type) || Py_IS_TYPE(iterable, &PyDictValues_Type) ||
        Py_IS_TYPE(iterable, &PyDictItems_Type)) {
        Py_ssize_t n = PyObject_Size(iterable);
        if (n < 0)
            return -1;
        return list_extend_sized_iter(self, iterable, n);
    }
    return list_extend_iter(self, iterable);
}

PyObject *
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (list_extend(self, iterable) < 0)
        return NULL;
    Py_RETURN_NONE;
}

int
PyList_Extend(PyObject *self, PyObject *iterable)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_extend((PyListObject *)self, iterable);
}

PyObject *
PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyTuple_FromArray(((PyListObject *)v)->ob_item, Py_SIZE(v));
}

PyObject *
_PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return PyList_New(0);
    PyListObject *list = (PyListObject *)list_new_prealloc(n);
    if (list == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    memcpy(list->ob_item, src, (size_t)n * sizeof(PyObject *));
    Py_SET_SIZE(list, n);
    return (PyObject *)list;
}

static void
reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

int
PyList_Reverse(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) > 1)
        reverse_slice(((PyListObject *)v)->ob_item, ((PyListObject *)v)->ob_item + Py_SIZE(v));
    return 0;
}

/* ---- sorting ------------------------------------------------------------------------- */

/* Sorts in place. While sorting, the list is emptied so that a key function or a
 * comparison that mutates it can be detected ("list modified during sort"). */
static int
list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    Py_ssize_t saved_size = Py_SIZE(self);
    Py_ssize_t saved_allocated = self->allocated;
    PyObject **saved_items = self->ob_item;
    PyObject **keys = NULL;
    int result = -1;
    Py_ssize_t nkeys = 0;

    Py_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1; /* marker: any mutation makes this non-negative */

    if (keyfunc == Py_None)
        keyfunc = NULL;
    if (keyfunc != NULL && saved_size > 0) {
        keys = PyMem_New(PyObject *, saved_size);
        if (keys == NULL) {
            PyErr_NoMemory();
            goto restore;
        }
        for (nkeys = 0; nkeys < saved_size; nkeys++) {
            keys[nkeys] = PyObject_CallOneArg(keyfunc, saved_items[nkeys]);
            if (keys[nkeys] == NULL)
                goto restore;
        }
    }
    /* Reversing around a stable sort keeps equal elements in their original order. */
    if (reverse && saved_size > 1) {
        reverse_slice(saved_items, saved_items + saved_size);
        if (keys)
            reverse_slice(keys, keys + saved_size);
    }
    if (saved_size > 1) {
        if (keys)
            result = _KrList_TimSort(keys, saved_items, saved_size);
        else
            result = _KrList_TimSort(saved_items, NULL, saved_size);
    }
    else
        result = 0;
    if (reverse && saved_size > 1) {
        reverse_slice(saved_items, saved_items + saved_size);
        if (keys)
            reverse_slice(keys, keys + saved_size);
    }

restore:
    if (keys != NULL) {
        for (Py_ssize_t i = 0; i < nkeys; i++)
            Py_DECREF(keys[i]);
        PyMem_Free(keys);
    }
    {
        Py_ssize_t final_size = Py_SIZE(self);
        PyObject **final_items = self->ob_item;
        if (self->allocated != -1 && result >= 0) {
            PyErr_SetString(PyExc_ValueError, "list modified during sort");
            result = -1;
        }
        Py_SET_SIZE(self, saved_size);
        self->ob_item = saved_items;
        self->allocated = saved_allocated;
        if (final_items != NULL) {
            while (--final_size >= 0)
                Py_XDECREF(final_items[final_size]);
            PyMem_Free(final_items);
        }
    }
    return result;
}

int
PyList_Sort(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_sort_impl((PyListObject *)v, NULL, 0);
}

static PyObject *
list_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *keyfunc = Py_None;
    int reverse = 0;
    if (nargs > 0) {
        PyErr_SetString(PyExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw > 2) {
        PyErr_Format(PyExc_TypeError, "sort() takes at most 2 keyword arguments (%zd given)",
                     nkw);
        return NULL;
    }
    PyObject *reverse_obj = NULL;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "key"))
            keyfunc = args[i];
        else if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "reverse"))
            reverse_obj = args[i];
        else {
            PyErr_Format(PyExc_TypeError, "sort() got an unexpected keyword argument '%S'",
                         name);
            return NULL;
        }
    }
    if (reverse_obj != NULL) {
        reverse = PyObject_IsTrue(reverse_obj);
        if (reverse < 0)
            return NULL;
    }
    if (list_sort_impl((PyListObject *)self, keyfunc, reverse) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- slots ---------------------------------------------------------------------------- */

static void
list_dealloc(PyObject *self)
{
    PyListObject *op = (PyListObject *)self;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        Py_ssize_t i = Py_SIZE(op);
        while (--i >= 0)
            Py_XDECREF(op->ob_item[i]);
        PyMem_Free(op->ob_item);
    }
    PyThreadState *ts = _PyThreadState_GET();
    if (PyList_CheckExact(op) && ts != NULL &&
        ts->interp->list_freelist.numfree < KR_LIST_FREELIST_MAX && !ts->interp->finalizing) {
        PyInterpreterState *interp = ts->interp;
        interp->list_freelist.items[interp->list_freelist.numfree++] = op;
    }
    else {
        Py_TYPE(op)->tp_free((PyObject *)op);
    }
    Py_TRASHCAN_END
}

static PyObject *
list_repr(PyObject *self)
{
    PyListObject *v = (PyListObject *)self;
    if (Py_SIZE(v) == 0)
        return PyUnicode_FromString("[]");
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("[...]") : NULL;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (Py_SIZE(v) - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    /* the list may change size while its items' reprs run */
    for (Py_ssize_t i = 0; i < Py_SIZE(v); ++i) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *item = Py_NewRef(v->ob_item[i]);
        PyObject *s = PyObject_Repr(item);
        Py_DECREF(item);
        if (s == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0)
            goto error;
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave(self);
    return NULL;
}

static Py_ssize_t
list_length(PyObject *a)
{
    return Py_SIZE(a);
}

static int
list_contains(PyObject *self, PyObject *el)
{
    PyListObject *a = (PyListObject *)self;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i) {
        PyObject *item = Py_NewRef(a->ob_item[i]);
        cmp = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
    }
    return cmp;
}

static PyObject *
list_item(PyObject *self, Py_ssize_t i)
{
    if (!valid_index(i, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(((PyListObject *)self)->ob_item[i]);
}

static PyObject *
list_concat(PyObject *self, PyObject *bb)
{
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyListObject *a = (PyListObject *)self, *b = (PyListObject *)bb;
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return PyList_New(0);
    PyListObject *np = (PyListObject *)list_new_prealloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        *dest++ = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        *dest++ = Py_NewRef(b->ob_item[i]);
    Py_SET_SIZE(np, size);
    return (PyObject *)np;
}

static PyObject *
list_repeat(PyObject *self, Py_ssize_t n)
{
    PyListObject *a = (PyListObject *)self;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n <= 0)
        return PyList_New(0);
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t output_size = input_size * n;
    PyListObject *np = (PyListObject *)list_new_prealloc(output_size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t j = 0; j < n; j++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *dest++ = Py_NewRef(a->ob_item[i]);
    Py_SET_SIZE(np, output_size);
    return (PyObject *)np;
}

static PyObject *
list_inplace_concat(PyObject *self, PyObject *other)
{
    if (list_extend((PyListObject *)self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
list_inplace_repeat(PyObject *_self, Py_ssize_t n)
{
    PyListObject *self = (PyListObject *)_self;
    Py_ssize_t input_size = Py_SIZE(self);
    if (input_size == 0 || n == 1)
        return Py_NewRef(self);
    if (n < 1) {
        list_clear_impl(self);
        return Py_NewRef(self);
    }
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t output_size = input_size * n;
    if (list_resize(self, output_size) < 0)
        return NULL;
    PyObject **items = self->ob_item;
    for (Py_ssize_t j = 1; j < n; j++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            items[j * input_size + i] = Py_NewRef(items[i]);
    return Py_NewRef(self);
}

static int
list_ass_item(PyObject *aa, Py_ssize_t i, PyObject *v)
{
    PyListObject *a = (PyListObject *)aa;
    if (!valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, v);
    Py_SETREF(a->ob_item[i], Py_NewRef(v));
    return 0;
}

static PyObject *
list_subscript(PyObject *_self, PyObject *item)
{
    PyListObject *self = (PyListObject *)_self;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return list_item(_self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return PyList_New(0);
        if (step == 1)
            return list_slice(self, start, stop);
        PyListObject *result = (PyListObject *)list_new_prealloc(slicelength);
        if (result == NULL)
            return NULL;
        PyObject **src = self->ob_item, **dest = result->ob_item;
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++)
            dest[i] = Py_NewRef(src[cur]);
        Py_SET_SIZE(result, slicelength);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
list_ass_subscript(PyObject *_self, PyObject *item, PyObject *value)
{
    PyListObject *self = (PyListObject *)_self;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        return list_ass_item(_self, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1 && value == NULL)
        return list_ass_slice(self, start, stop, value);
    if (step == 1) {
        PyObject *seq = (PyObject *)self == value
                            ? list_slice(self, 0, Py_SIZE(self))
                            : PySequence_Fast(value, "must assign iterable to extended slice");
        if (seq == NULL)
            return -1;
        int res = list_ass_slice(self, start, stop, seq);
        Py_DECREF(seq);
        return res;
    }

    if (value == NULL) {
        /* delete an extended slice: compact the survivors in one pass */
        if (slicelength <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        PyObject **garbage = PyMem_New(PyObject *, slicelength);
        if (garbage == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t cur, i;
        for (cur = start, i = 0; cur < stop; cur += step, i++) {
            Py_ssize_t lim = step - 1;
            garbage[i] = self->ob_item[cur];
            if (cur + step >= Py_SIZE(self))
                lim = Py_SIZE(self) - cur - 1;
            memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                    (size_t)lim * sizeof(PyObject *));
        }
        cur = start + (size_t)slicelength * (size_t)step;
        if (cur < Py_SIZE(self)) {
            memmove(self->ob_item + cur - slicelength, self->ob_item + cur,
                    (size_t)(Py_SIZE(self) - cur) * sizeof(PyObject *));
        }
        Py_SET_SIZE(self, Py_SIZE(self) - slicelength);
        int res = list_resize(self, Py_SIZE(self));
        for (i = 0; i < slicelength; i++)
            Py_DECREF(garbage[i]);
        PyMem_Free(garbage);
        return res;
    }

    PyObject *seq;
    if (self == (PyListObject *)value)
        seq = list_slice((PyListObject *)value, 0, Py_SIZE(value));
    else
        seq = PySequence_Fast(value, "must assign iterable to extended slice");
    if (seq == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     PySequence_Fast_GET_SIZE(seq), slicelength);
        Py_DECREF(seq);
        return -1;
    }
    if (slicelength == 0) {
        Py_DECREF(seq);
        return 0;
    }
    PyObject **garbage = PyMem_New(PyObject *, slicelength);
    if (garbage == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    PyObject **selfitems = self->ob_item;
    PyObject **seqitems = PySequence_Fast_ITEMS(seq);
    Py_ssize_t cur, i;
    for (cur = start, i = 0; i < slicelength; cur += step, i++) {
        garbage[i] = selfitems[cur];
        selfitems[cur] = Py_NewRef(seqitems[i]);
    }
    for (i = 0; i < slicelength; i++)
        Py_DECREF(garbage[i]);
    PyMem_Free(garbage);
    Py_DECREF(seq);
    return 0;
}

static int
list_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyListObject *o = (PyListObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;)
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static int
list_tp_clear(PyObject *self)
{
    return list_clear_impl((PyListObject *)self);
}

static PyObject *
list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyListObject *vl = (PyListObject *)v, *wl = (PyListObject *)w;
    if (Py_SIZE(vl) != Py_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        if (op == Py_EQ)
            Py_RETURN_FALSE;
        Py_RETURN_TRUE;
    }
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(vl) && i < Py_SIZE(wl); i++) {
        PyObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
        if (vitem == witem)
            continue;
        Py_INCREF(vitem);
        Py_INCREF(witem);
        int k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= Py_SIZE(vl) || i >= Py_SIZE(wl))
        Py_RETURN_RICHCOMPARE(Py_SIZE(vl), Py_SIZE(wl), op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    PyObject *vitem = Py_NewRef(vl->ob_item[i]), *witem = Py_NewRef(wl->ob_item[i]);
    PyObject *res = PyObject_RichCompare(vitem, witem, op);
    Py_DECREF(vitem);
    Py_DECREF(witem);
    return res;
}

static int
list_init_impl(PyListObject *self, PyObject *iterable)
{
    if (self->ob_item != NULL)
        list_clear_impl(self);
    if (iterable != NULL)
        return list_extend(self, iterable);
    return 0;
}

static int
list_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if ((Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("list", kwds))
        return -1;
    if (!_PyArg_CheckPositional("list", PyTuple_GET_SIZE(args), 0, 1))
        return -1;
    return list_init_impl((PyListObject *)self,
                          PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("list", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("list", nargs, 0, 1))
        return NULL;
    PyObject *list = type == (PyObject *)&PyList_Type ? PyList_New(0)
                                                      : PyType_GenericAlloc((PyTypeObject *)type, 0);
    if (list == NULL)
        return NULL;
    if (nargs && list_init_impl((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- methods ------------------------------------------------------------------------- */

static PyObject *
list_append(PyObject *self, PyObject *object)
{
    if (_PyList_AppendTakeRef((PyListObject *)self, Py_NewRef(object)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
list_extend_meth(PyObject *self, PyObject *iterable)
{
    return _PyList_Extend((PyListObject *)self, iterable);
}

static PyObject *
list_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (ins1((PyListObject *)self, index, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
list_clear_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    list_clear_impl((PyListObject *)self);
    Py_RETURN_NONE;
}

static PyObject *
list_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return list_slice((PyListObject *)self, 0, Py_SIZE(self));
}

static PyObject *
list_pop(PyObject *_self, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)_self;
    Py_ssize_t index = -1;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    if (nargs >= 1) {
        index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
    }
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += Py_SIZE(self);
    if (!valid_index(index, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject **items = self->ob_item;
    PyObject *v = items[index];
    Py_ssize_t size_after_pop = Py_SIZE(self) - 1;
    if (size_after_pop == 0) {
        Py_INCREF(v);
        list_clear_impl(self);
        return v;
    }
    memmove(&items[index], &items[index + 1],
            (size_t)(size_after_pop - index) * sizeof(PyObject *));
    if (list_resize(self, size_after_pop) < 0) {
        /* shrinking cannot really fail; restore the item if it does */
        memmove(&items[index + 1], &items[index],
                (size_t)(size_after_pop - index) * sizeof(PyObject *));
        items[index] = v;
        return NULL;
    }
    return v;
}

static PyObject *
list_remove(PyObject *_self, PyObject *value)
{
    PyListObject *self = (PyListObject *)_self;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) == 0)
                Py_RETURN_NONE;
            return NULL;
        }
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static PyObject *
list_index(PyObject *_self, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)_self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs >= 2 && !_KrEval_SliceIndexNotNone(args[1], &start))
        return NULL;
    if (nargs >= 3 && !_KrEval_SliceIndexNotNone(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += Py_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += Py_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, args[0], Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static PyObject *
list_count(PyObject *_self, PyObject *value)
{
    PyListObject *self = (PyListObject *)_self;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        if (obj == value) {
            count++;
            continue;
        }
        Py_INCREF(obj);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
list_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (Py_SIZE(self) > 1)
        reverse_slice(((PyListObject *)self)->ob_item,
                      ((PyListObject *)self)->ob_item + Py_SIZE(self));
    Py_RETURN_NONE;
}

static PyObject *
list_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    size_t res = (size_t)Py_TYPE(self)->tp_basicsize;
    res += (size_t)((PyListObject *)self)->allocated * sizeof(void *);
    return PyLong_FromSize_t(res);
}

static PyObject *list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyObject *
list_getitem_meth(PyObject *self, PyObject *item)
{
    return list_subscript(self, item);
}

static PyMethodDef list_methods[] = {
    {"__getitem__", (PyCFunction)list_getitem_meth, METH_O | METH_COEXIST,
     "Return self[index]."},
    {"__reversed__", (PyCFunction)list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (PyCFunction)list_sizeof, METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", (PyCFunction)list_clear_meth, METH_NOARGS, "Remove all items from list."},
    {"copy", (PyCFunction)list_copy, METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (PyCFunction)list_append, METH_O, "Append object to the end of the list."},
    {"insert", _PyCFunction_CAST(list_insert), METH_FASTCALL,
     "Insert object before index."},
    {"extend", (PyCFunction)list_extend_meth, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", _PyCFunction_CAST(list_pop), METH_FASTCALL,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is "
     "empty or index is out of range."},
    {"remove", (PyCFunction)list_remove, METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", _PyCFunction_CAST(list_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)list_count, METH_O, "Return number of occurrences of value."},
    {"reverse", (PyCFunction)list_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", _PyCFunction_CAST(list_sort), METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the "
     "list itself is modified) and stable (i.e. the\norder of two equal elements is "
     "maintained).\n\nIf a key function is given, apply it once to each list item and "
     "sort them,\nascending or descending, according to their function values.\n\nThe "
     "reverse flag can be set to sort in descending order."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor "
              "creates a new empty list.\nThe argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};

/* ---- iterators ------------------------------------------------------------------------ */

typedef _KrListIterObject listiterobject; /* internal/pycore_iterators.h */

static void
listiter_dealloc(PyObject *self)
{
    listiterobject *it = (listiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((listiterobject *)self)->it_seq);
    return 0;
}

static PyObject *
listiter_next(PyObject *self)
{
    listiterobject *it = (listiterobject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
listiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listiterobject *it = (listiterobject *)self;
    if (it->it_seq) {
        Py_ssize_t len = Py_SIZE(it->it_seq) - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyObject *
listiter_reduce_general(PyObject *seq, Py_ssize_t index, int forward)
{
    if (forward) {
        PyObject *iterfn = _KrEval_GetBuiltin("iter");
        if (iterfn == NULL)
            return NULL;
        if (seq != NULL)
            return Py_BuildValue("N(O)n", iterfn, seq, index);
        return Py_BuildValue("N(())", iterfn);
    }
    if (seq != NULL)
        return Py_BuildValue("O(O)n", (PyObject *)&PyReversed_Type, seq, index);
    PyObject *iterfn = _KrEval_GetBuiltin("iter");
    if (iterfn == NULL)
        return NULL;
    return Py_BuildValue("N(())", iterfn);
}

static PyObject *
listiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listiterobject *it = (listiterobject *)self;
    return listiter_reduce_general((PyObject *)it->it_seq, it->it_index, 1);
}

static PyObject *
listiter_setstate(PyObject *self, PyObject *state)
{
    listiterobject *it = (listiterobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > Py_SIZE(it->it_seq))
            index = Py_SIZE(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", (PyCFunction)listiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)listiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)listiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

static PyObject *
list_iter(PyObject *seq)
{
    if (!PyList_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    listiterobject *it = PyObject_GC_New(listiterobject, &PyListIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;
} listreviterobject;

static void
listreviter_dealloc(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listreviter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((listreviterobject *)self)->it_seq);
    return 0;
}

static PyObject *
listreviter_next(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    Py_ssize_t index = it->it_index;
    if (index >= 0 && index < Py_SIZE(seq)) {
        it->it_index--;
        return Py_NewRef(seq->ob_item[index]);
    }
    it->it_index = -1;
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
listreviter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t len = it->it_index + 1;
    if (it->it_seq == NULL || Py_SIZE(it->it_seq) < len)
        len = 0;
    return PyLong_FromSsize_t(len);
}

static PyObject *
listreviter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = (listreviterobject *)self;
    return listiter_reduce_general((PyObject *)it->it_seq, it->it_index, 0);
}

static PyObject *
listreviter_setstate(PyObject *self, PyObject *state)
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < -1)
            index = -1;
        else if (index > Py_SIZE(it->it_seq) - 1)
            index = Py_SIZE(it->it_seq) - 1;
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", (PyCFunction)listreviter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)listreviter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)listreviter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listreviterobject),
    .tp_dealloc = listreviter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listreviter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};

static PyObject *
list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = PyObject_GC_New(listreviterobject, &PyListRevIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = Py_SIZE(self) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* The _thread module: OS threads running Python callables, locks, and thread-local data.
 *
 * Every new thread gets its own PyThreadState and runs Python code only while holding the
 * GIL (src/vm/ceval_gil.c). Lock waits release the GIL so other threads can run. */
#include "Python.h"
#include "internal/pycore_signal.h"
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#define KR_TIMEOUT_MAX 9223372036.0

typedef struct {
    long count;          /* threads started by this module and still running */
    size_t stack_size;   /* 0: platform default */
} ThreadState;

static struct PyModuleDef threadmodule;

/* ---- a lock that any thread may release, with timed waits ------------------------------ */

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int locked;
} KrLock;

static void krlock_init(KrLock *l)
{
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    l->locked = 0;
}

static void krlock_fini(KrLock *l)
{
    pthread_mutex_destroy(&l->mutex);
    pthread_cond_destroy(&l->cond);
}

static int krlock_try(KrLock *l)
{
    pthread_mutex_lock(&l->mutex);
    int got = !l->locked;
    if (got)
        l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return got;
}

/* timeout_ns < 0 waits forever. Called without the GIL. */
static int krlock_wait(KrLock *l, int64_t timeout_ns)
{
    struct timespec deadline;
    if (timeout_ns >= 0) {
        clock_gettime(CLOCK_REALTIME, &deadline);
        int64_t ns = deadline.tv_nsec + timeout_ns % 1000000000LL;
        deadline.tv_sec += (time_t)(timeout_ns / 1000000000LL + ns / 1000000000LL);
        deadline.tv_nsec = (long)(ns % 1000000000LL);
    }
    pthread_mutex_lock(&l->mutex);
    int rc = 0;
    while (l->locked && rc == 0) {
        if (timeout_ns < 0)
            pthread_cond_wait(&l->cond, &l->mutex);
        else
            rc = pthread_cond_timedwait(&l->cond, &l->mutex, &deadline);
    }
    int got = !l->locked;
    if (got)
        l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return got;
}

static void krlock_release(KrLock *l)
{
    pthread_mutex_lock(&l->mutex);
    l->locked = 0;
    pthread_cond_signal(&l->cond);
    pthread_mutex_unlock(&l->mutex);
}

/* Parses (blocking=True, timeout=-1) into a timeout in ns (-1: forever, 0: try). */
static int parse_acquire(PyObject *args, PyObject *kwds, int64_t *timeout_ns)
{
    static char *kwlist[] = {"blocking", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:acquire", kwlist, &blocking, &timeout_obj))
        return -1;
    double timeout = -1.0;
    if (timeout_obj != NULL) {
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1.0 && PyErr_Occurred())
            return -1;
    }
    if (!blocking && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
        return 0;
    }
    if (timeout == -1.0) {
        *timeout_ns = -1;
        return 0;
    }
    if (!(timeout * 1e9 < 9.2e18)) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    if (timeout > KR_TIMEOUT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout_ns = (int64_t)ceil(timeout * 1e9);
    return 0;
}

static int64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Acquire, releasing the GIL while blocked. Returns 1 acquired, 0 timed out, -1 when a
 * signal handler raised. The main thread waits in short slices so that Ctrl-C and other
 * Python signal handlers run even in a deadlocked program; an interruptible wait retries
 * after handlers that return normally. Between slices the thread only looks at the
 * signal flags (safe without the GIL): taking the GIL every slice would make a joining
 * main thread compete with the running threads for no reason. */
#define KR_SIGNAL_SLICE_NS 20000000LL
static int acquire_blocking_ex(KrLock *l, int64_t timeout_ns, int interruptible)
{
    if (krlock_try(l))
        return 1;
    if (timeout_ns == 0)
        return 0;
    int on_main = interruptible && (unsigned long)pthread_self() == _PyRuntime.main_thread;
    int64_t deadline = timeout_ns > 0 ? monotonic_ns() + timeout_ns : -1;
    for (;;) {
        int got = 0, expired = 0;
        PyThreadState *save = PyEval_SaveThread();
        for (;;) {
            int64_t slice = deadline < 0 ? -1 : deadline - monotonic_ns();
            if (deadline >= 0 && slice <= 0) {
                got = krlock_try(l);
                expired = 1;
                break;
            }
            if (on_main && (slice < 0 || slice > KR_SIGNAL_SLICE_NS))
                slice = KR_SIGNAL_SLICE_NS;
            got = krlock_wait(l, slice);
            if (got || (on_main && _KrSignal_Pending()))
                break;
        }
        PyEval_RestoreThread(save);
        if (got)
            return 1;
        if (expired)
            return 0;
        if (_KrSignal_Check() < 0)
            return -1;
    }
}

static int acquire_blocking(KrLock *l, int64_t timeout_ns)
{
    return acquire_blocking_ex(l, timeout_ns, 1);
}

/* ---- lock ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    KrLock lock;
    PyObject *weakreflist;
} LockObject;

static PyTypeObject Lock_Type, RLock_Type, Local_Type;

static PyObject *newlock(PyTypeObject *type)
{
    LockObject *self = (LockObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    krlock_init(&self->lock);
    self->weakreflist = NULL;
    return (PyObject *)self;
}

static PyObject *lock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoPositional("lock", args) || !_PyArg_NoKeywords("lock", kwds))
        return NULL;
    return newlock(type);
}

static void lock_dealloc(PyObject *self)
{
    LockObject *l = (LockObject *)self;
    if (l->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    krlock_fini(&l->lock);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyObject *lock_acquire(PyObject *self, PyObject *args, PyObject *kwds)
{
    int64_t timeout;
    if (parse_acquire(args, kwds, &timeout) < 0)
        return NULL;
    int r = acquire_blocking(&((LockObject *)self)->lock, timeout);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *lock_release(PyObject *self, PyObject *unused)
{
    LockObject *l = (LockObject *)self;
    pthread_mutex_lock(&l->lock.mutex);
    int was = l->lock.locked;
    pthread_mutex_unlock(&l->lock.mutex);
    if (!was) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    krlock_release(&l->lock);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(PyObject *self, PyObject *args)
{
    return lock_release(self, NULL);
}

static PyObject *lock_locked(PyObject *self, PyObject *unused)
{
    LockObject *l = (LockObject *)self;
    pthread_mutex_lock(&l->lock.mutex);
    int was = l->lock.locked;
    pthread_mutex_unlock(&l->lock.mutex);
    return PyBool_FromLong(was);
}

static PyObject *lock_at_fork_reinit(PyObject *self, PyObject *unused)
{
    krlock_init(&((LockObject *)self)->lock);
    Py_RETURN_NONE;
}

static PyObject *lock_repr(PyObject *self)
{
    LockObject *l = (LockObject *)self;
    /* A thread without the GIL may be taking the lock right now. */
    pthread_mutex_lock(&l->lock.mutex);
    int locked = l->lock.locked;
    pthread_mutex_unlock(&l->lock.mutex);
    return PyUnicode_FromFormat("<%s %s object at %p>", locked ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, self);
}

static PyMethodDef lock_methods[] = {
    {"acquire_lock", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS, NULL},
    {"acquire", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS, "Lock the lock."},
    {"release_lock", lock_release, METH_NOARGS, NULL},
    {"release", lock_release, METH_NOARGS, "Release the lock."},
    {"locked_lock", lock_locked, METH_NOARGS, NULL},
    {"locked", lock_locked, METH_NOARGS, "Test whether the lock is currently locked."},
    {"__enter__", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS, "Lock the lock."},
    {"__exit__", lock_exit, METH_VARARGS, "Release the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Lock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A lock object is a synchronization primitive.",
    .tp_weaklistoffset = offsetof(LockObject, weakreflist),
    .tp_methods = lock_methods,
    .tp_new = lock_new,
};

/* ---- RLock ----------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    KrLock lock;
    unsigned long owner;
    unsigned long count;
    PyObject *weakreflist;
} RLockObject;

static unsigned long current_ident(void)
{
    return (unsigned long)pthread_self();
}

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    RLockObject *self = (RLockObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    krlock_init(&self->lock);
    self->owner = 0;
    self->count = 0;
    self->weakreflist = NULL;
    return (PyObject *)self;
}

static void rlock_dealloc(PyObject *self)
{
    RLockObject *r = (RLockObject *)self;
    if (r->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    krlock_fini(&r->lock);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyObject *rlock_acquire(PyObject *self, PyObject *args, PyObject *kwds)
{
    RLockObject *r = (RLockObject *)self;
    int64_t timeout;
    if (parse_acquire(args, kwds, &timeout) < 0)
        return NULL;
    unsigned long me = current_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == ULONG_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        r->count++;
        Py_RETURN_TRUE;
    }
    int got = acquire_blocking(&r->lock, timeout);
    if (got < 0)
        return NULL;
    if (!got)
        Py_RETURN_FALSE;
    r->owner = me;
    r->count = 1;
    Py_RETURN_TRUE;
}

static PyObject *rlock_release(PyObject *self, PyObject *unused)
{
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0 || r->owner != current_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--r->count == 0) {
        r->owner = 0;
        krlock_release(&r->lock);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(PyObject *self, PyObject *args)
{
    return rlock_release(self, NULL);
}

static PyObject *rlock_locked(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(((RLockObject *)self)->count > 0);
}

/* Condition variables fully release a recursive lock while waiting and restore it after. */
static PyObject *rlock_release_save(PyObject *self, PyObject *unused)
{
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    PyObject *state = Py_BuildValue("(kk)", r->count, r->owner);
    if (state == NULL)
        return NULL;
    r->count = 0;
    r->owner = 0;
    krlock_release(&r->lock);
    return state;
}

static PyObject *rlock_acquire_restore(PyObject *self, PyObject *state)
{
    RLockObject *r = (RLockObject *)self;
    unsigned long count, owner;
    if (!PyArg_ParseTuple(state, "kk:_acquire_restore", &count, &owner))
        return NULL;
    (void)acquire_blocking_ex(&r->lock, -1, 0);
    r->owner = owner;
    r->count = count;
    Py_RETURN_NONE;
}

static PyObject *rlock_is_owned(PyObject *self, PyObject *unused)
{
    RLockObject *r = (RLockObject *)self;
    return PyBool_FromLong(r->count > 0 && r->owner == current_ident());
}

static PyObject *rlock_recursion_count(PyObject *self, PyObject *unused)
{
    RLockObject *r = (RLockObject *)self;
    return PyLong_FromUnsignedLong(r->owner == current_ident() ? r->count : 0);
}

static PyObject *rlock_at_fork_reinit(PyObject *self, PyObject *unused)
{
    RLockObject *r = (RLockObject *)self;
    krlock_init(&r->lock);
    r->owner = 0;
    r->count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_repr(PyObject *self)
{
    RLockObject *r = (RLockObject *)self;
    return PyUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>", r->count ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, r->owner, r->count, self);
}

static PyMethodDef rlock_methods[] = {
    {"acquire", _PyCFunction_CAST(rlock_acquire), METH_VARARGS | METH_KEYWORDS, "Lock the lock."},
    {"release", rlock_release, METH_NOARGS, "Release the lock."},
    {"locked", rlock_locked, METH_NOARGS, "Test whether the lock is currently locked."},
    {"_is_owned", rlock_is_owned, METH_NOARGS, NULL},
    {"_recursion_count", rlock_recursion_count, METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, METH_O, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_NOARGS, NULL},
    {"__enter__", _PyCFunction_CAST(rlock_acquire), METH_VARARGS | METH_KEYWORDS, "Lock the lock."},
    {"__exit__", rlock_exit, METH_VARARGS, "Release the lock."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RLock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(RLockObject, weakreflist),
    .tp_methods = rlock_methods,
    .tp_new = rlock_new,
};

/* ---- _local ---------------------------------------------------------------------------- */

/* Each thread keeps this object's attributes in its own dict, stored in the thread state's
 * dict under a key naming this object. Attribute access swaps that dict in, under the GIL. */
typedef struct {
    PyObject_HEAD
    PyObject *key;
    PyObject *args, *kw;
    PyObject *dict; /* the current thread's dict, swapped in on access */
    PyObject *weakreflist;
} LocalObject;

static PyObject *local_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (type->tp_init == PyBaseObject_Type.tp_init &&
        (PyTuple_GET_SIZE(args) || (kw && PyDict_GET_SIZE(kw)))) {
        PyErr_SetString(PyExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    LocalObject *self = (LocalObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->args = Py_NewRef(args);
    self->kw = Py_XNewRef(kw);
    self->key = PyUnicode_FromFormat("_thread._local.%p", self);
    self->dict = PyDict_New();
    PyObject *tdict = PyThreadState_GetDict();
    if (self->key == NULL || self->dict == NULL || tdict == NULL ||
        PyDict_SetItem(tdict, self->key, self->dict) < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "no thread state dict");
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Returns (new reference) the calling thread's dict for self, creating and initialising it
 * on first use, and makes it self->dict so that __dict__ shows it. The lookup itself is
 * done with the returned dict, not through self->dict: a descriptor, __eq__ or __init__
 * run during the access may switch threads, and the other thread rebinds self->dict. */
static PyObject *local_bind(LocalObject *self)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "no thread state dict");
        return NULL;
    }
    PyObject *d = PyDict_GetItemWithError(tdict, self->key);
    if (d != NULL) {
        Py_SETREF(self->dict, Py_NewRef(d));
        return Py_NewRef(d);
    }
    if (PyErr_Occurred())
        return NULL;
    d = PyDict_New();
    if (d == NULL || PyDict_SetItem(tdict, self->key, d) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    Py_SETREF(self->dict, Py_NewRef(d));
    if (Py_TYPE(self)->tp_init != PyBaseObject_Type.tp_init) {
        if (Py_TYPE(self)->tp_init((PyObject *)self, self->args, self->kw) < 0) {
            Py_DECREF(d);
            return NULL;
        }
        /* __init__ may have switched threads: show this thread's dict again. */
        Py_SETREF(self->dict, Py_NewRef(d));
    }
    return d;
}

static PyObject *local_getattro(PyObject *self, PyObject *name)
{
    PyObject *d = local_bind((LocalObject *)self);
    if (d == NULL)
        return NULL;
    PyObject *res;
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__dict__") == 0)
        res = Py_NewRef(d);
    else
        res = _PyObject_GenericGetAttrWithDict(self, name, d, 0);
    Py_DECREF(d);
    return res;
}

static int local_setattro(PyObject *self, PyObject *name, PyObject *v)
{
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__dict__") == 0) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object attribute '__dict__' is read-only",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    PyObject *d = local_bind((LocalObject *)self);
    if (d == NULL)
        return -1;
    int r = _PyObject_GenericSetAttrWithDict(self, name, v, d);
    Py_DECREF(d);
    return r;
}

static int local_traverse(PyObject *self, visitproc visit, void *arg)
{
    LocalObject *l = (LocalObject *)self;
    Py_VISIT(l->args);
    Py_VISIT(l->kw);
    Py_VISIT(l->dict);
    return 0;
}

static int local_clear(PyObject *self)
{
    LocalObject *l = (LocalObject *)self;
    Py_CLEAR(l->args);
    Py_CLEAR(l->kw);
    Py_CLEAR(l->dict);
    return 0;
}

static void local_dealloc(PyObject *self)
{
    LocalObject *l = (LocalObject *)self;
    PyObject_GC_UnTrack(self);
    if (l->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    /* Drop this object's per-thread dicts from every thread so a later object reusing the
     * address does not inherit them. Deleting runs destructors, which may release the GIL
     * and let a thread exit and free its state, so the dicts are collected first and the
     * thread list is not walked while Python code can run. */
    if (l->key != NULL) {
        PyInterpreterState *interp = _PyInterpreterState_GET();
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *dicts = PyList_New(0);
        if (dicts != NULL) {
            for (PyThreadState *ts = interp->threads_head; ts != NULL; ts = ts->next) {
                if (ts->dict != NULL && PyList_Append(dicts, ts->dict) < 0)
                    break;
            }
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(dicts); i++) {
                PyObject *d = PyList_GET_ITEM(dicts, i);
                if (PyDict_DelItem(d, l->key) < 0)
                    PyErr_Clear();
            }
            Py_DECREF(dicts);
        }
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    Py_CLEAR(l->key);
    local_clear(self);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyTypeObject Local_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(LocalObject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Thread-local data",
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_weaklistoffset = offsetof(LocalObject, weakreflist),
    .tp_dictoffset = offsetof(LocalObject, dict),
    .tp_new = local_new,
};

/* ---- threads --------------------------------------------------------------------------- */

typedef struct {
    PyObject *func, *args, *kwargs;
    PyThreadState *tstate;
    ThreadState *st;
    PyObject *module; /* keeps the module state alive while the thread runs */
} Boot;

static void *thread_entry(void *arg)
{
    Boot *boot = arg;
    PyThreadState *ts = boot->tstate;
    PyEval_RestoreThread(ts);
    /* Under the GIL: other threads read the states on the interpreter's list. */
    ts->thread_id = (unsigned long)pthread_self();
    ts->native_thread_id = (unsigned long)syscall(SYS_gettid);

    PyObject *res = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (res == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit))
            PyErr_Clear();
        else
            PyErr_FormatUnraisable("Exception ignored in thread started by %R", boot->func);
    }
    Py_XDECREF(res);
    Py_DECREF(boot->func);
    Py_DECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    boot->st->count--;
    Py_DECREF(boot->module);
    PyMem_RawFree(boot);

    if (_PyRuntime.finalizing) {
        /* The interpreter is being torn down and will free this thread state itself. */
        (void)PyEval_SaveThread();
        return NULL;
    }
    PyThreadState_Clear(ts);
    /* Unlink and free the state while still holding the GIL so finalization can never see
     * it half-deleted. (A PyThreadState_DeleteCurrent in the GIL code would also clear the
     * GIL's holder pointer before the free; see the report.) */
    PyThreadState_Delete(ts);
    (void)PyEval_SaveThread();
    return NULL;
}

static PyObject *thread_start_new_thread(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("start_new_thread", nargs, 2, 3))
        return NULL;
    PyObject *func = args[0], *fargs = args[1], *kwargs = nargs > 2 ? args[2] : NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(fargs)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    ThreadState *st = PyModule_GetState(m);
    PyEval_InitThreads();
    Boot *boot = PyMem_RawMalloc(sizeof(Boot));
    if (boot == NULL)
        return PyErr_NoMemory();
    boot->tstate = PyThreadState_New(_PyInterpreterState_GET());
    if (boot->tstate == NULL) {
        PyMem_RawFree(boot);
        return PyErr_NoMemory();
    }
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(fargs);
    boot->kwargs = Py_XNewRef(kwargs);
    boot->st = st;
    boot->module = Py_NewRef(m);
    st->count++;

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (st->stack_size)
        pthread_attr_setstacksize(&attr, st->stack_size);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, thread_entry, boot);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        st->count--;
        Py_DECREF(boot->func);
        Py_DECREF(boot->args);
        Py_XDECREF(boot->kwargs);
        Py_DECREF(boot->module);
        PyThreadState_Delete(boot->tstate);
        PyMem_RawFree(boot);
        PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return PyLong_FromUnsignedLong((unsigned long)tid);
}

static PyObject *thread_allocate_lock(PyObject *m, PyObject *unused)
{
    return newlock(&Lock_Type);
}

static PyObject *thread_get_ident(PyObject *m, PyObject *unused)
{
    return PyLong_FromUnsignedLong(current_ident());
}

static PyObject *thread_get_native_id(PyObject *m, PyObject *unused)
{
    return PyLong_FromUnsignedLong((unsigned long)syscall(SYS_gettid));
}

static PyObject *thread_count(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(((ThreadState *)PyModule_GetState(m))->count);
}

static PyObject *thread_exit(PyObject *m, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyObject *thread_stack_size(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("stack_size", nargs, 0, 1))
        return NULL;
    ThreadState *st = PyModule_GetState(m);
    size_t old = st->stack_size;
    if (nargs) {
        Py_ssize_t n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred())
            return NULL;
        if (n != 0 && n < 32768) {
            PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", n);
            return NULL;
        }
        st->stack_size = (size_t)n;
    }
    return PyLong_FromSize_t(old);
}

static PyObject *thread_interrupt_main(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("interrupt_main", nargs, 0, 1))
        return NULL;
    long signum = SIGINT;
    if (nargs) {
        signum = PyLong_AsLong(args[0]);
        if (signum == -1 && PyErr_Occurred())
            return NULL;
    }
    if (signum < 1 || signum >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    if (signum == SIGINT)
        PyErr_SetInterrupt();
    else
        raise((int)signum);
    Py_RETURN_NONE;
}

static PyObject *thread_daemon_threads_allowed(PyObject *m, PyObject *unused)
{
    Py_RETURN_TRUE;
}

static PyObject *thread_get_main_thread_ident(PyObject *m, PyObject *unused)
{
    return PyLong_FromUnsignedLong(_PyRuntime.main_thread);
}

static PyObject *thread_is_main_interpreter(PyObject *m, PyObject *unused)
{
    return PyBool_FromLong(_PyInterpreterState_GET() == _PyRuntime.main_interp);
}

static PyMethodDef thread_methods[] = {
    {"start_new_thread", _PyCFunction_CAST(thread_start_new_thread), METH_FASTCALL, "Start a new thread and return its identifier."},
    {"start_new", _PyCFunction_CAST(thread_start_new_thread), METH_FASTCALL, "An obsolete synonym of start_new_thread()."},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS, "Create a new lock object."},
    {"allocate", thread_allocate_lock, METH_NOARGS, "An obsolete synonym of allocate_lock()."},
    {"exit_thread", thread_exit, METH_NOARGS, "An obsolete synonym of exit()."},
    {"exit", thread_exit, METH_NOARGS, "This is synonymous to ``raise SystemExit''."},
    {"interrupt_main", _PyCFunction_CAST(thread_interrupt_main), METH_FASTCALL, "Simulate the arrival of the given signal in the main thread."},
    {"get_ident", thread_get_ident, METH_NOARGS, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, METH_NOARGS, "Return the native integral Thread ID of the current thread."},
    {"_count", thread_count, METH_NOARGS, "Return the number of currently running Python threads."},
    {"stack_size", _PyCFunction_CAST(thread_stack_size), METH_FASTCALL, "Return the thread stack size used when creating new threads."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, METH_NOARGS, NULL},
    {"_get_main_thread_ident", thread_get_main_thread_ident, METH_NOARGS, NULL},
    {"_is_main_interpreter", thread_is_main_interpreter, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef threadmodule = {
    PyModuleDef_HEAD_INIT, "_thread", "This module provides primitive operations to write multi-threaded programs.",
    sizeof(ThreadState), thread_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__thread(void)
{
    PyTypeObject *types[] = {&Lock_Type, &RLock_Type, &Local_Type};
    for (int i = 0; i < 3; i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(&threadmodule);
    if (m == NULL)
        return NULL;
    PyObject *tmax = PyFloat_FromDouble(KR_TIMEOUT_MAX);
    if (PyModule_AddObjectRef(m, "LockType", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(m, "lock", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(m, "RLock", (PyObject *)&RLock_Type) < 0 ||
        PyModule_AddObjectRef(m, "_local", (PyObject *)&Local_Type) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_RuntimeError) < 0 ||
        PyModule_Add(m, "TIMEOUT_MAX", tmax) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* The global interpreter lock: one mutex-protected flag plus condition variables.
 *
 * A thread that waits longer than the switch interval without seeing a switch asks the
 * holder to drop the lock through the eval breaker. The holder then releases it and waits
 * until some waiter has actually taken it (a forced switch): without that wait the holder,
 * already on-CPU, would usually win the lock straight back and CPU-bound threads would
 * starve each other. After fork() only the calling thread survives, so the child resets
 * the lock to "held by me, nobody waiting" (pthread_atfork handler). */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_signal.h"
#include <time.h>
#include <pthread.h>

struct _kr_gil {
    pthread_mutex_t mutex;
    pthread_cond_t cond;     /* signalled when the lock is released */
    pthread_cond_t switched; /* signalled when a waiter has taken the lock */
    int locked;
    int waiters;             /* threads blocked in take_gil */
    PyThreadState *holder;
    unsigned long switch_number;
    long interval_us;
};

/* The eval breaker is read by the running thread without any lock, so every write from
 * here is atomic. */
static void breaker_set(int bit)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp != NULL)
        __atomic_fetch_or((int *)&interp->ceval.eval_breaker, bit, __ATOMIC_RELAXED);
}

static void breaker_clear(int bit)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp != NULL)
        __atomic_fetch_and((int *)&interp->ceval.eval_breaker, ~bit, __ATOMIC_RELAXED);
}

static void gil_init_sync(struct _kr_gil *g)
{
    pthread_mutex_init(&g->mutex, NULL);
    pthread_cond_init(&g->cond, NULL);
    pthread_cond_init(&g->switched, NULL);
}

/* In the child of fork(): the other threads are gone, whatever state they left the
 * mutex in. */
static void gil_atfork_child(void)
{
    struct _kr_gil *g = (struct _kr_gil *)_PyRuntime.gil;
    if (g == NULL)
        return;
    gil_init_sync(g);
    PyThreadState *me = _PyThreadState_GET();
    g->locked = me != NULL;
    g->holder = me;
    g->waiters = 0;
    breaker_clear(KR_EVAL_GIL_DROP_REQUEST);
    _PyRuntime.main_thread = (unsigned long)pthread_self();
    /* Forget the states of threads that did not survive; their objects are leaked on
     * purpose, since their frames may be in any state. */
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp != NULL && me != NULL) {
        PyThreadState *ts = interp->threads_head;
        while (ts != NULL) {
            PyThreadState *next = ts->next;
            if (ts != me)
                PyThreadState_Delete(ts);
            ts = next;
        }
        if (interp->ceval.pending_lock_ready)
            pthread_mutex_init(&interp->ceval.pending_lock, NULL);
    }
}

static struct _kr_gil *get_gil(void)
{
    if (_PyRuntime.gil == NULL) {
        struct _kr_gil *g = PyMem_RawCalloc(1, sizeof(*g));
        if (g == NULL)
            Py_FatalError("cannot allocate the GIL");
        gil_init_sync(g);
        /* The thread that creates the lock is the one running Python code. */
        g->locked = 1;
        g->holder = _PyThreadState_GET();
        g->interval_us = 5000;
        _PyRuntime.gil = g;
        pthread_atfork(NULL, NULL, gil_atfork_child);
    }
    return (struct _kr_gil *)_PyRuntime.gil;
}

void PyEval_InitThreads(void)
{
    (void)get_gil();
}

double _KrEval_GetSwitchInterval(void)
{
    struct _kr_gil *g = get_gil();
    pthread_mutex_lock(&g->mutex);
    long us = g->interval_us;
    pthread_mutex_unlock(&g->mutex);
    return (double)us / 1e6;
}

void _KrEval_SetSwitchInterval(double seconds)
{
    struct _kr_gil *g = get_gil();
    long us = (long)(seconds * 1e6);
    pthread_mutex_lock(&g->mutex);
    g->interval_us = us < 1 ? 1 : us;
    pthread_mutex_unlock(&g->mutex);
}

/* Called with g->mutex held. */
static void release_locked(struct _kr_gil *g)
{
    g->locked = 0;
    g->holder = NULL;
    pthread_cond_signal(&g->cond);
}

static void drop_gil(struct _kr_gil *g)
{
    pthread_mutex_lock(&g->mutex);
    release_locked(g);
    pthread_mutex_unlock(&g->mutex);
}

static void take_gil(struct _kr_gil *g, PyThreadState *tstate)
{
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        g->waiters++;
        while (g->locked) {
            unsigned long saved = g->switch_number;
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            long ns = ts.tv_nsec + g->interval_us * 1000L;
            ts.tv_sec += ns / 1000000000L;
            ts.tv_nsec = ns % 1000000000L;
            int r = pthread_cond_timedwait(&g->cond, &g->mutex, &ts);
            /* A whole interval passed without any switch: ask the holder to let go. */
            if (r != 0 && g->locked && g->switch_number == saved)
                breaker_set(KR_EVAL_GIL_DROP_REQUEST);
        }
        g->waiters--;
    }
    g->locked = 1;
    g->holder = tstate;
    g->switch_number++;
    pthread_cond_broadcast(&g->switched);
    breaker_clear(KR_EVAL_GIL_DROP_REQUEST);
    pthread_mutex_unlock(&g->mutex);
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = PyThreadState_Swap(NULL);
    drop_gil(get_gil());
    return tstate;
}

void PyEval_RestoreThread(PyThreadState *tstate)
{
    take_gil(get_gil(), tstate);
    PyThreadState_Swap(tstate);
}

void PyEval_AcquireThread(PyThreadState *tstate)
{
    PyEval_RestoreThread(tstate);
}

void PyEval_ReleaseThread(PyThreadState *tstate)
{
    (void)tstate;
    (void)PyEval_SaveThread();
}

/* Called from the eval breaker: hand the lock to a waiting thread. */
void _KrEval_DropGILRequestHandled(PyThreadState *tstate)
{
    struct _kr_gil *g = get_gil();
    PyThreadState_Swap(NULL);
    pthread_mutex_lock(&g->mutex);
    breaker_clear(KR_EVAL_GIL_DROP_REQUEST);
    release_locked(g);
    if (g->waiters > 0) {
        unsigned long before = g->switch_number;
        /* Bounded, so a waiter that gave up (or never existed after a fork) cannot
         * stall this thread. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        long ns = ts.tv_nsec + 20 * 1000000L;
        ts.tv_sec += ns / 1000000000L;
        ts.tv_nsec = ns % 1000000000L;
        while (g->switch_number == before && g->waiters > 0) {
            if (pthread_cond_timedwait(&g->switched, &g->mutex, &ts) != 0)
                break;
        }
    }
    pthread_mutex_unlock(&g->mutex);
    take_gil(g, tstate);
    PyThreadState_Swap(tstate);
}

/* Python-level clean-up in the child after fork(), for os.fork() to call once the GIL has
 * been reset (threading registers its own hook with os.register_at_fork). */
void PyOS_AfterFork_Child(void)
{
    (void)get_gil();
    PyObject *exc = PyErr_GetRaisedException();
    _KrSignal_AfterFork();
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

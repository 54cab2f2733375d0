/* The global interpreter lock: one mutex-protected flag plus condition variables.
 *
 * A thread that waits longer than the switch interval without seeing a switch asks the
 * holder to drop the lock through the eval breaker. The holder then releases it and waits
 * until some waiter has actually taken it (a forced switch): without that wait the holder,
 * already on-CPU, would usually win the lock straight back and CPU-bound threads would
 * starve each other. After fork() only the calling thread survives, so the child resets
 * the lock to "held by me, nobody waiting" (pthread_atfork handler).
 *
 * Every field of the lock is read and written under its mutex; the only state shared
 * without it is the eval breaker, an _Atomic int. The drop-request bit needs no ordering
 * of its own (relaxed): the holder that sees it takes the mutex before acting on it. */
#include <errno.h>
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_gil.h"
#include "internal/pycore_signal.h"
#include <stdatomic.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

struct _kr_gil {
    pthread_mutex_t mutex;
    pthread_cond_t cond;     /* signalled when the lock is released */
    pthread_cond_t switched; /* signalled when a waiter has taken the lock */
    int locked;
    int waiters;             /* threads blocked in take_gil */
    /* The state running Python code, or NULL. Its interpreter's eval breaker is where a
     * waiter posts the drop request; PyThreadState_Delete clears it before the free. */
    PyThreadState *holder;
    unsigned long switch_number;
    long interval_us;        /* copy of interp->switch_interval, refreshed on release */
};

/* Called with g->mutex held: the holder (if any) is alive until it is forgotten, which
 * also needs the mutex. */
static void request_drop(struct _kr_gil *g)
{
    if (g->holder != NULL)
        atomic_fetch_or_explicit(&g->holder->interp->ceval.eval_breaker,
                                 KR_EVAL_GIL_DROP_REQUEST, memory_order_relaxed);
}

static void clear_drop_request(PyThreadState *tstate)
{
    if (tstate != NULL)
        atomic_fetch_and_explicit(&tstate->interp->ceval.eval_breaker,
                                  ~KR_EVAL_GIL_DROP_REQUEST, memory_order_relaxed);
}

static void gil_init_sync(struct _kr_gil *g)
{
    pthread_mutex_init(&g->mutex, NULL);
    /* Deadlines on the monotonic clock, so a wall-clock step cannot stall a waiter. */
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&g->cond, &attr);
    pthread_cond_init(&g->switched, &attr);
    pthread_condattr_destroy(&attr);
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
    clear_drop_request(me);
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

/* The lock is created by the first thread that releases it or starts another thread,
 * always while it is the only thread running Python, so the lazy creation needs no
 * synchronisation: every later thread is started after it (pthread_create orders it). */
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

/* Called with g->mutex held by the thread giving up the lock, which still holds the GIL
 * logically: sys.setswitchinterval stores the interval in the interpreter under the GIL,
 * and waiters read the copy under the mutex. */
static void sync_interval(struct _kr_gil *g, PyThreadState *tstate)
{
    if (tstate == NULL)
        return;
    long us = (long)(tstate->interp->switch_interval * 1e6);
    g->interval_us = us < 1 ? 1 : us;
}

/* Called with g->mutex held. */
static void release_locked(struct _kr_gil *g)
{
    g->locked = 0;
    g->holder = NULL;
    pthread_cond_signal(&g->cond);
}

static void deadline_after(struct timespec *ts, long us)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    long ns = ts->tv_nsec + (us % 1000000L) * 1000L;
    ts->tv_sec += us / 1000000L + ns / 1000000000L;
    ts->tv_nsec = ns % 1000000000L;
}

/* Once the interpreter is finalizing, the thread running Py_FinalizeEx is the only one
 * allowed to run Python: a daemon thread waking from a blocking call would otherwise run
 * on modules and thread states being torn down. It gives the lock straight back and
 * blocks for good (the process is about to exit), touching nothing of its state. */
static int must_park(void)
{
    return _PyRuntime.finalizing && (unsigned long)pthread_self() != _PyRuntime.main_thread;
}

static void park_forever(struct _kr_gil *g)
{
    release_locked(g);
    pthread_mutex_unlock(&g->mutex);
    for (;;)
        pause();
}

static void take_gil(struct _kr_gil *g, PyThreadState *tstate)
{
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        g->waiters++;
        while (g->locked) {
            unsigned long saved = g->switch_number;
            struct timespec ts;
            deadline_after(&ts, g->interval_us);
            int r = pthread_cond_timedwait(&g->cond, &g->mutex, &ts);
            /* A whole interval passed without any switch: ask the holder to let go. */
            if (r != 0 && g->locked && g->switch_number == saved)
                request_drop(g);
        }
        g->waiters--;
    }
    g->locked = 1;
    g->switch_number++;
    /* The finalizing flag was written under the GIL, which this thread now holds. */
    if (must_park()) {
        pthread_cond_broadcast(&g->switched);
        park_forever(g);
    }
    g->holder = tstate;
    pthread_cond_broadcast(&g->switched);
    clear_drop_request(tstate);
    pthread_mutex_unlock(&g->mutex);
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = PyThreadState_Swap(NULL);
    struct _kr_gil *g = get_gil();
    pthread_mutex_lock(&g->mutex);
    sync_interval(g, tstate);
    release_locked(g);
    pthread_mutex_unlock(&g->mutex);
    return tstate;
}

void PyEval_RestoreThread(PyThreadState *tstate)
{
    /* Callers read errno of the call they made without the lock after this. */
    int saved_errno = errno;
    take_gil(get_gil(), tstate);
    PyThreadState_Swap(tstate);
    errno = saved_errno;
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
    clear_drop_request(tstate);
    sync_interval(g, tstate);
    release_locked(g);
    /* Wait until the lock has changed hands. This cannot stall: the woken waiter, or any
     * thread that slipped in before it, bumps switch_number when it takes the lock. */
    unsigned long before = g->switch_number;
    while (g->waiters > 0 && g->switch_number == before)
        pthread_cond_wait(&g->switched, &g->mutex);
    pthread_mutex_unlock(&g->mutex);
    take_gil(g, tstate);
    PyThreadState_Swap(tstate);
}

void _KrGIL_ForgetThreadState(PyThreadState *tstate)
{
    struct _kr_gil *g = (struct _kr_gil *)_PyRuntime.gil;
    if (g == NULL)
        return;
    pthread_mutex_lock(&g->mutex);
    if (g->holder == tstate)
        g->holder = NULL;
    pthread_mutex_unlock(&g->mutex);
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

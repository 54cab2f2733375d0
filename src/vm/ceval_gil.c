/* The global interpreter lock: one mutex-protected flag plus a condition variable.
 * A thread that waits longer than the switch interval asks the holder to drop the
 * lock through the eval breaker, so CPU-bound threads take turns. */
#include "Python.h"
#include "internal/pycore_frame.h"
#include <time.h>
#include <sched.h>

struct _kr_gil {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_cond_t switched;
    int locked;
    PyThreadState *holder;
    unsigned long switch_number;
    long interval_us;
};

static struct _kr_gil *get_gil(void)
{
    if (_PyRuntime.gil == NULL) {
        struct _kr_gil *g = PyMem_RawCalloc(1, sizeof(*g));
        if (g == NULL)
            Py_FatalError("cannot allocate the GIL");
        pthread_mutex_init(&g->mutex, NULL);
        pthread_cond_init(&g->cond, NULL);
        pthread_cond_init(&g->switched, NULL);
        /* The thread that creates the lock is the one running Python code. */
        g->locked = 1;
        g->holder = _PyThreadState_GET();
        g->interval_us = 5000;
        _PyRuntime.gil = g;
    }
    return (struct _kr_gil *)_PyRuntime.gil;
}

void PyEval_InitThreads(void)
{
    (void)get_gil();
}

double _KrEval_GetSwitchInterval(void)
{
    return (double)get_gil()->interval_us / 1e6;
}

void _KrEval_SetSwitchInterval(double seconds)
{
    long us = (long)(seconds * 1e6);
    get_gil()->interval_us = us < 1 ? 1 : us;
}

static void drop_gil(struct _kr_gil *g)
{
    pthread_mutex_lock(&g->mutex);
    g->locked = 0;
    g->holder = NULL;
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);
}

static void take_gil(struct _kr_gil *g, PyThreadState *tstate)
{
    pthread_mutex_lock(&g->mutex);
    while (g->locked) {
        unsigned long saved = g->switch_number;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        long ns = ts.tv_nsec + g->interval_us * 1000L;
        ts.tv_sec += ns / 1000000000L;
        ts.tv_nsec = ns % 1000000000L;
        int r = pthread_cond_timedwait(&g->cond, &g->mutex, &ts);
        if (r != 0 && g->locked && g->switch_number == saved && g->holder != NULL) {
            g->holder->interp->ceval.eval_breaker |= KR_EVAL_GIL_DROP_REQUEST;
        }
    }
    g->locked = 1;
    g->holder = tstate;
    g->switch_number++;
    if (tstate != NULL)
        tstate->interp->ceval.eval_breaker &= ~KR_EVAL_GIL_DROP_REQUEST;
    pthread_mutex_unlock(&g->mutex);
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = PyThreadState_Swap(NULL);
    struct _kr_gil *g = get_gil();
    drop_gil(g);
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

/* Called from the eval breaker: give waiting threads their turn. */
void _KrEval_DropGILRequestHandled(PyThreadState *tstate)
{
    struct _kr_gil *g = get_gil();
    tstate->interp->ceval.eval_breaker &= ~KR_EVAL_GIL_DROP_REQUEST;
    PyThreadState_Swap(NULL);
    drop_gil(g);
    /* Let another thread run before competing again. */
    sched_yield();
    take_gil(g, tstate);
    PyThreadState_Swap(tstate);
}

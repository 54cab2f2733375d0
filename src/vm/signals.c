/* Signal handling: SIGINT becomes KeyboardInterrupt at the next eval-breaker check.
 *
 * The handler may only touch async-signal-safe state, so it sets a flag in _PyRuntime
 * and the main interpreter's eval breaker; PyErr_CheckSignals raises later on the
 * main thread. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "Python.h"

/* The flag is written by the handler on whatever thread the kernel picked and read by
 * every thread (with or without the GIL), so all accesses are atomic; release/acquire
 * makes the KeyboardInterrupt see everything the interrupting thread did before it. */
#if defined(__GNUC__)
#define KR_TRIPPED_LOAD() __atomic_load_n(&_PyRuntime.sigint_tripped, __ATOMIC_ACQUIRE)
#define KR_TRIPPED_STORE(v) __atomic_store_n(&_PyRuntime.sigint_tripped, (v), __ATOMIC_RELEASE)
#else
#define KR_TRIPPED_LOAD() (_PyRuntime.sigint_tripped)
#define KR_TRIPPED_STORE(v) (_PyRuntime.sigint_tripped = (v))
#endif

static void sigint_handler(int signum)
{
    (void)signum;
    int saved_errno = errno;
    KR_TRIPPED_STORE(1);
    /* Other bits (pending calls, GIL drop requests) may be set: add ours with an atomic
     * read-modify-write. eval_breaker is _Atomic, so |= is one. */
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp != NULL)
        interp->ceval.eval_breaker |= KR_EVAL_SIGNALS_PENDING;
    errno = saved_errno;
}

int _PyOS_InstallSignalHandlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking read() must return EINTR so Ctrl-C interrupts input(). */
    sa.sa_flags = 0;
    if (sigaction(SIGINT, &sa, NULL) < 0)
        return -1;
    /* Writes to a closed pipe raise BrokenPipeError instead of killing the process. */
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif
    _PyRuntime.signals_installed = 1;
    return 0;
}

void _PyOS_RestoreSignalHandlers(void)
{
    if (!_PyRuntime.signals_installed)
        return;
    signal(SIGINT, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    _PyRuntime.signals_installed = 0;
}

int _PyErr_CheckSignalsTstate(PyThreadState *ts)
{
    if (!KR_TRIPPED_LOAD())
        return 0;
    /* Only the main thread of the main interpreter runs Python signal handlers. */
    if (ts == NULL || ts->interp != _PyRuntime.main_interp ||
        ts->thread_id != _PyRuntime.main_thread)
        return 0;
    KR_TRIPPED_STORE(0);
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return -1;
}

int PyErr_CheckSignals(void)
{
    return _PyErr_CheckSignalsTstate(_PyThreadState_GET());
}

void PyErr_SetInterrupt(void)
{
    sigint_handler(SIGINT);
}

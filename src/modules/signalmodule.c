/* The _signal module (signal.py wraps it in enums): Python-level signal handlers.
 *
 * A C handler only records the signal (async-signal-safe flag + sem_post). A watcher
 * thread, which never runs Python, turns the wake-up into a pending call, so the Python
 * handler runs at the next eval-breaker check; raise_signal() and pause() dispatch
 * directly. SIGINT keeps the runtime's own handler (src/vm/signals.c) while its Python
 * handler is default_int_handler. */
#include "Python.h"
#include "internal/pycore_signal.h"
#include "structseq.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG 65
#endif

/* A signal handler receives no context pointer, so the little state it touches must be
 * reachable statically; everything else lives in the module state below. */
static struct {
    volatile sig_atomic_t tripped[NSIG];
    volatile sig_atomic_t any;
    volatile sig_atomic_t wakeup_fd;
    volatile sig_atomic_t queued;  /* bumped by the watcher after each pending call it queues */
    sem_t wake;
    int wake_ready;
} kr_sig = {.wakeup_fd = -1};

typedef struct {
    PyObject *handlers[NSIG]; /* Python-visible handler per signal (None: not from Python) */
    PyObject *default_int_handler;
    PyObject *itimer_error;
    int watcher_started;
    int dispatching;
} SignalState;

static struct PyModuleDef signalmodule;

/* The flags are shared by the handler, the watcher thread and the main thread; lock-free
 * atomics keep that both async-signal-safe and race-free. */
#if defined(__GNUC__)
#define KR_SIG_LOAD(x) __atomic_load_n(&(x), __ATOMIC_SEQ_CST)
#define KR_SIG_STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_SEQ_CST)
#else
#define KR_SIG_LOAD(x) (x)
#define KR_SIG_STORE(x, v) ((x) = (v))
#endif

static SignalState *get_state(void)
{
    PyObject *name = PyUnicode_FromString("_signal");
    if (name == NULL)
        return NULL;
    PyObject *m = PyImport_GetModule(name);
    Py_DECREF(name);
    if (m == NULL)
        return NULL;
    SignalState *st = PyModule_GetState(m);
    Py_DECREF(m);
    return st;
}

static void c_handler(int signum)
{
    int saved = errno;
    if (signum > 0 && signum < NSIG) {
        KR_SIG_STORE(kr_sig.tripped[signum], 1);
        KR_SIG_STORE(kr_sig.any, 1);
        if (kr_sig.wakeup_fd >= 0) {
            unsigned char b = (unsigned char)signum;
            ssize_t r = write(kr_sig.wakeup_fd, &b, 1);
            (void)r;
        }
        if (kr_sig.wake_ready) {
            /* Give the watcher a moment to queue the pending call so the Python handler
             * runs right after the interrupted instruction, as in CPython; the wait is
             * bounded, so a busy watcher can only delay the handler, never deadlock. */
            sig_atomic_t before = KR_SIG_LOAD(kr_sig.queued);
            sem_post(&kr_sig.wake);
            struct timespec pause_ts = {0, 2000};
            for (int spin = 0; spin < 2500 && KR_SIG_LOAD(kr_sig.queued) == before; spin++)
                nanosleep(&pause_ts, NULL);
        }
    }
    errno = saved;
}

/* Runs the Python handlers of every tripped signal. Needs the GIL. */
static int dispatch(void)
{
    if (!KR_SIG_LOAD(kr_sig.any))
        return 0;
    SignalState *st = get_state();
    if (st == NULL) {
        PyErr_Clear();
        return 0;
    }
    if (st->dispatching)
        return 0;
    st->dispatching = 1;
    KR_SIG_STORE(kr_sig.any, 0);
    int rc = 0;
    for (int i = 1; i < NSIG; i++) {
        if (!KR_SIG_LOAD(kr_sig.tripped[i]))
            continue;
        KR_SIG_STORE(kr_sig.tripped[i], 0);
        PyObject *h = st->handlers[i];
        if (h == NULL || !PyCallable_Check(h))
            continue;
        PyObject *frame = (PyObject *)PyEval_GetFrame();
        PyObject *r = PyObject_CallFunction(h, "iO", i, frame ? frame : Py_None);
        if (r == NULL) {
            /* Leave the remaining signals for the next check. */
            for (int j = i + 1; j < NSIG; j++)
                if (KR_SIG_LOAD(kr_sig.tripped[j]))
                    KR_SIG_STORE(kr_sig.any, 1);
            rc = -1;
            break;
        }
        Py_DECREF(r);
    }
    st->dispatching = 0;
    return rc;
}

static int pending_dispatch(void *arg)
{
    (void)arg;
    return dispatch();
}

static void *watcher_main(void *arg)
{
    (void)arg;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    for (;;) {
        if (sem_wait(&kr_sig.wake) != 0)
            continue;
        while (Py_AddPendingCall(pending_dispatch, NULL) != 0)
            usleep(1000);
        KR_SIG_STORE(kr_sig.queued, KR_SIG_LOAD(kr_sig.queued) + 1);
    }
    return NULL;
}

static int ensure_watcher(SignalState *st)
{
    if (st->watcher_started)
        return 0;
    if (!kr_sig.wake_ready) {
        if (sem_init(&kr_sig.wake, 0, 0) != 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        kr_sig.wake_ready = 1;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, watcher_main, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        errno = rc;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    st->watcher_started = 1;
    return 0;
}

static int signum_arg(PyObject *obj, int *out)
{
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v < 1 || v >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int is_main_thread(void)
{
    return (unsigned long)pthread_self() == _PyRuntime.main_thread &&
           _PyInterpreterState_GET() == _PyRuntime.main_interp;
}

/* ---- hooks for blocking calls elsewhere ------------------------------------------------ */

int _KrSignal_Pending(void)
{
    /* Polled by threads that may not hold the GIL while the SIGINT handler writes the
     * flag: pair with the handler's release store in src/vm/signals.c. */
#if defined(__GNUC__)
    int tripped = __atomic_load_n(&_PyRuntime.sigint_tripped, __ATOMIC_ACQUIRE) != 0;
#else
    int tripped = _PyRuntime.sigint_tripped != 0;
#endif
    return KR_SIG_LOAD(kr_sig.any) || tripped;
}

int _KrSignal_Check(void)
{
    if (PyErr_CheckSignals() < 0)
        return -1;
    if (!KR_SIG_LOAD(kr_sig.any) || !is_main_thread())
        return 0;
    return dispatch();
}

void _KrSignal_AfterFork(void)
{
    SignalState *st = get_state();
    if (st == NULL) {
        PyErr_Clear();
        return;
    }
    /* The watcher thread stayed behind in the parent; a fresh one starts on demand. */
    if (st->watcher_started) {
        st->watcher_started = 0;
        if (kr_sig.wake_ready) {
            sem_destroy(&kr_sig.wake);
            kr_sig.wake_ready = 0;
        }
        if (ensure_watcher(st) < 0)
            PyErr_Clear();
    }
}

/* ---- functions ------------------------------------------------------------------------- */

static PyObject *sig_default_int_handler(PyObject *m, PyObject *args)
{
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return NULL;
}

static PyObject *sig_signal(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("signal", nargs, 2, 2))
        return NULL;
    SignalState *st = PyModule_GetState(m);
    int signum;
    if (signum_arg(args[0], &signum) < 0)
        return NULL;
    PyObject *handler = args[1];
    if (!is_main_thread()) {
        PyErr_SetString(PyExc_ValueError, "signal only works in main thread of the main interpreter");
        return NULL;
    }
    void (*func)(int);
    int as_int = -1;
    if (PyLong_Check(handler)) {
        int overflow = 0;
        long v = PyLong_AsLongAndOverflow(handler, &overflow);
        if (!overflow && (v == 0 || v == 1))
            as_int = (int)v;
    }
    if (as_int == 0)
        func = SIG_DFL;
    else if (as_int == 1)
        func = SIG_IGN;
    else if (PyCallable_Check(handler))
        func = c_handler;
    else {
        PyErr_SetString(PyExc_TypeError,
                        "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        return NULL;
    }
    if (func == c_handler && ensure_watcher(st) < 0)
        return NULL;
    if (signum == SIGINT && handler == st->default_int_handler) {
        /* Hand SIGINT back to the runtime, which raises KeyboardInterrupt itself. */
        if (_PyOS_InstallSignalHandlers() < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
    }
    else {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = func;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        if (sigaction(signum, &sa, NULL) < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
    }
    PyObject *old = st->handlers[signum];
    st->handlers[signum] = Py_NewRef(handler);
    if (old == NULL)
        Py_RETURN_NONE;
    return old;
}

static PyObject *sig_getsignal(PyObject *m, PyObject *arg)
{
    SignalState *st = PyModule_GetState(m);
    int signum;
    if (signum_arg(arg, &signum) < 0)
        return NULL;
    PyObject *h = st->handlers[signum];
    return Py_NewRef(h ? h : Py_None);
}

static PyObject *sig_raise_signal(PyObject *m, PyObject *arg)
{
    int signum = PyLong_AsInt(arg);
    if (signum == -1 && PyErr_Occurred())
        return NULL;
    if (raise(signum) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    if (PyErr_CheckSignals() < 0 || dispatch() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sig_pause(PyObject *m, PyObject *unused)
{
    Py_BEGIN_ALLOW_THREADS
    pause();
    Py_END_ALLOW_THREADS
    if (PyErr_CheckSignals() < 0 || dispatch() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sig_alarm(PyObject *m, PyObject *arg)
{
    long secs = PyLong_AsLong(arg);
    if (secs == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong((long)alarm((unsigned int)secs));
}

static PyObject *sig_strsignal(PyObject *m, PyObject *arg)
{
    int signum;
    if (signum_arg(arg, &signum) < 0)
        return NULL;
    const char *s = strsignal(signum);
    if (s == NULL || strncmp(s, "Unknown signal", 14) == 0)
        Py_RETURN_NONE;
    return PyUnicode_FromString(s);
}

static PyObject *sig_valid_signals(PyObject *m, PyObject *unused)
{
    sigset_t set;
    sigemptyset(&set);
    sigfillset(&set);
    PyObject *res = PySet_New(NULL);
    if (res == NULL)
        return NULL;
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(&set, i) != 1)
            continue;
        PyObject *v = PyLong_FromLong(i);
        if (v == NULL || PySet_Add(res, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(res);
            return NULL;
        }
        Py_DECREF(v);
    }
    return res;
}

static int fcntl_check(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    if (!(flags & O_NONBLOCK)) {
        PyErr_Format(PyExc_ValueError, "the fd %i must be in non-blocking mode", fd);
        return -1;
    }
    return 0;
}

static PyObject *sig_set_wakeup_fd(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "warn_on_full_buffer", NULL};
    int fd, warn = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|$p:set_wakeup_fd", kwlist, &fd, &warn))
        return NULL;
    if (!is_main_thread()) {
        PyErr_SetString(PyExc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
        return NULL;
    }
    if (fd != -1 && fcntl_check(fd) < 0)
        return NULL;
    int old = kr_sig.wakeup_fd;
    kr_sig.wakeup_fd = fd;
    return PyLong_FromLong(old);
}

static PyObject *itimer_tuple(const struct itimerval *v)
{
    return Py_BuildValue("(dd)", (double)v->it_value.tv_sec + v->it_value.tv_usec / 1e6,
                         (double)v->it_interval.tv_sec + v->it_interval.tv_usec / 1e6);
}

static int to_timeval(PyObject *obj, struct timeval *tv)
{
    double d = PyFloat_AsDouble(obj);
    if (d == -1.0 && PyErr_Occurred())
        return -1;
    if (d < 0)
        d = 0;
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6 + 0.5);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec++;
        tv->tv_usec -= 1000000;
    }
    /* A tiny positive value must still arm the timer. */
    if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0)
        tv->tv_usec = 1;
    return 0;
}

static PyObject *sig_setitimer(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setitimer", nargs, 2, 3))
        return NULL;
    SignalState *st = PyModule_GetState(m);
    int which = PyLong_AsInt(args[0]);
    if (which == -1 && PyErr_Occurred())
        return NULL;
    struct itimerval nv, ov;
    memset(&nv, 0, sizeof(nv));
    if (to_timeval(args[1], &nv.it_value) < 0)
        return NULL;
    if (nargs > 2 && to_timeval(args[2], &nv.it_interval) < 0)
        return NULL;
    if (setitimer(which, &nv, &ov) != 0) {
        PyErr_SetFromErrno(st->itimer_error);
        return NULL;
    }
    return itimer_tuple(&ov);
}

static PyObject *sig_getitimer(PyObject *m, PyObject *arg)
{
    SignalState *st = PyModule_GetState(m);
    int which = PyLong_AsInt(arg);
    if (which == -1 && PyErr_Occurred())
        return NULL;
    struct itimerval v;
    if (getitimer(which, &v) != 0) {
        PyErr_SetFromErrno(st->itimer_error);
        return NULL;
    }
    return itimer_tuple(&v);
}

/* Signal numbers from an iterable into *set, with the range check of
 * signal.pthread_sigmask (also used by os.posix_spawn). */
int _KrSignal_FillSigset(PyObject *iterable, sigset_t *set)
{
    sigemptyset(set);
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int overflow = 0;
        long signum = PyLong_AsLongAndOverflow(item, &overflow);
        Py_DECREF(item);
        if (signum <= 0 || signum >= NSIG) {
            if (overflow || signum != -1 || !PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "signal number %ld out of range [1; %d]", signum,
                             NSIG - 1);
            Py_DECREF(it);
            return -1;
        }
        sigaddset(set, (int)signum);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *sigset_to_set(const sigset_t *set)
{
    PyObject *res = PySet_New(NULL);
    if (res == NULL)
        return NULL;
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(set, i) != 1)
            continue;
        PyObject *v = PyLong_FromLong(i);
        if (v == NULL || PySet_Add(res, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(res);
            return NULL;
        }
        Py_DECREF(v);
    }
    return res;
}

static PyObject *sig_pthread_sigmask(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pthread_sigmask", nargs, 2, 2))
        return NULL;
    int how = PyLong_AsInt(args[0]);
    if (how == -1 && PyErr_Occurred())
        return NULL;
    sigset_t set, old;
    if (_KrSignal_FillSigset(args[1], &set) < 0)
        return NULL;
    int rc = pthread_sigmask(how, &set, &old);
    if (rc != 0) {
        errno = rc;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0 || dispatch() < 0)
        return NULL;
    return sigset_to_set(&old);
}

static PyObject *sig_sigpending(PyObject *m, PyObject *unused)
{
    sigset_t set;
    if (sigpending(&set) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return sigset_to_set(&set);
}

static PyObject *sig_pthread_kill(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pthread_kill", nargs, 2, 2))
        return NULL;
    unsigned long tid = PyLong_AsUnsignedLong(args[0]);
    if (tid == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    int signum = PyLong_AsInt(args[1]);
    if (signum == -1 && PyErr_Occurred())
        return NULL;
    int rc = pthread_kill((pthread_t)tid, signum);
    if (rc != 0) {
        errno = rc;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0 || dispatch() < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- synchronous waiting ------------------------------------------------------------------ */
static PyStructSequence_Field siginfo_fields[] = {
    {"si_signo", "signal number"},
    {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"},
    {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"},
    {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"},
    {NULL, NULL},
};

static PyStructSequence_Desc siginfo_desc = {
    "signal.struct_siginfo",
    "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
    "This object may be accessed either as a tuple of\n"
    "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
    "or via the attributes si_signo, si_code, and so on.",
    siginfo_fields, 7,
};

/* A static type: a structseq holds no per-interpreter state. */
static PyTypeObject SiginfoType;

static PyObject *siginfo_result(const siginfo_t *si)
{
    PyObject *res = PyStructSequence_New(&SiginfoType);
    if (res == NULL)
        return NULL;
    uid_t uid = si->si_uid;
    PyObject *items[7] = {
        PyLong_FromLong(si->si_signo),
        PyLong_FromLong(si->si_code),
        PyLong_FromLong(si->si_errno),
        PyLong_FromLong((long)si->si_pid),
        uid == (uid_t)-1 ? PyLong_FromLong(-1) : PyLong_FromUnsignedLong((unsigned long)uid),
        PyLong_FromLong(si->si_status),
        PyLong_FromLong(si->si_band),
    };
    for (int i = 0; i < 7; i++) {
        if (items[i] == NULL) {
            for (int j = i; j < 7; j++)
                Py_XDECREF(items[j]);
            Py_DECREF(res);
            return NULL;
        }
        PyStructSequence_SetItem(res, i, items[i]);
    }
    return res;
}

/* A handler that ran during the wait gets its Python part run before we retry. */
static int after_eintr(void)
{
    return PyErr_CheckSignals() < 0 || dispatch() < 0 ? -1 : 0;
}

static PyObject *sig_sigwait(PyObject *m, PyObject *arg)
{
    sigset_t set;
    if (_KrSignal_FillSigset(arg, &set) < 0)
        return NULL;
    int err, signum = 0;
    Py_BEGIN_ALLOW_THREADS
    err = sigwait(&set, &signum);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(signum);
}

static PyObject *sig_sigwaitinfo(PyObject *m, PyObject *arg)
{
    sigset_t set;
    if (_KrSignal_FillSigset(arg, &set) < 0)
        return NULL;
    siginfo_t si;
    int r, saved;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        r = sigwaitinfo(&set, &si);
        saved = errno;
        Py_END_ALLOW_THREADS
        if (r >= 0)
            break;
        if (saved != EINTR) {
            errno = saved;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (after_eintr() < 0)
            return NULL;
    }
    return siginfo_result(&si);
}

/* Seconds (int or float, rounded up to whole nanoseconds) as a count of nanoseconds. */
static int timeout_ns(PyObject *obj, long long *out)
{
    const double limit = 9.2e18; /* just inside the int64 range */
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (d != d) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * 1e9);
        if (d >= limit || d <= -limit) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (long long)d;
        return 0;
    }
    long long sec = PyLong_AsLongLong(obj);
    if (sec == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C PyTime_t");
        }
        return -1;
    }
    if (sec > LLONG_MAX / 1000000000LL || sec < LLONG_MIN / 1000000000LL) {
        PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C PyTime_t");
        return -1;
    }
    *out = sec * 1000000000LL;
    return 0;
}

static long long monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static PyObject *sig_sigtimedwait(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("sigtimedwait", nargs, 2, 2))
        return NULL;
    sigset_t set;
    long long timeout;
    if (_KrSignal_FillSigset(args[0], &set) < 0 || timeout_ns(args[1], &timeout) < 0)
        return NULL;
    if (timeout < 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    /* An interrupted wait resumes with whatever is left of the original timeout. */
    long long deadline = monotonic_ns() + timeout;
    siginfo_t si;
    int r, saved;
    for (;;) {
        struct timespec ts = {(time_t)(timeout / 1000000000LL), (long)(timeout % 1000000000LL)};
        Py_BEGIN_ALLOW_THREADS
        r = sigtimedwait(&set, &si, &ts);
        saved = errno;
        Py_END_ALLOW_THREADS
        if (r >= 0)
            break;
        if (saved == EAGAIN)
            Py_RETURN_NONE;
        if (saved != EINTR) {
            errno = saved;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (after_eintr() < 0)
            return NULL;
        timeout = deadline - monotonic_ns();
        if (timeout < 0)
            Py_RETURN_NONE;
    }
    return siginfo_result(&si);
}

static PyObject *sig_pidfd_send_signal(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pidfd_send_signal", nargs, 2, 4))
        return NULL;
    int pidfd = PyLong_AsInt(args[0]);
    if (pidfd == -1 && PyErr_Occurred())
        return NULL;
    int signum = PyLong_AsInt(args[1]);
    if (signum == -1 && PyErr_Occurred())
        return NULL;
    int flags = 0;
    if (nargs > 3 && (flags = PyLong_AsInt(args[3])) == -1 && PyErr_Occurred())
        return NULL;
    if (nargs > 2 && args[2] != Py_None) {
        PyErr_SetString(PyExc_TypeError, "siginfo must be None");
        return NULL;
    }
#ifdef SYS_pidfd_send_signal
    if (syscall(SYS_pidfd_send_signal, pidfd, signum, NULL, flags) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
#else
    errno = ENOSYS;
    return PyErr_SetFromErrno(PyExc_OSError);
#endif
}

static PyObject *sig_siginterrupt(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("siginterrupt", nargs, 2, 2))
        return NULL;
    int signum, flag = PyObject_IsTrue(args[1]);
    if (signum_arg(args[0], &signum) < 0 || flag < 0)
        return NULL;
    struct sigaction sa;
    if (sigaction(signum, NULL, &sa) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(signum, &sa, NULL) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyMethodDef signal_methods[] = {
    {"default_int_handler", sig_default_int_handler, METH_VARARGS, "The default handler for SIGINT installed by Python."},
    {"signal", _PyCFunction_CAST(sig_signal), METH_FASTCALL, "Set the action for the given signal."},
    {"getsignal", sig_getsignal, METH_O, "Return the current action for the given signal."},
    {"raise_signal", sig_raise_signal, METH_O, "Send a signal to the executing process."},
    {"pause", sig_pause, METH_NOARGS, "Wait until a signal arrives."},
    {"alarm", sig_alarm, METH_O, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"strsignal", sig_strsignal, METH_O, "Return the system description of the given signal."},
    {"valid_signals", sig_valid_signals, METH_NOARGS, "Return a set of valid signal numbers on this platform."},
    {"set_wakeup_fd", _PyCFunction_CAST(sig_set_wakeup_fd), METH_VARARGS | METH_KEYWORDS, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"setitimer", _PyCFunction_CAST(sig_setitimer), METH_FASTCALL, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", sig_getitimer, METH_O, "Returns current value of given itimer."},
    {"pthread_sigmask", _PyCFunction_CAST(sig_pthread_sigmask), METH_FASTCALL, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", sig_sigpending, METH_NOARGS, "Examine pending signals."},
    {"pthread_kill", _PyCFunction_CAST(sig_pthread_kill), METH_FASTCALL, "Send a signal to a thread."},
    {"sigwait", sig_sigwait, METH_O, "Wait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\nsignals specified in the signal set sigset.  The function accepts the signal\nand returns the signal number."},
    {"sigwaitinfo", sig_sigwaitinfo, METH_O, "Wait synchronously until one of the signals in *sigset* is delivered.\n\nReturns a struct_siginfo containing information about the signal."},
    {"sigtimedwait", _PyCFunction_CAST(sig_sigtimedwait), METH_FASTCALL, "Like sigwaitinfo(), but with a timeout.\n\nThe timeout is specified in seconds, with floating-point numbers allowed."},
    {"pidfd_send_signal", _PyCFunction_CAST(sig_pidfd_send_signal), METH_FASTCALL, "Send a signal to a process referred to by a pid file descriptor."},
    {"siginterrupt", _PyCFunction_CAST(sig_siginterrupt), METH_FASTCALL, "Change system call restart behaviour."},
    {NULL, NULL, 0, NULL},
};

static int signal_traverse(PyObject *m, visitproc visit, void *arg)
{
    SignalState *st = PyModule_GetState(m);
    if (st == NULL)
        return 0;
    for (int i = 0; i < NSIG; i++)
        Py_VISIT(st->handlers[i]);
    Py_VISIT(st->default_int_handler);
    Py_VISIT(st->itimer_error);
    return 0;
}

static int signal_clear(PyObject *m)
{
    SignalState *st = PyModule_GetState(m);
    if (st == NULL)
        return 0;
    for (int i = 0; i < NSIG; i++)
        Py_CLEAR(st->handlers[i]);
    Py_CLEAR(st->default_int_handler);
    Py_CLEAR(st->itimer_error);
    return 0;
}

static void signal_free(void *m)
{
    signal_clear((PyObject *)m);
}

static struct PyModuleDef signalmodule = {
    PyModuleDef_HEAD_INIT, "_signal", "This module provides mechanisms to use signal handlers in Python.",
    sizeof(SignalState), signal_methods, NULL, signal_traverse, signal_clear, signal_free,
};

static const struct { const char *name; int value; } signal_consts[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
    {"SIGCHLD", SIGCHLD},
#ifdef SIGCLD
    {"SIGCLD", SIGCLD},
#endif
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
    {"SIGIO", SIGIO},
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
    {"SIGSYS", SIGSYS},
    {NULL, 0},
};

PyObject *PyInit__signal(void)
{
    PyObject *m = PyModule_Create(&signalmodule);
    if (m == NULL)
        return NULL;
    SignalState *st = PyModule_GetState(m);
    for (int i = 0; signal_consts[i].name != NULL; i++)
        if (PyModule_AddIntConstant(m, signal_consts[i].name, signal_consts[i].value) < 0)
            goto fail;
#ifdef SIGRTMIN
    if (PyModule_AddIntConstant(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        PyModule_AddIntConstant(m, "SIGRTMAX", SIGRTMAX) < 0)
        goto fail;
#endif
    if (!(SiginfoType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&SiginfoType, &siginfo_desc) < 0)
        goto fail;
    if (PyModule_AddObjectRef(m, "struct_siginfo", (PyObject *)&SiginfoType) < 0)
        goto fail;
    st->default_int_handler = PyObject_GetAttrString(m, "default_int_handler");
    st->itimer_error = PyErr_NewException("signal.itimer_error", PyExc_OSError, NULL);
    if (st->default_int_handler == NULL || st->itimer_error == NULL ||
        PyModule_AddObjectRef(m, "ItimerError", st->itimer_error) < 0)
        goto fail;
    /* Report what the process inherited: SIG_DFL/SIG_IGN as ints, foreign handlers as None. */
    for (int i = 1; i < NSIG; i++) {
        struct sigaction sa;
        if (i == SIGINT) {
            st->handlers[i] = Py_NewRef(st->default_int_handler);
            continue;
        }
        if (sigaction(i, NULL, &sa) != 0)
            continue;
        if (sa.sa_handler == SIG_DFL)
            st->handlers[i] = PyLong_FromLong(0);
        else if (sa.sa_handler == SIG_IGN)
            st->handlers[i] = PyLong_FromLong(1);
        else
            st->handlers[i] = Py_NewRef(Py_None);
        if (st->handlers[i] == NULL)
            goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

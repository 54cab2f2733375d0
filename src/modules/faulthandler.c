/* The faulthandler module: on a fatal signal (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL)
 * print the Python traceback of every thread, then let the signal kill the process as
 * it would have; dump tracebacks on demand or after a timeout.
 *
 * The dump code runs inside signal handlers and a watchdog thread that does not hold
 * the GIL, so it only reads interpreter structures, never allocates, and writes with
 * write(2). */
#include "Python.h"
#include "internal/pycore_frame.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAME_DEPTH 100
#define MAX_STRING_LENGTH 500
#define MAX_NTHREADS 100

static const struct {
    int signum;
    const char *name;
} fatal_signals[] = {
    {SIGBUS, "Bus error"},
    {SIGILL, "Illegal instruction"},
    {SIGFPE, "Floating-point exception"},
    {SIGABRT, "Aborted"},
    {SIGSEGV, "Segmentation fault"},
};
#define N_FATAL ((int)(sizeof fatal_signals / sizeof fatal_signals[0]))

/* Process-wide, because a signal handler can reach nothing else. Only this file
 * touches it; Python-level calls that modify it hold the GIL. */
static struct {
    volatile sig_atomic_t enabled;
    int fd;
    int all_threads;
    PyObject *file; /* keeps the file (and so its descriptor) alive */
    PyInterpreterState *interp;
    struct sigaction previous[N_FATAL];
    void *altstack;

    /* dump_traceback_later watchdog */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    pthread_t thread;
    int running, cancel;
    pid_t watchdog_pid; /* a forked child has no watchdog thread to stop */
    double timeout;
    int repeat, exit, later_fd;
    PyObject *later_file;
    int atexit_registered;

    /* register(): per-signal settings, indexed by signal number */
    struct user_signal {
        volatile sig_atomic_t enabled;
        int fd, all_threads, chain;
        PyObject *file;
        struct sigaction previous;
    } user[NSIG];
} fh = {.fd = -1, .lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};

/* ---- async-signal-safe output -------------------------------------------------- */

static void put(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void puts_fd(int fd, const char *s)
{
    put(fd, s, strlen(s));
}

static void put_decimal(int fd, unsigned long v)
{
    char buf[24];
    int i = (int)sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put(fd, buf + i, sizeof buf - (size_t)i);
}

static void put_hex(int fd, unsigned long v, int width)
{
    char buf[32];
    int i = (int)sizeof buf;
    do {
        buf[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
        width--;
    } while (v != 0 || width > 0);
    put(fd, buf + i, sizeof buf - (size_t)i);
}

/* A str, printable ASCII as is and everything else as \xNN / \uNNNN / \UNNNNNNNN. */
static void put_str(int fd, PyObject *s)
{
    if (s == NULL || !PyUnicode_Check(s)) {
        puts_fd(fd, "???");
        return;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int truncated = n > MAX_STRING_LENGTH;
    if (truncated)
        n = MAX_STRING_LENGTH;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch >= ' ' && ch < 0x7f) {
            char c = (char)ch;
            put(fd, &c, 1);
        }
        else if (ch <= 0xff) {
            puts_fd(fd, "\\x");
            put_hex(fd, ch, 2);
        }
        else if (ch <= 0xffff) {
            puts_fd(fd, "\\u");
            put_hex(fd, ch, 4);
        }
        else {
            puts_fd(fd, "\\U");
            put_hex(fd, ch, 8);
        }
    }
    if (truncated)
        puts_fd(fd, "...");
}

static void dump_frames(int fd, PyThreadState *t)
{
    _PyInterpreterFrame *f = t->current_frame;
    if (f == NULL) {
        puts_fd(fd, "  <no Python frame>\n");
        return;
    }
    for (int depth = 0; f != NULL; f = f->previous) {
        if (_PyFrame_IsIncomplete(f))
            continue;
        if (depth++ >= MAX_FRAME_DEPTH) {
            puts_fd(fd, "  ...\n");
            break;
        }
        PyCodeObject *co = f->f_code;
        puts_fd(fd, "  File \"");
        put_str(fd, co->co_filename);
        puts_fd(fd, "\", line ");
        int line = _PyInterpreterFrame_LASTI(f) < 0
                       ? co->co_firstlineno
                       : PyCode_Addr2Line(co, _PyInterpreterFrame_LASTI(f) * (int)sizeof(_Py_CODEUNIT));
        if (line >= 0)
            put_decimal(fd, (unsigned long)line);
        else
            puts_fd(fd, "???");
        puts_fd(fd, " in ");
        put_str(fd, co->co_name);
        puts_fd(fd, "\n");
    }
}

static void dump_thread_header(int fd, PyThreadState *t, int current)
{
    puts_fd(fd, current ? "Current thread 0x" : "Thread 0x");
    put_hex(fd, t->thread_id, 16);
    puts_fd(fd, " (most recent call first):\n");
}

/* Dumps every thread of interp, `current` (may be NULL) flagged as such. */
static void dump_all_threads(int fd, PyInterpreterState *interp, PyThreadState *current)
{
    if (interp == NULL) {
        puts_fd(fd, "<no Python frame>\n");
        return;
    }
    int n = 0;
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (n != 0)
            puts_fd(fd, "\n");
        if (n >= MAX_NTHREADS) {
            puts_fd(fd, "...\n");
            break;
        }
        dump_thread_header(fd, t, t == current);
        dump_frames(fd, t);
        n++;
    }
}

/* ---- fatal signal handler ------------------------------------------------------- */

static void fatal_handler(int signum)
{
    int saved_errno = errno;
    int i;
    for (i = 0; i < N_FATAL; i++) {
        if (fatal_signals[i].signum == signum)
            break;
    }
    if (i == N_FATAL)
        return;
    /* Put the previous disposition back first so the re-raise below, or a fault
     * inside the dump, ends the process the ordinary way. */
    sigaction(signum, &fh.previous[i], NULL);
    if (fh.enabled) {
        int fd = fh.fd;
        puts_fd(fd, "Fatal Python error: ");
        puts_fd(fd, fatal_signals[i].name);
        puts_fd(fd, "\n\n");
        PyThreadState *current = _PyThreadState_GET();
        if (fh.all_threads)
            dump_all_threads(fd, fh.interp, current);
        else if (current != NULL) {
            puts_fd(fd, "Stack (most recent call first):\n");
            dump_frames(fd, current);
        }
        else
            puts_fd(fd, "<no Python frame>\n");
    }
    errno = saved_errno;
    raise(signum);
}

static int install_handlers(void)
{
    if (fh.altstack == NULL) {
        /* Room to run the handler after a stack overflow. */
        size_t size = SIGSTKSZ * 2 + 8192;
        stack_t ss;
        ss.ss_sp = PyMem_RawMalloc(size);
        ss.ss_size = size;
        ss.ss_flags = 0;
        if (ss.ss_sp != NULL && sigaltstack(&ss, NULL) == 0)
            fh.altstack = ss.ss_sp;
        else
            PyMem_RawFree(ss.ss_sp);
    }
    for (int i = 0; i < N_FATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | (fh.altstack ? SA_ONSTACK : 0);
        if (sigaction(fatal_signals[i].signum, &sa, &fh.previous[i]) != 0) {
            PyErr_SetFromErrno(PyExc_RuntimeError);
            for (int j = 0; j < i; j++)
                sigaction(fatal_signals[j].signum, &fh.previous[j], NULL);
            return -1;
        }
    }
    return 0;
}

static void uninstall_handlers(void)
{
    for (int i = 0; i < N_FATAL; i++)
        sigaction(fatal_signals[i].signum, &fh.previous[i], NULL);
}

/* Late in finalization, before the interpreter state is freed: stop everything that
 * could still read it from a signal handler or the watchdog thread. The file objects
 * are deliberately not released; their modules are already gone. */
static void faulthandler_atexit(void)
{
    if (fh.running && fh.watchdog_pid != getpid())
        fh.running = 0;
    if (fh.running) {
        pthread_mutex_lock(&fh.lock);
        fh.cancel = 1;
        pthread_cond_signal(&fh.cond);
        pthread_mutex_unlock(&fh.lock);
        pthread_join(fh.thread, NULL);
        fh.running = 0;
    }
    if (fh.enabled) {
        fh.enabled = 0;
        uninstall_handlers();
    }
    for (int i = 1; i < NSIG; i++) {
        if (fh.user[i].enabled) {
            fh.user[i].enabled = 0;
            sigaction(i, &fh.user[i].previous, NULL);
        }
    }
}

static void ensure_atexit(void)
{
    if (!fh.atexit_registered && Py_AtExit(faulthandler_atexit) == 0)
        fh.atexit_registered = 1;
}

/* ---- Python API ---------------------------------------------------------------- */

/* Resolves the `file` argument: an fd, or a file object (flushed; kept alive by the
 * caller through *keep). None or missing means sys.stderr. */
static int file_arg(PyObject *file, PyObject **keep)
{
    *keep = NULL;
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stderr");
        if (file == NULL || file == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    int fd;
    if (PyLong_Check(file)) {
        fd = PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred())
            return -1;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "file is not a valid file descriptor");
            return -1;
        }
        return fd;
    }
    PyObject *r = PyObject_CallMethod(file, "fileno", NULL);
    if (r == NULL)
        return -1;
    fd = -1;
    if (PyLong_Check(r)) {
        fd = PyLong_AsInt(r);
        if (fd == -1 && PyErr_Occurred()) {
            Py_DECREF(r);
            return -1;
        }
    }
    Py_DECREF(r);
    if (fd < 0) {
        PyErr_SetString(PyExc_ValueError, "file is not a valid file descriptor");
        return -1;
    }
    /* Our raw writes must come after whatever the file still buffers. */
    r = PyObject_CallMethod(file, "flush", NULL);
    if (r != NULL)
        Py_DECREF(r);
    else
        PyErr_Clear();
    *keep = Py_NewRef(file);
    return fd;
}

static int parse_file_threads(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                              const char *fname, int *fd, int *all_threads, PyObject **keep)
{
    static const char *const kwlist[] = {"file", "all_threads", NULL};
    PyObject *out[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, fname, kwlist, 0, 2, 0, out) < 0)
        return -1;
    *all_threads = 1;
    if (out[1] != NULL && (*all_threads = PyObject_IsTrue(out[1])) < 0)
        return -1;
    *fd = file_arg(out[0], keep);
    return *fd < 0 ? -1 : 0;
}

static PyObject *faulthandler_dump_traceback(PyObject *m, PyObject *const *args,
                                             Py_ssize_t nargs, PyObject *kwnames)
{
    int fd, all_threads;
    PyObject *keep;
    if (parse_file_threads(args, nargs, kwnames, "dump_traceback", &fd, &all_threads, &keep) < 0)
        return NULL;
    PyThreadState *t = _PyThreadState_GET();
    if (all_threads)
        dump_all_threads(fd, t->interp, t);
    else {
        puts_fd(fd, "Stack (most recent call first):\n");
        dump_frames(fd, t);
    }
    Py_XDECREF(keep);
    Py_RETURN_NONE;
}

static PyObject *faulthandler_enable(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                     PyObject *kwnames)
{
    int fd, all_threads;
    PyObject *keep;
    if (parse_file_threads(args, nargs, kwnames, "enable", &fd, &all_threads, &keep) < 0)
        return NULL;
    if (!fh.enabled && install_handlers() < 0) {
        Py_XDECREF(keep);
        return NULL;
    }
    ensure_atexit();
    Py_XSETREF(fh.file, keep);
    fh.fd = fd;
    fh.all_threads = all_threads;
    fh.interp = _PyThreadState_GET()->interp;
    fh.enabled = 1;
    Py_RETURN_NONE;
}

static PyObject *faulthandler_disable(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    if (!fh.enabled)
        Py_RETURN_FALSE;
    fh.enabled = 0;
    uninstall_handlers();
    Py_CLEAR(fh.file);
    Py_RETURN_TRUE;
}

static PyObject *faulthandler_is_enabled(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(fh.enabled);
}

/* ---- register / unregister ---------------------------------------------------- */

static void user_handler(int signum)
{
    if (signum <= 0 || signum >= NSIG)
        return;
    int saved_errno = errno;
    struct user_signal *u = &fh.user[signum];
    if (u->enabled) {
        PyThreadState *current = _PyThreadState_GET();
        if (u->all_threads)
            dump_all_threads(u->fd, fh.interp, current);
        else if (current != NULL) {
            puts_fd(u->fd, "Stack (most recent call first):\n");
            dump_frames(u->fd, current);
        }
        if (u->chain) {
            /* Run the handler we displaced, then take the signal back. */
            struct sigaction ours;
            sigaction(signum, &u->previous, &ours);
            raise(signum);
            sigaction(signum, &ours, NULL);
        }
    }
    errno = saved_errno;
}

static int signum_arg(PyObject *o, int *signum)
{
    int v = PyLong_AsInt(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v <= 0 || v >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    for (int i = 0; i < N_FATAL; i++) {
        if (fatal_signals[i].signum == v) {
            PyErr_Format(PyExc_RuntimeError,
                         "signal %i cannot be registered, use enable() instead", v);
            return -1;
        }
    }
    *signum = v;
    return 0;
}

static PyObject *faulthandler_register(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                       PyObject *kwnames)
{
    static const char *const kwlist[] = {"signum", "file", "all_threads", "chain", NULL};
    PyObject *out[4];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "register", kwlist, 1, 4, 0, out) < 0)
        return NULL;
    int signum, all_threads = 1, chain = 0;
    if (signum_arg(out[0], &signum) < 0)
        return NULL;
    if ((out[2] != NULL && (all_threads = PyObject_IsTrue(out[2])) < 0) ||
        (out[3] != NULL && (chain = PyObject_IsTrue(out[3])) < 0))
        return NULL;
    PyObject *keep;
    int fd = file_arg(out[1], &keep);
    if (fd < 0)
        return NULL;
    struct user_signal *u = &fh.user[signum];
    if (!u->enabled) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = user_handler;
        sigemptyset(&sa.sa_mask);
        /* With chain the displaced handler is raised from inside ours. */
        sa.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
        if (sigaction(signum, &sa, &u->previous) != 0) {
            Py_XDECREF(keep);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
    }
    ensure_atexit();
    Py_XSETREF(u->file, keep);
    u->fd = fd;
    u->all_threads = all_threads;
    u->chain = chain;
    fh.interp = _PyThreadState_GET()->interp;
    u->enabled = 1;
    Py_RETURN_NONE;
}

static PyObject *faulthandler_unregister(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "unregister() takes exactly 1 argument (%zd given)", nargs);
        return NULL;
    }
    int signum;
    if (signum_arg(args[0], &signum) < 0)
        return NULL;
    struct user_signal *u = &fh.user[signum];
    if (!u->enabled)
        Py_RETURN_FALSE;
    u->enabled = 0;
    sigaction(signum, &u->previous, NULL);
    Py_CLEAR(u->file);
    Py_RETURN_TRUE;
}

/* ---- dump_traceback_later -------------------------------------------------------- */

static void put_timeout(int fd, double timeout)
{
    unsigned long long us = (unsigned long long)llround(timeout * 1e6);
    unsigned long long sec = us / 1000000;
    us %= 1000000;
    puts_fd(fd, "Timeout (");
    put_decimal(fd, (unsigned long)(sec / 3600));
    puts_fd(fd, ":");
    put(fd, (char[]){(char)('0' + sec / 60 % 60 / 10), (char)('0' + sec / 60 % 10)}, 2);
    puts_fd(fd, ":");
    put(fd, (char[]){(char)('0' + sec % 60 / 10), (char)('0' + sec % 10)}, 2);
    if (us != 0) {
        char buf[7];
        for (int i = 5; i >= 0; i--) {
            buf[i] = (char)('0' + us % 10);
            us /= 10;
        }
        buf[6] = '.';
        put(fd, buf + 6, 1);
        put(fd, buf, 6);
    }
    puts_fd(fd, ")!\n");
}

static void *watchdog_main(void *arg)
{
    pthread_mutex_lock(&fh.lock);
    for (;;) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        double whole = floor(fh.timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((fh.timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        int rc = 0;
        while (!fh.cancel && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&fh.cond, &fh.lock, &deadline);
        if (fh.cancel)
            break;
        put_timeout(fh.later_fd, fh.timeout);
        dump_all_threads(fh.later_fd, fh.interp, NULL);
        if (fh.exit)
            _exit(1);
        if (!fh.repeat)
            break;
    }
    pthread_mutex_unlock(&fh.lock);
    return NULL;
}

static void cancel_watchdog(void)
{
    if (fh.running && fh.watchdog_pid != getpid()) {
        fh.running = 0;
        Py_CLEAR(fh.later_file);
    }
    if (!fh.running)
        return;
    pthread_mutex_lock(&fh.lock);
    fh.cancel = 1;
    pthread_cond_signal(&fh.cond);
    pthread_mutex_unlock(&fh.lock);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(fh.thread, NULL);
    Py_END_ALLOW_THREADS
    fh.running = 0;
    Py_CLEAR(fh.later_file);
}

static PyObject *faulthandler_dump_traceback_later(PyObject *m, PyObject *const *args,
                                                   Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"timeout", "repeat", "file", "exit", NULL};
    PyObject *out[4];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "dump_traceback_later", kwlist, 1, 4, 0,
                                  out) < 0)
        return NULL;
    double timeout;
    if (PyFloat_Check(out[0]))
        timeout = PyFloat_AS_DOUBLE(out[0]);
    else {
        PyObject *idx = PyNumber_Index(out[0]);
        if (idx == NULL)
            return NULL;
        timeout = PyLong_AsDouble(idx);
        Py_DECREF(idx);
        if (timeout == -1.0 && PyErr_Occurred())
            return NULL;
    }
    if (!(timeout < 9.2e12)) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    if (timeout <= 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be greater than 0");
        return NULL;
    }
    int repeat = 0, exit_ = 0;
    if ((out[1] != NULL && (repeat = PyObject_IsTrue(out[1])) < 0) ||
        (out[3] != NULL && (exit_ = PyObject_IsTrue(out[3])) < 0))
        return NULL;
    PyObject *keep;
    int fd = file_arg(out[2], &keep);
    if (fd < 0)
        return NULL;
    cancel_watchdog();
    fh.timeout = timeout;
    fh.repeat = repeat;
    fh.exit = exit_;
    fh.later_fd = fd;
    fh.later_file = keep;
    fh.cancel = 0;
    fh.interp = _PyThreadState_GET()->interp;
    /* The watchdog must not take signals meant for the Python threads. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&fh.thread, NULL, watchdog_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        Py_CLEAR(fh.later_file);
        PyErr_SetString(PyExc_RuntimeError, "unable to start watchdog thread");
        return NULL;
    }
    fh.running = 1;
    fh.watchdog_pid = getpid();
    ensure_atexit();
    Py_RETURN_NONE;
}

static PyObject *faulthandler_cancel_later(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    cancel_watchdog();
    Py_RETURN_NONE;
}

static PyMethodDef faulthandler_methods[] = {
    {"enable", _PyCFunction_CAST(faulthandler_enable), METH_FASTCALL | METH_KEYWORDS,
     "enable($module, /, file=sys.stderr, all_threads=True)\n--\n\n"
     "Print the Python traceback to `file` when the process receives a fatal signal."},
    {"disable", faulthandler_disable, METH_NOARGS,
     "disable($module, /)\n--\n\nStop handling fatal signals; return whether it was enabled."},
    {"is_enabled", faulthandler_is_enabled, METH_NOARGS,
     "is_enabled($module, /)\n--\n\nReturn whether fatal signals are being handled."},
    {"dump_traceback", _PyCFunction_CAST(faulthandler_dump_traceback),
     METH_FASTCALL | METH_KEYWORDS,
     "dump_traceback($module, /, file=sys.stderr, all_threads=True)\n--\n\n"
     "Write the traceback of the current thread, or of all threads, to `file`."},
    {"dump_traceback_later", _PyCFunction_CAST(faulthandler_dump_traceback_later),
     METH_FASTCALL | METH_KEYWORDS,
     "dump_traceback_later($module, /, timeout, repeat=False, file=sys.stderr, exit=False)\n--\n\n"
     "After `timeout` seconds write all threads' tracebacks to `file` (every `timeout`\n"
     "seconds with `repeat`), then end the process if `exit` is true."},
    {"register", _PyCFunction_CAST(faulthandler_register), METH_FASTCALL | METH_KEYWORDS,
     "register($module, /, signum, file=sys.stderr, all_threads=True, chain=False)\n--\n\n"
     "On signal `signum`, write the traceback(s) to `file`; with `chain`, also run\n"
     "the handler that was installed before."},
    {"unregister", _PyCFunction_CAST(faulthandler_unregister), METH_FASTCALL,
     "unregister($module, signum, /)\n--\n\n"
     "Undo register(signum); return whether it was registered."},
    {"cancel_dump_traceback_later", faulthandler_cancel_later, METH_NOARGS,
     "cancel_dump_traceback_later($module, /)\n--\n\nCancel a pending dump_traceback_later()."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef faulthandlermodule = {
    PyModuleDef_HEAD_INIT, "faulthandler",
    "Report the Python tracebacks of all threads on fatal signals, on request or after\n"
    "a timeout.",
    -1, faulthandler_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_faulthandler(void)
{
    return PyModule_Create(&faulthandlermodule);
}

/* For start-up: `-X faulthandler` or a non-empty PYTHONFAULTHANDLER (unless -E) turn
 * the handler on before the main program runs. Returns 0, or -1 with an exception. */
int _KrFaulthandler_InitFromConfig(void)
{
    PyThreadState *t = _PyThreadState_GET();
    if (t == NULL || t->interp == NULL)
        return 0;
    int want = 0;
    PyObject *xopts = t->interp->config.xoptions;
    if (xopts != NULL && PyDict_Check(xopts) && PyDict_GetItemString(xopts, "faulthandler"))
        want = 1;
    if (!want && !t->interp->config.ignore_environment) {
        const char *env = getenv("PYTHONFAULTHANDLER");
        want = env != NULL && env[0] != '\0';
    }
    if (!want)
        return 0;
    PyObject *mod = PyImport_ImportModule("faulthandler");
    if (mod == NULL)
        return -1;
    PyObject *r = PyObject_CallMethod(mod, "enable", NULL);
    Py_DECREF(mod);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* BufferedReader, BufferedWriter and BufferedRandom over a raw stream. One object
 * layout serves all three: a buffer that holds either unread input [rpos, rend) or
 * unwritten output [0, wlen), never both. */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "_io_internal.h"
#include "internal/pycore_signal.h"

void _PyIO_Finalize(PyObject *self);

static int check_ok(buffered *b)
{
    if (b->detached) {
        PyErr_SetString(PyExc_ValueError, "raw stream has been detached");
        return -1;
    }
    if (!b->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int raw_closed(buffered *b)
{
    if (b->fast_raw != NULL)
        return b->fast_raw->fd < 0;
    PyObject *v = PyObject_GetAttrString(b->raw, "closed");
    if (v == NULL)
        return -1;
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    return t;
}

/* `what` names the operation, as in CPython's "read of closed file". */
static int check_open(buffered *b, const char *what)
{
    if (check_ok(b) < 0)
        return -1;
    int c = raw_closed(b);
    if (c < 0)
        return -1;
    if (c) {
        PyErr_Format(PyExc_ValueError, "%s of closed file", what);
        return -1;
    }
    return 0;
}

/* ---- the object lock -------------------------------------------------------------------
 * Reads and writes of a FileIO raw stream run without the GIL, into and out of b->buf, so
 * every operation that touches the buffer or its indexes holds this lock; a second thread
 * waits for it with the GIL released, and the same thread coming back (a signal handler
 * or finaliser that prints while a write is in progress) gets RuntimeError instead of a
 * deadlock, as in CPython. */
struct kr_buflock {
    pthread_mutex_t mutex;
    _Atomic(PyThreadState *) owner; /* read without the mutex by the reentrancy check */
};

static int ensure_lock(buffered *b)
{
    if (b->lock != NULL)
        return 0;
    struct kr_buflock *l = PyMem_RawMalloc(sizeof(*l));
    if (l == NULL || pthread_mutex_init(&l->mutex, NULL) != 0) {
        PyMem_RawFree(l);
        PyErr_NoMemory();
        return -1;
    }
    atomic_init(&l->owner, NULL);
    b->lock = l;
    return 0;
}

static int buf_enter(buffered *b)
{
    struct kr_buflock *l = b->lock;
    PyThreadState *me = _PyThreadState_GET();
    if (pthread_mutex_trylock(&l->mutex) != 0) {
        if (atomic_load_explicit(&l->owner, memory_order_relaxed) == me) {
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %R", (PyObject *)b);
            return -1;
        }
        /* At shut-down the holder may be a daemon thread that will never run again
         * (ceval_gil.c parks it): give up after a while rather than hang the exit. */
        int finalizing = _PyRuntime.finalizing != 0, rc;
        Py_BEGIN_ALLOW_THREADS
        if (finalizing) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_sec += 1;
            rc = pthread_mutex_timedlock(&l->mutex, &ts);
        }
        else {
            rc = pthread_mutex_lock(&l->mutex);
        }
        Py_END_ALLOW_THREADS
        if (rc != 0) {
            PyErr_Format(PyExc_RuntimeError,
                         "could not acquire lock for %R at interpreter shutdown, possibly due "
                         "to daemon threads", (PyObject *)b);
            return -1;
        }
    }
    atomic_store_explicit(&l->owner, me, memory_order_relaxed);
    return 0;
}

static void buf_leave(buffered *b)
{
    atomic_store_explicit(&b->lock->owner, NULL, memory_order_relaxed);
    pthread_mutex_unlock(&b->lock->mutex);
}

static PyObject *buf_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

static int init_common(PyObject *self, PyObject *args, PyObject *kwds, const char *name,
                       int readable, int writable)
{
    static char *kwlist[] = {"raw", "buffer_size", NULL};
    buffered *b = (buffered *)self;
    PyObject *raw;
    Py_ssize_t size = KR_IO_DEFAULT_BUFFER_SIZE;
    char fmt[64];
    snprintf(fmt, sizeof fmt, "O|n:%s", name);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &raw, &size))
        return -1;
    if (size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    const char *checks[2] = {readable ? "readable" : NULL, writable ? "writable" : NULL};
    for (int i = 0; i < 2; i++) {
        if (checks[i] == NULL)
            continue;
        PyObject *r = PyObject_CallMethod(raw, checks[i], NULL);
        if (r == NULL)
            return -1;
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (t < 0)
            return -1;
        if (!t) {
            PyErr_SetString(_PyIO_GetUnsupportedOperation(),
                            i == 0 ? "File or stream is not readable." : "File or stream is not writable.");
            return -1;
        }
    }
    char *buf = PyMem_Malloc((size_t)size);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* Re-running __init__ must not free the buffer under a thread still using it. */
    if (ensure_lock(b) < 0 || buf_enter(b) < 0) {
        PyMem_Free(buf);
        return -1;
    }
    PyMem_Free(b->buf);
    b->buf = buf;
    b->size = size;
    b->rpos = b->rend = b->wlen = 0;
    Py_XSETREF(b->raw, Py_NewRef(raw));
    b->fast_raw = Py_IS_TYPE(raw, &PyFileIO_Type) ? (fileio *)raw : NULL;
    b->readable = readable;
    b->writable = writable;
    b->detached = 0;
    b->ok = 1;
    buf_leave(b);
    return 0;
}

static int reader_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return init_common(self, args, kwds, "BufferedReader", 1, 0);
}

static int writer_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return init_common(self, args, kwds, "BufferedWriter", 0, 1);
}

static int random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return init_common(self, args, kwds, "BufferedRandom", 1, 1);
}

/* ---- raw access ----------------------------------------------------------------------- */

/* Reads at most n bytes into dst; returns the count, 0 at EOF, -1 on error, -2 when a
 * non-blocking raw stream has nothing. */
static Py_ssize_t raw_read(buffered *b, char *dst, Py_ssize_t n)
{
    if (b->fast_raw != NULL) {
        /* dst is b->buf or a bytes object of the caller's, both safe under the object lock
         * while the GIL is released. */
        for (;;) {
            int fd = b->fast_raw->fd, err;
            ssize_t r;
            Py_BEGIN_ALLOW_THREADS
            r = read(fd, dst, (size_t)n);
            err = errno;
            Py_END_ALLOW_THREADS
            if (r >= 0)
                return r;
            if (err == EINTR) {
                if (_KrSignal_Check() < 0)
                    return -1;
                continue;
            }
            if (err == EAGAIN)
                return -2;
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
    }
    PyObject *mv = PyMemoryView_FromMemory(dst, n, PyBUF_WRITE);
    if (mv == NULL)
        return -1;
    PyObject *r = PyObject_CallMethod(b->raw, "readinto", "O", mv);
    Py_DECREF(mv);
    if (r == NULL)
        return -1;
    if (r == Py_None) {
        Py_DECREF(r);
        return -2;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(r, PyExc_ValueError);
    Py_DECREF(r);
    if (got == -1 && PyErr_Occurred())
        return -1;
    if (got < 0 || got > n) {
        PyErr_Format(PyExc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)", got, n);
        return -1;
    }
    return got;
}

static int raw_write_all(buffered *b, const char *data, Py_ssize_t n)
{
    if (b->fast_raw != NULL)
        return _PyFileIO_WriteAll(b->fast_raw, data, n) < 0 ? -1 : 0;
    Py_ssize_t done = 0;
    while (done < n) {
        PyObject *mv = PyMemoryView_FromMemory((char *)data + done, n - done, PyBUF_READ);
        if (mv == NULL)
            return -1;
        PyObject *r = PyObject_CallMethod(b->raw, "write", "O", mv);
        Py_DECREF(mv);
        if (r == NULL)
            return -1;
        Py_ssize_t w = r == Py_None ? 0 : PyNumber_AsSsize_t(r, PyExc_ValueError);
        Py_DECREF(r);
        if (w == -1 && PyErr_Occurred())
            return -1;
        if (w <= 0) {
            PyErr_SetString(PyExc_BlockingIOError, "write could not complete without blocking");
            return -1;
        }
        done += w;
    }
    return 0;
}

static long long raw_seek(buffered *b, long long pos, int whence)
{
    if (b->fast_raw != NULL) {
        off_t r = lseek(b->fast_raw->fd, (off_t)pos, whence);
        if (r < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        return (long long)r;
    }
    PyObject *r = PyObject_CallMethod(b->raw, "seek", "Li", pos, whence);
    if (r == NULL)
        return -1;
    long long v = PyLong_AsLongLong(r);
    Py_DECREF(r);
    if (v < 0 && !PyErr_Occurred())
        PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld", v);
    return v;
}

static int flush_nolock(buffered *b)
{
    if (b->wlen == 0)
        return 0;
    Py_ssize_t n = b->wlen;
    b->wlen = 0;
    if (raw_write_all(b, b->buf, n) < 0)
        return -1;
    return 0;
}

/* Forget read-ahead, moving the raw position back to the logical one. */
static int drop_read_buffer(buffered *b)
{
    Py_ssize_t ahead = b->rend - b->rpos;
    b->rpos = b->rend = 0;
    if (ahead > 0 && raw_seek(b, -ahead, SEEK_CUR) < 0)
        return -1;
    return 0;
}

static int write_nolock(buffered *b, const char *data, Py_ssize_t n)
{
    if (b->rend > b->rpos && drop_read_buffer(b) < 0)
        return -1;
    b->rpos = b->rend = 0;
    if (b->wlen + n > b->size) {
        if (flush_nolock(b) < 0)
            return -1;
        if (n >= b->size)
            return raw_write_all(b, data, n);
    }
    memcpy(b->buf + b->wlen, data, (size_t)n);
    b->wlen += n;
    return 0;
}

static long long tell_nolock(buffered *b)
{
    long long pos = raw_seek(b, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    return pos - (b->rend - b->rpos) + b->wlen;
}

/* Make the read buffer non-empty if possible: 1 data, 0 EOF, -1 error, -2 would block. */
static int fill(buffered *b)
{
    if (b->rpos < b->rend)
        return 1;
    if (b->wlen && flush_nolock(b) < 0)
        return -1;
    b->rpos = b->rend = 0;
    Py_ssize_t r = raw_read(b, b->buf, b->size);
    if (r < 0)
        return (int)r;
    b->rend = r;
    return r > 0;
}

static PyObject *read1_nolock(buffered *b, Py_ssize_t n)
{
    int f = fill(b);
    if (f == -1)
        return NULL;
    if (f == -2)
        return PyBytes_FromStringAndSize(NULL, 0);
    Py_ssize_t avail = b->rend - b->rpos;
    if (n < 0 || n > avail)
        n = avail;
    PyObject *r = PyBytes_FromStringAndSize(b->buf + b->rpos, n);
    if (r != NULL)
        b->rpos += n;
    return r;
}

/* ---- Python methods ------------------------------------------------------------------- */

static PyObject *buf_read_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (n < -1) {
        PyErr_SetString(PyExc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    if (check_open(b, "read") < 0)
        return NULL;
    if (b->wlen && flush_nolock(b) < 0)
        return NULL;
    if (n < 0) {
        PyObject *head = PyBytes_FromStringAndSize(b->buf + b->rpos, b->rend - b->rpos);
        if (head == NULL)
            return NULL;
        b->rpos = b->rend = 0;
        PyObject *rest;
        PyObject *readall;
        if (PyObject_GetOptionalAttrString(b->raw, "readall", &readall) < 0) {
            Py_DECREF(head);
            return NULL;
        }
        if (readall != NULL) {
            rest = PyObject_CallNoArgs(readall);
            Py_DECREF(readall);
        }
        else {
            /* raw streams without readall(): read until EOF chunk by chunk */
            PyObject *chunks = PyList_New(0);
            rest = NULL;
            while (chunks != NULL) {
                PyObject *c = PyObject_CallMethod(b->raw, "read", NULL);
                if (c == NULL || c == Py_None || !PyBytes_Check(c) || PyBytes_GET_SIZE(c) == 0) {
                    if (c != NULL && c != Py_None && !PyBytes_Check(c)) {
                        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
                        Py_CLEAR(c);
                    }
                    if (c != NULL || !PyErr_Occurred()) {
                        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
                        rest = empty ? _PyBytes_Join(empty, chunks) : NULL;
                        Py_XDECREF(empty);
                    }
                    Py_XDECREF(c);
                    break;
                }
                int r = PyList_Append(chunks, c);
                Py_DECREF(c);
                if (r < 0)
                    break;
            }
            Py_XDECREF(chunks);
        }
        if (rest == NULL) {
            Py_DECREF(head);
            return NULL;
        }
        if (rest == Py_None) {
            Py_DECREF(rest);
            if (PyBytes_GET_SIZE(head) == 0) {
                Py_DECREF(head);
                Py_RETURN_NONE;
            }
            return head;
        }
        PyBytes_Concat(&head, rest);
        Py_DECREF(rest);
        return head;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL)
        return NULL;
    Py_ssize_t have = 0;
    char *out = PyBytes_AS_STRING(res);
    while (have < n) {
        Py_ssize_t avail = b->rend - b->rpos;
        if (avail > 0) {
            Py_ssize_t take = avail < n - have ? avail : n - have;
            memcpy(out + have, b->buf + b->rpos, (size_t)take);
            b->rpos += take;
            have += take;
            continue;
        }
        Py_ssize_t r;
        if (n - have >= b->size) {
            r = raw_read(b, out + have, n - have);
            if (r > 0) {
                have += r;
                continue;
            }
        }
        else {
            int f = fill(b);
            r = f == 1 ? 1 : f;
            if (f == 1)
                continue;
        }
        if (r == -1) {
            Py_DECREF(res);
            return NULL;
        }
        if (r == -2 && have == 0) {
            Py_DECREF(res);
            Py_RETURN_NONE;
        }
        break;
    }
    if (have != n && _PyBytes_Resize(&res, have) < 0)
        return NULL;
    return res;
}

static PyObject *buf_read1_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read1", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (check_open(b, "read") < 0)
        return NULL;
    if (n == 0)
        return PyBytes_FromStringAndSize(NULL, 0);
    return read1_nolock(b, n);
}

static PyObject *buf_peek_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    if (check_open(b, "peek") < 0)
        return NULL;
    int f = fill(b);
    if (f == -1)
        return NULL;
    return PyBytes_FromStringAndSize(b->buf + b->rpos, b->rend - b->rpos);
}

static PyObject *buf_readinto_impl(PyObject *self, PyObject *arg)
{
    buffered *b = (buffered *)self;
    Py_buffer view;
    if (check_open(b, "readinto") < 0)
        return NULL;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    Py_ssize_t have = 0;
    while (have < view.len) {
        Py_ssize_t avail = b->rend - b->rpos;
        if (avail == 0) {
            int f = fill(b);
            if (f == -1) {
                PyBuffer_Release(&view);
                return NULL;
            }
            if (f != 1)
                break;
            continue;
        }
        Py_ssize_t take = avail < view.len - have ? avail : view.len - have;
        memcpy((char *)view.buf + have, b->buf + b->rpos, (size_t)take);
        b->rpos += take;
        have += take;
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(have);
}

static PyObject *buf_readline_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &limit))
        return NULL;
    if (check_open(b, "readline") < 0)
        return NULL;
    PyObject *res = PyBytes_FromStringAndSize(NULL, 0);
    if (res == NULL)
        return NULL;
    for (;;) {
        if (limit >= 0 && PyBytes_GET_SIZE(res) >= limit)
            break;
        int f = fill(b);
        if (f == -1) {
            Py_DECREF(res);
            return NULL;
        }
        if (f != 1)
            break;
        Py_ssize_t avail = b->rend - b->rpos;
        if (limit >= 0 && avail > limit - PyBytes_GET_SIZE(res))
            avail = limit - PyBytes_GET_SIZE(res);
        char *nl = memchr(b->buf + b->rpos, '\n', (size_t)avail);
        Py_ssize_t take = nl ? (nl - (b->buf + b->rpos)) + 1 : avail;
        Py_ssize_t old = PyBytes_GET_SIZE(res);
        if (_PyBytes_Resize(&res, old + take) < 0)
            return NULL;
        memcpy(PyBytes_AS_STRING(res) + old, b->buf + b->rpos, (size_t)take);
        b->rpos += take;
        if (nl)
            break;
    }
    return res;
}

static PyObject *buf_iternext(PyObject *self)
{
    PyObject *line = buf_readline(self, NULL, 0); /* locked wrapper */
    if (line == NULL || PyBytes_GET_SIZE(line) > 0)
        return line;
    Py_DECREF(line);
    return NULL;
}

static PyObject *buf_write_impl(PyObject *self, PyObject *arg)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c != 0) {
        PyBuffer_Release(&view);
        if (c > 0)
            PyErr_SetString(PyExc_ValueError, "write to closed file");
        return NULL;
    }
    int r = write_nolock(b, view.buf, view.len);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *buf_flush_impl(PyObject *self, PyObject *unused)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c < 0)
        return NULL;
    if (c) {
        if (b->writable)
            PyErr_SetString(PyExc_ValueError, "flush of closed file");
        else
            _PyIO_ClosedError();
        return NULL;
    }
    if (flush_nolock(b) < 0)
        return NULL;
    if (b->writable && b->fast_raw == NULL) {
        PyObject *r = PyObject_CallMethod(b->raw, "flush", NULL);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *buf_seek_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    if (check_open(b, "seek") < 0)
        return NULL;
    long long pos = PyLong_AsLongLong(args[0]);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && (whence = PyLong_AsInt(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    if (whence < 0 || whence > 2) {
        PyErr_Format(PyExc_ValueError, "whence value %d unsupported", whence);
        return NULL;
    }
    if (flush_nolock(b) < 0)
        return NULL;
    if (whence == SEEK_CUR)
        pos -= b->rend - b->rpos;
    b->rpos = b->rend = 0;
    long long r = raw_seek(b, pos, whence);
    if (r < 0)
        return NULL;
    return PyLong_FromLongLong(r);
}

static PyObject *buf_tell_impl(PyObject *self, PyObject *unused)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c < 0)
        return NULL;
    if (c) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return NULL;
    }
    long long r = tell_nolock(b);
    if (r < 0)
        return NULL;
    return PyLong_FromLongLong(r);
}

static PyObject *buf_truncate_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *b = (buffered *)self;
    if (check_open(b, "truncate") < 0)
        return NULL;
    if (!b->writable)
        return _PyIO_Unsupported("truncate");
    if (flush_nolock(b) < 0 || drop_read_buffer(b) < 0)
        return NULL;
    PyObject *pos = nargs > 0 ? args[0] : Py_None;
    return PyObject_CallMethod(b->raw, "truncate", "O", pos);
}

static PyObject *buf_close_impl(PyObject *self, PyObject *unused)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c < 0)
        return NULL;
    if (c)
        Py_RETURN_NONE;
    int flush_failed = b->writable && flush_nolock(b) < 0;
    PyObject *exc = flush_failed ? PyErr_GetRaisedException() : NULL;
    PyObject *r = PyObject_CallMethod(b->raw, "close", NULL);
    b->iobase_closed = 1;
    if (r == NULL) {
        if (exc != NULL)
            _PyErr_ChainExceptions1(exc);
        return NULL;
    }
    Py_DECREF(r);
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *buf_detach_impl(PyObject *self, PyObject *unused)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    if (flush_nolock(b) < 0)
        return NULL;
    PyObject *raw = b->raw;
    b->raw = NULL;
    b->fast_raw = NULL;
    b->detached = 1;
    return raw;
}

/* Locked entry points. An object that never got through __init__ has no lock; its
 * methods fail their own checks before touching the buffer. */
#define LOCKED(call)                                   \
    buffered *b = (buffered *)self;                    \
    if (b->lock == NULL)                               \
        return call;                                   \
    if (buf_enter(b) < 0)                              \
        return NULL;                                   \
    PyObject *res = call;                              \
    buf_leave(b);                                      \
    return res;

#define LOCKED_FASTCALL(name)                                                           \
    static PyObject *name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)     \
    {                                                                                   \
        LOCKED(name##_impl(self, args, nargs))                                          \
    }
#define LOCKED_ONEARG(name)                                                             \
    static PyObject *name(PyObject *self, PyObject *arg)                               \
    {                                                                                   \
        LOCKED(name##_impl(self, arg))                                                  \
    }

LOCKED_FASTCALL(buf_read)
LOCKED_FASTCALL(buf_read1)
LOCKED_FASTCALL(buf_peek)
LOCKED_FASTCALL(buf_readline)
LOCKED_FASTCALL(buf_seek)
LOCKED_FASTCALL(buf_truncate)
LOCKED_ONEARG(buf_readinto)
LOCKED_ONEARG(buf_write)
LOCKED_ONEARG(buf_flush)
LOCKED_ONEARG(buf_tell)
LOCKED_ONEARG(buf_close)
LOCKED_ONEARG(buf_detach)

/* The C-level paths TextIOWrapper takes. Callers reach `b` through a borrowed pointer,
 * so it is kept alive while the GIL may be released. */
int _PyBuffered_Write(buffered *b, const char *data, Py_ssize_t n)
{
    if (b->lock == NULL)
        return write_nolock(b, data, n);
    if (buf_enter(b) < 0)
        return -1;
    Py_INCREF(b);
    int r = write_nolock(b, data, n);
    buf_leave(b);
    Py_DECREF(b);
    return r;
}

int _PyBuffered_Flush(buffered *b)
{
    if (b->lock == NULL)
        return flush_nolock(b);
    if (buf_enter(b) < 0)
        return -1;
    Py_INCREF(b);
    int r = flush_nolock(b);
    buf_leave(b);
    Py_DECREF(b);
    return r;
}

PyObject *_PyBuffered_Read1(buffered *b, Py_ssize_t n)
{
    if (b->lock == NULL)
        return read1_nolock(b, n);
    if (buf_enter(b) < 0)
        return NULL;
    Py_INCREF(b);
    PyObject *r = read1_nolock(b, n);
    buf_leave(b);
    Py_DECREF(b);
    return r;
}

long long _PyBuffered_Tell(buffered *b)
{
    if (b->lock == NULL)
        return tell_nolock(b);
    if (buf_enter(b) < 0)
        return -1;
    Py_INCREF(b);
    long long r = tell_nolock(b);
    buf_leave(b);
    Py_DECREF(b);
    return r;
}

static PyObject *forward(PyObject *self, const char *name)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    return PyObject_CallMethod(b->raw, name, NULL);
}

static PyObject *buf_fileno(PyObject *self, PyObject *u) { return forward(self, "fileno"); }
static PyObject *buf_isatty(PyObject *self, PyObject *u) { return forward(self, "isatty"); }
static PyObject *buf_seekable(PyObject *self, PyObject *u) { return forward(self, "seekable"); }
/* A reader is never writable (and a writer never readable) whatever its raw stream
 * says, and answering needs no open file. */
static PyObject *buf_readable(PyObject *self, PyObject *u)
{
    if (check_ok((buffered *)self) < 0)
        return NULL;
    if (!((buffered *)self)->readable)
        Py_RETURN_FALSE;
    return forward(self, "readable");
}

static PyObject *buf_writable(PyObject *self, PyObject *u)
{
    if (check_ok((buffered *)self) < 0)
        return NULL;
    if (!((buffered *)self)->writable)
        Py_RETURN_FALSE;
    return forward(self, "writable");
}

static PyObject *getattr_raw(PyObject *self, const char *name)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    return PyObject_GetAttrString(b->raw, name);
}

static PyObject *buf_get_closed(PyObject *self, void *c) { return getattr_raw(self, "closed"); }
static PyObject *buf_get_name(PyObject *self, void *c) { return getattr_raw(self, "name"); }
static PyObject *buf_get_mode(PyObject *self, void *c) { return getattr_raw(self, "mode"); }

static PyObject *buf_get_raw(PyObject *self, void *c)
{
    buffered *b = (buffered *)self;
    if (check_ok(b) < 0)
        return NULL;
    return Py_NewRef(b->raw);
}

static PyObject *buf_repr(PyObject *self)
{
    buffered *b = (buffered *)self;
    PyObject *name = NULL;
    if (b->ok && !b->detached && PyObject_GetOptionalAttrString(self, "name", &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError))
            return NULL;
        PyErr_Clear();
    }
    if (name == NULL)
        return PyUnicode_FromFormat("<%s>", Py_TYPE(self)->tp_name);
    if (Py_ReprEnter(self) > 0) {
        Py_DECREF(name);
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("<%s name=%R>", Py_TYPE(self)->tp_name, name);
    Py_ReprLeave(self);
    Py_DECREF(name);
    return r;
}

static PyObject *buf_sizeof(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(Py_TYPE(self)->tp_basicsize + ((buffered *)self)->size);
}

static int buf_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((buffered *)self)->raw);
    Py_VISIT(((buffered *)self)->dict);
    return 0;
}

static int buf_clear(PyObject *self)
{
    buffered *b = (buffered *)self;
    b->ok = 0;
    b->fast_raw = NULL;
    Py_CLEAR(b->raw);
    Py_CLEAR(b->dict);
    return 0;
}

static void buf_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    buffered *b = (buffered *)self;
    if (b->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    b->fast_raw = NULL;
    Py_CLEAR(b->raw);
    Py_CLEAR(b->dict);
    PyMem_Free(b->buf);
    b->buf = NULL;
    if (b->lock != NULL) {
        pthread_mutex_destroy(&b->lock->mutex);
        PyMem_RawFree(b->lock);
        b->lock = NULL;
    }
    Py_TYPE(self)->tp_free(self);
}

#define COMMON_METHODS                                                          \
    {"flush", buf_flush, METH_NOARGS, NULL},                                    \
    {"seek", _PyCFunction_CAST(buf_seek), METH_FASTCALL, NULL},                 \
    {"tell", buf_tell, METH_NOARGS, NULL},                                      \
    {"truncate", _PyCFunction_CAST(buf_truncate), METH_FASTCALL, NULL},         \
    {"close", buf_close, METH_NOARGS, NULL},                                    \
    {"detach", buf_detach, METH_NOARGS, NULL},                                  \
    {"fileno", buf_fileno, METH_NOARGS, NULL},                                  \
    {"isatty", buf_isatty, METH_NOARGS, NULL},                                  \
    {"seekable", buf_seekable, METH_NOARGS, NULL},                              \
    {"readable", buf_readable, METH_NOARGS, NULL},                              \
    {"writable", buf_writable, METH_NOARGS, NULL},                              \
    {"__sizeof__", buf_sizeof, METH_NOARGS, NULL},
#define READ_METHODS                                                            \
    {"read", _PyCFunction_CAST(buf_read), METH_FASTCALL, NULL},                 \
    {"read1", _PyCFunction_CAST(buf_read1), METH_FASTCALL, NULL},               \
    {"peek", _PyCFunction_CAST(buf_peek), METH_FASTCALL, NULL},                 \
    {"readinto", buf_readinto, METH_O, NULL},                                   \
    {"readinto1", buf_readinto, METH_O, NULL},                                  \
    {"readline", _PyCFunction_CAST(buf_readline), METH_FASTCALL, NULL},
#define WRITE_METHODS {"write", buf_write, METH_O, NULL},

static PyMethodDef reader_methods[] = {COMMON_METHODS READ_METHODS {NULL, NULL, 0, NULL}};
static PyMethodDef writer_methods[] = {COMMON_METHODS WRITE_METHODS {NULL, NULL, 0, NULL}};
static PyMethodDef random_methods[] = {COMMON_METHODS READ_METHODS WRITE_METHODS
                                       {NULL, NULL, 0, NULL}};

static PyGetSetDef buf_getset[] = {
    {"closed", buf_get_closed, NULL, NULL, NULL},
    {"name", buf_get_name, NULL, NULL, NULL},
    {"mode", buf_get_mode, NULL, NULL, NULL},
    {"raw", buf_get_raw, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, pyname, doc, methods, init, iternext)                 \
    PyTypeObject var = {                                                       \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                 \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(buffered),                                      \
        .tp_dealloc = buf_dealloc,                                             \
        .tp_repr = buf_repr,                                                   \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
        .tp_doc = doc,                                                         \
        .tp_traverse = buf_traverse,                                           \
        .tp_clear = buf_clear,                                                 \
        .tp_weaklistoffset = offsetof(buffered, weakreflist),                  \
        .tp_iternext = iternext,                                               \
        .tp_methods = methods,                                                 \
        .tp_getset = buf_getset,                                               \
        .tp_base = &_PyBufferedIOBase_Type,                                    \
        .tp_dictoffset = offsetof(buffered, dict),                             \
        .tp_init = init,                                                       \
        .tp_new = PyType_GenericNew,                                           \
        .tp_finalize = _PyIO_Finalize,                                         \
    };

BUFFERED_TYPE(PyBufferedReader_Type, "_io.BufferedReader", "A buffer for a readable raw stream.",
              reader_methods, reader_init, buf_iternext)
BUFFERED_TYPE(PyBufferedWriter_Type, "_io.BufferedWriter", "A buffer for a writable raw stream.",
              writer_methods, writer_init, NULL)
BUFFERED_TYPE(PyBufferedRandom_Type, "_io.BufferedRandom", "A buffered interface to random access streams.",
              random_methods, random_init, buf_iternext)

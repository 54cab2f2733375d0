/* The _socket module: the socket object and its I/O (lib/socket.py wraps it).
 *
 * Every call that can block runs with the GIL released. A socket with a timeout is put in
 * non-blocking mode and each operation first waits with poll() for the remaining time, so
 * a timeout covers the whole call (sendall included) and raises TimeoutError("timed out").
 * Calls interrupted by a signal run the signal handlers and retry (PEP 475). Address
 * conversion and the name-lookup functions are in socket_addr.c. */
#include "_socket_internal.h"
#include "internal/pycore_signal.h"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/tcp.h>

static struct PyModuleDef socketmodule;

KrSocketState *_KrSocket_State(void)
{
    PyObject *name = PyUnicode_FromString("_socket");
    if (name == NULL)
        return NULL;
    PyObject *m = PyImport_GetModule(name);
    Py_DECREF(name);
    if (m == NULL)
        return NULL;
    /* sys.modules keeps the module, so the state outlives this borrowed use. */
    KrSocketState *st = PyModule_GetDef(m) == &socketmodule ? PyModule_GetState(m) : NULL;
    Py_DECREF(m);
    return st;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* None -> -1, else a non-negative number of seconds converted to nanoseconds. */
int _KrSocket_TimeoutFromObject(PyObject *obj, int64_t *out)
{
    if (obj == Py_None) {
        *out = -1;
        return 0;
    }
    double d;
    if (PyFloat_Check(obj)) {
        d = PyFloat_AS_DOUBLE(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    }
    else {
        PyObject *i = PyNumber_Index(obj);
        if (i == NULL)
            return -1;
        d = PyLong_AsDouble(i);
        Py_DECREF(i);
        if (d == -1.0 && PyErr_Occurred())
            return -1;
    }
    if (d < 0) {
        PyErr_SetString(PyExc_ValueError, "Timeout value out of range");
        return -1;
    }
    if (!(d * 1e9 < 9.2e18)) {
        PyErr_SetString(PyExc_OverflowError, "timeout doesn't fit into C timeval");
        return -1;
    }
    /* Round up so a tiny positive timeout still waits instead of failing at once. */
    *out = (int64_t)ceil(d * 1e9);
    return 0;
}

static PyObject *timeout_to_object(int64_t t)
{
    if (t < 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble((double)t / 1e9);
}

static int set_blocking_flag(int fd, int blocking)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -1;
    int nflags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
    if (nflags != flags && fcntl(fd, F_SETFL, nflags) < 0)
        return -1;
    return 0;
}

static PyObject *set_error(void)
{
    return PyErr_SetFromErrno(PyExc_OSError);
}

static void set_timeout_error(void)
{
    PyErr_SetString(PyExc_TimeoutError, "timed out");
}

/* ---- the I/O engine --------------------------------------------------------------------- */

typedef ssize_t (*sock_op)(KrSocketObject *s, void *data);

/* Waits until fd is ready or the deadline passes. Returns 1 ready, 0 timed out, -1 with an
 * exception. */
static int wait_ready(KrSocketObject *s, int writing, int64_t deadline)
{
    for (;;) {
        int64_t left = deadline - now_ns();
        if (left <= 0)
            return 0;
        struct pollfd pfd = {s->sock_fd, (short)(writing ? POLLOUT : POLLIN), 0};
        int ms = (int)((left + 999999) / 1000000);
        int rc, err;
        Py_BEGIN_ALLOW_THREADS
        rc = poll(&pfd, 1, ms);
        err = errno;
        Py_END_ALLOW_THREADS
        if (rc > 0)
            return 1;
        if (rc < 0) {
            if (err != EINTR) {
                errno = err;
                set_error();
                return -1;
            }
            if (_KrSignal_Check() < 0)
                return -1;
        }
    }
}

/* Runs op until it succeeds or fails for good, honouring the socket's timeout. */
static ssize_t sock_call(KrSocketObject *s, int writing, sock_op op, void *data, int64_t *deadline_p)
{
    int64_t deadline = 0;
    if (s->sock_timeout > 0) {
        if (deadline_p != NULL && *deadline_p != 0)
            deadline = *deadline_p;
        else
            deadline = now_ns() + s->sock_timeout;
        if (deadline_p != NULL)
            *deadline_p = deadline;
    }
    for (;;) {
        ssize_t n;
        int err;
        Py_BEGIN_ALLOW_THREADS
        n = op(s, data);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0)
            return n;
        if (err == EINTR) {
            if (_KrSignal_Check() < 0)
                return -1;
            continue;
        }
        if (s->sock_timeout > 0 && (err == EWOULDBLOCK || err == EAGAIN)) {
            int r = wait_ready(s, writing, deadline);
            if (r < 0)
                return -1;
            if (r == 0) {
                set_timeout_error();
                return -1;
            }
            continue;
        }
        errno = err;
        set_error();
        return -1;
    }
}

static int check_open(KrSocketObject *s)
{
    if (s->sock_fd < 0) {
        errno = EBADF;
        set_error();
        return -1;
    }
    return 0;
}

/* ---- construction ---------------------------------------------------------------------- */

static void init_sockobject(KrSocketObject *s, int fd, int family, int type, int proto)
{
    s->sock_fd = fd;
    s->sock_family = family;
    s->sock_type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->sock_proto = proto;
    KrSocketState *st = _KrSocket_State();
    s->sock_timeout = st != NULL ? st->default_timeout : -1;
    if (type & SOCK_NONBLOCK)
        s->sock_timeout = 0;
    if (s->sock_timeout >= 0)
        (void)set_blocking_flag(fd, 0);
}

static PyObject *sock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    KrSocketObject *s = (KrSocketObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->sock_fd = -1;
    s->sock_timeout = -1;
    return (PyObject *)s;
}

static int sock_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"family", "type", "proto", "fileno", NULL};
    KrSocketObject *s = (KrSocketObject *)self;
    int family = -1, type = -1, proto = -1;
    PyObject *fdobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiiO:socket", kwlist, &family, &type, &proto,
                                     &fdobj))
        return -1;
    int fd;
    if (fdobj != NULL && fdobj != Py_None) {
        if (PyFloat_Check(fdobj)) {
            PyErr_SetString(PyExc_TypeError, "socket() argument 'fileno' must be int, not float");
            return -1;
        }
        long v = PyLong_AsLong(fdobj);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0 || v > INT32_MAX) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
        socklen_t len = sizeof(int);
        int val;
        if (family == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &val, &len) < 0) {
                set_error();
                return -1;
            }
            family = val;
        }
        if (type == -1) {
            len = sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &val, &len) < 0) {
                set_error();
                return -1;
            }
            type = val;
        }
        if (proto == -1) {
            len = sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &val, &len) < 0) {
                set_error();
                return -1;
            }
            proto = val;
        }
    }
    else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        int err;
        Py_BEGIN_ALLOW_THREADS
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        err = errno;
        Py_END_ALLOW_THREADS
        if (fd < 0) {
            errno = err;
            set_error();
            return -1;
        }
    }
    if (s->sock_fd >= 0 && s->sock_fd != fd)
        close(s->sock_fd);
    init_sockobject(s, fd, family, type, proto);
    return 0;
}

static void sock_dealloc(PyObject *self)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (s->sock_fd >= 0) {
        close(s->sock_fd);
        s->sock_fd = -1;
    }
    Py_TYPE(self)->tp_free(self);
}

static PyObject *sock_repr(PyObject *self)
{
    KrSocketObject *s = (KrSocketObject *)self;
    return PyUnicode_FromFormat("<socket object, fd=%ld, family=%d, type=%d, proto=%d>",
                                (long)s->sock_fd, s->sock_family, s->sock_type, s->sock_proto);
}

/* ---- simple methods -------------------------------------------------------------------- */

static PyObject *sock_fileno(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((KrSocketObject *)self)->sock_fd);
}

static PyObject *sock_close(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    int fd = s->sock_fd;
    if (fd >= 0) {
        s->sock_fd = -1;
        int rc, err;
        Py_BEGIN_ALLOW_THREADS
        rc = close(fd);
        err = errno;
        Py_END_ALLOW_THREADS
        /* A reset peer already tore the connection down; closing still succeeded. */
        if (rc < 0 && err != ECONNRESET) {
            errno = err;
            return set_error();
        }
    }
    Py_RETURN_NONE;
}

static PyObject *sock_detach(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    int fd = s->sock_fd;
    s->sock_fd = -1;
    return PyLong_FromLong(fd);
}

static PyObject *sock_settimeout(PyObject *self, PyObject *arg)
{
    KrSocketObject *s = (KrSocketObject *)self;
    int64_t t;
    if (_KrSocket_TimeoutFromObject(arg, &t) < 0)
        return NULL;
    s->sock_timeout = t;
    if (s->sock_fd >= 0 && set_blocking_flag(s->sock_fd, t < 0) < 0)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *sock_gettimeout(PyObject *self, PyObject *unused)
{
    return timeout_to_object(((KrSocketObject *)self)->sock_timeout);
}

static PyObject *sock_setblocking(PyObject *self, PyObject *arg)
{
    KrSocketObject *s = (KrSocketObject *)self;
    int flag = PyObject_IsTrue(arg);
    if (flag < 0)
        return NULL;
    s->sock_timeout = flag ? -1 : 0;
    if (s->sock_fd >= 0 && set_blocking_flag(s->sock_fd, flag) < 0)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *sock_getblocking(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (check_open(s) < 0)
        return NULL;
    return PyBool_FromLong(s->sock_timeout != 0);
}

static PyObject *sock_bind(PyObject *self, PyObject *addro)
{
    KrSocketObject *s = (KrSocketObject *)self;
    kr_sockaddr addr;
    socklen_t len;
    if (_KrSocket_ParseAddr(s, addro, &addr, &len, "bind") < 0)
        return NULL;
    int rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = bind(s->sock_fd, &addr.sa, len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        errno = err;
        return set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *sock_listen(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (!_PyArg_CheckPositional("listen", nargs, 0, 1))
        return NULL;
    int backlog = 128 < SOMAXCONN ? 128 : SOMAXCONN;
    if (nargs) {
        backlog = PyLong_AsInt(args[0]);
        if (backlog == -1 && PyErr_Occurred())
            return NULL;
        if (backlog < 0)
            backlog = 0;
    }
    int rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = listen(s->sock_fd, backlog);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        errno = err;
        return set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *sock_shutdown(PyObject *self, PyObject *arg)
{
    KrSocketObject *s = (KrSocketObject *)self;
    int how = PyLong_AsInt(arg);
    if (how == -1 && PyErr_Occurred())
        return NULL;
    int rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = shutdown(s->sock_fd, how);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        errno = err;
        return set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *sock_getsockname(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    kr_sockaddr addr;
    memset(&addr, 0, sizeof(addr));
    socklen_t len = sizeof(addr);
    if (getsockname(s->sock_fd, &addr.sa, &len) < 0)
        return set_error();
    return _KrSocket_MakeAddr(&addr.sa, len, s->sock_proto);
}

static PyObject *sock_getpeername(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    kr_sockaddr addr;
    memset(&addr, 0, sizeof(addr));
    socklen_t len = sizeof(addr);
    if (getpeername(s->sock_fd, &addr.sa, &len) < 0)
        return set_error();
    return _KrSocket_MakeAddr(&addr.sa, len, s->sock_proto);
}

static PyObject *sock_setsockopt(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (!_PyArg_CheckPositional("setsockopt", nargs, 3, 4))
        return NULL;
    int level = PyLong_AsInt(args[0]);
    if (level == -1 && PyErr_Occurred())
        return NULL;
    int opt = PyLong_AsInt(args[1]);
    if (opt == -1 && PyErr_Occurred())
        return NULL;
    int rc;
    if (nargs == 4) {
        if (args[2] != Py_None) {
            PyErr_SetString(PyExc_TypeError, "setsockopt() argument 3 must be None when 4 arguments are given");
            return NULL;
        }
        unsigned int optlen = (unsigned int)PyLong_AsUnsignedLong(args[3]);
        if (PyErr_Occurred())
            return NULL;
        rc = setsockopt(s->sock_fd, level, opt, NULL, optlen);
    }
    else if (PyLong_Check(args[2])) {
        int v = PyLong_AsInt(args[2]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        rc = setsockopt(s->sock_fd, level, opt, &v, sizeof(v));
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(args[2], &view, PyBUF_SIMPLE) < 0)
            return NULL;
        rc = setsockopt(s->sock_fd, level, opt, view.buf, (socklen_t)view.len);
        PyBuffer_Release(&view);
    }
    if (rc < 0)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *sock_getsockopt(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (!_PyArg_CheckPositional("getsockopt", nargs, 2, 3))
        return NULL;
    int level = PyLong_AsInt(args[0]);
    if (level == -1 && PyErr_Occurred())
        return NULL;
    int opt = PyLong_AsInt(args[1]);
    if (opt == -1 && PyErr_Occurred())
        return NULL;
    if (nargs == 2) {
        int v = 0;
        socklen_t len = sizeof(v);
        if (getsockopt(s->sock_fd, level, opt, &v, &len) < 0)
            return set_error();
        return PyLong_FromLong(v);
    }
    int buflen = PyLong_AsInt(args[2]);
    if (buflen == -1 && PyErr_Occurred())
        return NULL;
    if (buflen <= 0 || buflen > 1024) {
        PyErr_SetString(PyExc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, buflen);
    if (buf == NULL)
        return NULL;
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(s->sock_fd, level, opt, PyBytes_AS_STRING(buf), &len) < 0) {
        Py_DECREF(buf);
        return set_error();
    }
    if (_PyBytes_Resize(&buf, (Py_ssize_t)len) < 0)
        return NULL;
    return buf;
}

/* ---- connect / accept ------------------------------------------------------------------ */

/* Returns 0 connected, else an errno value (or -1 with an exception set). */
static int internal_connect(KrSocketObject *s, const kr_sockaddr *addr, socklen_t len, int raise)
{
    int rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = connect(s->sock_fd, &addr->sa, len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc == 0)
        return 0;
    int in_progress = err == EINPROGRESS || (err == EINTR);
    if (err == EINTR) {
        if (_KrSignal_Check() < 0)
            return -1;
        if (s->sock_timeout == 0)
            return err;
    }
    if (!in_progress || s->sock_timeout == 0) {
        if (raise) {
            errno = err;
            set_error();
            return -1;
        }
        return err;
    }
    /* The connection is under way: wait for it (forever when there is no timeout). */
    int64_t deadline = s->sock_timeout > 0 ? now_ns() + s->sock_timeout : INT64_MAX;
    for (;;) {
        int r = wait_ready(s, 1, deadline);
        if (r < 0)
            return -1;
        if (r == 0) {
            if (raise) {
                set_timeout_error();
                return -1;
            }
            return EWOULDBLOCK;
        }
        int soerr = 0;
        socklen_t sl = sizeof(soerr);
        if (getsockopt(s->sock_fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
            soerr = errno;
        if (soerr == EINTR)
            continue;
        if (soerr != 0 && raise) {
            errno = soerr;
            set_error();
            return -1;
        }
        return soerr;
    }
}

static PyObject *sock_connect(PyObject *self, PyObject *addro)
{
    KrSocketObject *s = (KrSocketObject *)self;
    kr_sockaddr addr;
    socklen_t len;
    if (_KrSocket_ParseAddr(s, addro, &addr, &len, "connect") < 0)
        return NULL;
    int r = internal_connect(s, &addr, len, 1);
    if (r < 0)
        return NULL;
    if (r != 0) {
        errno = r;
        return set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *sock_connect_ex(PyObject *self, PyObject *addro)
{
    KrSocketObject *s = (KrSocketObject *)self;
    kr_sockaddr addr;
    socklen_t len;
    if (_KrSocket_ParseAddr(s, addro, &addr, &len, "connect_ex") < 0)
        return NULL;
    int r = internal_connect(s, &addr, len, 0);
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

struct accept_data {
    kr_sockaddr addr;
    socklen_t len;
};

static ssize_t op_accept(KrSocketObject *s, void *data)
{
    struct accept_data *d = data;
    d->len = sizeof(d->addr);
    return accept4(s->sock_fd, &d->addr.sa, &d->len, SOCK_CLOEXEC);
}

static PyObject *sock_accept(PyObject *self, PyObject *unused)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (check_open(s) < 0)
        return NULL;
    struct accept_data d;
    memset(&d, 0, sizeof(d));
    ssize_t fd = sock_call(s, 0, op_accept, &d, NULL);
    if (fd < 0)
        return NULL;
    PyObject *addr = _KrSocket_MakeAddr(&d.addr.sa, d.len, s->sock_proto);
    if (addr == NULL) {
        close((int)fd);
        return NULL;
    }
    PyObject *res = Py_BuildValue("(nN)", (Py_ssize_t)fd, addr);
    if (res == NULL)
        close((int)fd);
    return res;
}

/* ---- receiving ------------------------------------------------------------------------- */

struct recv_data {
    char *buf;
    size_t len;
    int flags;
    kr_sockaddr addr;
    socklen_t addrlen;
};

#define KR_RECV_DIRECT_MAX 8192

static ssize_t op_recv(KrSocketObject *s, void *data)
{
    struct recv_data *d = data;
    return recv(s->sock_fd, d->buf, d->len, d->flags);
}

static ssize_t op_recvfrom(KrSocketObject *s, void *data)
{
    struct recv_data *d = data;
    d->addrlen = sizeof(d->addr);
    return recvfrom(s->sock_fd, d->buf, d->len, d->flags, &d->addr.sa, &d->addrlen);
}

static int parse_size_flags(const char *name, PyObject *const *args, Py_ssize_t nargs,
                            Py_ssize_t *size, int *flags)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 2))
        return -1;
    *size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (*size == -1 && PyErr_Occurred())
        return -1;
    *flags = 0;
    if (nargs > 1) {
        *flags = PyLong_AsInt(args[1]);
        if (*flags == -1 && PyErr_Occurred())
            return -1;
    }
    if (*size < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", name);
        return -1;
    }
    return 0;
}

static PyObject *sock_recv(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    Py_ssize_t size;
    int flags;
    if (parse_size_flags("recv", args, nargs, &size, &flags) < 0)
        return NULL;
    if (check_open(s) < 0)
        return NULL;
    if (size > KR_RECV_DIRECT_MAX) {
        /* Event loops ask for 256 KiB and usually get a few bytes: receive into a scratch
         * buffer and copy what arrived, rather than allocate and shrink a huge object. */
        char *scratch = PyMem_RawMalloc((size_t)size);
        if (scratch == NULL)
            return PyErr_NoMemory();
        struct recv_data d = {scratch, (size_t)size, flags};
        ssize_t n = sock_call(s, 0, op_recv, &d, NULL);
        PyObject *res = n < 0 ? NULL : PyBytes_FromStringAndSize(scratch, n);
        PyMem_RawFree(scratch);
        return res;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, size);
    if (buf == NULL)
        return NULL;
    struct recv_data d = {PyBytes_AS_STRING(buf), (size_t)size, flags};
    ssize_t n = sock_call(s, 0, op_recv, &d, NULL);
    if (n < 0) {
        Py_DECREF(buf);
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&buf, n) < 0)
        return NULL;
    return buf;
}

static PyObject *sock_recvfrom(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    Py_ssize_t size;
    int flags;
    if (parse_size_flags("recvfrom", args, nargs, &size, &flags) < 0)
        return NULL;
    if (check_open(s) < 0)
        return NULL;
    PyObject *buf = PyBytes_FromStringAndSize(NULL, size);
    if (buf == NULL)
        return NULL;
    struct recv_data d;
    memset(&d, 0, sizeof(d));
    d.buf = PyBytes_AS_STRING(buf);
    d.len = (size_t)size;
    d.flags = flags;
    ssize_t n = sock_call(s, 0, op_recvfrom, &d, NULL);
    if (n < 0) {
        Py_DECREF(buf);
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&buf, n) < 0)
        return NULL;
    PyObject *addr;
    if (d.addrlen == 0)
        addr = Py_NewRef(Py_None);
    else
        addr = _KrSocket_MakeAddr(&d.addr.sa, d.addrlen, s->sock_proto);
    if (addr == NULL) {
        Py_DECREF(buf);
        return NULL;
    }
    return Py_BuildValue("(NN)", buf, addr);
}

/* recv_into(buffer, nbytes=0, flags=0) and recvfrom_into share the buffer handling. */
static PyObject *recv_into_common(KrSocketObject *s, PyObject *args, PyObject *kwds, int from)
{
    static char *kwlist[] = {"buffer", "nbytes", "flags", NULL};
    Py_buffer view;
    Py_ssize_t nbytes = 0;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, from ? "w*|ni:recvfrom_into" : "w*|ni:recv_into",
                                     kwlist, &view, &nbytes, &flags))
        return NULL;
    const char *name = from ? "recvfrom_into" : "recv_into";
    if (nbytes < 0) {
        PyBuffer_Release(&view);
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", name);
        return NULL;
    }
    if (nbytes == 0)
        nbytes = view.len;
    else if (nbytes > view.len) {
        PyBuffer_Release(&view);
        PyErr_Format(PyExc_ValueError, from ? "nbytes is greater than the length of the buffer"
                                            : "buffer too small for requested bytes");
        return NULL;
    }
    if (check_open(s) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    struct recv_data d;
    memset(&d, 0, sizeof(d));
    d.buf = view.buf;
    d.len = (size_t)nbytes;
    d.flags = flags;
    ssize_t n = sock_call(s, 0, from ? op_recvfrom : op_recv, &d, NULL);
    PyBuffer_Release(&view);
    if (n < 0)
        return NULL;
    if (!from)
        return PyLong_FromSsize_t(n);
    PyObject *addr;
    if (d.addrlen == 0)
        addr = Py_NewRef(Py_None);
    else
        addr = _KrSocket_MakeAddr(&d.addr.sa, d.addrlen, s->sock_proto);
    if (addr == NULL)
        return NULL;
    return Py_BuildValue("(nN)", (Py_ssize_t)n, addr);
}

static PyObject *sock_recv_into(PyObject *self, PyObject *args, PyObject *kwds)
{
    return recv_into_common((KrSocketObject *)self, args, kwds, 0);
}

static PyObject *sock_recvfrom_into(PyObject *self, PyObject *args, PyObject *kwds)
{
    return recv_into_common((KrSocketObject *)self, args, kwds, 1);
}

/* ---- sending --------------------------------------------------------------------------- */

struct send_data {
    const char *buf;
    size_t len;
    int flags;
    const kr_sockaddr *addr;
    socklen_t addrlen;
};

static ssize_t op_send(KrSocketObject *s, void *data)
{
    struct send_data *d = data;
    return send(s->sock_fd, d->buf, d->len, d->flags | MSG_NOSIGNAL);
}

static ssize_t op_sendto(KrSocketObject *s, void *data)
{
    struct send_data *d = data;
    return sendto(s->sock_fd, d->buf, d->len, d->flags | MSG_NOSIGNAL, &d->addr->sa, d->addrlen);
}

static int get_data_arg(PyObject *obj, Py_buffer *view)
{
    if (PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
}

static PyObject *sock_send(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (!_PyArg_CheckPositional("send", nargs, 1, 2))
        return NULL;
    int flags = 0;
    if (nargs > 1) {
        flags = PyLong_AsInt(args[1]);
        if (flags == -1 && PyErr_Occurred())
            return NULL;
    }
    Py_buffer view;
    if (get_data_arg(args[0], &view) < 0)
        return NULL;
    if (check_open(s) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    struct send_data d = {view.buf, (size_t)view.len, flags, NULL, 0};
    ssize_t n = sock_call(s, 1, op_send, &d, NULL);
    PyBuffer_Release(&view);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *sock_sendall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (!_PyArg_CheckPositional("sendall", nargs, 1, 2))
        return NULL;
    int flags = 0;
    if (nargs > 1) {
        flags = PyLong_AsInt(args[1]);
        if (flags == -1 && PyErr_Occurred())
            return NULL;
    }
    Py_buffer view;
    if (get_data_arg(args[0], &view) < 0)
        return NULL;
    if (check_open(s) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const char *p = view.buf;
    size_t left = (size_t)view.len;
    int64_t deadline = 0; /* one deadline for the whole call */
    do {
        struct send_data d = {p, left, flags, NULL, 0};
        ssize_t n = sock_call(s, 1, op_send, &d, &deadline);
        if (n < 0) {
            PyBuffer_Release(&view);
            return NULL;
        }
        p += n;
        left -= (size_t)n;
        /* Signal handlers get a chance between chunks of a long transfer. */
        if (left > 0 && _KrSignal_Check() < 0) {
            PyBuffer_Release(&view);
            return NULL;
        }
    } while (left > 0);
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

static PyObject *sock_sendto(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    KrSocketObject *s = (KrSocketObject *)self;
    if (nargs < 2 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    int flags = 0;
    PyObject *addro = args[nargs - 1];
    if (nargs == 3) {
        flags = PyLong_AsInt(args[1]);
        if (flags == -1 && PyErr_Occurred())
            return NULL;
    }
    Py_buffer view;
    if (get_data_arg(args[0], &view) < 0)
        return NULL;
    if (check_open(s) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    kr_sockaddr addr;
    socklen_t len;
    if (_KrSocket_ParseAddr(s, addro, &addr, &len, "sendto") < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    struct send_data d = {view.buf, (size_t)view.len, flags, &addr, len};
    ssize_t n = sock_call(s, 1, op_sendto, &d, NULL);
    PyBuffer_Release(&view);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

/* ---- the type -------------------------------------------------------------------------- */

static PyObject *sock_enter(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyMethodDef sock_methods[] = {
    {"_accept", sock_accept, METH_NOARGS, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, METH_O, "Bind the socket to a local address."},
    {"close", sock_close, METH_NOARGS, "Close the socket."},
    {"connect", sock_connect, METH_O, "Connect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, METH_O, "Like connect(address), but return an error code instead of raising."},
    {"detach", sock_detach, METH_NOARGS, "Close the socket object without closing the underlying file descriptor."},
    {"fileno", sock_fileno, METH_NOARGS, "Return the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, METH_NOARGS, "Return the address of the remote endpoint."},
    {"getsockname", sock_getsockname, METH_NOARGS, "Return the address of the local endpoint."},
    {"getsockopt", _PyCFunction_CAST(sock_getsockopt), METH_FASTCALL, "Get a socket option."},
    {"setsockopt", _PyCFunction_CAST(sock_setsockopt), METH_FASTCALL, "Set a socket option."},
    {"listen", _PyCFunction_CAST(sock_listen), METH_FASTCALL, "Enable a server to accept connections."},
    {"recv", _PyCFunction_CAST(sock_recv), METH_FASTCALL, "Receive up to buffersize bytes from the socket."},
    {"recv_into", _PyCFunction_CAST(sock_recv_into), METH_VARARGS | METH_KEYWORDS, "Receive up to nbytes bytes into a buffer."},
    {"recvfrom", _PyCFunction_CAST(sock_recvfrom), METH_FASTCALL, "Like recv(buffersize, flags) but also return the sender's address info."},
    {"recvfrom_into", _PyCFunction_CAST(sock_recvfrom_into), METH_VARARGS | METH_KEYWORDS, "Like recv_into but also return the sender's address info."},
    {"send", _PyCFunction_CAST(sock_send), METH_FASTCALL, "Send a data string to the socket."},
    {"sendall", _PyCFunction_CAST(sock_sendall), METH_FASTCALL, "Send a data string to the socket, all of it."},
    {"sendto", _PyCFunction_CAST(sock_sendto), METH_FASTCALL, "Like send(data, flags) but allows specifying the destination address."},
    {"setblocking", sock_setblocking, METH_O, "Set the socket to blocking (flag is true) or non-blocking (false)."},
    {"getblocking", sock_getblocking, METH_NOARGS, "Return True if socket is in blocking mode."},
    {"settimeout", sock_settimeout, METH_O, "Set a timeout on socket operations."},
    {"gettimeout", sock_gettimeout, METH_NOARGS, "Returns the timeout in seconds (float) associated with socket operations."},
    {"shutdown", sock_shutdown, METH_O, "Shut down the reading side of the socket (flag == SHUT_RD), etc."},
    {"__enter__", sock_enter, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *sock_get_family(PyObject *self, void *c) { return PyLong_FromLong(((KrSocketObject *)self)->sock_family); }
static PyObject *sock_get_type(PyObject *self, void *c) { return PyLong_FromLong(((KrSocketObject *)self)->sock_type); }
static PyObject *sock_get_proto(PyObject *self, void *c) { return PyLong_FromLong(((KrSocketObject *)self)->sock_proto); }
static PyObject *sock_get_timeout(PyObject *self, void *c) { return timeout_to_object(((KrSocketObject *)self)->sock_timeout); }

static PyGetSetDef sock_getset[] = {
    {"family", sock_get_family, NULL, "the socket family", NULL},
    {"type", sock_get_type, NULL, "the socket type", NULL},
    {"proto", sock_get_proto, NULL, "the socket protocol", NULL},
    {"timeout", sock_get_timeout, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _KrSocket_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(KrSocketObject),
    .tp_dealloc = sock_dealloc,
    .tp_repr = sock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object",
    .tp_methods = sock_methods,
    .tp_getset = sock_getset,
    .tp_init = sock_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = sock_new,
};

/* ---- module functions ------------------------------------------------------------------ */

static PyObject *mod_getdefaulttimeout(PyObject *m, PyObject *unused)
{
    return timeout_to_object(((KrSocketState *)PyModule_GetState(m))->default_timeout);
}

static PyObject *mod_setdefaulttimeout(PyObject *m, PyObject *arg)
{
    int64_t t;
    if (_KrSocket_TimeoutFromObject(arg, &t) < 0)
        return NULL;
    ((KrSocketState *)PyModule_GetState(m))->default_timeout = t;
    Py_RETURN_NONE;
}

static PyObject *mod_socketpair(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("socketpair", nargs, 0, 3))
        return NULL;
    int vals[3] = {AF_UNIX, SOCK_STREAM, 0};
    for (Py_ssize_t i = 0; i < nargs; i++) {
        vals[i] = PyLong_AsInt(args[i]);
        if (vals[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    int sv[2], rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = socketpair(vals[0], vals[1] | SOCK_CLOEXEC, vals[2], sv);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        errno = err;
        return set_error();
    }
    KrSocketObject *a = (KrSocketObject *)sock_new(&_KrSocket_Type, NULL, NULL);
    KrSocketObject *b = (KrSocketObject *)sock_new(&_KrSocket_Type, NULL, NULL);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        close(sv[0]);
        close(sv[1]);
        return NULL;
    }
    init_sockobject(a, sv[0], vals[0], vals[1], vals[2]);
    init_sockobject(b, sv[1], vals[0], vals[1], vals[2]);
    return Py_BuildValue("(NN)", a, b);
}

static PyObject *mod_dup(PyObject *m, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return set_error();
    return PyLong_FromLong(nfd);
}

static PyObject *mod_close(PyObject *m, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    int rc, err;
    Py_BEGIN_ALLOW_THREADS
    rc = close(fd);
    err = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0 && err != ECONNRESET) {
        errno = err;
        return set_error();
    }
    Py_RETURN_NONE;
}

static PyMethodDef socket_functions[] = {
    {"getdefaulttimeout", mod_getdefaulttimeout, METH_NOARGS, "Returns the default timeout in seconds (float) for new socket objects."},
    {"setdefaulttimeout", mod_setdefaulttimeout, METH_O, "Set the default timeout in seconds (float) for new socket objects."},
    {"socketpair", _PyCFunction_CAST(mod_socketpair), METH_FASTCALL, "Create a pair of socket objects from the sockets returned by the platform socketpair() function."},
    {"dup", mod_dup, METH_O, "Duplicate an integer socket file descriptor."},
    {"close", mod_close, METH_O, "Close an integer socket file descriptor."},
    {NULL, NULL, 0, NULL},
};

/* ---- constants ------------------------------------------------------------------------- */

#define C(name) {#name, name}
static const struct { const char *name; long value; } socket_consts[] = {
    C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX),
#ifdef AF_NETLINK
    C(AF_NETLINK),
#endif
#ifdef AF_PACKET
    C(AF_PACKET),
#endif
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET),
    C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
    C(SOL_SOCKET), C(SO_DEBUG), C(SO_ACCEPTCONN), C(SO_REUSEADDR), C(SO_KEEPALIVE),
    C(SO_DONTROUTE), C(SO_BROADCAST), C(SO_LINGER), C(SO_OOBINLINE),
#ifdef SO_REUSEPORT
    C(SO_REUSEPORT),
#endif
    C(SO_SNDBUF), C(SO_RCVBUF), C(SO_SNDLOWAT), C(SO_RCVLOWAT), C(SO_SNDTIMEO),
    C(SO_RCVTIMEO), C(SO_ERROR), C(SO_TYPE), C(SO_PASSCRED), C(SO_PEERCRED),
    C(SO_BINDTODEVICE), C(SO_PRIORITY), C(SO_MARK), C(SO_DOMAIN), C(SO_PROTOCOL),
    C(SOMAXCONN), C(SCM_RIGHTS), C(SCM_CREDENTIALS),
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC),
    C(MSG_CTRUNC), C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_ERRQUEUE),
    C(MSG_CONFIRM), C(MSG_MORE),
    C(SOL_IP), C(SOL_TCP), {"SOL_UDP", 17},
    C(IPPROTO_IP), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP),
    C(IPPROTO_TCP), C(IPPROTO_EGP), C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP),
    C(IPPROTO_TP), C(IPPROTO_IPV6), C(IPPROTO_ROUTING), C(IPPROTO_FRAGMENT),
    C(IPPROTO_RSVP), C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH), C(IPPROTO_ICMPV6),
    C(IPPROTO_NONE), C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP), C(IPPROTO_RAW),
#ifdef IPPROTO_UDPLITE
    C(IPPROTO_UDPLITE),
#endif
#ifdef IPPROTO_MPTCP
    C(IPPROTO_MPTCP),
#endif
    C(IPPORT_RESERVED), C(IPPORT_USERRESERVED),
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_UNSPEC_GROUP),
    C(INADDR_ALLHOSTS_GROUP), C(INADDR_MAX_LOCAL_GROUP), C(INADDR_NONE),
    C(IP_OPTIONS), C(IP_HDRINCL), C(IP_TOS), C(IP_TTL), C(IP_RECVOPTS), C(IP_RECVRETOPTS),
    C(IP_RETOPTS), C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP),
    C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP), C(IP_DEFAULT_MULTICAST_TTL),
    C(IP_DEFAULT_MULTICAST_LOOP), C(IP_RECVTOS), C(IP_PKTINFO), C(IP_TRANSPARENT),
    C(IP_BIND_ADDRESS_NO_PORT),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM),
    C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_NEXTHOP),
    C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT), C(IPV6_RECVHOPOPTS),
    C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS), C(IPV6_RTHDR),
    C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU), C(IPV6_TCLASS),

    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL),
    C(TCP_KEEPCNT), C(TCP_SYNCNT), C(TCP_LINGER2), C(TCP_DEFER_ACCEPT), C(TCP_WINDOW_CLAMP),
    C(TCP_INFO), C(TCP_QUICKACK), C(TCP_FASTOPEN), C(TCP_CONGESTION), C(TCP_USER_TIMEOUT),
    C(TCP_NOTSENT_LOWAT),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY),
    C(EAI_MEMORY), C(EAI_NODATA), C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE),
    C(EAI_SOCKTYPE), C(EAI_SYSTEM),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED),
    C(AI_ALL), C(AI_ADDRCONFIG),
    C(NI_MAXHOST), C(NI_MAXSERV), C(NI_NOFQDN), C(NI_NUMERICHOST), C(NI_NAMEREQD),
    C(NI_NUMERICSERV), C(NI_DGRAM),
    {NULL, 0},
};
#undef C

static int socket_traverse(PyObject *m, visitproc visit, void *arg)
{
    KrSocketState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_VISIT(st->gaierror);
        Py_VISIT(st->herror);
    }
    return 0;
}

static int socket_clear(PyObject *m)
{
    KrSocketState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_CLEAR(st->gaierror);
        Py_CLEAR(st->herror);
    }
    return 0;
}

static void socket_free(void *m)
{
    socket_clear((PyObject *)m);
}

static struct PyModuleDef socketmodule = {
    PyModuleDef_HEAD_INIT, "_socket", "Implementation module for socket operations.",
    sizeof(KrSocketState), socket_functions, NULL, socket_traverse, socket_clear, socket_free,
};

PyObject *PyInit__socket(void)
{
    if (!(_KrSocket_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&_KrSocket_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&socketmodule);
    if (m == NULL)
        return NULL;
    KrSocketState *st = PyModule_GetState(m);
    st->default_timeout = -1;
    st->herror = PyErr_NewException("socket.herror", PyExc_OSError, NULL);
    st->gaierror = PyErr_NewException("socket.gaierror", PyExc_OSError, NULL);
    if (st->herror == NULL || st->gaierror == NULL ||
        PyModule_AddObjectRef(m, "herror", st->herror) < 0 ||
        PyModule_AddObjectRef(m, "gaierror", st->gaierror) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddObjectRef(m, "timeout", PyExc_TimeoutError) < 0 ||
        PyModule_AddObjectRef(m, "socket", (PyObject *)&_KrSocket_Type) < 0 ||
        PyModule_AddObjectRef(m, "SocketType", (PyObject *)&_KrSocket_Type) < 0 ||
        PyModule_AddFunctions(m, _KrSocket_AddrFunctions) < 0 ||
        PyModule_AddObjectRef(m, "has_ipv6", Py_True) < 0)
        goto fail;
    for (int i = 0; socket_consts[i].name != NULL; i++)
        if (PyModule_AddIntConstant(m, socket_consts[i].name, socket_consts[i].value) < 0)
            goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

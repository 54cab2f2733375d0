/* The select module: select(), poll objects and epoll objects. All waits release the GIL
 * and are retried after EINTR once pending signal handlers have run. */
#include "Python.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static int object_fd(PyObject *obj)
{
    int fd;
    if (PyLong_Check(obj)) {
        fd = PyLong_AsInt(obj);
    }
    else {
        PyObject *meth = NULL;
        if (PyObject_GetOptionalAttrString(obj, "fileno", &meth) < 0)
            return -1;
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r == NULL)
            return -1;
        if (!PyLong_Check(r)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(r);
            return -1;
        }
        fd = PyLong_AsInt(r);
        Py_DECREF(r);
    }
    if (fd == -1 && PyErr_Occurred())
        return -1;
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
        return -1;
    }
    return fd;
}

static double now_monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- select() -------------------------------------------------------------------------- */

typedef struct {
    PyObject *obj;
    int fd;
} FdEntry;

static Py_ssize_t seq_to_fdset(PyObject *seq, FdEntry **out, fd_set *set, int *maxfd)
{
    PyObject *fast = PySequence_Fast(seq, "arguments 1-3 must be sequences");
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    FdEntry *ents = PyMem_Malloc(sizeof(FdEntry) * (size_t)(n ? n : 1));
    if (ents == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    FD_ZERO(set);
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        PyObject *o = PySequence_Fast_GET_ITEM(fast, i);
        int fd = object_fd(o);
        if (fd < 0)
            goto fail;
        if (fd >= FD_SETSIZE) {
            PyErr_SetString(PyExc_ValueError, "filedescriptor out of range in select()");
            goto fail;
        }
        FD_SET(fd, set);
        if (fd > *maxfd)
            *maxfd = fd;
        ents[i].obj = Py_NewRef(o);
        ents[i].fd = fd;
    }
    Py_DECREF(fast);
    *out = ents;
    return n;
fail:
    for (Py_ssize_t j = 0; j < i; j++)
        Py_DECREF(ents[j].obj);
    PyMem_Free(ents);
    Py_DECREF(fast);
    return -1;
}

static void free_entries(FdEntry *ents, Py_ssize_t n)
{
    if (ents == NULL)
        return;
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(ents[i].obj);
    PyMem_Free(ents);
}

static PyObject *ready_list(FdEntry *ents, Py_ssize_t n, fd_set *set)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (FD_ISSET(ents[i].fd, set) && PyList_Append(list, ents[i].obj) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* Timeout in seconds from None/int/float: -1 means wait forever. */
static int parse_seconds(PyObject *obj, double *out, const char *negmsg)
{
    if (obj == NULL || obj == Py_None) {
        *out = -1;
        return 0;
    }
    if (!PyFloat_Check(obj) && !PyLong_Check(obj) &&
        (Py_TYPE(obj)->tp_as_number == NULL || Py_TYPE(obj)->tp_as_number->nb_float == NULL)) {
        PyErr_SetString(PyExc_TypeError, "timeout must be a float or None");
        return -1;
    }
    double d = PyFloat_AsDouble(obj);
    if (d == -1.0 && PyErr_Occurred())
        return -1;
    if (isnan(d)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (d < 0 && negmsg != NULL) {
        PyErr_SetString(PyExc_ValueError, negmsg);
        return -1;
    }
    *out = d < 0 ? -1 : d;
    return 0;
}

static PyObject *select_select(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("select", nargs, 3, 4))
        return NULL;
    double timeout;
    if (parse_seconds(nargs > 3 ? args[3] : NULL, &timeout, "timeout must be non-negative") < 0)
        return NULL;
    fd_set sets[3], work[3];
    FdEntry *ents[3] = {NULL, NULL, NULL};
    Py_ssize_t counts[3] = {0, 0, 0};
    int maxfd = -1;
    PyObject *res = NULL;
    for (int k = 0; k < 3; k++) {
        counts[k] = seq_to_fdset(args[k], &ents[k], &sets[k], &maxfd);
        if (counts[k] < 0) {
            counts[k] = 0;
            goto done;
        }
    }
    double deadline = timeout >= 0 ? now_monotonic() + timeout : 0;
    int rc;
    for (;;) {
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - now_monotonic();
            if (left < 0)
                left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
            tvp = &tv;
        }
        memcpy(work, sets, sizeof(work));
        int saved_errno; /* taking the GIL back may clobber errno */
        Py_BEGIN_ALLOW_THREADS
        rc = select(maxfd + 1, &work[0], &work[1], &work[2], tvp);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
        if (rc >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0 || Py_MakePendingCalls() < 0)
            goto done;
    }
    if (rc < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    PyObject *lists[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        lists[k] = ready_list(ents[k], counts[k], &work[k]);
        if (lists[k] == NULL) {
            Py_XDECREF(lists[0]);
            Py_XDECREF(lists[1]);
            goto done;
        }
    }
    res = PyTuple_Pack(3, lists[0], lists[1], lists[2]);
    for (int k = 0; k < 3; k++)
        Py_DECREF(lists[k]);
done:
    for (int k = 0; k < 3; k++)
        free_entries(ents[k], counts[k]);
    return res;
}

/* ---- poll objects ---------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *fds; /* dict fd -> event mask */
    int polling;
} PollObject;

static PyTypeObject Poll_Type;

static int parse_mask(PyObject *obj, unsigned short *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v < 0 || v > USHRT_MAX) {
        PyErr_SetString(PyExc_OverflowError, v < 0 ? "Python int too small to convert to C unsigned short"
                                                   : "Python int too large to convert to C unsigned short");
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static PyObject *poll_register(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("register", nargs, 1, 2))
        return NULL;
    int fd = object_fd(args[0]);
    if (fd < 0)
        return NULL;
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (nargs > 1 && parse_mask(args[1], &mask) < 0)
        return NULL;
    PyObject *k = PyLong_FromLong(fd), *v = PyLong_FromLong(mask);
    int rc = (k && v) ? PyDict_SetItem(((PollObject *)self)->fds, k, v) : -1;
    Py_XDECREF(k);
    Py_XDECREF(v);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_modify(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("modify", nargs, 2, 2))
        return NULL;
    int fd = object_fd(args[0]);
    if (fd < 0)
        return NULL;
    unsigned short mask;
    if (parse_mask(args[1], &mask) < 0)
        return NULL;
    PyObject *k = PyLong_FromLong(fd);
    if (k == NULL)
        return NULL;
    int has = PyDict_Contains(((PollObject *)self)->fds, k);
    if (has <= 0) {
        Py_DECREF(k);
        if (has == 0) {
            errno = ENOENT;
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    PyObject *v = PyLong_FromLong(mask);
    int rc = v ? PyDict_SetItem(((PollObject *)self)->fds, k, v) : -1;
    Py_DECREF(k);
    Py_XDECREF(v);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_unregister(PyObject *self, PyObject *arg)
{
    int fd = object_fd(arg);
    if (fd < 0)
        return NULL;
    PyObject *k = PyLong_FromLong(fd);
    if (k == NULL)
        return NULL;
    int rc = PyDict_DelItem(((PollObject *)self)->fds, k);
    Py_DECREF(k);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_poll(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PollObject *po = (PollObject *)self;
    if (!_PyArg_CheckPositional("poll", nargs, 0, 1))
        return NULL;
    /* The timeout is in milliseconds; anything negative waits forever. */
    long long timeout_ms = -1;
    if (nargs && args[0] != Py_None) {
        if (!PyFloat_Check(args[0]) && !PyLong_Check(args[0])) {
            PyErr_SetString(PyExc_TypeError, "timeout must be an integer or None");
            return NULL;
        }
        double d = PyFloat_AsDouble(args[0]);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        timeout_ms = d < 0 ? -1 : (long long)ceil(d);
        if (timeout_ms > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Overflow in poll timeout");
            return NULL;
        }
    }
    if (po->polling) {
        PyErr_SetString(PyExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    Py_ssize_t n = PyDict_GET_SIZE(po->fds);
    struct pollfd *pfds = PyMem_Malloc(sizeof(struct pollfd) * (size_t)(n ? n : 1));
    if (pfds == NULL)
        return PyErr_NoMemory();
    Py_ssize_t pos = 0, i = 0;
    PyObject *k, *v;
    while (PyDict_Next(po->fds, &pos, &k, &v)) {
        pfds[i].fd = (int)PyLong_AsLong(k);
        pfds[i].events = (short)PyLong_AsLong(v);
        pfds[i].revents = 0;
        i++;
    }
    po->polling = 1;
    double deadline = timeout_ms >= 0 ? now_monotonic() + timeout_ms / 1000.0 : 0;
    int rc;
    for (;;) {
        int ms = -1;
        if (timeout_ms >= 0) {
            double left = deadline - now_monotonic();
            ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        int saved_errno; /* taking the GIL back may clobber errno */
        Py_BEGIN_ALLOW_THREADS
        rc = poll(pfds, (nfds_t)n, ms);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
        if (rc >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0 || Py_MakePendingCalls() < 0) {
            po->polling = 0;
            PyMem_Free(pfds);
            return NULL;
        }
    }
    po->polling = 0;
    if (rc < 0) {
        PyMem_Free(pfds);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *list = PyList_New(0);
    for (Py_ssize_t j = 0; list != NULL && j < n; j++) {
        if (!pfds[j].revents)
            continue;
        PyObject *t = Py_BuildValue("(ii)", pfds[j].fd, (int)(unsigned short)pfds[j].revents);
        if (t == NULL || PyList_Append(list, t) < 0)
            Py_CLEAR(list);
        Py_XDECREF(t);
    }
    PyMem_Free(pfds);
    return list;
}

static void poll_dealloc(PyObject *self)
{
    Py_XDECREF(((PollObject *)self)->fds);
    PyObject_Free(self);
}

static PyMethodDef poll_methods[] = {
    {"register", _PyCFunction_CAST(poll_register), METH_FASTCALL, "Register a file descriptor with the polling object."},
    {"modify", _PyCFunction_CAST(poll_modify), METH_FASTCALL, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_O, "Remove a file descriptor being tracked by the polling object."},
    {"poll", _PyCFunction_CAST(poll_poll), METH_FASTCALL, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Poll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(PollObject),
    .tp_dealloc = poll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = poll_methods,
};

static PyObject *select_poll(PyObject *m, PyObject *unused)
{
    PollObject *po = PyObject_New(PollObject, &Poll_Type);
    if (po == NULL)
        return NULL;
    po->polling = 0;
    po->fds = PyDict_New();
    if (po->fds == NULL) {
        Py_DECREF(po);
        return NULL;
    }
    return (PyObject *)po;
}

/* ---- epoll objects --------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int epfd;
} EpollObject;

static PyTypeObject Epoll_Type;

static PyObject *epoll_closed_error(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed epoll object");
    return NULL;
}

static PyObject *new_epoll(PyTypeObject *type, int fd)
{
    EpollObject *ep = (EpollObject *)type->tp_alloc(type, 0);
    if (ep == NULL) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    ep->epfd = fd;
    return (PyObject *)ep;
}

static PyObject *epoll_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sizehint", "flags", NULL};
    int sizehint = -1, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ii:epoll", kwlist, &sizehint, &flags))
        return NULL;
    if (sizehint == 0 || sizehint < -1) {
        PyErr_SetString(PyExc_ValueError, "negative sizehint");
        return NULL;
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return new_epoll(type, fd);
}

static void epoll_dealloc(PyObject *self)
{
    EpollObject *ep = (EpollObject *)self;
    if (ep->epfd >= 0)
        close(ep->epfd);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyObject *epoll_ctl_op(EpollObject *ep, int op, PyObject *fdobj, PyObject *maskobj)
{
    if (ep->epfd < 0)
        return epoll_closed_error();
    int fd = object_fd(fdobj);
    if (fd < 0)
        return NULL;
    struct epoll_event ev;
    memset(&ev, 0, sizeof(ev));
    ev.events = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (maskobj != NULL) {
        unsigned long v = PyLong_AsUnsignedLong(maskobj);
        if (v == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
        ev.events = (uint32_t)v;
    }
    ev.data.fd = fd;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = epoll_ctl(ep->epfd, op, fd, op == EPOLL_CTL_DEL ? NULL : &ev);
    Py_END_ALLOW_THREADS
    if (rc < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *epoll_register(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fd, *mask = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:register", kwlist, &fd, &mask))
        return NULL;
    return epoll_ctl_op((EpollObject *)self, EPOLL_CTL_ADD, fd, mask);
}

static PyObject *epoll_modify(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fd, *mask;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:modify", kwlist, &fd, &mask))
        return NULL;
    return epoll_ctl_op((EpollObject *)self, EPOLL_CTL_MOD, fd, mask);
}

static PyObject *epoll_unregister(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    PyObject *fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:unregister", kwlist, &fd))
        return NULL;
    return epoll_ctl_op((EpollObject *)self, EPOLL_CTL_DEL, fd, NULL);
}

static PyObject *epoll_poll(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"timeout", "maxevents", NULL};
    EpollObject *ep = (EpollObject *)self;
    PyObject *tobj = Py_None;
    int maxevents = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:poll", kwlist, &tobj, &maxevents))
        return NULL;
    if (ep->epfd < 0)
        return epoll_closed_error();
    double timeout;
    if (parse_seconds(tobj, &timeout, NULL) < 0)
        return NULL;
    if (maxevents == -1)
        maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) {
        PyErr_Format(PyExc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return NULL;
    }
    struct epoll_event *evs = PyMem_Malloc(sizeof(struct epoll_event) * (size_t)maxevents);
    if (evs == NULL)
        return PyErr_NoMemory();
    double deadline = timeout >= 0 ? now_monotonic() + timeout : 0;
    int rc;
    for (;;) {
        int ms = -1;
        if (timeout >= 0) {
            double left = deadline - now_monotonic();
            ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        int saved_errno; /* taking the GIL back may clobber errno */
        Py_BEGIN_ALLOW_THREADS
        rc = epoll_wait(ep->epfd, evs, maxevents, ms);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
        if (rc >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0 || Py_MakePendingCalls() < 0) {
            PyMem_Free(evs);
            return NULL;
        }
    }
    if (rc < 0) {
        PyMem_Free(evs);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *list = PyList_New(rc);
    for (int i = 0; list != NULL && i < rc; i++) {
        PyObject *t = Py_BuildValue("(iI)", evs[i].data.fd, evs[i].events);
        if (t == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, t);
    }
    PyMem_Free(evs);
    return list;
}

static PyObject *epoll_close(PyObject *self, PyObject *unused)
{
    EpollObject *ep = (EpollObject *)self;
    if (ep->epfd >= 0) {
        int fd = ep->epfd;
        ep->epfd = -1;
        if (close(fd) < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *epoll_fileno(PyObject *self, PyObject *unused)
{
    EpollObject *ep = (EpollObject *)self;
    if (ep->epfd < 0)
        return epoll_closed_error();
    return PyLong_FromLong(ep->epfd);
}

static PyObject *epoll_fromfd(PyObject *cls, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    return new_epoll((PyTypeObject *)cls, fd);
}

static PyObject *epoll_enter(PyObject *self, PyObject *unused)
{
    if (((EpollObject *)self)->epfd < 0)
        return epoll_closed_error();
    return Py_NewRef(self);
}

static PyObject *epoll_exit(PyObject *self, PyObject *args)
{
    return epoll_close(self, NULL);
}

static PyObject *epoll_get_closed(PyObject *self, void *closure)
{
    return PyBool_FromLong(((EpollObject *)self)->epfd < 0);
}

static PyMethodDef epoll_methods[] = {
    {"register", _PyCFunction_CAST(epoll_register), METH_VARARGS | METH_KEYWORDS, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", _PyCFunction_CAST(epoll_modify), METH_VARARGS | METH_KEYWORDS, "Modify event mask for a registered file descriptor."},
    {"unregister", _PyCFunction_CAST(epoll_unregister), METH_VARARGS | METH_KEYWORDS, "Remove a registered file descriptor from the epoll object."},
    {"poll", _PyCFunction_CAST(epoll_poll), METH_VARARGS | METH_KEYWORDS, "Wait for events on the epoll file descriptor."},
    {"close", epoll_close, METH_NOARGS, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_NOARGS, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, METH_O | METH_CLASS, "Create an epoll object from a given control fd."},
    {"__enter__", epoll_enter, METH_NOARGS, NULL},
    {"__exit__", epoll_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Epoll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(EpollObject),
    .tp_dealloc = epoll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.",
    .tp_methods = epoll_methods,
    .tp_getset = epoll_getset,
    .tp_new = epoll_new,
};

static PyMethodDef select_methods[] = {
    {"select", _PyCFunction_CAST(select_select), METH_FASTCALL, "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_NOARGS, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef selectmodule = {
    PyModuleDef_HEAD_INIT, "select", "This module supports asynchronous I/O on multiple file descriptors.",
    -1, select_methods, NULL, NULL, NULL, NULL,
};

static const struct { const char *name; long value; } select_consts[] = {
    {"PIPE_BUF", PIPE_BUF},
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", (long)EPOLLET}, {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND},
    {"EPOLLMSG", EPOLLMSG}, {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {NULL, 0},
};

PyObject *PyInit_select(void)
{
    if (!(Poll_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Poll_Type) < 0)
        return NULL;
    if (!(Epoll_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Epoll_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&selectmodule);
    if (m == NULL)
        return NULL;
    for (int i = 0; select_consts[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, select_consts[i].name, select_consts[i].value) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 || PyModule_AddType(m, &Epoll_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

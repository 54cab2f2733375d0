/* The Linux-specific parts of the posix module: scheduling parameters, saved set-user and
 * set-group ids, terminal process groups, positional vectored I/O with RWF_* flags,
 * splice, timer file descriptors and namespaces. */
#include "Python.h"
#include "structseq.h"
#include "posixmodule.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/timerfd.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWF(f) ((PyCFunction)(void (*)(void))(f))

static PyObject *none_or_errno(int r)
{
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

/* An fd argument that may also be an object with fileno(); negatives are refused. */
static int fd_converter(PyObject *o, void *out)
{
    int fd = PyObject_AsFileDescriptor(o);
    if (fd < 0)
        return 0;
    *(int *)out = fd;
    return 1;
}

int _KrPosix_int_arg(PyObject *o, int *out)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, v > INT_MAX ? "signed integer is greater than maximum"
                                                         : "signed integer is less than minimum");
        return 0;
    }
    *out = (int)v;
    return 1;
}

/* O& converter for the int arguments Argument Clinic converts with PyLong_AsInt. */
static int c_int(PyObject *o, void *out)
{
    int v = PyLong_AsInt(o);
    if (v == -1 && PyErr_Occurred())
        return 0;
    *(int *)out = v;
    return 1;
}

/* ---- sched_param ------------------------------------------------------------------------- */
static PyStructSequence_Field sched_param_fields[] = {
    {"sched_priority", "A scheduling parameter."},
    {NULL, NULL},
};

static PyStructSequence_Desc sched_param_desc = {
    "posix.sched_param",
    "Currently has only one field: sched_priority\n\n"
    "  sched_priority\n"
    "    A scheduling parameter.",
    sched_param_fields, 1,
};

/* A static type: a structseq holds no per-interpreter state. */
static PyTypeObject SchedParamType;

/* sched_param(sched_priority): any object is stored; it is checked when used. */
static PyObject *sched_param_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sched_priority", NULL};
    PyObject *prio;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:sched_param", kwlist, &prio))
        return NULL;
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL)
        return NULL;
    PyStructSequence_SetItem(res, 0, Py_NewRef(prio));
    return res;
}

int _KrPosix_sched_param_converter(PyObject *o, void *out)
{
    if (!PyObject_TypeCheck(o, &SchedParamType)) {
        PyErr_SetString(PyExc_TypeError, "must have a sched_param object");
        return 0;
    }
    long prio = PyLong_AsLong(PyStructSequence_GetItem(o, 0));
    if (prio == -1 && PyErr_Occurred())
        return 0;
    if (prio > INT_MAX || prio < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "sched_priority out of range");
        return 0;
    }
    ((struct sched_param *)out)->sched_priority = (int)prio;
    return 1;
}

static PyObject *sched_param_result(const struct sched_param *p)
{
    PyObject *res = PyStructSequence_New(&SchedParamType);
    if (res == NULL)
        return NULL;
    PyObject *v = PyLong_FromLong(p->sched_priority);
    if (v == NULL) {
        Py_DECREF(res);
        return NULL;
    }
    PyStructSequence_SetItem(res, 0, v);
    return res;
}

static PyObject *posix_sched_getparam(PyObject *m, PyObject *arg)
{
    int pid;
    if (!_KrPosix_int_arg(arg, &pid))
        return NULL;
    struct sched_param p;
    if (sched_getparam((pid_t)pid, &p) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return sched_param_result(&p);
}

static PyObject *posix_sched_setparam(PyObject *m, PyObject *args)
{
    int pid;
    struct sched_param p;
    if (!PyArg_ParseTuple(args, "iO&:sched_setparam", &pid, _KrPosix_sched_param_converter, &p))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = sched_setparam((pid_t)pid, &p);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyObject *posix_sched_setscheduler(PyObject *m, PyObject *args)
{
    int pid, policy;
    struct sched_param p;
    if (!PyArg_ParseTuple(args, "iiO&:sched_setscheduler", &pid, &policy,
                          _KrPosix_sched_param_converter, &p))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = sched_setscheduler((pid_t)pid, policy, &p);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyObject *posix_sched_rr_get_interval(PyObject *m, PyObject *arg)
{
    int pid;
    if (!_KrPosix_int_arg(arg, &pid))
        return NULL;
    struct timespec ts;
    if (sched_rr_get_interval((pid_t)pid, &ts) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyFloat_FromDouble((double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec);
}

/* ---- saved ids ----------------------------------------------------------------------------- */

/* A uid/gid argument: -1 means "leave unchanged"; other values must fit the unsigned id
 * type without wrapping round to -1. Values that fit a long but not the id type are
 * reported as below the minimum, as CPython does. */
static int id_converter(PyObject *o, const char *kind, unsigned int *out)
{
    PyObject *index = PyNumber_Index(o);
    if (index == NULL) {
        PyErr_Format(PyExc_TypeError, "%s should be integer, not %.200s", kind,
                     Py_TYPE(o)->tp_name);
        return 0;
    }
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(index, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(index);
        return 0;
    }
    if (!overflow) {
        Py_DECREF(index);
        if (v == -1) {
            *out = (unsigned int)-1;
            return 1;
        }
        if (v < 0 || (unsigned long)v > UINT_MAX) {
            PyErr_Format(PyExc_OverflowError, "%s is less than minimum", kind);
            return 0;
        }
        *out = (unsigned int)v;
        return 1;
    }
    Py_DECREF(index);
    PyErr_Format(PyExc_OverflowError, overflow < 0 ? "%s is less than minimum"
                                                   : "%s is greater than maximum", kind);
    return 0;
}

static PyObject *set_res_ids(PyObject *const *args, Py_ssize_t nargs, int group)
{
    const char *name = group ? "setresgid" : "setresuid";
    if (!_PyArg_CheckPositional(name, nargs, 3, 3))
        return NULL;
    unsigned int ids[3];
    for (int i = 0; i < 3; i++)
        if (!id_converter(args[i], group ? "gid" : "uid", &ids[i]))
            return NULL;
    int r = group ? setresgid((gid_t)ids[0], (gid_t)ids[1], (gid_t)ids[2])
                  : setresuid((uid_t)ids[0], (uid_t)ids[1], (uid_t)ids[2]);
    return none_or_errno(r);
}

static PyObject *posix_setresuid(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return set_res_ids(args, nargs, 0);
}

static PyObject *posix_setresgid(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return set_res_ids(args, nargs, 1);
}

/* ---- terminal process groups ------------------------------------------------------------------ */
static PyObject *posix_tcgetpgrp(PyObject *m, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    pid_t pg = tcgetpgrp(fd);
    if (pg < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong((long)pg);
}

static PyObject *posix_tcsetpgrp(PyObject *m, PyObject *args)
{
    int fd, pgid;
    if (!PyArg_ParseTuple(args, "O&i:tcsetpgrp", c_int, &fd, &pgid))
        return NULL;
    return none_or_errno(tcsetpgrp(fd, (pid_t)pgid));
}

/* ---- positional vectored I/O ------------------------------------------------------------------ */

/* Borrows a buffer from every item of the sequence; on failure releases what it took. */
static int sequence_to_iov(PyObject *seq, Py_ssize_t n, int writable, struct iovec *iov,
                           Py_buffer *bufs)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i);
        int rc = item == NULL ? -1
                              : PyObject_GetBuffer(item, &bufs[i],
                                                   writable ? PyBUF_WRITABLE : PyBUF_SIMPLE);
        Py_XDECREF(item);
        if (rc < 0) {
            for (Py_ssize_t j = 0; j < i; j++)
                PyBuffer_Release(&bufs[j]);
            return -1;
        }
        iov[i].iov_base = bufs[i].buf;
        iov[i].iov_len = (size_t)bufs[i].len;
    }
    return 0;
}

static PyObject *positional_vector_io(PyObject *const *args, Py_ssize_t nargs, int reading)
{
    if (!_PyArg_CheckPositional(reading ? "preadv" : "pwritev", nargs, 3, 4))
        return NULL;
    int fd, flags = 0;
    PyObject *seq = args[1];
    if (!c_int(args[0], &fd))
        return NULL;
    long offset = PyLong_AsLong(args[2]);
    if (offset == -1 && PyErr_Occurred())
        return NULL;
    if (nargs > 3 && !c_int(args[3], &flags))
        return NULL;
    if (!PySequence_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, reading ? "preadv2() arg 2 must be a sequence"
                                                 : "pwritev() arg 2 must be a sequence");
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    struct iovec *iov = PyMem_Calloc((size_t)n + 1, sizeof(struct iovec));
    Py_buffer *bufs = PyMem_Calloc((size_t)n + 1, sizeof(Py_buffer));
    if (iov == NULL || bufs == NULL) {
        PyMem_Free(iov);
        PyMem_Free(bufs);
        return PyErr_NoMemory();
    }
    if (sequence_to_iov(seq, n, reading, iov, bufs) < 0) {
        PyMem_Free(iov);
        PyMem_Free(bufs);
        return NULL;
    }
    ssize_t r;
    int saved = 0, failed = 0;
    do {
        Py_BEGIN_ALLOW_THREADS
        /* Always the v2 calls: an offset of -1 then means the current file position. */
        r = reading ? preadv2(fd, iov, (int)n, (off_t)offset, flags)
                    : pwritev2(fd, iov, (int)n, (off_t)offset, flags);
        saved = errno;
        Py_END_ALLOW_THREADS
    } while (r < 0 && saved == EINTR && !(failed = PyErr_CheckSignals() < 0));
    for (Py_ssize_t i = 0; i < n; i++)
        PyBuffer_Release(&bufs[i]);
    PyMem_Free(iov);
    PyMem_Free(bufs);
    if (failed)
        return NULL;
    if (r < 0) {
        /* A non-blocking read with nothing to read reports None rather than an error. */
        if (reading && (flags & RWF_NOWAIT) && saved == EAGAIN)
            Py_RETURN_NONE;
        errno = saved;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *posix_preadv(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return positional_vector_io(args, nargs, 1);
}

static PyObject *posix_pwritev(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return positional_vector_io(args, nargs, 0);
}

/* ---- splice ----------------------------------------------------------------------------------- */

/* splice's flags: an unsigned int, with CPython's own wording for bad values. */
static int uint_flags(PyObject *o, unsigned int *out)
{
    if (PyFloat_Check(o) || !PyIndex_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return 0;
    }
    PyObject *index = PyNumber_Index(o);
    if (index == NULL)
        return 0;
    if (_PyLong_Sign(index) < 0) {
        Py_DECREF(index);
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    unsigned long v = PyLong_AsUnsignedLong(index);
    Py_DECREF(index);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return 0;
    if (v > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned int");
        return 0;
    }
    *out = (unsigned int)v;
    return 1;
}

static PyObject *posix_splice(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"src", "dst", "count", "offset_src", "offset_dst", "flags", NULL};
    int src, dst;
    Py_ssize_t count;
    PyObject *off_src_obj = Py_None, *off_dst_obj = Py_None, *flags_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&O&n|OOO:splice", kwlist, c_int, &src, c_int, &dst, &count,
                                     &off_src_obj, &off_dst_obj, &flags_obj))
        return NULL;
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "negative value for 'count' not allowed");
        return NULL;
    }
    unsigned int flags = 0;
    if (flags_obj != NULL && !uint_flags(flags_obj, &flags))
        return NULL;
    loff_t off_src = 0, off_dst = 0;
    loff_t *p_src = NULL, *p_dst = NULL;
    if (off_src_obj != Py_None) {
        long v = PyLong_AsLong(off_src_obj);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        off_src = (loff_t)v;
        p_src = &off_src;
    }
    if (off_dst_obj != Py_None) {
        long v = PyLong_AsLong(off_dst_obj);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        off_dst = (loff_t)v;
        p_dst = &off_dst;
    }
    ssize_t r;
    int saved;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = splice(src, p_src, dst, p_dst, (size_t)count, flags);
        saved = errno;
        Py_END_ALLOW_THREADS
    } while (r < 0 && saved == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (!PyErr_Occurred()) {
            errno = saved;
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

/* ---- timer file descriptors ------------------------------------------------------------------- */
static PyObject *posix_timerfd_create(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "flags", NULL};
    int clockid, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|$O&:timerfd_create", kwlist, c_int, &clockid,
                                     c_int, &flags))
        return NULL;
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = timerfd_create(clockid, flags);
    Py_END_ALLOW_THREADS
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(fd);
}

#define NS_PER_SEC 1000000000LL

/* Whole nanoseconds to a timespec whose tv_nsec is in [0, 1e9), as the kernel expects. */
static struct timespec ns_to_timespec(long long ns)
{
    long long sec = ns / NS_PER_SEC, rem = ns % NS_PER_SEC;
    if (rem < 0) {
        rem += NS_PER_SEC;
        sec--;
    }
    struct timespec ts = {(time_t)sec, (long)rem};
    return ts;
}

/* Float seconds to nanoseconds, rounding towards minus infinity. */
static int seconds_to_ns(double d, long long *out)
{
    double ns = floor(d * 1e9);
    if (!(ns >= -9.2233720368547758e18 && ns < 9.2233720368547758e18)) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (long long)ns;
    return 0;
}

/* Nanosecond arguments: ints only, with CPython's overflow wording. */
static int ns_arg(PyObject *o, long long *out)
{
    if (o == NULL) {
        *out = 0;
        return 0;
    }
    *out = PyLong_AsLongLong(o);
    if (*out == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        }
        return -1;
    }
    return 0;
}

static PyObject *timespec_pair(const struct itimerspec *v, int ns)
{
    if (ns)
        return Py_BuildValue("(LL)", (long long)v->it_value.tv_sec * NS_PER_SEC + v->it_value.tv_nsec,
                             (long long)v->it_interval.tv_sec * NS_PER_SEC + v->it_interval.tv_nsec);
    return Py_BuildValue("(dd)", (double)v->it_value.tv_sec + (double)v->it_value.tv_nsec * 1e-9,
                         (double)v->it_interval.tv_sec + (double)v->it_interval.tv_nsec * 1e-9);
}

static PyObject *timerfd_settime_common(PyObject *args, PyObject *kwds, int ns)
{
    static char *kwlist[] = {"", "flags", "initial", "interval", NULL};
    int fd, flags = 0;
    long long initial = 0, interval = 0;
    if (ns) {
        PyObject *init_obj = NULL, *intv_obj = NULL;
        if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|$O&OO:timerfd_settime_ns", kwlist,
                                         fd_converter, &fd, c_int, &flags, &init_obj, &intv_obj) ||
            ns_arg(init_obj, &initial) < 0 || ns_arg(intv_obj, &interval) < 0)
            return NULL;
    }
    else {
        double init_d = 0.0, intv_d = 0.0;
        if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|$O&dd:timerfd_settime", kwlist,
                                         fd_converter, &fd, c_int, &flags, &init_d, &intv_d) ||
            seconds_to_ns(init_d, &initial) < 0 || seconds_to_ns(intv_d, &interval) < 0)
            return NULL;
    }
    struct itimerspec nv = {ns_to_timespec(interval), ns_to_timespec(initial)}, ov;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = timerfd_settime(fd, flags, &nv, &ov);
    Py_END_ALLOW_THREADS
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return timespec_pair(&ov, ns);
}

static PyObject *posix_timerfd_settime(PyObject *m, PyObject *args, PyObject *kwds)
{
    return timerfd_settime_common(args, kwds, 0);
}

static PyObject *posix_timerfd_settime_ns(PyObject *m, PyObject *args, PyObject *kwds)
{
    return timerfd_settime_common(args, kwds, 1);
}

static PyObject *timerfd_gettime_common(PyObject *arg, int ns)
{
    int fd;
    if (!fd_converter(arg, &fd))
        return NULL;
    struct itimerspec v;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = timerfd_gettime(fd, &v);
    Py_END_ALLOW_THREADS
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return timespec_pair(&v, ns);
}

static PyObject *posix_timerfd_gettime(PyObject *m, PyObject *arg) { return timerfd_gettime_common(arg, 0); }
static PyObject *posix_timerfd_gettime_ns(PyObject *m, PyObject *arg) { return timerfd_gettime_common(arg, 1); }

/* ---- namespaces ------------------------------------------------------------------------------- */
static PyObject *posix_unshare(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"flags", NULL};
    int flags;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&:unshare", kwlist, c_int, &flags))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = unshare(flags);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyObject *posix_setns(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "nstype", NULL};
    int fd, nstype = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|O&:setns", kwlist, fd_converter, &fd, c_int,
                                     &nstype))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = setns(fd, nstype);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyMethodDef linux_methods[] = {
    {"sched_getparam", posix_sched_getparam, METH_O,
     "Returns scheduling parameters for the process identified by pid.\n\nIf pid is 0, returns parameters for the calling process.\nReturn value is an instance of sched_param."},
    {"sched_setparam", posix_sched_setparam, METH_VARARGS,
     "Set scheduling parameters for the process identified by pid.\n\nIf pid is 0, sets parameters for the calling process.\nparam should be an instance of sched_param."},
    {"sched_setscheduler", posix_sched_setscheduler, METH_VARARGS,
     "Set the scheduling policy for the process identified by pid.\n\nIf pid is 0, the calling process is changed.\nparam is an instance of sched_param."},
    {"sched_rr_get_interval", posix_sched_rr_get_interval, METH_O,
     "Return the round-robin quantum for the process identified by pid, in seconds.\n\nValue returned is a float."},
    {"setresuid", _PyCFunction_CAST(posix_setresuid), METH_FASTCALL, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", _PyCFunction_CAST(posix_setresgid), METH_FASTCALL, "Set the current process's real, effective, and saved group ids."},
    {"tcgetpgrp", posix_tcgetpgrp, METH_O, "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", posix_tcsetpgrp, METH_VARARGS, "Set the process group associated with the terminal specified by fd."},
    {"preadv", _PyCFunction_CAST(posix_preadv), METH_FASTCALL, "Reads from a file descriptor into a number of mutable bytes-like objects."},
    {"pwritev", _PyCFunction_CAST(posix_pwritev), METH_FASTCALL, "Writes the contents of bytes-like objects to a file descriptor at a given offset."},
    {"splice", KWF(posix_splice), KW, "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {"timerfd_create", KWF(posix_timerfd_create), KW, "Create and return a timer file descriptor."},
    {"timerfd_settime", KWF(posix_timerfd_settime), KW, "Alter a timer file descriptor's internal timer in seconds."},
    {"timerfd_settime_ns", KWF(posix_timerfd_settime_ns), KW, "Alter a timer file descriptor's internal timer in nanoseconds."},
    {"timerfd_gettime", posix_timerfd_gettime, METH_O, "Return a tuple of a timer file descriptor's (interval, next expiration) in float seconds."},
    {"timerfd_gettime_ns", posix_timerfd_gettime_ns, METH_O, "Return a tuple of a timer file descriptor's (interval, next expiration) in nanoseconds."},
    {"unshare", KWF(posix_unshare), KW, "Disassociate parts of a process (or thread) execution context."},
    {"setns", KWF(posix_setns), KW, "Move the calling thread into different namespaces."},
    {NULL, NULL, 0, NULL},
};

/* Constants whose values the libc headers may lack; fixed by the kernel ABI. */
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif
#ifndef MFD_HUGE_SHIFT
#define MFD_HUGE_SHIFT 26
#define MFD_HUGE_MASK 0x3f
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int _KrPosix_linux_init(PyObject *m)
{
    if (!(SchedParamType.tp_flags & Py_TPFLAGS_READY)) {
        if (PyStructSequence_InitType2(&SchedParamType, &sched_param_desc) < 0)
            return -1;
        /* The generic structseq constructor wants a sequence; sched_param takes the
         * priority itself. */
        SchedParamType.tp_new = sched_param_new;
    }
    if (PyModule_AddObjectRef(m, "sched_param", (PyObject *)&SchedParamType) < 0 ||
        PyModule_AddFunctions(m, linux_methods) < 0)
        return -1;
#define ADD_INT(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    ADD_INT(CLONE_FILES) ADD_INT(CLONE_FS) ADD_INT(CLONE_NEWCGROUP) ADD_INT(CLONE_NEWIPC)
    ADD_INT(CLONE_NEWNET) ADD_INT(CLONE_NEWNS) ADD_INT(CLONE_NEWPID) ADD_INT(CLONE_NEWTIME)
    ADD_INT(CLONE_NEWUSER) ADD_INT(CLONE_NEWUTS) ADD_INT(CLONE_SIGHAND) ADD_INT(CLONE_SYSVSEM)
    ADD_INT(CLONE_THREAD) ADD_INT(CLONE_VM)
    ADD_INT(MFD_HUGE_SHIFT) ADD_INT(MFD_HUGE_MASK)
    ADD_INT(P_PIDFD)
    ADD_INT(RWF_APPEND) ADD_INT(RWF_DSYNC) ADD_INT(RWF_HIPRI) ADD_INT(RWF_NOWAIT) ADD_INT(RWF_SYNC)
    ADD_INT(SPLICE_F_MORE) ADD_INT(SPLICE_F_MOVE) ADD_INT(SPLICE_F_NONBLOCK)
    ADD_INT(TFD_CLOEXEC) ADD_INT(TFD_NONBLOCK) ADD_INT(TFD_TIMER_ABSTIME)
    ADD_INT(TFD_TIMER_CANCEL_ON_SET)
#undef ADD_INT
    /* The huge-page sizes are log2(size) shifted into place. */
    static const struct { const char *name; int log2; } huge[] = {
        {"MFD_HUGE_64KB", 16}, {"MFD_HUGE_512KB", 19}, {"MFD_HUGE_1MB", 20},
        {"MFD_HUGE_2MB", 21}, {"MFD_HUGE_8MB", 23}, {"MFD_HUGE_16MB", 24},
        {"MFD_HUGE_32MB", 25}, {"MFD_HUGE_256MB", 28}, {"MFD_HUGE_512MB", 29},
        {"MFD_HUGE_1GB", 30}, {"MFD_HUGE_2GB", 31}, {"MFD_HUGE_16GB", 34},
    };
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        PyObject *v = PyLong_FromUnsignedLong((unsigned long)huge[i].log2 << MFD_HUGE_SHIFT);
        if (PyModule_Add(m, huge[i].name, v) < 0)
            return -1;
    }
    return 0;
}

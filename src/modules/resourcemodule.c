/* The resource module: process resource usage (getrusage) and limits (getrlimit,
 * setrlimit, prlimit). Limits cross into Python as signed C longs, so RLIM_INFINITY is -1
 * exactly as in CPython. */
#include "Python.h"
#include "structseq.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

static PyStructSequence_Field rusage_fields[] = {
    {"ru_utime", "user time used"},
    {"ru_stime", "system time used"},
    {"ru_maxrss", "max. resident set size"},
    {"ru_ixrss", "shared memory size"},
    {"ru_idrss", "unshared data size"},
    {"ru_isrss", "unshared stack size"},
    {"ru_minflt", "page faults not requiring I/O"},
    {"ru_majflt", "page faults requiring I/O"},
    {"ru_nswap", "number of swap outs"},
    {"ru_inblock", "block input operations"},
    {"ru_oublock", "block output operations"},
    {"ru_msgsnd", "IPC messages sent"},
    {"ru_msgrcv", "IPC messages received"},
    {"ru_nsignals", "signals received"},
    {"ru_nvcsw", "voluntary context switches"},
    {"ru_nivcsw", "involuntary context switches"},
    {NULL, NULL},
};

static PyStructSequence_Desc rusage_desc = {
    "resource.struct_rusage",
    "Resource usage as reported by getrusage(): a 16-tuple whose items are also\n"
    "readable as the attributes ru_utime, ru_stime, ru_maxrss ... ru_nivcsw.",
    rusage_fields, 16,
};

static PyTypeObject StructRUsageType;

static double tv_seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

static PyObject *resource_getrusage(PyObject *m, PyObject *arg)
{
    int who = PyLong_AsInt(arg);
    if (who == -1 && PyErr_Occurred())
        return NULL;
    struct rusage ru;
    if (getrusage(who, &ru) == -1) {
        if (errno == EINVAL)
            PyErr_SetString(PyExc_ValueError, "invalid who parameter");
        else
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    PyObject *v = PyStructSequence_New(&StructRUsageType);
    if (v == NULL)
        return NULL;
    long counts[14] = {ru.ru_maxrss, ru.ru_ixrss,  ru.ru_idrss,  ru.ru_isrss,   ru.ru_minflt,
                       ru.ru_majflt, ru.ru_nswap,  ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd,
                       ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw};
    PyStructSequence_SetItem(v, 0, PyFloat_FromDouble(tv_seconds(ru.ru_utime)));
    PyStructSequence_SetItem(v, 1, PyFloat_FromDouble(tv_seconds(ru.ru_stime)));
    for (int i = 0; i < 14; i++)
        PyStructSequence_SetItem(v, i + 2, PyLong_FromLong(counts[i]));
    for (int i = 0; i < 16; i++) {
        if (PyStructSequence_GetItem(v, i) == NULL) {
            Py_DECREF(v);
            return NULL;
        }
    }
    return v;
}

static int resource_arg(PyObject *arg, int *out)
{
    int r = PyLong_AsInt(arg);
    if (r == -1 && PyErr_Occurred())
        return -1;
    if (r < 0 || r >= RLIM_NLIMITS) {
        PyErr_SetString(PyExc_ValueError, "invalid resource specified");
        return -1;
    }
    *out = r;
    return 0;
}

static int limit_value(PyObject *obj, rlim_t *out)
{
    PyObject *idx = PyNumber_Index(obj);
    if (idx == NULL)
        return -1;
    long v = PyLong_AsLong(idx);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (rlim_t)v;
    return 0;
}

/* Any iterable of exactly two integers, like CPython (which goes through a tuple). */
static int limits_arg(PyObject *limits, struct rlimit *rl)
{
    PyObject *t = PySequence_Tuple(limits);
    if (t == NULL)
        return -1;
    if (PyTuple_GET_SIZE(t) != 2) {
        Py_DECREF(t);
        PyErr_SetString(PyExc_ValueError, "expected a tuple of 2 integers");
        return -1;
    }
    int rc = limit_value(PyTuple_GET_ITEM(t, 0), &rl->rlim_cur) < 0 ||
                     limit_value(PyTuple_GET_ITEM(t, 1), &rl->rlim_max) < 0
                 ? -1
                 : 0;
    Py_DECREF(t);
    return rc;
}

static PyObject *limits_to_tuple(const struct rlimit *rl)
{
    return Py_BuildValue("(ll)", (long)rl->rlim_cur, (long)rl->rlim_max);
}

static PyObject *set_limit_error(void)
{
    if (errno == EINVAL)
        PyErr_SetString(PyExc_ValueError, "current limit exceeds maximum limit");
    else if (errno == EPERM)
        PyErr_SetString(PyExc_ValueError, "not allowed to raise maximum limit");
    else
        PyErr_SetFromErrno(PyExc_OSError);
    return NULL;
}

static PyObject *resource_getrlimit(PyObject *m, PyObject *arg)
{
    int res;
    if (resource_arg(arg, &res) < 0)
        return NULL;
    struct rlimit rl;
    if (getrlimit(res, &rl) == -1)
        return PyErr_SetFromErrno(PyExc_OSError);
    return limits_to_tuple(&rl);
}

static PyObject *resource_setrlimit(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setrlimit", nargs, 2, 2))
        return NULL;
    int res;
    struct rlimit rl;
    if (resource_arg(args[0], &res) < 0 || limits_arg(args[1], &rl) < 0)
        return NULL;
    if (PySys_Audit("resource.setrlimit", "iO", res, args[1]) < 0)
        return NULL;
    if (setrlimit(res, &rl) == -1)
        return set_limit_error();
    Py_RETURN_NONE;
}

static PyObject *resource_prlimit(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("prlimit", nargs, 2, 3))
        return NULL;
    int pid = PyLong_AsInt(args[0]);
    if (pid == -1 && PyErr_Occurred())
        return NULL;
    int res;
    if (resource_arg(args[1], &res) < 0)
        return NULL;
    PyObject *limits = nargs > 2 ? args[2] : Py_None;
    struct rlimit new_rl, old_rl;
    int setting = limits != Py_None;
    if (setting && limits_arg(limits, &new_rl) < 0)
        return NULL;
    if (PySys_Audit("resource.prlimit", "iiO", pid, res, limits) < 0)
        return NULL;
    if (prlimit((pid_t)pid, res, setting ? &new_rl : NULL, &old_rl) == -1)
        return set_limit_error();
    return limits_to_tuple(&old_rl);
}

static PyObject *resource_getpagesize(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(sysconf(_SC_PAGESIZE));
}

static PyMethodDef resource_methods[] = {
    {"getrusage", resource_getrusage, METH_O, "getrusage($module, who, /)\n--\n\n"},
    {"getrlimit", resource_getrlimit, METH_O, "getrlimit($module, resource, /)\n--\n\n"},
    {"prlimit", _PyCFunction_CAST(resource_prlimit), METH_FASTCALL,
     "prlimit($module, pid, resource, limits=None, /)\n--\n\n"},
    {"setrlimit", _PyCFunction_CAST(resource_setrlimit), METH_FASTCALL,
     "setrlimit($module, resource, limits, /)\n--\n\n"},
    {"getpagesize", resource_getpagesize, METH_NOARGS, "getpagesize($module, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef resourcemodule = {
    PyModuleDef_HEAD_INIT, "resource", NULL, -1, resource_methods, NULL, NULL, NULL, NULL,
};

static const struct {
    const char *name;
    long value;
} resource_consts[] = {
    {"RLIMIT_CPU", RLIMIT_CPU},
    {"RLIMIT_FSIZE", RLIMIT_FSIZE},
    {"RLIMIT_DATA", RLIMIT_DATA},
    {"RLIMIT_STACK", RLIMIT_STACK},
    {"RLIMIT_CORE", RLIMIT_CORE},
    {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_OFILE", RLIMIT_OFILE},
    {"RLIMIT_AS", RLIMIT_AS},
    {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_NPROC", RLIMIT_NPROC},
    {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
    {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE},
    {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
    {"RLIMIT_RTTIME", RLIMIT_RTTIME},
    {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RUSAGE_SELF", RUSAGE_SELF},
    {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
    {"RUSAGE_THREAD", RUSAGE_THREAD},
    {"RLIM_INFINITY", (long)RLIM_INFINITY},
    {NULL, 0},
};

PyObject *PyInit_resource(void)
{
    if (!(StructRUsageType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StructRUsageType, &rusage_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&resourcemodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddObjectRef(m, "struct_rusage", (PyObject *)&StructRUsageType) < 0)
        goto fail;
    for (int i = 0; resource_consts[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, resource_consts[i].name, resource_consts[i].value) < 0)
            goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

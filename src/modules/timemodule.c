/* The time module: clocks, sleeping, and conversions between seconds and struct_time. */
#include "Python.h"
#include "internal/pycore_signal.h"

#include <pthread.h>
#include "structseq.h"

#include <math.h>
#include <time.h>
#include <sys/time.h>
#include <sys/resource.h>
#include <errno.h>

static PyStructSequence_Field struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.",
    struct_time_fields, 9,
};

static PyTypeObject StructTimeType;

static double ts_to_double(const struct timespec *ts)
{
    return (double)ts->tv_sec + (double)ts->tv_nsec * 1e-9;
}

static PyObject *ts_to_ns(const struct timespec *ts)
{
    return PyLong_FromLongLong((long long)ts->tv_sec * 1000000000LL + ts->tv_nsec);
}

static PyObject *clock_value(clockid_t clk, int ns)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return ns ? ts_to_ns(&ts) : PyFloat_FromDouble(ts_to_double(&ts));
}

static int clk_id_arg(PyObject *o, clockid_t *out)
{
    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "clk_id should be integer, not %s", Py_TYPE(o)->tp_name);
        return -1;
    }
    int v = PyLong_AsInt(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (clockid_t)v;
    return 0;
}

static PyObject *time_clock_gettime(PyObject *m, PyObject *arg)
{
    clockid_t clk;
    return clk_id_arg(arg, &clk) < 0 ? NULL : clock_value(clk, 0);
}

static PyObject *time_clock_gettime_ns(PyObject *m, PyObject *arg)
{
    clockid_t clk;
    return clk_id_arg(arg, &clk) < 0 ? NULL : clock_value(clk, 1);
}

static PyObject *time_clock_getres(PyObject *m, PyObject *arg)
{
    clockid_t clk;
    struct timespec ts;
    if (clk_id_arg(arg, &clk) < 0)
        return NULL;
    if (clock_getres(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyFloat_FromDouble(ts_to_double(&ts));
}

static PyObject *clock_set(PyObject *args, int ns)
{
    PyObject *clko, *val;
    clockid_t clk;
    struct timespec ts;
    if (!PyArg_ParseTuple(args, ns ? "OO:clock_settime_ns" : "OO:clock_settime", &clko, &val) ||
        clk_id_arg(clko, &clk) < 0)
        return NULL;
    if (ns) {
        if (!PyLong_Check(val)) {
            PyErr_Format(PyExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         Py_TYPE(val)->tp_name);
            return NULL;
        }
        long long v = PyLong_AsLongLong(val);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        ts.tv_sec = (time_t)(v / 1000000000LL);
        ts.tv_nsec = (long)(v % 1000000000LL);
        if (ts.tv_nsec < 0) {
            ts.tv_nsec += 1000000000L;
            ts.tv_sec--;
        }
    }
    else {
        double d = PyFloat_AsDouble(val);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        double whole = floor(d);
        ts.tv_sec = (time_t)whole;
        ts.tv_nsec = (long)((d - whole) * 1e9);
    }
    if (clock_settime(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *time_clock_settime(PyObject *m, PyObject *args) { return clock_set(args, 0); }
static PyObject *time_clock_settime_ns(PyObject *m, PyObject *args) { return clock_set(args, 1); }

static PyObject *time_pthread_getcpuclockid(PyObject *m, PyObject *arg)
{
    unsigned long tid = PyLong_AsUnsignedLong(arg);
    if (tid == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    clockid_t clk;
    int r = pthread_getcpuclockid((pthread_t)tid, &clk);
    if (r != 0) {
        errno = r;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)clk);
}

static PyObject *time_time(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_REALTIME, 0); }
static PyObject *time_time_ns(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_REALTIME, 1); }
static PyObject *time_monotonic(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_MONOTONIC, 0); }
static PyObject *time_monotonic_ns(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_MONOTONIC, 1); }
static PyObject *time_process_time(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_PROCESS_CPUTIME_ID, 0); }
static PyObject *time_process_time_ns(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_PROCESS_CPUTIME_ID, 1); }
static PyObject *time_thread_time(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_THREAD_CPUTIME_ID, 0); }
static PyObject *time_thread_time_ns(PyObject *m, PyObject *Py_UNUSED(a)) { return clock_value(CLOCK_THREAD_CPUTIME_ID, 1); }

static PyObject *time_sleep(PyObject *m, PyObject *arg)
{
    double secs;
    if (PyFloat_Check(arg))
        secs = PyFloat_AS_DOUBLE(arg);
    else if (PyLong_Check(arg) || PyIndex_Check(arg)) {
        secs = PyLong_AsDouble(arg);
        if (secs == -1.0 && PyErr_Occurred())
            return NULL;
    }
    else {
        secs = PyFloat_AsDouble(arg);
        if (secs == -1.0 && PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         Py_TYPE(arg)->tp_name);
            return NULL;
        }
    }
    if (isnan(secs)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    struct timespec deadline, now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double whole = floor(secs);
    deadline.tv_sec = now.tv_sec + (time_t)whole;
    deadline.tv_nsec = now.tv_nsec + (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    for (;;) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        Py_END_ALLOW_THREADS
        if (r == 0)
            break;
        if (r != EINTR) {
            errno = r;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        /* A signal arrived: run its handler (which may raise), then keep sleeping. */
        if (_KrSignal_Check() < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *tm_to_struct_time(const struct tm *p, const char *zone, long gmtoff)
{
    PyObject *v = PyStructSequence_New(&StructTimeType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong((long)p->tm_year + 1900));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong((long)p->tm_mon + 1));
    PyStructSequence_SetItem(v, 2, PyLong_FromLong((long)p->tm_mday));
    PyStructSequence_SetItem(v, 3, PyLong_FromLong((long)p->tm_hour));
    PyStructSequence_SetItem(v, 4, PyLong_FromLong((long)p->tm_min));
    PyStructSequence_SetItem(v, 5, PyLong_FromLong((long)p->tm_sec));
    PyStructSequence_SetItem(v, 6, PyLong_FromLong((long)((p->tm_wday + 6) % 7)));
    PyStructSequence_SetItem(v, 7, PyLong_FromLong((long)p->tm_yday + 1));
    PyStructSequence_SetItem(v, 8, PyLong_FromLong((long)p->tm_isdst));
    PyStructSequence_SetItem(v, 9, zone ? PyUnicode_DecodeFSDefault(zone) : Py_NewRef(Py_None));
    PyStructSequence_SetItem(v, 10, PyLong_FromLong(gmtoff));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static int parse_time_t(PyObject *arg, time_t *out)
{
    if (arg == NULL || arg == Py_None) {
        *out = time(NULL);
        return 0;
    }
    if (PyFloat_Check(arg)) {
        double d = PyFloat_AS_DOUBLE(arg);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d); /* CPython rounds timestamps toward -inf here */
        if (d < -9.2e18 || d > 9.2e18) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static PyObject *time_gmtime(PyObject *m, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "|O:gmtime", &arg))
        return NULL;
    time_t t;
    if (parse_time_t(arg, &t) < 0)
        return NULL;
    struct tm buf;
    if (gmtime_r(&t, &buf) == NULL) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return tm_to_struct_time(&buf, buf.tm_zone ? buf.tm_zone : "GMT", 0);
}

static PyObject *time_localtime(PyObject *m, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "|O:localtime", &arg))
        return NULL;
    time_t t;
    if (parse_time_t(arg, &t) < 0)
        return NULL;
    struct tm buf;
    if (localtime_r(&t, &buf) == NULL) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return tm_to_struct_time(&buf, buf.tm_zone, buf.tm_gmtoff);
}

/* struct_time or 9-tuple -> struct tm, with CPython's range checks. */
static int gettmarg(PyObject *args, struct tm *p, const char *format)
{
    memset(p, 0, sizeof(*p));
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    int y;
    if (!PyArg_ParseTuple(args, format, &y, &p->tm_mon, &p->tm_mday, &p->tm_hour, &p->tm_min,
                          &p->tm_sec, &p->tm_wday, &p->tm_yday, &p->tm_isdst))
        return -1;
    p->tm_year = y - 1900;
    p->tm_mon--;
    p->tm_wday = (p->tm_wday + 1) % 7;
    p->tm_yday--;
    if (Py_IS_TYPE(args, &StructTimeType)) {
        PyObject *zone = PyStructSequence_GetItem(args, 9);
        PyObject *off = PyStructSequence_GetItem(args, 10);
        if (off != NULL && off != Py_None)
            p->tm_gmtoff = PyLong_AsLong(off);
        /* %Z must print the struct_time's own zone; the string lives as long as the
         * struct_time the caller passed, which outlives every use of *p. */
        if (zone != NULL && PyUnicode_Check(zone)) {
            p->tm_zone = PyUnicode_AsUTF8(zone);
            if (p->tm_zone == NULL)
                return -1;
        }
    }
    return 0;
}

static PyObject *time_mktime(PyObject *m, PyObject *arg)
{
    struct tm buf;
    if (gettmarg(arg, &buf, "iiiiiiiii;mktime(): illegal time tuple argument") < 0)
        return NULL;
    buf.tm_wday = -1;
    time_t t = mktime(&buf);
    if (t == (time_t)-1 && buf.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)t);
}

static int checktm(struct tm *buf)
{
    if (buf->tm_mon == -1)
        buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return -1;
    }
    if (buf->tm_mday == 0)
        buf->tm_mday = 1;
    else if (buf->tm_mday < 0 || buf->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return -1;
    }
    if (buf->tm_hour < 0 || buf->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return -1;
    }
    if (buf->tm_min < 0 || buf->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return -1;
    }
    if (buf->tm_sec < 0 || buf->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return -1;
    }
    if (buf->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return -1;
    }
    if (buf->tm_yday == -1)
        buf->tm_yday = 0;
    else if (buf->tm_yday < 0 || buf->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

static PyObject *time_strftime(PyObject *m, PyObject *args)
{
    PyObject *fmtobj, *tup = NULL;
    if (!PyArg_ParseTuple(args, "U|O:strftime", &fmtobj, &tup))
        return NULL;
    struct tm buf;
    if (tup == NULL) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    }
    else {
        if (gettmarg(tup, &buf, "iiiiiiiii;strftime(): illegal time tuple argument") < 0 ||
            checktm(&buf) < 0)
            return NULL;
        if (buf.tm_isdst < -1)
            buf.tm_isdst = -1;
        else if (buf.tm_isdst > 1)
            buf.tm_isdst = 1;
    }
    const char *fmt = PyUnicode_AsUTF8(fmtobj);
    if (fmt == NULL)
        return NULL;
    if (*fmt == '\0')
        return PyUnicode_FromString("");
    size_t cap = 256;
    for (;;) {
        char *out = PyMem_Malloc(cap);
        if (out == NULL)
            return PyErr_NoMemory();
        size_t n = strftime(out, cap, fmt, &buf);
        if (n > 0 || cap > 256 * strlen(fmt)) {
            PyObject *res = PyUnicode_DecodeUTF8(out, (Py_ssize_t)n, "surrogateescape");
            PyMem_Free(out);
            return res;
        }
        PyMem_Free(out);
        cap *= 2;
    }
}

static PyObject *format_asctime(const struct tm *t)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t->tm_wday],
                                mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min,
                                t->tm_sec, 1900 + t->tm_year);
}

static PyObject *time_asctime(PyObject *m, PyObject *args)
{
    PyObject *tup = NULL;
    if (!PyArg_ParseTuple(args, "|O:asctime", &tup))
        return NULL;
    struct tm buf;
    if (tup == NULL) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    }
    else if (gettmarg(tup, &buf, "iiiiiiiii;asctime(): illegal time tuple argument") < 0 ||
             checktm(&buf) < 0)
        return NULL;
    return format_asctime(&buf);
}

static PyObject *time_ctime(PyObject *m, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "|O:ctime", &arg))
        return NULL;
    time_t t;
    if (parse_time_t(arg, &t) < 0)
        return NULL;
    struct tm buf;
    if (localtime_r(&t, &buf) == NULL) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&buf);
}

static PyObject *time_get_clock_info(PyObject *m, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:get_clock_info", &name))
        return NULL;
    const char *impl;
    int monotonic, adjustable;
    clockid_t clk;
    if (strcmp(name, "time") == 0) {
        impl = "clock_gettime(CLOCK_REALTIME)";
        clk = CLOCK_REALTIME;
        monotonic = 0;
        adjustable = 1;
    }
    else if (strcmp(name, "monotonic") == 0 || strcmp(name, "perf_counter") == 0) {
        impl = "clock_gettime(CLOCK_MONOTONIC)";
        clk = CLOCK_MONOTONIC;
        monotonic = 1;
        adjustable = 0;
    }
    else if (strcmp(name, "process_time") == 0) {
        impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
        clk = CLOCK_PROCESS_CPUTIME_ID;
        monotonic = 1;
        adjustable = 0;
    }
    else if (strcmp(name, "thread_time") == 0) {
        impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
        clk = CLOCK_THREAD_CPUTIME_ID;
        monotonic = 1;
        adjustable = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "unknown clock");
        return NULL;
    }
    struct timespec res;
    double resolution = clock_getres(clk, &res) == 0 ? ts_to_double(&res) : 1e-9;
    PyObject *types = PyImport_ImportModule("types");
    if (types == NULL)
        return NULL;
    PyObject *ns = PyObject_GetAttrString(types, "SimpleNamespace");
    Py_DECREF(types);
    if (ns == NULL)
        return NULL;
    PyObject *kw = Py_BuildValue("{sssOsOsd}", "implementation", impl, "monotonic",
                                 monotonic ? Py_True : Py_False, "adjustable",
                                 adjustable ? Py_True : Py_False, "resolution", resolution);
    PyObject *empty = PyTuple_New(0);
    PyObject *res_obj = kw && empty ? PyObject_Call(ns, empty, kw) : NULL;
    Py_XDECREF(kw);
    Py_XDECREF(empty);
    Py_DECREF(ns);
    return res_obj;
}

static PyObject *time_tzset(PyObject *m, PyObject *Py_UNUSED(a))
{
    tzset();
    Py_RETURN_NONE;
}

static PyObject *time_strptime(PyObject *m, PyObject *args)
{
    PyObject *mod = PyImport_ImportModule("_strptime");
    if (mod == NULL)
        return NULL;
    PyObject *func = PyObject_GetAttrString(mod, "_strptime_time");
    Py_DECREF(mod);
    if (func == NULL)
        return NULL;
    PyObject *res = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return res;
}

static PyMethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, METH_NOARGS, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, METH_NOARGS, "Monotonic clock, cannot go backward."},
    {"clock_gettime", time_clock_gettime, METH_O, "Return the time of the specified clock clk_id as a float."},
    {"clock_gettime_ns", time_clock_gettime_ns, METH_O, "Return the time of the specified clock clk_id as nanoseconds (int)."},
    {"clock_getres", time_clock_getres, METH_O, "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", time_clock_settime, METH_VARARGS, "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns, METH_VARARGS, "Set the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, METH_O, "Return the clk_id of a thread's CPU time clock."},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_monotonic, METH_NOARGS, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_monotonic_ns, METH_NOARGS, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, METH_NOARGS, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, METH_NOARGS, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, METH_NOARGS, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, METH_O, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, METH_VARARGS, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, METH_VARARGS, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, METH_O, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, METH_VARARGS, "Convert a time tuple to a string according to a format specification."},
    {"strptime", time_strptime, METH_VARARGS, "Parse a string to a time tuple according to a format specification."},
    {"asctime", time_asctime, METH_VARARGS, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, METH_VARARGS, "Convert a time in seconds since the Epoch to a string in local time."},
    {"get_clock_info", time_get_clock_info, METH_VARARGS, "Get information of the specified clock."},
    {"tzset", time_tzset, METH_NOARGS, "Initialize, or reinitialize, the local timezone."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef timemodule = {
    PyModuleDef_HEAD_INIT, "time", "This module provides various functions to manipulate time values.", -1,
    time_methods, NULL, NULL, NULL, NULL,
};

static int init_timezone(PyObject *m)
{
    tzset();
    /* Probe January and July of this year to find the standard and summer offsets. */
    time_t now = time(NULL);
    struct tm t;
    localtime_r(&now, &t);
    int year = t.tm_year;
    struct tm jan = {0}, jul = {0};
    jan.tm_year = jul.tm_year = year;
    jan.tm_mday = jul.tm_mday = 1;
    jul.tm_mon = 6;
    jan.tm_isdst = jul.tm_isdst = -1;
    mktime(&jan);
    mktime(&jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "UTC";
    const char *julname = jul.tm_zone ? jul.tm_zone : "UTC";
    PyObject *tzname;
    long tz, alt;
    int daylight = janoff != juloff;
    if (janoff < juloff) {
        /* Southern hemisphere: January is summer. */
        tz = juloff;
        alt = janoff;
        tzname = Py_BuildValue("(ss)", julname, janname);
    }
    else {
        tz = janoff;
        alt = juloff;
        tzname = Py_BuildValue("(ss)", janname, julname);
    }
    if (tzname == NULL || PyModule_Add(m, "tzname", tzname) < 0 ||
        PyModule_AddIntConstant(m, "timezone", tz) < 0 ||
        PyModule_AddIntConstant(m, "altzone", alt) < 0 ||
        PyModule_AddIntConstant(m, "daylight", daylight) < 0)
        return -1;
    return 0;
}

PyObject *PyInit_time(void)
{
    if (!(StructTimeType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StructTimeType, &struct_time_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&timemodule);
    if (m == NULL)
        return NULL;
    if (init_timezone(m) < 0 ||
        PyModule_AddObjectRef(m, "struct_time", (PyObject *)&StructTimeType) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_TAI", CLOCK_TAI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

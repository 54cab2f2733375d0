/* The sys module: interpreter configuration and hooks exposed to Python. */
#include <string.h>
#include <unistd.h>
#include "Python.h"
#include "internal/pycore_frame.h"

PyObject *_PyRun_DisplayHookDefault(PyObject *o);
void _PyErr_DisplayDefault(PyObject *exc);
PyObject *_PyImport_BuiltinModuleNames(void);
PyObject *_PyErr_StdlibModuleNames(void);
int _PyImport_InitSysHooks(PyObject *sysdict);

/* ---- C-level access ------------------------------------------------------------ */

PyObject *PySys_GetObject(const char *name)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp->sysdict == NULL)
        return NULL;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *v = PyDict_GetItemString(ts->interp->sysdict, name);
    PyErr_SetRaisedException(exc);
    return v;
}

int PySys_SetObject(const char *name, PyObject *v)
{
    PyObject *sd = _PyInterpreterState_GET()->sysdict;
    if (v == NULL) {
        int r = PyDict_DelItemString(sd, name);
        if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            return 0;
        }
        return r;
    }
    return PyDict_SetItemString(sd, name, v);
}

static void write_to(const char *stream, PyObject *text, FILE *fallback)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *file = PySys_GetObject(stream);
    if (file == NULL || file == Py_None || PyFile_WriteObject(text, file, Py_PRINT_RAW) < 0) {
        PyErr_Clear();
        const char *s = PyUnicode_AsUTF8(text);
        if (s != NULL)
            fputs(s, fallback);
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

static void write_fmt(const char *stream, FILE *fallback, const char *format, va_list va)
{
    char buf[1001];
    vsnprintf(buf, sizeof buf, format, va);
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)strlen(buf), "replace");
    if (text != NULL) {
        write_to(stream, text, fallback);
        Py_DECREF(text);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_fmt("stdout", stdout, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_fmt("stderr", stderr, format, va);
    va_end(va);
}

static void format_to(const char *stream, FILE *fallback, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_FromFormatV(format, va);
    if (text != NULL) {
        write_to(stream, text, fallback);
        Py_DECREF(text);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_to("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_to("stderr", stderr, format, va);
    va_end(va);
}

int PySys_Audit(const char *event, const char *argFormat, ...)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *hooks = interp->audit_hooks;
    if (hooks == NULL || PyList_GET_SIZE(hooks) == 0)
        return 0;
    PyObject *args;
    if (argFormat == NULL || !*argFormat) {
        args = PyTuple_New(0);
    }
    else {
        va_list va;
        va_start(va, argFormat);
        args = Py_VaBuildValue(argFormat, va);
        va_end(va);
        if (args != NULL && !PyTuple_Check(args)) {
            PyObject *t = PyTuple_Pack(1, args);
            Py_DECREF(args);
            args = t;
        }
    }
    if (args == NULL)
        return -1;
    PyObject *ev = PyUnicode_FromString(event);
    if (ev == NULL) {
        Py_DECREF(args);
        return -1;
    }
    PyObject *snapshot = PyList_GetSlice(hooks, 0, PyList_GET_SIZE(hooks));
    int rc = 0;
    for (Py_ssize_t i = 0; snapshot && i < PyList_GET_SIZE(snapshot); i++) {
        PyObject *r = PyObject_CallFunctionObjArgs(PyList_GET_ITEM(snapshot, i), ev, args, NULL);
        if (r == NULL) {
            rc = -1;
            break;
        }
        Py_DECREF(r);
    }
    if (snapshot == NULL)
        rc = -1;
    Py_XDECREF(snapshot);
    Py_DECREF(ev);
    Py_DECREF(args);
    return rc;
}

/* ---- struct sequences ------------------------------------------------------------- */

static PyTypeObject FlagsType, VersionInfoType, HashInfoType, IntInfoType, ThreadInfoType,
    UnraisableHookArgsType, AsyncGenHooksType;

static PyStructSequence_Field flags_fields[] = {
    {"debug", NULL}, {"inspect", NULL}, {"interactive", NULL}, {"optimize", NULL},
    {"dont_write_bytecode", NULL}, {"no_user_site", NULL}, {"no_site", NULL},
    {"ignore_environment", NULL}, {"verbose", NULL}, {"bytes_warning", NULL},
    {"quiet", NULL}, {"hash_randomization", NULL}, {"isolated", NULL}, {"dev_mode", NULL},
    {"utf8_mode", NULL}, {"warn_default_encoding", NULL}, {"safe_path", NULL},
    {"int_max_str_digits", NULL}, {NULL, NULL}};
static PyStructSequence_Desc flags_desc = {"sys.flags", "Flags provided through command line arguments or environment vars.", flags_fields, 18};

static PyStructSequence_Field version_info_fields[] = {
    {"major", NULL}, {"minor", NULL}, {"micro", NULL}, {"releaselevel", NULL},
    {"serial", NULL}, {NULL, NULL}};
static PyStructSequence_Desc version_info_desc = {"sys.version_info", "Version information as a named tuple.", version_info_fields, 5};

static PyStructSequence_Field hash_info_fields[] = {
    {"width", NULL}, {"modulus", NULL}, {"inf", NULL}, {"nan", NULL}, {"imag", NULL},
    {"algorithm", NULL}, {"hash_bits", NULL}, {"seed_bits", NULL}, {"cutoff", NULL},
    {NULL, NULL}};
static PyStructSequence_Desc hash_info_desc = {"sys.hash_info", "Hash parameters.", hash_info_fields, 9};

static PyStructSequence_Field int_info_fields[] = {
    {"bits_per_digit", NULL}, {"sizeof_digit", NULL}, {"default_max_str_digits", NULL},
    {"str_digits_check_threshold", NULL}, {NULL, NULL}};
static PyStructSequence_Desc int_info_desc = {"sys.int_info", "Internal representation of integers.", int_info_fields, 4};

static PyStructSequence_Field thread_info_fields[] = {
    {"name", NULL}, {"lock", NULL}, {"version", NULL}, {NULL, NULL}};
static PyStructSequence_Desc thread_info_desc = {"sys.thread_info", "Thread implementation information.", thread_info_fields, 3};

static PyStructSequence_Field unraisable_fields[] = {
    {"exc_type", NULL}, {"exc_value", NULL}, {"exc_traceback", NULL}, {"err_msg", NULL},
    {"object", NULL}, {NULL, NULL}};
static PyStructSequence_Desc unraisable_desc = {"UnraisableHookArgs", "Arguments of sys.unraisablehook.", unraisable_fields, 5};

static PyStructSequence_Field asyncgen_fields[] = {
    {"firstiter", NULL}, {"finalizer", NULL}, {NULL, NULL}};
static PyStructSequence_Desc asyncgen_desc = {"asyncgen_hooks", NULL, asyncgen_fields, 2};

static int init_structseq_types(void)
{
    if (PyStructSequence_InitType2(&FlagsType, &flags_desc) < 0 ||
        PyStructSequence_InitType2(&VersionInfoType, &version_info_desc) < 0 ||
        PyStructSequence_InitType2(&HashInfoType, &hash_info_desc) < 0 ||
        PyStructSequence_InitType2(&IntInfoType, &int_info_desc) < 0 ||
        PyStructSequence_InitType2(&ThreadInfoType, &thread_info_desc) < 0 ||
        PyStructSequence_InitType2(&UnraisableHookArgsType, &unraisable_desc) < 0 ||
        PyStructSequence_InitType2(&AsyncGenHooksType, &asyncgen_desc) < 0)
        return -1;
    /* Like CPython, these are informational singletons that cannot be instantiated. */
    FlagsType.tp_new = NULL;
    VersionInfoType.tp_new = NULL;
    HashInfoType.tp_new = NULL;
    IntInfoType.tp_new = NULL;
    ThreadInfoType.tp_new = NULL;
    return 0;
}

/* Fills a struct sequence from a Py_BuildValue format, one unit per field. */
static PyObject *make_seq(PyTypeObject *type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *t = Py_VaBuildValue(fmt, va);
    va_end(va);
    if (t == NULL)
        return NULL;
    PyObject *seq = PyStructSequence_New(type);
    if (seq == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++)
        PyStructSequence_SetItem(seq, i, Py_NewRef(PyTuple_GET_ITEM(t, i)));
    Py_DECREF(t);
    return seq;
}

PyObject *_PySys_MakeUnraisableHookArgs(PyObject *exc, PyObject *err_msg, PyObject *obj)
{
    PyObject *tb = exc ? PyException_GetTraceback(exc) : NULL;
    PyObject *r = make_seq(&UnraisableHookArgsType, "(OOOOO)",
                           exc ? (PyObject *)Py_TYPE(exc) : Py_None, exc ? exc : Py_None,
                           tb ? tb : Py_None, err_msg ? err_msg : Py_None,
                           obj ? obj : Py_None);
    Py_XDECREF(tb);
    return r;
}

static PyObject *make_flags(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int hash_rand = _PyRuntime.hash.use_hash_seed == 0 || _PyRuntime.hash.hash_seed != 0;
    return make_seq(&FlagsType, "(iiiiiiiiiiiiiOiiOi)", 0, interp->config.inspect,
                    interp->config.interactive, interp->config.optimize,
                    interp->config.dont_write_bytecode, interp->config.no_user_site,
                    interp->config.no_site, interp->config.ignore_environment,
                    interp->config.verbose, interp->config.bytes_warning, interp->config.quiet,
                    hash_rand, interp->config.isolated,
                    interp->config.dev_mode ? Py_True : Py_False, interp->config.utf8_mode,
                    interp->config.warn_default_encoding,
                    interp->config.safe_path ? Py_True : Py_False,
                    interp->int_max_str_digits);
}

/* ---- trace and profile trampolines ------------------------------------------------- */

static const char *const event_names[] = {"call", "exception", "line", "return",
                                          "c_call", "c_exception", "c_return", "opcode"};

static PyObject *call_trampoline(PyObject *callback, PyFrameObject *frame, int what,
                                 PyObject *arg)
{
    PyObject *ev = PyUnicode_FromString(event_names[what]);
    if (ev == NULL)
        return NULL;
    PyObject *args[3] = {(PyObject *)frame, ev, arg ? arg : Py_None};
    PyObject *r = PyObject_Vectorcall(callback, args, 3, NULL);
    Py_DECREF(ev);
    return r;
}

static int profile_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *r = call_trampoline(self, frame, what, arg);
    if (r == NULL) {
        PyEval_SetProfile(NULL, NULL);
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

static int trace_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *callback = what == PyTrace_CALL ? self : frame->f_trace;
    if (callback == NULL)
        return 0;
    PyObject *r = call_trampoline(callback, frame, what, arg);
    if (r == NULL) {
        PyEval_SetTrace(NULL, NULL);
        Py_CLEAR(frame->f_trace);
        return -1;
    }
    if (r != Py_None)
        Py_XSETREF(frame->f_trace, r);
    else
        Py_DECREF(r);
    return 0;
}

/* ---- methods ----------------------------------------------------------------------- */

static PyObject *sys_settrace(PyObject *m, PyObject *func)
{
    if (func == Py_None)
        PyEval_SetTrace(NULL, NULL);
    else
        PyEval_SetTrace(trace_trampoline, func);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_gettrace(PyObject *m, PyObject *unused)
{
    PyObject *t = _PyThreadState_GET()->c_traceobj;
    return Py_NewRef(t ? t : Py_None);
}

static PyObject *sys_setprofile(PyObject *m, PyObject *func)
{
    if (func == Py_None)
        PyEval_SetProfile(NULL, NULL);
    else
        PyEval_SetProfile(profile_trampoline, func);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_getprofile(PyObject *m, PyObject *unused)
{
    PyObject *t = _PyThreadState_GET()->c_profileobj;
    return Py_NewRef(t ? t : Py_None);
}

static PyObject *sys_exit(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("exit", nargs, 0, 1))
        return NULL;
    PyErr_SetObject(PyExc_SystemExit, nargs ? args[0] : Py_None);
    return NULL;
}

static PyObject *sys_exc_info(PyObject *m, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL)
        return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = Py_BuildValue("(OOO)", Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return r;
}

static PyObject *sys_exception(PyObject *m, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();
    return exc ? exc : Py_NewRef(Py_None);
}

static PyObject *sys_excepthook(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3))
        return NULL;
    PyErr_Display(args[0], args[1], args[2]);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_displayhook(PyObject *m, PyObject *o)
{
    return _PyRun_DisplayHookDefault(o);
}

static PyObject *sys_unraisablehook(PyObject *m, PyObject *args)
{
    if (!PyObject_TypeCheck(args, &UnraisableHookArgsType)) {
        PyErr_SetString(PyExc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    PyObject *exc = PyStructSequence_GetItem(args, 1);
    PyObject *msg = PyStructSequence_GetItem(args, 3);
    PyObject *obj = PyStructSequence_GetItem(args, 4);
    const char *cmsg = NULL;
    if (msg != NULL && msg != Py_None) {
        cmsg = PyUnicode_AsUTF8(msg);
        if (cmsg == NULL)
            return NULL;
    }
    if (_PyErr_WriteUnraisableDefault(exc, cmsg, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_breakpointhook(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    const char *env = getenv("PYTHONBREAKPOINT");
    if (env != NULL && strcmp(env, "0") == 0)
        Py_RETURN_NONE;
    const char *target = env && *env ? env : "pdb.set_trace";
    const char *dot = strrchr(target, '.');
    PyObject *modname = dot ? PyUnicode_FromStringAndSize(target, dot - target)
                            : PyUnicode_FromString("builtins");
    if (modname == NULL)
        return NULL;
    PyObject *mod = PyImport_Import(modname);
    Py_DECREF(modname);
    PyObject *hook = mod ? PyObject_GetAttrString(mod, dot ? dot + 1 : target) : NULL;
    Py_XDECREF(mod);
    if (hook == NULL) {
        PyErr_Clear();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                             "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", target) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    PyObject *r = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

static PyObject *sys_getrecursionlimit(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(_PyInterpreterState_GET()->ceval.recursion_limit);
}

static PyObject *sys_setrecursionlimit(PyObject *m, PyObject *arg)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    PyThreadState *ts = _PyThreadState_GET();
    int depth = ts->py_recursion_limit - ts->py_recursion_remaining;
    if (depth >= v) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion depth %i: "
                     "the limit is too low",
                     (int)v, depth);
        return NULL;
    }
    Py_SetRecursionLimit((int)v);
    Py_RETURN_NONE;
}

static PyObject *sys_getsizeof(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"object", "default", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "getsizeof", kwlist, 1, 2, 0, a) < 0)
        return NULL;
    PyObject *o = a[0], *dflt = a[1];
    PyObject *meth = _PyObject_LookupSpecial(o, _Py_ID(__sizeof__));
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(o)->tp_name);
    }
    PyObject *res = meth ? PyObject_CallNoArgs(meth) : NULL;
    Py_XDECREF(meth);
    if (res == NULL) {
        if (dflt != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    Py_ssize_t size = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    if (size == -1 && PyErr_Occurred()) {
        if (dflt != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    if (PyObject_IS_GC(o))
        size += (Py_ssize_t)sizeof(PyGC_Head);
    if (Py_TYPE(o)->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        size += 2 * (Py_ssize_t)sizeof(PyObject *);
    return PyLong_FromSsize_t(size);
}

static PyObject *sys_getrefcount(PyObject *m, PyObject *o)
{
    return PyLong_FromSsize_t(Py_REFCNT(o));
}

static PyObject *sys_intern(PyObject *m, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    if (!PyUnicode_CheckExact(s)) {
        PyErr_Format(PyExc_TypeError, "can't intern %.200s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *sys_is_interned(PyObject *m, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "_is_interned() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(PyUnicode_CHECK_INTERNED(s) != 0);
}

static PyObject *sys_getdefaultencoding(PyObject *m, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencoding(PyObject *m, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencodeerrors(PyObject *m, PyObject *unused)
{
    return PyUnicode_FromString("surrogateescape");
}

static PyObject *sys_get_int_max_str_digits(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(_PyInterpreterState_GET()->int_max_str_digits);
}

static int refresh_flags(void)
{
    PyObject *flags = make_flags();
    if (flags == NULL)
        return -1;
    int r = PySys_SetObject("flags", flags);
    Py_DECREF(flags);
    return r;
}

static PyObject *sys_set_int_max_str_digits(PyObject *m, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"maxdigits", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "set_int_max_str_digits", kwlist, 1,
                                  1, 0, a) < 0)
        return NULL;
    int v = PyLong_AsInt(a[0]);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (v != 0 && v < _PY_LONG_MAX_STR_DIGITS_THRESHOLD) {
        PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d",
                     _PY_LONG_MAX_STR_DIGITS_THRESHOLD);
        return NULL;
    }
    /* sys.flags.int_max_str_digits keeps its start-up value, as in CPython. */
    _PyInterpreterState_GET()->int_max_str_digits = v;
    Py_RETURN_NONE;
}

static PyObject *sys_getswitchinterval(PyObject *m, PyObject *unused)
{
    return PyFloat_FromDouble(_PyInterpreterState_GET()->switch_interval);
}

static PyObject *sys_setswitchinterval(PyObject *m, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    if (d <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    /* Stored with microsecond resolution like CPython's GIL interval. */
    long us = (long)(d * 1e6);
    if (us < 1)
        us = 1;
    _PyInterpreterState_GET()->switch_interval = (double)us / 1e6;
    /* The lock keeps its own copy for waiters; update it now rather than at the next
     * release, so a thread already waiting uses the new interval. */
    _KrEval_SetSwitchInterval((double)us / 1e6);
    Py_RETURN_NONE;
}

static PyObject *sys_audit(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->audit_hooks == NULL || PyList_GET_SIZE(interp->audit_hooks) == 0)
        Py_RETURN_NONE;
    PyObject *tup = _PyTuple_FromArray(args + 1, nargs - 1);
    if (tup == NULL)
        return NULL;
    PyObject *hooks = PyList_GetSlice(interp->audit_hooks, 0, PY_SSIZE_T_MAX);
    for (Py_ssize_t i = 0; hooks && i < PyList_GET_SIZE(hooks); i++) {
        PyObject *r = PyObject_CallFunctionObjArgs(PyList_GET_ITEM(hooks, i), args[0], tup, NULL);
        if (r == NULL) {
            Py_DECREF(hooks);
            Py_DECREF(tup);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_XDECREF(hooks);
    Py_DECREF(tup);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_addaudithook(PyObject *m, PyObject *hook)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (PySys_Audit("sys.addaudithook", NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    if (interp->audit_hooks == NULL && (interp->audit_hooks = PyList_New(0)) == NULL)
        return NULL;
    if (PyList_Append(interp->audit_hooks, hook) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_is_finalizing(PyObject *m, PyObject *unused)
{
    return PyBool_FromLong(_PyRuntime.finalizing);
}

static PyObject *sys_getframe(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_getframe", nargs, 0, 1))
        return NULL;
    int depth = 0;
    if (nargs) {
        depth = PyLong_AsInt(args[0]);
        if (depth == -1 && PyErr_Occurred())
            return NULL;
    }
    PyThreadState *ts = _PyThreadState_GET();
    _PyInterpreterFrame *f = _PyFrame_GetFirstComplete(ts->current_frame);
    while (depth > 0 && f != NULL) {
        f = _PyFrame_GetFirstComplete(f->previous);
        depth--;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    if (fo == NULL)
        return NULL;
    return Py_NewRef(fo);
}

static PyObject *sys_getframemodulename(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                        PyObject *kwnames)
{
    static const char *const kwlist[] = {"depth", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "_getframemodulename", kwlist, 0, 1,
                                  0, a) < 0)
        return NULL;
    int depth = 0;
    if (a[0] != NULL && (depth = PyLong_AsInt(a[0])) == -1 && PyErr_Occurred())
        return NULL;
    _PyInterpreterFrame *f = _PyFrame_GetFirstComplete(_PyThreadState_GET()->current_frame);
    while (depth > 0 && f != NULL) {
        f = _PyFrame_GetFirstComplete(f->previous);
        depth--;
    }
    if (f == NULL || f->f_funcobj == NULL || !PyFunction_Check(f->f_funcobj))
        Py_RETURN_NONE;
    PyObject *mod = ((PyFunctionObject *)f->f_funcobj)->func_module;
    return Py_NewRef(mod ? mod : Py_None);
}

static PyObject *sys_call_tracing(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("call_tracing", nargs, 2, 2))
        return NULL;
    if (!PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "call_tracing() argument 2 must be tuple, not %.50s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    return PyObject_Call(args[0], args[1], NULL);
}

static PyObject *sys_get_asyncgen_hooks(PyObject *m, PyObject *unused)
{
    PyThreadState *ts = _PyThreadState_GET();
    return make_seq(&AsyncGenHooksType, "(OO)",
                    ts->async_gen_firstiter ? ts->async_gen_firstiter : Py_None,
                    ts->async_gen_finalizer ? ts->async_gen_finalizer : Py_None);
}

static PyObject *sys_set_asyncgen_hooks(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                        PyObject *kwnames)
{
    static const char *const kwlist[] = {"firstiter", "finalizer", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "set_asyncgen_hooks", kwlist, 0, 2, 0,
                                  a) < 0)
        return NULL;
    PyThreadState *ts = _PyThreadState_GET();
    if (a[1] && a[1] != Py_None && !PyCallable_Check(a[1])) {
        PyErr_Format(PyExc_TypeError, "callable finalizer expected, got %.50s",
                     Py_TYPE(a[1])->tp_name);
        return NULL;
    }
    if (a[0] && a[0] != Py_None && !PyCallable_Check(a[0])) {
        PyErr_Format(PyExc_TypeError, "callable firstiter expected, got %.50s",
                     Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    if (a[1])
        Py_XSETREF(ts->async_gen_finalizer, a[1] == Py_None ? NULL : Py_NewRef(a[1]));
    if (a[0])
        Py_XSETREF(ts->async_gen_firstiter, a[0] == Py_None ? NULL : Py_NewRef(a[0]));
    Py_RETURN_NONE;
}

static PyObject *sys_getallocatedblocks(PyObject *m, PyObject *unused)
{
    return PyLong_FromSsize_t(_Py_GetAllocatedBlocks());
}

static PyObject *sys__debugmallocstats(PyObject *m, PyObject *unused)
{
    /* Python-level writes to sys.stderr may be buffered: keep the two streams in order. */
    if (_PyIO_FlushStdio() < 0)
        PyErr_Clear();
    _PyObject_DebugMallocStats(stderr);
    _KrObject_DebugTypeStats(stderr);
    fflush(stderr);
    Py_RETURN_NONE;
}

static PyObject *sys_clear_type_cache(PyObject *m, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *sys_is_gil_enabled(PyObject *m, PyObject *unused)
{
    Py_RETURN_TRUE;
}

static PyObject *sys_get_coroutine_origin_tracking_depth(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(_PyThreadState_GET()->eval.coroutine_origin_tracking_depth);
}

/* cr_origin for a coroutine being created by a call from the current frame: one
 * (filename, lineno, function name) entry per frame, innermost first, up to the thread's
 * tracking depth. Coroutine creation calls this only when the depth is positive. */
PyObject *_KrSys_CoroOrigin(PyThreadState *tstate)
{
    int depth = tstate->eval.coroutine_origin_tracking_depth;
    int n = 0;
    for (_PyInterpreterFrame *f = _PyFrame_GetFirstComplete(tstate->current_frame);
         f != NULL && n < depth; f = _PyFrame_GetFirstComplete(f->previous))
        n++;
    PyObject *res = PyTuple_New(n);
    if (res == NULL)
        return NULL;
    _PyInterpreterFrame *f = _PyFrame_GetFirstComplete(tstate->current_frame);
    for (int i = 0; i < n; i++, f = _PyFrame_GetFirstComplete(f->previous)) {
        PyCodeObject *co = f->f_code;
        PyObject *entry = Py_BuildValue("(OiO)", co->co_filename, _PyFrame_GetLineNumber(f),
                                        co->co_name);
        if (entry == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        PyTuple_SET_ITEM(res, i, entry);
    }
    return res;
}

/* The depth is per thread, as in CPython; coroutine creation reads it from the thread
 * state to decide how many frames to record in cr_origin. */
static PyObject *sys_set_coroutine_origin_tracking_depth(PyObject *m, PyObject *const *args,
                                                         Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"depth", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "set_coroutine_origin_tracking_depth",
                                  kwlist, 1, 1, 0, a) < 0)
        return NULL;
    int depth = PyLong_AsInt(a[0]);
    if (depth == -1 && PyErr_Occurred())
        return NULL;
    if (depth < 0) {
        PyErr_SetString(PyExc_ValueError, "depth must be >= 0");
        return NULL;
    }
    _PyThreadState_GET()->eval.coroutine_origin_tracking_depth = depth;
    Py_RETURN_NONE;
}

static PyObject *sys_getunicodeinternedsize(PyObject *m, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"_only_immortal", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "getunicodeinternedsize", kwlist, 0,
                                  0, 1, a) < 0)
        return NULL;
    if (a[0] != NULL && PyObject_IsTrue(a[0]) < 0)
        return NULL;
    /* Every interned string is immortal here, so _only_immortal changes nothing. */
    PyObject *table = _PyRuntime.interned;
    return PyLong_FromSsize_t(table != NULL ? PyDict_GET_SIZE(table) : 0);
}

/* Krait loads no extension modules, so the flags are only remembered (per interpreter,
 * in its scratch dict) for code that reads them back. */
#define KR_DLOPENFLAGS_KEY "_kr_dlopenflags"
#define KR_DLOPENFLAGS_DEFAULT 2 /* RTLD_NOW */

static PyObject *sys_getdlopenflags(PyObject *m, PyObject *unused)
{
    PyObject *d = _PyInterpreterState_GET()->dict;
    PyObject *v = NULL;
    if (d != NULL && PyDict_GetItemStringRef(d, KR_DLOPENFLAGS_KEY, &v) < 0)
        return NULL;
    return v != NULL ? v : PyLong_FromLong(KR_DLOPENFLAGS_DEFAULT);
}

static PyObject *sys_setdlopenflags(PyObject *m, PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->dict == NULL && (interp->dict = PyDict_New()) == NULL)
        return NULL;
    PyObject *v = PyLong_FromLong(flags);
    if (v == NULL || PyDict_SetItemString(interp->dict, KR_DLOPENFLAGS_KEY, v) < 0) {
        Py_XDECREF(v);
        return NULL;
    }
    Py_DECREF(v);
    Py_RETURN_NONE;
}

/* There is no perf-map support, so the trampolines behave as in a CPython built
 * without it: never active, and activation fails for every backend. */
static PyObject *sys_is_stack_trampoline_active(PyObject *m, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static PyObject *sys_activate_stack_trampoline(PyObject *m, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "activate_stack_trampoline() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (s == NULL)
        return NULL;
    if ((size_t)len != strlen(s)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "perf trampoline not available");
    return NULL;
}

static PyObject *sys_deactivate_stack_trampoline(PyObject *m, PyObject *unused)
{
    Py_RETURN_NONE;
}

#define FAST(f) _PyCFunction_CAST(f), METH_FASTCALL
#define FASTKW(f) _PyCFunction_CAST(f), METH_FASTCALL | METH_KEYWORDS
static PyMethodDef sys_methods[] = {
    {"settrace", sys_settrace, METH_O, NULL},
    {"gettrace", sys_gettrace, METH_NOARGS, NULL},
    {"setprofile", sys_setprofile, METH_O, NULL},
    {"getprofile", sys_getprofile, METH_NOARGS, NULL},
    {"exit", FAST(sys_exit), NULL},
    {"exc_info", sys_exc_info, METH_NOARGS, NULL},
    {"exception", sys_exception, METH_NOARGS, NULL},
    {"excepthook", FAST(sys_excepthook), NULL},
    {"displayhook", sys_displayhook, METH_O, NULL},
    {"unraisablehook", sys_unraisablehook, METH_O, NULL},
    {"breakpointhook", FASTKW(sys_breakpointhook), NULL},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, NULL},
    {"getsizeof", FASTKW(sys_getsizeof), NULL},
    {"getrefcount", sys_getrefcount, METH_O, NULL},
    {"intern", sys_intern, METH_O, NULL},
    {"_is_interned", sys_is_interned, METH_O, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_NOARGS, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS, NULL},
    {"set_int_max_str_digits", FASTKW(sys_set_int_max_str_digits), NULL},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, METH_O, NULL},
    {"audit", FAST(sys_audit), NULL},
    {"addaudithook", sys_addaudithook, METH_O, NULL},
    {"is_finalizing", sys_is_finalizing, METH_NOARGS, NULL},
    {"_getframe", FAST(sys_getframe), NULL},
    {"_getframemodulename", FASTKW(sys_getframemodulename), NULL},
    {"call_tracing", FAST(sys_call_tracing), NULL},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, METH_NOARGS, NULL},
    {"set_asyncgen_hooks", FASTKW(sys_set_asyncgen_hooks), NULL},
    {"getallocatedblocks", sys_getallocatedblocks, METH_NOARGS, NULL},
    {"_debugmallocstats", sys__debugmallocstats, METH_NOARGS, NULL},
    {"_clear_type_cache", sys_clear_type_cache, METH_NOARGS, NULL},
    {"_clear_internal_caches", sys_clear_type_cache, METH_NOARGS, NULL},
    {"_is_gil_enabled", sys_is_gil_enabled, METH_NOARGS, NULL},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, METH_NOARGS, NULL},
    {"set_coroutine_origin_tracking_depth", FASTKW(sys_set_coroutine_origin_tracking_depth), NULL},
    {"getunicodeinternedsize", FASTKW(sys_getunicodeinternedsize), NULL},
    {"getdlopenflags", sys_getdlopenflags, METH_NOARGS, NULL},
    {"setdlopenflags", sys_setdlopenflags, METH_O, NULL},
    {"is_stack_trampoline_active", sys_is_stack_trampoline_active, METH_NOARGS, NULL},
    {"activate_stack_trampoline", sys_activate_stack_trampoline, METH_O, NULL},
    {"deactivate_stack_trampoline", sys_deactivate_stack_trampoline, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sysmodule = {
    PyModuleDef_HEAD_INIT, "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    -1, sys_methods, NULL, NULL, NULL, NULL,
};

static int set_new(PyObject *d, const char *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, name, v);
    Py_DECREF(v);
    return r;
}

static PyObject *make_implementation(PyObject *version_info)
{
    PyObject *ns = PyDict_New();
    if (ns == NULL)
        return NULL;
    if (set_new(ns, "name", PyUnicode_FromString("krait")) < 0 ||
        set_new(ns, "cache_tag", Py_NewRef(Py_None)) < 0 ||
        PyDict_SetItemString(ns, "version", version_info) < 0 ||
        set_new(ns, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0 ||
        set_new(ns, "_multiarch", PyUnicode_FromString("x86_64-linux-gnu")) < 0) {
        Py_DECREF(ns);
        return NULL;
    }
    PyObject *r = _PyNamespace_New(ns);
    Py_DECREF(ns);
    return r;
}

PyObject *_PySys_Create(void)
{
    if (init_structseq_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&sysmodule);
    if (m == NULL)
        return NULL;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *d = PyModule_GetDict(m);
    /* The hooks are also kept under their dunder names to allow restoring them. */
    static const char *const hooks[] = {"displayhook", "excepthook", "unraisablehook",
                                        "breakpointhook"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(hooks); i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "__%s__", hooks[i]);
        PyObject *h = PyDict_GetItemString(d, hooks[i]);
        if (h == NULL || PyDict_SetItemString(d, buf, h) < 0)
            goto error;
    }
    PyObject *vi = make_seq(&VersionInfoType, "(iiisi)", PY_MAJOR_VERSION, PY_MINOR_VERSION,
                            PY_MICRO_VERSION, "final", PY_RELEASE_SERIAL);
    if (vi == NULL)
        goto error;
    if (PyDict_SetItemString(d, "version_info", vi) < 0) {
        Py_DECREF(vi);
        goto error;
    }
    int r = set_new(d, "implementation", make_implementation(vi));
    Py_DECREF(vi);
    if (r < 0)
        goto error;
    if (PyDict_SetItemString(d, "modules", interp->imports.modules) < 0 ||
        set_new(d, "version", PyUnicode_FromString(Py_GetVersion())) < 0 ||
        set_new(d, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0 ||
        set_new(d, "api_version", PyLong_FromLong(1013)) < 0 ||
        set_new(d, "copyright", PyUnicode_FromString("Copyright (c) the Krait authors.")) < 0 ||
        set_new(d, "platform", PyUnicode_FromString("linux")) < 0 ||
        set_new(d, "maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)) < 0 ||
        set_new(d, "maxunicode", PyLong_FromLong(0x10FFFF)) < 0 ||
        set_new(d, "byteorder", PyUnicode_FromString("little")) < 0 ||
        set_new(d, "float_info", PyFloat_GetInfo()) < 0 ||
        set_new(d, "float_repr_style", PyUnicode_FromString("short")) < 0 ||
        set_new(d, "int_info", make_seq(&IntInfoType, "(iiii)", PyLong_SHIFT,
                                        (int)sizeof(digit), _PY_LONG_DEFAULT_MAX_STR_DIGITS,
                                        _PY_LONG_MAX_STR_DIGITS_THRESHOLD)) < 0 ||
        set_new(d, "hash_info", make_seq(&HashInfoType, "(iniiisiii)", 64,
                                         (Py_ssize_t)_PyHASH_MODULUS, _PyHASH_INF, 0,
                                         (int)_PyHASH_IMAG, "siphash13", 64, 128, 0)) < 0 ||
        set_new(d, "thread_info", make_seq(&ThreadInfoType, "(ssO)", "pthread", "mutex+cond",
                                           Py_None)) < 0 ||
        set_new(d, "abiflags", PyUnicode_FromString("")) < 0 ||
        set_new(d, "platlibdir", PyUnicode_FromString("lib")) < 0 ||
        set_new(d, "prefix", PyUnicode_FromString("/usr/local")) < 0 ||
        set_new(d, "base_prefix", PyUnicode_FromString("/usr/local")) < 0 ||
        set_new(d, "exec_prefix", PyUnicode_FromString("/usr/local")) < 0 ||
        set_new(d, "base_exec_prefix", PyUnicode_FromString("/usr/local")) < 0 ||
        PyDict_SetItemString(d, "pycache_prefix", Py_None) < 0 ||
        set_new(d, "builtin_module_names", _PyImport_BuiltinModuleNames()) < 0 ||
        set_new(d, "stdlib_module_names", _PyErr_StdlibModuleNames()) < 0 ||
        set_new(d, "path", PyList_New(0)) < 0 ||
        set_new(d, "argv", PyList_New(0)) < 0 ||
        set_new(d, "orig_argv", PyList_New(0)) < 0 ||
        set_new(d, "warnoptions", PyList_New(0)) < 0 ||
        set_new(d, "_xoptions", PyDict_New()) < 0 ||
        set_new(d, "executable", PyUnicode_FromString("")) < 0 ||
        PyDict_SetItemString(d, "dont_write_bytecode", Py_False) < 0 ||
        set_new(d, "flags", make_flags()) < 0)
        goto error;
    if (_PyImport_InitSysHooks(d) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}

int _PySys_UpdateConfig(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *d = interp->sysdict;
    PyObject *argv = PyList_GetSlice(interp->config.argv, 0, PY_SSIZE_T_MAX);
    PyObject *orig = PyList_GetSlice(interp->config.orig_argv, 0, PY_SSIZE_T_MAX);
    PyObject *wo = PyList_GetSlice(interp->config.warnoptions, 0, PY_SSIZE_T_MAX);
    PyObject *xo = PyDict_Copy(interp->config.xoptions);
    if (PyList_GET_SIZE(argv ? argv : interp->config.argv) == 0 && argv != NULL) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || PyList_Append(argv, empty) < 0) {
            Py_XDECREF(empty);
            goto error;
        }
        Py_DECREF(empty);
    }
    if (set_new(d, "argv", argv) < 0)
        goto error2;
    argv = NULL;
    if (set_new(d, "orig_argv", orig) < 0)
        goto error2;
    orig = NULL;
    if (set_new(d, "warnoptions", wo) < 0)
        goto error2;
    wo = NULL;
    if (set_new(d, "_xoptions", xo) < 0)
        goto error2;
    xo = NULL;
    if (interp->config.executable != NULL) {
        if (PyDict_SetItemString(d, "executable", interp->config.executable) < 0 ||
            PyDict_SetItemString(d, "_base_executable", interp->config.executable) < 0)
            goto error2;
    }
    if (PyDict_SetItemString(d, "dont_write_bytecode",
                             interp->config.dont_write_bytecode ? Py_True : Py_False) < 0)
        goto error2;
    return refresh_flags();
error:
    Py_XDECREF(argv);
    Py_XDECREF(orig);
    Py_XDECREF(wo);
    Py_XDECREF(xo);
error2:
    return -1;
}

static int append_path(PyObject *path, PyObject *entry)
{
    if (entry == NULL)
        return -1;
    int r = PyList_Append(path, entry);
    Py_DECREF(entry);
    return r;
}

int _PySys_SetPath(PyObject *script_dir, int use_env)
{
    PyObject *path = PyList_New(0);
    if (path == NULL)
        return -1;
    if (script_dir != NULL && append_path(path, Py_NewRef(script_dir)) < 0)
        goto error;
    const char *pp = use_env ? getenv("PYTHONPATH") : NULL;
    if (pp != NULL && *pp) {
        const char *p = pp;
        for (;;) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            if (n > 0) {
                PyObject *e = PyUnicode_DecodeFSDefaultAndSize(p, (Py_ssize_t)n);
                if (append_path(path, e) < 0)
                    goto error;
            }
            if (!colon)
                break;
            p = colon + 1;
        }
    }
    /* The standard library frozen into the binary is searched last. */
    if (append_path(path, PyUnicode_FromString("<frozen>")) < 0)
        goto error;
    int r = PySys_SetObject("path", path);
    Py_DECREF(path);
    return r;
error:
    Py_DECREF(path);
    return -1;
}

PyObject *PyInit_sys(void)
{
    PyObject *m = _PyInterpreterState_GET()->sys_module;
    if (m == NULL) {
        PyErr_SetString(PyExc_ImportError, "sys is created during start-up");
        return NULL;
    }
    return Py_NewRef(m);
}

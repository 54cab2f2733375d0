/* Interpreter start-up and shut-down.
 *
 * Start-up is split in a core part (runtime state, hash secret, static types, the
 * builtins and sys modules) and a main part (stdio, sys.path, __main__, signals), so
 * that the command line can fill interp->config in between. Shut-down runs atexit
 * callbacks, flushes stdio, tears modules down in reverse import order and collects
 * the resulting garbage so that nothing is left allocated. */
#include <pthread.h>
#include <string.h>
#include "Python.h"
#include "internal/pycore_inithooks.h"

PyObject *PyInit_builtins(void);
void _PyGC_Fini(void);

static int run_hook(int (*fn)(void), const char *name)
{
    if (fn() < 0) {
        if (PyErr_Occurred())
            PyErr_Print();
        fprintf(stderr, "Fatal Python error: init: %s failed\n", name);
        return -1;
    }
    return 0;
}

static PyObject *dict_of(PyObject *mod)
{
    PyObject *d = PyModule_GetDict(mod);
    return d;
}

int _Py_InitializeCore(int ignore_environment)
{
    if (_PyRuntime.core_initialized)
        return 0;
    _PyRuntime.main_thread = (unsigned long)pthread_self();
    PyInterpreterState *interp = PyInterpreterState_New();
    if (interp == NULL)
        return -1;
    PyThreadState *ts = PyThreadState_New(interp);
    if (ts == NULL)
        return -1;
    PyThreadState_Swap(ts);

    const char *seed = ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    if (seed != NULL && *seed == '\0')
        seed = NULL;
    if (_Py_HashRandomization_Init(seed) < 0) {
        fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer "
                        "in range [0; 4294967295]\n");
        return -1;
    }

#define KR_RUN_HOOK(fn) if (run_hook(fn, #fn) < 0) return -1;
    KR_INIT_HOOKS_PHASE1(KR_RUN_HOOK)
    /* Everything start-up creates lives until shut-down: a young collection over it would
     * find nothing (see _Py_InitializeMain). Stress mode keeps collecting, to check it.
     * (The collector's state exists by now: phase 1 allocated containers.) */
    if (interp->gc.stress_interval == 0)
        PyGC_Disable();
    if (_PyTypes_InitTypes() < 0) {
        fprintf(stderr, "Fatal Python error: init: readying the built-in types failed\n");
        return -1;
    }
    KR_INIT_HOOKS_PHASE2(KR_RUN_HOOK)
#undef KR_RUN_HOOK

    interp->dict = PyDict_New();
    interp->imports.modules = PyDict_New();
    if (interp->dict == NULL || interp->imports.modules == NULL)
        goto error;
    interp->config.xoptions = PyDict_New();
    interp->config.warnoptions = PyList_New(0);
    interp->config.argv = PyList_New(0);
    interp->config.orig_argv = PyList_New(0);
    if (!interp->config.xoptions || !interp->config.warnoptions || !interp->config.argv ||
        !interp->config.orig_argv)
        goto error;
    interp->config.ignore_environment = ignore_environment;

    PyObject *bimod = PyInit_builtins();
    if (bimod == NULL)
        goto error;
    interp->builtins_module = bimod;
    interp->builtins = Py_NewRef(dict_of(bimod));
    if (PyDict_SetItemString(interp->imports.modules, "builtins", bimod) < 0)
        goto error;

    PyObject *sysmod = _PySys_Create();
    if (sysmod == NULL)
        goto error;
    interp->sys_module = sysmod;
    interp->sysdict = Py_NewRef(dict_of(sysmod));
    if (PyDict_SetItemString(interp->imports.modules, "sys", sysmod) < 0)
        goto error;
    _PyRuntime.core_initialized = 1;
    return 0;
error:
    if (PyErr_Occurred())
        PyErr_Print();
    fprintf(stderr, "Fatal Python error: init: core initialisation failed\n");
    return -1;
}

static int init_main_module(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *m = PyImport_AddModuleObject(_Py_ID(__main__));
    if (m == NULL)
        return -1;
    interp->main_module = Py_NewRef(m);
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_SetItemString(d, "__builtins__", interp->builtins_module) < 0)
        return -1;
    PyObject *ann = PyDict_New();
    if (ann == NULL || PyDict_SetItemString(d, "__annotations__", ann) < 0) {
        Py_XDECREF(ann);
        return -1;
    }
    Py_DECREF(ann);
    static const char *const none_attrs[] = {"__doc__", "__package__", "__spec__"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(none_attrs); i++) {
        int has = PyDict_ContainsString(d, none_attrs[i]);
        if (has < 0 || (!has && PyDict_SetItemString(d, none_attrs[i], Py_None) < 0))
            return -1;
    }
    PyObject *loader = NULL;
    PyObject *imp = PyDict_GetItemString(interp->sysdict, "meta_path");
    if (imp != NULL && PyList_Check(imp) && PyList_GET_SIZE(imp) > 0)
        loader = PyList_GET_ITEM(imp, 0);
    if (PyDict_SetItemString(d, "__loader__", loader ? loader : Py_None) < 0)
        return -1;
    return 0;
}

int _Py_InitializeMain(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (_PySys_UpdateConfig() < 0)
        goto error;
    if (_PyIO_InitStdio() < 0)
        goto error;
    if (_PyWarnings_Init() < 0)
        goto error;
    if (init_main_module() < 0)
        goto error;
    if (_PyOS_InstallSignalHandlers() < 0)
        goto error;
    /* The start-up objects go straight to the oldest generation with the counts at zero,
     * as if a collection had promoted them, and collection is switched back on. */
    if (interp->gc.stress_interval == 0) {
        _PyGC_Freeze();
        _PyGC_Unfreeze();
        PyGC_Enable();
    }
    interp->initialized = 1;
    _PyRuntime.initialized = 1;
    return 0;
error:
    if (PyErr_Occurred())
        PyErr_Print();
    fprintf(stderr, "Fatal Python error: init: main initialisation failed\n");
    return -1;
}

void Py_InitializeEx(int install_sigs)
{
    (void)install_sigs;
    if (_PyRuntime.initialized)
        return;
    if (_Py_InitializeCore(0) < 0)
        Py_FatalError("core initialisation failed");
    if (_PySys_SetPath(NULL, 1) < 0 || _Py_InitializeMain() < 0)
        Py_FatalError("main initialisation failed");
}

void Py_Initialize(void)
{
    Py_InitializeEx(1);
}

int Py_IsInitialized(void)
{
    return _PyRuntime.initialized;
}

int Py_AtExit(void (*func)(void))
{
    if (_PyRuntime.nexitfuncs >= (int)Py_ARRAY_LENGTH(_PyRuntime.exitfuncs))
        return -1;
    _PyRuntime.exitfuncs[_PyRuntime.nexitfuncs++] = func;
    return 0;
}

/* The collections of shut-down after the first one are CPython's "no fail" ones: they run
 * even after gc.disable() and without calling gc.callbacks (CPython calls those only for
 * the collection made while the modules are still intact). */
static void shutdown_collect(PyInterpreterState *interp)
{
    struct _gc_runtime_state *st = &interp->gc;
    PyObject *saved = st->callbacks;
    PyObject *none = saved != NULL && PyList_GET_SIZE(saved) > 0 ? PyList_New(0) : NULL;
    if (none != NULL)
        st->callbacks = none;
    else
        PyErr_Clear();
    _PyGC_Collect(KR_NUM_GENERATIONS - 1, 0);
    if (none != NULL) {
        st->callbacks = saved;
        Py_DECREF(none);
    }
}

PyGC_Head *_PyGC_GenerationHead(int generation); /* src/memory/gc.c */
extern PyTypeObject PyTextIOWrapper_Type, PyBufferedReader_Type, PyBufferedWriter_Type,
    PyFileIO_Type;

/* The objects behind the original sys.__stdin__/__stdout__/__stderr__ (text layer, buffer,
 * raw file). Shut-down flushes them explicitly, so their finalizers have nothing left to
 * show. Borrowed references; returns how many were stored. */
static int std_stream_objects(PyInterpreterState *interp, PyObject **out)
{
    static const char *const names[] = {"__stdin__", "__stdout__", "__stderr__"};
    int n = 0;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names) && interp->sysdict != NULL; i++) {
        PyObject *text = PyDict_GetItemString(interp->sysdict, names[i]);
        if (text == NULL || !Py_IS_TYPE(text, &PyTextIOWrapper_Type))
            continue;
        out[n++] = text;
        PyObject *buf = PyObject_GetAttrString(text, "buffer");
        if (buf == NULL) {
            PyErr_Clear();
            continue;
        }
        /* Still owned by the text layer: the reference can be dropped at once. */
        Py_DECREF(buf);
        if (Py_IS_TYPE(buf, &PyFileIO_Type)) { /* -u: no buffer layer */
            out[n++] = buf;
            continue;
        }
        if (!Py_IS_TYPE(buf, &PyBufferedReader_Type) && !Py_IS_TYPE(buf, &PyBufferedWriter_Type))
            continue;
        out[n++] = buf;
        PyObject *raw = PyObject_GetAttrString(buf, "raw");
        if (raw == NULL) {
            PyErr_Clear();
            continue;
        }
        Py_DECREF(raw);
        if (Py_IS_TYPE(raw, &PyFileIO_Type))
            out[n++] = raw;
    }
    return n;
}

/* Whether the cycle collections of shut-down could make any difference the program or
 * the user can see. Freeing garbage runs code only through finalizers (__del__, a
 * suspended generator's finally blocks, io objects flushing), weakref callbacks and
 * classes' __release_buffer__; gc.callbacks, debug flags and gc.garbage make the
 * collections visible too. When none of these exists anywhere, the collections would only
 * hand memory back to a process about to exit, which is most of the cost of a short
 * program's exit: they are skipped. (Instances of a class can be untracked, so classes
 * are checked as well as tracked objects.) */
static int shutdown_gc_observable(PyInterpreterState *interp)
{
    struct _gc_runtime_state *st = &interp->gc;
    if (st->debug != 0 || (st->callbacks != NULL && PyList_GET_SIZE(st->callbacks) > 0) ||
        (st->garbage != NULL && PyList_GET_SIZE(st->garbage) > 0))
        return 1;
    PyObject *streams[9];
    int nstreams = std_stream_objects(interp, streams);
    for (int gen = -1; gen < KR_NUM_GENERATIONS; gen++) {
        PyGC_Head *head = _PyGC_GenerationHead(gen);
        /* The list links are read directly: this loop is most of the cost of exiting. */
        for (PyGC_Head *g = (PyGC_Head *)head->_gc_next; g != head;
             g = (PyGC_Head *)g->_gc_next) {
            PyObject *op = _Py_FROM_GC(g);
            PyTypeObject *tp = Py_TYPE(op);
            if (tp->tp_finalize != NULL || tp->tp_del != NULL) {
                int is_stream = 0;
                for (int i = 0; i < nstreams; i++)
                    is_stream |= streams[i] == op;
                if (!is_stream)
                    return 1;
            }
            if (PyType_Check(op)) {
                PyTypeObject *t = (PyTypeObject *)op;
                if (t->tp_finalize != NULL || t->tp_del != NULL ||
                    (t->tp_as_buffer != NULL && t->tp_as_buffer->bf_releasebuffer != NULL &&
                     (t->tp_flags & Py_TPFLAGS_HEAPTYPE)))
                    return 1;
            }
            else if ((tp == &_PyWeakref_RefType || tp == &_PyWeakref_ProxyType ||
                      tp == &_PyWeakref_CallableProxyType ||
                      ((tp->tp_flags & Py_TPFLAGS_HEAPTYPE) && PyWeakref_Check(op))) &&
                     ((PyWeakReference *)op)->wr_callback != NULL) {
                return 1;
            }
        }
    }
    return 0;
}

/* Tear modules down: drop __main__ first, then empty every module dict (newest first)
 * so that functions' globals stop keeping each other alive, collecting after each step
 * when that can be seen. */
static void finalize_modules(PyInterpreterState *interp, int collect)
{
    PyObject *modules = interp->imports.modules;
    if (modules == NULL)
        return;
    if (interp->sysdict != NULL) {
        static const char *const reset[] = {"last_exc", "last_type", "last_value",
                                            "last_traceback", "path_importer_cache",
                                            "meta_path", "path_hooks", "displayhook",
                                            "excepthook", "unraisablehook", "breakpointhook"};
        for (size_t i = 0; i < Py_ARRAY_LENGTH(reset); i++) {
            if (PyDict_ContainsString(interp->sysdict, reset[i]) == 1 &&
                PyDict_SetItemString(interp->sysdict, reset[i], Py_None) < 0)
                PyErr_Clear();
        }
    }
    Py_CLEAR(interp->main_module);
    PyObject *list = PyDict_Items(modules);
    if (list == NULL) {
        PyErr_Clear();
        return;
    }
    PyDict_Clear(modules);
    if (collect)
        shutdown_collect(interp);
    for (Py_ssize_t i = PyList_GET_SIZE(list) - 1; i >= 0; i--) {
        PyObject *pair = PyList_GET_ITEM(list, i);
        PyObject *mod = PyTuple_GET_ITEM(pair, 1);
        if (mod == interp->builtins_module || mod == interp->sys_module)
            continue;
        if (PyModule_Check(mod)) {
            PyObject *d = PyModule_GetDict(mod);
            if (d != NULL && Py_REFCNT(mod) >= 1)
                PyDict_Clear(d);
        }
    }
    Py_DECREF(list);
    PyErr_Clear();
    if (collect)
        shutdown_collect(interp);
}

/* Non-daemon threads finish before atexit handlers run: if the program imported
 * threading, its _shutdown() joins them (errors are reported, not raised). */
static void wait_for_thread_shutdown(PyInterpreterState *interp)
{
    PyObject *threading = PyDict_GetItemString(interp->imports.modules, "threading");
    if (threading == NULL)
        return;
    Py_INCREF(threading);
    PyObject *r = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (r == NULL)
        PyErr_WriteUnraisable(threading);
    Py_XDECREF(r);
    Py_DECREF(threading);
}

int Py_FinalizeEx(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || !_PyRuntime.core_initialized)
        return 0;
    PyInterpreterState *interp = ts->interp;
    int status = 0;

    wait_for_thread_shutdown(interp);
    _PyAtExit_Call();
    if (_PyIO_FlushStdio() < 0)
        status = 120;
    interp->finalizing = 1;
    _PyRuntime.finalizing = 1;
    _PyOS_RestoreSignalHandlers();

    /* No other thread runs from here on (see ceval_gil.c), so what the scan finds stays
     * true: without finalizers nothing below runs Python code. Sanitizer builds collect
     * anyway, so that leak checking sees everything released. */
    int observable = shutdown_gc_observable(interp);
    int collect = observable || KR_SANITIZER_BUILD;
    /* CPython's first shut-down collection, made while the modules are intact: the only
     * one that honours gc.disable() and calls gc.callbacks. */
    if (observable)
        PyGC_Collect();
    finalize_modules(interp, collect);
    /* Flush again: destructors run above may have printed. */
    if (_PyIO_FlushStdio() < 0)
        status = 120;
    if (interp->sysdict != NULL) {
        PyDict_Clear(interp->sysdict);
    }
    if (interp->builtins != NULL)
        PyDict_Clear(interp->builtins);
    PyErr_Clear();
    PyThreadState_Clear(ts);
    PyInterpreterState_Clear(interp);
    if (collect)
        shutdown_collect(interp);
    _PyGC_Fini();
    /* What only gc.garbage held (CPython leaves it): released for the leak checker. */
    if (KR_SANITIZER_BUILD)
        _PyGC_Collect(KR_NUM_GENERATIONS - 1, 0);

    for (int i = _PyRuntime.nexitfuncs - 1; i >= 0; i--)
        _PyRuntime.exitfuncs[i]();
    _PyRuntime.nexitfuncs = 0;

    /* Free lists live in the interpreter state: empty them before it goes away. */
    _KrTuple_ClearFreeList();
    _PyFloat_ClearFreeList();

    PyThreadState_Swap(NULL);
    PyThreadState_Delete(ts);
    PyInterpreterState_Delete(interp);
    _PyRuntime.initialized = 0;
    _PyRuntime.core_initialized = 0;
    return status;
}

void Py_Finalize(void)
{
    Py_FinalizeEx();
}

void Py_Exit(int status)
{
    if (Py_FinalizeEx() < 0 && status == 0)
        status = 120;
    exit(status);
}

void _Py_FatalErrorFunc(const char *func, const char *msg)
{
    fflush(stdout);
    if (func != NULL)
        fprintf(stderr, "Fatal Python error: %s: %s\n", func, msg);
    else
        fprintf(stderr, "Fatal Python error: %s\n", msg);
    fflush(stderr);
    abort();
}

#if defined(__clang__)
#define KR_COMPILER "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define KR_COMPILER_STR2(x) #x
#define KR_COMPILER_STR(x) KR_COMPILER_STR2(x)
#define KR_COMPILER "[GCC " KR_COMPILER_STR(__GNUC__) "." KR_COMPILER_STR(__GNUC_MINOR__) "." KR_COMPILER_STR(__GNUC_PATCHLEVEL__) "]"
#else
#define KR_COMPILER "[C compiler]"
#endif

const char *Py_GetVersion(void)
{
    return PY_VERSION " (krait " KR_VERSION ", " __DATE__ ", " __TIME__ ") " KR_COMPILER;
}

const char *Py_GetPlatform(void)
{
    return "linux";
}

/* _lsprof: the deterministic profiler behind cProfile. It installs itself as the
 * thread's C-level profile function and keeps, per function, the call counts and the
 * total and inline times, plus the same figures per (caller, callee) pair.
 *
 * Functions are keyed by identity: a Python function by its code object, a built-in
 * by its PyMethodDef (so every bound `list.append` shares one entry). A stack of
 * contexts tracks the calls in progress; a context's `subt` accumulates the time
 * spent in its callees, so inline time = total - subt. */
#include "Python.h"
#include "structseq.h"
#include "frameobject.h"
#include <stdint.h>
#include <time.h>

#define POF_ENABLED 0x1
#define POF_SUBCALLS 0x2
#define POF_BUILTINS 0x4

typedef struct {
    Py_ssize_t callee;  /* index into the profiler's entries */
    int64_t tt, it;
    long callcount, recursivecalls, level;
} SubEntry;

typedef struct {
    const void *key;
    PyObject *userobj;  /* code object, or the label string of a built-in */
    int64_t tt, it;
    long callcount, recursivecalls, level;
    SubEntry *subs;
    Py_ssize_t nsubs, capsubs;
} Entry;

typedef struct {
    Py_ssize_t entry;
    int64_t t0, subt;
} Context;

typedef struct {
    PyObject_HEAD
    Entry *entries;
    Py_ssize_t nentries, capentries;
    PyObject *index;    /* dict: int(key address) -> entry index */
    Context *stack;
    Py_ssize_t depth, capstack;
    int flags;
    PyObject *timer;    /* external timer or NULL */
    double timeunit;
} ProfilerObject;

static PyTypeObject Profiler_Type;
static PyTypeObject StatsEntry_Type;
static PyTypeObject StatsSubEntry_Type;

static PyStructSequence_Field entry_fields[] = {
    {"code", "code object or built-in function name"},
    {"callcount", "how many times this was called"},
    {"reccallcount", "how many times called recursively"},
    {"totaltime", "total time in this entry"},
    {"inlinetime", "inline time in this entry (not in subcalls)"},
    {"calls", "details of the calls"},
    {NULL, NULL}};

static PyStructSequence_Field subentry_fields[] = {
    {"code", "called code object or built-in function name"},
    {"callcount", "how many times this is called"},
    {"reccallcount", "how many times this is called recursively"},
    {"totaltime", "total time spent in this call"},
    {"inlinetime", "inline time (not in further subcalls)"},
    {NULL, NULL}};

static PyStructSequence_Desc entry_desc = {"_lsprof.profiler_entry", NULL, entry_fields, 6};
static PyStructSequence_Desc subentry_desc = {"_lsprof.profiler_subentry", NULL,
                                              subentry_fields, 5};

/* ---- time ------------------------------------------------------------------------ */

static int64_t now_ns(ProfilerObject *p)
{
    if (p->timer == NULL) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    }
    PyObject *o = PyObject_CallNoArgs(p->timer);
    if (o == NULL) {
        PyErr_WriteUnraisable(p->timer);
        return 0;
    }
    int64_t r;
    if (p->timeunit > 0.0) {
        /* integer ticks, scaled by timeunit in getstats() */
        r = PyLong_Check(o) ? (int64_t)PyLong_AsLongLong(o) : (int64_t)PyFloat_AsDouble(o);
    }
    else {
        double s = PyFloat_AsDouble(o);
        r = (int64_t)(s * 1e9);
    }
    Py_DECREF(o);
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(p->timer);
        return 0;
    }
    return r;
}

static double time_factor(ProfilerObject *p)
{
    if (p->timer != NULL && p->timeunit > 0.0)
        return p->timeunit;
    return 1e-9;
}

/* ---- entries ---------------------------------------------------------------------- */

/* The name CPython's profiler shows for a built-in: "<built-in method builtins.len>",
 * "<method 'append' of 'list' objects>" (the repr of the method descriptor). */
static PyObject *builtin_label(PyCFunctionObject *fn)
{
    const char *name = fn->m_ml->ml_name;
    if (fn->m_self == NULL) {
        PyObject *mod = fn->m_module;
        PyObject *modname = NULL;
        if (mod != NULL && PyUnicode_Check(mod))
            modname = Py_NewRef(mod);
        else if (mod != NULL && PyModule_Check(mod)) {
            modname = PyModule_GetNameObject(mod);
            if (modname == NULL)
                PyErr_Clear();
        }
        if (modname != NULL) {
            PyObject *r = NULL;
            if (!_PyUnicode_EqualToASCIIString(modname, "builtins"))
                r = PyUnicode_FromFormat("<%U.%s>", modname, name);
            Py_DECREF(modname);
            if (r != NULL || PyErr_Occurred())
                return r;
        }
        return PyUnicode_FromFormat("<%s>", name);
    }
    PyObject *pyname = PyUnicode_FromString(name);
    if (pyname == NULL)
        return NULL;
    PyObject *descr = _PyType_LookupRef(Py_TYPE(fn->m_self), pyname);
    Py_DECREF(pyname);
    if (descr != NULL) {
        PyObject *r = PyObject_Repr(descr);
        Py_DECREF(descr);
        if (r != NULL)
            return r;
        PyErr_Clear();
    }
    if (fn->m_module != NULL && PyUnicode_Check(fn->m_module))
        return PyUnicode_FromFormat("<built-in method %U.%s>", fn->m_module, name);
    return PyUnicode_FromFormat("<built-in method %s>", name);
}

static Py_ssize_t find_entry(ProfilerObject *p, const void *key)
{
    PyObject *k = PyLong_FromVoidPtr((void *)key);
    if (k == NULL)
        return -2;
    PyObject *v = PyDict_GetItemWithError(p->index, k);
    Py_DECREF(k);
    if (v == NULL)
        return PyErr_Occurred() ? -2 : -1;
    return PyLong_AsSsize_t(v);
}

static Py_ssize_t get_or_add_entry(ProfilerObject *p, const void *key, PyObject *obj)
{
    Py_ssize_t i = find_entry(p, key);
    if (i != -1)
        return i;
    PyObject *userobj;
    if (PyCFunction_Check(obj))
        userobj = builtin_label((PyCFunctionObject *)obj);
    else
        userobj = Py_NewRef(obj);
    if (userobj == NULL)
        return -2;
    if (p->nentries == p->capentries) {
        Py_ssize_t cap = p->capentries ? p->capentries * 2 : 64;
        Entry *grown = PyMem_Realloc(p->entries, (size_t)cap * sizeof(Entry));
        if (grown == NULL) {
            Py_DECREF(userobj);
            PyErr_NoMemory();
            return -2;
        }
        p->entries = grown;
        p->capentries = cap;
    }
    PyObject *k = PyLong_FromVoidPtr((void *)key);
    PyObject *v = PyLong_FromSsize_t(p->nentries);
    if (k == NULL || v == NULL || PyDict_SetItem(p->index, k, v) < 0) {
        Py_XDECREF(k);
        Py_XDECREF(v);
        Py_DECREF(userobj);
        return -2;
    }
    Py_DECREF(k);
    Py_DECREF(v);
    Entry *e = &p->entries[p->nentries];
    memset(e, 0, sizeof(*e));
    e->key = key;
    e->userobj = userobj;
    return p->nentries++;
}

static SubEntry *find_sub(Entry *caller, Py_ssize_t callee)
{
    for (Py_ssize_t i = 0; i < caller->nsubs; i++)
        if (caller->subs[i].callee == callee)
            return &caller->subs[i];
    return NULL;
}

static SubEntry *get_or_add_sub(Entry *caller, Py_ssize_t callee)
{
    SubEntry *s = find_sub(caller, callee);
    if (s != NULL)
        return s;
    if (caller->nsubs == caller->capsubs) {
        Py_ssize_t cap = caller->capsubs ? caller->capsubs * 2 : 4;
        SubEntry *grown = PyMem_Realloc(caller->subs, (size_t)cap * sizeof(SubEntry));
        if (grown == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        caller->subs = grown;
        caller->capsubs = cap;
    }
    s = &caller->subs[caller->nsubs++];
    memset(s, 0, sizeof(*s));
    s->callee = callee;
    return s;
}

static void clear_entries(ProfilerObject *p)
{
    for (Py_ssize_t i = 0; i < p->nentries; i++) {
        Py_CLEAR(p->entries[i].userobj);
        PyMem_Free(p->entries[i].subs);
    }
    PyMem_Free(p->entries);
    p->entries = NULL;
    p->nentries = p->capentries = 0;
    PyMem_Free(p->stack);
    p->stack = NULL;
    p->depth = p->capstack = 0;
    if (p->index != NULL)
        PyDict_Clear(p->index);
}

/* ---- entering and leaving calls ---------------------------------------------------- */

static int enter_call(ProfilerObject *p, const void *key, PyObject *obj)
{
    Py_ssize_t idx = get_or_add_entry(p, key, obj);
    if (idx < 0)
        return -1;
    if (p->depth == p->capstack) {
        Py_ssize_t cap = p->capstack ? p->capstack * 2 : 32;
        Context *grown = PyMem_Realloc(p->stack, (size_t)cap * sizeof(Context));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        p->stack = grown;
        p->capstack = cap;
    }
    p->entries[idx].level++;
    if ((p->flags & POF_SUBCALLS) && p->depth > 0) {
        SubEntry *s = get_or_add_sub(&p->entries[p->stack[p->depth - 1].entry], idx);
        if (s == NULL) {
            p->entries[idx].level--;
            return -1;
        }
        s->level++;
    }
    Context *c = &p->stack[p->depth++];
    c->entry = idx;
    c->subt = 0;
    c->t0 = now_ns(p);
    return 0;
}

/* Closes the innermost call in progress, charging its time. */
static void stop_top(ProfilerObject *p)
{
    Context *c = &p->stack[--p->depth];
    int64_t tt = now_ns(p) - c->t0;
    int64_t it = tt - c->subt;
    Entry *e = &p->entries[c->entry];
    if (p->depth > 0)
        p->stack[p->depth - 1].subt += tt;
    if (--e->level == 0)
        e->tt += tt;
    else
        e->recursivecalls++;
    e->it += it;
    e->callcount++;
    if ((p->flags & POF_SUBCALLS) && p->depth > 0) {
        SubEntry *s = find_sub(&p->entries[p->stack[p->depth - 1].entry], c->entry);
        if (s != NULL) {
            if (--s->level == 0)
                s->tt += tt;
            else
                s->recursivecalls++;
            s->it += it;
            s->callcount++;
        }
    }
}

static int leave_call(ProfilerObject *p, const void *key)
{
    Py_ssize_t idx = find_entry(p, key);
    if (idx == -2)
        return -1;
    if (idx < 0)
        return 0;
    /* A return whose call was never seen (the profiler was enabled inside it, or a
     * generator resumed) is ignored; calls left open above it are closed. */
    Py_ssize_t pos = p->depth - 1;
    while (pos >= 0 && p->stack[pos].entry != idx)
        pos--;
    if (pos < 0)
        return 0;
    while (p->depth > pos)
        stop_top(p);
    return 0;
}

static int profiler_callback(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    ProfilerObject *p = (ProfilerObject *)self;
    switch (what) {
    case PyTrace_CALL:
    case PyTrace_RETURN: {
        PyCodeObject *code = PyFrame_GetCode(frame);
        if (code == NULL)
            return -1;
        int r = what == PyTrace_CALL ? enter_call(p, code, (PyObject *)code)
                                     : leave_call(p, code);
        Py_DECREF(code);
        return r;
    }
    case PyTrace_C_CALL:
        if ((p->flags & POF_BUILTINS) && arg != NULL && PyCFunction_Check(arg))
            return enter_call(p, ((PyCFunctionObject *)arg)->m_ml, arg);
        return 0;
    case PyTrace_C_RETURN:
    case PyTrace_C_EXCEPTION:
        if ((p->flags & POF_BUILTINS) && arg != NULL && PyCFunction_Check(arg))
            return leave_call(p, ((PyCFunctionObject *)arg)->m_ml);
        return 0;
    default:
        return 0;
    }
}

/* ---- methods ---------------------------------------------------------------------- */

static PyObject *profiler_enable(ProfilerObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"subcalls", "builtins", NULL};
    int subcalls = -1, builtins = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pp:enable", kwlist, &subcalls, &builtins))
        return NULL;
    if (subcalls == 0)
        self->flags &= ~POF_SUBCALLS;
    else if (subcalls > 0)
        self->flags |= POF_SUBCALLS;
    if (builtins == 0)
        self->flags &= ~POF_BUILTINS;
    else if (builtins > 0)
        self->flags |= POF_BUILTINS;
    PyThreadState *tstate = PyThreadState_Get();
    if (tstate->c_profilefunc != NULL && tstate->c_profileobj != (PyObject *)self) {
        PyErr_SetString(PyExc_ValueError, "Another profiling tool is already active");
        return NULL;
    }
    if (_PyEval_SetProfile(tstate, profiler_callback, (PyObject *)self) < 0)
        return NULL;
    self->flags |= POF_ENABLED;
    Py_RETURN_NONE;
}

static void flush_unmatched(ProfilerObject *p)
{
    while (p->depth > 0)
        stop_top(p);
}

static PyObject *profiler_disable(ProfilerObject *self, PyObject *unused)
{
    if (self->flags & POF_ENABLED) {
        PyThreadState *tstate = PyThreadState_Get();
        self->flags &= ~POF_ENABLED;
        if (tstate->c_profileobj == (PyObject *)self &&
            _PyEval_SetProfile(tstate, NULL, NULL) < 0)
            return NULL;
    }
    flush_unmatched(self);
    Py_RETURN_NONE;
}

static PyObject *profiler_clear(ProfilerObject *self, PyObject *unused)
{
    clear_entries(self);
    Py_RETURN_NONE;
}

static PyObject *make_stat(PyTypeObject *type, PyObject *code, long callcount, long rec,
                           double total, double inl, PyObject *calls)
{
    PyObject *t = PyStructSequence_New(type);
    if (t == NULL)
        return NULL;
    PyObject *items[6] = {Py_NewRef(code), PyLong_FromLong(callcount), PyLong_FromLong(rec),
                          PyFloat_FromDouble(total), PyFloat_FromDouble(inl),
                          calls ? Py_NewRef(calls) : NULL};
    int n = type == &StatsEntry_Type ? 6 : 5;
    int bad = 0;
    for (int i = 0; i < n; i++)
        if (items[i] == NULL)
            bad = 1;
    for (int i = 0; i < n; i++)
        PyStructSequence_SetItem(t, i, items[i] ? items[i] : Py_NewRef(Py_None));
    if (bad) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyObject *profiler_getstats(ProfilerObject *self, PyObject *unused)
{
    double f = time_factor(self);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < self->nentries; i++) {
        Entry *e = &self->entries[i];
        PyObject *calls;
        if (e->nsubs == 0)
            calls = Py_NewRef(Py_None);
        else {
            calls = PyList_New(0);
            for (Py_ssize_t j = 0; calls != NULL && j < e->nsubs; j++) {
                SubEntry *s = &e->subs[j];
                PyObject *sub = make_stat(&StatsSubEntry_Type,
                                          self->entries[s->callee].userobj, s->callcount,
                                          s->recursivecalls, (double)s->tt * f,
                                          (double)s->it * f, NULL);
                if (sub == NULL || PyList_Append(calls, sub) < 0)
                    Py_CLEAR(calls);
                Py_XDECREF(sub);
            }
            if (calls == NULL) {
                Py_DECREF(list);
                return NULL;
            }
        }
        PyObject *st = make_stat(&StatsEntry_Type, e->userobj, e->callcount,
                                 e->recursivecalls, (double)e->tt * f, (double)e->it * f,
                                 calls);
        Py_DECREF(calls);
        if (st == NULL || PyList_Append(list, st) < 0) {
            Py_XDECREF(st);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(st);
    }
    return list;
}

static int profiler_init(ProfilerObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"timer", "timeunit", "subcalls", "builtins", NULL};
    PyObject *timer = NULL;
    double timeunit = 0.0;
    int subcalls = 1, builtins = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Odpp:Profiler", kwlist, &timer, &timeunit,
                                     &subcalls, &builtins))
        return -1;
    if (timer == Py_None)
        timer = NULL;
    self->flags = (subcalls ? POF_SUBCALLS : 0) | (builtins ? POF_BUILTINS : 0);
    Py_XSETREF(self->timer, Py_XNewRef(timer));
    self->timeunit = timeunit;
    if (self->index == NULL) {
        self->index = PyDict_New();
        if (self->index == NULL)
            return -1;
    }
    return 0;
}

static PyObject *profiler_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    ProfilerObject *self = (ProfilerObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->flags = POF_SUBCALLS | POF_BUILTINS;
    self->index = PyDict_New();
    if (self->index == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void profiler_dealloc(ProfilerObject *self)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && tstate->c_profileobj == (PyObject *)self)
        _PyEval_SetProfile(tstate, NULL, NULL);
    clear_entries(self);
    Py_CLEAR(self->index);
    Py_CLEAR(self->timer);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef profiler_methods[] = {
    {"getstats", (PyCFunction)profiler_getstats, METH_NOARGS,
     "list of profiler_entry objects, one per function called while enabled"},
    {"enable", (PyCFunction)(void (*)(void))profiler_enable, METH_VARARGS | METH_KEYWORDS,
     "Start collecting profiling information."},
    {"disable", (PyCFunction)profiler_disable, METH_NOARGS,
     "Stop collecting profiling information."},
    {"clear", (PyCFunction)profiler_clear, METH_NOARGS,
     "Clear all profiling information collected so far."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject Profiler_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lsprof.Profiler",
    .tp_basicsize = sizeof(ProfilerObject),
    .tp_dealloc = (destructor)profiler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n"
              "Builds a profiler object using the specified timer function.",
    .tp_methods = profiler_methods,
    .tp_init = (initproc)profiler_init,
    .tp_new = profiler_new,
};

static struct PyModuleDef lsprofmodule = {
    PyModuleDef_HEAD_INIT, "_lsprof", "Fast profiler", -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__lsprof(void)
{
    if (!(Profiler_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Profiler_Type) < 0)
        return NULL;
    if (!(StatsEntry_Type.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StatsEntry_Type, &entry_desc) < 0)
        return NULL;
    if (!(StatsSubEntry_Type.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StatsSubEntry_Type, &subentry_desc) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&lsprofmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Profiler", (PyObject *)&Profiler_Type) < 0 ||
        PyModule_AddObjectRef(m, "profiler_entry", (PyObject *)&StatsEntry_Type) < 0 ||
        PyModule_AddObjectRef(m, "profiler_subentry", (PyObject *)&StatsSubEntry_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

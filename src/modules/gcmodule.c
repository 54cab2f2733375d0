/* The gc module: the Python interface to the cycle collector in src/memory/gc.c. */
#include "Python.h"
#include "internal/pycore_gc.h"

PyGC_Head *_PyGC_GenerationHead(int generation);
PyGC_Head *_PyGC_Next(PyGC_Head *g);

#define GCSTATE (&_PyInterpreterState_GET()->gc)

static PyObject *gc_enable(PyObject *m, PyObject *Py_UNUSED(a))
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *gc_disable(PyObject *m, PyObject *Py_UNUSED(a))
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *gc_isenabled(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *gc_collect(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    int generation = KR_NUM_GENERATIONS - 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:collect", kwlist, &generation))
        return NULL;
    if (generation < 0 || generation >= KR_NUM_GENERATIONS) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    Py_ssize_t n = _PyGC_Collect(generation, 1);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *gc_get_count(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct _gc_runtime_state *st = GCSTATE;
    return Py_BuildValue("(iii)", st->generations[0].count, st->generations[1].count,
                         st->generations[2].count);
}

static PyObject *gc_get_threshold(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct _gc_runtime_state *st = GCSTATE;
    return Py_BuildValue("(iii)", st->generations[0].threshold, st->generations[1].threshold,
                         st->generations[2].threshold);
}

static PyObject *gc_set_threshold(PyObject *m, PyObject *args)
{
    struct _gc_runtime_state *st = GCSTATE;
    int t[KR_NUM_GENERATIONS];
    for (int i = 0; i < KR_NUM_GENERATIONS; i++)
        t[i] = st->generations[i].threshold;
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &t[0], &t[1], &t[2]))
        return NULL;
    for (int i = 0; i < KR_NUM_GENERATIONS; i++)
        st->generations[i].threshold = t[i];
    Py_RETURN_NONE;
}

static PyObject *gc_set_debug(PyObject *m, PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    GCSTATE->debug = flags;
    Py_RETURN_NONE;
}

static PyObject *gc_get_debug(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong(GCSTATE->debug);
}

static int append_generation(PyObject *result, int generation)
{
    PyGC_Head *head = _PyGC_GenerationHead(generation);
    for (PyGC_Head *g = _PyGC_Next(head); g != head; g = _PyGC_Next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (op == result)
            continue;
        if (PyList_Append(result, op) < 0)
            return -1;
    }
    return 0;
}

static PyObject *gc_get_objects(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    PyObject *genobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:get_objects", kwlist, &genobj))
        return NULL;
    int generation = -1;
    if (genobj != Py_None) {
        generation = PyLong_AsInt(genobj);
        if (generation == -1 && PyErr_Occurred())
            return NULL;
        if (generation >= KR_NUM_GENERATIONS) {
            PyErr_Format(PyExc_ValueError,
                         "generation parameter must be less than the number of available "
                         "generations (%i)", KR_NUM_GENERATIONS);
            return NULL;
        }
        if (generation < 0) {
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < KR_NUM_GENERATIONS; i++) {
        if (generation >= 0 && i != generation)
            continue;
        if (append_generation(result, i) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

typedef struct {
    PyObject *targets; /* tuple */
    int found;
} referrer_search;

static int visit_find(PyObject *op, void *arg)
{
    referrer_search *s = arg;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(s->targets); i++)
        if (PyTuple_GET_ITEM(s->targets, i) == op) {
            s->found = 1;
            return 1;
        }
    return 0;
}

static PyObject *gc_get_referrers(PyObject *m, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int gen = 0; gen < KR_NUM_GENERATIONS; gen++) {
        PyGC_Head *head = _PyGC_GenerationHead(gen);
        for (PyGC_Head *g = _PyGC_Next(head); g != head; g = _PyGC_Next(g)) {
            PyObject *op = _Py_FROM_GC(g);
            if (op == args || op == result)
                continue;
            traverseproc trav = Py_TYPE(op)->tp_traverse;
            if (trav == NULL)
                continue;
            referrer_search s = {args, 0};
            trav(op, visit_find, &s);
            if (s.found && PyList_Append(result, op) < 0) {
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    return result;
}

static int visit_collect(PyObject *op, void *arg)
{
    return PyList_Append((PyObject *)arg, op) < 0 ? -1 : 0;
}

static PyObject *gc_get_referents(PyObject *m, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *op = PyTuple_GET_ITEM(args, i);
        if (!PyObject_IS_GC(op))
            continue;
        traverseproc trav = Py_TYPE(op)->tp_traverse;
        if (trav == NULL)
            continue;
        if (trav(op, visit_collect, result) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *gc_is_tracked(PyObject *m, PyObject *op)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(op));
}

static PyObject *gc_is_finalized(PyObject *m, PyObject *op)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(op));
}

static PyObject *gc_freeze(PyObject *m, PyObject *Py_UNUSED(a))
{
    _PyGC_Freeze();
    Py_RETURN_NONE;
}

static PyObject *gc_unfreeze(PyObject *m, PyObject *Py_UNUSED(a))
{
    _PyGC_Unfreeze();
    Py_RETURN_NONE;
}

static PyObject *gc_get_freeze_count(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(_PyGC_FreezeCount());
}

static PyObject *gc_get_stats(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct _gc_runtime_state *st = GCSTATE;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < KR_NUM_GENERATIONS; i++) {
        struct gc_generation_stats *s = &st->generation_stats[i];
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", s->collections, "collected",
                                    s->collected, "uncollectable", s->uncollectable);
        if (d == NULL || PyList_Append(result, d) < 0) {
            Py_XDECREF(d);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(d);
    }
    return result;
}

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS, "Returns true if automatic garbage collection is enabled."},
    {"collect", _PyCFunction_CAST(gc_collect), METH_VARARGS | METH_KEYWORDS, "Run the garbage collector."},
    {"get_count", gc_get_count, METH_NOARGS, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, METH_NOARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, METH_VARARGS, "Set the collection thresholds."},
    {"set_debug", gc_set_debug, METH_O, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, METH_NOARGS, "Get the garbage collection debugging flags."},
    {"get_objects", _PyCFunction_CAST(gc_get_objects), METH_VARARGS | METH_KEYWORDS, "Return a list of objects tracked by the collector."},
    {"get_referrers", gc_get_referrers, METH_VARARGS, "Return the list of objects that directly refer to any of 'objs'."},
    {"get_referents", gc_get_referents, METH_VARARGS, "Return the list of objects that are directly referred to by 'objs'."},
    {"is_tracked", gc_is_tracked, METH_O, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_O, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, METH_NOARGS, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS, "Return the number of objects in the permanent generation."},
    {"get_stats", gc_get_stats, METH_NOARGS, "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef gcmodule = {
    PyModuleDef_HEAD_INIT, "gc", "This module provides access to the garbage collector.", -1,
    gc_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_gc(void)
{
    PyObject *m = PyModule_Create(&gcmodule);
    if (m == NULL)
        return NULL;
    struct _gc_runtime_state *st = GCSTATE;
    if (_PyGC_Init() < 0 || PyModule_AddObjectRef(m, "garbage", st->garbage) < 0 ||
        PyModule_AddObjectRef(m, "callbacks", st->callbacks) < 0 ||
        PyModule_AddIntMacro(m, DEBUG_STATS) < 0 || PyModule_AddIntMacro(m, DEBUG_COLLECTABLE) < 0 ||
        PyModule_AddIntMacro(m, DEBUG_UNCOLLECTABLE) < 0 ||
        PyModule_AddIntMacro(m, DEBUG_SAVEALL) < 0 || PyModule_AddIntMacro(m, DEBUG_LEAK) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

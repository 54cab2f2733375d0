/* builtins.__build_class__: the machinery behind the class statement (metaclass choice,
 * __prepare__, __mro_entries__, running the body, __classcell__). */
#include "Python.h"
#include "internal/pycore_frame.h"

/* PEP 560: bases that are not classes may substitute themselves via __mro_entries__. */
static PyObject *update_bases(PyObject *bases, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *new_bases = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *base = args[i];
        if (PyType_Check(base)) {
            if (new_bases) {
                if (PyList_Append(new_bases, base) < 0)
                    goto error;
            }
            continue;
        }
        PyObject *meth;
        if (PyObject_GetOptionalAttr(base, _Py_ID(__mro_entries__), &meth) < 0)
            goto error;
        if (meth == NULL) {
            if (new_bases && PyList_Append(new_bases, base) < 0)
                goto error;
            continue;
        }
        PyObject *new_base = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (new_base == NULL)
            goto error;
        if (!PyTuple_Check(new_base)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(new_base);
            goto error;
        }
        if (new_bases == NULL) {
            new_bases = PyList_New(i);
            if (new_bases == NULL) {
                Py_DECREF(new_base);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++)
                PyList_SET_ITEM(new_bases, j, Py_NewRef(args[j]));
        }
        Py_ssize_t end = PyList_GET_SIZE(new_bases);
        if (PyList_SetSlice(new_bases, end, end, new_base) < 0) {
            Py_DECREF(new_base);
            goto error;
        }
        Py_DECREF(new_base);
    }
    if (new_bases == NULL)
        return Py_NewRef(bases);
    PyObject *result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;
error:
    Py_XDECREF(new_bases);
    return NULL;
}

static PyObject *builtin___build_class__(PyObject *self, PyObject *const *args,
                                         Py_ssize_t nargs, PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *func, *name, *winner, *prep;
    PyObject *cls = NULL, *cell = NULL, *ns = NULL, *meta = NULL, *orig_bases = NULL;
    PyObject *mkw = NULL, *bases = NULL;
    int isclass = 0;

    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    func = args[0];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    orig_bases = _PyTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    bases = update_bases(orig_bases, args + 2, nargs - 2);
    if (bases == NULL) {
        Py_DECREF(orig_bases);
        return NULL;
    }
    if (kwnames == NULL) {
        meta = NULL;
        mkw = NULL;
    }
    else {
        mkw = _PyStack_AsDict(args + nargs, kwnames);
        if (mkw == NULL)
            goto error;
        if (PyDict_Pop(mkw, _Py_ID(metaclass), &meta) < 0)
            goto error;
        if (meta != NULL)
            isclass = PyType_Check(meta);
    }
    if (meta == NULL) {
        if (PyTuple_GET_SIZE(bases) == 0)
            meta = (PyObject *)&PyType_Type;
        else
            meta = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0));
        Py_INCREF(meta);
        isclass = 1;
    }
    if (isclass) {
        winner = (PyObject *)_PyType_CalculateMetaclass((PyTypeObject *)meta, bases);
        if (winner == NULL)
            goto error;
        if (winner != meta)
            Py_SETREF(meta, Py_NewRef(winner));
    }
    if (PyObject_GetOptionalAttr(meta, _Py_ID(__prepare__), &prep) < 0) {
        ns = NULL;
    }
    else if (prep == NULL) {
        ns = PyDict_New();
    }
    else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL)
        goto error;
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto error;
    }
    cell = _PyEval_Vector(tstate, (PyFunctionObject *)func, ns, NULL, 0, NULL);
    if (cell != NULL) {
        if (bases != orig_bases) {
            if (PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0)
                goto error;
        }
        PyObject *margs[3] = {name, bases, ns};
        cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
        if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
            PyObject *cell_cls = PyCell_GET(cell);
            if (cell_cls != cls) {
                if (cell_cls == NULL) {
                    PyErr_Format(PyExc_RuntimeError,
                                 "__class__ not set defining %.200R as %.200R. "
                                 "Was __classcell__ propagated to type.__new__?",
                                 name, cls);
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "__class__ set to %.200R defining %.200R as %.200R",
                                 cell_cls, name, cls);
                }
                Py_CLEAR(cls);
                goto error;
            }
        }
    }
error:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    /* update_bases returned a new reference even when it returned orig_bases itself. */
    Py_DECREF(orig_bases);
    Py_DECREF(bases);
    return cls;
}

PyMethodDef _PyBuildClass_Def = {
    "__build_class__", _PyCFunction_CAST(builtin___build_class__),
    METH_FASTCALL | METH_KEYWORDS,
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
    "Internal helper function used by the class statement."};

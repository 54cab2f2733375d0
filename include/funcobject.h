/* Functions, bound methods, cells, C functions (src/objects/funcobject.c, classobject.c,
 * cellobject.c, methodobject.c) */
#ifndef KR_FUNCOBJECT_H
#define KR_FUNCOBJECT_H
#include "object.h"
typedef struct {
    PyObject_HEAD
    PyObject *func_globals;
    PyObject *func_builtins;
    PyObject *func_name;
    PyObject *func_qualname;
    PyObject *func_code;
    PyObject *func_defaults;   /* tuple or NULL */
    PyObject *func_kwdefaults; /* dict or NULL */
    PyObject *func_closure;    /* tuple of cells or NULL */
    PyObject *func_doc;
    PyObject *func_dict;
    PyObject *func_weakreflist;
    PyObject *func_module;
    PyObject *func_annotations;
    PyObject *func_typeparams;
    vectorcallfunc vectorcall;
    uint32_t func_version;
} PyFunctionObject;
extern PyTypeObject PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)
PyObject *PyFunction_New(PyObject *code, PyObject *globals);
PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname);
#define PyFunction_GET_CODE(f) (((PyFunctionObject *)(f))->func_code)
#define PyFunction_GET_GLOBALS(f) (((PyFunctionObject *)(f))->func_globals)

typedef struct {
    PyObject_HEAD
    PyObject *im_func;
    PyObject *im_self;
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;
extern PyTypeObject PyMethod_Type, PyInstanceMethod_Type;
#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)
PyObject *PyMethod_New(PyObject *func, PyObject *self);
#define PyMethod_GET_FUNCTION(m) (((PyMethodObject *)(m))->im_func)
#define PyMethod_GET_SELF(m) (((PyMethodObject *)(m))->im_self)

typedef struct {
    PyObject_HEAD
    PyObject *ob_ref; /* NULL when empty */
} PyCellObject;
extern PyTypeObject PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)
PyObject *PyCell_New(PyObject *);
PyObject *PyCell_Get(PyObject *);
int PyCell_Set(PyObject *, PyObject *);
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)

/* Built-in functions and methods defined by a PyMethodDef. */
typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;   /* bound object or module, may be NULL */
    PyObject *m_module; /* __module__ */
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;
extern PyTypeObject PyCFunction_Type;
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)
#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
PyObject *PyCFunction_NewEx(PyMethodDef *, PyObject *self, PyObject *module);
#define PyCFunction_New(ml, self) PyCFunction_NewEx((ml), (self), NULL)
PyObject *PyCMethod_New(PyMethodDef *, PyObject *self, PyObject *module, PyTypeObject *cls);

extern PyTypeObject PyClassMethod_Type, PyStaticMethod_Type;
PyObject *PyClassMethod_New(PyObject *);
PyObject *PyStaticMethod_New(PyObject *);
#endif

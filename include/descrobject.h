/* Descriptors for C-level methods, members and getsets; property; wrappers for slots
 * (src/objects/descrobject.c) */
#ifndef KR_DESCROBJECT_H
#define KR_DESCROBJECT_H
#include "object.h"
typedef struct {
    PyObject_HEAD
    PyTypeObject *d_type;
    PyObject *d_name;
    PyObject *d_qualname;
} PyDescrObject;
#define PyDescr_COMMON PyDescrObject d_common
typedef struct { PyDescr_COMMON; PyMethodDef *d_method; vectorcallfunc vectorcall; } PyMethodDescrObject;
typedef struct { PyDescr_COMMON; PyMemberDef *d_member; } PyMemberDescrObject;
typedef struct { PyDescr_COMMON; PyGetSetDef *d_getset; } PyGetSetDescrObject;
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args, void *wrapped);
typedef PyObject *(*wrapperfunc_kwds)(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds);
struct wrapperbase {
    const char *name;
    int offset;
    void *function;
    wrapperfunc wrapper;
    const char *doc;
    int flags;
    PyObject *name_strobj;
};
#define PyWrapperFlag_KEYWORDS 1
typedef struct { PyDescr_COMMON; struct wrapperbase *d_base; void *d_wrapped; } PyWrapperDescrObject;
extern PyTypeObject PyClassMethodDescr_Type, PyGetSetDescr_Type, PyMemberDescr_Type,
    PyMethodDescr_Type, PyWrapperDescr_Type, _PyMethodWrapper_Type, PyProperty_Type;
PyObject *PyDescr_NewMethod(PyTypeObject *, PyMethodDef *);
PyObject *PyDescr_NewClassMethod(PyTypeObject *, PyMethodDef *);
PyObject *PyDescr_NewMember(PyTypeObject *, PyMemberDef *);
PyObject *PyDescr_NewGetSet(PyTypeObject *, PyGetSetDef *);
PyObject *PyDescr_NewWrapper(PyTypeObject *, struct wrapperbase *, void *);
PyObject *PyWrapper_New(PyObject *, PyObject *);
PyObject *Py_GenericAlias(PyObject *origin, PyObject *args); /* genericaliasobject.c */
PyObject *PyMember_GetOne(const char *, PyMemberDef *);
int PyMember_SetOne(char *, PyMemberDef *, PyObject *);
#endif

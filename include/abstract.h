/* Abstract object protocols: calling, numbers, sequences, mappings, iterators, buffers.
 * Calling lives in src/vm/call.c; the protocols in src/objects/abstract.c. */
#ifndef KR_ABSTRACT_H
#define KR_ABSTRACT_H
#include "object.h"

/* ---- calling (vectorcall is the fast path everywhere) ------------------------- */
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline Py_ssize_t PyVectorcall_NARGS(size_t n)
{
    return (Py_ssize_t)(n & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
}
vectorcallfunc PyVectorcall_Function(PyObject *callable);
PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames);
PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwdict);
PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames); /* args[0] is self */
PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *dict);
PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs);
PyObject *PyObject_CallObject(PyObject *callable, PyObject *args);
PyObject *PyObject_CallNoArgs(PyObject *callable);
PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg);
PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...);
PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...); /* NULL-terminated */
PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...);
PyObject *PyObject_CallMethodNoArgs(PyObject *self, PyObject *name);
PyObject *PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg);
PyObject *_PyObject_MakeTpCall(PyObject *callable, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames);
PyObject *_PyObject_Call_Prepend(PyObject *callable, PyObject *obj, PyObject *args,
                                 PyObject *kwargs);
/* Convert vectorcall arguments to (tuple, dict) and back. */
PyObject *_PyTuple_FromArray(PyObject *const *, Py_ssize_t);
PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames);

/* ---- numbers ------------------------------------------------------------------ */
int PyNumber_Check(PyObject *);
PyObject *PyNumber_Add(PyObject *, PyObject *);
PyObject *PyNumber_Subtract(PyObject *, PyObject *);
PyObject *PyNumber_Multiply(PyObject *, PyObject *);
PyObject *PyNumber_MatrixMultiply(PyObject *, PyObject *);
PyObject *PyNumber_FloorDivide(PyObject *, PyObject *);
PyObject *PyNumber_TrueDivide(PyObject *, PyObject *);
PyObject *PyNumber_Remainder(PyObject *, PyObject *);
PyObject *PyNumber_Divmod(PyObject *, PyObject *);
PyObject *PyNumber_Power(PyObject *, PyObject *, PyObject *);
PyObject *PyNumber_Negative(PyObject *);
PyObject *PyNumber_Positive(PyObject *);
PyObject *PyNumber_Absolute(PyObject *);
PyObject *PyNumber_Invert(PyObject *);
PyObject *PyNumber_Lshift(PyObject *, PyObject *);
PyObject *PyNumber_Rshift(PyObject *, PyObject *);
PyObject *PyNumber_And(PyObject *, PyObject *);
PyObject *PyNumber_Xor(PyObject *, PyObject *);
PyObject *PyNumber_Or(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceAdd(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceSubtract(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceMultiply(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceMatrixMultiply(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceFloorDivide(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceTrueDivide(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceRemainder(PyObject *, PyObject *);
PyObject *PyNumber_InPlacePower(PyObject *, PyObject *, PyObject *);
PyObject *PyNumber_InPlaceLshift(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceRshift(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceAnd(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceXor(PyObject *, PyObject *);
PyObject *PyNumber_InPlaceOr(PyObject *, PyObject *);
/* BINARY_OP dispatch: oparg NB_* (see pycore_opcode.h) to the operation above. */
PyObject *_PyNumber_BinaryOp(PyObject *, PyObject *, int nb_oparg);
int PyIndex_Check(PyObject *);
PyObject *PyNumber_Index(PyObject *);
PyObject *_PyNumber_Index(PyObject *);
Py_ssize_t PyNumber_AsSsize_t(PyObject *, PyObject *exc);
PyObject *PyNumber_Long(PyObject *);
PyObject *PyNumber_Float(PyObject *);
PyObject *PyNumber_ToBase(PyObject *n, int base);

/* ---- sequences and mappings ---------------------------------------------------- */
int PySequence_Check(PyObject *);
Py_ssize_t PySequence_Size(PyObject *);
#define PySequence_Length PySequence_Size
PyObject *PySequence_Concat(PyObject *, PyObject *);
PyObject *PySequence_Repeat(PyObject *, Py_ssize_t);
PyObject *PySequence_GetItem(PyObject *, Py_ssize_t);
PyObject *PySequence_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
int PySequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
int PySequence_DelItem(PyObject *, Py_ssize_t);
int PySequence_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
int PySequence_DelSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyObject *PySequence_Tuple(PyObject *);
PyObject *PySequence_List(PyObject *);
PyObject *PySequence_Fast(PyObject *, const char *message);
#define PySequence_Fast_GET_SIZE(o) \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) \
    (PyList_Check(o) ? PyList_GET_ITEM((o), (i)) : PyTuple_GET_ITEM((o), (i)))
#define PySequence_Fast_ITEMS(sf) \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item : ((PyTupleObject *)(sf))->ob_item)
Py_ssize_t PySequence_Count(PyObject *, PyObject *);
int PySequence_Contains(PyObject *seq, PyObject *ob);
Py_ssize_t PySequence_Index(PyObject *, PyObject *);
PyObject *PySequence_InPlaceConcat(PyObject *, PyObject *);
PyObject *PySequence_InPlaceRepeat(PyObject *, Py_ssize_t);
int PyMapping_Check(PyObject *);
Py_ssize_t PyMapping_Size(PyObject *);
#define PyMapping_Length PyMapping_Size
PyObject *PyMapping_Keys(PyObject *);
PyObject *PyMapping_Values(PyObject *);
PyObject *PyMapping_Items(PyObject *);
PyObject *PyMapping_GetItemString(PyObject *, const char *);
int PyMapping_GetOptionalItem(PyObject *, PyObject *, PyObject **);
int PyMapping_SetItemString(PyObject *, const char *, PyObject *);
int PyMapping_HasKey(PyObject *, PyObject *);
PyObject *PyObject_GetItem(PyObject *, PyObject *);
int PyObject_SetItem(PyObject *, PyObject *, PyObject *);
int PyObject_DelItem(PyObject *, PyObject *);
int PyObject_DelItemString(PyObject *, const char *);
Py_ssize_t PyObject_Size(PyObject *);
#define PyObject_Length PyObject_Size
Py_ssize_t PyObject_LengthHint(PyObject *, Py_ssize_t);
int PyObject_IsInstance(PyObject *, PyObject *);
int PyObject_IsSubclass(PyObject *, PyObject *);
PyObject *PyObject_Type(PyObject *);

/* ---- iterators ------------------------------------------------------------------ */
PyObject *PyObject_GetIter(PyObject *);
PyObject *PyObject_GetAIter(PyObject *);
int PyIter_Check(PyObject *);
int PyAIter_Check(PyObject *);
PyObject *PyIter_Next(PyObject *); /* NULL at the end with no exception set */
PySendResult PyIter_Send(PyObject *, PyObject *, PyObject **);

/* ---- buffers --------------------------------------------------------------------- */
int PyObject_CheckBuffer(PyObject *);
int PyObject_GetBuffer(PyObject *, Py_buffer *, int flags);
void PyBuffer_Release(Py_buffer *);
int PyBuffer_FillInfo(Py_buffer *, PyObject *, void *buf, Py_ssize_t len, int readonly,
                      int flags);
int PyBuffer_IsContiguous(const Py_buffer *, char fort);
int PyBuffer_ToContiguous(void *buf, const Py_buffer *, Py_ssize_t len, char order);

#endif

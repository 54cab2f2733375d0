/* float (src/objects/floatobject.c) */
#ifndef KR_FLOATOBJECT_H
#define KR_FLOATOBJECT_H
#include "object.h"
typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;
extern PyTypeObject PyFloat_Type;
#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)
PyObject *PyFloat_FromDouble(double);
PyObject *PyFloat_FromString(PyObject *);
double PyFloat_AsDouble(PyObject *); /* -1.0 with error set on failure */
PyObject *PyFloat_GetInfo(void);
double PyFloat_GetMax(void);
double PyFloat_GetMin(void);
/* Shortest repr that round-trips ('r'), or fixed/exponent formats with precision. */
char *PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type);
double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception);
#define Py_DTSF_SIGN 0x01
#define Py_DTSF_ADD_DOT_0 0x02
#define Py_DTSF_ALT 0x04
#define Py_DTSF_NO_NEG_0 0x08
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
Py_hash_t _Py_HashDouble(PyObject *inst, double v);
/* dtoa.c internals: length of the float literal (no underscores) at the start of s, with
 * *special 1 for inf/infinity and 2 for nan; shortest round-trip digits of x > 0. */
Py_ssize_t _Kr_FloatLiteralLength(const char *s, int *special);
int _Kr_ShortestDigits(double x, char *digits, int *decpt);
void _PyFloat_ClearFreeList(void);
/* BINARY_OP fast path for exact floats and compact ints: the result, or NULL with no
 * exception set when the general path must be taken. When lhs is a float with refcount 1
 * it is overwritten and returned (with a new reference), so lhs must be a strong
 * reference that the caller drops right afterwards, never a borrowed one. */
PyObject *_KrNumber_BinaryOpFast(PyObject *lhs, PyObject *rhs, int nb_oparg);
#endif

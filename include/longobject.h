/* int (src/objects/longobject.c): arbitrary precision in 30-bit digits, CPython 3.12+
 * layout: lv_tag = ndigits << 3 | sign bits (0 positive, 1 zero, 2 negative). A "compact"
 * int has at most one digit, so the eval loop can do single-digit arithmetic directly. */
#ifndef KR_LONGOBJECT_H
#define KR_LONGOBJECT_H
#include "object.h"
typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;
#define PyLong_SHIFT 30
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))
#define _PyLong_SIGN_MASK 3
#define _PyLong_NON_SIZE_BITS 3
struct _PyLongValue {
    uintptr_t lv_tag;
    digit ob_digit[1];
};
struct _longobject {
    PyObject_HEAD
    struct _PyLongValue long_value;
};
typedef struct _longobject PyLongObject;
extern PyTypeObject PyLong_Type;
#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)
static inline int _PyLong_IsCompact(const PyLongObject *op)
{
    return op->long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS);
}
static inline Py_ssize_t _PyLong_CompactValue(const PyLongObject *op)
{
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * (Py_ssize_t)op->long_value.ob_digit[0];
}
#define _PY_NSMALLPOSINTS 257
#define _PY_NSMALLNEGINTS 5
PyObject *PyLong_FromLong(long);
PyObject *PyLong_FromUnsignedLong(unsigned long);
PyObject *PyLong_FromLongLong(long long);
PyObject *PyLong_FromUnsignedLongLong(unsigned long long);
PyObject *PyLong_FromSsize_t(Py_ssize_t);
PyObject *PyLong_FromSize_t(size_t);
PyObject *PyLong_FromDouble(double);
PyObject *PyLong_FromString(const char *str, char **pend, int base);
PyObject *PyLong_FromUnicodeObject(PyObject *u, int base);
long PyLong_AsLong(PyObject *);
long PyLong_AsLongAndOverflow(PyObject *, int *overflow);
long long PyLong_AsLongLong(PyObject *);
long long PyLong_AsLongLongAndOverflow(PyObject *, int *overflow);
unsigned long PyLong_AsUnsignedLong(PyObject *);
unsigned long long PyLong_AsUnsignedLongLong(PyObject *);
unsigned long PyLong_AsUnsignedLongMask(PyObject *);
Py_ssize_t PyLong_AsSsize_t(PyObject *);
size_t PyLong_AsSize_t(PyObject *);
int PyLong_AsInt(PyObject *);
double PyLong_AsDouble(PyObject *);
void *PyLong_AsVoidPtr(PyObject *);
PyObject *PyLong_FromVoidPtr(void *);
int _PyLong_Sign(PyObject *);
int64_t _PyLong_NumBits(PyObject *);
PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian,
                                int is_signed);
int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian,
                        int is_signed, int with_exceptions);
PyObject *_PyLong_Format(PyObject *obj, int base); /* bin/oct/hex with prefix */
PyObject *_PyLong_Copy(PyLongObject *);
PyObject *_PyLong_GCD(PyObject *, PyObject *);
PyObject *_PyLong_Add(PyLongObject *, PyLongObject *);
PyObject *_PyLong_Subtract(PyLongObject *, PyLongObject *);
PyObject *_PyLong_Multiply(PyLongObject *, PyLongObject *);
int _PyLong_IsZero(PyLongObject *);
double _PyLong_Frexp(PyLongObject *a, int64_t *e);
/* Immortal small ints -5..256, from the runtime's table. */
extern struct _longobject _Py_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];
static inline PyObject *_PyLong_GetSmallInt(int ival) /* borrowed */
{
    return (PyObject *)&_Py_SmallInts[ival + _PY_NSMALLNEGINTS];
}
#define _PyLong_GetZero() _PyLong_GetSmallInt(0)
#define _PyLong_GetOne() _PyLong_GetSmallInt(1)
/* ---- Krait internals shared by the int files (longobject.c, long_*.c) ---------- */
#define _PyLong_DigitCount(v) ((Py_ssize_t)((v)->long_value.lv_tag >> _PyLong_NON_SIZE_BITS))
/* 1, 0 or -1 */
#define _KrLong_SIGN(v) (1 - (int)((v)->long_value.lv_tag & _PyLong_SIGN_MASK))
#define _PyLong_IsNegative(v) (((v)->long_value.lv_tag & _PyLong_SIGN_MASK) == 2)
#define _PyLong_IsPositive(v) (((v)->long_value.lv_tag & _PyLong_SIGN_MASK) == 0)
static inline void _PyLong_SetSignAndDigitCount(PyLongObject *v, int sign, Py_ssize_t n)
{
    v->long_value.lv_tag = ((uintptr_t)n << _PyLong_NON_SIZE_BITS) | (uintptr_t)(1 - sign);
}
/* A fresh positive int with room for n digits (digits uninitialised); NULL + MemoryError. */
PyLongObject *_PyLong_New(Py_ssize_t n);
/* Strip leading zero digits (fixing the sign of zero) and swap in the cached small int
 * when the value has one. Steals v; returns the result (never NULL for non-NULL v). */
PyObject *_KrLong_Finish(PyLongObject *v);
PyObject *_PyLong_FromDigits(int negative, Py_ssize_t n, const digit *digits);
PyObject *_PyLong_Negate(PyObject *v);  /* new reference to -v */
int _PyLong_Compare(PyLongObject *a, PyLongObject *b); /* -1, 0, 1 */
PyObject *_PyLong_DivmodNear(PyObject *a, PyObject *b); /* (q, r) with q rounded half-even */
PyObject *_PyLong_Lshift(PyObject *a, int64_t shift);
PyObject *_PyLong_Rshift(PyObject *a, int64_t shift);
int _PyLong_FloorDivmod(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv,
                        PyLongObject **pmod); /* either out pointer may be NULL */
PyObject *_PyLong_TrueDivide(PyObject *a, PyObject *b);
PyObject *_PyLong_Pow(PyObject *a, PyObject *b, PyObject *m);
PyObject *_PyLong_ToDecimalString(PyObject *v);
PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base);
PyObject *_PyLong_NumBitsObject(PyObject *v); /* bit_length() as an int */
int _PyLong_Size_t_Converter(PyObject *, void *);
Py_hash_t _KrLong_Hash(PyObject *v);
/* int(x, base) style conversion of a str/bytes object; raises CPython's ValueError. */
PyObject *_PyLong_FromStrObject(PyObject *obj, int base);
PyObject *_KrLong_SubtypeFrom(PyTypeObject *type, PyObject *value);
/* Exact comparison between an int and a double: -1, 0, 1, or 2 when d is NaN. */
int _KrLong_CompareDouble(PyObject *v, double d);
PyObject *_KrLong_RichCompare(PyObject *a, PyObject *b, int op);
void _KrLong_Dealloc(PyObject *self);
int _KrLong_DivRemTrunc(PyLongObject *a, PyLongObject *b, PyObject **pq, PyObject **pr);
/* Text of a str with Unicode digits/spaces mapped to ASCII (PyMem_Malloc'ed). */
char *_KrUnicode_ToASCIINumeric(PyObject *u, Py_ssize_t *plen);
/* TypeError "f() got an unexpected keyword argument 'k'" with a "Did you mean" hint. */
void _KrNumber_UnexpectedKeyword(const char *fname, PyObject *key, const char *const *valid);
#define _PY_LONG_KARATSUBA_CUTOFF 70
#define _PY_LONG_KARATSUBA_SQUARE_CUTOFF (2 * _PY_LONG_KARATSUBA_CUTOFF)
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640
#endif

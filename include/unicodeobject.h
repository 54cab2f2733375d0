/* str (src/objects/unicodeobject.c and friends): PEP 393 compact representation.
 * ASCII strings are a PyASCIIObject followed by the characters and a NUL (getsizeof("")
 * == 41); other strings are a PyCompactUnicodeObject followed by 1, 2 or 4-byte units. */
#ifndef KR_UNICODEOBJECT_H
#define KR_UNICODEOBJECT_H
#include <stdarg.h>
#include "object.h"
typedef struct {
    PyObject_HEAD
    Py_ssize_t length;
    Py_hash_t hash; /* -1 until computed */
    struct {
        unsigned int interned : 2;
        unsigned int kind : 3;
        unsigned int compact : 1;
        unsigned int ascii : 1;
        unsigned int statically_allocated : 1;
        unsigned int : 24;
    } state;
} PyASCIIObject;
typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length;
    char *utf8; /* cached UTF-8 (NUL-terminated); for ASCII it is the data itself */
} PyCompactUnicodeObject;
enum PyUnicode_Kind { PyUnicode_1BYTE_KIND = 1, PyUnicode_2BYTE_KIND = 2, PyUnicode_4BYTE_KIND = 4 };
#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2
#define SSTATE_INTERNED_IMMORTAL_STATIC 3

extern PyTypeObject PyUnicode_Type, PyUnicodeIter_Type, _PyUnicodeASCIIIter_Type;
#define PyUnicode_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)
#define PyUnicode_GET_LENGTH(op) (((PyASCIIObject *)(op))->length)
#define PyUnicode_IS_ASCII(op) (((PyASCIIObject *)(op))->state.ascii)
#define PyUnicode_KIND(op) (((PyASCIIObject *)(op))->state.kind)
#define PyUnicode_CHECK_INTERNED(op) (((PyASCIIObject *)(op))->state.interned)
/* Instances of str subclasses are not compact: their characters live in a separate
 * block pointed to by `data` (so that subclass slots can follow the header). */
typedef struct {
    PyCompactUnicodeObject _base;
    void *data;
} PyUnicodeObject;
#define PyUnicode_IS_COMPACT(op) (((PyASCIIObject *)(op))->state.compact)
static inline void *PyUnicode_DATA(PyObject *op)
{
    if (!PyUnicode_IS_COMPACT(op))
        return ((PyUnicodeObject *)op)->data;
    if (PyUnicode_IS_ASCII(op))
        return (void *)((PyASCIIObject *)op + 1);
    return (void *)((PyCompactUnicodeObject *)op + 1);
}
#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))
static inline Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
{
    if (kind == PyUnicode_1BYTE_KIND) return ((const Py_UCS1 *)data)[index];
    if (kind == PyUnicode_2BYTE_KIND) return ((const Py_UCS2 *)data)[index];
    return ((const Py_UCS4 *)data)[index];
}
static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value)
{
    if (kind == PyUnicode_1BYTE_KIND) ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    else if (kind == PyUnicode_2BYTE_KIND) ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    else ((Py_UCS4 *)data)[index] = value;
}
#define PyUnicode_READ_CHAR(op, i) PyUnicode_READ(PyUnicode_KIND(op), PyUnicode_DATA(op), (i))
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyObject *PyUnicode_FromString(const char *u); /* UTF-8 */
PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size);
PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size);
PyObject *PyUnicode_FromOrdinal(int ordinal);
/* printf-like: %s %d %i %u %ld %lu %lld %zd %zu %x %p %c %U %V %S %R %A %T %N %%, with
 * width/precision; %T = type name of an object, %N = fully qualified type name. */
PyObject *PyUnicode_FromFormat(const char *format, ...);
PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs);
PyObject *PyUnicode_FromObject(PyObject *);
const char *PyUnicode_AsUTF8(PyObject *);
const char *PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *size);
PyObject *PyUnicode_AsUTF8String(PyObject *);
PyObject *PyUnicode_AsEncodedString(PyObject *, const char *encoding, const char *errors);
PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding,
                           const char *errors);
PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors,
                                       Py_ssize_t *consumed);
PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeFSDefault(const char *s);
PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size);
PyObject *PyUnicode_EncodeFSDefault(PyObject *);
PyObject *PyUnicode_AsASCIIString(PyObject *);
PyObject *PyUnicode_AsLatin1String(PyObject *);
Py_ssize_t PyUnicode_GetLength(PyObject *);
Py_UCS4 PyUnicode_ReadChar(PyObject *, Py_ssize_t);
PyObject *PyUnicode_Substring(PyObject *, Py_ssize_t start, Py_ssize_t end);
PyObject *PyUnicode_Concat(PyObject *, PyObject *);
void PyUnicode_Append(PyObject **pleft, PyObject *right);
void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
/* s += t for the eval loop: grows *pleft in place when no one else can see it (exact,
 * refcount 1, not interned, wide enough for right), else concatenates. Consumes *pleft;
 * 0 with the result in *pleft, or -1 with an exception and *pleft NULL. */
int _KrUnicode_AppendInPlace(PyObject **pleft, PyObject *right);
PyObject *PyUnicode_Join(PyObject *separator, PyObject *seq);
PyObject *_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items, Py_ssize_t n);
PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyObject *PyUnicode_Format(PyObject *format, PyObject *args); /* the % operator */
PyObject *PyUnicode_Replace(PyObject *, PyObject *, PyObject *, Py_ssize_t);
Py_ssize_t PyUnicode_Find(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t, int direction);
Py_ssize_t PyUnicode_FindChar(PyObject *, Py_UCS4, Py_ssize_t, Py_ssize_t, int direction);
int PyUnicode_Contains(PyObject *container, PyObject *element);
int PyUnicode_Compare(PyObject *, PyObject *);
int PyUnicode_CompareWithASCIIString(PyObject *, const char *);
int PyUnicode_EqualToUTF8(PyObject *, const char *);
int _PyUnicode_Equal(PyObject *, PyObject *);
int _PyUnicode_EqualToASCIIString(PyObject *, const char *);
PyObject *PyUnicode_RichCompare(PyObject *, PyObject *, int op);
int PyUnicode_IsIdentifier(PyObject *);
void PyUnicode_InternInPlace(PyObject **);
void _PyUnicode_InternImmortal(PyObject **);
PyObject *PyUnicode_InternFromString(const char *);
PyObject *_PyUnicode_Copy(PyObject *);
Py_hash_t _PyUnicode_Hash(PyObject *);
PyObject *_PyUnicode_FromASCII(const char *, Py_ssize_t);
Py_UCS4 _PyUnicode_MaxChar(PyObject *);
/* Format-spec mini-language for str (used by format(), f-strings, str.format). */
PyObject *_PyUnicode_FormatAdvanced(PyObject *obj, PyObject *format_spec);
PyObject *PyUnicode_BuildEncodingMap(PyObject *);
PyObject *_PyUnicode_EscapeRepr(PyObject *); /* repr(str) */
PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *);
PyObject *_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size,
                                                 const char *errors, Py_ssize_t *consumed,
                                                 const char **first_invalid_escape);

/* Incremental builder: avoids quadratic concatenation. */
typedef struct {
    PyObject *buffer;
    void *data;
    int kind;
    Py_UCS4 maxchar;
    Py_ssize_t size;
    Py_ssize_t pos;
    Py_ssize_t min_length;
    Py_UCS4 min_char;
    unsigned char overallocate;
    unsigned char readonly;
} _PyUnicodeWriter;
void _PyUnicodeWriter_Init(_PyUnicodeWriter *);
int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *, Py_UCS4);
int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *, PyObject *);
int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *, PyObject *, Py_ssize_t, Py_ssize_t);
int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *, const char *, Py_ssize_t);
int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *, const char *, Py_ssize_t);
PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *);
void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *);
/* Make room for `length` more characters up to `maxchar` (writes go to data at pos). */
int _PyUnicodeWriter_Prepare(_PyUnicodeWriter *, Py_ssize_t length, Py_UCS4 maxchar);
int _PyUnicodeWriter_PrepareKind(_PyUnicodeWriter *, int kind);
/* The format-spec mini-language (src/objects/formatter.c): format obj with
 * spec[start:end] and append the result to the writer. Used by __format__ methods. */
int _PyUnicode_FormatAdvancedWriter(_PyUnicodeWriter *, PyObject *obj, PyObject *spec,
                                    Py_ssize_t start, Py_ssize_t end);
int _PyLong_FormatAdvancedWriter(_PyUnicodeWriter *, PyObject *obj, PyObject *spec,
                                 Py_ssize_t start, Py_ssize_t end);
int _PyFloat_FormatAdvancedWriter(_PyUnicodeWriter *, PyObject *obj, PyObject *spec,
                                  Py_ssize_t start, Py_ssize_t end);
int _PyComplex_FormatAdvancedWriter(_PyUnicodeWriter *, PyObject *obj, PyObject *spec,
                                    Py_ssize_t start, Py_ssize_t end);
/* PyObject_Format(obj, spec) (spec may be NULL) for the f-string opcodes: exact int,
 * float and str go straight to the formatter, everything else to PyObject_Format. */
PyObject *_KrObject_FormatWithSpec(PyObject *obj, PyObject *spec);
PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors,
                                int *byteorder);
PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors,
                                int *byteorder);
PyObject *PyUnicode_AsEncodedObject(PyObject *, const char *encoding, const char *errors);
PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors);
PyObject *_PyUnicode_AsASCIIString(PyObject *, const char *errors);
PyObject *_PyUnicode_AsLatin1String(PyObject *, const char *errors);
PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *);
PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors);
PyObject *PyUnicode_Splitlines(PyObject *s, int keepends);
PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep);
Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end);
Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start,
                               Py_ssize_t end, int direction);
int PyUnicode_WriteChar(PyObject *, Py_ssize_t, Py_UCS4);
Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                    Py_ssize_t from_start, Py_ssize_t how_many);
void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                   Py_ssize_t from_start, Py_ssize_t how_many);
int _PyUnicode_IsCaseIgnorable(Py_UCS4);
int _PyUnicode_IsCased(Py_UCS4);
Py_UCS4 _PyUnicode_ToLowercase(Py_UCS4);
Py_UCS4 _PyUnicode_ToUppercase(Py_UCS4);
Py_UCS4 _PyUnicode_ToTitlecase(Py_UCS4);
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_ISALNUM(ch) (_PyUnicode_IsAlpha(ch) || _PyUnicode_IsDecimalDigit(ch) || \
                                _PyUnicode_IsDigit(ch) || _PyUnicode_IsNumeric(ch))
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low) \
    (((((Py_UCS4)(high) & 0x03FF) << 10) | ((Py_UCS4)(low) & 0x03FF)) + 0x10000)
#define Py_UNICODE_HIGH_SURROGATE(ch) (0xD800 - (0x10000 >> 10) + ((ch) >> 10))
#define Py_UNICODE_LOW_SURROGATE(ch) (0xDC00 + ((ch) & 0x3FF))
/* Codec registry (src/vm/codecs.c) */
PyObject *PyCodec_Lookup(const char *encoding);
int PyCodec_Register(PyObject *search_function);
int PyCodec_Unregister(PyObject *search_function);
PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors);
PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors);
int PyCodec_RegisterError(const char *name, PyObject *error);
PyObject *PyCodec_LookupError(const char *name);

/* Character predicates and case mapping from the generated Unicode tables. */
int _PyUnicode_IsWhitespace(Py_UCS4);
int _PyUnicode_IsLinebreak(Py_UCS4);
int _PyUnicode_IsAlpha(Py_UCS4);
int _PyUnicode_IsDecimalDigit(Py_UCS4);
int _PyUnicode_IsDigit(Py_UCS4);
int _PyUnicode_IsNumeric(Py_UCS4);
int _PyUnicode_IsPrintable(Py_UCS4);
int _PyUnicode_IsLowercase(Py_UCS4);
int _PyUnicode_IsUppercase(Py_UCS4);
int _PyUnicode_IsTitlecase(Py_UCS4);
int _PyUnicode_IsXidStart(Py_UCS4);
int _PyUnicode_IsXidContinue(Py_UCS4);
int _PyUnicode_ToDecimalDigit(Py_UCS4);
int _PyUnicode_ToDigit(Py_UCS4);
double _PyUnicode_ToNumeric(Py_UCS4);
#define Py_UNICODE_ISSPACE(ch) ((ch) < 128 ? ((ch) == ' ' || ((ch) >= 9 && (ch) <= 13) || ((ch) >= 28 && (ch) <= 31)) : _PyUnicode_IsWhitespace(ch))
#endif

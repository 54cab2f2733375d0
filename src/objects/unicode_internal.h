/* Helpers shared by the files of the text area (str, bytes, codecs, formatting).
 * Not part of the public contract; other areas use include/unicodeobject.h. */
#ifndef KR_UNICODE_INTERNAL_H
#define KR_UNICODE_INTERNAL_H
#include "Python.h"

#define KR_MAX_UNICODE 0x10FFFF
#define KR_KIND_MAX(kind) ((kind) == 1 ? 0xffu : (kind) == 2 ? 0xffffu : 0x10ffffu)
#define KR_STR_MAXCHAR(op) \
    (PyUnicode_IS_ASCII(op) ? 0x7fu : KR_KIND_MAX(PyUnicode_KIND(op)))

PyObject *_KrUnicode_Empty(void);         /* new reference to "" */
PyObject *_KrUnicode_Char(Py_UCS4 ch);    /* new reference; cached for latin-1 */
PyObject *_KrUnicode_FromUCS1(const Py_UCS1 *, Py_ssize_t);
PyObject *_KrUnicode_FromUCS2(const Py_UCS2 *, Py_ssize_t);
PyObject *_KrUnicode_FromUCS4(const Py_UCS4 *, Py_ssize_t);
/* Copy code points between strings; the target must be wide enough. */
void _KrUnicode_CopyChars(PyObject *to, Py_ssize_t to_start, PyObject *from,
                          Py_ssize_t from_start, Py_ssize_t n);
Py_UCS4 _KrUnicode_FindMaxChar(PyObject *, Py_ssize_t start, Py_ssize_t end);
/* Sub-string search on raw data, -1 when absent. direction > 0 forward. */
Py_ssize_t _KrUnicode_FindIn(PyObject *s, Py_ssize_t start, Py_ssize_t end, PyObject *sub,
                             int direction);
Py_ssize_t _KrUnicode_CountIn(PyObject *s, Py_ssize_t start, Py_ssize_t end, PyObject *sub,
                              Py_ssize_t maxcount);
int _KrUnicode_Tailmatch(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                         int direction);
PyObject *_KrUnicode_Repeat(PyObject *, Py_ssize_t);
PyObject *_KrUnicode_Slice(PyObject *, Py_ssize_t start, Py_ssize_t step, Py_ssize_t n);
/* Shrink/grow a fresh (refcount 1, never shared) string in place. */
int _KrUnicode_Resize(PyObject **p, Py_ssize_t length);
/* Adjust start/end like slice indices (negative from the end, clamped). */
void _KrAdjustIndices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len);
/* Parse the optional start/end arguments of find()/count()/...: None means default. */
int _KrParseSliceArg(PyObject *o, Py_ssize_t *out);

extern PyMethodDef _KrUnicode_Methods[];
/* str(v) for an int (exact or not: only its value is read) below 2**60 in magnitude;
 * NULL without an exception for bigger ones (formatter.c). */
PyObject *_KrUnicode_FromSmallInt(PyObject *v);
PyObject *_KrUnicode_Casefold(PyObject *);

/* Writer helpers (unicode_writer.c) */
int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *, Py_ssize_t length, Py_UCS4 maxchar);
int _KrUnicodeWriter_Fill(_PyUnicodeWriter *, Py_UCS4 ch, Py_ssize_t count);
int _KrUnicodeWriter_WriteUTF8(_PyUnicodeWriter *, const char *, Py_ssize_t);

/* Full case mappings from the tables: write up to 3 code points, return the count. */
int _KrUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res);
int _KrUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res);
int _KrUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res);
int _KrUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res);
int _KrUnicode_IsCased(Py_UCS4 ch);
int _KrUnicode_IsCaseIgnorable(Py_UCS4 ch);
Py_UCS4 _KrUnicode_ToLower(Py_UCS4 ch);
Py_UCS4 _KrUnicode_ToUpper(Py_UCS4 ch);
Py_UCS4 _KrUnicode_ToTitle(Py_UCS4 ch);

/* A growable byte buffer for encoders and bytes building. */
typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} KrByteBuf;
int _KrByteBuf_Reserve(KrByteBuf *, Py_ssize_t extra);
int _KrByteBuf_Put(KrByteBuf *, const void *, Py_ssize_t);
static inline int _KrByteBuf_PutByte(KrByteBuf *b, int c)
{
    if (b->len >= b->cap && _KrByteBuf_Reserve(b, 1) < 0)
        return -1;
    b->buf[b->len++] = (char)c;
    return 0;
}
PyObject *_KrByteBuf_FinishBytes(KrByteBuf *);
PyObject *_KrByteBuf_FinishByteArray(KrByteBuf *);
void _KrByteBuf_Free(KrByteBuf *);

/* Codec error machinery (unicode_codecs.c). */
int _KrCodec_DecodeError(const char *errors, const char *encoding, const char *reason,
                         const char *input, Py_ssize_t insize, Py_ssize_t start,
                         Py_ssize_t end, _PyUnicodeWriter *w, Py_ssize_t *newpos);
/* Runs the error handler for unencodable unicode[start:end]: *repl receives a str (to be
 * encoded by the codec) or bytes (copied verbatim); *newpos where to resume. */
int _KrCodec_EncodeError(const char *errors, const char *encoding, const char *reason,
                         PyObject *unicode, Py_ssize_t start, Py_ssize_t end,
                         PyObject **repl, Py_ssize_t *newpos);
int _KrUnicode_LookupName(const char *name, Py_ssize_t len, Py_UCS4 *code);
int _KrUnicode_GetName(Py_UCS4 code, char *buf, size_t bufsize);
PyObject *_KrUnicode_EncodeUTF8(PyObject *, const char *errors);
int _KrCodec_IsStrict(const char *errors);

/* bytes helpers shared by bytes, bytearray and memoryview */
PyObject *_KrBytes_FromBuffer(PyObject *obj);
PyObject *_KrBytes_Repr(const char *data, Py_ssize_t n, int smartquotes, const char *prefix,
                        const char *suffix);
PyObject *_KrBytes_Hex(const char *data, Py_ssize_t n, PyObject *sep, PyObject *bytes_per_sep);
PyObject *_KrBytes_FromHex(PyObject *cls, PyObject *string);
PyObject *_KrBytes_Format(const char *fmt, Py_ssize_t fmtlen, PyObject *args, int is_bytearray);
#endif

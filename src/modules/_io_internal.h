/* Shared declarations of the _io module's files: the object layouts and the C-level
 * fast paths that TextIOWrapper and print() use when the layers below are ours. */
#ifndef KR_IO_INTERNAL_H
#define KR_IO_INTERNAL_H
#include "Python.h"

#define KR_IO_DEFAULT_BUFFER_SIZE 8192

/* Every _io object starts like this: an instance dict (for user attributes and
 * subclasses) and the weakref list. */
#define KR_IOBASE_HEAD     \
    PyObject_HEAD          \
    PyObject *dict;        \
    PyObject *weakreflist; \
    int iobase_closed;

typedef struct {
    KR_IOBASE_HEAD
} iobase;

typedef struct {
    KR_IOBASE_HEAD
    int fd;
    unsigned readable : 1, writable : 1, appending : 1, created : 1, closefd : 1;
    signed char seekable; /* -1 unknown */
    PyObject *name_unused;
    int blksize;
} fileio;

typedef struct {
    KR_IOBASE_HEAD
    PyObject *raw;
    fileio *fast_raw; /* raw when it is exactly a FileIO, else NULL */
    int readable, writable;
    char *buf;
    Py_ssize_t size;
    Py_ssize_t rpos, rend; /* read buffer: valid bytes [rpos, rend) */
    Py_ssize_t wlen;       /* pending write bytes [0, wlen) */
    int detached;
    int ok;
    struct kr_buflock *lock; /* _io_buffered.c: serialises users while the GIL is released */
} buffered;

typedef struct {
    KR_IOBASE_HEAD
    PyObject *buffer;
    buffered *fast_buf; /* buffer when it is one of our Buffered types */
    fileio *fast_raw;   /* buffer when it is a raw FileIO (buffering=0 is not allowed for
                           text, but sys.stdout with -u uses an unbuffered writer) */
    PyObject *encoding, *errors;
    int is_utf8, is_latin1, is_ascii;
    int readuniversal, readtranslate, writetranslate;
    PyObject *writenl;      /* str or NULL */
    int line_buffering, write_through;
    PyObject *decoded;      /* str: decoded but not yet returned characters */
    Py_ssize_t decoded_pos;
    PyObject *raw_chunk;    /* bytes the current `decoded` came from (for tell) */
    long long chunk_start;  /* byte position of raw_chunk in the buffer */
    char *pending;          /* undecoded tail (incomplete UTF-8 sequence) */
    Py_ssize_t npending;
    int pending_cr;         /* a '\r' ended the last chunk (may pair with '\n') */
    int seen_newlines;      /* bit 1: \r, 2: \n, 4: \r\n */
    int detached, ok, telling;
    int iterating; /* next() is in use: tell() refuses until EOF or a seek */
} textio;

extern PyTypeObject _PyIOBase_Type, _PyRawIOBase_Type, _PyBufferedIOBase_Type,
    _PyTextIOBase_Type, PyFileIO_Type, PyBufferedReader_Type, PyBufferedWriter_Type,
    PyBufferedRandom_Type, PyTextIOWrapper_Type, PyStringIO_Type, PyBytesIO_Type;
PyObject *_PyIO_GetUnsupportedOperation(void); /* borrowed; io.UnsupportedOperation */

/* Helpers shared by the files. */
int _PyIO_CheckClosed(PyObject *self); /* -1 with ValueError if self.closed */
PyObject *_PyIO_Unsupported(const char *what);
PyObject *_PyIO_ClosedError(void);
int _PyIO_ConvertSsize(PyObject *arg, void *out); /* None or int -> Py_ssize_t (-1 = all) */

/* C-level fast paths */
Py_ssize_t _PyFileIO_WriteAll(fileio *f, const char *data, Py_ssize_t n);
int _PyBuffered_Write(buffered *b, const char *data, Py_ssize_t n);
int _PyBuffered_Flush(buffered *b);
PyObject *_PyBuffered_Read1(buffered *b, Py_ssize_t n); /* bytes, b"" at EOF */
long long _PyBuffered_Tell(buffered *b);
PyObject *_PyTextIO_Write(textio *t, PyObject *text); /* returns int */
PyObject *_PyIO_MakeTextIO(PyObject *buffer, const char *encoding, const char *errors,
                           const char *newline, int line_buffering, int write_through);
#endif

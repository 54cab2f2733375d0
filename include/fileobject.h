/* Writing to Python file objects from C (src/modules/_iomodule.c): used by print(),
 * traceback printing and the error display. */
#ifndef KR_FILEOBJECT_H
#define KR_FILEOBJECT_H
#include "object.h"
int PyFile_WriteObject(PyObject *obj, PyObject *file, int flags); /* flags: Py_PRINT_RAW => str() */
int PyFile_WriteString(const char *s, PyObject *file);
PyObject *PyFile_GetLine(PyObject *file, int n);
PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline,
                        int closefd);
int PyObject_AsFileDescriptor(PyObject *);
/* builtin open() / io.open() */
PyObject *_PyIO_Open(PyObject *file, const char *mode, int buffering, const char *encoding,
                     const char *errors, const char *newline, int closefd, PyObject *opener);
PyObject *PyInit__io(void);
PyObject *_PyIO_NewStringIO(void); /* io.StringIO() */
#endif

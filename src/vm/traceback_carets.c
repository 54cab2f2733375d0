/* The source line and position markers (~~~^^^) under a traceback entry, following the
 * rules CPython 3.13's traceback module applies. */
#include "Python.h"
#include "internal/pycore_frame.h"

/* Returns the text to print for the entry ("    line\n" plus an optional marker line),
 * or NULL without an exception to fall back to the plain stripped line. */
PyObject *_KrTraceBack_FormatCarets(PyCodeObject *co, int lasti_bytes, PyObject *line_obj,
                                    int lineno)
{
    return NULL;
}

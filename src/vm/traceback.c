/* Traceback objects, printing tracebacks in CPython's format, and "Did you mean"
 * suggestions. The caret lines under source lines live in traceback_carets.c. */
#include "Python.h"
#include "internal/pycore_frame.h"

PyObject *_KrTraceBack_FormatCarets(PyCodeObject *co, int lasti_bytes, PyObject *line_obj,
                                    int lineno);

static PyObject *tb_create_raw(PyTracebackObject *next, PyFrameObject *frame, int lasti,
                               int lineno)
{
    if (next != NULL && !PyTraceBack_Check(next)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL)
        return NULL;
    tb->tb_next = (PyTracebackObject *)Py_XNewRef((PyObject *)next);
    tb->tb_frame = (PyFrameObject *)Py_XNewRef((PyObject *)frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

PyObject *_PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame)
{
    int addr = PyFrame_GetLasti(frame);
    return tb_create_raw((PyTracebackObject *)tb_next, frame, addr, -1);
}

int PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return 0;
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *newtb = _PyTraceBack_FromFrame(tb, frame);
    Py_XDECREF(tb);
    if (newtb == NULL) {
        _PyErr_ChainExceptions1(exc);
        return -1;
    }
    PyException_SetTraceback(exc, newtb);
    Py_DECREF(newtb);
    PyErr_SetRaisedException(exc);
    return 0;
}

static int tb_get_lineno(PyTracebackObject *tb)
{
    if (tb->tb_lineno == -1 && tb->tb_frame != NULL) {
        PyCodeObject *co = PyFrame_GetCode(tb->tb_frame);
        if (co != NULL) {
            tb->tb_lineno = tb->tb_lasti < 0 ? co->co_firstlineno
                                             : PyCode_Addr2Line(co, tb->tb_lasti);
            Py_DECREF(co);
        }
    }
    return tb->tb_lineno;
}

static void tb_dealloc(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, tb_dealloc)
    Py_XDECREF((PyObject *)tb->tb_next);
    Py_XDECREF((PyObject *)tb->tb_frame);
    PyObject_GC_Del(self);
    Py_TRASHCAN_END
}

static int tb_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int tb_clear(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

static PyObject *tb_next_get(PyObject *self, void *c)
{
    PyObject *n = (PyObject *)((PyTracebackObject *)self)->tb_next;
    return Py_NewRef(n ? n : Py_None);
}

static int tb_next_set(PyObject *self, PyObject *new_next, void *c)
{
    if (new_next == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (new_next == Py_None) {
        new_next = NULL;
    }
    else if (!PyTraceBack_Check(new_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(new_next)->tp_name);
        return -1;
    }
    for (PyTracebackObject *cursor = (PyTracebackObject *)new_next; cursor != NULL;
         cursor = cursor->tb_next) {
        if (cursor == (PyTracebackObject *)self) {
            PyErr_SetString(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    Py_XSETREF(((PyTracebackObject *)self)->tb_next,
               (PyTracebackObject *)Py_XNewRef(new_next));
    return 0;
}

static PyObject *tb_lineno_get(PyObject *self, void *c)
{
    int lineno = tb_get_lineno((PyTracebackObject *)self);
    if (lineno < 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(lineno);
}

static PyObject *tb_frame_get(PyObject *self, void *c)
{
    PyObject *f = (PyObject *)((PyTracebackObject *)self)->tb_frame;
    return Py_NewRef(f ? f : Py_None);
}

static PyObject *tb_lasti_get(PyObject *self, void *c)
{
    return PyLong_FromLong(((PyTracebackObject *)self)->tb_lasti);
}

static PyObject *tb_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *tb_next, *tb_frame;
    int tb_lasti, tb_lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOii:traceback", kwlist, &tb_next,
                                     &tb_frame, &tb_lasti, &tb_lineno))
        return NULL;
    if (!PyFrame_Check(tb_frame)) {
        PyErr_Format(PyExc_TypeError, "traceback() argument 'tb_frame' must be frame, not %.200s",
                     Py_TYPE(tb_frame)->tp_name);
        return NULL;
    }
    if (tb_next == Py_None) {
        tb_next = NULL;
    }
    else if (!PyTraceBack_Check(tb_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                     Py_TYPE(tb_next)->tp_name);
        return NULL;
    }
    return tb_create_raw((PyTracebackObject *)tb_next, (PyFrameObject *)tb_frame, tb_lasti,
                         tb_lineno);
}

static PyObject *tb_dir(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("[ssss]", "tb_frame", "tb_next", "tb_lasti", "tb_lineno");
}

static PyMethodDef tb_methods[] = {
    {"__dir__", tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef tb_getsetters[] = {
    {"tb_next", tb_next_get, tb_next_set, NULL, NULL},
    {"tb_lineno", tb_lineno_get, NULL, NULL, NULL},
    {"tb_frame", tb_frame_get, NULL, NULL, NULL},
    {"tb_lasti", tb_lasti_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_methods = tb_methods,
    .tp_getset = tb_getsetters,
    .tp_new = tb_new,
};

/* ---- printing ------------------------------------------------------------------------- */

static int write_str(PyObject *file, const char *s)
{
    PyObject *str = PyUnicode_FromString(s);
    if (str == NULL)
        return -1;
    PyObject *r = PyObject_CallMethodOneArg(file, _Py_ID(write), str);
    Py_DECREF(str);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static int write_obj(PyObject *file, PyObject *str)
{
    PyObject *r = PyObject_CallMethodOneArg(file, _Py_ID(write), str);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* The raw text of line `lineno` of `filename` (without the newline), or NULL without an
 * exception when it cannot be read. */
PyObject *_KrTraceBack_GetSourceLine(PyObject *filename, int lineno)
{
    if (filename == NULL || !PyUnicode_Check(filename) || lineno < 1)
        return NULL;
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (path[0] == '<')
        return NULL;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int cur = 1, c;
    while ((c = fgetc(fp)) != EOF) {
        if (cur == lineno) {
            if (c == '\n')
                break;
            if (len + 2 > cap) {
                size_t ncap = cap ? cap * 2 : 128;
                char *nb = PyMem_RawRealloc(buf, ncap);
                if (nb == NULL) {
                    PyMem_RawFree(buf);
                    fclose(fp);
                    return NULL;
                }
                buf = nb;
                cap = ncap;
            }
            buf[len++] = (char)c;
        }
        else if (c == '\n') {
            cur++;
            if (cur > lineno)
                break;
        }
    }
    fclose(fp);
    if (cur != lineno) {
        PyMem_RawFree(buf);
        return NULL;
    }
    if (len > 0 && buf[len - 1] == '\r')
        len--;
    PyObject *line = PyUnicode_DecodeUTF8(buf ? buf : "", (Py_ssize_t)len, "replace");
    PyMem_RawFree(buf);
    if (line == NULL)
        PyErr_Clear();
    return line;
}

static int is_space_char(Py_UCS4 ch)
{
    return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v';
}

static int display_source_line(PyObject *file, PyFrameObject *frame, int lasti, int lineno)
{
    PyCodeObject *co = PyFrame_GetCode(frame);
    if (co == NULL)
        return 0;
    PyObject *line = _KrTraceBack_GetSourceLine(co->co_filename, lineno);
    if (line == NULL) {
        Py_DECREF(co);
        return 0;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(line), start = 0, end = n;
    while (start < n && is_space_char(PyUnicode_READ_CHAR(line, start)))
        start++;
    while (end > start && (is_space_char(PyUnicode_READ_CHAR(line, end - 1)) ||
                           PyUnicode_READ_CHAR(line, end - 1) == '\r'))
        end--;
    if (start == end) {
        Py_DECREF(line);
        Py_DECREF(co);
        return 0;
    }
    int err = 0;
    PyObject *carets = _KrTraceBack_FormatCarets(co, lasti, line, lineno);
    if (carets == NULL && PyErr_Occurred())
        PyErr_Clear();
    if (carets != NULL) {
        err = write_obj(file, carets);
        Py_DECREF(carets);
    }
    else {
        PyObject *stripped = PyUnicode_Substring(line, start, end);
        PyObject *out = stripped ? PyUnicode_FromFormat("    %U\n", stripped) : NULL;
        Py_XDECREF(stripped);
        if (out == NULL)
            err = -1;
        else {
            err = write_obj(file, out);
            Py_DECREF(out);
        }
    }
    Py_DECREF(line);
    Py_DECREF(co);
    return err;
}

#define TB_RECURSIVE_CUTOFF 3

static int tb_print_line_repeated(PyObject *file, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    PyObject *line = PyUnicode_FromFormat("  [Previous line repeated %ld more time%s]\n", cnt,
                                          cnt > 1 ? "s" : "");
    if (line == NULL)
        return -1;
    int err = write_obj(file, line);
    Py_DECREF(line);
    return err;
}

static int tb_printinternal(PyTracebackObject *tb, PyObject *file, long limit)
{
    long depth = 0;
    PyTracebackObject *tb1 = tb;
    while (tb1 != NULL) {
        depth++;
        tb1 = tb1->tb_next;
    }
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    PyObject *last_file = NULL;
    int last_line = -1;
    PyObject *last_name = NULL;
    long cnt = 0;
    int err = 0;
    while (tb != NULL && err == 0) {
        PyCodeObject *code = PyFrame_GetCode(tb->tb_frame);
        int lineno = tb_get_lineno(tb);
        if (code == NULL) {
            tb = tb->tb_next;
            continue;
        }
        if (last_file == NULL || code->co_filename != last_file || lineno != last_line ||
            code->co_name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                err = tb_print_line_repeated(file, cnt);
            last_file = code->co_filename;
            last_line = lineno;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (err == 0 && cnt <= TB_RECURSIVE_CUTOFF) {
            PyObject *line;
            if (lineno < 0)
                line = PyUnicode_FromFormat("  File \"%U\", line None, in %U\n",
                                            code->co_filename, code->co_name);
            else
                line = PyUnicode_FromFormat("  File \"%U\", line %d, in %U\n",
                                            code->co_filename, lineno, code->co_name);
            if (line == NULL) {
                err = -1;
            }
            else {
                err = write_obj(file, line);
                Py_DECREF(line);
                if (err == 0 && lineno >= 0)
                    err = display_source_line(file, tb->tb_frame, tb->tb_lasti, lineno);
            }
        }
        Py_DECREF(code);
        tb = tb->tb_next;
    }
    if (err == 0 && cnt > TB_RECURSIVE_CUTOFF)
        err = tb_print_line_repeated(file, cnt);
    return err;
}

int PyTraceBack_Print(PyObject *v, PyObject *f)
{
    if (v == NULL)
        return 0;
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    long limit = 1000;
    PyObject *limitv = PySys_GetObject("tracebacklimit");
    if (limitv != NULL && PyLong_Check(limitv)) {
        int overflow;
        limit = PyLong_AsLongAndOverflow(limitv, &overflow);
        if (overflow > 0)
            limit = LONG_MAX;
        else if (limit <= 0)
            return 0;
    }
    if (write_str(f, "Traceback (most recent call last):\n") < 0)
        return -1;
    return tb_printinternal((PyTracebackObject *)v, f, limit);
}

/* ---- suggestions ("Did you mean ...?") ----------------------------------------------- */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static inline int substitution_cost(char a, char b)
{
    if (LEAST_FIVE_BITS(a) != LEAST_FIVE_BITS(b))
        return MOVE_COST;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += ('a' - 'A');
    if ('A' <= b && b <= 'Z')
        b += ('a' - 'A');
    if (a == b)
        return CASE_COST;
    return MOVE_COST;
}

/* Levenshtein distance with case changes cheaper than other edits; gives up (returns
 * max_cost + 1) as soon as the distance must exceed max_cost. */
static Py_ssize_t levenshtein_distance(const char *a, size_t a_size, const char *b,
                                       size_t b_size, size_t max_cost, size_t *buffer)
{
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0]) {
        a++;
        a_size--;
        b++;
        b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0)
        return (Py_ssize_t)((a_size + b_size) * MOVE_COST);
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return (Py_ssize_t)max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return (Py_ssize_t)max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t b_index = 0; b_index < b_size; b_index++) {
        char code = b[b_index];
        size_t distance = result = b_index * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + (size_t)substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = Py_MIN(result, distance) + MOVE_COST;
            result = Py_MIN(insert_delete, substitute);
            buffer[index] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return (Py_ssize_t)max_cost + 1;
    }
    return (Py_ssize_t)result;
}

/* The closest string in the list `dir` to `name`, or NULL (no exception) if none is
 * close enough. */
PyObject *_Py_CalculateSuggestions(PyObject *dir, PyObject *name)
{
    if (!PyList_Check(dir) || !PyUnicode_Check(name))
        return NULL;
    Py_ssize_t dir_size = PyList_GET_SIZE(dir);
    if (dir_size >= MAX_CANDIDATE_ITEMS)
        return NULL;
    Py_ssize_t suggestion_distance = PY_SSIZE_T_MAX;
    PyObject *suggestion = NULL;
    Py_ssize_t name_size;
    const char *name_str = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_str == NULL) {
        PyErr_Clear();
        return NULL;
    }
    size_t *buffer = PyMem_Malloc(MAX_STRING_SIZE * sizeof(size_t));
    if (buffer == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < dir_size; i++) {
        PyObject *item = PyList_GET_ITEM(dir, i);
        if (!PyUnicode_Check(item))
            continue;
        if (_PyUnicode_Equal(name, item))
            continue;
        Py_ssize_t item_size;
        const char *item_str = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_str == NULL) {
            PyErr_Clear();
            continue;
        }
        Py_ssize_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (suggestion_distance - 1 < max_distance)
            max_distance = suggestion_distance - 1;
        Py_ssize_t current = levenshtein_distance(name_str, (size_t)name_size, item_str,
                                                  (size_t)item_size, (size_t)max_distance,
                                                  buffer);
        if (current > max_distance)
            continue;
        if (!suggestion || current < suggestion_distance) {
            suggestion = item;
            suggestion_distance = current;
        }
    }
    PyMem_Free(buffer);
    return Py_XNewRef(suggestion);
}

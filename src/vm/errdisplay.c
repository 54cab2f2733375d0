/* Displaying uncaught exceptions the way CPython 3.13 does: chained exceptions
 * (__cause__ / __context__), __notes__, exception-group trees with "  | " margins,
 * SyntaxError source lines with carets, and "Did you mean" name suggestions.
 * Also PyErr_Print (sys.last_exc + sys.excepthook). */
#include <string.h>
#include "Python.h"

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

typedef struct {
    PyObject *file;
    PyObject *seen; /* set of ids of exceptions already shown */
    int depth;      /* exception-group nesting */
    int need_close;
} pctx;

/* ---- writing with group margins ----------------------------------------------------- */

static int write_raw(pctx *c, const char *s)
{
    return PyFile_WriteString(s, c->file);
}

/* Writes `text` (may hold several lines) with the current group indentation and margin
 * character in front of every line. */
static int emit_obj(pctx *c, PyObject *text, char margin)
{
    if (c->depth == 0)
        return PyFile_WriteObject(text, c->file, Py_PRINT_RAW);
    char prefix[64];
    int ind = 2 * c->depth;
    if (ind > 40)
        ind = 40;
    memset(prefix, ' ', (size_t)ind);
    prefix[ind] = margin;
    prefix[ind + 1] = ' ';
    prefix[ind + 2] = '\0';
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), start = 0;
    while (start < n) {
        Py_ssize_t end = PyUnicode_FindChar(text, '\n', start, n, 1);
        if (end == -2)
            return -1;
        end = end < 0 ? n : end + 1;
        PyObject *line = PyUnicode_Substring(text, start, end);
        if (line == NULL)
            return -1;
        int r = PyFile_WriteString(prefix, c->file);
        if (r == 0)
            r = PyFile_WriteObject(line, c->file, Py_PRINT_RAW);
        Py_DECREF(line);
        if (r < 0)
            return -1;
        start = end;
    }
    return 0;
}

static int emit(pctx *c, const char *s, char margin)
{
    PyObject *t = PyUnicode_FromString(s);
    if (t == NULL)
        return -1;
    int r = emit_obj(c, t, margin);
    Py_DECREF(t);
    return r;
}

static int emitf(pctx *c, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *t = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (t == NULL)
        return -1;
    int r = emit_obj(c, t, '|');
    Py_DECREF(t);
    return r;
}

/* ---- suggestions ("Did you mean") ---------------------------------------------------- */

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_CANDIDATES 750
#define MAX_STRING_SIZE 40

static size_t subst_cost(char a, char b)
{
    if (a == b)
        return 0;
    char la = (a >= 'A' && a <= 'Z') ? (char)(a + 32) : a;
    char lb = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : b;
    return la == lb ? CASE_COST : MOVE_COST;
}

/* Edit distance with case-insensitive substitutions cheaper, giving up (returning
 * max_cost + 1) as soon as every path costs more than max_cost. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb,
                            size_t max_cost)
{
    while (na && nb && a[0] == b[0]) {
        a++;
        b++;
        na--;
        nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--;
        nb--;
    }
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[MAX_STRING_SIZE];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST;
        result = diag;
        size_t best = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            size_t ins = (result < diag ? result : diag) + MOVE_COST;
            result = ins < sub ? ins : sub;
            row[i] = result;
            if (result < best)
                best = result;
        }
        if (best > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* Best candidate from `names` (a list of str) for `wrong`, or NULL. New reference. */
static PyObject *best_suggestion(PyObject *names, PyObject *wrong)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    if (n > MAX_CANDIDATES)
        return NULL;
    Py_ssize_t wlen;
    const char *w = PyUnicode_AsUTF8AndSize(wrong, &wlen);
    if (w == NULL || wlen > MAX_STRING_SIZE) {
        PyErr_Clear();
        return NULL;
    }
    size_t best_dist = (size_t)-1;
    PyObject *best = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *cand = PyList_GET_ITEM(names, i);
        if (!PyUnicode_Check(cand))
            continue;
        if (_PyUnicode_Equal(cand, wrong))
            continue;
        Py_ssize_t clen;
        const char *cs = PyUnicode_AsUTF8AndSize(cand, &clen);
        if (cs == NULL) {
            PyErr_Clear();
            continue;
        }
        size_t maxd = ((size_t)clen + (size_t)wlen + 3) * MOVE_COST / 6;
        if (best_dist == 0)
            continue;
        if (best_dist - 1 < maxd)
            maxd = best_dist - 1;
        size_t d = edit_distance(w, (size_t)wlen, cs, (size_t)clen, maxd);
        if (d > maxd)
            continue;
        if (best == NULL || d < best_dist) {
            best = cand;
            best_dist = d;
        }
    }
    return best ? Py_NewRef(best) : NULL;
}

static int extend_keys(PyObject *list, PyObject *mapping)
{
    if (mapping == NULL)
        return 0;
    PyObject *keys = PyMapping_Keys(mapping);
    if (keys == NULL)
        return -1;
    PyObject *it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (it == NULL)
        return -1;
    PyObject *k;
    while ((k = PyIter_Next(it)) != NULL) {
        int r = PyList_Append(list, k);
        Py_DECREF(k);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Sorted str names of dir(obj), without _private ones unless `keep_private`. */
static PyObject *dir_names(PyObject *obj, int keep_private)
{
    PyObject *d = PyObject_Dir(obj);
    if (d == NULL)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *it = PyObject_GetIter(d);
    Py_DECREF(d);
    if (it == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        if (PyUnicode_Check(x) &&
            (keep_private || PyUnicode_GET_LENGTH(x) == 0 || PyUnicode_READ_CHAR(x, 0) != '_')) {
            if (PyList_Append(out, x) < 0) {
                Py_DECREF(x);
                break;
            }
        }
        Py_DECREF(x);
    }
    Py_DECREF(it);
    if (PyErr_Occurred() || PyList_Sort(out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyFrameObject *last_frame(PyObject *tb)
{
    if (tb == NULL || !PyTraceBack_Check(tb))
        return NULL;
    PyTracebackObject *t = (PyTracebackObject *)tb;
    while (t->tb_next != NULL)
        t = t->tb_next;
    return t->tb_frame;
}

static PyObject *compute_suggestion(PyObject *exc, PyObject *tb, PyObject *wrong)
{
    PyObject *names = NULL, *res = NULL;
    if (wrong == NULL || !PyUnicode_Check(wrong))
        return NULL;
    int keep_private = PyUnicode_GET_LENGTH(wrong) > 0 && PyUnicode_READ_CHAR(wrong, 0) == '_';
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyObject *obj = ((PyAttributeErrorObject *)exc)->obj;
        if (obj == NULL)
            return NULL;
        if (!keep_private) {
            PyFrameObject *f = last_frame(tb);
            if (f != NULL) {
                PyObject *locals = PyFrame_GetLocals(f);
                if (locals != NULL) {
                    PyObject *self = PyMapping_GetItemString(locals, "self");
                    if (self == obj)
                        keep_private = 1;
                    Py_XDECREF(self);
                    Py_DECREF(locals);
                }
                PyErr_Clear();
            }
        }
        names = dir_names(obj, keep_private);
    }
    else if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_ImportError)) {
        PyObject *modname = ((PyImportErrorObject *)exc)->name;
        if (modname == NULL || !PyUnicode_Check(modname))
            return NULL;
        PyObject *mod = PyImport_Import(modname);
        if (mod == NULL) {
            PyErr_Clear();
            return NULL;
        }
        names = dir_names(mod, keep_private);
        Py_DECREF(mod);
    }
    else {
        PyFrameObject *f = last_frame(tb);
        if (f == NULL)
            return NULL;
        names = PyList_New(0);
        if (names == NULL)
            goto done;
        PyObject *locals = PyFrame_GetLocals(f);
        PyObject *globals = PyFrame_GetGlobals(f);
        PyObject *builtins = PyFrame_GetBuiltins(f);
        int r = extend_keys(names, locals);
        if (r == 0)
            r = extend_keys(names, globals);
        if (r == 0)
            r = extend_keys(names, builtins);
        PyObject *self = NULL;
        if (r == 0 && locals != NULL)
            self = PyMapping_GetItemString(locals, "self");
        PyErr_Clear();
        Py_XDECREF(locals);
        Py_XDECREF(globals);
        Py_XDECREF(builtins);
        if (r < 0)
            goto done;
        if (self != NULL) {
            int has = PyObject_HasAttrWithError(self, wrong);
            Py_DECREF(self);
            PyErr_Clear();
            if (has > 0) {
                res = PyUnicode_FromFormat("self.%U", wrong);
                goto done;
            }
        }
    }
    if (names != NULL)
        res = best_suggestion(names, wrong);
done:
    Py_XDECREF(names);
    PyErr_Clear();
    return res;
}

static const char stdlib_names[] =
#include "stdlib_names.inc"
    ;

/* Is `name` a top-level standard library module (sys.stdlib_module_names)? */
static int is_stdlib_name(PyObject *name)
{
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(name, &n);
    if (s == NULL) {
        PyErr_Clear();
        return 0;
    }
    const char *p = stdlib_names;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (len == (size_t)n && memcmp(p, s, len) == 0)
            return 1;
        if (!sp)
            break;
        p = sp + 1;
    }
    return 0;
}

PyObject *_PyErr_StdlibModuleNames(void)
{
    PyObject *set = PyFrozenSet_New(NULL);
    if (set == NULL)
        return NULL;
    const char *p = stdlib_names;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (len) {
            PyObject *s = PyUnicode_FromStringAndSize(p, (Py_ssize_t)len);
            if (s == NULL || PySet_Add(set, s) < 0) {
                Py_XDECREF(s);
                Py_DECREF(set);
                return NULL;
            }
            Py_DECREF(s);
        }
        if (!sp)
            break;
        p = sp + 1;
    }
    return set;
}

/* ---- the exception line ------------------------------------------------------------ */

static PyObject *type_display_name(PyTypeObject *t)
{
    PyObject *qual = PyType_GetQualName(t);
    if (qual == NULL)
        return NULL;
    PyObject *mod = PyObject_GetAttrString((PyObject *)t, "__module__");
    if (mod == NULL) {
        PyErr_Clear();
        return qual;
    }
    PyObject *res = qual;
    if (PyUnicode_Check(mod) && !_PyUnicode_EqualToASCIIString(mod, "__main__") &&
        !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        res = PyUnicode_FromFormat("%U.%U", mod, qual);
        Py_DECREF(qual);
    }
    Py_DECREF(mod);
    return res;
}

static PyObject *safe_str(PyObject *o, const char *what, int use_repr)
{
    PyObject *s = use_repr ? PyObject_Repr(o) : PyObject_Str(o);
    if (s == NULL) {
        PyErr_Clear();
        return PyUnicode_FromFormat("<%s %s() failed>", what, use_repr ? "repr" : "str");
    }
    return s;
}

static PyObject *get_attr_or_null(PyObject *o, const char *name)
{
    PyObject *v = NULL;
    if (PyObject_GetOptionalAttrString(o, name, &v) < 0)
        PyErr_Clear();
    return v;
}

static int print_syntax_error(pctx *c, PyObject *exc, PyObject *stype)
{
    int rc = -1;
    PyObject *filename = get_attr_or_null(exc, "filename");
    PyObject *lineno = get_attr_or_null(exc, "lineno");
    PyObject *end_lineno = get_attr_or_null(exc, "end_lineno");
    PyObject *offset = get_attr_or_null(exc, "offset");
    PyObject *end_offset = get_attr_or_null(exc, "end_offset");
    PyObject *text = get_attr_or_null(exc, "text");
    PyObject *msg = get_attr_or_null(exc, "msg");
    PyObject *suffix = NULL;
    if (lineno != NULL && lineno != Py_None) {
        if (filename != NULL && filename != Py_None && PyObject_IsTrue(filename) > 0) {
            if (emitf(c, "  File \"%S\", line %S\n", filename, lineno) < 0)
                goto done;
        }
        else if (emitf(c, "  File \"<string>\", line %S\n", lineno) < 0)
            goto done;
    }
    else if (filename != NULL && filename != Py_None) {
        suffix = PyUnicode_FromFormat(" (%S)", filename);
        if (suffix == NULL)
            goto done;
    }
    if (text != NULL && PyUnicode_Check(text)) {
        Py_ssize_t tlen = PyUnicode_GET_LENGTH(text);
        Py_ssize_t r_end = tlen;
        while (r_end > 0 && PyUnicode_READ_CHAR(text, r_end - 1) == '\n')
            r_end--;
        Py_ssize_t l_start = 0;
        while (l_start < r_end) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(text, l_start);
            if (ch != ' ' && ch != '\n' && ch != '\f')
                break;
            l_start++;
        }
        PyObject *ltext = PyUnicode_Substring(text, l_start, r_end);
        if (ltext == NULL)
            goto done;
        Py_ssize_t spaces = l_start, rlen = r_end;
        int r = emitf(c, "    %U\n", ltext);
        if (r == 0 && offset != NULL && PyLong_Check(offset)) {
            Py_ssize_t off = PyLong_AsSsize_t(offset), eoff;
            int same_line = lineno && end_lineno && PyObject_RichCompareBool(lineno, end_lineno, Py_EQ) > 0;
            PyErr_Clear();
            if (same_line) {
                eoff = (end_offset && PyLong_Check(end_offset)) ? PyLong_AsSsize_t(end_offset) : 0;
                if (eoff == 0)
                    eoff = off;
            }
            else {
                eoff = rlen + 1;
            }
            if (tlen > 0 && off > tlen)
                off = rlen + 1;
            if (tlen > 0 && eoff > tlen)
                eoff = rlen + 1;
            if (off >= eoff || eoff < 0)
                eoff = off + 1;
            Py_ssize_t colno = off - 1 - spaces, end_colno = eoff - 1 - spaces;
            if (colno >= 0) {
                _PyUnicodeWriter w;
                _PyUnicodeWriter_Init(&w);
                int ok = _PyUnicodeWriter_WriteASCIIString(&w, "    ", 4) == 0;
                Py_ssize_t ll = PyUnicode_GET_LENGTH(ltext);
                for (Py_ssize_t i = 0; ok && i < colno && i < ll; i++) {
                    Py_UCS4 ch = PyUnicode_READ_CHAR(ltext, i);
                    ok = _PyUnicodeWriter_WriteChar(&w, Py_UNICODE_ISSPACE(ch) ? ch : ' ') == 0;
                }
                for (Py_ssize_t i = colno; ok && i < end_colno; i++)
                    ok = _PyUnicodeWriter_WriteChar(&w, '^') == 0;
                if (ok)
                    ok = _PyUnicodeWriter_WriteChar(&w, '\n') == 0;
                if (!ok) {
                    _PyUnicodeWriter_Dealloc(&w);
                    r = -1;
                }
                else {
                    PyObject *caret = _PyUnicodeWriter_Finish(&w);
                    r = caret ? emit_obj(c, caret, '|') : -1;
                    Py_XDECREF(caret);
                }
            }
        }
        Py_DECREF(ltext);
        if (r < 0)
            goto done;
    }
    PyObject *m = (msg != NULL && msg != Py_None && PyObject_IsTrue(msg) > 0)
                      ? safe_str(msg, "exception", 0)
                      : PyUnicode_FromString("<no detail available>");
    PyErr_Clear();
    if (m == NULL)
        goto done;
    rc = suffix ? emitf(c, "%U: %U%U\n", stype, m, suffix) : emitf(c, "%U: %U\n", stype, m);
    Py_DECREF(m);
done:
    Py_XDECREF(filename);
    Py_XDECREF(lineno);
    Py_XDECREF(end_lineno);
    Py_XDECREF(offset);
    Py_XDECREF(end_offset);
    Py_XDECREF(text);
    Py_XDECREF(msg);
    Py_XDECREF(suffix);
    return rc;
}

static int print_exception_only(pctx *c, PyObject *exc)
{
    PyObject *stype = type_display_name(Py_TYPE(exc));
    if (stype == NULL)
        return -1;
    int rc = -1;
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        rc = print_syntax_error(c, exc, stype);
    }
    else {
        PyObject *s = safe_str(exc, "exception", 0);
        if (s == NULL)
            goto done;
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *wrong = NULL;
        int is_name = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_NameError);
        if (is_name || PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError))
            wrong = ((PyAttributeErrorObject *)exc)->name;
        else if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_ImportError))
            wrong = ((PyImportErrorObject *)exc)->name_from;
        if (wrong != NULL && wrong != Py_None) {
            PyObject *sugg = compute_suggestion(exc, tb, wrong);
            if (sugg != NULL) {
                PyObject *t = PyUnicode_FromFormat("%U. Did you mean: '%U'?", s, sugg);
                Py_DECREF(sugg);
                Py_SETREF(s, t);
                if (s == NULL) {
                    Py_XDECREF(tb);
                    goto done;
                }
                if (is_name && PyUnicode_Check(wrong) && is_stdlib_name(wrong)) {
                    t = PyUnicode_FromFormat("%U Or did you forget to import '%U'?", s, wrong);
                    Py_SETREF(s, t);
                }
            }
            else if (is_name && PyUnicode_Check(wrong) && is_stdlib_name(wrong)) {
                PyObject *t = PyUnicode_FromFormat("%U. Did you forget to import '%U'?", s, wrong);
                Py_SETREF(s, t);
            }
        }
        Py_XDECREF(tb);
        if (s == NULL)
            goto done;
        if (PyUnicode_GET_LENGTH(s) == 0)
            rc = emitf(c, "%U\n", stype);
        else
            rc = emitf(c, "%U: %U\n", stype, s);
        Py_DECREF(s);
    }
    if (rc < 0)
        goto done;
    /* __notes__ */
    PyObject *notes = get_attr_or_null(exc, "__notes__");
    if (notes != NULL && notes != Py_None) {
        if (PySequence_Check(notes) && !PyUnicode_Check(notes) && !PyBytes_Check(notes)) {
            Py_ssize_t n = PySequence_Size(notes);
            for (Py_ssize_t i = 0; rc == 0 && i < n; i++) {
                PyObject *note = PySequence_GetItem(notes, i);
                if (note == NULL) {
                    PyErr_Clear();
                    break;
                }
                PyObject *ns = PyUnicode_Check(note) ? Py_NewRef(note) : safe_str(note, "note", 0);
                Py_DECREF(note);
                if (ns == NULL) {
                    rc = -1;
                    break;
                }
                rc = emitf(c, "%U\n", ns);
                Py_DECREF(ns);
            }
            PyErr_Clear();
        }
        else {
            PyObject *ns = safe_str(notes, "__notes__", 1);
            rc = ns ? emitf(c, "%U\n", ns) : -1;
            Py_XDECREF(ns);
        }
    }
    Py_XDECREF(notes);
done:
    Py_DECREF(stype);
    return rc;
}

/* ---- tracebacks ---------------------------------------------------------------------- */

/* Prints the traceback; inside groups it is rendered to a string first so that every
 * line can carry the margin, and the header names an exception group when asked. */
static int print_tb(pctx *c, PyObject *tb, int group_header, char margin)
{
    if (c->depth == 0 && !group_header)
        return PyTraceBack_Print(tb, c->file);
    PyObject *sio = _PyIO_NewStringIO();
    if (sio == NULL)
        return -1;
    if (PyTraceBack_Print(tb, sio) < 0) {
        Py_DECREF(sio);
        return -1;
    }
    PyObject *text = PyObject_CallMethod(sio, "getvalue", NULL);
    Py_DECREF(sio);
    if (text == NULL)
        return -1;
    int rc;
    if (group_header) {
        Py_ssize_t nl = PyUnicode_FindChar(text, '\n', 0, PyUnicode_GET_LENGTH(text), 1);
        PyObject *rest = nl >= 0 ? PyUnicode_Substring(text, nl + 1, PyUnicode_GET_LENGTH(text))
                                 : PyUnicode_FromString("");
        if (rest == NULL) {
            Py_DECREF(text);
            return -1;
        }
        rc = emit(c, "Exception Group Traceback (most recent call last):\n", margin);
        if (rc == 0)
            rc = emit_obj(c, rest, '|');
        Py_DECREF(rest);
    }
    else {
        rc = emit_obj(c, text, '|');
    }
    Py_DECREF(text);
    return rc;
}

/* ---- chains and groups ------------------------------------------------------------- */

static int seen_add(pctx *c, PyObject *exc)
{
    PyObject *id = PyLong_FromVoidPtr(exc);
    if (id == NULL)
        return -1;
    int r = PySet_Add(c->seen, id);
    Py_DECREF(id);
    return r;
}

static int seen_has(pctx *c, PyObject *exc)
{
    PyObject *id = PyLong_FromVoidPtr(exc);
    if (id == NULL)
        return -1;
    int r = PySet_Contains(c->seen, id);
    Py_DECREF(id);
    return r;
}

static int print_one(pctx *c, PyObject *exc);

static int print_chain(pctx *c, PyObject *exc)
{
    /* Collect the chain newest-first, then print oldest-first. */
    PyObject *chain = PyList_New(0), *msgs = PyList_New(0);
    int rc = -1;
    if (chain == NULL || msgs == NULL)
        goto done;
    PyObject *cur = exc;
    PyObject *msg = Py_None;
    while (cur != NULL) {
        if (seen_add(c, cur) < 0 || PyList_Append(chain, cur) < 0 || PyList_Append(msgs, msg) < 0)
            goto done;
        PyBaseExceptionObject *b = (PyBaseExceptionObject *)cur;
        PyObject *next = NULL;
        if (b->cause != NULL && b->cause != Py_None && PyExceptionInstance_Check(b->cause)) {
            next = b->cause;
            msg = Py_True;
        }
        else if (b->context != NULL && b->context != Py_None && !b->suppress_context &&
                 PyExceptionInstance_Check(b->context)) {
            next = b->context;
            msg = Py_False;
        }
        if (next != NULL) {
            int s = seen_has(c, next);
            if (s < 0)
                goto done;
            if (s)
                next = NULL;
        }
        cur = next;
    }
    for (Py_ssize_t i = PyList_GET_SIZE(chain) - 1; i >= 0; i--) {
        if (print_one(c, PyList_GET_ITEM(chain, i)) < 0)
            goto done;
        PyObject *m = PyList_GET_ITEM(msgs, i);
        if (m == Py_True) {
            if (emit(c, "\nThe above exception was the direct cause of the following exception:\n\n", '|') < 0)
                goto done;
        }
        else if (m == Py_False) {
            if (emit(c, "\nDuring handling of the above exception, another exception occurred:\n\n", '|') < 0)
                goto done;
        }
    }
    rc = 0;
done:
    Py_XDECREF(chain);
    Py_XDECREF(msgs);
    return rc;
}

static int print_one(pctx *c, PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    int is_group = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup);
    int rc = -1;
    if (!is_group) {
        if (tb != NULL && tb != Py_None && print_tb(c, tb, 0, '|') < 0)
            goto done;
        rc = print_exception_only(c, exc);
        goto done;
    }
    if (c->depth > MAX_GROUP_DEPTH) {
        rc = emitf(c, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        goto done;
    }
    int toplevel = c->depth == 0;
    if (toplevel)
        c->depth++;
    if (tb != NULL && tb != Py_None && print_tb(c, tb, 1, toplevel ? '+' : '|') < 0)
        goto done;
    if (print_exception_only(c, exc) < 0)
        goto done;
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    Py_ssize_t num = (excs && PyTuple_Check(excs)) ? PyTuple_GET_SIZE(excs) : 0;
    Py_ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last)
            c->need_close = 1;
        int truncated = i >= MAX_GROUP_WIDTH;
        char title[32];
        if (truncated)
            snprintf(title, sizeof title, "...");
        else
            snprintf(title, sizeof title, "%zd", i + 1);
        char line[128];
        int ind = 2 * c->depth;
        snprintf(line, sizeof line, "%*s%s+---------------- %s ----------------\n", ind, "",
                 i == 0 ? "+-" : "  ", title);
        if (write_raw(c, line) < 0)
            goto done;
        c->depth++;
        if (!truncated) {
            if (print_chain(c, PyTuple_GET_ITEM(excs, i)) < 0)
                goto done;
        }
        else {
            Py_ssize_t remaining = num - MAX_GROUP_WIDTH;
            if (emitf(c, "and %zd more exception%s\n", remaining, remaining > 1 ? "s" : "") < 0)
                goto done;
        }
        if (last && c->need_close) {
            snprintf(line, sizeof line, "%*s+------------------------------------\n",
                     2 * c->depth, "");
            if (write_raw(c, line) < 0)
                goto done;
            c->need_close = 0;
        }
        c->depth--;
    }
    if (toplevel)
        c->depth = 0;
    rc = 0;
done:
    Py_XDECREF(tb);
    return rc;
}

static void display_to(PyObject *file, PyObject *exc)
{
    pctx c = {file, PySet_New(NULL), 0, 0};
    if (c.seen == NULL) {
        PyErr_Clear();
        return;
    }
    if (print_chain(&c, exc) < 0)
        PyErr_Clear();
    Py_DECREF(c.seen);
    PyObject *r = PyObject_CallMethod(file, "flush", NULL);
    if (r == NULL)
        PyErr_Clear();
    Py_XDECREF(r);
}

void PyErr_Display(PyObject *unused, PyObject *value, PyObject *tb)
{
    PyObject *file = PySys_GetObject("stderr");
    if (value == NULL || value == Py_None)
        return;
    if (file == NULL) {
        fprintf(stderr, "lost sys.stderr\n");
        return;
    }
    if (file == Py_None)
        return;
    if (!PyExceptionInstance_Check(value)) {
        PyObject *s = safe_str(value, "object", 0);
        if (s != NULL) {
            PyObject *t = PyUnicode_FromFormat(
                "TypeError: print_exception(): Exception expected for value, %s found\n",
                Py_TYPE(value)->tp_name);
            if (t != NULL && PyFile_WriteObject(t, file, Py_PRINT_RAW) < 0)
                PyErr_Clear();
            Py_XDECREF(t);
            Py_DECREF(s);
        }
        return;
    }
    Py_INCREF(file);
    Py_INCREF(value);
    if (tb != NULL && tb != Py_None) {
        PyObject *cur = PyException_GetTraceback(value);
        if (cur != tb && PyException_SetTraceback(value, tb) < 0)
            PyErr_Clear();
        Py_XDECREF(cur);
    }
    display_to(file, value);
    Py_DECREF(value);
    Py_DECREF(file);
}

void PyErr_DisplayException(PyObject *exc)
{
    PyErr_Display(NULL, exc, NULL);
}

/* ---- PyErr_Print ------------------------------------------------------------------- */

int _Py_ExitCodeFromPending(void);

void PyErr_PrintEx(int set_sys_last_vars)
{
    if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
        /* As in CPython, printing a SystemExit means leaving with its status. */
        Py_Exit(_Py_ExitCodeFromPending());
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    if (set_sys_last_vars) {
        PyObject *tb = PyException_GetTraceback(exc);
        if (PySys_SetObject("last_exc", exc) < 0 ||
            PySys_SetObject("last_type", (PyObject *)Py_TYPE(exc)) < 0 ||
            PySys_SetObject("last_value", exc) < 0 ||
            PySys_SetObject("last_traceback", tb ? tb : Py_None) < 0)
            PyErr_Clear();
        Py_XDECREF(tb);
    }
    PyObject *hook = PySys_GetObject("excepthook");
    if (hook != NULL && hook != Py_None) {
        Py_INCREF(hook);
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *args[3] = {(PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None};
        PyObject *r = PyObject_Vectorcall(hook, args, 3, NULL);
        Py_XDECREF(tb);
        Py_DECREF(hook);
        if (r != NULL) {
            Py_DECREF(r);
        }
        else {
            PyObject *exc2 = PyErr_GetRaisedException();
            if (PyErr_GivenExceptionMatches(exc2, PyExc_SystemExit)) {
                /* SystemExit from the hook itself: honoured by the caller. */
                PyErr_SetRaisedException(exc2);
                Py_DECREF(exc);
                return;
            }
            PyObject *file = PySys_GetObject("stderr");
            if (file != NULL && file != Py_None) {
                Py_INCREF(file);
                if (PyFile_WriteString("Error in sys.excepthook:\n", file) == 0) {
                    display_to(file, exc2);
                    if (PyFile_WriteString("\nOriginal exception was:\n", file) == 0)
                        display_to(file, exc);
                }
                PyErr_Clear();
                Py_DECREF(file);
            }
            Py_XDECREF(exc2);
        }
    }
    else {
        PyObject *file = PySys_GetObject("stderr");
        if (file != NULL && file != Py_None) {
            Py_INCREF(file);
            if (PyFile_WriteString("sys.excepthook is missing\n", file) == 0)
                display_to(file, exc);
            PyErr_Clear();
            Py_DECREF(file);
        }
        else {
            fprintf(stderr, "lost sys.stderr\n");
        }
    }
    Py_DECREF(exc);
    PyErr_Clear();
}

void PyErr_Print(void)
{
    PyErr_PrintEx(1);
}

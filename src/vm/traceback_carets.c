/* The source lines and position markers (~~~^^^) under a traceback entry, following the
 * rules CPython 3.13's traceback module applies: the instruction's source range, anchors
 * for binary operators, subscripts and calls found by re-parsing the segment, and no
 * markers when they would underline the whole statement. */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_ast.h"

PyObject *_KrTraceBack_GetSourceLine(PyObject *filename, int lineno);

typedef struct {
    int has;
    Py_ssize_t left_lineno, left_off, right_lineno, right_off;
} anchors_t;

/* Characters in the first `byte_off` bytes of the UTF-8 form of `line`. */
static Py_ssize_t byte_to_char(PyObject *line, Py_ssize_t byte_off)
{
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(line, &n);
    if (u == NULL) {
        PyErr_Clear();
        return byte_off;
    }
    if (byte_off > n)
        byte_off = n;
    if (byte_off < 0)
        byte_off = 0;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < byte_off; i++)
        if (((unsigned char)u[i] & 0xC0) != 0x80)
            count++;
    return count;
}

static int is_ws(Py_UCS4 ch)
{
    return Py_UNICODE_ISSPACE(ch);
}

static mod_ty parse_source(PyObject *src, PyArena *arena)
{
    const char *s = PyUnicode_AsUTF8(src);
    if (s == NULL)
        return NULL;
    PyObject *fname = PyUnicode_FromString("<traceback>");
    if (fname == NULL)
        return NULL;
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    flags.cf_flags = PyCF_ONLY_AST;
    mod_ty mod = _PyParser_ASTFromString(s, fname, Py_file_input, &flags, arena);
    Py_DECREF(fname);
    return mod;
}

/* ---- anchors ------------------------------------------------------------------------ */

typedef struct {
    PyObject *lines; /* list of str */
    Py_ssize_t n;
} seglines_t;

static Py_ssize_t line_len(seglines_t *s, Py_ssize_t i)
{
    return PyUnicode_GET_LENGTH(PyList_GET_ITEM(s->lines, i));
}

static Py_UCS4 line_char(seglines_t *s, Py_ssize_t i, Py_ssize_t col)
{
    return PyUnicode_READ_CHAR(PyList_GET_ITEM(s->lines, i), col);
}

static int next_valid_char(seglines_t *s, Py_ssize_t *lineno, Py_ssize_t *col)
{
    while (*lineno < s->n && *col >= line_len(s, *lineno)) {
        *col = 0;
        (*lineno)++;
    }
    return *lineno < s->n && *col < line_len(s, *lineno) ? 0 : -1;
}

/* Moves to the first character satisfying `stop` (0: not space and not ')', 1: '[', 2:
 * '('), skipping comments and line continuations. */
static int increment_until(seglines_t *s, Py_ssize_t *lineno, Py_ssize_t *col, int stop)
{
    for (;;) {
        if (*lineno >= s->n || *col >= line_len(s, *lineno))
            return -1;
        Py_UCS4 ch = line_char(s, *lineno, *col);
        if (ch == '\\' || ch == '#') {
            *col = 0;
            (*lineno)++;
            if (next_valid_char(s, lineno, col) < 0)
                return -1;
            continue;
        }
        int ok = stop == 0 ? (!is_ws(ch) && ch != ')') : stop == 1 ? ch == '[' : ch == '(';
        if (ok)
            return 0;
        (*col)++;
        if (next_valid_char(s, lineno, col) < 0)
            return -1;
    }
}

static int setup_positions(seglines_t *s, expr_ty e, int force_valid, Py_ssize_t *lineno,
                           Py_ssize_t *col)
{
    *lineno = e->end_lineno - 2;
    if (*lineno < 0 || *lineno >= s->n)
        return -1;
    *col = byte_to_char(PyList_GET_ITEM(s->lines, *lineno), e->end_col_offset);
    if (force_valid)
        return next_valid_char(s, lineno, col);
    return 0;
}

static void extract_anchors(PyObject *segment, anchors_t *out)
{
    out->has = 0;
    PyObject *src = PyUnicode_FromFormat("(\n%U\n)", segment);
    if (src == NULL) {
        PyErr_Clear();
        return;
    }
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        Py_DECREF(src);
        PyErr_Clear();
        return;
    }
    seglines_t s = {NULL, 0};
    mod_ty mod = parse_source(src, arena);
    Py_DECREF(src);
    if (mod == NULL || mod->kind != Module_kind || asdl_seq_LEN(mod->v.Module.body) != 1)
        goto done;
    stmt_ty st = (stmt_ty)asdl_seq_GET(mod->v.Module.body, 0);
    if (st->kind != Expr_kind)
        goto done;
    expr_ty e = st->v.Expr.value;
    PyObject *nl = PyUnicode_FromString("\n");
    s.lines = nl ? PyUnicode_Split(segment, nl, -1) : NULL;
    Py_XDECREF(nl);
    if (s.lines == NULL)
        goto done;
    s.n = PyList_GET_SIZE(s.lines);
    Py_ssize_t l1, c1, l2, c2;
    if (e->kind == BinOp_kind) {
        if (setup_positions(&s, e->v.BinOp.left, 1, &l1, &c1) < 0 ||
            increment_until(&s, &l1, &c1, 0) < 0)
            goto done;
        Py_ssize_t right_col = c1 + 1;
        expr_ty right = e->v.BinOp.right;
        if (right_col < line_len(&s, l1)) {
            Py_ssize_t rl = right->lineno - 2;
            int before_right = rl > l1 ||
                               (rl >= 0 && rl < s.n &&
                                right_col < byte_to_char(PyList_GET_ITEM(s.lines, rl),
                                                         right->col_offset));
            Py_UCS4 ch = line_char(&s, l1, right_col);
            if (before_right && !is_ws(ch) && ch != '\\' && ch != '#')
                right_col++;
        }
        out->left_lineno = l1;
        out->left_off = c1;
        out->right_lineno = l1;
        out->right_off = right_col;
        out->has = 1;
    }
    else if (e->kind == Subscript_kind || e->kind == Call_kind) {
        expr_ty left = e->kind == Subscript_kind ? e->v.Subscript.value : e->v.Call.func;
        if (setup_positions(&s, left, 1, &l1, &c1) < 0 ||
            increment_until(&s, &l1, &c1, e->kind == Subscript_kind ? 1 : 2) < 0 ||
            setup_positions(&s, e, 0, &l2, &c2) < 0)
            goto done;
        out->left_lineno = l1;
        out->left_off = c1;
        out->right_lineno = l2;
        out->right_off = c2;
        out->has = 1;
    }
done:
    if (PyErr_Occurred())
        PyErr_Clear();
    Py_XDECREF(s.lines);
    _PyArena_Free(arena);
}

/* ---- when to show markers ------------------------------------------------------------ */

static int has_nonspace(PyObject *line, Py_ssize_t start, Py_ssize_t end)
{
    for (Py_ssize_t i = start; i < end; i++)
        if (!is_ws(PyUnicode_READ_CHAR(line, i)))
            return 1;
    return 0;
}

static int should_show_carets(Py_ssize_t start_offset, Py_ssize_t end_offset, PyObject *all_lines,
                              anchors_t *anchors)
{
    Py_ssize_t n = PyList_GET_SIZE(all_lines);
    PyObject *nl = PyUnicode_FromString("\n");
    PyObject *src = nl ? PyUnicode_Join(nl, all_lines) : NULL;
    Py_XDECREF(nl);
    PyArena *arena = src ? _PyArena_New() : NULL;
    if (arena != NULL) {
        mod_ty mod = parse_source(src, arena);
        if (mod != NULL && mod->kind == Module_kind) {
            if (asdl_seq_LEN(mod->v.Module.body) == 0) {
                _PyArena_Free(arena);
                Py_DECREF(src);
                return 0;
            }
            stmt_ty st = (stmt_ty)asdl_seq_GET(mod->v.Module.body, 0);
            expr_ty value = NULL;
            if (st->kind == Return_kind && st->v.Return.value &&
                st->v.Return.value->kind == Call_kind &&
                st->v.Return.value->v.Call.func->kind == Name_kind)
                value = st->v.Return.value;
            else if (st->kind == Assign_kind && st->v.Assign.value->kind == Call_kind &&
                     asdl_seq_LEN(st->v.Assign.targets) == 1 &&
                     ((expr_ty)asdl_seq_GET(st->v.Assign.targets, 0))->kind == Name_kind)
                value = st->v.Assign.value;
            if (value != NULL && value->lineno == 1 && value->end_lineno == n &&
                value->col_offset == start_offset && value->end_col_offset == end_offset) {
                _PyArena_Free(arena);
                Py_DECREF(src);
                return 0;
            }
        }
        _PyArena_Free(arena);
    }
    Py_XDECREF(src);
    PyErr_Clear();
    if (anchors->has)
        return 1;
    PyObject *first = PyList_GET_ITEM(all_lines, 0);
    PyObject *last = PyList_GET_ITEM(all_lines, n - 1);
    Py_ssize_t first_end = Py_MIN(start_offset, PyUnicode_GET_LENGTH(first));
    if (has_nonspace(first, 0, first_end))
        return 1;
    if (end_offset < PyUnicode_GET_LENGTH(last) &&
        has_nonspace(last, end_offset, PyUnicode_GET_LENGTH(last)))
        return 1;
    return 0;
}

/* ---- textwrap.dedent / indent ----------------------------------------------------------- */

/* Lines (without newlines) after removing their common leading whitespace; lines that are
 * only whitespace become empty, as textwrap.dedent does. */
static PyObject *dedent_lines(PyObject *lines)
{
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *margin = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *l = PyList_GET_ITEM(lines, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(l), k = 0;
        while (k < len && (PyUnicode_READ_CHAR(l, k) == ' ' || PyUnicode_READ_CHAR(l, k) == '\t'))
            k++;
        if (!has_nonspace(l, k, len))
            continue;
        if (margin == NULL) {
            margin = PyUnicode_Substring(l, 0, k);
            if (margin == NULL)
                return NULL;
            continue;
        }
        Py_ssize_t m = PyUnicode_GET_LENGTH(margin), j = 0;
        while (j < m && j < k && PyUnicode_READ_CHAR(margin, j) == PyUnicode_READ_CHAR(l, j))
            j++;
        if (j < m) {
            Py_SETREF(margin, PyUnicode_Substring(margin, 0, j));
            if (margin == NULL)
                return NULL;
        }
    }
    Py_ssize_t cut = margin ? PyUnicode_GET_LENGTH(margin) : 0;
    Py_XDECREF(margin);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *l = PyList_GET_ITEM(lines, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(l);
        PyObject *r;
        if (!has_nonspace(l, 0, len))
            r = PyUnicode_New(0, 0);
        else
            r = PyUnicode_Substring(l, Py_MIN(cut, len), len);
        if (r == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, r);
    }
    return out;
}

static int append_line(PyObject *result, PyObject *line)
{
    return PyList_Append(result, line);
}

static int output_line(PyObject *result, PyObject *all_lines, Py_ssize_t lineno, int show,
                       anchors_t *a, Py_ssize_t start_off, Py_ssize_t end_off)
{
    PyObject *line = PyList_GET_ITEM(all_lines, lineno);
    if (append_line(result, line) < 0)
        return -1;
    if (!show)
        return 0;
    Py_ssize_t n = PyList_GET_SIZE(all_lines);
    Py_ssize_t len = PyUnicode_GET_LENGTH(line), num_spaces = 0;
    while (num_spaces < len && is_ws(PyUnicode_READ_CHAR(line, num_spaces)))
        num_spaces++;
    Py_ssize_t num_carets = lineno == n - 1 ? end_off : len;
    if (num_carets < 0)
        num_carets = 0;
    char *buf = PyMem_Malloc((size_t)num_carets + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char primary = a->has ? '~' : '^';
    for (Py_ssize_t col = 0; col < num_carets; col++) {
        char c;
        if (col < num_spaces || (lineno == 0 && col < start_off))
            c = ' ';
        else if (a->has &&
                 (lineno > a->left_lineno || (lineno == a->left_lineno && col >= a->left_off)) &&
                 (lineno < a->right_lineno ||
                  (lineno == a->right_lineno && col < a->right_off)))
            c = '^';
        else
            c = primary;
        buf[col] = c;
    }
    PyObject *s = PyUnicode_FromStringAndSize(buf, num_carets);
    PyMem_Free(buf);
    if (s == NULL)
        return -1;
    int r = append_line(result, s);
    Py_DECREF(s);
    return r;
}

/* ---- entry point ------------------------------------------------------------------------ */

static PyObject *format_entry(PyCodeObject *co, int lasti_bytes, int lineno)
{
    int line, col, end_line, end_col;
    if (lasti_bytes < 0 || !PyCode_Addr2Location(co, lasti_bytes, &line, &col, &end_line, &end_col))
        return NULL;
    if (col < 0 || end_col < 0 || line != lineno || end_line < line)
        return NULL;
    Py_ssize_t nlines = end_line - line + 1;
    PyObject *orig = PyList_New(nlines);
    if (orig == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nlines; i++) {
        PyObject *l = _KrTraceBack_GetSourceLine(co->co_filename, line + (int)i);
        if (l == NULL) {
            Py_DECREF(orig);
            return NULL;
        }
        PyList_SET_ITEM(orig, i, l);
    }
    PyObject *all_lines = dedent_lines(orig);
    PyObject *result = NULL, *out = NULL, *segment = NULL;
    if (all_lines == NULL)
        goto done;
    PyObject *first_line = PyList_GET_ITEM(orig, 0);
    PyObject *last_line = PyList_GET_ITEM(orig, nlines - 1);
    Py_ssize_t start_offset = byte_to_char(first_line, col);
    Py_ssize_t end_offset = byte_to_char(last_line, end_col);
    Py_ssize_t dedent = PyUnicode_GET_LENGTH(first_line) -
                        PyUnicode_GET_LENGTH(PyList_GET_ITEM(all_lines, 0));
    start_offset = Py_MAX(0, start_offset - dedent);
    end_offset = Py_MAX(0, end_offset - dedent);
    {
        int any = 0;
        for (Py_ssize_t i = 0; i < nlines && !any; i++) {
            PyObject *l = PyList_GET_ITEM(all_lines, i);
            any = has_nonspace(l, 0, PyUnicode_GET_LENGTH(l));
        }
        if (!any)
            goto done;
    }
    PyObject *nl = PyUnicode_FromString("\n");
    PyObject *joined = nl ? PyUnicode_Join(nl, all_lines) : NULL;
    Py_XDECREF(nl);
    if (joined == NULL)
        goto done;
    Py_ssize_t jlen = PyUnicode_GET_LENGTH(joined);
    Py_ssize_t tail = PyUnicode_GET_LENGTH(PyList_GET_ITEM(all_lines, nlines - 1)) - end_offset;
    Py_ssize_t seg_end = jlen - tail;
    if (seg_end < start_offset)
        seg_end = start_offset;
    if (seg_end > jlen)
        seg_end = jlen;
    segment = PyUnicode_Substring(joined, Py_MIN(start_offset, jlen), seg_end);
    Py_DECREF(joined);
    if (segment == NULL)
        goto done;
    anchors_t anchors;
    extract_anchors(segment, &anchors);
    if (anchors.has) {
        if (anchors.left_lineno == 0)
            anchors.left_off += start_offset;
        if (anchors.right_lineno == 0)
            anchors.right_off += start_offset;
    }
    int show = should_show_carets(start_offset, end_offset, all_lines, &anchors);
    result = PyList_New(0);
    if (result == NULL)
        goto done;
    /* Only the first and last lines and those around the anchors are printed. */
    char *sig = PyMem_Calloc((size_t)nlines, 1);
    if (sig == NULL)
        goto done;
    sig[0] = sig[nlines - 1] = 1;
    if (anchors.has) {
        for (Py_ssize_t d = -1; d <= 1; d++) {
            Py_ssize_t a = anchors.left_lineno + d, b = anchors.right_lineno + d;
            if (a >= 0 && a < nlines)
                sig[a] = 1;
            if (b >= 0 && b < nlines)
                sig[b] = 1;
        }
    }
    Py_ssize_t prev = -1;
    int err = 0;
    for (Py_ssize_t i = 0; i < nlines && !err; i++) {
        if (!sig[i])
            continue;
        if (prev >= 0) {
            Py_ssize_t diff = i - prev;
            if (diff == 2) {
                err = output_line(result, all_lines, i - 1, show, &anchors, start_offset,
                                  end_offset);
            }
            else if (diff > 2) {
                PyObject *m = PyUnicode_FromFormat("...<%zd lines>...", diff - 1);
                err = m == NULL || append_line(result, m) < 0;
                Py_XDECREF(m);
            }
        }
        if (!err)
            err = output_line(result, all_lines, i, show, &anchors, start_offset, end_offset);
        prev = i;
    }
    PyMem_Free(sig);
    if (err)
        goto done;
    {
        PyObject *ded = dedent_lines(result);
        if (ded == NULL)
            goto done;
        _PyUnicodeWriter w;
        _PyUnicodeWriter_Init(&w);
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ded); i++) {
            if (_PyUnicodeWriter_WriteASCIIString(&w, "    ", 4) < 0 ||
                _PyUnicodeWriter_WriteStr(&w, PyList_GET_ITEM(ded, i)) < 0 ||
                _PyUnicodeWriter_WriteChar(&w, '\n') < 0) {
                _PyUnicodeWriter_Dealloc(&w);
                Py_DECREF(ded);
                goto done;
            }
        }
        Py_DECREF(ded);
        out = _PyUnicodeWriter_Finish(&w);
    }
done:
    Py_XDECREF(segment);
    Py_XDECREF(result);
    Py_XDECREF(all_lines);
    Py_DECREF(orig);
    if (out == NULL)
        PyErr_Clear();
    return out;
}

/* Returns the text to print for the entry (source lines plus optional marker lines, each
 * indented by four spaces), or NULL without an exception to fall back to the plain
 * stripped line. */
PyObject *_KrTraceBack_FormatCarets(PyCodeObject *co, int lasti_bytes, PyObject *line_obj,
                                    int lineno)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *r = format_entry(co, lasti_bytes, lineno);
    PyErr_SetRaisedException(exc);
    return r;
}

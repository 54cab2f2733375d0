/* The methods of str (everything in dir(str) that is not a slot). */
#include "Python.h"
#include "unicode_internal.h"

#define LEN(s) PyUnicode_GET_LENGTH(s)
#define KIND(s) PyUnicode_KIND(s)
#define DATA(s) PyUnicode_DATA(s)

static PyObject *same_str(PyObject *s)
{
    return PyUnicode_CheckExact(s) ? Py_NewRef(s) : _PyUnicode_Copy(s);
}

static int is_linebreak(Py_UCS4 c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e);
    return _PyUnicode_IsLinebreak(c);
}

static int str_arg(PyObject *o, const char *fname, int argno)
{
    if (PyUnicode_Check(o))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s", fname, argno,
                 Py_TYPE(o)->tp_name);
    return -1;
}

/* ---- case mapping ---------------------------------------------------------------------- */

/* Greek capital sigma lowercases to final sigma at the end of a word. */
static Py_UCS4 lower_sigma(int kind, const void *d, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t j;
    for (j = i - 1; j >= 0; j--) {
        Py_UCS4 c = PyUnicode_READ(kind, d, j);
        if (!_KrUnicode_IsCaseIgnorable(c))
            break;
    }
    int final = j >= 0 && _KrUnicode_IsCased(PyUnicode_READ(kind, d, j));
    if (final) {
        for (j = i + 1; j < n; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, d, j);
            if (!_KrUnicode_IsCaseIgnorable(c))
                break;
        }
        final = j == n || !_KrUnicode_IsCased(PyUnicode_READ(kind, d, j));
    }
    return final ? 0x3C2 : 0x3C3;
}

static int lower_full(int kind, const void *d, Py_ssize_t n, Py_ssize_t i, Py_UCS4 *res)
{
    Py_UCS4 c = PyUnicode_READ(kind, d, i);
    if (c == 0x3A3) {
        res[0] = lower_sigma(kind, d, n, i);
        return 1;
    }
    return _KrUnicode_ToLowerFull(c, res);
}

enum { CM_LOWER, CM_UPPER, CM_CASEFOLD, CM_SWAPCASE, CM_CAPITALIZE, CM_TITLE };

static PyObject *case_map(PyObject *self, int mode)
{
    Py_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (PyUnicode_IS_ASCII(self)) {
        /* ASCII maps to ASCII one for one; the cased characters are the letters */
        PyObject *r = PyUnicode_New(n, 127);
        if (r == NULL)
            return NULL;
        const Py_UCS1 *s = d;
        Py_UCS1 *o = PyUnicode_1BYTE_DATA(r);
        int prev_cased = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS1 c = s[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            int to_lower, to_upper;
            switch (mode) {
            case CM_TITLE:
                to_lower = prev_cased;
                to_upper = !prev_cased;
                prev_cased = up || lo;
                break;
            case CM_CAPITALIZE:
                to_lower = i > 0;
                to_upper = i == 0;
                break;
            default:
                to_lower = mode == CM_LOWER || mode == CM_CASEFOLD || mode == CM_SWAPCASE;
                to_upper = mode == CM_UPPER || mode == CM_SWAPCASE;
                break;
            }
            if (to_lower && up)
                c += 32;
            else if (to_upper && lo)
                c -= 32;
            o[i] = c;
        }
        return r;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    int prev_cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i), res[3];
        int k;
        switch (mode) {
        case CM_LOWER:
            k = lower_full(kind, d, n, i, res);
            break;
        case CM_UPPER:
            k = _KrUnicode_ToUpperFull(c, res);
            break;
        case CM_CASEFOLD:
            k = _KrUnicode_ToFoldedFull(c, res);
            break;
        case CM_SWAPCASE:
            if (_PyUnicode_IsUppercase(c))
                k = lower_full(kind, d, n, i, res);
            else if (_PyUnicode_IsLowercase(c))
                k = _KrUnicode_ToUpperFull(c, res);
            else {
                res[0] = c;
                k = 1;
            }
            break;
        case CM_CAPITALIZE:
            k = i == 0 ? _KrUnicode_ToTitleFull(c, res) : lower_full(kind, d, n, i, res);
            break;
        default:
            k = prev_cased ? lower_full(kind, d, n, i, res) : _KrUnicode_ToTitleFull(c, res);
            prev_cased = _KrUnicode_IsCased(c);
            break;
        }
        for (int q = 0; q < k; q++)
            if (_PyUnicodeWriter_WriteChar(&w, res[q]) < 0) {
                _PyUnicodeWriter_Dealloc(&w);
                return NULL;
            }
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyObject *str_lower(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_LOWER); }
static PyObject *str_upper(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_UPPER); }
static PyObject *str_casefold(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_CASEFOLD); }
static PyObject *str_swapcase(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_SWAPCASE); }
static PyObject *str_capitalize(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_CAPITALIZE); }
static PyObject *str_title(PyObject *s, PyObject *Py_UNUSED(x)) { return case_map(s, CM_TITLE); }

PyObject *_KrUnicode_Casefold(PyObject *s) { return case_map(s, CM_CASEFOLD); }

/* ---- predicates ------------------------------------------------------------------------ */

#define STR_PREDICATE(name, test)                                                       \
    static PyObject *str_##name(PyObject *self, PyObject *Py_UNUSED(x))                 \
    {                                                                                    \
        Py_ssize_t n = LEN(self);                                                        \
        int kind = KIND(self);                                                           \
        const void *d = DATA(self);                                                      \
        if (n == 0)                                                                      \
            Py_RETURN_FALSE;                                                             \
        for (Py_ssize_t i = 0; i < n; i++) {                                             \
            Py_UCS4 c = PyUnicode_READ(kind, d, i);                                      \
            if (!(test))                                                                 \
                Py_RETURN_FALSE;                                                         \
        }                                                                                \
        Py_RETURN_TRUE;                                                                  \
    }
STR_PREDICATE(isalpha, _PyUnicode_IsAlpha(c))
STR_PREDICATE(isdecimal, _PyUnicode_IsDecimalDigit(c))
STR_PREDICATE(isdigit, _PyUnicode_IsDigit(c))
STR_PREDICATE(isnumeric, _PyUnicode_IsNumeric(c))
STR_PREDICATE(isspace, Py_UNICODE_ISSPACE(c))
STR_PREDICATE(isalnum, _PyUnicode_IsAlpha(c) || _PyUnicode_IsDecimalDigit(c) ||
                           _PyUnicode_IsDigit(c) || _PyUnicode_IsNumeric(c))

static PyObject *str_isascii(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *str_isprintable(PyObject *self, PyObject *Py_UNUSED(x))
{
    Py_ssize_t n = LEN(self);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!_PyUnicode_IsPrintable(PyUnicode_READ_CHAR(self, i)))
            Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

static PyObject *str_islower(PyObject *self, PyObject *Py_UNUSED(x))
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < LEN(self); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsLowercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *str_isupper(PyObject *self, PyObject *Py_UNUSED(x))
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < LEN(self); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsLowercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsUppercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *str_istitle(PyObject *self, PyObject *Py_UNUSED(x))
{
    int cased = 0, prev = 0;
    for (Py_ssize_t i = 0; i < LEN(self); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c)) {
            if (prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else if (_PyUnicode_IsLowercase(c)) {
            if (!prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else
            prev = 0;
    }
    return PyBool_FromLong(cased);
}

int PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t n = LEN(self);
    if (n == 0)
        return 0;
    Py_UCS4 c = PyUnicode_READ_CHAR(self, 0);
    if (!_PyUnicode_IsXidStart(c) && c != '_')
        return 0;
    for (Py_ssize_t i = 1; i < n; i++)
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ_CHAR(self, i)))
            return 0;
    return 1;
}

static PyObject *str_isidentifier(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ---- searching ------------------------------------------------------------------------ */

static int parse_find_args(const char *name, PyObject *const *args, Py_ssize_t nargs,
                           PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 3))
        return -1;
    if (str_arg(args[0], name, 1) < 0)
        return -1;
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > 1 && !_KrParseSliceArg(args[1], start))
        return -1;
    if (nargs > 2 && !_KrParseSliceArg(args[2], end))
        return -1;
    return 0;
}

static Py_ssize_t find_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              const char *name, int dir)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (parse_find_args(name, args, nargs, &sub, &start, &end) < 0)
        return -2;
    Py_ssize_t n = LEN(self);
    _KrAdjustIndices(&start, &end, n);
    if (start > n || start > end)
        return -1;
    return _KrUnicode_FindIn(self, start, end, sub, dir);
}

static PyObject *str_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_common(self, args, nargs, "find", 1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *str_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_common(self, args, nargs, "rfind", -1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *str_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_common(self, args, nargs, "index", 1);
    if (r == -2)
        return NULL;
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *str_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_common(self, args, nargs, "rindex", -1);
    if (r == -2)
        return NULL;
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *str_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (parse_find_args("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    Py_ssize_t n = LEN(self);
    _KrAdjustIndices(&start, &end, n);
    if (start > n || start > end)
        return PyLong_FromLong(0);
    return PyLong_FromSsize_t(_KrUnicode_CountIn(self, start, end, sub, PY_SSIZE_T_MAX));
}

Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(sub)) {
        PyErr_BadArgument();
        return -1;
    }
    Py_ssize_t n = LEN(str);
    _KrAdjustIndices(&start, &end, n);
    if (start > n || start > end)
        return 0;
    return _KrUnicode_CountIn(str, start, end, sub, PY_SSIZE_T_MAX);
}

Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                               int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(sub)) {
        PyErr_BadArgument();
        return -1;
    }
    return _KrUnicode_Tailmatch(str, sub, start, end, direction);
}

static PyObject *tailmatch(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                           const char *name, int dir)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 3))
        return NULL;
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (nargs > 1 && !_KrParseSliceArg(args[1], &start))
        return NULL;
    if (nargs > 2 && !_KrParseSliceArg(args[2], &end))
        return NULL;
    PyObject *arg = args[0];
    if (PyTuple_Check(arg)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(arg); i++) {
            PyObject *it = PyTuple_GET_ITEM(arg, i);
            if (!PyUnicode_Check(it)) {
                PyErr_Format(PyExc_TypeError, "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(it)->tp_name);
                return NULL;
            }
            if (_KrUnicode_Tailmatch(self, it, start, end, dir))
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(arg)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(_KrUnicode_Tailmatch(self, arg, start, end, dir));
}

static PyObject *str_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return tailmatch(self, args, nargs, "startswith", -1);
}

static PyObject *str_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return tailmatch(self, args, nargs, "endswith", 1);
}

/* ---- strip and padding ------------------------------------------------------------------ */

static PyObject *do_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          const char *name, int left, int right)
{
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    Py_ssize_t n = LEN(self), i = 0, j = n;
    int kind = KIND(self);
    const void *d = DATA(self);
    if (nargs == 0 || args[0] == Py_None) {
        if (left)
            while (i < j && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, i)))
                i++;
        if (right)
            while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, j - 1)))
                j--;
    }
    else {
        PyObject *chars = args[0];
        if (!PyUnicode_Check(chars)) {
            PyErr_Format(PyExc_TypeError, "%s arg must be None or str", name);
            return NULL;
        }
        if (left)
            while (i < j && PyUnicode_FindChar(chars, PyUnicode_READ(kind, d, i), 0, LEN(chars), 1) >= 0)
                i++;
        if (right)
            while (j > i && PyUnicode_FindChar(chars, PyUnicode_READ(kind, d, j - 1), 0, LEN(chars), 1) >= 0)
                j--;
    }
    if (i == 0 && j == n)
        return same_str(self);
    return PyUnicode_Substring(self, i, j);
}

static PyObject *str_strip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return do_strip(s, a, n, "strip", 1, 1); }
static PyObject *str_lstrip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return do_strip(s, a, n, "lstrip", 1, 0); }
static PyObject *str_rstrip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return do_strip(s, a, n, "rstrip", 0, 1); }

static PyObject *pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return same_str(self);
    Py_ssize_t n = LEN(self);
    Py_UCS4 maxc = Py_MAX(KR_STR_MAXCHAR(self), fill);
    if (n == 0)
        maxc = fill;
    PyObject *r = PyUnicode_New(left + n + right, maxc);
    if (r == NULL)
        return NULL;
    int kind = KIND(r);
    void *d = DATA(r);
    for (Py_ssize_t i = 0; i < left; i++)
        PyUnicode_WRITE(kind, d, i, fill);
    _KrUnicode_CopyChars(r, left, self, 0, n);
    for (Py_ssize_t i = 0; i < right; i++)
        PyUnicode_WRITE(kind, d, left + n + i, fill);
    return r;
}

static int parse_pad_args(const char *name, PyObject *const *args, Py_ssize_t nargs,
                          Py_ssize_t *width, Py_UCS4 *fill)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 2))
        return -1;
    *width = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (*width == -1 && PyErr_Occurred())
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        if (!PyUnicode_Check(args[1])) {
            PyErr_Format(PyExc_TypeError, "The fill character must be a unicode character, not %.100s",
                         Py_TYPE(args[1])->tp_name);
            return -1;
        }
        if (LEN(args[1]) != 1) {
            PyErr_SetString(PyExc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = PyUnicode_READ_CHAR(args[1], 0);
    }
    return 0;
}

static PyObject *str_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t w;
    Py_UCS4 f;
    if (parse_pad_args("ljust", args, nargs, &w, &f) < 0)
        return NULL;
    return pad(self, 0, w - LEN(self), f);
}

static PyObject *str_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t w;
    Py_UCS4 f;
    if (parse_pad_args("rjust", args, nargs, &w, &f) < 0)
        return NULL;
    return pad(self, w - LEN(self), 0, f);
}

static PyObject *str_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t w;
    Py_UCS4 f;
    if (parse_pad_args("center", args, nargs, &w, &f) < 0)
        return NULL;
    Py_ssize_t marg = w - LEN(self);
    if (marg <= 0)
        return same_str(self);
    Py_ssize_t left = marg / 2 + (marg & w & 1);
    return pad(self, left, marg - left, f);
}

static PyObject *str_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t w = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (w == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t n = LEN(self);
    if (w <= n)
        return same_str(self);
    Py_ssize_t fill = w - n;
    PyObject *r = pad(self, fill, 0, '0');
    if (r == NULL)
        return NULL;
    int kind = KIND(r);
    void *d = DATA(r);
    Py_UCS4 c = PyUnicode_READ(kind, d, fill);
    if (c == '+' || c == '-') {
        PyUnicode_WRITE(kind, d, 0, c);
        PyUnicode_WRITE(kind, d, fill, '0');
    }
    return r;
}

static PyObject *str_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const kw[] = {"tabsize", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "expandtabs", kw, 0, 1, 0, a) < 0)
        return NULL;
    int tab = 8;
    if (a[0]) {
        long v = PyLong_AsLong(a[0]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        tab = v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
    }
    Py_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (PyUnicode_FindChar(self, '\t', 0, n, 1) < 0)
        return same_str(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    Py_ssize_t col = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (c == '\t') {
            if (tab > 0) {
                Py_ssize_t k = tab - col % tab;
                if (_KrUnicodeWriter_Fill(&w, ' ', k) < 0)
                    goto fail;
                col += k;
            }
        }
        else {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* ---- split, partition, replace, join ----------------------------------------------------- */

static int append_sub(PyObject *list, PyObject *s, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *p = PyUnicode_Substring(s, i, j);
    if (p == NULL)
        return -1;
    int r = PyList_Append(list, p);
    Py_DECREF(p);
    return r;
}

static PyObject *split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxsplit, int right)
{
    Py_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (sep == NULL || sep == Py_None) {
        if (!right) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, i)))
                    i++;
                if (i == n)
                    break;
                Py_ssize_t j = i;
                while (j < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, j)))
                    j++;
                if (i == 0 && j == n && PyUnicode_CheckExact(self)) {
                    if (PyList_Append(list, self) < 0)
                        goto fail;
                    return list;
                }
                if (append_sub(list, self, i, j) < 0)
                    goto fail;
                i = j;
            }
            while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, i)))
                i++;
            if (i < n && append_sub(list, self, i, n) < 0)
                goto fail;
        }
        else {
            Py_ssize_t j = n;
            while (maxsplit-- > 0) {
                while (j > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, j - 1)))
                    j--;
                if (j == 0)
                    break;
                Py_ssize_t i = j;
                while (i > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, i - 1)))
                    i--;
                if (append_sub(list, self, i, j) < 0)
                    goto fail;
                j = i;
            }
            while (j > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, d, j - 1)))
                j--;
            if (j > 0 && append_sub(list, self, 0, j) < 0)
                goto fail;
            if (PyList_Reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        goto fail;
    }
    Py_ssize_t m = LEN(sep);
    if (m == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto fail;
    }
    if (!right) {
        Py_ssize_t i = 0;
        while (maxsplit-- > 0) {
            Py_ssize_t k = _KrUnicode_FindIn(self, i, n, sep, 1);
            if (k < 0)
                break;
            if (append_sub(list, self, i, k) < 0)
                goto fail;
            i = k + m;
        }
        if (i == 0 && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto fail;
        }
        else if (append_sub(list, self, i, n) < 0)
            goto fail;
    }
    else {
        Py_ssize_t j = n;
        while (maxsplit-- > 0) {
            Py_ssize_t k = _KrUnicode_FindIn(self, 0, j, sep, -1);
            if (k < 0)
                break;
            if (append_sub(list, self, k + m, j) < 0)
                goto fail;
            j = k;
        }
        if (append_sub(list, self, 0, j) < 0 || PyList_Reverse(list) < 0)
            goto fail;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    return split_impl(s, sep, maxsplit, 0);
}

PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    return split_impl(s, sep, maxsplit, 1);
}

static PyObject *split_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames, int right)
{
    static const char *const kw[] = {"sep", "maxsplit", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, right ? "rsplit" : "split", kw, 0, 2,
                                  0, a) < 0)
        return NULL;
    Py_ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = PyNumber_AsSsize_t(a[1], PyExc_OverflowError);
        if (maxsplit == -1 && PyErr_Occurred())
            return NULL;
    }
    return split_impl(self, a[0], maxsplit, right);
}

static PyObject *str_split(PyObject *s, PyObject *const *a, Py_ssize_t n, PyObject *k)
{
    return split_method(s, a, n, k, 0);
}

static PyObject *str_rsplit(PyObject *s, PyObject *const *a, Py_ssize_t n, PyObject *k)
{
    return split_method(s, a, n, k, 1);
}

PyObject *PyUnicode_Splitlines(PyObject *self, int keepends)
{
    Py_ssize_t n = LEN(self), i = 0;
    int kind = KIND(self);
    const void *d = DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    /* the line breaks among the first 256 code points */
    static const unsigned char latin1_break[256] = {
        ['\n'] = 1, [0x0b] = 1, [0x0c] = 1, ['\r'] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1,
        [0x85] = 1};
    while (i < n) {
        Py_ssize_t j = i;
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *p = (const Py_UCS1 *)d;
            while (j < n && !latin1_break[p[j]])
                j++;
        }
        else {
            while (j < n && !is_linebreak(PyUnicode_READ(kind, d, j)))
                j++;
        }
        Py_ssize_t eol = j;
        if (j < n) {
            if (PyUnicode_READ(kind, d, j) == '\r' && j + 1 < n &&
                PyUnicode_READ(kind, d, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keepends)
                eol = j;
        }
        if (i == 0 && eol == n && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto fail;
        }
        else if (append_sub(list, self, i, eol) < 0)
            goto fail;
        i = j;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

static PyObject *str_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const kw[] = {"keepends", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "splitlines", kw, 0, 1, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0]) {
        keep = PyObject_IsTrue(a[0]);
        if (keep < 0)
            return NULL;
    }
    return PyUnicode_Splitlines(self, keep);
}

static PyObject *partition_impl(PyObject *self, PyObject *sep, int right)
{
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    if (LEN(sep) == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t n = LEN(self);
    Py_ssize_t k = _KrUnicode_FindIn(self, 0, n, sep, right ? -1 : 1);
    PyObject *e = _KrUnicode_Empty();
    if (k < 0) {
        PyObject *whole = same_str(self);
        if (whole == NULL) {
            Py_DECREF(e);
            return NULL;
        }
        PyObject *r = right ? PyTuple_Pack(3, e, e, whole) : PyTuple_Pack(3, whole, e, e);
        Py_DECREF(e);
        Py_DECREF(whole);
        return r;
    }
    Py_DECREF(e);
    PyObject *a = PyUnicode_Substring(self, 0, k);
    PyObject *c = PyUnicode_Substring(self, k + LEN(sep), n);
    PyObject *r = (a && c) ? PyTuple_Pack(3, a, sep, c) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(c);
    return r;
}

PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, 0); }

static PyObject *str_partition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, 0); }
static PyObject *str_rpartition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, 1); }

PyObject *PyUnicode_Replace(PyObject *self, PyObject *old, PyObject *new, Py_ssize_t count)
{
    Py_ssize_t n = LEN(self), m = LEN(old);
    if (count < 0)
        count = PY_SSIZE_T_MAX;
    if (count == 0 || (m > n) || (m == 0 && LEN(new) == 0))
        return same_str(self);
    if (m > 0 && _KrUnicode_FindIn(self, 0, n, old, 1) < 0)
        return same_str(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    Py_ssize_t i = 0, done = 0;
    if (m == 0) {
        for (; i <= n; i++) {
            if (done < count) {
                if (_PyUnicodeWriter_WriteStr(&w, new) < 0)
                    goto fail;
                done++;
            }
            if (i < n && _PyUnicodeWriter_WriteSubstring(&w, self, i, i + 1) < 0)
                goto fail;
        }
        return _PyUnicodeWriter_Finish(&w);
    }
    while (done < count) {
        Py_ssize_t k = _KrUnicode_FindIn(self, i, n, old, 1);
        if (k < 0)
            break;
        if (_PyUnicodeWriter_WriteSubstring(&w, self, i, k) < 0 ||
            _PyUnicodeWriter_WriteSubstring(&w, new, 0, LEN(new)) < 0)
            goto fail;
        i = k + m;
        done++;
    }
    if (_PyUnicodeWriter_WriteSubstring(&w, self, i, n) < 0)
        goto fail;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *str_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const kw[] = {"", "", "count", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "replace", kw, 2, 3, 0, a) < 0)
        return NULL;
    if (str_arg(a[0], "replace", 1) < 0 || str_arg(a[1], "replace", 2) < 0)
        return NULL;
    Py_ssize_t count = -1;
    if (a[2]) {
        count = PyNumber_AsSsize_t(a[2], PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred())
            return NULL;
    }
    return PyUnicode_Replace(self, a[0], a[1], count);
}

static PyObject *affix(PyObject *self, PyObject *arg, const char *name, int suffix)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() argument must be str, not %.100s", name,
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = LEN(self), m = LEN(arg);
    if (m > 0 && _KrUnicode_Tailmatch(self, arg, 0, n, suffix ? 1 : -1))
        return suffix ? PyUnicode_Substring(self, 0, n - m) : PyUnicode_Substring(self, m, n);
    return same_str(self);
}

static PyObject *str_removeprefix(PyObject *s, PyObject *a) { return affix(s, a, "removeprefix", 0); }
static PyObject *str_removesuffix(PyObject *s, PyObject *a) { return affix(s, a, "removesuffix", 1); }

static PyObject *str_join(PyObject *self, PyObject *iterable) { return PyUnicode_Join(self, iterable); }

/* ---- encode, translate, maketrans ------------------------------------------------------- */

static PyObject *str_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames)
{
    static const char *const kw[] = {"encoding", "errors", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "encode", kw, 0, 2, 0, a) < 0)
        return NULL;
    const char *enc = NULL, *err = NULL;
    for (int k = 0; k < 2; k++) {
        if (a[k] == NULL)
            continue;
        if (!PyUnicode_Check(a[k])) {
            PyErr_Format(PyExc_TypeError, "encode() argument '%s' must be str, not %.50s",
                         kw[k], Py_TYPE(a[k])->tp_name);
            return NULL;
        }
        const char *v = PyUnicode_AsUTF8(a[k]);
        if (v == NULL)
            return NULL;
        if (strlen(v) != (size_t)LEN(a[k]) && PyUnicode_IS_ASCII(a[k])) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
        if (k == 0)
            enc = v;
        else
            err = v;
    }
    return PyUnicode_AsEncodedString(self, enc, err);
}

PyObject *PyUnicode_Translate(PyObject *self, PyObject *table, const char *errors)
{
    Py_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        PyObject *key = PyLong_FromLong((long)c);
        if (key == NULL)
            goto fail;
        PyObject *v = PyObject_GetItem(table, key);
        Py_DECREF(key);
        if (v == NULL) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Clear();
                if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                    goto fail;
                continue;
            }
            goto fail;
        }
        int r = 0;
        if (v == Py_None) {
        }
        else if (PyLong_Check(v)) {
            long x = PyLong_AsLong(v);
            if (x == -1 && PyErr_Occurred())
                r = -1;
            else if (x < 0 || x > 0x10FFFF) {
                PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                r = -1;
            }
            else
                r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)x);
        }
        else if (PyUnicode_Check(v))
            r = _PyUnicodeWriter_WriteStr(&w, v);
        else {
            PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
            r = -1;
        }
        Py_DECREF(v);
        if (r < 0)
            goto fail;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *str_translate(PyObject *self, PyObject *table)
{
    return PyUnicode_Translate(self, table, NULL);
}

static PyObject *str_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("maketrans", nargs, 1, 3))
        return NULL;
    PyObject *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    if (y != NULL && !PyUnicode_Check(y)) {
        PyErr_Format(PyExc_TypeError, "maketrans() argument 2 must be str, not %.50s",
                     Py_TYPE(y)->tp_name);
        return NULL;
    }
    if (z != NULL && !PyUnicode_Check(z)) {
        PyErr_Format(PyExc_TypeError, "maketrans() argument 3 must be str, not %.50s",
                     Py_TYPE(z)->tp_name);
        return NULL;
    }
    PyObject *res = PyDict_New();
    if (res == NULL)
        return NULL;
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError,
                            "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        if (LEN(x) != LEN(y)) {
            PyErr_SetString(PyExc_ValueError,
                            "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (Py_ssize_t i = 0; i < LEN(x); i++) {
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            PyObject *v = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            int r = (k && v) ? PyDict_SetItem(res, k, v) : -1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (r < 0)
                goto fail;
        }
        if (z != NULL) {
            for (Py_ssize_t i = 0; i < LEN(z); i++) {
                PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                int r = k ? PyDict_SetItem(res, k, Py_None) : -1;
                Py_XDECREF(k);
                if (r < 0)
                    goto fail;
            }
        }
        return res;
    }
    if (!PyDict_Check(x)) {
        PyErr_SetString(PyExc_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(x, &pos, &k, &v)) {
        PyObject *nk;
        if (PyUnicode_Check(k)) {
            if (LEN(k) != 1) {
                PyErr_SetString(PyExc_ValueError,
                                "string keys in translate table must be of length 1");
                goto fail;
            }
            nk = PyLong_FromLong((long)PyUnicode_READ_CHAR(k, 0));
        }
        else if (PyLong_Check(k))
            nk = Py_NewRef(k);
        else {
            PyErr_SetString(PyExc_TypeError,
                            "keys in translate table must be strings or integers");
            goto fail;
        }
        if (nk == NULL)
            goto fail;
        int r = PyDict_SetItem(res, nk, v);
        Py_DECREF(nk);
        if (r < 0)
            goto fail;
    }
    return res;
fail:
    Py_DECREF(res);
    return NULL;
}

/* ---- dunder helpers -------------------------------------------------------------------- */

static PyObject *str_sizeof(PyObject *self, PyObject *Py_UNUSED(x))
{
    size_t size = !PyUnicode_IS_COMPACT(self) ? sizeof(PyUnicodeObject)
                  : PyUnicode_IS_ASCII(self) ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    size += (size_t)(LEN(self) + 1) * (size_t)KIND(self);
    if (!PyUnicode_IS_ASCII(self) && ((PyCompactUnicodeObject *)self)->utf8 != NULL &&
        ((PyCompactUnicodeObject *)self)->utf8 != PyUnicode_DATA(self))
        size += (size_t)((PyCompactUnicodeObject *)self)->utf8_length + 1;
    return PyLong_FromSize_t(size);
}

static PyObject *str_getnewargs(PyObject *self, PyObject *Py_UNUSED(x))
{
    PyObject *c = _PyUnicode_Copy(self);
    if (c == NULL)
        return NULL;
    return Py_BuildValue("(N)", c);
}

static PyObject *str_format_spec(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    if (LEN(spec) == 0)
        return same_str(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicode_FormatAdvancedWriter(&w, self, spec, 0, LEN(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *_KrUnicode_FormatMethod(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *_KrUnicode_FormatMapMethod(PyObject *self, PyObject *mapping);

PyMethodDef _KrUnicode_Methods[] = {
    {"encode", _PyCFunction_CAST(str_encode), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"replace", _PyCFunction_CAST(str_replace), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"split", _PyCFunction_CAST(str_split), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"rsplit", _PyCFunction_CAST(str_rsplit), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"join", str_join, METH_O, NULL},
    {"capitalize", str_capitalize, METH_NOARGS, NULL},
    {"casefold", str_casefold, METH_NOARGS, NULL},
    {"title", str_title, METH_NOARGS, NULL},
    {"center", _PyCFunction_CAST(str_center), METH_FASTCALL, NULL},
    {"count", _PyCFunction_CAST(str_count), METH_FASTCALL, NULL},
    {"expandtabs", _PyCFunction_CAST(str_expandtabs), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"find", _PyCFunction_CAST(str_find), METH_FASTCALL, NULL},
    {"partition", str_partition, METH_O, NULL},
    {"index", _PyCFunction_CAST(str_index), METH_FASTCALL, NULL},
    {"ljust", _PyCFunction_CAST(str_ljust), METH_FASTCALL, NULL},
    {"lower", str_lower, METH_NOARGS, NULL},
    {"lstrip", _PyCFunction_CAST(str_lstrip), METH_FASTCALL, NULL},
    {"rfind", _PyCFunction_CAST(str_rfind), METH_FASTCALL, NULL},
    {"rindex", _PyCFunction_CAST(str_rindex), METH_FASTCALL, NULL},
    {"rjust", _PyCFunction_CAST(str_rjust), METH_FASTCALL, NULL},
    {"rstrip", _PyCFunction_CAST(str_rstrip), METH_FASTCALL, NULL},
    {"rpartition", str_rpartition, METH_O, NULL},
    {"splitlines", _PyCFunction_CAST(str_splitlines), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"strip", _PyCFunction_CAST(str_strip), METH_FASTCALL, NULL},
    {"swapcase", str_swapcase, METH_NOARGS, NULL},
    {"translate", str_translate, METH_O, NULL},
    {"upper", str_upper, METH_NOARGS, NULL},
    {"startswith", _PyCFunction_CAST(str_startswith), METH_FASTCALL, NULL},
    {"endswith", _PyCFunction_CAST(str_endswith), METH_FASTCALL, NULL},
    {"removeprefix", str_removeprefix, METH_O, NULL},
    {"removesuffix", str_removesuffix, METH_O, NULL},
    {"isascii", str_isascii, METH_NOARGS, NULL},
    {"islower", str_islower, METH_NOARGS, NULL},
    {"isupper", str_isupper, METH_NOARGS, NULL},
    {"istitle", str_istitle, METH_NOARGS, NULL},
    {"isspace", str_isspace, METH_NOARGS, NULL},
    {"isdecimal", str_isdecimal, METH_NOARGS, NULL},
    {"isdigit", str_isdigit, METH_NOARGS, NULL},
    {"isnumeric", str_isnumeric, METH_NOARGS, NULL},
    {"isalpha", str_isalpha, METH_NOARGS, NULL},
    {"isalnum", str_isalnum, METH_NOARGS, NULL},
    {"isidentifier", str_isidentifier, METH_NOARGS, NULL},
    {"isprintable", str_isprintable, METH_NOARGS, NULL},
    {"zfill", str_zfill, METH_O, NULL},
    {"format", _PyCFunction_CAST(_KrUnicode_FormatMethod), METH_VARARGS | METH_KEYWORDS, NULL},
    {"format_map", _KrUnicode_FormatMapMethod, METH_O, NULL},
    {"__format__", str_format_spec, METH_O, NULL},
    {"maketrans", _PyCFunction_CAST(str_maketrans), METH_FASTCALL | METH_STATIC, NULL},
    {"__sizeof__", str_sizeof, METH_NOARGS, NULL},
    {"__getnewargs__", str_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

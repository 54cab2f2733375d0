/* The format-spec mini-language ("[[fill]align][sign][z][#][0][width][grouping][.precision]
 * [type]") for str, int, float and complex. Used by the __format__ methods, format(),
 * str.format and f-strings. The "n" type uses the C locale: no grouping, '.' point. */
#include "Python.h"
#include <math.h>
#include "unicode_internal.h"

typedef struct {
    Py_UCS4 fill;
    Py_UCS4 align;
    Py_UCS4 sign;
    int no_neg_0;
    int alternate;
    int fill_given, align_given;
    Py_ssize_t width;
    char thousands; /* 0, ',' or '_' */
    Py_ssize_t precision;
    Py_UCS4 type;
} Spec;

static int is_align(Py_UCS4 c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int read_number(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end, Py_ssize_t *out)
{
    Py_ssize_t v = 0, n = 0;
    int kind = PyUnicode_KIND(spec);
    const void *data = PyUnicode_DATA(spec);
    while (*pos < end) {
        Py_UCS4 c = PyUnicode_READ(kind, data, *pos);
        int d = c < 128 ? (c >= '0' && c <= '9' ? (int)(c - '0') : -1)
                        : _PyUnicode_ToDecimalDigit(c);
        if (d < 0)
            break;
        if (v > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
        n++;
    }
    *out = v;
    return (int)(n > 0);
}

static void type_repr(Py_UCS4 t, char *buf, size_t size)
{
    if (t > 32 && t < 128)
        snprintf(buf, size, "%c", (int)t);
    else
        snprintf(buf, size, "\\x%x", (unsigned)t);
}

static int parse_spec(PyObject *obj, PyObject *spec, Py_ssize_t start, Py_ssize_t end, Spec *s,
                      Py_UCS4 default_type, Py_UCS4 default_align)
{
    Py_ssize_t pos = start;
    s->fill = ' ';
    s->align = default_align;
    s->sign = 0;
    s->no_neg_0 = 0;
    s->alternate = 0;
    s->fill_given = s->align_given = 0;
    s->width = -1;
    s->thousands = 0;
    s->precision = -1;
    s->type = default_type;
    int spec_kind = PyUnicode_KIND(spec);
    const void *spec_data = PyUnicode_DATA(spec);
#define CH(i) PyUnicode_READ(spec_kind, spec_data, (i))
    if (end - pos >= 2 && is_align(CH(pos + 1))) {
        s->align = CH(pos + 1);
        s->fill = CH(pos);
        s->fill_given = s->align_given = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && is_align(CH(pos))) {
        s->align = CH(pos);
        s->align_given = 1;
        pos++;
    }
    if (end - pos >= 1 && (CH(pos) == '+' || CH(pos) == '-' || CH(pos) == ' ')) {
        s->sign = CH(pos);
        pos++;
    }
    if (end - pos >= 1 && CH(pos) == 'z') {
        s->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && CH(pos) == '#') {
        s->alternate = 1;
        pos++;
    }
    if (!s->fill_given && end - pos >= 1 && CH(pos) == '0') {
        s->fill = '0';
        if (!s->align_given && default_align == '>')
            s->align = '=';
        pos++;
    }
    Py_ssize_t w;
    int r = read_number(spec, &pos, end, &w);
    if (r < 0)
        return -1;
    if (r > 0)
        s->width = w;
    if (end - pos >= 1 && CH(pos) == ',') {
        s->thousands = ',';
        pos++;
    }
    if (end - pos >= 1 && CH(pos) == '_') {
        if (s->thousands) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        s->thousands = '_';
        pos++;
    }
    if (end - pos >= 1 && CH(pos) == ',') {
        if (s->thousands == '_') {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        PyErr_SetString(PyExc_ValueError, "Cannot specify ',' with ','.");
        return -1;
    }
    if (end - pos >= 1 && CH(pos) == '.') {
        pos++;
        Py_ssize_t p;
        r = read_number(spec, &pos, end, &p);
        if (r < 0)
            return -1;
        if (r == 0) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
        s->precision = p;
    }
    if (end - pos > 1) {
        PyObject *rest = PyUnicode_Substring(spec, start, end);
        if (rest != NULL) {
            PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                         rest, Py_TYPE(obj)->tp_name);
            Py_DECREF(rest);
        }
        return -1;
    }
    if (end - pos == 1)
        s->type = CH(pos);
#undef CH
    if (s->thousands) {
        int ok;
        switch (s->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            ok = 1;
            break;
        case 'b': case 'o': case 'x': case 'X':
            ok = s->thousands == '_';
            break;
        default:
            ok = 0;
        }
        if (!ok) {
            char t[16];
            type_repr(s->type, t, sizeof t);
            PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%s'.", s->thousands, t);
            return -1;
        }
    }
    return 0;
}

static int unknown_code(Py_UCS4 type, PyObject *obj)
{
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, Py_TYPE(obj)->tp_name);
    else
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned)type, Py_TYPE(obj)->tp_name);
    return -1;
}

/* ---- padding ------------------------------------------------------------------------ */

static int write_padded(_PyUnicodeWriter *w, PyObject *body, const Spec *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(body);
    Py_ssize_t total = s->width > n ? s->width : n;
    Py_ssize_t padding = total - n, left = 0;
    if (s->align == '>')
        left = padding;
    else if (s->align == '^')
        left = padding / 2;
    if (_KrUnicodeWriter_Fill(w, s->fill, left) < 0 || _PyUnicodeWriter_WriteStr(w, body) < 0 ||
        _KrUnicodeWriter_Fill(w, s->fill, padding - left) < 0)
        return -1;
    return 0;
}

/* Writes n ASCII characters at the writer's position; room was prepared. */
static void put_ascii(_PyUnicodeWriter *w, const char *p, Py_ssize_t n)
{
    if (w->kind == PyUnicode_1BYTE_KIND)
        memcpy((char *)w->data + w->pos, p, (size_t)n);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)p[i]);
    w->pos += n;
}

/* Writes n copies of ch at the writer's position; room was prepared. */
static void put_fill(_PyUnicodeWriter *w, Py_UCS4 ch, Py_ssize_t n)
{
    if (n <= 0)
        return;
    if (w->kind == PyUnicode_1BYTE_KIND)
        memset((char *)w->data + w->pos, (int)ch, (size_t)n);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, ch);
    w->pos += n;
}

/* ---- str -------------------------------------------------------------------------- */

int _PyUnicode_FormatAdvancedWriter(_PyUnicodeWriter *w, PyObject *obj, PyObject *spec,
                                    Py_ssize_t start, Py_ssize_t end)
{
    if (start == end)
        return _PyUnicodeWriter_WriteStr(w, obj);
    Spec s;
    if (parse_spec(obj, spec, start, end, &s, 's', '<') < 0)
        return -1;
    if (s.type != 's')
        return unknown_code(s.type, obj);
    if (s.sign) {
        PyErr_SetString(PyExc_ValueError, s.sign == ' ' ? "Space not allowed in string format specifier"
                                                        : "Sign not allowed in string format specifier");
        return -1;
    }
    if (s.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
        return -1;
    }
    if (s.alternate) {
        PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (s.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(obj);
    if (s.precision >= 0 && n > s.precision)
        n = s.precision;
    if ((s.width < 0 || s.width <= n) && n == PyUnicode_GET_LENGTH(obj))
        return _PyUnicodeWriter_WriteStr(w, obj);
    /* the padded field is reserved once and the text copied straight in */
    Py_ssize_t padding = s.width > n ? s.width - n : 0, left = 0;
    if (s.align == '>')
        left = padding;
    else if (s.align == '^')
        left = padding / 2;
    Py_UCS4 maxc = KR_STR_MAXCHAR(obj);
    if (maxc > 127 && n < PyUnicode_GET_LENGTH(obj))
        maxc = _KrUnicode_FindMaxChar(obj, 0, n);
    if (padding && s.fill > maxc)
        maxc = s.fill;
    if (_PyUnicodeWriter_Prepare(w, n + padding, maxc) < 0)
        return -1;
    put_fill(w, s.fill, left);
    _KrUnicode_CopyChars(w->buffer, w->pos, obj, 0, n);
    w->pos += n;
    put_fill(w, s.fill, padding - left);
    return 0;
}

PyObject *_PyUnicode_FormatAdvanced(PyObject *obj, PyObject *format_spec)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicode_FormatAdvancedWriter(&w, obj, format_spec, 0,
                                        PyUnicode_GET_LENGTH(format_spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ---- numbers ------------------------------------------------------------------------ */

/* Digits of the integer part with grouping, zero-filled up to min_width characters (the
 * way CPython fills "0=" padding with grouped zeros). Output is ASCII, built backwards. */
static int group_digits(KrByteBuf *out, const char *digits, Py_ssize_t nd, char sep, int gsize,
                        Py_ssize_t min_width)
{
    Py_ssize_t cap = nd + (min_width > 0 ? min_width : 0) + nd / (gsize ? gsize : 1) + 8;
    if (min_width > 0)
        cap += min_width / (gsize ? gsize : 1) + 1;
    char *tmp = PyMem_Malloc((size_t)cap);
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t pos = cap;
    if (!sep) {
        Py_ssize_t zeros = min_width > nd ? min_width - nd : 0;
        int r = 0;
        for (Py_ssize_t i = 0; i < zeros && r == 0; i++)
            r = _KrByteBuf_PutByte(out, '0');
        if (r == 0)
            r = _KrByteBuf_Put(out, digits, nd);
        PyMem_Free(tmp);
        return r;
    }
    Py_ssize_t remaining = nd, minw = min_width;
    int use_sep = 0;
    for (;;) {
        Py_ssize_t l = Py_MAX(Py_MAX(remaining, minw), 1);
        if (l > gsize)
            l = gsize;
        Py_ssize_t chars = Py_MAX(0, Py_MIN(remaining, l));
        Py_ssize_t zeros = Py_MAX(0, l - remaining);
        if (use_sep)
            tmp[--pos] = sep;
        for (Py_ssize_t i = 0; i < chars; i++)
            tmp[--pos] = digits[remaining - 1 - i];
        for (Py_ssize_t i = 0; i < zeros; i++)
            tmp[--pos] = '0';
        use_sep = 1;
        remaining -= chars;
        minw -= l;
        if (remaining <= 0 && minw <= 0)
            break;
        minw -= 1;
        if (pos < 8) {
            /* cannot happen with the capacity computed above */
            break;
        }
    }
    int r = _KrByteBuf_Put(out, tmp + pos, cap - pos);
    PyMem_Free(tmp);
    return r;
}

/* Lay out sign, prefix, grouped integer digits and the rest (fraction, exponent, suffix)
 * within the width, honouring fill and alignment. The whole field is reserved in the
 * writer at once and written in place; only digit grouping needs a scratch buffer. */
static int render_number(_PyUnicodeWriter *w, const Spec *s, int negative, const char *prefix,
                         const char *digits, Py_ssize_t nd, const char *rest, Py_ssize_t nrest,
                         int gsize)
{
    char signc = 0;
    if (negative)
        signc = '-';
    else if (s->sign == '+')
        signc = '+';
    else if (s->sign == ' ')
        signc = ' ';
    Py_ssize_t plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t fixed = (signc ? 1 : 0) + plen + nrest;
    Py_ssize_t min_width = 0;
    int zero_pad = s->fill == '0' && s->align == '=';
    if (zero_pad && s->width > fixed)
        min_width = s->width - fixed;
    KrByteBuf grouped = {0};
    Py_ssize_t zeros = 0;
    /* inf and nan have no digits: zero padding applies but grouping does not */
    if (nd && s->thousands) {
        if (group_digits(&grouped, digits, nd, s->thousands, gsize, min_width) < 0)
            goto fail;
        digits = grouped.buf;
        nd = grouped.len;
    }
    else if (min_width > nd) {
        zeros = min_width - nd;
    }
    Py_ssize_t n = (signc ? 1 : 0) + plen + zeros + nd + nrest;
    Py_ssize_t padding = s->width > n ? s->width - n : 0;
    Py_ssize_t left = 0, mid = 0;
    if (s->align == '>')
        left = padding;
    else if (s->align == '^')
        left = padding / 2;
    else if (s->align == '=')
        mid = padding;
    Py_ssize_t right = padding - left - mid;
    if (_PyUnicodeWriter_Prepare(w, n + padding, padding && s->fill > 127 ? s->fill : 127) < 0)
        goto fail;
    put_fill(w, s->fill, left);
    if (signc)
        put_ascii(w, &signc, 1);
    put_ascii(w, prefix, plen);
    put_fill(w, s->fill, mid);
    put_fill(w, '0', zeros);
    put_ascii(w, digits, nd);
    put_ascii(w, rest, nrest);
    put_fill(w, s->fill, right);
    _KrByteBuf_Free(&grouped);
    return 0;
fail:
    _KrByteBuf_Free(&grouped);
    return -1;
}

/* The digits of an int of at most two 30-bit digits in base 2, 8, 10 or 16, written
 * backwards ending at end; returns their count, or -1 for a bigger int. */
static Py_ssize_t small_int_digits(PyObject *obj, int base, int upper, char *end, int *negative)
{
    const PyLongObject *v = (const PyLongObject *)obj;
    uintptr_t tag = v->long_value.lv_tag;
    uintptr_t ndigits = tag >> _PyLong_NON_SIZE_BITS;
    if (ndigits > 2)
        return -1;
    uint64_t m = ndigits ? v->long_value.ob_digit[0] : 0;
    if (ndigits == 2)
        m |= (uint64_t)v->long_value.ob_digit[1] << PyLong_SHIFT;
    *negative = (tag & _PyLong_SIGN_MASK) == 2;
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    if (base == 10) {
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m);
    }
    else {
        int shift = base == 16 ? 4 : base == 8 ? 3 : 1;
        uint64_t mask = (uint64_t)base - 1;
        do {
            *--p = alphabet[m & mask];
            m >>= shift;
        } while (m);
    }
    return end - p;
}

static int format_float_value(_PyUnicodeWriter *w, PyObject *obj, double val, Spec *s);

int _PyLong_FormatAdvancedWriter(_PyUnicodeWriter *w, PyObject *obj, PyObject *spec,
                                 Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        PyObject *str = PyObject_Str(obj);
        if (str == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(w, str);
        Py_DECREF(str);
        return r;
    }
    Spec s;
    if (parse_spec(obj, spec, start, end, &s, 'd', '>') < 0)
        return -1;
    switch (s.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double v = PyLong_AsDouble(obj);
        if (v == -1.0 && PyErr_Occurred())
            return -1;
        return format_float_value(w, obj, v, &s);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    default:
        return unknown_code(s.type, obj);
    }
    if (s.precision >= 0) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (s.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (s.type == 'c') {
        if (s.sign) {
            PyErr_SetString(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (s.alternate) {
            PyErr_SetString(PyExc_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        long x = PyLong_AsLong(obj);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        PyObject *ch = _KrUnicode_Char((Py_UCS4)x);
        if (ch == NULL)
            return -1;
        if (s.align == '=')
            s.align = '>';
        int r = write_padded(w, ch, &s);
        Py_DECREF(ch);
        return r;
    }
    int base = s.type == 'b' ? 2 : s.type == 'o' ? 8 : (s.type == 'x' || s.type == 'X') ? 16 : 10;
    const char *prefix = "";
    if (s.alternate) {
        if (base == 2)
            prefix = "0b";
        else if (base == 8)
            prefix = "0o";
        else if (base == 16)
            prefix = s.type == 'X' ? "0X" : "0x";
    }
    /* ints below 2**60 are converted here, without an intermediate str */
    char small[64];
    int negative = 0;
    Py_ssize_t nsmall = small_int_digits(obj, base, s.type == 'X', small + sizeof small, &negative);
    if (nsmall >= 0)
        return render_number(w, &s, negative, prefix, small + sizeof small - nsmall, nsmall, "",
                             0, base == 10 ? 3 : 4);
    PyObject *str;
    if (base == 10)
        str = PyLong_Type.tp_repr(obj);
    else
        str = _PyLong_Format(obj, base);
    if (str == NULL)
        return -1;
    Py_ssize_t len;
    const char *p = PyUnicode_AsUTF8AndSize(str, &len);
    if (p == NULL) {
        Py_DECREF(str);
        return -1;
    }
    if (len > 0 && p[0] == '-') {
        negative = 1;
        p++;
        len--;
    }
    if (base != 10 && len >= 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'o' || p[1] == 'x')) {
        p += 2;
        len -= 2;
    }
    char *digits = PyMem_Malloc((size_t)len + 1);
    if (digits == NULL) {
        Py_DECREF(str);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        digits[i] = (s.type == 'X' && p[i] >= 'a' && p[i] <= 'f') ? (char)(p[i] - 32) : p[i];
    int r = render_number(w, &s, negative, prefix, digits, len, "", 0, base == 10 ? 3 : 4);
    PyMem_Free(digits);
    Py_DECREF(str);
    return r;
}

/* Py_DTSF_ALT on a shortest-repr string: the point is always shown ("2." / "1.e+16"). */
static char *alt_point(char *buf)
{
    if (buf == NULL || strchr(buf, '.') || strstr(buf, "inf") || strstr(buf, "nan"))
        return buf;
    size_t n = strlen(buf);
    char *e = strchr(buf, 'e');
    size_t at = e ? (size_t)(e - buf) : n;
    char *r = PyMem_Malloc(n + 2);
    if (r == NULL) {
        PyMem_Free(buf);
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(r, buf, at);
    r[at] = '.';
    memcpy(r + at + 1, buf + at, n - at + 1);
    PyMem_Free(buf);
    return r;
}

static void strip_zeros(char *s, int alt)
{
    if (alt)
        return;
    char *dot = strchr(s, '.');
    if (dot == NULL)
        return;
    char *end = dot + strlen(dot);
    while (end > dot + 1 && end[-1] == '0')
        end--;
    if (end == dot + 1)
        end = dot;
    *end = '\0';
}

/* The no-type float format with a precision: like 'g' but switching to an exponent one
 * digit earlier and always showing a fractional part ("1.0", "1e+03"). */
static char *float_general_dot0(double val, int prec, int flags)
{
    if (prec == 0)
        prec = 1;
    if (!isfinite(val))
        return PyOS_double_to_string(val, 'g', prec, flags, NULL);
    int alt = (flags & Py_DTSF_ALT) != 0;
    char *e = PyOS_double_to_string(val, 'e', prec - 1, flags, NULL);
    if (e == NULL)
        return NULL;
    char *ep = strchr(e, 'e');
    int exp10 = ep ? atoi(ep + 1) : 0;
    int decpt = exp10 + 1;
    if (decpt <= -4 || decpt > prec - 1) {
        /* exponent form: trim the mantissa */
        size_t n = strlen(e);
        char *r = PyMem_Malloc(n + 2);
        if (r == NULL) {
            PyMem_Free(e);
            PyErr_NoMemory();
            return NULL;
        }
        size_t mlen = ep ? (size_t)(ep - e) : n;
        memcpy(r, e, mlen);
        r[mlen] = '\0';
        strip_zeros(r, alt);
        if (alt && !strchr(r, '.'))
            strcat(r, ".");
        strcat(r, ep ? ep : "");
        PyMem_Free(e);
        return r;
    }
    PyMem_Free(e);
    char *f = PyOS_double_to_string(val, 'f', prec - decpt, flags, NULL);
    if (f == NULL)
        return NULL;
    strip_zeros(f, alt);
    if (!strchr(f, '.')) {
        size_t n = strlen(f);
        char *r = PyMem_Malloc(n + 3);
        if (r == NULL) {
            PyMem_Free(f);
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(r, f, n);
        memcpy(r + n, ".0", 3);
        PyMem_Free(f);
        return r;
    }
    return f;
}

#if defined(__GNUC__) && defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 kr_u128;

/* "%.*f" of a finite ax >= 0 below 1e15 with at most 9 decimals, computed exactly: ax is
 * m * 2**e, so ax * 10**prec rounded half-even is a shift of an integer below 2**83 with
 * the remainder deciding the rounding, the same correctly rounded digits printf gives.
 * Writes NUL-terminated ASCII to out (room for 40 bytes) and returns its length, or -1
 * when the value is out of this range. */
static int format_fixed_exact(double ax, int prec, char *out)
{
    static const uint64_t pow10[] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u,
                                     10000000u, 100000000u, 1000000000u};
    if (!(ax < 1e15) || prec < 0 || prec > 9)
        return -1;
    int ex;
    double f = frexp(ax, &ex);
    uint64_t m = (uint64_t)ldexp(f, 53);
    int e = ex - 53;
    kr_u128 q;
    if (m == 0)
        q = 0;
    else if (e >= 0)
        q = ((kr_u128)m << e) * pow10[prec];
    else {
        kr_u128 n = (kr_u128)m * pow10[prec];
        int sh = -e;
        if (sh >= 127)
            q = 0; /* n < 2**83, so the value is far below one half */
        else {
            q = n >> sh;
            kr_u128 rem = n - (q << sh), half = (kr_u128)1 << (sh - 1);
            if (rem > half || (rem == half && (q & 1)))
                q++;
        }
    }
    uint64_t ip = (uint64_t)(q / pow10[prec]), fp = (uint64_t)(q % pow10[prec]);
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    char *o = out;
    while (n)
        *o++ = tmp[--n];
    if (prec > 0) {
        *o++ = '.';
        for (int i = prec - 1; i >= 0; i--) {
            o[i] = (char)('0' + fp % 10);
            fp /= 10;
        }
        o += prec;
    }
    *o = '\0';
    return (int)(o - out);
}
#else
static int format_fixed_exact(double ax, int prec, char *out)
{
    (void)ax;
    (void)prec;
    (void)out;
    return -1;
}
#endif

/* Render a double with a type already validated; shared by float and int. */
static int format_float_value(_PyUnicodeWriter *w, PyObject *obj, double val, Spec *s)
{
    Py_UCS4 type = s->type;
    int flags = 0, upper = 0, percent = 0;
    Py_ssize_t precision = s->precision;
    int default_precision = 6;
    if (s->alternate)
        flags |= Py_DTSF_ALT;
    if (s->no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == 0) {
        flags |= Py_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        val *= 100;
        type = 'f';
        percent = 1;
    }
    if (type == 'E' || type == 'F' || type == 'G') {
        upper = 1;
        type = type - 'A' + 'a';
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    if (precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return -1;
    }
    /* "{:.2f}" and friends: digits straight into a stack buffer */
    char fixed[48];
    if (type == 'f' && isfinite(val)) {
        int len = format_fixed_exact(fabs(val), (int)precision, fixed);
        if (len >= 0) {
            int negative = signbit(val) != 0;
            if (negative && (flags & Py_DTSF_NO_NEG_0)) {
                int all_zero = 1;
                for (int i = 0; i < len; i++)
                    if (fixed[i] >= '1' && fixed[i] <= '9')
                        all_zero = 0;
                if (all_zero)
                    negative = 0;
            }
            if ((flags & Py_DTSF_ALT) && precision == 0)
                fixed[len++] = '.';
            if (percent)
                fixed[len++] = '%';
            Py_ssize_t nd = 0;
            while (fixed[nd] >= '0' && fixed[nd] <= '9')
                nd++;
            return render_number(w, s, negative, "", fixed, nd, fixed + nd, len - nd, 3);
        }
    }
    char *buf;
    if ((flags & Py_DTSF_ADD_DOT_0) && type == 'g')
        buf = float_general_dot0(val, (int)precision, flags & ~Py_DTSF_ADD_DOT_0);
    else {
        buf = PyOS_double_to_string(val, (char)type, (int)precision, flags, NULL);
        if (type == 'r' && (flags & Py_DTSF_ALT))
            buf = alt_point(buf);
    }
    if (buf == NULL)
        return -1;
    char *p = buf;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    if (upper)
        for (char *q = p; *q; q++)
            if (*q >= 'a' && *q <= 'z')
                *q = (char)(*q - 32);
    Py_ssize_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    size_t restlen = strlen(p + nd);
    char small_rest[64];
    char *rest = small_rest;
    if (restlen + 2 > sizeof small_rest) {
        rest = PyMem_Malloc(restlen + 2);
        if (rest == NULL) {
            PyMem_Free(buf);
            PyErr_NoMemory();
            return -1;
        }
    }
    memcpy(rest, p + nd, restlen);
    if (percent)
        rest[restlen++] = '%';
    rest[restlen] = '\0';
    int r = render_number(w, s, negative, "", p, nd, rest, (Py_ssize_t)restlen, 3);
    if (rest != small_rest)
        PyMem_Free(rest);
    PyMem_Free(buf);
    return r;
}

int _PyFloat_FormatAdvancedWriter(_PyUnicodeWriter *w, PyObject *obj, PyObject *spec,
                                  Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        PyObject *str = PyObject_Str(obj);
        if (str == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(w, str);
        Py_DECREF(str);
        return r;
    }
    Spec s;
    if (parse_spec(obj, spec, start, end, &s, 0, '>') < 0)
        return -1;
    switch (s.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknown_code(s.type, obj);
    }
    double v = PyFloat_AsDouble(obj);
    if (v == -1.0 && PyErr_Occurred())
        return -1;
    return format_float_value(w, obj, v, &s);
}

/* Render one part of a complex number into buf (ASCII), sign included. */
static char *complex_part(double v, int type, int precision, int flags, int *negative)
{
    char *buf = PyOS_double_to_string(v, (char)type, precision, flags, NULL);
    if (type == 'r' && (flags & Py_DTSF_ALT))
        buf = alt_point(buf);
    if (buf == NULL)
        return NULL;
    *negative = buf[0] == '-';
    return buf;
}

int _PyComplex_FormatAdvancedWriter(_PyUnicodeWriter *w, PyObject *obj, PyObject *spec,
                                    Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        PyObject *str = PyObject_Str(obj);
        if (str == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(w, str);
        Py_DECREF(str);
        return r;
    }
    Spec s;
    if (parse_spec(obj, spec, start, end, &s, 0, '>') < 0)
        return -1;
    switch (s.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return unknown_code(s.type, obj);
    }
    if (s.fill == '0') {
        PyErr_SetString(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (s.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    Py_complex c = PyComplex_AsCComplex(obj);
    if (c.real == -1.0 && PyErr_Occurred())
        return -1;
    int type = (int)s.type, skip_re = 0, add_parens = 0, upper = 0;
    int default_precision = 6, flags = 0;
    Py_ssize_t precision = s.precision;
    if (s.alternate)
        flags |= Py_DTSF_ALT;
    if (s.no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
            skip_re = 1;
        else
            add_parens = 1;
    }
    if (type == 'n')
        type = 'g';
    if (type == 'E' || type == 'F' || type == 'G') {
        upper = 1;
        type = type - 'A' + 'a';
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    int re_neg = 0, im_neg = 0;
    char *re = NULL, *im = NULL;
    if (!skip_re) {
        re = complex_part(c.real, type, (int)precision, flags, &re_neg);
        if (re == NULL)
            return -1;
    }
    im = complex_part(c.imag, type, (int)precision, flags, &im_neg);
    if (im == NULL) {
        PyMem_Free(re);
        return -1;
    }
    KrByteBuf b = {0};
    int r = 0;
    /* Each part gets its grouping; the real part's sign follows the spec, the imaginary
     * part always carries one when a real part is shown. */
    if (add_parens)
        r = _KrByteBuf_PutByte(&b, '(');
    for (int part = 0; part < 2 && r == 0; part++) {
        char *txt = part == 0 ? re : im;
        if (txt == NULL)
            continue;
        int neg = part == 0 ? re_neg : im_neg;
        char *p = txt + (neg ? 1 : 0);
        if (upper)
            for (char *q = p; *q; q++)
                if (*q >= 'a' && *q <= 'z')
                    *q = (char)(*q - 32);
        Py_ssize_t nd = 0;
        while (p[nd] >= '0' && p[nd] <= '9')
            nd++;
        char signc = 0;
        if (neg)
            signc = '-';
        else if (part == 1 && !skip_re)
            signc = '+';
        else if (s.sign == '+')
            signc = '+';
        else if (s.sign == ' ')
            signc = ' ';
        if (signc)
            r = _KrByteBuf_PutByte(&b, signc);
        if (r == 0)
            r = group_digits(&b, p, nd, s.thousands, 3, 0);
        if (r == 0)
            r = _KrByteBuf_Put(&b, p + nd, (Py_ssize_t)strlen(p + nd));
    }
    if (r == 0)
        r = _KrByteBuf_PutByte(&b, 'j');
    if (r == 0 && add_parens)
        r = _KrByteBuf_PutByte(&b, ')');
    PyMem_Free(re);
    PyMem_Free(im);
    if (r < 0) {
        _KrByteBuf_Free(&b);
        return -1;
    }
    PyObject *body = PyUnicode_DecodeASCII(b.buf, b.len, NULL);
    _KrByteBuf_Free(&b);
    if (body == NULL)
        return -1;
    r = write_padded(w, body, &s);
    Py_DECREF(body);
    return r;
}

/* ---- fast entry points ------------------------------------------------------------------ */

PyObject *_KrUnicode_FromSmallInt(PyObject *v)
{
    char buf[24];
    int negative;
    Py_ssize_t n = small_int_digits(v, 10, 0, buf + sizeof buf, &negative);
    if (n < 0)
        return NULL;
    if (negative)
        buf[sizeof buf - 1 - n++] = '-';
    return _PyUnicode_FromASCII(buf + sizeof buf - n, n);
}

PyObject *_KrObject_FormatWithSpec(PyObject *obj, PyObject *spec)
{
    PyTypeObject *t = Py_TYPE(obj);
    if (spec == NULL || (PyUnicode_CheckExact(spec) && PyUnicode_GET_LENGTH(spec) == 0)) {
        if (t == &PyUnicode_Type)
            return Py_NewRef(obj);
        if (t == &PyLong_Type) {
            PyObject *r = _KrUnicode_FromSmallInt(obj);
            if (r != NULL)
                return r;
        }
        return PyObject_Format(obj, spec);
    }
    /* The built-in types' __format__ cannot be replaced, so for exact instances calling
     * the formatter directly is what the method call would do, minus the lookup, the
     * bound method and the argument checks. */
    int (*fmt)(_PyUnicodeWriter *, PyObject *, PyObject *, Py_ssize_t, Py_ssize_t);
    if (t == &PyLong_Type)
        fmt = _PyLong_FormatAdvancedWriter;
    else if (t == &PyFloat_Type)
        fmt = _PyFloat_FormatAdvancedWriter;
    else if (t == &PyUnicode_Type)
        fmt = _PyUnicode_FormatAdvancedWriter;
    else
        return PyObject_Format(obj, spec);
    if (!PyUnicode_CheckExact(spec))
        return PyObject_Format(obj, spec);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (fmt(&w, obj, spec, 0, PyUnicode_GET_LENGTH(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* The _locale module: the C library's locale support (setlocale, localeconv,
 * nl_langinfo, collation) and message catalogs, under CPython's names; lib/locale.py
 * builds the public API on it. Strings coming from the C library are decoded with the
 * current LC_CTYPE encoding, undecodable bytes becoming lone surrogates. */
#include "Python.h"

#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    PyObject *error;
} LocaleState;

static PyObject *locale_error(PyObject *m)
{
    return ((LocaleState *)PyModule_GetState(m))->error;
}

static PyObject *decode_locale(const char *s)
{
    size_t n = strlen(s);
    Py_UCS4 *buf = PyMem_Malloc((n + 1) * sizeof(Py_UCS4));
    if (buf == NULL)
        return PyErr_NoMemory();
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t out = 0, i = 0;
    while (i < n) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &st);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            /* Keep the raw byte as a surrogate, like the surrogateescape handler. */
            buf[out++] = 0xDC00 + (unsigned char)s[i];
            i++;
            memset(&st, 0, sizeof st);
            continue;
        }
        buf[out++] = (Py_UCS4)wc;
        i += k;
    }
    PyObject *res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, (Py_ssize_t)out);
    PyMem_Free(buf);
    return res;
}

/* A str as a NUL-terminated wchar_t array (PyMem_Free it); rejects embedded NULs. */
static wchar_t *to_wide(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    wchar_t *w = PyMem_Malloc((size_t)(n + 1) * sizeof(wchar_t));
    if (w == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c == 0) {
            PyMem_Free(w);
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
        w[i] = (wchar_t)c;
    }
    w[n] = 0;
    return w;
}

/* Optional str argument: NULL for None, UTF-8 text otherwise. Returns -1 on error. */
static int opt_str(PyObject *o, const char *fname, const char *argdesc, const char **out)
{
    if (o == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s() argument %s%smust be str or None, not %.200s",
                     fname, argdesc, *argdesc ? " " : "", Py_TYPE(o)->tp_name);
        return -1;
    }
    Py_ssize_t len;
    *out = PyUnicode_AsUTF8AndSize(o, &len);
    if (*out == NULL)
        return -1;
    if ((size_t)len != strlen(*out)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

static int req_str(PyObject *o, const char *fname, const char *argdesc, const char **out)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s() argument %s%smust be str, not %.200s", fname, argdesc,
                     *argdesc ? " " : "", Py_TYPE(o)->tp_name);
        return -1;
    }
    return opt_str(o, fname, argdesc, out);
}

static PyObject *locale_setlocale(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setlocale", nargs, 1, 2))
        return NULL;
    int category = PyLong_AsInt(args[0]);
    if (category == -1 && PyErr_Occurred())
        return NULL;
    const char *name = NULL;
    if (nargs > 1 && opt_str(args[1], "setlocale", "2", &name) < 0)
        return NULL;
    const char *res = setlocale(category, name);
    if (res == NULL) {
        PyErr_SetString(locale_error(m),
                        name ? "unsupported locale setting" : "locale query failed");
        return NULL;
    }
    return decode_locale(res);
}

static int add_str(PyObject *d, const char *key, const char *value)
{
    PyObject *v = decode_locale(value ? value : "");
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static int add_int(PyObject *d, const char *key, char value)
{
    PyObject *v = PyLong_FromLong((long)(unsigned char)value);
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

/* The grouping string as a list that keeps its terminator (0 = repeat the last
 * group, CHAR_MAX = no more grouping), as CPython reports it. */
static int add_grouping(PyObject *d, const char *key, const char *s)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return -1;
    if (s != NULL && s[0] != '\0') {
        for (size_t i = 0;; i++) {
            PyObject *v = PyLong_FromLong((long)(unsigned char)s[i]);
            if (v == NULL || PyList_Append(list, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(list);
                return -1;
            }
            Py_DECREF(v);
            if (s[i] == '\0' || (unsigned char)s[i] == CHAR_MAX)
                break;
        }
    }
    int r = PyDict_SetItemString(d, key, list);
    Py_DECREF(list);
    return r;
}

static PyObject *locale_localeconv(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    const struct lconv *lc = localeconv();
    if (add_str(d, "int_curr_symbol", lc->int_curr_symbol) < 0 ||
        add_str(d, "currency_symbol", lc->currency_symbol) < 0 ||
        add_str(d, "mon_decimal_point", lc->mon_decimal_point) < 0 ||
        add_str(d, "mon_thousands_sep", lc->mon_thousands_sep) < 0 ||
        add_grouping(d, "mon_grouping", lc->mon_grouping) < 0 ||
        add_str(d, "positive_sign", lc->positive_sign) < 0 ||
        add_str(d, "negative_sign", lc->negative_sign) < 0 ||
        add_int(d, "int_frac_digits", lc->int_frac_digits) < 0 ||
        add_int(d, "frac_digits", lc->frac_digits) < 0 ||
        add_int(d, "p_cs_precedes", lc->p_cs_precedes) < 0 ||
        add_int(d, "p_sep_by_space", lc->p_sep_by_space) < 0 ||
        add_int(d, "n_cs_precedes", lc->n_cs_precedes) < 0 ||
        add_int(d, "n_sep_by_space", lc->n_sep_by_space) < 0 ||
        add_int(d, "p_sign_posn", lc->p_sign_posn) < 0 ||
        add_int(d, "n_sign_posn", lc->n_sign_posn) < 0 ||
        add_str(d, "decimal_point", lc->decimal_point) < 0 ||
        add_str(d, "thousands_sep", lc->thousands_sep) < 0 ||
        add_grouping(d, "grouping", lc->grouping) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

#define LI(name) {#name, name}
static const struct {
    const char *name;
    nl_item value;
} langinfo_items[] = {
    LI(CODESET), LI(D_T_FMT), LI(D_FMT), LI(T_FMT), LI(AM_STR), LI(PM_STR), LI(T_FMT_AMPM),
    LI(DAY_1), LI(DAY_2), LI(DAY_3), LI(DAY_4), LI(DAY_5), LI(DAY_6), LI(DAY_7),
    LI(ABDAY_1), LI(ABDAY_2), LI(ABDAY_3), LI(ABDAY_4), LI(ABDAY_5), LI(ABDAY_6), LI(ABDAY_7),
    LI(MON_1), LI(MON_2), LI(MON_3), LI(MON_4), LI(MON_5), LI(MON_6), LI(MON_7), LI(MON_8),
    LI(MON_9), LI(MON_10), LI(MON_11), LI(MON_12),
    LI(ABMON_1), LI(ABMON_2), LI(ABMON_3), LI(ABMON_4), LI(ABMON_5), LI(ABMON_6),
    LI(ABMON_7), LI(ABMON_8), LI(ABMON_9), LI(ABMON_10), LI(ABMON_11), LI(ABMON_12),
    LI(RADIXCHAR), LI(THOUSEP), LI(YESEXPR), LI(NOEXPR), LI(CRNCYSTR),
    LI(ERA), LI(ERA_D_FMT), LI(ERA_D_T_FMT), LI(ERA_T_FMT), LI(ALT_DIGITS),
#ifdef _DATE_FMT
    LI(_DATE_FMT),
#endif
    {NULL, 0},
};
#undef LI

static PyObject *locale_nl_langinfo(PyObject *m, PyObject *arg)
{
    int key = PyLong_AsInt(arg);
    if (key == -1 && PyErr_Occurred())
        return NULL;
    for (int i = 0; langinfo_items[i].name != NULL; i++) {
        if ((int)langinfo_items[i].value == key) {
            const char *s = nl_langinfo(langinfo_items[i].value);
            return decode_locale(s ? s : "");
        }
    }
    PyErr_SetString(PyExc_ValueError, "unsupported langinfo constant");
    return NULL;
}

static PyObject *locale_strcoll(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("strcoll", nargs, 2, 2))
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (!PyUnicode_Check(args[i])) {
            PyErr_Format(PyExc_TypeError, "strcoll() argument %d must be str, not %.200s", i + 1,
                         Py_TYPE(args[i])->tp_name);
            return NULL;
        }
    }
    wchar_t *a = to_wide(args[0]);
    if (a == NULL)
        return NULL;
    wchar_t *b = to_wide(args[1]);
    if (b == NULL) {
        PyMem_Free(a);
        return NULL;
    }
    int r = wcscoll(a, b);
    PyMem_Free(a);
    PyMem_Free(b);
    return PyLong_FromLong(r);
}

static PyObject *locale_strxfrm(PyObject *m, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "strxfrm() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    wchar_t *s = to_wide(arg);
    if (s == NULL)
        return NULL;
    size_t cap = wcslen(s) + 1;
    wchar_t *out = NULL;
    for (;;) {
        wchar_t *grown = PyMem_Realloc(out, cap * sizeof(wchar_t));
        if (grown == NULL) {
            PyMem_Free(out);
            PyMem_Free(s);
            return PyErr_NoMemory();
        }
        out = grown;
        errno = 0;
        size_t need = wcsxfrm(out, s, cap);
        if (errno) {
            PyMem_Free(out);
            PyMem_Free(s);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (need < cap) {
            Py_UCS4 *u = (Py_UCS4 *)out; /* wchar_t is UCS-4 on the platforms we build for */
            PyObject *res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, u, (Py_ssize_t)need);
            PyMem_Free(out);
            PyMem_Free(s);
            return res;
        }
        cap = need + 1;
    }
}

static PyObject *locale_getencoding(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL || cs[0] == '\0')
        cs = "utf-8";
    return PyUnicode_FromString(cs);
}

static PyObject *locale_gettext(PyObject *m, PyObject *arg)
{
    const char *msg;
    if (req_str(arg, "gettext", "", &msg) < 0)
        return NULL;
    return decode_locale(gettext(msg));
}

static PyObject *locale_dgettext(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dgettext", nargs, 2, 2))
        return NULL;
    const char *domain, *msg;
    if (opt_str(args[0], "dgettext", "1", &domain) < 0 || req_str(args[1], "dgettext", "2", &msg) < 0)
        return NULL;
    return decode_locale(dgettext(domain, msg));
}

static PyObject *locale_dcgettext(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dcgettext", nargs, 3, 3))
        return NULL;
    const char *domain, *msg;
    if (opt_str(args[0], "dcgettext", "1", &domain) < 0 ||
        req_str(args[1], "dcgettext", "2", &msg) < 0)
        return NULL;
    int category = PyLong_AsInt(args[2]);
    if (category == -1 && PyErr_Occurred())
        return NULL;
    return decode_locale(dcgettext(domain, msg, category));
}

static PyObject *locale_textdomain(PyObject *m, PyObject *arg)
{
    const char *domain;
    if (opt_str(arg, "textdomain", "", &domain) < 0)
        return NULL;
    const char *res = textdomain(domain);
    if (res == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return decode_locale(res);
}

static PyObject *locale_bindtextdomain(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("bindtextdomain", nargs, 2, 2))
        return NULL;
    const char *domain;
    if (req_str(args[0], "bindtextdomain", "1", &domain) < 0)
        return NULL;
    if (domain[0] == '\0') {
        PyErr_SetString(locale_error(m), "domain must be a non-empty string");
        return NULL;
    }
    PyObject *dirbytes = NULL;
    const char *dir = NULL;
    if (args[1] != Py_None) {
        if (PyUnicode_Check(args[1]))
            dirbytes = PyUnicode_EncodeFSDefault(args[1]);
        else if (PyBytes_Check(args[1]))
            dirbytes = Py_NewRef(args[1]);
        else
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(args[1])->tp_name);
        if (dirbytes == NULL)
            return NULL;
        dir = PyBytes_AS_STRING(dirbytes);
    }
    const char *res = bindtextdomain(domain, dir);
    Py_XDECREF(dirbytes);
    if (res == NULL) {
        if (errno == 0)
            errno = ENOMEM;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return decode_locale(res);
}

static PyObject *locale_bind_textdomain_codeset(PyObject *m, PyObject *const *args,
                                                Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("bind_textdomain_codeset", nargs, 2, 2))
        return NULL;
    const char *domain, *codeset;
    if (req_str(args[0], "bind_textdomain_codeset", "1", &domain) < 0 ||
        opt_str(args[1], "bind_textdomain_codeset", "2", &codeset) < 0)
        return NULL;
    errno = 0;
    const char *res = bind_textdomain_codeset(domain, codeset);
    if (res == NULL) {
        if (errno)
            return PyErr_SetFromErrno(PyExc_OSError);
        Py_RETURN_NONE;
    }
    return decode_locale(res);
}

static PyMethodDef locale_methods[] = {
    {"setlocale", _PyCFunction_CAST(locale_setlocale), METH_FASTCALL,
     "setlocale($module, category, locale=<unrepresentable>, /)\n--\n\n"
     "Set the locale of `category` to `locale` and return the new setting; with no\n"
     "locale (or None), return the current setting."},
    {"localeconv", locale_localeconv, METH_NOARGS,
     "localeconv($module, /)\n--\n\nReturn the numeric and monetary formatting conventions as a dict."},
    {"nl_langinfo", locale_nl_langinfo, METH_O,
     "nl_langinfo($module, key, /)\n--\n\nReturn the locale's value for one of the langinfo constants."},
    {"strcoll", _PyCFunction_CAST(locale_strcoll), METH_FASTCALL,
     "strcoll($module, os1, os2, /)\n--\n\nCompare two strings by the LC_COLLATE rules (negative, 0 or positive)."},
    {"strxfrm", locale_strxfrm, METH_O,
     "strxfrm($module, string, /)\n--\n\n"
     "Return a key string whose plain comparison follows the LC_COLLATE rules."},
    {"getencoding", locale_getencoding, METH_NOARGS,
     "getencoding($module, /)\n--\n\nReturn the character encoding of the current LC_CTYPE locale."},
    {"gettext", locale_gettext, METH_O,
     "gettext($module, msg, /)\n--\n\nTranslate msg in the current text domain."},
    {"dgettext", _PyCFunction_CAST(locale_dgettext), METH_FASTCALL,
     "dgettext($module, domain, msg, /)\n--\n\nTranslate msg in the given text domain."},
    {"dcgettext", _PyCFunction_CAST(locale_dcgettext), METH_FASTCALL,
     "dcgettext($module, domain, msg, category, /)\n--\n\n"
     "Translate msg in the given text domain and locale category."},
    {"textdomain", locale_textdomain, METH_O,
     "textdomain($module, domain, /)\n--\n\nSet (or with None, query) the current text domain."},
    {"bindtextdomain", _PyCFunction_CAST(locale_bindtextdomain), METH_FASTCALL,
     "bindtextdomain($module, domain, dir, /)\n--\n\n"
     "Set (or with None, query) the directory holding a text domain's catalogs."},
    {"bind_textdomain_codeset", _PyCFunction_CAST(locale_bind_textdomain_codeset), METH_FASTCALL,
     "bind_textdomain_codeset($module, domain, codeset, /)\n--\n\n"
     "Set (or with None, query) the encoding of a text domain's translations."},
    {NULL, NULL, 0, NULL},
};

static int locale_traverse(PyObject *m, visitproc visit, void *arg)
{
    LocaleState *st = PyModule_GetState(m);
    if (st != NULL)
        Py_VISIT(st->error);
    return 0;
}

static int locale_clear(PyObject *m)
{
    LocaleState *st = PyModule_GetState(m);
    if (st != NULL)
        Py_CLEAR(st->error);
    return 0;
}

static void locale_free(void *m)
{
    locale_clear((PyObject *)m);
}

static struct PyModuleDef localemodule = {
    PyModuleDef_HEAD_INIT, "_locale", "Support for POSIX locales.", sizeof(LocaleState),
    locale_methods, NULL, locale_traverse, locale_clear, locale_free,
};

PyObject *PyInit__locale(void)
{
    /* CPython adopts the user's LC_CTYPE during start-up; the interpreter does not
     * (yet), so do it here, before anything can observe the C locale. */
    const char *ctype = setlocale(LC_CTYPE, NULL);
    if (ctype != NULL && strcmp(ctype, "C") == 0)
        setlocale(LC_CTYPE, "");
    PyObject *m = PyModule_Create(&localemodule);
    if (m == NULL)
        return NULL;
    LocaleState *st = PyModule_GetState(m);
    st->error = PyErr_NewException("locale.Error", NULL, NULL);
    if (st->error == NULL || PyModule_AddObjectRef(m, "Error", st->error) < 0)
        goto fail;
    static const struct {
        const char *name;
        long value;
    } cats[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_TIME", LC_TIME}, {"LC_COLLATE", LC_COLLATE},
        {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES},
        {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL}, {"CHAR_MAX", CHAR_MAX},
        {NULL, 0},
    };
    for (int i = 0; cats[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, cats[i].name, cats[i].value) < 0)
            goto fail;
    }
    for (int i = 0; langinfo_items[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, langinfo_items[i].name, (long)langinfo_items[i].value) < 0)
            goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

/* str internals: storage kinds and sizes, canonical kind after building with the writer,
 * the cached UTF-8 form, interning, singletons, FromFormat units, hashing and the in-place
 * append used for s += t. */
#include "Python.h"

static int failures = 0;

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            failures++;                                                         \
        }                                                                       \
    } while (0)

static int equals(PyObject *u, const char *utf8)
{
    int r = u != NULL && PyUnicode_EqualToUTF8(u, utf8);
    if (u == NULL)
        PyErr_Clear();
    return r;
}

static void test_kinds(void)
{
    PyObject *a = PyUnicode_FromString("abc");
    PyObject *l = PyUnicode_FromString("\xc3\xa9t\xc3\xa9");      /* été */
    PyObject *b = PyUnicode_FromString("\xcf\x80");               /* π */
    PyObject *w = PyUnicode_FromString("\xf0\x9f\x90\x8d");       /* snake */
    CHECK(PyUnicode_IS_ASCII(a) && PyUnicode_KIND(a) == 1);
    CHECK(!PyUnicode_IS_ASCII(l) && PyUnicode_KIND(l) == 1 && PyUnicode_GET_LENGTH(l) == 3);
    CHECK(PyUnicode_KIND(b) == 2 && PyUnicode_GET_LENGTH(b) == 1);
    CHECK(PyUnicode_KIND(w) == 4 && PyUnicode_READ_CHAR(w, 0) == 0x1F40D);
    /* concatenation takes the wider kind; slicing narrows back */
    PyObject *c = PyUnicode_Concat(a, w);
    CHECK(c && PyUnicode_KIND(c) == 4 && PyUnicode_GET_LENGTH(c) == 4);
    PyObject *s = PyUnicode_Substring(c, 0, 3);
    CHECK(s && PyUnicode_IS_ASCII(s) && equals(s, "abc"));
    Py_ssize_t n;
    const char *u8 = PyUnicode_AsUTF8AndSize(l, &n);
    CHECK(u8 && n == 5 && memcmp(u8, "\xc3\xa9t\xc3\xa9", 5) == 0);
    CHECK(PyUnicode_AsUTF8(l) == u8); /* cached */
    Py_XDECREF(s);
    Py_XDECREF(c);
    Py_DECREF(a);
    Py_DECREF(l);
    Py_DECREF(b);
    Py_DECREF(w);
}

static void test_writer(void)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    CHECK(_PyUnicodeWriter_WriteASCIIString(&w, "ab", 2) == 0);
    CHECK(_PyUnicodeWriter_WriteChar(&w, 0xE9) == 0);
    CHECK(_PyUnicodeWriter_WriteChar(&w, 0x3C0) == 0);
    CHECK(_PyUnicodeWriter_WriteChar(&w, 0x1F40D) == 0);
    PyObject *r = _PyUnicodeWriter_Finish(&w);
    CHECK(r && PyUnicode_KIND(r) == 4 && equals(r, "ab\xc3\xa9\xcf\x80\xf0\x9f\x90\x8d"));
    Py_XDECREF(r);

    /* a wide Prepare that ends up holding only ASCII must still give an ASCII string */
    _PyUnicodeWriter_Init(&w);
    CHECK(_PyUnicodeWriter_Prepare(&w, 4, 0x10FFFF) == 0);
    CHECK(_PyUnicodeWriter_WriteASCIIString(&w, "xyz", 3) == 0);
    r = _PyUnicodeWriter_Finish(&w);
    CHECK(r && PyUnicode_IS_ASCII(r) && equals(r, "xyz"));
    Py_XDECREF(r);

    _PyUnicodeWriter_Init(&w);
    r = _PyUnicodeWriter_Finish(&w);
    CHECK(r && PyUnicode_GET_LENGTH(r) == 0);
    Py_XDECREF(r);
}

static void test_interning_and_singletons(void)
{
    PyObject *a = PyUnicode_FromString("some_identifier_xyz");
    PyObject *b = PyUnicode_FromString("some_identifier_xyz");
    CHECK(a != b);
    PyUnicode_InternInPlace(&a);
    PyUnicode_InternInPlace(&b);
    CHECK(a == b && PyUnicode_CHECK_INTERNED(a));
    PyObject *id = PyUnicode_InternFromString("__init__");
    CHECK(id == _Py_ID(__init__));
    PyObject *e1 = PyUnicode_FromString(""), *e2 = PyUnicode_New(0, 0);
    CHECK(e1 == e2);
    PyObject *c1 = PyUnicode_FromOrdinal(0xE9), *c2 = PyUnicode_FromString("\xc3\xa9");
    CHECK(c1 == c2);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(id);
    Py_DECREF(e1);
    Py_DECREF(e2);
    Py_DECREF(c1);
    Py_DECREF(c2);
}

static void test_fromformat(void)
{
    PyObject *o = PyLong_FromLong(42);
    PyObject *s = PyUnicode_FromString("x\xc3\xa9");
    PyObject *r = PyUnicode_FromFormat("%d|%5s|%-4d|%zd|%x|%c|%U|%R|%S|%T|%.2s|%%|%03i", -7, "ab",
                                       3, (Py_ssize_t)123456789, 255, 0x3C0, s, s, o, o,
                                       "abcdef", 5);
    CHECK(equals(r, "-7|   ab|3   |123456789|ff|\xcf\x80|x\xc3\xa9|'x\xc3\xa9'|42|int|ab|%|005"));
    Py_XDECREF(r);
    r = PyUnicode_FromFormat("%V|%V", s, "unused", NULL, "fallback");
    CHECK(equals(r, "x\xc3\xa9|fallback"));
    Py_XDECREF(r);
    r = PyUnicode_FromFormat("%N", (PyObject *)&PyUnicode_Type);
    CHECK(equals(r, "str"));
    Py_XDECREF(r);
    Py_DECREF(o);
    Py_DECREF(s);
}

static void test_hash_and_codecs(void)
{
    PyObject *s = PyUnicode_FromString("abc");
    PyObject *b = PyBytes_FromString("abc");
    CHECK(PyObject_Hash(s) == PyObject_Hash(b));
    PyObject *d = PyUnicode_DecodeUTF8("a\xff", 2, "replace");
    CHECK(d && PyUnicode_GET_LENGTH(d) == 2 && PyUnicode_READ_CHAR(d, 1) == 0xFFFD);
    Py_XDECREF(d);
    d = PyUnicode_DecodeUTF8("a\xff", 2, "strict");
    CHECK(d == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError));
    PyErr_Clear();
    d = PyUnicode_DecodeFSDefault("x\xff");
    CHECK(d && PyUnicode_READ_CHAR(d, 1) == 0xDCFF);
    PyObject *back = d ? PyUnicode_EncodeFSDefault(d) : NULL;
    CHECK(back && PyBytes_GET_SIZE(back) == 2 && (unsigned char)PyBytes_AS_STRING(back)[1] == 0xFF);
    Py_XDECREF(back);
    Py_XDECREF(d);
    Py_DECREF(s);
    Py_DECREF(b);
}

/* A fresh exact string (refcount 1, not shared with any cache). */
static PyObject *fresh(const char *utf8)
{
    PyObject *u = PyUnicode_FromString(utf8);
    PyObject *c = u ? _PyUnicode_Copy(u) : NULL;
    Py_XDECREF(u);
    return c;
}

static void test_append_in_place(void)
{
    /* grows the same object while it is private; the old hash is dropped */
    PyObject *s = fresh("abc");
    CHECK(s && Py_REFCNT(s) == 1);
    CHECK(PyObject_Hash(s) != -1);
    PyObject *t = PyUnicode_FromString("de");
    for (int i = 0; i < 200; i++)
        CHECK(_KrUnicode_AppendInPlace(&s, t) == 0 && s != NULL);
    CHECK(s && PyUnicode_GET_LENGTH(s) == 403 && PyUnicode_IS_ASCII(s));
    CHECK(s && PyUnicode_READ_CHAR(s, 401) == 'd' && PyUnicode_READ_CHAR(s, 403) == 0);
    PyObject *expect = PyUnicode_FromString("abcde");
    PyObject *small = fresh("abc");
    CHECK(_KrUnicode_AppendInPlace(&small, t) == 0);
    CHECK(small && _PyUnicode_Equal(small, expect) && PyObject_Hash(small) == PyObject_Hash(expect));
    Py_XDECREF(small);
    Py_DECREF(expect);

    /* a shared left operand is left alone: the result is a new object */
    PyObject *shared = fresh("xy");
    PyObject *keep = Py_NewRef(shared);
    PyObject *p = shared;
    CHECK(_KrUnicode_AppendInPlace(&p, t) == 0);
    CHECK(p != keep && equals(keep, "xy") && equals(p, "xyde"));
    Py_XDECREF(p);
    Py_DECREF(keep);

    /* interned and immortal strings are never grown */
    PyObject *in = PyUnicode_FromString("interned_left_operand");
    PyUnicode_InternInPlace(&in);
    PyObject *in_copy = in;
    Py_INCREF(in_copy);
    CHECK(_KrUnicode_AppendInPlace(&in, t) == 0);
    CHECK(in != in_copy && equals(in_copy, "interned_left_operand") &&
          equals(in, "interned_left_operandde"));
    Py_XDECREF(in);
    Py_DECREF(in_copy);

    /* ASCII + latin-1 widens (new object); latin-1 + ASCII and UCS2 + latin-1 grow */
    PyObject *a = fresh("ab");
    PyObject *lat = PyUnicode_FromString("\xc3\xa9");
    CHECK(_KrUnicode_AppendInPlace(&a, lat) == 0 && equals(a, "ab\xc3\xa9") &&
          !PyUnicode_IS_ASCII(a) && PyUnicode_KIND(a) == 1);
    CHECK(_KrUnicode_AppendInPlace(&a, t) == 0 && equals(a, "ab\xc3\xa9" "de"));
    PyObject *pi = PyUnicode_FromString("\xcf\x80");
    CHECK(_KrUnicode_AppendInPlace(&a, pi) == 0 && PyUnicode_KIND(a) == 2);
    CHECK(_KrUnicode_AppendInPlace(&a, lat) == 0 && equals(a, "ab\xc3\xa9" "de\xcf\x80\xc3\xa9"));
    PyObject *snake = PyUnicode_FromString("\xf0\x9f\x90\x8d");
    CHECK(_KrUnicode_AppendInPlace(&a, snake) == 0 && PyUnicode_KIND(a) == 4 &&
          PyUnicode_GET_LENGTH(a) == 8);
    Py_XDECREF(a);

    /* empty operands */
    PyObject *e = PyUnicode_New(0, 0);
    PyObject *x = fresh("q");
    PyObject *x0 = x;
    CHECK(_KrUnicode_AppendInPlace(&x, e) == 0 && x == x0 && equals(x, "q"));
    Py_XDECREF(x);
    PyObject *e2 = PyUnicode_New(0, 0);
    CHECK(_KrUnicode_AppendInPlace(&e2, t) == 0 && equals(e2, "de"));
    Py_XDECREF(e2);

    /* errors consume the left operand and leave NULL */
    PyObject *bad = fresh("abc");
    PyObject *num = PyLong_FromLong(1);
    CHECK(_KrUnicode_AppendInPlace(&bad, num) == -1 && bad == NULL &&
          PyErr_ExceptionMatches(PyExc_TypeError));
    PyErr_Clear();
    Py_INCREF(num);
    PyObject *nl = num;
    CHECK(_KrUnicode_AppendInPlace(&nl, t) == -1 && nl == NULL &&
          PyErr_ExceptionMatches(PyExc_TypeError));
    PyErr_Clear();
    Py_DECREF(num);
    Py_DECREF(e);
    Py_DECREF(t);
    Py_DECREF(lat);
    Py_DECREF(pi);
    Py_DECREF(snake);
    Py_XDECREF(s);
}

/* The f-string formatting entry point agrees with PyObject_Format. */
static void test_format_with_spec(void)
{
    PyObject *i = PyLong_FromLong(-42);
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    PyObject *f = PyFloat_FromDouble(2.5), *s = PyUnicode_FromString("ab");
    PyObject *spec = PyUnicode_FromString("08.2f"), *ispec = PyUnicode_FromString("_"),
             *sspec = PyUnicode_FromString("*^6"), *empty = PyUnicode_New(0, 0);
    PyObject *objs[] = {i, big, f, s, Py_True, Py_None};
    PyObject *specs[] = {NULL, empty, spec, ispec, sspec};
    for (size_t a = 0; a < sizeof objs / sizeof *objs; a++) {
        for (size_t b = 0; b < sizeof specs / sizeof *specs; b++) {
            PyObject *want = PyObject_Format(objs[a], specs[b]);
            int want_err = want == NULL;
            PyErr_Clear();
            PyObject *got = _KrObject_FormatWithSpec(objs[a], specs[b]);
            int got_err = got == NULL;
            PyErr_Clear();
            CHECK(want_err == got_err);
            CHECK(want_err || (got && PyUnicode_CheckExact(got) && _PyUnicode_Equal(want, got)));
            Py_XDECREF(want);
            Py_XDECREF(got);
        }
    }
    PyObject *r = _KrObject_FormatWithSpec(f, spec);
    CHECK(equals(r, "00002.50"));
    Py_XDECREF(r);
    r = _KrObject_FormatWithSpec(big, ispec);
    CHECK(equals(r, "123_456_789_012_345_678_901_234_567_890"));
    Py_XDECREF(r);
    Py_DECREF(i);
    Py_DECREF(big);
    Py_DECREF(f);
    Py_DECREF(s);
    Py_DECREF(spec);
    Py_DECREF(ispec);
    Py_DECREF(sspec);
    Py_DECREF(empty);
}

int main(void)
{
    Py_Initialize();
    test_kinds();
    test_writer();
    test_interning_and_singletons();
    test_fromformat();
    test_hash_and_codecs();
    test_append_in_place();
    test_format_with_spec();
    if (failures == 0)
        printf("test_unicode: ok\n");
    return failures != 0;
}

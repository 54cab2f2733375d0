/* Bignum core: multiplication (schoolbook and Karatsuba), division, shifts, bitwise ops
 * and int<->str conversion, checked against independent residue arithmetic, C integer
 * arithmetic on small values and known decimal expansions. */
#include "Python.h"
#include <stdio.h>

static int failures;

#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (!(cond)) {                                     \
            failures++;                                    \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);    \
            printf(__VA_ARGS__);                           \
            printf("\n");                                  \
        }                                                  \
    } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

#define P1 1000000007ULL
#define P2 998244353ULL

/* residue of a big-endian magnitude byte string modulo p */
static uint64_t bytes_mod(const unsigned char *b, size_t n, uint64_t p)
{
    uint64_t r = 0;
    for (size_t i = 0; i < n; i++)
        r = (r * 256 + b[i]) % p;
    return r;
}

/* residue of an int object modulo p, through its two's complement bytes */
static uint64_t int_mod(PyObject *v, uint64_t p)
{
    int neg = _PyLong_Sign(v) < 0;
    PyObject *a = neg ? PyNumber_Negative(v) : Py_NewRef(v);
    size_t n = (size_t)(_PyLong_NumBits(a) / 8 + 1);
    unsigned char *buf = malloc(n);
    _PyLong_AsByteArray((PyLongObject *)a, buf, n, 0, 0, 1);
    uint64_t r = bytes_mod(buf, n, p);
    free(buf);
    Py_DECREF(a);
    return neg ? (p - r) % p : r;
}

static uint64_t dec_mod(const char *s, uint64_t p)
{
    int neg = *s == '-';
    if (neg)
        s++;
    uint64_t r = 0;
    for (; *s; s++)
        r = (r * 10 + (uint64_t)(*s - '0')) % p;
    return neg ? (p - r) % p : r;
}

static PyObject *random_int(size_t nbytes, int allow_neg)
{
    unsigned char *buf = malloc(nbytes);
    for (size_t i = 0; i < nbytes; i++)
        buf[i] = (unsigned char)rnd();
    /* sometimes long runs of 0xff / 0x00 to stress carries */
    if (rnd() % 4 == 0)
        for (size_t i = 1; i < nbytes / 2; i++)
            buf[i] = (rnd() & 1) ? 0xff : 0x00;
    buf[0] |= 1;
    PyObject *v = _PyLong_FromByteArray(buf, nbytes, 0, 0);
    free(buf);
    if (allow_neg && (rnd() & 1))
        Py_SETREF(v, PyNumber_Negative(v));
    return v;
}

static void test_small(void)
{
    for (long a = -300; a <= 300; a += 7) {
        for (long b = -300; b <= 300; b += 11) {
            PyObject *x = PyLong_FromLong(a * 1000003), *y = PyLong_FromLong(b);
            PyObject *s = PyNumber_Add(x, y), *d = PyNumber_Subtract(x, y);
            PyObject *m = PyNumber_Multiply(x, y);
            CHECK(PyLong_AsLong(s) == a * 1000003 + b, "add %ld %ld", a, b);
            CHECK(PyLong_AsLong(d) == a * 1000003 - b, "sub %ld %ld", a, b);
            CHECK(PyLong_AsLong(m) == a * 1000003 * b, "mul %ld %ld", a, b);
            if (b != 0) {
                long xa = a * 1000003;
                long q = xa / b, r = xa % b;
                if (r && ((r < 0) != (b < 0))) {
                    r += b;
                    q--;
                }
                PyObject *fq = PyNumber_FloorDivide(x, y), *fr = PyNumber_Remainder(x, y);
                CHECK(PyLong_AsLong(fq) == q, "floordiv %ld %ld", xa, b);
                CHECK(PyLong_AsLong(fr) == r, "mod %ld %ld", xa, b);
                Py_DECREF(fq);
                Py_DECREF(fr);
            }
            Py_DECREF(x);
            Py_DECREF(y);
            Py_DECREF(s);
            Py_DECREF(d);
            Py_DECREF(m);
        }
    }
}

static void test_mul_div(void)
{
    size_t sizes[] = {1, 3, 4, 8, 9, 17, 40, 100, 263, 300, 530, 1000, 2500, 4000};
    size_t ns = sizeof sizes / sizeof sizes[0];
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = 0; j < ns; j++) {
            PyObject *a = random_int(sizes[i], 1), *b = random_int(sizes[j], 1);
            PyObject *p = PyNumber_Multiply(a, b);
            for (int k = 0; k < 2; k++) {
                uint64_t mod = k ? P2 : P1;
                uint64_t want = int_mod(a, mod) * int_mod(b, mod) % mod;
                CHECK(int_mod(p, mod) == want, "mul residue %zu x %zu", sizes[i], sizes[j]);
            }
            PyObject *sq = PyNumber_Multiply(a, a);
            uint64_t ra = int_mod(a, P1);
            CHECK(int_mod(sq, P1) == ra * ra % P1, "square residue %zu", sizes[i]);
            /* divmod: a == q*b + r, r has b's sign and |r| < |b| */
            PyObject *qr = PyNumber_Divmod(a, b);
            PyObject *q = PyTuple_GET_ITEM(qr, 0), *r = PyTuple_GET_ITEM(qr, 1);
            PyObject *qb = PyNumber_Multiply(q, b);
            PyObject *back = PyNumber_Add(qb, r);
            CHECK(PyObject_RichCompareBool(back, a, Py_EQ) == 1, "divmod identity %zu / %zu",
                  sizes[i], sizes[j]);
            PyObject *absr = PyNumber_Absolute(r), *absb = PyNumber_Absolute(b);
            CHECK(PyObject_RichCompareBool(absr, absb, Py_LT) == 1, "remainder bound");
            CHECK(_PyLong_Sign(r) == 0 || _PyLong_Sign(r) == _PyLong_Sign(b), "remainder sign");
            /* exact division of the product gives the factor back */
            PyObject *pa = PyNumber_FloorDivide(p, b);
            CHECK(PyObject_RichCompareBool(pa, a, Py_EQ) == 1, "(a*b)//b == a %zu %zu",
                  sizes[i], sizes[j]);
            Py_DECREF(pa);
            Py_DECREF(absr);
            Py_DECREF(absb);
            Py_DECREF(back);
            Py_DECREF(qb);
            Py_DECREF(qr);
            Py_DECREF(sq);
            Py_DECREF(p);
            Py_DECREF(a);
            Py_DECREF(b);
        }
    }
}

static void test_str_roundtrip(void)
{
    size_t sizes[] = {1, 2, 5, 13, 40, 200, 1000, 1700};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (int rep = 0; rep < 5; rep++) {
            PyObject *a = random_int(sizes[i], 1);
            PyObject *s = PyObject_Str(a);
            const char *text = PyUnicode_AsUTF8(s);
            CHECK(dec_mod(text, P1) == int_mod(a, P1), "str residue %zu", sizes[i]);
            PyObject *b = PyLong_FromString(text, NULL, 10);
            CHECK(b && PyObject_RichCompareBool(a, b, Py_EQ) == 1, "str round trip %zu",
                  sizes[i]);
            PyObject *h = PyNumber_ToBase(a, 16);
            PyObject *c = h ? PyLong_FromUnicodeObject(h, 0) : NULL;
            CHECK(c && PyObject_RichCompareBool(a, c, Py_EQ) == 1, "hex round trip %zu",
                  sizes[i]);
            Py_XDECREF(c);
            Py_XDECREF(h);
            Py_XDECREF(b);
            Py_DECREF(s);
            Py_DECREF(a);
        }
    }
}

static void expect_str(PyObject *v, const char *want, const char *what)
{
    PyObject *s = PyObject_Str(v);
    const char *got = s ? PyUnicode_AsUTF8(s) : "(error)";
    CHECK(strcmp(got, want) == 0, "%s: got %s want %s", what, got, want);
    Py_XDECREF(s);
    Py_DECREF(v);
}

static void test_known(void)
{
    PyObject *two = PyLong_FromLong(2), *three = PyLong_FromLong(3);
    PyObject *e100 = PyLong_FromLong(100), *e200 = PyLong_FromLong(200);
    expect_str(PyNumber_Power(two, e100, Py_None), "1267650600228229401496703205376", "2**100");
    expect_str(PyNumber_Power(three, e200, Py_None),
               "265613988875874769338781322035779626829233452653394495974574961739092490901302"
               "182994384699044001", "3**200");
    expect_str(PyNumber_Lshift(PyLong_FromLong(-1), e100), "-1267650600228229401496703205376",
               "-1 << 100");
    PyObject *big = PyNumber_Power(two, e200, Py_None);
    PyObject *neg = PyNumber_Negative(big);
    expect_str(PyNumber_Rshift(neg, e100), "-1267650600228229401496703205376", "-2**200 >> 100");
    PyObject *m1 = PyNumber_Subtract(neg, PyLong_FromLong(1));
    expect_str(PyNumber_And(m1, PyLong_FromLong(0xff)), "255", "(-2**200-1) & 255");
    expect_str(PyNumber_Or(m1, PyLong_FromLong(1)), "-1606938044258990275541962092341162602522202993782792835301377",
               "(-2**200-1) | 1");
    expect_str(PyNumber_Xor(big, neg), "-3213876088517980551083924184682325205044405987565585670602752",
               "2**200 ^ -2**200");
    expect_str(PyNumber_Invert(big), "-1606938044258990275541962092341162602522202993782792835301377",
               "~2**200");
    expect_str(PyLong_FromDouble(1e300),
               "1000000000000000052504760255204420248704468581108159154915854115511802457988908"
               "1957863713750804478640437044438328838781769425232353604305756447921847867069828"
               "4838720092657580373783023379478809005936895323497079994508111903896764088007465"
               "2742780142494579258788820056842838115669472196386865459400540160", "int(1e300)");
    CHECK(PyLong_AsDouble(big) == 1.6069380442589903e+60, "float(2**200)");
    expect_str(PyNumber_TrueDivide(big, PyLong_FromLong(3)), "5.356460147529967e+59", "2**200/3");
    Py_DECREF(m1);
    Py_DECREF(neg);
    Py_DECREF(big);
    Py_DECREF(two);
    Py_DECREF(three);
    Py_DECREF(e100);
    Py_DECREF(e200);
}

/* the eval loop's fast path must agree with the generic number protocol */
static void test_fast_binop(void)
{
    PyObject *vals[] = {PyLong_FromLong(7), PyLong_FromLong(-3), PyLong_FromLong(0),
                        PyLong_FromLong(1 << 29), PyFloat_FromDouble(2.5), PyFloat_FromDouble(-0.0),
                        PyLong_FromLongLong(1LL << 40)};
    int n = (int)(sizeof vals / sizeof vals[0]);
    for (int op = 0; op <= 25; op++) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                /* an extra reference, as a variable holding the operand would have */
                Py_INCREF(vals[i]);
                PyObject *fast = _KrNumber_BinaryOpFast(vals[i], vals[j], op);
                Py_DECREF(vals[i]);
                CHECK(!PyErr_Occurred(), "fast op %d left an error", op);
                if (fast == NULL)
                    continue;
                PyObject *slow = _PyNumber_BinaryOp(vals[i], vals[j], op);
                CHECK(slow != NULL && Py_TYPE(slow) == Py_TYPE(fast) &&
                      PyObject_RichCompareBool(slow, fast, Py_EQ) == 1,
                      "fast op %d on %d,%d differs", op, i, j);
                Py_XDECREF(slow);
                Py_DECREF(fast);
                PyErr_Clear();
            }
        }
    }
    for (int i = 0; i < n; i++)
        Py_DECREF(vals[i]);
    /* a temporary only the stack refers to is reused for the result */
    PyObject *tmp = PyFloat_FromDouble(1.5), *two = PyFloat_FromDouble(2.0);
    PyObject *r = _KrNumber_BinaryOpFast(tmp, two, 5);
    CHECK(r == tmp && PyFloat_AS_DOUBLE(r) == 3.0, "temporary reuse");
    Py_DECREF(tmp);
    Py_DECREF(r);
    Py_DECREF(two);
}

/* an int from explicit 30-bit digits, least significant first */
static PyObject *from_digits(const digit *d, Py_ssize_t n, int negative)
{
    return _PyLong_FromDigits(negative, n, d);
}

/* a*b == b*a, (a*b)//b == a, (a*b)%b == 0, checked modulo two primes as well */
static void check_product(PyObject *a, PyObject *b, const char *what, long x, long y)
{
    PyObject *p = PyNumber_Multiply(a, b), *p2 = PyNumber_Multiply(b, a);
    CHECK(p && p2 && PyObject_RichCompareBool(p, p2, Py_EQ) == 1, "%s commute %ld %ld", what,
          x, y);
    for (int k = 0; k < 2; k++) {
        uint64_t mod = k ? P2 : P1;
        uint64_t want = int_mod(a, mod) * int_mod(b, mod) % mod;
        CHECK(int_mod(p, mod) == want, "%s residue %ld x %ld", what, x, y);
    }
    if (_PyLong_Sign(b) != 0) {
        PyObject *qr = PyNumber_Divmod(p, b);
        CHECK(qr && PyObject_RichCompareBool(PyTuple_GET_ITEM(qr, 0), a, Py_EQ) == 1 &&
              _PyLong_Sign(PyTuple_GET_ITEM(qr, 1)) == 0, "%s exact quotient %ld %ld", what,
              x, y);
        Py_XDECREF(qr);
    }
    Py_XDECREF(p);
    Py_XDECREF(p2);
}

/* operands of exactly n digits: random, all ones (carries through every digit), lone
 * top bit, and ones in the low half */
static PyObject *digit_operand(Py_ssize_t n, int kind)
{
    digit *d = malloc((size_t)n * sizeof(digit));
    for (Py_ssize_t i = 0; i < n; i++) {
        switch (kind) {
        case 0: d[i] = (digit)(rnd() & PyLong_MASK); break;
        case 1: d[i] = PyLong_MASK; break;
        case 2: d[i] = i == n - 1 ? (digit)1 << (PyLong_SHIFT - 1) : 0; break;
        default: d[i] = i < n / 2 ? PyLong_MASK : (digit)(rnd() & PyLong_MASK); break;
        }
    }
    d[n - 1] |= 1;
    PyObject *v = from_digits(d, n, kind == 0 && (rnd() & 1));
    free(d);
    return v;
}

/* sizes around the single-digit paths and the Karatsuba cutoffs (plain and squaring),
 * balanced and lopsided */
static void test_cutoffs(void)
{
    long sizes[] = {1, 2, 3, 4, 5, 7, 69, 70, 71, 72, 139, 140, 141, 142, 210, 281, 600};
    int ns = (int)(sizeof sizes / sizeof sizes[0]);
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
            for (int kind = 0; kind < 4; kind++) {
                PyObject *a = digit_operand(sizes[i], kind);
                PyObject *b = digit_operand(sizes[j], (kind + j) & 3);
                check_product(a, b, "cutoff", sizes[i], sizes[j]);
                if (i == j) {
                    PyObject *sq = PyNumber_Multiply(a, a);
                    PyObject *c = _PyLong_Copy((PyLongObject *)a);
                    PyObject *pc = PyNumber_Multiply(a, c); /* not the squaring path */
                    CHECK(sq && pc && PyObject_RichCompareBool(sq, pc, Py_EQ) == 1,
                          "square == product %ld kind %d", sizes[i], kind);
                    Py_XDECREF(sq);
                    Py_XDECREF(pc);
                    Py_XDECREF(c);
                }
                Py_DECREF(a);
                Py_DECREF(b);
            }
        }
    }
}

/* additions and subtractions whose carry or borrow runs through every digit, with
 * every sign combination */
static void test_carries(void)
{
    for (long n = 1; n <= 75; n += (n < 8 ? 1 : 17)) {
        PyObject *ones = digit_operand(n, 1);
        PyObject *one = PyLong_FromLong(1);
        PyObject *top = PyNumber_Add(ones, one); /* BASE**n */
        CHECK(_PyLong_NumBits(top) == n * PyLong_SHIFT + 1, "carry out of %ld digits", n);
        PyObject *back = PyNumber_Subtract(top, one);
        CHECK(PyObject_RichCompareBool(back, ones, Py_EQ) == 1, "borrow through %ld", n);
        PyObject *nt = PyNumber_Negative(top), *no = PyNumber_Negative(ones);
        PyObject *s1 = PyNumber_Add(no, PyLong_FromLong(-1));  /* -(BASE**n) */
        PyObject *s2 = PyNumber_Subtract(one, top);            /* 1 - BASE**n */
        PyObject *s3 = PyNumber_Add(nt, ones);                 /* -1 */
        PyObject *s4 = PyNumber_Subtract(ones, ones);          /* 0 */
        PyObject *s5 = PyNumber_Add(top, nt);                  /* 0 */
        CHECK(PyObject_RichCompareBool(s1, nt, Py_EQ) == 1, "neg carry %ld", n);
        CHECK(PyObject_RichCompareBool(s2, no, Py_EQ) == 1, "1 - B**n %ld", n);
        CHECK(PyLong_AsLong(s3) == -1, "-B**n + (B**n-1) %ld", n);
        CHECK(s4 == _PyLong_GetZero() && s5 == _PyLong_GetZero(), "zero is the cached 0");
        PyObject *dbl = PyNumber_Add(ones, ones), *sh = PyNumber_Lshift(ones, one);
        CHECK(PyObject_RichCompareBool(dbl, sh, Py_EQ) == 1, "x + x == x << 1 (%ld)", n);
        Py_DECREF(dbl);
        Py_DECREF(sh);
        Py_DECREF(s1);
        Py_DECREF(s2);
        Py_DECREF(s3);
        Py_DECREF(s4);
        Py_DECREF(s5);
        Py_DECREF(nt);
        Py_DECREF(no);
        Py_DECREF(back);
        Py_DECREF(top);
        Py_DECREF(one);
        Py_DECREF(ones);
    }
}

/* floor division identity and bounds for a / b */
static void check_divmod(PyObject *a, PyObject *b, const char *what, int idx)
{
    PyObject *qr = PyNumber_Divmod(a, b);
    if (qr == NULL) {
        CHECK(0, "%s %d: divmod failed", what, idx);
        PyErr_Clear();
        return;
    }
    PyObject *q = PyTuple_GET_ITEM(qr, 0), *r = PyTuple_GET_ITEM(qr, 1);
    PyObject *qb = PyNumber_Multiply(q, b);
    PyObject *back = PyNumber_Add(qb, r);
    PyObject *absr = PyNumber_Absolute(r), *absb = PyNumber_Absolute(b);
    CHECK(PyObject_RichCompareBool(back, a, Py_EQ) == 1, "%s %d: q*b + r != a", what, idx);
    CHECK(PyObject_RichCompareBool(absr, absb, Py_LT) == 1, "%s %d: |r| >= |b|", what, idx);
    CHECK(_PyLong_Sign(r) == 0 || _PyLong_Sign(r) == _PyLong_Sign(b), "%s %d: sign of r",
          what, idx);
    Py_DECREF(absr);
    Py_DECREF(absb);
    Py_DECREF(back);
    Py_DECREF(qb);
    Py_DECREF(qr);
}

/* Divisors whose top digits make Knuth D's trial quotient one too large even after its
 * two-digit correction, so a step must add the divisor back: three dividend digits equal
 * q times the divisor's top two exactly, while the divisor's lower digits are all ones
 * and the dividend's are zero. Then both are unscaled by 0..12 bits. (The same
 * construction in tests/py/numbers/bigint_arith.py was checked against a model of the
 * trial-quotient computation to take the add-back branch.) */
static void test_addback(void)
{
    const twodigits B = PyLong_BASE;
    int made = 0;
    for (int tries = 0; made < 40 && tries < 100000; tries++) {
        Py_ssize_t n = 2 + (Py_ssize_t)(rnd() % 5);
        twodigits v1 = B / 2 + rnd() % (B / 2), v2 = rnd() % B, q = 1 + rnd() % (B - 1);
        twodigits rhat = q * v2 / B;
        if (rhat >= v1)
            continue;
        twodigits top = q * v1 + rhat;
        Py_ssize_t extra = (Py_ssize_t)(rnd() % 4);
        digit vd[16], ud[16];
        /* v = [0]*extra + [MASK]*(n-2) + [v2, v1], u = [random]*extra + [0]*(n-1) +
         * [u2, u1, u0], least significant first */
        Py_ssize_t nv = extra + n, nu = extra + n + 2;
        for (Py_ssize_t i = 0; i < extra; i++) {
            vd[i] = 0;
            ud[i] = (digit)(rnd() & PyLong_MASK);
        }
        for (Py_ssize_t i = extra; i < extra + n - 2; i++)
            vd[i] = PyLong_MASK;
        for (Py_ssize_t i = extra; i < extra + n - 1; i++)
            ud[i] = 0;
        vd[extra + n - 2] = (digit)v2;
        vd[extra + n - 1] = (digit)v1;
        ud[extra + n - 1] = (digit)(q * v2 - rhat * B);
        ud[extra + n] = (digit)(top % B);
        ud[extra + n + 1] = (digit)(top / B);
        PyObject *u = from_digits(ud, nu, 0), *v = from_digits(vd, nv, 0);
        PyObject *sh = PyLong_FromLong((long)(rnd() % 13));
        PyObject *us = PyNumber_Rshift(u, sh), *vs = PyNumber_Rshift(v, sh);
        if (_PyLong_NumBits(vs) > PyLong_SHIFT &&
            PyObject_RichCompareBool(us, vs, Py_GE) == 1) {
            check_divmod(us, vs, "addback", made);
            PyObject *nu_ = PyNumber_Negative(us);
            check_divmod(nu_, vs, "addback neg", made);
            Py_DECREF(nu_);
            made++;
        }
        Py_DECREF(us);
        Py_DECREF(vs);
        Py_DECREF(sh);
        Py_DECREF(u);
        Py_DECREF(v);
    }
    CHECK(made == 40, "only %d add-back cases", made);
}

/* dividends and divisors at digit boundaries, short and long quotients, zero */
static void test_div_edges(void)
{
    long sizes[] = {1, 2, 3, 4, 17, 40, 41, 70, 150};
    int ns = (int)(sizeof sizes / sizeof sizes[0]);
    int idx = 0;
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
            for (int kind = 0; kind < 4; kind++) {
                PyObject *a = digit_operand(sizes[i], kind);
                PyObject *b = digit_operand(sizes[j], 3 - kind);
                check_divmod(a, b, "edges", idx++);
                PyObject *nb = PyNumber_Negative(b);
                check_divmod(a, nb, "edges neg", idx++);
                /* a multiple of |b| plus |b|-1: the largest remainder */
                PyObject *ab = PyNumber_Absolute(b);
                PyObject *p = PyNumber_Multiply(a, ab), *one = PyLong_FromLong(1);
                PyObject *bm1 = PyNumber_Subtract(ab, one);
                PyObject *pr = PyNumber_Add(p, bm1);
                PyObject *r = PyNumber_Remainder(pr, ab);
                CHECK(r && PyObject_RichCompareBool(r, bm1, Py_EQ) == 1,
                      "largest remainder %ld %ld", sizes[i], sizes[j]);
                PyObject *zero = PyLong_FromLong(0);
                PyObject *z = PyNumber_FloorDivide(zero, b);
                CHECK(z == _PyLong_GetZero(), "0 // b");
                Py_XDECREF(z);
                Py_DECREF(zero);
                Py_XDECREF(r);
                Py_DECREF(pr);
                Py_DECREF(bm1);
                Py_DECREF(one);
                Py_DECREF(p);
                Py_DECREF(ab);
                Py_DECREF(nb);
                Py_DECREF(a);
                Py_DECREF(b);
            }
        }
    }
}

int main(void)
{
    Py_Initialize();
    test_small();
    test_mul_div();
    test_str_roundtrip();
    test_known();
    test_fast_binop();
    test_cutoffs();
    test_carries();
    test_addback();
    test_div_edges();
    if (PyErr_Occurred()) {
        printf("FAIL: exception left set\n");
        PyErr_Print();
        failures++;
    }
    if (failures)
        printf("test_bignum: %d failures\n", failures);
    return failures != 0;
}

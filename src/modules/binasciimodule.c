/* The binascii module: hex, base64, uuencode and quoted-printable conversions and the
 * CRC-32 / CRC-CCITT checksums. */
#include "Python.h"
#include <string.h>

typedef struct {
    PyObject *error;
    PyObject *incomplete;
} BinasciiState;

static struct PyModuleDef binasciimodule;

static PyObject *error_type(PyObject *m)
{
    return ((BinasciiState *)PyModule_GetState(m))->error;
}

/* Binary input: bytes-like objects, or ASCII-only str for the a2b_* functions. */
static int get_input(PyObject *obj, Py_buffer *view, int allow_str)
{
    if (PyUnicode_Check(obj)) {
        if (!allow_str) {
            PyErr_SetString(PyExc_TypeError, "a bytes-like object is required, not 'str'");
            return -1;
        }
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
        if (s == NULL)
            return -1;
        for (Py_ssize_t i = 0; i < len; i++) {
            if ((unsigned char)s[i] >= 128) {
                PyErr_SetString(PyExc_ValueError, "string argument should contain only ASCII characters");
                return -1;
            }
        }
        PyObject *b = PyBytes_FromStringAndSize(s, len);
        if (b == NULL)
            return -1;
        int rc = PyObject_GetBuffer(b, view, PyBUF_SIMPLE);
        Py_DECREF(b); /* the view keeps its own reference */
        return rc;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError,
                     allow_str ? "argument should be bytes, buffer or ASCII string, not '%.100s'"
                               : "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
}

/* ---- uuencode ---------------------------------------------------------------------------- */

/* Decodes one uuencoded line. The length character says how many bytes to produce; if
 * the line runs short we pad with zero bits, since mailers are known to strip trailing
 * spaces, and then insist that whatever follows the data is only padding. */
static PyObject *bin_a2b_uu(PyObject *m, PyObject *arg)
{
    Py_buffer view;
    if (get_input(arg, &view, 1) < 0)
        return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t left = view.len;
    /* An empty line reads as a NUL length byte, like the terminator of a bytes object. */
    unsigned char first = left > 0 ? p[0] : 0;
    if (left > 0) {
        p++;
        left--;
    }
    Py_ssize_t want = (first - ' ') & 077;
    PyObject *res = PyBytes_FromStringAndSize(NULL, want);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(res);
    unsigned int acc = 0;
    int bits = 0;
    while (want > 0) {
        unsigned int c = 0;
        if (left > 0) {
            c = *p++;
            left--;
            if (c == '\n' || c == '\r') {
                c = 0;
            }
            else if (c < ' ' || c > ' ' + 64) {
                PyErr_SetString(error_type(m), "Illegal char");
                goto fail;
            }
            else {
                c = (c - ' ') & 077;
            }
        }
        acc = ((acc << 6) | c) & 0xfff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *out++ = (unsigned char)(acc >> bits);
            want--;
        }
    }
    for (; left > 0; left--, p++) {
        /* Some encoders pad with '`' instead of space. */
        if (*p != ' ' && *p != ' ' + 64 && *p != '\n' && *p != '\r') {
            PyErr_SetString(error_type(m), "Trailing garbage");
            goto fail;
        }
    }
    PyBuffer_Release(&view);
    return res;
fail:
    PyBuffer_Release(&view);
    Py_DECREF(res);
    return NULL;
}

static PyObject *bin_b2a_uu(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "backtick", NULL};
    PyObject *data;
    Py_buffer view;
    int backtick = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$p:b2a_uu", kwlist, &data, &backtick) ||
        get_input(data, &view, 0) < 0)
        return NULL;
    Py_ssize_t n = view.len;
    if (n > 45) {
        PyBuffer_Release(&view);
        PyErr_SetString(error_type(m), "At most 45 bytes at once");
        return NULL;
    }
    /* length char + 4 chars per 3 bytes (rounded up) + newline */
    PyObject *res = PyBytes_FromStringAndSize(NULL, 2 + (n + 2) / 3 * 4);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const unsigned char *p = view.buf;
    char *out = PyBytes_AS_STRING(res);
    *out++ = (backtick && n == 0) ? '`' : (char)(' ' + n);
    for (Py_ssize_t i = 0; i < n; i += 3) {
        unsigned int group = (unsigned int)p[i] << 16;
        if (i + 1 < n)
            group |= (unsigned int)p[i + 1] << 8;
        if (i + 2 < n)
            group |= p[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) {
            unsigned int c = (group >> shift) & 077;
            *out++ = (backtick && c == 0) ? '`' : (char)(' ' + c);
        }
    }
    *out = '\n';
    PyBuffer_Release(&view);
    return res;
}

/* ---- hex ------------------------------------------------------------------------------- */

static PyObject *hexlify_impl(PyObject *data, PyObject *sep, Py_ssize_t per_sep)
{
    static const char digits[] = "0123456789abcdef";
    Py_buffer view;
    if (get_input(data, &view, 0) < 0)
        return NULL;
    char sepch = 0;
    if (sep != NULL && sep != Py_None) {
        const char *sp;
        Py_ssize_t slen;
        if (PyUnicode_Check(sep)) {
            sp = PyUnicode_AsUTF8AndSize(sep, &slen);
        }
        else if (PyBytes_Check(sep)) {
            sp = PyBytes_AS_STRING(sep);
            slen = PyBytes_GET_SIZE(sep);
        }
        else {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (sp == NULL || slen != 1 || (unsigned char)sp[0] >= 128) {
            PyBuffer_Release(&view);
            if (sp != NULL)
                PyErr_SetString(PyExc_ValueError, slen != 1 ? "sep must be length 1." : "sep must be ASCII.");
            return NULL;
        }
        sepch = sp[0];
    }
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len;
    Py_ssize_t group = per_sep < 0 ? -per_sep : per_sep;
    Py_ssize_t nseps = (sepch && group && n) ? (n - 1) / group : 0;
    PyObject *res = PyBytes_FromStringAndSize(NULL, 2 * n + nseps);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (nseps && i > 0) {
            /* Positive counts group from the right end, negative ones from the left. */
            int boundary = per_sep > 0 ? ((n - i) % group == 0) : (i % group == 0);
            if (boundary)
                *out++ = sepch;
        }
        *out++ = digits[p[i] >> 4];
        *out++ = digits[p[i] & 15];
    }
    PyBuffer_Release(&view);
    return res;
}

static PyObject *bin_hexlify(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    PyObject *data, *sep = NULL;
    Py_ssize_t per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|On:hexlify", kwlist, &data, &sep, &per_sep))
        return NULL;
    return hexlify_impl(data, sep, per_sep);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static PyObject *bin_unhexlify(PyObject *m, PyObject *arg)
{
    Py_buffer view;
    if (get_input(arg, &view, 1) < 0)
        return NULL;
    const unsigned char *p = view.buf;
    if (view.len % 2) {
        PyBuffer_Release(&view);
        PyErr_SetString(error_type(m), "Odd-length string");
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, view.len / 2);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(res);
    for (Py_ssize_t i = 0; i < view.len; i += 2) {
        int hi = hexval(p[i]), lo = hexval(p[i + 1]);
        if (hi < 0 || lo < 0) {
            Py_DECREF(res);
            PyBuffer_Release(&view);
            PyErr_SetString(error_type(m), "Non-hexadecimal digit found");
            return NULL;
        }
        out[i / 2] = (unsigned char)(hi * 16 + lo);
    }
    PyBuffer_Release(&view);
    return res;
}

/* ---- base64 ---------------------------------------------------------------------------- */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static PyObject *bin_b2a_base64(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "newline", NULL};
    Py_buffer view;
    int newline = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|$p:b2a_base64", kwlist, &view, &newline))
        return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len;
    Py_ssize_t outlen = (n + 2) / 3 * 4 + (newline ? 1 : 0);
    PyObject *res = PyBytes_FromStringAndSize(NULL, outlen);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res);
    Py_ssize_t i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8) | p[i + 2];
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = b64chars[(v >> 6) & 63];
        *out++ = b64chars[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = '=';
        *out++ = '=';
    }
    else if (n - i == 2) {
        uint32_t v = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8);
        *out++ = b64chars[v >> 18];
        *out++ = b64chars[(v >> 12) & 63];
        *out++ = b64chars[(v >> 6) & 63];
        *out++ = '=';
    }
    if (newline)
        *out++ = '\n';
    PyBuffer_Release(&view);
    return res;
}

static PyObject *bin_a2b_base64(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "strict_mode", NULL};
    PyObject *data;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$p:a2b_base64", kwlist, &data, &strict))
        return NULL;
    Py_buffer view;
    if (get_input(data, &view, 1) < 0)
        return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len;
    PyObject *res = PyBytes_FromStringAndSize(NULL, n / 4 * 3 + 3);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(res), *start = out;
    int quad = 0, pads = 0, padding_started = 0;
    unsigned int left = 0;
    Py_ssize_t datachars = 0;
    const char *msg = NULL;
    if (strict && n > 0 && p[0] == '=') {
        msg = "Leading padding not allowed";
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '=') {
            padding_started = 1;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < n) {
                    msg = "Excess data after padding";
                    goto fail;
                }
                goto done;
            }
            continue;
        }
        int v = b64value(c);
        if (v < 0) {
            if (strict) {
                msg = "Only base64 data is allowed";
                goto fail;
            }
            continue;
        }
        if (strict && padding_started) {
            msg = "Discontinuous padding not allowed";
            goto fail;
        }
        pads = 0;
        datachars++;
        switch (quad) {
        case 0:
            left = (unsigned int)v;
            quad = 1;
            break;
        case 1:
            *out++ = (unsigned char)((left << 2) | ((unsigned int)v >> 4));
            left = (unsigned int)v & 0x0f;
            quad = 2;
            break;
        case 2:
            *out++ = (unsigned char)((left << 4) | ((unsigned int)v >> 2));
            left = (unsigned int)v & 0x03;
            quad = 3;
            break;
        default:
            *out++ = (unsigned char)((left << 6) | (unsigned int)v);
            left = 0;
            quad = 0;
            break;
        }
    }
    if (quad != 0) {
        if (quad == 1) {
            Py_DECREF(res);
            PyBuffer_Release(&view);
            PyErr_Format(error_type(m),
                         "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 more "
                         "than a multiple of 4", datachars);
            return NULL;
        }
        msg = "Incorrect padding";
        goto fail;
    }
done:
    PyBuffer_Release(&view);
    if (_PyBytes_Resize(&res, out - start) < 0)
        return NULL;
    return res;
fail:
    Py_DECREF(res);
    PyBuffer_Release(&view);
    PyErr_SetString(error_type(m), msg);
    return NULL;
}

/* ---- checksums ------------------------------------------------------------------------- */

static PyObject *bin_crc32(PyObject *m, PyObject *args)
{
    Py_buffer view;
    unsigned int crc = 0;
    if (!PyArg_ParseTuple(args, "y*|I:crc32", &view, &crc))
        return NULL;
    const unsigned char *p = view.buf;
    uint32_t c = ~(uint32_t)crc;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320U & (0U - (c & 1U)));
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(~c & 0xffffffffU);
}

static PyObject *bin_crc_hqx(PyObject *m, PyObject *args)
{
    Py_buffer view;
    unsigned int crc;
    if (!PyArg_ParseTuple(args, "y*I:crc_hqx", &view, &crc))
        return NULL;
    const unsigned char *p = view.buf;
    uint32_t c = crc & 0xffff;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        c ^= (uint32_t)p[i] << 8;
        for (int k = 0; k < 8; k++)
            c = (c & 0x8000) ? ((c << 1) ^ 0x1021) : (c << 1);
        c &= 0xffff;
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(c);
}

/* ---- quoted-printable (RFC 1521) ------------------------------------------------------- */

static PyObject *bin_b2a_qp(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "quotetabs", "istext", "header", NULL};
    static const char hex[] = "0123456789ABCDEF";
    Py_buffer view;
    int quotetabs = 0, istext = 1, header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|ppp:b2a_qp", kwlist, &view, &quotetabs, &istext, &header))
        return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len;
    /* A text whose first line ends in CRLF keeps CRLF line ends; otherwise LF is used. */
    int crlf = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (p[i] == '\n') {
            crlf = i > 0 && p[i - 1] == '\r';
            break;
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, n * 6 + 8);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res), *start = out;
    Py_ssize_t linelen = 0;
    for (Py_ssize_t i = 0; i < n;) {
        unsigned char c = p[i];
        /* Only text mode has line ends; binary data ends lines nowhere but at its end. */
        int at_eol = (i + 1 == n) ||
                     (istext && (p[i + 1] == '\n' || (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n')));
        if (istext && (c == '\n' || (c == '\r' && i + 1 < n && p[i + 1] == '\n'))) {
            if (crlf)
                *out++ = '\r';
            *out++ = '\n';
            linelen = 0;
            i += c == '\r' ? 2 : 1;
            continue;
        }
        int encode = c > 126 || c == '=' || (header && c == '_') ||
                     (c == '.' && linelen == 0 && at_eol) ||
                     (!istext && (c == '\r' || c == '\n')) ||
                     ((c == '\t' || (c == ' ' && !(header && !quotetabs && i + 1 < n))) && at_eol) ||
                     (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        int width = encode ? 3 : 1;
        if (linelen + width > 75 && !(i + 1 == n && linelen + width <= 76)) {
            *out++ = '=';
            if (crlf)
                *out++ = '\r';
            *out++ = '\n';
            linelen = 0;
        }
        if (encode) {
            *out++ = '=';
            *out++ = hex[c >> 4];
            *out++ = hex[c & 15];
        }
        else if (header && c == ' ') {
            *out++ = '_';
        }
        else {
            *out++ = (char)c;
        }
        linelen += width;
        i++;
    }
    PyBuffer_Release(&view);
    if (_PyBytes_Resize(&res, out - start) < 0)
        return NULL;
    return res;
}

static PyObject *bin_a2b_qp(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "header", NULL};
    PyObject *data;
    int header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:a2b_qp", kwlist, &data, &header))
        return NULL;
    Py_buffer view;
    if (get_input(data, &view, 1) < 0)
        return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len;
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res), *start = out;
    for (Py_ssize_t i = 0; i < n;) {
        if (p[i] == '=') {
            if (i + 1 >= n)
                break; /* a soft line break at the very end */
            if (p[i + 1] == '\n' || p[i + 1] == '\r') {
                i += (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') ? 3 : 2;
                continue;
            }
            if (i + 2 < n && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
                *out++ = (char)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
                i += 3;
                continue;
            }
            *out++ = '=';
            i++;
            continue;
        }
        *out++ = (header && p[i] == '_') ? ' ' : (char)p[i];
        i++;
    }
    PyBuffer_Release(&view);
    if (_PyBytes_Resize(&res, out - start) < 0)
        return NULL;
    return res;
}

static PyMethodDef binascii_methods[] = {
    {"a2b_base64", _PyCFunction_CAST(bin_a2b_base64), METH_VARARGS | METH_KEYWORDS, "Decode a line of base64 data."},
    {"b2a_base64", _PyCFunction_CAST(bin_b2a_base64), METH_VARARGS | METH_KEYWORDS, "Base64-code line of data."},
    {"a2b_hex", bin_unhexlify, METH_O, "Binary data of hexadecimal representation."},
    {"b2a_hex", _PyCFunction_CAST(bin_hexlify), METH_VARARGS | METH_KEYWORDS, "Hexadecimal representation of binary data."},
    {"hexlify", _PyCFunction_CAST(bin_hexlify), METH_VARARGS | METH_KEYWORDS, "Hexadecimal representation of binary data."},
    {"unhexlify", bin_unhexlify, METH_O, "Binary data of hexadecimal representation."},
    {"a2b_uu", bin_a2b_uu, METH_O, "Decode a line of uuencoded data."},
    {"b2a_uu", _PyCFunction_CAST(bin_b2a_uu), METH_VARARGS | METH_KEYWORDS, "Uuencode line of data."},
    {"crc32", bin_crc32, METH_VARARGS, "Compute CRC-32 incrementally."},
    {"crc_hqx", bin_crc_hqx, METH_VARARGS, "Compute CRC-CCITT incrementally."},
    {"b2a_qp", _PyCFunction_CAST(bin_b2a_qp), METH_VARARGS | METH_KEYWORDS, "Encode a string using quoted-printable encoding."},
    {"a2b_qp", _PyCFunction_CAST(bin_a2b_qp), METH_VARARGS | METH_KEYWORDS, "Decode a string of qp-encoded data."},
    {NULL, NULL, 0, NULL},
};

static int binascii_traverse(PyObject *m, visitproc visit, void *arg)
{
    BinasciiState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_VISIT(st->error);
        Py_VISIT(st->incomplete);
    }
    return 0;
}

static int binascii_clear(PyObject *m)
{
    BinasciiState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_CLEAR(st->error);
        Py_CLEAR(st->incomplete);
    }
    return 0;
}

static void binascii_free(void *m)
{
    binascii_clear((PyObject *)m);
}

static struct PyModuleDef binasciimodule = {
    PyModuleDef_HEAD_INIT, "binascii", "Conversion between binary data and ASCII",
    sizeof(BinasciiState), binascii_methods, NULL, binascii_traverse, binascii_clear, binascii_free,
};

PyObject *PyInit_binascii(void)
{
    PyObject *m = PyModule_Create(&binasciimodule);
    if (m == NULL)
        return NULL;
    BinasciiState *st = PyModule_GetState(m);
    st->error = PyErr_NewException("binascii.Error", PyExc_ValueError, NULL);
    st->incomplete = PyErr_NewException("binascii.Incomplete", NULL, NULL);
    if (st->error == NULL || st->incomplete == NULL || PyModule_AddObjectRef(m, "Error", st->error) < 0 ||
        PyModule_AddObjectRef(m, "Incomplete", st->incomplete) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* A small line editor for the REPL and input() on a terminal: raw mode, cursor
 * movement, deletion, kill commands and history (kept in the interpreter's dict).
 * Without a terminal it simply reads a line. Returns PyMem_RawMalloc'ed text ending in
 * "\n", "" at end of file, or NULL with KeyboardInterrupt (Ctrl-C) or MemoryError set. */
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "Python.h"

typedef struct {
    char *buf;
    size_t len, cap, pos; /* bytes; pos is on a UTF-8 character boundary */
} line_t;

static int line_reserve(line_t *l, size_t extra)
{
    if (l->len + extra + 1 <= l->cap)
        return 0;
    size_t ncap = (l->cap ? l->cap * 2 : 128) + extra;
    char *nb = PyMem_RawRealloc(l->buf, ncap);
    if (nb == NULL)
        return -1;
    l->buf = nb;
    l->cap = ncap;
    return 0;
}

static int line_insert(line_t *l, const char *s, size_t n)
{
    if (line_reserve(l, n) < 0)
        return -1;
    memmove(l->buf + l->pos + n, l->buf + l->pos, l->len - l->pos);
    memcpy(l->buf + l->pos, s, n);
    l->len += n;
    l->pos += n;
    l->buf[l->len] = '\0';
    return 0;
}

static size_t prev_char(const line_t *l, size_t p)
{
    if (p == 0)
        return 0;
    p--;
    while (p > 0 && ((unsigned char)l->buf[p] & 0xC0) == 0x80)
        p--;
    return p;
}

static size_t next_char(const line_t *l, size_t p)
{
    if (p >= l->len)
        return l->len;
    p++;
    while (p < l->len && ((unsigned char)l->buf[p] & 0xC0) == 0x80)
        p++;
    return p;
}

static void line_delete(line_t *l, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(l->buf + from, l->buf + to, l->len - to);
    l->len -= to - from;
    if (l->pos > to)
        l->pos -= to - from;
    else if (l->pos > from)
        l->pos = from;
    l->buf[l->len] = '\0';
}

static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static void refresh(FILE *out, const char *prompt, const line_t *l)
{
    fputs("\r", out);
    fputs(prompt, out);
    fwrite(l->buf ? l->buf : "", 1, l->len, out);
    fputs("\x1b[K\r", out);
    size_t col = columns(prompt, strlen(prompt)) + columns(l->buf ? l->buf : "", l->pos);
    if (col > 0)
        fprintf(out, "\x1b[%zuC", col);
    fflush(out);
}

static PyObject *history(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->dict == NULL)
        return NULL;
    PyObject *h = PyDict_GetItemString(interp->dict, "readline_history");
    if (h == NULL) {
        h = PyList_New(0);
        if (h == NULL || PyDict_SetItemString(interp->dict, "readline_history", h) < 0) {
            Py_XDECREF(h);
            PyErr_Clear();
            return NULL;
        }
        Py_DECREF(h);
    }
    return h;
}

static int line_set(line_t *l, const char *s)
{
    size_t n = strlen(s);
    l->len = l->pos = 0;
    if (line_reserve(l, n) < 0)
        return -1;
    memcpy(l->buf, s, n + 1);
    l->len = l->pos = n;
    return 0;
}

static int read_byte(int fd, unsigned char *c)
{
    for (;;) {
        ssize_t n = read(fd, c, 1);
        if (n == 1)
            return 1;
        if (n < 0 && errno == EINTR)
            continue;
        return 0;
    }
}

static char *plain_readline(FILE *in, FILE *out, const char *prompt)
{
    if (prompt && *prompt) {
        fputs(prompt, out);
        fflush(out);
    }
    char *line = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&line, &cap, in);
    if (n < 0) {
        free(line);
        clearerr(in);
        if (errno == EINTR) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
            return NULL;
        }
        char *e = PyMem_RawMalloc(1);
        if (e == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        e[0] = '\0';
        return e;
    }
    char *r = PyMem_RawMalloc((size_t)n + 1);
    if (r == NULL) {
        free(line);
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(r, line, (size_t)n + 1);
    free(line);
    return r;
}

char *_PyOS_Readline(FILE *in, FILE *out, const char *prompt)
{
    int fd = fileno(in);
    struct termios orig;
    if (!isatty(fd) || tcgetattr(fd, &orig) < 0)
        return plain_readline(in, out, prompt);
    struct termios raw = orig;
    raw.c_iflag &= ~(unsigned)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_lflag &= ~(unsigned)(ECHO | ICANON | IEXTEN | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(fd, TCSANOW, &raw) < 0)
        return plain_readline(in, out, prompt);

    line_t l = {NULL, 0, 0, 0};
    PyObject *hist = history();
    Py_ssize_t hidx = hist ? PyList_GET_SIZE(hist) : 0;
    char *saved = NULL; /* the line being edited while browsing history */
    char *result = NULL;
    int eof = 0, interrupted = 0;
    if (line_reserve(&l, 1) < 0)
        goto nomem;
    l.buf[0] = '\0';
    fputs(prompt, out);
    fflush(out);
    for (;;) {
        unsigned char c;
        if (!read_byte(fd, &c)) {
            eof = l.len == 0;
            break;
        }
        if (c == '\r' || c == '\n')
            break;
        if (c == 3) { /* Ctrl-C */
            interrupted = 1;
            break;
        }
        if (c == 4) { /* Ctrl-D: EOF on an empty line, else delete */
            if (l.len == 0) {
                eof = 1;
                break;
            }
            line_delete(&l, l.pos, next_char(&l, l.pos));
        }
        else if (c == 127 || c == 8) {
            line_delete(&l, prev_char(&l, l.pos), l.pos);
        }
        else if (c == 1) {
            l.pos = 0;
        }
        else if (c == 5) {
            l.pos = l.len;
        }
        else if (c == 11) {
            line_delete(&l, l.pos, l.len);
        }
        else if (c == 21) {
            line_delete(&l, 0, l.pos);
        }
        else if (c == 12) {
            fputs("\x1b[H\x1b[2J", out);
        }
        else if (c == 2) {
            l.pos = prev_char(&l, l.pos);
        }
        else if (c == 6) {
            l.pos = next_char(&l, l.pos);
        }
        else if (c == '\t') {
            if (line_insert(&l, "    ", 4) < 0)
                goto nomem;
        }
        else if (c == 27) {
            unsigned char a, b;
            if (!read_byte(fd, &a) || !read_byte(fd, &b))
                break;
            if (a == '[' && b >= '0' && b <= '9') {
                unsigned char t;
                if (!read_byte(fd, &t))
                    break;
                if (t == '~') {
                    if (b == '3')
                        line_delete(&l, l.pos, next_char(&l, l.pos));
                    else if (b == '1' || b == '7')
                        l.pos = 0;
                    else if (b == '4' || b == '8')
                        l.pos = l.len;
                }
            }
            else if (a == '[' || a == 'O') {
                int up = b == 'A', down = b == 'B';
                if (b == 'C')
                    l.pos = next_char(&l, l.pos);
                else if (b == 'D')
                    l.pos = prev_char(&l, l.pos);
                else if (b == 'H')
                    l.pos = 0;
                else if (b == 'F')
                    l.pos = l.len;
                else if ((up || down) && hist != NULL) {
                    Py_ssize_t n = PyList_GET_SIZE(hist);
                    Py_ssize_t ni = hidx + (up ? -1 : 1);
                    if (ni >= 0 && ni <= n) {
                        if (hidx == n) {
                            PyMem_RawFree(saved);
                            saved = PyMem_RawMalloc(l.len + 1);
                            if (saved == NULL)
                                goto nomem;
                            memcpy(saved, l.buf, l.len + 1);
                        }
                        hidx = ni;
                        const char *text = hidx == n ? (saved ? saved : "")
                                                     : PyUnicode_AsUTF8(PyList_GET_ITEM(hist, hidx));
                        if (text == NULL) {
                            PyErr_Clear();
                            text = "";
                        }
                        if (line_set(&l, text) < 0)
                            goto nomem;
                    }
                }
            }
        }
        else if (c >= 32 || c >= 0x80) {
            char ch = (char)c;
            if (line_insert(&l, &ch, 1) < 0)
                goto nomem;
        }
        refresh(out, prompt, &l);
    }
    tcsetattr(fd, TCSANOW, &orig);
    fputs("\r\n", out);
    fflush(out);
    PyMem_RawFree(saved);
    if (interrupted) {
        PyMem_RawFree(l.buf);
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return NULL;
    }
    if (eof) {
        l.len = 0;
        if (line_reserve(&l, 1) < 0)
            goto nomem2;
        l.buf[0] = '\0';
        return l.buf;
    }
    if (hist != NULL && l.len > 0) {
        PyObject *s = PyUnicode_DecodeUTF8(l.buf, (Py_ssize_t)l.len, "surrogateescape");
        if (s == NULL || PyList_Append(hist, s) < 0)
            PyErr_Clear();
        Py_XDECREF(s);
    }
    if (line_reserve(&l, 1) < 0)
        goto nomem2;
    l.buf[l.len++] = '\n';
    l.buf[l.len] = '\0';
    result = l.buf;
    return result;
nomem:
    tcsetattr(fd, TCSANOW, &orig);
    PyMem_RawFree(saved);
nomem2:
    PyMem_RawFree(l.buf);
    PyErr_NoMemory();
    return NULL;
}

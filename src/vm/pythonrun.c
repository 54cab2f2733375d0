/* Running source: strings, files, stdin, modules (-m) and the interactive loop, plus
 * compile helpers and the SystemExit / KeyboardInterrupt exit-status rules. */
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include "Python.h"
#include "internal/pycore_ast.h"

char *_PyOS_Readline(FILE *in, FILE *out, const char *prompt);
int _PyImport_RunModuleAsMain(PyObject *name);
int _PyRun_InteractiveLoopExit(int show_banner);

/* Status returned when the program ended with an uncaught KeyboardInterrupt: the
 * command line then re-raises SIGINT after finalisation. */
#define KR_EXIT_KEYBOARD_INTERRUPT 1130

/* The AST object conversions belong to the ast module; use them when linked in. */
#if defined(__GNUC__) || defined(__clang__)
PyObject *PyAST_mod2obj(mod_ty) __attribute__((weak));
mod_ty PyAST_obj2mod(PyObject *, PyArena *, int) __attribute__((weak));
int PyAST_Check(PyObject *) __attribute__((weak));
#define KR_HAVE_WEAK 1
#endif

/* ---- compiling ------------------------------------------------------------------ */

static int resolve_optimize(int optimize)
{
    if (optimize >= 0)
        return optimize;
    PyThreadState *ts = _PyThreadState_GET();
    return ts ? ts->interp->config.optimize : 0;
}

PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                 PyCompilerFlags *flags, int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL)
        return NULL;
    PyCompilerFlags local = _PyCompilerFlags_INIT;
    if (flags == NULL)
        flags = &local;
    PyObject *result = NULL;
    mod_ty mod = _PyParser_ASTFromString(str, filename, start, flags, arena);
    if (mod == NULL)
        goto done;
    if (flags->cf_flags & PyCF_ONLY_AST) {
#ifdef KR_HAVE_WEAK
        if (PyAST_mod2obj != NULL) {
            result = PyAST_mod2obj(mod);
            goto done;
        }
#endif
        PyErr_SetString(PyExc_NotImplementedError, "compile() to an AST is not supported yet");
        goto done;
    }
    result = (PyObject *)_PyAST_Compile(mod, filename, flags, resolve_optimize(optimize), arena);
done:
    _PyArena_Free(arena);
    return result;
}

int _KrAST_Check(PyObject *obj)
{
#ifdef KR_HAVE_WEAK
    if (PyAST_Check != NULL)
        return PyAST_Check(obj) > 0;
#endif
    (void)obj;
    return 0;
}

PyObject *_KrAST_CompileObject(PyObject *ast, PyObject *filename, int start,
                               PyCompilerFlags *flags, int optimize)
{
#ifdef KR_HAVE_WEAK
    if (PyAST_obj2mod != NULL) {
        if (flags->cf_flags & PyCF_ONLY_AST)
            return Py_NewRef(ast);
        PyArena *arena = _PyArena_New();
        if (arena == NULL)
            return NULL;
        int mode = start == Py_eval_input ? 1 : start == Py_single_input ? 2 : 0;
        mod_ty mod = PyAST_obj2mod(ast, arena, mode);
        PyObject *r = mod ? (PyObject *)_PyAST_Compile(mod, filename, flags,
                                                       resolve_optimize(optimize), arena)
                          : NULL;
        _PyArena_Free(arena);
        return r;
    }
#endif
    (void)ast; (void)filename; (void)start; (void)flags; (void)optimize;
    PyErr_SetString(PyExc_NotImplementedError, "compiling an AST object is not supported yet");
    return NULL;
}

PyObject *Py_CompileString(const char *str, const char *filename, int start)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL)
        return NULL;
    PyObject *r = Py_CompileStringObject(str, fn, start, NULL, -1);
    Py_DECREF(fn);
    return r;
}

static PyObject *run_string_named(const char *str, const char *filename, int start,
                                  PyObject *globals, PyObject *locals, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_FromString(filename);
    if (fn == NULL)
        return NULL;
    PyObject *co = Py_CompileStringObject(str, fn, start, flags, -1);
    Py_DECREF(fn);
    if (co == NULL)
        return NULL;
    PyObject *r = PyEval_EvalCode(co, globals, locals);
    Py_DECREF(co);
    return r;
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags)
{
    return run_string_named(str, "<string>", start, globals, locals, flags);
}

static PyObject *main_dict(void)
{
    PyObject *m = PyImport_AddModuleObject(_Py_ID(__main__));
    return m ? PyModule_GetDict(m) : NULL;
}

/* ---- exit status ----------------------------------------------------------------- */

/* Turns the pending exception into an exit status: SystemExit's code (None -> 0,
 * int -> itself, anything else printed to stderr -> 1), KeyboardInterrupt -> the
 * special marker, other exceptions are displayed -> 1. */
int _Py_ExitCodeFromPending(void)
{
    if (!PyErr_Occurred())
        return 0;
    if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *code = PyObject_GetAttrString(exc, "code");
        int status = 1;
        if (code == NULL) {
            PyErr_Clear();
        }
        else if (code == Py_None) {
            status = 0;
        }
        else if (PyLong_Check(code)) {
            long v = PyLong_AsLong(code);
            if (v == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                v = -1;
            }
            status = (int)(v & 0xff);
            if (v != 0 && status == 0 && (v & 0xff) == 0)
                status = 0;
        }
        else {
            /* sys.exit("message"): print str(code) to stderr, exit 1. */
            PyObject *file = PySys_GetObject("stderr");
            if (file != NULL && file != Py_None) {
                Py_INCREF(file);
                if (PyFile_WriteObject(code, file, Py_PRINT_RAW) < 0 ||
                    PyFile_WriteString("\n", file) < 0)
                    PyErr_Clear();
                PyObject *r = PyObject_CallMethod(file, "flush", NULL);
                Py_XDECREF(r);
                PyErr_Clear();
                Py_DECREF(file);
            }
            else {
                PyObject *s = PyObject_Str(code);
                if (s != NULL && PyUnicode_AsUTF8(s) != NULL)
                    fprintf(stderr, "%s\n", PyUnicode_AsUTF8(s));
                Py_XDECREF(s);
                PyErr_Clear();
            }
            status = 1;
        }
        Py_XDECREF(code);
        Py_DECREF(exc);
        /* An explicit exit also ends -i. */
        _PyInterpreterState_GET()->config.inspect = 0;
        return status;
    }
    int kbd = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
    PyErr_Print();
    /* The excepthook may itself have raised SystemExit. */
    if (PyErr_Occurred())
        return _Py_ExitCodeFromPending();
    return kbd ? KR_EXIT_KEYBOARD_INTERRUPT : 1;
}

int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *d = main_dict();
    if (d == NULL)
        return -1;
    PyObject *r = PyRun_StringFlags(command, Py_file_input, d, d, flags);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int PyRun_SimpleString(const char *command)
{
    return PyRun_SimpleStringFlags(command, NULL);
}

/* The -c program is kept so that tracebacks can show its lines, as CPython 3.13
 * does for "<string>". */
static void register_source(const char *filename, const char *code)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *src = PyUnicode_DecodeUTF8(code, (Py_ssize_t)strlen(code), "replace");
    if (src == NULL || interp->dict == NULL ||
        PyDict_SetItemString(interp->dict, filename, src) < 0)
        PyErr_Clear();
    Py_XDECREF(src);
}

PyObject *_KrRun_RegisteredSourceLine(PyObject *filename, int lineno)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp->dict == NULL || filename == NULL ||
        !PyUnicode_Check(filename) || lineno < 1)
        return NULL;
    PyObject *src = PyDict_GetItemWithError(ts->interp->dict, filename);
    if (src == NULL || !PyUnicode_Check(src)) {
        PyErr_Clear();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(src), start = 0;
    for (int line = 1; line < lineno; line++) {
        Py_ssize_t nl = PyUnicode_FindChar(src, '\n', start, n, 1);
        if (nl < 0)
            return NULL;
        start = nl + 1;
    }
    Py_ssize_t end = PyUnicode_FindChar(src, '\n', start, n, 1);
    if (end < 0)
        end = n;
    if (end > start && PyUnicode_READ_CHAR(src, end - 1) == '\r')
        end--;
    PyObject *r = PyUnicode_Substring(src, start, end);
    if (r == NULL)
        PyErr_Clear();
    return r;
}

int _PyRun_SimpleStringExit(const char *code, const char *filename)
{
    register_source(filename, code);
    PyObject *d = main_dict();
    if (d == NULL)
        return _Py_ExitCodeFromPending();
    PyObject *r = run_string_named(code, filename, Py_file_input, d, d, NULL);
    if (r == NULL)
        return _Py_ExitCodeFromPending();
    Py_DECREF(r);
    return 0;
}

/* ---- files and stdin ------------------------------------------------------------------ */

static char *read_stream(FILE *fp, size_t *plen)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_RawMalloc(cap + 1);
    if (buf == NULL)
        return NULL;
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            cap *= 2;
            char *nb = PyMem_RawRealloc(buf, cap + 1);
            if (nb == NULL) {
                PyMem_RawFree(buf);
                return NULL;
            }
            buf = nb;
        }
    }
    buf[len] = '\0';
    *plen = len;
    return buf;
}

static const char *program_name(void)
{
    PyObject *orig = _PyInterpreterState_GET()->config.orig_argv;
    if (orig != NULL && PyList_GET_SIZE(orig) > 0) {
        const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(orig, 0));
        if (s != NULL)
            return s;
        PyErr_Clear();
    }
    return "krait";
}

/* Compile and run `source` (bytes; PEP 263 cookie honoured) in __main__. */
static int run_source_in_main(const char *source, size_t len, PyObject *filename)
{
    if (strlen(source) != len) {
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        return _Py_ExitCodeFromPending();
    }
    PyObject *d = main_dict();
    if (d == NULL)
        return _Py_ExitCodeFromPending();
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *co = Py_CompileStringObject(source, filename, Py_file_input, &cf, -1);
    if (co == NULL)
        return _Py_ExitCodeFromPending();
    PyObject *r = PyEval_EvalCode(co, d, d);
    Py_DECREF(co);
    if (r == NULL)
        return _Py_ExitCodeFromPending();
    Py_DECREF(r);
    return 0;
}

int _PyRun_FileExit(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        char abspath[PATH_MAX * 2];
        if (path[0] == '/') {
            snprintf(abspath, sizeof abspath, "%s", path);
        }
        else {
            char cwd[PATH_MAX];
            if (getcwd(cwd, sizeof cwd) == NULL)
                cwd[0] = '\0';
            snprintf(abspath, sizeof abspath, "%s/%s", cwd, path);
        }
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name(), abspath,
                err, strerror(err));
        return 2;
    }
    size_t len;
    char *src = read_stream(fp, &len);
    fclose(fp);
    if (src == NULL) {
        PyErr_NoMemory();
        return _Py_ExitCodeFromPending();
    }
    /* Like CPython, the script's __file__ and code filename are made absolute by
     * prefixing the working directory (no normalisation). */
    PyObject *filename;
    char cwd[PATH_MAX];
    if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
        filename = PyUnicode_FromFormat("%s/%s", cwd, path);
    else
        filename = PyUnicode_DecodeFSDefault(path);
    PyObject *d = main_dict();
    int status;
    if (filename == NULL || d == NULL || PyDict_SetItemString(d, "__file__", filename) < 0 ||
        PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
        status = _Py_ExitCodeFromPending();
    }
    else {
        status = run_source_in_main(src, len, filename);
    }
    Py_XDECREF(filename);
    PyMem_RawFree(src);
    return status;
}

int _PyRun_StdinExit(void)
{
    size_t len;
    char *src = read_stream(stdin, &len);
    if (src == NULL) {
        PyErr_NoMemory();
        return _Py_ExitCodeFromPending();
    }
    PyObject *filename = PyUnicode_FromString("<stdin>");
    int status = filename ? run_source_in_main(src, len, filename) : _Py_ExitCodeFromPending();
    Py_XDECREF(filename);
    PyMem_RawFree(src);
    return status;
}

int _PyRun_ModuleExit(const char *modname, int set_argv0)
{
    (void)set_argv0;
    PyObject *name = PyUnicode_FromString(modname);
    if (name == NULL)
        return _Py_ExitCodeFromPending();
    int r = _PyImport_RunModuleAsMain(name);
    Py_DECREF(name);
    if (r < 0) {
        if (PyErr_ExceptionMatches(PyExc_ImportError) && !PyErr_Occurred())
            return 1;
        return _Py_ExitCodeFromPending();
    }
    return r;
}

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    (void)flags;
    if (filename == NULL)
        filename = "???";
    if (isatty(fileno(fp)) &&
        (strcmp(filename, "<stdin>") == 0 || strcmp(filename, "???") == 0)) {
        int r = _PyRun_InteractiveLoopExit(0);
        if (closeit)
            fclose(fp);
        return r == 0 ? 0 : -1;
    }
    size_t len;
    char *src = read_stream(fp, &len);
    if (closeit)
        fclose(fp);
    if (src == NULL) {
        PyErr_NoMemory();
        PyErr_Print();
        return -1;
    }
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    PyObject *d = main_dict();
    int rc = -1;
    if (fn != NULL && d != NULL) {
        PyObject *co = Py_CompileStringObject(src, fn, Py_file_input, NULL, -1);
        PyObject *r = co ? PyEval_EvalCode(co, d, d) : NULL;
        Py_XDECREF(co);
        if (r != NULL) {
            Py_DECREF(r);
            rc = 0;
        }
    }
    if (rc < 0)
        PyErr_Print();
    Py_XDECREF(fn);
    PyMem_RawFree(src);
    return rc;
}

int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    (void)fp; (void)filename; (void)flags;
    int r = _PyRun_InteractiveLoopExit(0);
    return r == 0 ? 0 : -1;
}

/* ---- sys.displayhook ---------------------------------------------------------------- */

PyObject *_PyRun_DisplayHookDefault(PyObject *o)
{
    if (o == Py_None)
        Py_RETURN_NONE;
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    /* Clear "_" first so that repr() cannot see the previous value. */
    if (PyDict_SetItemString(builtins, "_", Py_None) < 0)
        return NULL;
    PyObject *out = PySys_GetObject("stdout");
    if (out == NULL || out == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    Py_INCREF(out);
    PyObject *repr = PyObject_Repr(o);
    if (repr == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    int r = PyFile_WriteObject(repr, out, Py_PRINT_RAW);
    if (r < 0 && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        /* The stream cannot encode it: fall back to an ASCII-safe repr. */
        PyErr_Clear();
        PyObject *a = PyObject_ASCII(o);
        r = a ? PyFile_WriteObject(a, out, Py_PRINT_RAW) : -1;
        Py_XDECREF(a);
    }
    Py_DECREF(repr);
    if (r == 0)
        r = PyFile_WriteString("\n", out);
    Py_DECREF(out);
    if (r < 0)
        return NULL;
    if (PyDict_SetItemString(builtins, "_", o) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- the interactive loop ---------------------------------------------------------------- */

static int line_is_blank(const char *s)
{
    for (; *s; s++) {
        if (*s == '#')
            return 1;
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f')
            return 0;
    }
    return 1;
}

/* Does the statement typed so far need more lines? Decided from the compile error:
 * an incomplete-input error, or an unfinished compound statement that has not been
 * closed by an empty line yet. */
static int needs_more(const char *src, const char *last_line, PyObject *err)
{
    size_t n = strlen(src);
    if (n >= 2 && src[n - 2] == '\\' && src[n - 1] == '\n')
        return 1;
    if (err == NULL)
        return 0;
    if (PyErr_GivenExceptionMatches(err, PyExc__IncompleteInputError))
        return 1;
    PyObject *msg = PyObject_GetAttrString(err, "msg");
    if (msg == NULL) {
        PyErr_Clear();
        return 0;
    }
    const char *m = PyUnicode_Check(msg) ? PyUnicode_AsUTF8(msg) : NULL;
    int more = 0;
    if (m != NULL) {
        int blank_last = last_line == NULL;
        if (strstr(m, "was never closed") || strstr(m, "unterminated triple-quoted") ||
            strstr(m, "unexpected EOF") || strstr(m, "incomplete input"))
            more = 1;
        else if (!blank_last && strstr(m, "expected an indented block"))
            more = 1;
    }
    PyErr_Clear();
    Py_DECREF(msg);
    return more;
}

/* First non-blank line opens a block (ends with ':' before any comment)? */
static int opens_block(const char *src)
{
    const char *end = strchr(src, '\n');
    size_t n = end ? (size_t)(end - src) : strlen(src);
    const char *hash = memchr(src, '#', n);
    if (hash != NULL)
        n = (size_t)(hash - src);
    while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\t' || src[n - 1] == '\r'))
        n--;
    if (n > 0 && src[n - 1] == ':')
        return 1;
    /* decorators start a block too */
    while (*src == ' ' || *src == '\t')
        src++;
    return *src == '@';
}

static char *read_interactive_line(const char *prompt, int tty)
{
    if (tty)
        return _PyOS_Readline(stdin, stdout, prompt);
    fputs(prompt, stderr);
    fflush(stderr);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        char *empty = PyMem_RawMalloc(1);
        if (empty)
            empty[0] = '\0';
        return empty;
    }
    char *copy = PyMem_RawMalloc((size_t)n + 1);
    if (copy != NULL)
        memcpy(copy, line, (size_t)n + 1);
    free(line);
    return copy;
}

static const char *sys_prompt(const char *name, const char *dflt, PyObject **keep)
{
    PyObject *p = PySys_GetObject(name);
    *keep = NULL;
    if (p == NULL)
        return dflt;
    PyObject *s = PyObject_Str(p);
    if (s == NULL) {
        PyErr_Clear();
        return dflt;
    }
    const char *c = PyUnicode_AsUTF8(s);
    if (c == NULL) {
        PyErr_Clear();
        Py_DECREF(s);
        return dflt;
    }
    *keep = s;
    return c;
}

int _PyRun_InteractiveLoopExit(int show_banner)
{
    int tty = isatty(0);
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (show_banner && !interp->config.quiet) {
        fprintf(stderr, "Python %s on linux\n"
                        "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                        Py_GetVersion());
    }
    PyObject *ps = PyUnicode_FromString(">>> ");
    if (ps == NULL || (PySys_GetObject("ps1") == NULL && PySys_SetObject("ps1", ps) < 0)) {
        Py_XDECREF(ps);
        return _Py_ExitCodeFromPending();
    }
    Py_DECREF(ps);
    ps = PyUnicode_FromString("... ");
    if (ps == NULL || (PySys_GetObject("ps2") == NULL && PySys_SetObject("ps2", ps) < 0)) {
        Py_XDECREF(ps);
        return _Py_ExitCodeFromPending();
    }
    Py_DECREF(ps);

    PyObject *d = main_dict();
    if (d == NULL)
        return _Py_ExitCodeFromPending();
    PyObject *filename = PyUnicode_FromString("<stdin>");
    if (filename == NULL)
        return _Py_ExitCodeFromPending();
    char *buf = NULL;
    size_t buflen = 0;
    int status = 0;
    for (;;) {
        PyObject *keep;
        const char *prompt = buf == NULL ? sys_prompt("ps1", ">>> ", &keep)
                                         : sys_prompt("ps2", "... ", &keep);
        /* Output of the previous statement must appear before the prompt. */
        _PyIO_FlushStdio();
        PyErr_Clear();
        char *line = read_interactive_line(prompt, tty);
        Py_XDECREF(keep);
        if (line == NULL) {
            /* Ctrl-C at the prompt. */
            if (!PyErr_Occurred())
                PyErr_SetNone(PyExc_KeyboardInterrupt);
            PyErr_Clear();
            fputs("\nKeyboardInterrupt\n", stderr);
            PyMem_RawFree(buf);
            buf = NULL;
            buflen = 0;
            continue;
        }
        if (line[0] == '\0') {
            PyMem_RawFree(line);
            if (buf != NULL) {
                /* EOF in the middle of a statement: run what we have. */
                line = PyMem_RawMalloc(2);
                if (line == NULL)
                    break;
                strcpy(line, "\n");
            }
            else {
                if (tty)
                    fputs("\n", stdout);
                else
                    fputs("\n", stderr);
                break;
            }
        }
        size_t ll = strlen(line);
        char *nb = PyMem_RawRealloc(buf, buflen + ll + 1);
        if (nb == NULL) {
            PyMem_RawFree(line);
            break;
        }
        buf = nb;
        memcpy(buf + buflen, line, ll + 1);
        buflen += ll;
        if (buflen == ll && line_is_blank(line)) {
            PyMem_RawFree(line);
            PyMem_RawFree(buf);
            buf = NULL;
            buflen = 0;
            continue;
        }
        int blank = line_is_blank(line);
        PyMem_RawFree(line);
        /* A block statement continues until an empty line. */
        if (opens_block(buf) && !blank)
            continue;
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        PyObject *co = Py_CompileStringObject(buf, filename, Py_single_input, &cf, -1);
        if (co == NULL) {
            PyObject *err = PyErr_GetRaisedException();
            if (needs_more(buf, blank ? NULL : buf, err)) {
                Py_XDECREF(err);
                continue;
            }
            PyErr_SetRaisedException(err);
            PyMem_RawFree(buf);
            buf = NULL;
            buflen = 0;
        }
        else {
            PyMem_RawFree(buf);
            buf = NULL;
            buflen = 0;
            PyObject *r = PyEval_EvalCode(co, d, d);
            Py_DECREF(co);
            Py_XDECREF(r);
        }
        if (PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
                status = _Py_ExitCodeFromPending();
                break;
            }
            PyErr_Print();
            PyErr_Clear();
        }
    }
    PyMem_RawFree(buf);
    Py_DECREF(filename);
    _PyIO_FlushStdio();
    PyErr_Clear();
    return status;
}

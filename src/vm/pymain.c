/* The krait command line, modelled on python3's: options, environment variables, and
 * the choice between a script, -c, -m, stdin and the REPL. */
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include "Python.h"

/* Provided by pythonrun.c */
int _PyRun_SimpleStringExit(const char *code, const char *filename);
int _PyRun_FileExit(const char *path);
int _PyRun_StdinExit(void);
int _PyRun_ModuleExit(const char *modname, int set_argv0);
int _PyRun_InteractiveLoopExit(int show_banner);
int _KrFaulthandler_InitFromConfig(void); /* -X faulthandler / PYTHONFAULTHANDLER */
int _Py_ExitCodeFromPending(void);

enum { RUN_REPL, RUN_FILE, RUN_COMMAND, RUN_MODULE, RUN_STDIN };

typedef struct {
    int mode;
    const char *arg; /* file, command or module */
    int first_script_arg; /* index in argv of sys.argv[1] */
    int inspect, quiet, unbuffered, dont_write_bytecode, ignore_environment, isolated;
    int no_user_site, no_site, optimize, verbose, safe_path, bytes_warning, version;
    const char *wopts[64];
    int nwopts;
    const char *xopts[64];
    int nxopts;
} cmdline;

static void usage_error(const char *prog)
{
    fprintf(stderr,
            "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "Try `python -h' for more information.\n",
            prog);
}

static void print_help(const char *prog)
{
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
    fputs("Krait, a Python 3.13 interpreter. Options:\n"
          "-B     : do not write bytecode caches (accepted; Krait never writes them)\n"
          "-c cmd : run the program passed as a string\n"
          "-E     : ignore PYTHON* environment variables\n"
          "-h     : print this help and exit (also -? and --help)\n"
          "-i     : enter the interactive prompt after running the program\n"
          "-I     : isolate from the environment and user site (implies -E, -P, -s)\n"
          "-m mod : run a library module as a script\n"
          "-O     : remove assert statements and __debug__-dependent code\n"
          "-P     : do not prepend the script's directory to sys.path\n"
          "-q     : no version banner on interactive start-up\n"
          "-s     : do not add the user site directory to sys.path\n"
          "-S     : do not import site on start-up\n"
          "-u     : unbuffered binary stdout and stderr\n"
          "-v     : verbose\n"
          "-V     : print the version and exit (-VV for more detail)\n"
          "-W arg : warning control: action:message:category:module:lineno\n"
          "-X opt : implementation-specific option (e.g. -X utf8)\n"
          "file   : program read from a script file\n"
          "-      : program read from stdin (the default; interactive when a tty)\n"
          "arg ...: arguments passed to the program in sys.argv[1:]\n"
          "Environment: PYTHONPATH PYTHONHASHSEED PYTHONUNBUFFERED PYTHONDONTWRITEBYTECODE\n"
          "             PYTHONIOENCODING PYTHONUTF8 PYTHONWARNINGS PYTHONSAFEPATH PYTHONINSPECT\n",
          stdout);
}

/* Returns -1 to continue, otherwise the exit status. */
static int parse_args(int argc, char **argv, cmdline *cl)
{
    const char *prog = argv[0] ? argv[0] : "krait";
    int i = 1;
    cl->mode = RUN_REPL;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            break; /* a script name or "-" */
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            if (strcmp(a, "--version") == 0) {
                cl->version++;
                continue;
            }
            if (strcmp(a, "--help") == 0) {
                print_help(prog);
                return 0;
            }
            fprintf(stderr, "unknown option %s\n", a);
            usage_error(prog);
            return 2;
        }
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            switch (c) {
            case 'c': case 'm': case 'W': case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    usage_error(prog);
                    return 2;
                }
                if (c == 'W') {
                    if (cl->nwopts < (int)Py_ARRAY_LENGTH(cl->wopts))
                        cl->wopts[cl->nwopts++] = val;
                    goto next_arg;
                }
                if (c == 'X') {
                    if (cl->nxopts < (int)Py_ARRAY_LENGTH(cl->xopts))
                        cl->xopts[cl->nxopts++] = val;
                    goto next_arg;
                }
                cl->mode = c == 'c' ? RUN_COMMAND : RUN_MODULE;
                cl->arg = val;
                /* -c/-m end option parsing; the rest is for the program. */
                cl->first_script_arg = i + 1;
                return -1;
            }
            case 'i': cl->inspect = 1; break;
            case 'q': cl->quiet = 1; break;
            case 'u': cl->unbuffered = 1; break;
            case 'B': cl->dont_write_bytecode = 1; break;
            case 'E': cl->ignore_environment = 1; break;
            case 'I': cl->isolated = 1; cl->ignore_environment = 1; cl->no_user_site = 1;
                      cl->safe_path = 1; break;
            case 'O': cl->optimize++; break;
            case 'P': cl->safe_path = 1; break;
            case 's': cl->no_user_site = 1; break;
            case 'S': cl->no_site = 1; break;
            case 'v': cl->verbose++; break;
            case 'b': cl->bytes_warning++; break;
            case 'd': case 'R': case 'x': break;
            case 'V': cl->version++; break;
            case 'h': case '?':
                print_help(prog);
                return 0;
            default:
                fprintf(stderr, "Unknown option: -%c\n", c);
                usage_error(prog);
                return 2;
            }
        }
    next_arg:;
    }
    if (cl->version) {
        if (cl->version > 1)
            printf("Python %s\n", Py_GetVersion());
        else
            printf("Python %s\n", PY_VERSION);
        return 0;
    }
    if (i < argc) {
        if (strcmp(argv[i], "-") == 0) {
            cl->mode = RUN_STDIN;
        }
        else {
            cl->mode = RUN_FILE;
            cl->arg = argv[i];
        }
        cl->first_script_arg = i + 1;
    }
    else {
        cl->first_script_arg = argc;
    }
    return -1;
}

static int env_flag(const cmdline *cl, const char *name)
{
    if (cl->ignore_environment)
        return 0;
    const char *v = getenv(name);
    return v != NULL && *v != '\0';
}

static int add_str(PyObject *list, const char *s)
{
    PyObject *o = PyUnicode_DecodeFSDefault(s);
    if (o == NULL)
        return -1;
    int r = PyList_Append(list, o);
    Py_DECREF(o);
    return r;
}

static int fill_config(cmdline *cl, int argc, char **argv)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    interp->config.inspect = cl->inspect || env_flag(cl, "PYTHONINSPECT");
    interp->config.interactive = cl->inspect;
    interp->config.quiet = cl->quiet;
    interp->config.unbuffered = cl->unbuffered || env_flag(cl, "PYTHONUNBUFFERED");
    interp->config.dont_write_bytecode = cl->dont_write_bytecode || env_flag(cl, "PYTHONDONTWRITEBYTECODE");
    interp->config.isolated = cl->isolated;
    interp->config.no_user_site = cl->no_user_site || env_flag(cl, "PYTHONNOUSERSITE");
    interp->config.no_site = cl->no_site;
    interp->config.optimize = cl->optimize;
    if (!cl->optimize && env_flag(cl, "PYTHONOPTIMIZE"))
        interp->config.optimize = atoi(getenv("PYTHONOPTIMIZE")) > 0 ? atoi(getenv("PYTHONOPTIMIZE")) : 1;
    interp->config.verbose = cl->verbose;
    interp->config.safe_path = cl->safe_path || env_flag(cl, "PYTHONSAFEPATH");
    interp->config.bytes_warning = cl->bytes_warning;

    for (int i = 0; i < argc; i++)
        if (add_str(interp->config.orig_argv, argv[i]) < 0)
            return -1;
    /* sys.argv: [script or '-c' or module path or '' ] + remaining arguments */
    const char *argv0 = "";
    if (cl->mode == RUN_COMMAND)
        argv0 = "-c";
    else if (cl->mode == RUN_MODULE)
        argv0 = "-m"; /* replaced by the module's path once found */
    else if (cl->mode == RUN_FILE)
        argv0 = cl->arg;
    else if (cl->mode == RUN_STDIN)
        argv0 = "-";
    if (add_str(interp->config.argv, argv0) < 0)
        return -1;
    for (int i = cl->first_script_arg; i < argc; i++)
        if (add_str(interp->config.argv, argv[i]) < 0)
            return -1;

    /* Warning options: PYTHONWARNINGS first, then -W (later ones win). */
    if (!cl->ignore_environment && getenv("PYTHONWARNINGS") && *getenv("PYTHONWARNINGS")) {
        char *copy = strdup(getenv("PYTHONWARNINGS"));
        if (copy == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        char *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            if (*tok && add_str(interp->config.warnoptions, tok) < 0) {
                free(copy);
                return -1;
            }
        }
        free(copy);
    }
    for (int i = 0; i < cl->nwopts; i++)
        if (add_str(interp->config.warnoptions, cl->wopts[i]) < 0)
            return -1;
    if (cl->bytes_warning) {
        if (add_str(interp->config.warnoptions, cl->bytes_warning > 1 ? "error::BytesWarning"
                                                          : "default::BytesWarning") < 0)
            return -1;
    }
    for (int i = 0; i < cl->nxopts; i++) {
        const char *x = cl->xopts[i];
        const char *eq = strchr(x, '=');
        PyObject *key, *val;
        if (eq) {
            key = PyUnicode_FromStringAndSize(x, eq - x);
            val = PyUnicode_FromString(eq + 1);
        }
        else {
            key = PyUnicode_FromString(x);
            val = Py_NewRef(Py_True);
        }
        if (key == NULL || val == NULL || PyDict_SetItem(interp->config.xoptions, key, val) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(val);
            return -1;
        }
        Py_DECREF(key);
        Py_DECREF(val);
        if (strncmp(x, "utf8", 4) == 0)
            interp->config.utf8_mode = !(eq && strcmp(eq + 1, "0") == 0);
        if (strcmp(x, "dev") == 0)
            interp->config.dev_mode = 1;
    }
    if (!cl->ignore_environment && getenv("PYTHONUTF8") && strcmp(getenv("PYTHONUTF8"), "1") == 0)
        interp->config.utf8_mode = 1;

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        interp->config.executable = PyUnicode_DecodeFSDefault(exe);
    }
    else {
        interp->config.executable = PyUnicode_FromString("");
    }
    if (interp->config.executable == NULL)
        return -1;
    return 0;
}

/* sys.path[0]: the script's directory, '' for -c / stdin / REPL, the cwd for -m. */
static PyObject *script_dir(const cmdline *cl)
{
    if (cl->mode == RUN_FILE) {
        char buf[PATH_MAX];
        const char *path = cl->arg;
        char *resolved = realpath(path, buf);
        const char *use = resolved ? resolved : path;
        const char *slash = strrchr(use, '/');
        if (slash == NULL)
            return PyUnicode_FromString("");
        if (slash == use)
            return PyUnicode_FromString("/");
        return PyUnicode_DecodeFSDefaultAndSize(use, slash - use);
    }
    if (cl->mode == RUN_MODULE) {
        char buf[PATH_MAX];
        if (getcwd(buf, sizeof buf) == NULL)
            return PyUnicode_FromString("");
        return PyUnicode_DecodeFSDefault(buf);
    }
    return PyUnicode_FromString("");
}

int Py_BytesMain(int argc, char **argv)
{
    cmdline cl;
    memset(&cl, 0, sizeof cl);
    int rc = parse_args(argc, argv, &cl);
    if (rc >= 0)
        return rc;
    if (_Py_InitializeCore(cl.ignore_environment) < 0)
        return 1;
    if (fill_config(&cl, argc, argv) < 0) {
        PyErr_Print();
        return 1;
    }
    PyObject *dir = cl.safe_path ? NULL : script_dir(&cl);
    if (!cl.safe_path && dir == NULL) {
        PyErr_Print();
        return 1;
    }
    rc = _PySys_SetPath(dir, !cl.ignore_environment);
    Py_XDECREF(dir);
    if (rc < 0) {
        PyErr_Print();
        return 1;
    }
    if (_Py_InitializeMain() < 0)
        return 1;
    if (_KrFaulthandler_InitFromConfig() < 0) {
        PyErr_Print();
        return 1;
    }

    PyInterpreterState *interp = _PyInterpreterState_GET();
    int status = 0;
    switch (cl.mode) {
    case RUN_COMMAND:
        status = _PyRun_SimpleStringExit(cl.arg, "<string>");
        break;
    case RUN_MODULE:
        status = _PyRun_ModuleExit(cl.arg, 1);
        break;
    case RUN_FILE:
        status = _PyRun_FileExit(cl.arg);
        break;
    case RUN_STDIN:
        if (isatty(0))
            status = _PyRun_InteractiveLoopExit(!cl.quiet);
        else
            status = _PyRun_StdinExit();
        break;
    default:
        /* -i forces the interactive loop even when stdin is not a terminal. */
        if (isatty(0) || interp->config.inspect) {
            status = _PyRun_InteractiveLoopExit(!cl.quiet);
            interp->config.inspect = 0;
        }
        else {
            status = _PyRun_StdinExit();
        }
        break;
    }
    /* -i: after the program, continue interactively unless it called sys.exit(). */
    if (interp->config.inspect && status >= 0 && cl.mode != RUN_REPL)
        status = _PyRun_InteractiveLoopExit(0);
    if (status < 0)
        status = 1;
    int kbd = status == 130 + 1000;
    if (kbd)
        status = 130;
    if (Py_FinalizeEx() < 0 && status == 0)
        status = 120;
    if (kbd) {
        /* Die from SIGINT so the parent shell sees the interruption, as CPython does. */
        fflush(stdout);
        fflush(stderr);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}

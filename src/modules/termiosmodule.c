/* The termios module: POSIX terminal control (tcgetattr/tcsetattr and the line
 * control calls, window size) on file descriptors, with the <termios.h> constants.
 * Failures raise termios.error(errno, strerror). */
#include "Python.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

typedef struct {
    PyObject *error;
} TermiosState;

static PyObject *termios_error(PyObject *m)
{
    return ((TermiosState *)PyModule_GetState(m))->error;
}

static PyObject *raise_errno(PyObject *m)
{
    return PyErr_SetFromErrno(termios_error(m));
}

static int fd_arg(PyObject *o, int *fd)
{
    *fd = PyObject_AsFileDescriptor(o);
    return *fd < 0 ? -1 : 0;
}

static int c_int(PyObject *o, int *out)
{
    *out = PyLong_AsInt(o);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static int get_attr(PyObject *m, int fd, struct termios *mode)
{
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = tcgetattr(fd, mode);
    Py_END_ALLOW_THREADS
    if (r == -1) {
        raise_errno(m);
        return -1;
    }
    return 0;
}

static PyObject *termios_tcgetattr(PyObject *m, PyObject *arg)
{
    int fd;
    struct termios mode;
    if (fd_arg(arg, &fd) < 0 || get_attr(m, fd, &mode) < 0)
        return NULL;
    PyObject *cc = PyList_New(NCCS);
    if (cc == NULL)
        return NULL;
    for (int i = 0; i < NCCS; i++) {
        char ch = (char)mode.c_cc[i];
        PyObject *v = PyBytes_FromStringAndSize(&ch, 1);
        if (v == NULL) {
            Py_DECREF(cc);
            return NULL;
        }
        PyList_SET_ITEM(cc, i, v);
    }
    /* In non-canonical mode VMIN and VTIME are counts, not characters. */
    if ((mode.c_lflag & ICANON) == 0) {
        PyObject *vmin = PyLong_FromLong((long)mode.c_cc[VMIN]);
        PyObject *vtime = PyLong_FromLong((long)mode.c_cc[VTIME]);
        if (vmin == NULL || vtime == NULL) {
            Py_XDECREF(vmin);
            Py_XDECREF(vtime);
            Py_DECREF(cc);
            return NULL;
        }
        PyList_SetItem(cc, VMIN, vmin);
        PyList_SetItem(cc, VTIME, vtime);
    }
    return Py_BuildValue("[kkkkkkN]", (unsigned long)mode.c_iflag,
                         (unsigned long)mode.c_oflag, (unsigned long)mode.c_cflag,
                         (unsigned long)mode.c_lflag, (unsigned long)cfgetispeed(&mode),
                         (unsigned long)cfgetospeed(&mode), cc);
}

static int long_item(PyObject *list, Py_ssize_t i, long *out)
{
    *out = PyLong_AsLong(PyList_GET_ITEM(list, i));
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *termios_tcsetattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tcsetattr", nargs, 3, 3))
        return NULL;
    int fd, when;
    if (fd_arg(args[0], &fd) < 0 || c_int(args[1], &when) < 0)
        return NULL;
    PyObject *attrs = args[2];
    if (!PyList_Check(attrs) || PyList_GET_SIZE(attrs) != 7) {
        PyErr_SetString(PyExc_TypeError, "tcsetattr, arg 3: must be 7 element list");
        return NULL;
    }
    /* Start from the current settings so fields we do not model (c_line ...) keep
     * their values. */
    struct termios mode;
    if (get_attr(m, fd, &mode) < 0)
        return NULL;
    long v[6];
    for (int i = 0; i < 6; i++) {
        if (long_item(attrs, i, &v[i]) < 0)
            return NULL;
    }
    PyObject *cc = PyList_GET_ITEM(attrs, 6);
    if (!PyList_Check(cc) || PyList_GET_SIZE(cc) != NCCS) {
        PyErr_Format(PyExc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
        return NULL;
    }
    mode.c_iflag = (tcflag_t)v[0];
    mode.c_oflag = (tcflag_t)v[1];
    mode.c_cflag = (tcflag_t)v[2];
    mode.c_lflag = (tcflag_t)v[3];
    for (int i = 0; i < NCCS; i++) {
        PyObject *item = PyList_GET_ITEM(cc, i);
        if (PyBytes_Check(item) && PyBytes_GET_SIZE(item) == 1)
            mode.c_cc[i] = (cc_t)PyBytes_AS_STRING(item)[0];
        else if (PyLong_Check(item)) {
            long c = PyLong_AsLong(item);
            if (c == -1 && PyErr_Occurred())
                return NULL;
            mode.c_cc[i] = (cc_t)c;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "tcsetattr: elements of attributes must be characters or integers");
            return NULL;
        }
    }
    if (cfsetispeed(&mode, (speed_t)v[4]) == -1 || cfsetospeed(&mode, (speed_t)v[5]) == -1)
        return raise_errno(m);
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = tcsetattr(fd, when, &mode);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return raise_errno(m);
    Py_RETURN_NONE;
}

/* The fd-plus-int calls share one shape. */
typedef int (*fd_int_call)(int, int);

static PyObject *fd_int(PyObject *m, PyObject *const *args, Py_ssize_t nargs, const char *name,
                        fd_int_call call)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2))
        return NULL;
    int fd, value, r;
    if (fd_arg(args[0], &fd) < 0 || c_int(args[1], &value) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = call(fd, value);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return raise_errno(m);
    Py_RETURN_NONE;
}

static PyObject *termios_tcsendbreak(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int(m, args, nargs, "tcsendbreak", tcsendbreak);
}

static PyObject *termios_tcflush(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int(m, args, nargs, "tcflush", tcflush);
}

static PyObject *termios_tcflow(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int(m, args, nargs, "tcflow", tcflow);
}

static PyObject *termios_tcdrain(PyObject *m, PyObject *arg)
{
    int fd, r;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = tcdrain(fd);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return raise_errno(m);
    Py_RETURN_NONE;
}

static PyObject *termios_tcgetwinsize(PyObject *m, PyObject *arg)
{
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return raise_errno(m);
    return Py_BuildValue("(ll)", (long)w.ws_row, (long)w.ws_col);
}

static PyObject *termios_tcsetwinsize(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tcsetwinsize", nargs, 2, 2))
        return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0)
        return NULL;
    PyObject *size = args[1];
    if (!PySequence_Check(size) || PySequence_Size(size) != 2) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
        return NULL;
    }
    long dims[2];
    for (Py_ssize_t i = 0; i < 2; i++) {
        PyObject *item = PySequence_GetItem(size, i);
        if (item == NULL)
            return NULL;
        dims[i] = PyLong_AsLong(item);
        Py_DECREF(item);
        if (dims[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    /* Keep the pixel sizes the terminal already reports. */
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return raise_errno(m);
    w.ws_row = (unsigned short)dims[0];
    w.ws_col = (unsigned short)dims[1];
    if ((long)w.ws_row != dims[0] || (long)w.ws_col != dims[1]) {
        PyErr_SetString(PyExc_OverflowError, "winsize value(s) out of range.");
        return NULL;
    }
    if (ioctl(fd, TIOCSWINSZ, &w) == -1)
        return raise_errno(m);
    Py_RETURN_NONE;
}

static PyMethodDef termios_methods[] = {
    {"tcgetattr", termios_tcgetattr, METH_O,
     "tcgetattr($module, fd, /)\n--\n\n"
     "Return the tty attributes of `fd` as a list\n"
     "[iflag, oflag, cflag, lflag, ispeed, ospeed, cc], cc being the list of\n"
     "control characters (1-byte bytes; VMIN and VTIME are ints when ICANON is off)."},
    {"tcsetattr", _PyCFunction_CAST(termios_tcsetattr), METH_FASTCALL,
     "tcsetattr($module, fd, when, attributes, /)\n--\n\n"
     "Set the tty attributes of `fd` from a list shaped like tcgetattr()'s result.\n\n"
     "`when` is TCSANOW, TCSADRAIN (after pending output) or TCSAFLUSH (after\n"
     "pending output, discarding pending input)."},
    {"tcsendbreak", _PyCFunction_CAST(termios_tcsendbreak), METH_FASTCALL,
     "tcsendbreak($module, fd, duration, /)\n--\n\n"
     "Send a break on `fd`; a zero `duration` means 0.25-0.5 seconds."},
    {"tcdrain", termios_tcdrain, METH_O,
     "tcdrain($module, fd, /)\n--\n\nBlock until all output written to `fd` has been sent."},
    {"tcflush", _PyCFunction_CAST(termios_tcflush), METH_FASTCALL,
     "tcflush($module, fd, queue, /)\n--\n\n"
     "Discard queued data on `fd`: TCIFLUSH input, TCOFLUSH output, TCIOFLUSH both."},
    {"tcflow", _PyCFunction_CAST(termios_tcflow), METH_FASTCALL,
     "tcflow($module, fd, action, /)\n--\n\n"
     "Suspend or resume flow on `fd`: TCOOFF, TCOON, TCIOFF or TCION."},
    {"tcgetwinsize", termios_tcgetwinsize, METH_O,
     "tcgetwinsize($module, fd, /)\n--\n\nReturn the window size of tty `fd` as (rows, columns)."},
    {"tcsetwinsize", _PyCFunction_CAST(termios_tcsetwinsize), METH_FASTCALL,
     "tcsetwinsize($module, fd, winsize, /)\n--\n\n"
     "Set the window size of tty `fd` from a (rows, columns) pair."},
    {NULL, NULL, 0, NULL},
};

static int termios_traverse(PyObject *m, visitproc visit, void *arg)
{
    TermiosState *st = PyModule_GetState(m);
    if (st != NULL)
        Py_VISIT(st->error);
    return 0;
}

static int termios_clear(PyObject *m)
{
    TermiosState *st = PyModule_GetState(m);
    if (st != NULL)
        Py_CLEAR(st->error);
    return 0;
}

static void termios_free(void *m)
{
    termios_clear((PyObject *)m);
}

static struct PyModuleDef termiosmodule = {
    PyModuleDef_HEAD_INIT, "termios",
    "POSIX terminal I/O control (see termios(3)).\n\n"
    "Every function takes the terminal as its first argument, either an int file\n"
    "descriptor or an object with a fileno() method such as sys.stdin.",
    sizeof(TermiosState), termios_methods, NULL, termios_traverse, termios_clear, termios_free,
};

static const struct {
    const char *name;
    long value;
} termios_consts[] = {
#ifdef B0
    {"B0", (long)B0},
#endif
#ifdef B1000000
    {"B1000000", (long)B1000000},
#endif
#ifdef B110
    {"B110", (long)B110},
#endif
#ifdef B115200
    {"B115200", (long)B115200},
#endif
#ifdef B1152000
    {"B1152000", (long)B1152000},
#endif
#ifdef B1200
    {"B1200", (long)B1200},
#endif
#ifdef B134
    {"B134", (long)B134},
#endif
#ifdef B150
    {"B150", (long)B150},
#endif
#ifdef B1500000
    {"B1500000", (long)B1500000},
#endif
#ifdef B1800
    {"B1800", (long)B1800},
#endif
#ifdef B19200
    {"B19200", (long)B19200},
#endif
#ifdef B200
    {"B200", (long)B200},
#endif
#ifdef B2000000
    {"B2000000", (long)B2000000},
#endif
#ifdef B230400
    {"B230400", (long)B230400},
#endif
#ifdef B2400
    {"B2400", (long)B2400},
#endif
#ifdef B2500000
    {"B2500000", (long)B2500000},
#endif
#ifdef B300
    {"B300", (long)B300},
#endif
#ifdef B3000000
    {"B3000000", (long)B3000000},
#endif
#ifdef B3500000
    {"B3500000", (long)B3500000},
#endif
#ifdef B38400
    {"B38400", (long)B38400},
#endif
#ifdef B4000000
    {"B4000000", (long)B4000000},
#endif
#ifdef B460800
    {"B460800", (long)B460800},
#endif
#ifdef B4800
    {"B4800", (long)B4800},
#endif
#ifdef B50
    {"B50", (long)B50},
#endif
#ifdef B500000
    {"B500000", (long)B500000},
#endif
#ifdef B57600
    {"B57600", (long)B57600},
#endif
#ifdef B576000
    {"B576000", (long)B576000},
#endif
#ifdef B600
    {"B600", (long)B600},
#endif
#ifdef B75
    {"B75", (long)B75},
#endif
#ifdef B921600
    {"B921600", (long)B921600},
#endif
#ifdef B9600
    {"B9600", (long)B9600},
#endif
#ifdef BRKINT
    {"BRKINT", (long)BRKINT},
#endif
#ifdef BS0
    {"BS0", (long)BS0},
#endif
#ifdef BS1
    {"BS1", (long)BS1},
#endif
#ifdef BSDLY
    {"BSDLY", (long)BSDLY},
#endif
#ifdef CBAUD
    {"CBAUD", (long)CBAUD},
#endif
#ifdef CBAUDEX
    {"CBAUDEX", (long)CBAUDEX},
#endif
#ifdef CDSUSP
    {"CDSUSP", (long)CDSUSP},
#endif
#ifdef CEOF
    {"CEOF", (long)CEOF},
#endif
#ifdef CEOL
    {"CEOL", (long)CEOL},
#endif
#ifdef CEOT
    {"CEOT", (long)CEOT},
#endif
#ifdef CERASE
    {"CERASE", (long)CERASE},
#endif
#ifdef CFLUSH
    {"CFLUSH", (long)CFLUSH},
#endif
#ifdef CIBAUD
    {"CIBAUD", (long)CIBAUD},
#endif
#ifdef CINTR
    {"CINTR", (long)CINTR},
#endif
#ifdef CKILL
    {"CKILL", (long)CKILL},
#endif
#ifdef CLNEXT
    {"CLNEXT", (long)CLNEXT},
#endif
#ifdef CLOCAL
    {"CLOCAL", (long)CLOCAL},
#endif
#ifdef CQUIT
    {"CQUIT", (long)CQUIT},
#endif
#ifdef CR0
    {"CR0", (long)CR0},
#endif
#ifdef CR1
    {"CR1", (long)CR1},
#endif
#ifdef CR2
    {"CR2", (long)CR2},
#endif
#ifdef CR3
    {"CR3", (long)CR3},
#endif
#ifdef CRDLY
    {"CRDLY", (long)CRDLY},
#endif
#ifdef CREAD
    {"CREAD", (long)CREAD},
#endif
#ifdef CRPRNT
    {"CRPRNT", (long)CRPRNT},
#endif
#ifdef CRTSCTS
    {"CRTSCTS", (long)CRTSCTS},
#endif
#ifdef CS5
    {"CS5", (long)CS5},
#endif
#ifdef CS6
    {"CS6", (long)CS6},
#endif
#ifdef CS7
    {"CS7", (long)CS7},
#endif
#ifdef CS8
    {"CS8", (long)CS8},
#endif
#ifdef CSIZE
    {"CSIZE", (long)CSIZE},
#endif
#ifdef CSTART
    {"CSTART", (long)CSTART},
#endif
#ifdef CSTOP
    {"CSTOP", (long)CSTOP},
#endif
#ifdef CSTOPB
    {"CSTOPB", (long)CSTOPB},
#endif
#ifdef CSUSP
    {"CSUSP", (long)CSUSP},
#endif
#ifdef CWERASE
    {"CWERASE", (long)CWERASE},
#endif
#ifdef ECHO
    {"ECHO", (long)ECHO},
#endif
#ifdef ECHOCTL
    {"ECHOCTL", (long)ECHOCTL},
#endif
#ifdef ECHOE
    {"ECHOE", (long)ECHOE},
#endif
#ifdef ECHOK
    {"ECHOK", (long)ECHOK},
#endif
#ifdef ECHOKE
    {"ECHOKE", (long)ECHOKE},
#endif
#ifdef ECHONL
    {"ECHONL", (long)ECHONL},
#endif
#ifdef ECHOPRT
    {"ECHOPRT", (long)ECHOPRT},
#endif
#ifdef EXTA
    {"EXTA", (long)EXTA},
#endif
#ifdef EXTB
    {"EXTB", (long)EXTB},
#endif
#ifdef EXTPROC
    {"EXTPROC", (long)EXTPROC},
#endif
#ifdef FF0
    {"FF0", (long)FF0},
#endif
#ifdef FF1
    {"FF1", (long)FF1},
#endif
#ifdef FFDLY
    {"FFDLY", (long)FFDLY},
#endif
#ifdef FIOASYNC
    {"FIOASYNC", (long)FIOASYNC},
#endif
#ifdef FIOCLEX
    {"FIOCLEX", (long)FIOCLEX},
#endif
#ifdef FIONBIO
    {"FIONBIO", (long)FIONBIO},
#endif
#ifdef FIONCLEX
    {"FIONCLEX", (long)FIONCLEX},
#endif
#ifdef FIONREAD
    {"FIONREAD", (long)FIONREAD},
#endif
#ifdef FLUSHO
    {"FLUSHO", (long)FLUSHO},
#endif
#ifdef HUPCL
    {"HUPCL", (long)HUPCL},
#endif
#ifdef ICANON
    {"ICANON", (long)ICANON},
#endif
#ifdef ICRNL
    {"ICRNL", (long)ICRNL},
#endif
#ifdef IEXTEN
    {"IEXTEN", (long)IEXTEN},
#endif
#ifdef IGNBRK
    {"IGNBRK", (long)IGNBRK},
#endif
#ifdef IGNCR
    {"IGNCR", (long)IGNCR},
#endif
#ifdef IGNPAR
    {"IGNPAR", (long)IGNPAR},
#endif
#ifdef IMAXBEL
    {"IMAXBEL", (long)IMAXBEL},
#endif
#ifdef INLCR
    {"INLCR", (long)INLCR},
#endif
#ifdef INPCK
    {"INPCK", (long)INPCK},
#endif
#ifdef IOCSIZE_MASK
    {"IOCSIZE_MASK", (long)IOCSIZE_MASK},
#endif
#ifdef IOCSIZE_SHIFT
    {"IOCSIZE_SHIFT", (long)IOCSIZE_SHIFT},
#endif
#ifdef ISIG
    {"ISIG", (long)ISIG},
#endif
#ifdef ISTRIP
    {"ISTRIP", (long)ISTRIP},
#endif
#ifdef IUCLC
    {"IUCLC", (long)IUCLC},
#endif
#ifdef IUTF8
    {"IUTF8", (long)IUTF8},
#endif
#ifdef IXANY
    {"IXANY", (long)IXANY},
#endif
#ifdef IXOFF
    {"IXOFF", (long)IXOFF},
#endif
#ifdef IXON
    {"IXON", (long)IXON},
#endif
#ifdef NCC
    {"NCC", (long)NCC},
#endif
#ifdef NCCS
    {"NCCS", (long)NCCS},
#endif
#ifdef NL0
    {"NL0", (long)NL0},
#endif
#ifdef NL1
    {"NL1", (long)NL1},
#endif
#ifdef NLDLY
    {"NLDLY", (long)NLDLY},
#endif
#ifdef NOFLSH
    {"NOFLSH", (long)NOFLSH},
#endif
#ifdef N_MOUSE
    {"N_MOUSE", (long)N_MOUSE},
#endif
#ifdef N_PPP
    {"N_PPP", (long)N_PPP},
#endif
#ifdef N_SLIP
    {"N_SLIP", (long)N_SLIP},
#endif
#ifdef N_STRIP
    {"N_STRIP", (long)N_STRIP},
#endif
#ifdef N_TTY
    {"N_TTY", (long)N_TTY},
#endif
#ifdef OCRNL
    {"OCRNL", (long)OCRNL},
#endif
#ifdef OFDEL
    {"OFDEL", (long)OFDEL},
#endif
#ifdef OFILL
    {"OFILL", (long)OFILL},
#endif
#ifdef OLCUC
    {"OLCUC", (long)OLCUC},
#endif
#ifdef ONLCR
    {"ONLCR", (long)ONLCR},
#endif
#ifdef ONLRET
    {"ONLRET", (long)ONLRET},
#endif
#ifdef ONOCR
    {"ONOCR", (long)ONOCR},
#endif
#ifdef OPOST
    {"OPOST", (long)OPOST},
#endif
#ifdef PARENB
    {"PARENB", (long)PARENB},
#endif
#ifdef PARMRK
    {"PARMRK", (long)PARMRK},
#endif
#ifdef PARODD
    {"PARODD", (long)PARODD},
#endif
#ifdef PENDIN
    {"PENDIN", (long)PENDIN},
#endif
#ifdef TAB0
    {"TAB0", (long)TAB0},
#endif
#ifdef TAB1
    {"TAB1", (long)TAB1},
#endif
#ifdef TAB2
    {"TAB2", (long)TAB2},
#endif
#ifdef TAB3
    {"TAB3", (long)TAB3},
#endif
#ifdef TABDLY
    {"TABDLY", (long)TABDLY},
#endif
#ifdef TCFLSH
    {"TCFLSH", (long)TCFLSH},
#endif
#ifdef TCGETA
    {"TCGETA", (long)TCGETA},
#endif
#ifdef TCGETS
    {"TCGETS", (long)TCGETS},
#endif
#ifdef TCIFLUSH
    {"TCIFLUSH", (long)TCIFLUSH},
#endif
#ifdef TCIOFF
    {"TCIOFF", (long)TCIOFF},
#endif
#ifdef TCIOFLUSH
    {"TCIOFLUSH", (long)TCIOFLUSH},
#endif
#ifdef TCION
    {"TCION", (long)TCION},
#endif
#ifdef TCOFLUSH
    {"TCOFLUSH", (long)TCOFLUSH},
#endif
#ifdef TCOOFF
    {"TCOOFF", (long)TCOOFF},
#endif
#ifdef TCOON
    {"TCOON", (long)TCOON},
#endif
#ifdef TCSADRAIN
    {"TCSADRAIN", (long)TCSADRAIN},
#endif
#ifdef TCSAFLUSH
    {"TCSAFLUSH", (long)TCSAFLUSH},
#endif
#ifdef TCSANOW
    {"TCSANOW", (long)TCSANOW},
#endif
#ifdef TCSBRK
    {"TCSBRK", (long)TCSBRK},
#endif
#ifdef TCSBRKP
    {"TCSBRKP", (long)TCSBRKP},
#endif
#ifdef TCSETA
    {"TCSETA", (long)TCSETA},
#endif
#ifdef TCSETAF
    {"TCSETAF", (long)TCSETAF},
#endif
#ifdef TCSETAW
    {"TCSETAW", (long)TCSETAW},
#endif
#ifdef TCSETS
    {"TCSETS", (long)TCSETS},
#endif
#ifdef TCSETSF
    {"TCSETSF", (long)TCSETSF},
#endif
#ifdef TCSETSW
    {"TCSETSW", (long)TCSETSW},
#endif
#ifdef TCXONC
    {"TCXONC", (long)TCXONC},
#endif
#ifdef TIOCCONS
    {"TIOCCONS", (long)TIOCCONS},
#endif
#ifdef TIOCEXCL
    {"TIOCEXCL", (long)TIOCEXCL},
#endif
#ifdef TIOCGETD
    {"TIOCGETD", (long)TIOCGETD},
#endif
#ifdef TIOCGICOUNT
    {"TIOCGICOUNT", (long)TIOCGICOUNT},
#endif
#ifdef TIOCGLCKTRMIOS
    {"TIOCGLCKTRMIOS", (long)TIOCGLCKTRMIOS},
#endif
#ifdef TIOCGPGRP
    {"TIOCGPGRP", (long)TIOCGPGRP},
#endif
#ifdef TIOCGSERIAL
    {"TIOCGSERIAL", (long)TIOCGSERIAL},
#endif
#ifdef TIOCGSOFTCAR
    {"TIOCGSOFTCAR", (long)TIOCGSOFTCAR},
#endif
#ifdef TIOCGWINSZ
    {"TIOCGWINSZ", (long)TIOCGWINSZ},
#endif
#ifdef TIOCINQ
    {"TIOCINQ", (long)TIOCINQ},
#endif
#ifdef TIOCLINUX
    {"TIOCLINUX", (long)TIOCLINUX},
#endif
#ifdef TIOCMBIC
    {"TIOCMBIC", (long)TIOCMBIC},
#endif
#ifdef TIOCMBIS
    {"TIOCMBIS", (long)TIOCMBIS},
#endif
#ifdef TIOCMGET
    {"TIOCMGET", (long)TIOCMGET},
#endif
#ifdef TIOCMIWAIT
    {"TIOCMIWAIT", (long)TIOCMIWAIT},
#endif
#ifdef TIOCMSET
    {"TIOCMSET", (long)TIOCMSET},
#endif
#ifdef TIOCM_CAR
    {"TIOCM_CAR", (long)TIOCM_CAR},
#endif
#ifdef TIOCM_CD
    {"TIOCM_CD", (long)TIOCM_CD},
#endif
#ifdef TIOCM_CTS
    {"TIOCM_CTS", (long)TIOCM_CTS},
#endif
#ifdef TIOCM_DSR
    {"TIOCM_DSR", (long)TIOCM_DSR},
#endif
#ifdef TIOCM_DTR
    {"TIOCM_DTR", (long)TIOCM_DTR},
#endif
#ifdef TIOCM_LE
    {"TIOCM_LE", (long)TIOCM_LE},
#endif
#ifdef TIOCM_RI
    {"TIOCM_RI", (long)TIOCM_RI},
#endif
#ifdef TIOCM_RNG
    {"TIOCM_RNG", (long)TIOCM_RNG},
#endif
#ifdef TIOCM_RTS
    {"TIOCM_RTS", (long)TIOCM_RTS},
#endif
#ifdef TIOCM_SR
    {"TIOCM_SR", (long)TIOCM_SR},
#endif
#ifdef TIOCM_ST
    {"TIOCM_ST", (long)TIOCM_ST},
#endif
#ifdef TIOCNOTTY
    {"TIOCNOTTY", (long)TIOCNOTTY},
#endif
#ifdef TIOCNXCL
    {"TIOCNXCL", (long)TIOCNXCL},
#endif
#ifdef TIOCOUTQ
    {"TIOCOUTQ", (long)TIOCOUTQ},
#endif
#ifdef TIOCPKT
    {"TIOCPKT", (long)TIOCPKT},
#endif
#ifdef TIOCPKT_DATA
    {"TIOCPKT_DATA", (long)TIOCPKT_DATA},
#endif
#ifdef TIOCPKT_DOSTOP
    {"TIOCPKT_DOSTOP", (long)TIOCPKT_DOSTOP},
#endif
#ifdef TIOCPKT_FLUSHREAD
    {"TIOCPKT_FLUSHREAD", (long)TIOCPKT_FLUSHREAD},
#endif
#ifdef TIOCPKT_FLUSHWRITE
    {"TIOCPKT_FLUSHWRITE", (long)TIOCPKT_FLUSHWRITE},
#endif
#ifdef TIOCPKT_NOSTOP
    {"TIOCPKT_NOSTOP", (long)TIOCPKT_NOSTOP},
#endif
#ifdef TIOCPKT_START
    {"TIOCPKT_START", (long)TIOCPKT_START},
#endif
#ifdef TIOCPKT_STOP
    {"TIOCPKT_STOP", (long)TIOCPKT_STOP},
#endif
#ifdef TIOCSCTTY
    {"TIOCSCTTY", (long)TIOCSCTTY},
#endif
#ifdef TIOCSERCONFIG
    {"TIOCSERCONFIG", (long)TIOCSERCONFIG},
#endif
#ifdef TIOCSERGETLSR
    {"TIOCSERGETLSR", (long)TIOCSERGETLSR},
#endif
#ifdef TIOCSERGETMULTI
    {"TIOCSERGETMULTI", (long)TIOCSERGETMULTI},
#endif
#ifdef TIOCSERGSTRUCT
    {"TIOCSERGSTRUCT", (long)TIOCSERGSTRUCT},
#endif
#ifdef TIOCSERGWILD
    {"TIOCSERGWILD", (long)TIOCSERGWILD},
#endif
#ifdef TIOCSERSETMULTI
    {"TIOCSERSETMULTI", (long)TIOCSERSETMULTI},
#endif
#ifdef TIOCSERSWILD
    {"TIOCSERSWILD", (long)TIOCSERSWILD},
#endif
#ifdef TIOCSER_TEMT
    {"TIOCSER_TEMT", (long)TIOCSER_TEMT},
#endif
#ifdef TIOCSETD
    {"TIOCSETD", (long)TIOCSETD},
#endif
#ifdef TIOCSLCKTRMIOS
    {"TIOCSLCKTRMIOS", (long)TIOCSLCKTRMIOS},
#endif
#ifdef TIOCSPGRP
    {"TIOCSPGRP", (long)TIOCSPGRP},
#endif
#ifdef TIOCSSERIAL
    {"TIOCSSERIAL", (long)TIOCSSERIAL},
#endif
#ifdef TIOCSSOFTCAR
    {"TIOCSSOFTCAR", (long)TIOCSSOFTCAR},
#endif
#ifdef TIOCSTI
    {"TIOCSTI", (long)TIOCSTI},
#endif
#ifdef TIOCSWINSZ
    {"TIOCSWINSZ", (long)TIOCSWINSZ},
#endif
#ifdef TOSTOP
    {"TOSTOP", (long)TOSTOP},
#endif
#ifdef VDISCARD
    {"VDISCARD", (long)VDISCARD},
#endif
#ifdef VEOF
    {"VEOF", (long)VEOF},
#endif
#ifdef VEOL
    {"VEOL", (long)VEOL},
#endif
#ifdef VEOL2
    {"VEOL2", (long)VEOL2},
#endif
#ifdef VERASE
    {"VERASE", (long)VERASE},
#endif
#ifdef VINTR
    {"VINTR", (long)VINTR},
#endif
#ifdef VKILL
    {"VKILL", (long)VKILL},
#endif
#ifdef VLNEXT
    {"VLNEXT", (long)VLNEXT},
#endif
#ifdef VMIN
    {"VMIN", (long)VMIN},
#endif
#ifdef VQUIT
    {"VQUIT", (long)VQUIT},
#endif
#ifdef VREPRINT
    {"VREPRINT", (long)VREPRINT},
#endif
#ifdef VSTART
    {"VSTART", (long)VSTART},
#endif
#ifdef VSTOP
    {"VSTOP", (long)VSTOP},
#endif
#ifdef VSUSP
    {"VSUSP", (long)VSUSP},
#endif
#ifdef VSWTC
    {"VSWTC", (long)VSWTC},
#endif
#ifdef VSWTCH
    {"VSWTCH", (long)VSWTCH},
#elif defined(VSWTC)
    {"VSWTCH", (long)VSWTC}, /* glibc spells it only VSWTC; CPython offers both */
#endif
#ifdef VT0
    {"VT0", (long)VT0},
#endif
#ifdef VT1
    {"VT1", (long)VT1},
#endif
#ifdef VTDLY
    {"VTDLY", (long)VTDLY},
#endif
#ifdef VTIME
    {"VTIME", (long)VTIME},
#endif
#ifdef VWERASE
    {"VWERASE", (long)VWERASE},
#endif
#ifdef XCASE
    {"XCASE", (long)XCASE},
#endif
#ifdef XTABS
    {"XTABS", (long)XTABS},
#endif
#ifdef _POSIX_VDISABLE
    {"_POSIX_VDISABLE", (long)_POSIX_VDISABLE},
#endif
    {NULL, 0},
};

PyObject *PyInit_termios(void)
{
    PyObject *m = PyModule_Create(&termiosmodule);
    if (m == NULL)
        return NULL;
    TermiosState *st = PyModule_GetState(m);
    st->error = PyErr_NewException("termios.error", NULL, NULL);
    if (st->error == NULL || PyModule_AddObjectRef(m, "error", st->error) < 0)
        goto fail;
    for (int i = 0; termios_consts[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, termios_consts[i].name, termios_consts[i].value) < 0)
            goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

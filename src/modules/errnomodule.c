/* The errno module: symbolic error codes. Generated list of names (the ones Linux and
 * CPython 3.13 define); errorcode maps each value to its preferred name. */
#include "Python.h"
#include <errno.h>

static int add_code(PyObject *dict, PyObject *errorcode, const char *name, int code, int in_errorcode)
{
    PyObject *v = PyLong_FromLong(code);
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(dict, name, v);
    if (r == 0 && in_errorcode) {
        PyObject *n = PyUnicode_FromString(name);
        r = n ? PyDict_SetItem(errorcode, v, n) : -1;
        Py_XDECREF(n);
    }
    Py_DECREF(v);
    return r;
}

static struct PyModuleDef errnomodule = {
    PyModuleDef_HEAD_INIT, "errno", "This module makes available standard errno system symbols.", -1,
    NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_errno(void)
{
    PyObject *m = PyModule_Create(&errnomodule);
    PyObject *errorcode = PyDict_New();
    if (m == NULL || errorcode == NULL)
        goto fail;
    PyObject *d = PyModule_GetDict(m);
#ifdef EDEADLK
    if (add_code(d, errorcode, "EDEADLK", EDEADLK, 0) < 0)
        goto fail;
#endif
#ifdef EOPNOTSUPP
    if (add_code(d, errorcode, "EOPNOTSUPP", EOPNOTSUPP, 0) < 0)
        goto fail;
#endif
#ifdef EWOULDBLOCK
    if (add_code(d, errorcode, "EWOULDBLOCK", EWOULDBLOCK, 0) < 0)
        goto fail;
#endif
#ifdef E2BIG
    if (add_code(d, errorcode, "E2BIG", E2BIG, 1) < 0)
        goto fail;
#endif
#ifdef EACCES
    if (add_code(d, errorcode, "EACCES", EACCES, 1) < 0)
        goto fail;
#endif
#ifdef EADDRINUSE
    if (add_code(d, errorcode, "EADDRINUSE", EADDRINUSE, 1) < 0)
        goto fail;
#endif
#ifdef EADDRNOTAVAIL
    if (add_code(d, errorcode, "EADDRNOTAVAIL", EADDRNOTAVAIL, 1) < 0)
        goto fail;
#endif
#ifdef EADV
    if (add_code(d, errorcode, "EADV", EADV, 1) < 0)
        goto fail;
#endif
#ifdef EAFNOSUPPORT
    if (add_code(d, errorcode, "EAFNOSUPPORT", EAFNOSUPPORT, 1) < 0)
        goto fail;
#endif
#ifdef EAGAIN
    if (add_code(d, errorcode, "EAGAIN", EAGAIN, 1) < 0)
        goto fail;
#endif
#ifdef EALREADY
    if (add_code(d, errorcode, "EALREADY", EALREADY, 1) < 0)
        goto fail;
#endif
#ifdef EBADE
    if (add_code(d, errorcode, "EBADE", EBADE, 1) < 0)
        goto fail;
#endif
#ifdef EBADF
    if (add_code(d, errorcode, "EBADF", EBADF, 1) < 0)
        goto fail;
#endif
#ifdef EBADFD
    if (add_code(d, errorcode, "EBADFD", EBADFD, 1) < 0)
        goto fail;
#endif
#ifdef EBADMSG
    if (add_code(d, errorcode, "EBADMSG", EBADMSG, 1) < 0)
        goto fail;
#endif
#ifdef EBADR
    if (add_code(d, errorcode, "EBADR", EBADR, 1) < 0)
        goto fail;
#endif
#ifdef EBADRQC
    if (add_code(d, errorcode, "EBADRQC", EBADRQC, 1) < 0)
        goto fail;
#endif
#ifdef EBADSLT
    if (add_code(d, errorcode, "EBADSLT", EBADSLT, 1) < 0)
        goto fail;
#endif
#ifdef EBFONT
    if (add_code(d, errorcode, "EBFONT", EBFONT, 1) < 0)
        goto fail;
#endif
#ifdef EBUSY
    if (add_code(d, errorcode, "EBUSY", EBUSY, 1) < 0)
        goto fail;
#endif
#ifdef ECANCELED
    if (add_code(d, errorcode, "ECANCELED", ECANCELED, 1) < 0)
        goto fail;
#endif
#ifdef ECHILD
    if (add_code(d, errorcode, "ECHILD", ECHILD, 1) < 0)
        goto fail;
#endif
#ifdef ECHRNG
    if (add_code(d, errorcode, "ECHRNG", ECHRNG, 1) < 0)
        goto fail;
#endif
#ifdef ECOMM
    if (add_code(d, errorcode, "ECOMM", ECOMM, 1) < 0)
        goto fail;
#endif
#ifdef ECONNABORTED
    if (add_code(d, errorcode, "ECONNABORTED", ECONNABORTED, 1) < 0)
        goto fail;
#endif
#ifdef ECONNREFUSED
    if (add_code(d, errorcode, "ECONNREFUSED", ECONNREFUSED, 1) < 0)
        goto fail;
#endif
#ifdef ECONNRESET
    if (add_code(d, errorcode, "ECONNRESET", ECONNRESET, 1) < 0)
        goto fail;
#endif
#ifdef EDEADLOCK
    if (add_code(d, errorcode, "EDEADLOCK", EDEADLOCK, 1) < 0)
        goto fail;
#endif
#ifdef EDESTADDRREQ
    if (add_code(d, errorcode, "EDESTADDRREQ", EDESTADDRREQ, 1) < 0)
        goto fail;
#endif
#ifdef EDOM
    if (add_code(d, errorcode, "EDOM", EDOM, 1) < 0)
        goto fail;
#endif
#ifdef EDOTDOT
    if (add_code(d, errorcode, "EDOTDOT", EDOTDOT, 1) < 0)
        goto fail;
#endif
#ifdef EDQUOT
    if (add_code(d, errorcode, "EDQUOT", EDQUOT, 1) < 0)
        goto fail;
#endif
#ifdef EEXIST
    if (add_code(d, errorcode, "EEXIST", EEXIST, 1) < 0)
        goto fail;
#endif
#ifdef EFAULT
    if (add_code(d, errorcode, "EFAULT", EFAULT, 1) < 0)
        goto fail;
#endif
#ifdef EFBIG
    if (add_code(d, errorcode, "EFBIG", EFBIG, 1) < 0)
        goto fail;
#endif
#ifdef EHOSTDOWN
    if (add_code(d, errorcode, "EHOSTDOWN", EHOSTDOWN, 1) < 0)
        goto fail;
#endif
#ifdef EHOSTUNREACH
    if (add_code(d, errorcode, "EHOSTUNREACH", EHOSTUNREACH, 1) < 0)
        goto fail;
#endif
#ifdef EIDRM
    if (add_code(d, errorcode, "EIDRM", EIDRM, 1) < 0)
        goto fail;
#endif
#ifdef EILSEQ
    if (add_code(d, errorcode, "EILSEQ", EILSEQ, 1) < 0)
        goto fail;
#endif
#ifdef EINPROGRESS
    if (add_code(d, errorcode, "EINPROGRESS", EINPROGRESS, 1) < 0)
        goto fail;
#endif
#ifdef EINTR
    if (add_code(d, errorcode, "EINTR", EINTR, 1) < 0)
        goto fail;
#endif
#ifdef EINVAL
    if (add_code(d, errorcode, "EINVAL", EINVAL, 1) < 0)
        goto fail;
#endif
#ifdef EIO
    if (add_code(d, errorcode, "EIO", EIO, 1) < 0)
        goto fail;
#endif
#ifdef EISCONN
    if (add_code(d, errorcode, "EISCONN", EISCONN, 1) < 0)
        goto fail;
#endif
#ifdef EISDIR
    if (add_code(d, errorcode, "EISDIR", EISDIR, 1) < 0)
        goto fail;
#endif
#ifdef EISNAM
    if (add_code(d, errorcode, "EISNAM", EISNAM, 1) < 0)
        goto fail;
#endif
#ifdef EKEYEXPIRED
    if (add_code(d, errorcode, "EKEYEXPIRED", EKEYEXPIRED, 1) < 0)
        goto fail;
#endif
#ifdef EKEYREJECTED
    if (add_code(d, errorcode, "EKEYREJECTED", EKEYREJECTED, 1) < 0)
        goto fail;
#endif
#ifdef EKEYREVOKED
    if (add_code(d, errorcode, "EKEYREVOKED", EKEYREVOKED, 1) < 0)
        goto fail;
#endif
#ifdef EL2HLT
    if (add_code(d, errorcode, "EL2HLT", EL2HLT, 1) < 0)
        goto fail;
#endif
#ifdef EL2NSYNC
    if (add_code(d, errorcode, "EL2NSYNC", EL2NSYNC, 1) < 0)
        goto fail;
#endif
#ifdef EL3HLT
    if (add_code(d, errorcode, "EL3HLT", EL3HLT, 1) < 0)
        goto fail;
#endif
#ifdef EL3RST
    if (add_code(d, errorcode, "EL3RST", EL3RST, 1) < 0)
        goto fail;
#endif
#ifdef ELIBACC
    if (add_code(d, errorcode, "ELIBACC", ELIBACC, 1) < 0)
        goto fail;
#endif
#ifdef ELIBBAD
    if (add_code(d, errorcode, "ELIBBAD", ELIBBAD, 1) < 0)
        goto fail;
#endif
#ifdef ELIBEXEC
    if (add_code(d, errorcode, "ELIBEXEC", ELIBEXEC, 1) < 0)
        goto fail;
#endif
#ifdef ELIBMAX
    if (add_code(d, errorcode, "ELIBMAX", ELIBMAX, 1) < 0)
        goto fail;
#endif
#ifdef ELIBSCN
    if (add_code(d, errorcode, "ELIBSCN", ELIBSCN, 1) < 0)
        goto fail;
#endif
#ifdef ELNRNG
    if (add_code(d, errorcode, "ELNRNG", ELNRNG, 1) < 0)
        goto fail;
#endif
#ifdef ELOOP
    if (add_code(d, errorcode, "ELOOP", ELOOP, 1) < 0)
        goto fail;
#endif
#ifdef EMEDIUMTYPE
    if (add_code(d, errorcode, "EMEDIUMTYPE", EMEDIUMTYPE, 1) < 0)
        goto fail;
#endif
#ifdef EMFILE
    if (add_code(d, errorcode, "EMFILE", EMFILE, 1) < 0)
        goto fail;
#endif
#ifdef EMLINK
    if (add_code(d, errorcode, "EMLINK", EMLINK, 1) < 0)
        goto fail;
#endif
#ifdef EMSGSIZE
    if (add_code(d, errorcode, "EMSGSIZE", EMSGSIZE, 1) < 0)
        goto fail;
#endif
#ifdef EMULTIHOP
    if (add_code(d, errorcode, "EMULTIHOP", EMULTIHOP, 1) < 0)
        goto fail;
#endif
#ifdef ENAMETOOLONG
    if (add_code(d, errorcode, "ENAMETOOLONG", ENAMETOOLONG, 1) < 0)
        goto fail;
#endif
#ifdef ENAVAIL
    if (add_code(d, errorcode, "ENAVAIL", ENAVAIL, 1) < 0)
        goto fail;
#endif
#ifdef ENETDOWN
    if (add_code(d, errorcode, "ENETDOWN", ENETDOWN, 1) < 0)
        goto fail;
#endif
#ifdef ENETRESET
    if (add_code(d, errorcode, "ENETRESET", ENETRESET, 1) < 0)
        goto fail;
#endif
#ifdef ENETUNREACH
    if (add_code(d, errorcode, "ENETUNREACH", ENETUNREACH, 1) < 0)
        goto fail;
#endif
#ifdef ENFILE
    if (add_code(d, errorcode, "ENFILE", ENFILE, 1) < 0)
        goto fail;
#endif
#ifdef ENOANO
    if (add_code(d, errorcode, "ENOANO", ENOANO, 1) < 0)
        goto fail;
#endif
#ifdef ENOBUFS
    if (add_code(d, errorcode, "ENOBUFS", ENOBUFS, 1) < 0)
        goto fail;
#endif
#ifdef ENOCSI
    if (add_code(d, errorcode, "ENOCSI", ENOCSI, 1) < 0)
        goto fail;
#endif
#ifdef ENODATA
    if (add_code(d, errorcode, "ENODATA", ENODATA, 1) < 0)
        goto fail;
#endif
#ifdef ENODEV
    if (add_code(d, errorcode, "ENODEV", ENODEV, 1) < 0)
        goto fail;
#endif
#ifdef ENOENT
    if (add_code(d, errorcode, "ENOENT", ENOENT, 1) < 0)
        goto fail;
#endif
#ifdef ENOEXEC
    if (add_code(d, errorcode, "ENOEXEC", ENOEXEC, 1) < 0)
        goto fail;
#endif
#ifdef ENOKEY
    if (add_code(d, errorcode, "ENOKEY", ENOKEY, 1) < 0)
        goto fail;
#endif
#ifdef ENOLCK
    if (add_code(d, errorcode, "ENOLCK", ENOLCK, 1) < 0)
        goto fail;
#endif
#ifdef ENOLINK
    if (add_code(d, errorcode, "ENOLINK", ENOLINK, 1) < 0)
        goto fail;
#endif
#ifdef ENOMEDIUM
    if (add_code(d, errorcode, "ENOMEDIUM", ENOMEDIUM, 1) < 0)
        goto fail;
#endif
#ifdef ENOMEM
    if (add_code(d, errorcode, "ENOMEM", ENOMEM, 1) < 0)
        goto fail;
#endif
#ifdef ENOMSG
    if (add_code(d, errorcode, "ENOMSG", ENOMSG, 1) < 0)
        goto fail;
#endif
#ifdef ENONET
    if (add_code(d, errorcode, "ENONET", ENONET, 1) < 0)
        goto fail;
#endif
#ifdef ENOPKG
    if (add_code(d, errorcode, "ENOPKG", ENOPKG, 1) < 0)
        goto fail;
#endif
#ifdef ENOPROTOOPT
    if (add_code(d, errorcode, "ENOPROTOOPT", ENOPROTOOPT, 1) < 0)
        goto fail;
#endif
#ifdef ENOSPC
    if (add_code(d, errorcode, "ENOSPC", ENOSPC, 1) < 0)
        goto fail;
#endif
#ifdef ENOSR
    if (add_code(d, errorcode, "ENOSR", ENOSR, 1) < 0)
        goto fail;
#endif
#ifdef ENOSTR
    if (add_code(d, errorcode, "ENOSTR", ENOSTR, 1) < 0)
        goto fail;
#endif
#ifdef ENOSYS
    if (add_code(d, errorcode, "ENOSYS", ENOSYS, 1) < 0)
        goto fail;
#endif
#ifdef ENOTBLK
    if (add_code(d, errorcode, "ENOTBLK", ENOTBLK, 1) < 0)
        goto fail;
#endif
#ifdef ENOTCONN
    if (add_code(d, errorcode, "ENOTCONN", ENOTCONN, 1) < 0)
        goto fail;
#endif
#ifdef ENOTDIR
    if (add_code(d, errorcode, "ENOTDIR", ENOTDIR, 1) < 0)
        goto fail;
#endif
#ifdef ENOTEMPTY
    if (add_code(d, errorcode, "ENOTEMPTY", ENOTEMPTY, 1) < 0)
        goto fail;
#endif
#ifdef ENOTNAM
    if (add_code(d, errorcode, "ENOTNAM", ENOTNAM, 1) < 0)
        goto fail;
#endif
#ifdef ENOTRECOVERABLE
    if (add_code(d, errorcode, "ENOTRECOVERABLE", ENOTRECOVERABLE, 1) < 0)
        goto fail;
#endif
#ifdef ENOTSOCK
    if (add_code(d, errorcode, "ENOTSOCK", ENOTSOCK, 1) < 0)
        goto fail;
#endif
#ifdef ENOTSUP
    if (add_code(d, errorcode, "ENOTSUP", ENOTSUP, 1) < 0)
        goto fail;
#endif
#ifdef ENOTTY
    if (add_code(d, errorcode, "ENOTTY", ENOTTY, 1) < 0)
        goto fail;
#endif
#ifdef ENOTUNIQ
    if (add_code(d, errorcode, "ENOTUNIQ", ENOTUNIQ, 1) < 0)
        goto fail;
#endif
#ifdef ENXIO
    if (add_code(d, errorcode, "ENXIO", ENXIO, 1) < 0)
        goto fail;
#endif
#ifdef EOVERFLOW
    if (add_code(d, errorcode, "EOVERFLOW", EOVERFLOW, 1) < 0)
        goto fail;
#endif
#ifdef EOWNERDEAD
    if (add_code(d, errorcode, "EOWNERDEAD", EOWNERDEAD, 1) < 0)
        goto fail;
#endif
#ifdef EPERM
    if (add_code(d, errorcode, "EPERM", EPERM, 1) < 0)
        goto fail;
#endif
#ifdef EPFNOSUPPORT
    if (add_code(d, errorcode, "EPFNOSUPPORT", EPFNOSUPPORT, 1) < 0)
        goto fail;
#endif
#ifdef EPIPE
    if (add_code(d, errorcode, "EPIPE", EPIPE, 1) < 0)
        goto fail;
#endif
#ifdef EPROTO
    if (add_code(d, errorcode, "EPROTO", EPROTO, 1) < 0)
        goto fail;
#endif
#ifdef EPROTONOSUPPORT
    if (add_code(d, errorcode, "EPROTONOSUPPORT", EPROTONOSUPPORT, 1) < 0)
        goto fail;
#endif
#ifdef EPROTOTYPE
    if (add_code(d, errorcode, "EPROTOTYPE", EPROTOTYPE, 1) < 0)
        goto fail;
#endif
#ifdef ERANGE
    if (add_code(d, errorcode, "ERANGE", ERANGE, 1) < 0)
        goto fail;
#endif
#ifdef EREMCHG
    if (add_code(d, errorcode, "EREMCHG", EREMCHG, 1) < 0)
        goto fail;
#endif
#ifdef EREMOTE
    if (add_code(d, errorcode, "EREMOTE", EREMOTE, 1) < 0)
        goto fail;
#endif
#ifdef EREMOTEIO
    if (add_code(d, errorcode, "EREMOTEIO", EREMOTEIO, 1) < 0)
        goto fail;
#endif
#ifdef ERESTART
    if (add_code(d, errorcode, "ERESTART", ERESTART, 1) < 0)
        goto fail;
#endif
#ifdef ERFKILL
    if (add_code(d, errorcode, "ERFKILL", ERFKILL, 1) < 0)
        goto fail;
#endif
#ifdef EROFS
    if (add_code(d, errorcode, "EROFS", EROFS, 1) < 0)
        goto fail;
#endif
#ifdef ESHUTDOWN
    if (add_code(d, errorcode, "ESHUTDOWN", ESHUTDOWN, 1) < 0)
        goto fail;
#endif
#ifdef ESOCKTNOSUPPORT
    if (add_code(d, errorcode, "ESOCKTNOSUPPORT", ESOCKTNOSUPPORT, 1) < 0)
        goto fail;
#endif
#ifdef ESPIPE
    if (add_code(d, errorcode, "ESPIPE", ESPIPE, 1) < 0)
        goto fail;
#endif
#ifdef ESRCH
    if (add_code(d, errorcode, "ESRCH", ESRCH, 1) < 0)
        goto fail;
#endif
#ifdef ESRMNT
    if (add_code(d, errorcode, "ESRMNT", ESRMNT, 1) < 0)
        goto fail;
#endif
#ifdef ESTALE
    if (add_code(d, errorcode, "ESTALE", ESTALE, 1) < 0)
        goto fail;
#endif
#ifdef ESTRPIPE
    if (add_code(d, errorcode, "ESTRPIPE", ESTRPIPE, 1) < 0)
        goto fail;
#endif
#ifdef ETIME
    if (add_code(d, errorcode, "ETIME", ETIME, 1) < 0)
        goto fail;
#endif
#ifdef ETIMEDOUT
    if (add_code(d, errorcode, "ETIMEDOUT", ETIMEDOUT, 1) < 0)
        goto fail;
#endif
#ifdef ETOOMANYREFS
    if (add_code(d, errorcode, "ETOOMANYREFS", ETOOMANYREFS, 1) < 0)
        goto fail;
#endif
#ifdef ETXTBSY
    if (add_code(d, errorcode, "ETXTBSY", ETXTBSY, 1) < 0)
        goto fail;
#endif
#ifdef EUCLEAN
    if (add_code(d, errorcode, "EUCLEAN", EUCLEAN, 1) < 0)
        goto fail;
#endif
#ifdef EUNATCH
    if (add_code(d, errorcode, "EUNATCH", EUNATCH, 1) < 0)
        goto fail;
#endif
#ifdef EUSERS
    if (add_code(d, errorcode, "EUSERS", EUSERS, 1) < 0)
        goto fail;
#endif
#ifdef EXDEV
    if (add_code(d, errorcode, "EXDEV", EXDEV, 1) < 0)
        goto fail;
#endif
#ifdef EXFULL
    if (add_code(d, errorcode, "EXFULL", EXFULL, 1) < 0)
        goto fail;
#endif
    if (PyModule_Add(m, "errorcode", errorcode) < 0) {
        errorcode = NULL;
        goto fail;
    }
    return m;
fail:
    Py_XDECREF(errorcode);
    Py_XDECREF(m);
    return NULL;
}

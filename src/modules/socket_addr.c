/* _socket addresses: Python address objects <-> struct sockaddr, name resolution
 * (getaddrinfo, getnameinfo, gethostbyname, ...) and the inet_* / byte-order helpers.
 * Every resolver call runs with the GIL released. */
#include "_socket_internal.h"
#include <errno.h>
#include <string.h>
#include <stddef.h>
#include <unistd.h>
#include <netdb.h>
#include <arpa/inet.h>

int _KrSocket_SetGaiError(int code)
{
    if (code == EAI_SYSTEM) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    KrSocketState *st = _KrSocket_State();
    PyObject *exc = st != NULL ? st->gaierror : PyExc_OSError;
    PyObject *v = Py_BuildValue("(is)", code, gai_strerror(code));
    if (v != NULL) {
        PyErr_SetObject(exc, v);
        Py_DECREF(v);
    }
    return -1;
}

/* str (IDNA/ASCII-encoded), bytes or bytearray -> bytes; None -> NULL. */
int _KrSocket_HostConverter(PyObject *obj, void *out)
{
    PyObject **res = out;
    if (obj == Py_None) {
        *res = NULL;
        return 1;
    }
    if (PyUnicode_Check(obj)) {
        /* Only ASCII names are supported; IDNA would encode others. */
        *res = PyUnicode_AsEncodedString(obj, "ascii", NULL);
        if (*res == NULL) {
            if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
                PyErr_Clear();
                *res = PyUnicode_AsEncodedString(obj, "utf-8", NULL);
            }
            if (*res == NULL)
                return 0;
        }
        return 1;
    }
    if (PyBytes_Check(obj)) {
        *res = Py_NewRef(obj);
        return 1;
    }
    if (PyByteArray_Check(obj)) {
        *res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(obj), PyByteArray_GET_SIZE(obj));
        return *res != NULL;
    }
    PyErr_Format(PyExc_TypeError, "str, bytes or bytearray expected, not %s", Py_TYPE(obj)->tp_name);
    return 0;
}

static PyObject *host_bytes(PyObject *obj)
{
    PyObject *b;
    if (!_KrSocket_HostConverter(obj, &b))
        return NULL;
    if (b == NULL) {
        PyErr_Format(PyExc_TypeError, "str, bytes or bytearray expected, not %s", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
        Py_DECREF(b);
        PyErr_SetString(PyExc_TypeError, "host name must not contain null character");
        return NULL;
    }
    return b;
}

/* Resolves host into addr for family af ('' is the wildcard address). */
int _KrSocket_SetIPAddr(PyObject *hostobj, struct sockaddr *addr, size_t addr_size, int af)
{
    PyObject *hb = host_bytes(hostobj);
    if (hb == NULL)
        return -1;
    const char *name = PyBytes_AS_STRING(hb);
    memset(addr, 0, addr_size);
    if (name[0] == '\0') {
        if (af == AF_INET6) {
            struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
            a6->sin6_family = AF_INET6;
            a6->sin6_addr = in6addr_any;
        }
        else {
            struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
            a4->sin_family = AF_INET;
            a4->sin_addr.s_addr = htonl(INADDR_ANY);
        }
        Py_DECREF(hb);
        return af == AF_INET6 ? AF_INET6 : AF_INET;
    }
    if (af == AF_INET && (strcmp(name, "<broadcast>") == 0 || strcmp(name, "255.255.255.255") == 0)) {
        struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
        a4->sin_family = AF_INET;
        a4->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        Py_DECREF(hb);
        return AF_INET;
    }
    if (af == AF_INET) {
        struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
        if (inet_pton(AF_INET, name, &a4->sin_addr) == 1) {
            a4->sin_family = AF_INET;
            Py_DECREF(hb);
            return AF_INET;
        }
    }
    if (af == AF_INET6) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
        if (inet_pton(AF_INET6, name, &a6->sin6_addr) == 1) {
            a6->sin6_family = AF_INET6;
            Py_DECREF(hb);
            return AF_INET6;
        }
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = af;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = getaddrinfo(name, NULL, &hints, &res);
    Py_END_ALLOW_THREADS
    Py_DECREF(hb);
    if (rc != 0)
        return _KrSocket_SetGaiError(rc);
    size_t n = res->ai_addrlen < addr_size ? res->ai_addrlen : addr_size;
    memcpy(addr, res->ai_addr, n);
    int fam = res->ai_family;
    freeaddrinfo(res);
    return fam;
}

PyObject *_KrSocket_IPString(const struct sockaddr *addr)
{
    char buf[INET6_ADDRSTRLEN];
    const void *src = addr->sa_family == AF_INET6 ? (const void *)&((const struct sockaddr_in6 *)addr)->sin6_addr
                                                  : (const void *)&((const struct sockaddr_in *)addr)->sin_addr;
    if (inet_ntop(addr->sa_family, src, buf, sizeof(buf)) == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyUnicode_FromString(buf);
}

PyObject *_KrSocket_MakeAddr(const struct sockaddr *addr, socklen_t len, int proto)
{
    if (len == 0)
        Py_RETURN_NONE;
    switch (addr->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)addr;
        PyObject *ip = _KrSocket_IPString(addr);
        if (ip == NULL)
            return NULL;
        return Py_BuildValue("(Ni)", ip, ntohs(a->sin_port));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)addr;
        PyObject *ip = _KrSocket_IPString(addr);
        if (ip == NULL)
            return NULL;
        return Py_BuildValue("(NiII)", ip, ntohs(a->sin6_port), (unsigned int)ntohl(a->sin6_flowinfo),
                             (unsigned int)a->sin6_scope_id);
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)addr;
        size_t plen = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (plen > 0 && a->sun_path[0] == '\0')
            return PyBytes_FromStringAndSize(a->sun_path, (Py_ssize_t)plen); /* abstract name */
        size_t n = strnlen(a->sun_path, plen);
        return PyUnicode_DecodeFSDefaultAndSize(a->sun_path, (Py_ssize_t)n);
    }
    default:
        return Py_BuildValue("(iy#)", addr->sa_family, addr->sa_data, (Py_ssize_t)sizeof(addr->sa_data));
    }
}

static int parse_port(PyObject *obj, int *port, const char *caller)
{
    PyObject *idx = PyNumber_Index(obj);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v < 0 || v > 0xffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *port = (int)v;
    return 0;
}

int _KrSocket_ParseAddr(KrSocketObject *s, PyObject *args, kr_sockaddr *addr, socklen_t *len,
                        const char *caller)
{
    memset(addr, 0, sizeof(*addr));
    switch (s->sock_family) {
    case AF_UNIX: {
        PyObject *path;
        if (PyUnicode_Check(args)) {
            path = PyUnicode_EncodeFSDefault(args);
            if (path == NULL)
                return -1;
        }
        else {
            Py_buffer view;
            if (PyObject_GetBuffer(args, &view, PyBUF_SIMPLE) < 0)
                return -1;
            path = PyBytes_FromStringAndSize(view.buf, view.len);
            PyBuffer_Release(&view);
            if (path == NULL)
                return -1;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(path);
        if ((size_t)n >= sizeof(addr->un.sun_path)) {
            Py_DECREF(path);
            PyErr_SetString(PyExc_OSError, "AF_UNIX path too long");
            return -1;
        }
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, PyBytes_AS_STRING(path), (size_t)n);
        /* Abstract names are length-delimited; filesystem paths are NUL-terminated. */
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n +
                           (n > 0 && PyBytes_AS_STRING(path)[0] == '\0' ? 0 : 1));
        Py_DECREF(path);
        return 0;
    }
    case AF_INET: {
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_INET address must be tuple, not %.500s", caller,
                         Py_TYPE(args)->tp_name);
            return -1;
        }
        if (PyTuple_GET_SIZE(args) != 2) {
            PyErr_SetString(PyExc_TypeError, "AF_INET address must be a pair (host, port)");
            return -1;
        }
        PyObject *hb;
        if (!_KrSocket_HostConverter(PyTuple_GET_ITEM(args, 0), &hb))
            return -1;
        if (hb == NULL) {
            PyErr_SetString(PyExc_TypeError, "str, bytes or bytearray expected, not NoneType");
            return -1;
        }
        int port;
        if (parse_port(PyTuple_GET_ITEM(args, 1), &port, caller) < 0) {
            Py_DECREF(hb);
            return -1;
        }
        int r = _KrSocket_SetIPAddr(hb, &addr->sa, sizeof(addr->in4), AF_INET);
        Py_DECREF(hb);
        if (r < 0)
            return -1;
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_port = htons((uint16_t)port);
        *len = sizeof(addr->in4);
        return 0;
    }
    case AF_INET6: {
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_INET6 address must be tuple, not %.500s", caller,
                         Py_TYPE(args)->tp_name);
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        if (n < 2 || n > 4) {
            PyErr_SetString(PyExc_TypeError,
                            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        PyObject *hb;
        if (!_KrSocket_HostConverter(PyTuple_GET_ITEM(args, 0), &hb))
            return -1;
        if (hb == NULL) {
            PyErr_SetString(PyExc_TypeError, "str, bytes or bytearray expected, not NoneType");
            return -1;
        }
        int port;
        unsigned long flowinfo = 0, scope_id = 0;
        if (parse_port(PyTuple_GET_ITEM(args, 1), &port, caller) < 0)
            goto fail6;
        if (n > 2) {
            flowinfo = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(args, 2));
            if (PyErr_Occurred())
                goto fail6;
            if (flowinfo > 0xfffff) {
                PyErr_Format(PyExc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
                goto fail6;
            }
        }
        if (n > 3) {
            scope_id = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(args, 3));
            if (PyErr_Occurred())
                goto fail6;
        }
        if (_KrSocket_SetIPAddr(hb, &addr->sa, sizeof(addr->in6), AF_INET6) < 0)
            goto fail6;
        Py_DECREF(hb);
        addr->in6.sin6_family = AF_INET6;
        addr->in6.sin6_port = htons((uint16_t)port);
        addr->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        addr->in6.sin6_scope_id = (uint32_t)scope_id;
        *len = sizeof(addr->in6);
        return 0;
    fail6:
        Py_DECREF(hb);
        return -1;
    }
    default:
        PyErr_Format(PyExc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

/* ---- resolver functions ------------------------------------------------------------------- */

static PyObject *mod_getaddrinfo(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    PyObject *hosto, *porto;
    int family = AF_UNSPEC, socktype = 0, proto = 0, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|iiii:getaddrinfo", kwlist, &hosto, &porto,
                                     &family, &socktype, &proto, &flags))
        return NULL;
    PyObject *hb = NULL, *pb = NULL;
    if (!_KrSocket_HostConverter(hosto, &hb))
        return NULL;
    char portbuf[32];
    const char *port = NULL;
    if (PyLong_CheckExact(porto) || PyLong_Check(porto)) {
        long v = PyLong_AsLong(porto);
        if (v == -1 && PyErr_Occurred()) {
            Py_XDECREF(hb);
            return NULL;
        }
        snprintf(portbuf, sizeof(portbuf), "%ld", v);
        port = portbuf;
    }
    else if (PyUnicode_Check(porto)) {
        pb = PyUnicode_AsUTF8String(porto);
        if (pb == NULL) {
            Py_XDECREF(hb);
            return NULL;
        }
        port = PyBytes_AS_STRING(pb);
    }
    else if (PyBytes_Check(porto)) {
        pb = Py_NewRef(porto);
        port = PyBytes_AS_STRING(pb);
    }
    else if (porto != Py_None) {
        Py_XDECREF(hb);
        PyErr_SetString(PyExc_OSError, "Int or String expected");
        return NULL;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    const char *host = hb != NULL ? PyBytes_AS_STRING(hb) : NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = getaddrinfo(host, port, &hints, &res);
    Py_END_ALLOW_THREADS
    Py_XDECREF(hb);
    Py_XDECREF(pb);
    if (rc != 0) {
        _KrSocket_SetGaiError(rc);
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL)
        goto done;
    for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
        PyObject *addr = _KrSocket_MakeAddr(ai->ai_addr, ai->ai_addrlen, proto);
        if (addr == NULL)
            goto fail;
        PyObject *item = Py_BuildValue("(iiisN)", ai->ai_family, ai->ai_socktype, ai->ai_protocol,
                                       ai->ai_canonname ? ai->ai_canonname : "", addr);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
    }
    goto done;
fail:
    Py_CLEAR(list);
done:
    if (res != NULL)
        freeaddrinfo(res);
    return list;
}

static PyObject *mod_getnameinfo(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getnameinfo", nargs, 2, 2))
        return NULL;
    PyObject *sa = args[0];
    int flags = PyLong_AsInt(args[1]);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    if (!PyTuple_Check(sa)) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(sa);
    if (n < 2 || n > 4) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo(): illegal sockaddr argument");
        return NULL;
    }
    PyObject *hb;
    if (!_KrSocket_HostConverter(PyTuple_GET_ITEM(sa, 0), &hb))
        return NULL;
    if (hb == NULL) {
        PyErr_SetString(PyExc_TypeError, "str, bytes or bytearray expected, not NoneType");
        return NULL;
    }
    int port;
    if (parse_port(PyTuple_GET_ITEM(sa, 1), &port, "getnameinfo") < 0) {
        Py_DECREF(hb);
        return NULL;
    }
    unsigned long flowinfo = 0, scope_id = 0;
    if (n > 2) {
        flowinfo = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(sa, 2));
        if (PyErr_Occurred()) {
            Py_DECREF(hb);
            return NULL;
        }
        if (flowinfo > 0xfffff) {
            Py_DECREF(hb);
            PyErr_SetString(PyExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
            return NULL;
        }
    }
    if (n > 3) {
        scope_id = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(sa, 3));
        if (PyErr_Occurred()) {
            Py_DECREF(hb);
            return NULL;
        }
    }
    char portstr[16];
    snprintf(portstr, sizeof(portstr), "%d", port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = getaddrinfo(PyBytes_AS_STRING(hb), portstr, &hints, &res);
    Py_END_ALLOW_THREADS
    Py_DECREF(hb);
    if (rc != 0)
        return _KrSocket_SetGaiError(rc), NULL;
    if (res->ai_next != NULL) {
        freeaddrinfo(res);
        PyErr_SetString(PyExc_OSError, "sockaddr resolved to multiple addresses");
        return NULL;
    }
    kr_sockaddr addr;
    memset(&addr, 0, sizeof(addr));
    memcpy(&addr, res->ai_addr, res->ai_addrlen < sizeof(addr) ? res->ai_addrlen : sizeof(addr));
    socklen_t alen = res->ai_addrlen;
    int fam = res->ai_family;
    freeaddrinfo(res);
    if (fam == AF_INET) {
        if (n != 2) {
            PyErr_SetString(PyExc_OSError, "IPv4 sockaddr must be 2 tuple");
            return NULL;
        }
    }
    else if (fam == AF_INET6) {
        addr.in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        addr.in6.sin6_scope_id = (uint32_t)scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    Py_BEGIN_ALLOW_THREADS
    rc = getnameinfo(&addr.sa, alen, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf), flags);
    Py_END_ALLOW_THREADS
    if (rc != 0)
        return _KrSocket_SetGaiError(rc), NULL;
    return Py_BuildValue("(ss)", hbuf, sbuf);
}

static PyObject *mod_gethostname(PyObject *m, PyObject *unused)
{
    char buf[1024];
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = gethostname(buf, sizeof(buf) - 1);
    Py_END_ALLOW_THREADS
    if (rc < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    buf[sizeof(buf) - 1] = '\0';
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *mod_gethostbyname(PyObject *m, PyObject *arg)
{
    kr_sockaddr addr;
    if (_KrSocket_SetIPAddr(arg, &addr.sa, sizeof(addr.in4), AF_INET) < 0)
        return NULL;
    return _KrSocket_IPString(&addr.sa);
}

/* (hostname, aliases, addresses) for the IPv4 addresses of a name. */
static PyObject *mod_gethostbyname_ex(PyObject *m, PyObject *arg)
{
    PyObject *hb = host_bytes(arg);
    if (hb == NULL)
        return NULL;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_CANONNAME;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = getaddrinfo(PyBytes_AS_STRING(hb), NULL, &hints, &res);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        Py_DECREF(hb);
        return _KrSocket_SetGaiError(rc), NULL;
    }
    PyObject *addrs = PyList_New(0), *aliases = PyList_New(0), *name = NULL, *result = NULL;
    if (addrs == NULL || aliases == NULL)
        goto done;
    name = PyUnicode_FromString(res->ai_canonname ? res->ai_canonname : PyBytes_AS_STRING(hb));
    if (name == NULL)
        goto done;
    for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
        PyObject *ip = _KrSocket_IPString(ai->ai_addr);
        if (ip == NULL)
            goto done;
        int c = PySequence_Contains(addrs, ip);
        if (c < 0 || (c == 0 && PyList_Append(addrs, ip) < 0)) {
            Py_DECREF(ip);
            goto done;
        }
        Py_DECREF(ip);
    }
    result = PyTuple_Pack(3, name, aliases, addrs);
done:
    freeaddrinfo(res);
    Py_DECREF(hb);
    Py_XDECREF(name);
    Py_XDECREF(aliases);
    Py_XDECREF(addrs);
    return result;
}

static PyObject *mod_gethostbyaddr(PyObject *m, PyObject *arg)
{
    kr_sockaddr addr;
    int fam = _KrSocket_SetIPAddr(arg, &addr.sa, sizeof(addr), AF_UNSPEC);
    if (fam < 0)
        return NULL;
    char hbuf[NI_MAXHOST];
    socklen_t alen = fam == AF_INET6 ? sizeof(addr.in6) : sizeof(addr.in4);
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = getnameinfo(&addr.sa, alen, hbuf, sizeof(hbuf), NULL, 0, NI_NAMEREQD);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        KrSocketState *st = _KrSocket_State();
        PyObject *v = Py_BuildValue("(is)", 1, "Unknown host");
        if (v != NULL) {
            PyErr_SetObject(st != NULL ? st->herror : PyExc_OSError, v);
            Py_DECREF(v);
        }
        return NULL;
    }
    PyObject *ip = _KrSocket_IPString(&addr.sa);
    if (ip == NULL)
        return NULL;
    return Py_BuildValue("(s[][N])", hbuf, ip);
}

static PyObject *mod_getservbyname(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getservbyname", nargs, 1, 2))
        return NULL;
    const char *name = PyUnicode_AsUTF8(args[0]);
    if (name == NULL)
        return NULL;
    const char *proto = NULL;
    if (nargs > 1 && (proto = PyUnicode_AsUTF8(args[1])) == NULL)
        return NULL;
    struct servent *sp;
    Py_BEGIN_ALLOW_THREADS
    sp = getservbyname(name, proto);
    Py_END_ALLOW_THREADS
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "service/proto not found");
        return NULL;
    }
    return PyLong_FromLong((long)ntohs((uint16_t)sp->s_port));
}

static PyObject *mod_getservbyport(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getservbyport", nargs, 1, 2))
        return NULL;
    int port = PyLong_AsInt(args[0]);
    if (port == -1 && PyErr_Occurred())
        return NULL;
    if (port < 0 || port > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    const char *proto = NULL;
    if (nargs > 1 && (proto = PyUnicode_AsUTF8(args[1])) == NULL)
        return NULL;
    struct servent *sp;
    Py_BEGIN_ALLOW_THREADS
    sp = getservbyport(htons((uint16_t)port), proto);
    Py_END_ALLOW_THREADS
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "port/proto not found");
        return NULL;
    }
    return PyUnicode_FromString(sp->s_name);
}

static PyObject *mod_getprotobyname(PyObject *m, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL)
        return NULL;
    struct protoent *sp = getprotobyname(name);
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "protocol not found");
        return NULL;
    }
    return PyLong_FromLong((long)sp->p_proto);
}

/* ---- address text <-> packed ------------------------------------------------------------ */

static PyObject *mod_inet_aton(PyObject *m, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL)
        return NULL;
    struct in_addr a;
    /* inet_aton accepts the legacy short forms ("1.2.3"), as CPython's does. */
    if (inet_aton(s, &a) == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)&a, sizeof(a));
}

static PyObject *mod_inet_ntoa(PyObject *m, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    if (view.len != 4) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    struct in_addr a;
    memcpy(&a, view.buf, 4);
    PyBuffer_Release(&view);
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, buf, sizeof(buf));
    return PyUnicode_FromString(buf);
}

static PyObject *mod_inet_pton(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("inet_pton", nargs, 2, 2))
        return NULL;
    int af = PyLong_AsInt(args[0]);
    if (af == -1 && PyErr_Occurred())
        return NULL;
    const char *s = PyUnicode_AsUTF8(args[1]);
    if (s == NULL)
        return NULL;
    unsigned char buf[16];
    int rc = inet_pton(af, s, buf);
    if (rc < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    if (rc == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)buf, af == AF_INET ? 4 : 16);
}

static PyObject *mod_inet_ntop(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("inet_ntop", nargs, 2, 2))
        return NULL;
    int af = PyLong_AsInt(args[0]);
    if (af == -1 && PyErr_Occurred())
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    char buf[INET6_ADDRSTRLEN];
    unsigned char packed[16];
    if (af == AF_INET || af == AF_INET6) {
        if (view.len != (af == AF_INET ? 4 : 16)) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "invalid length of packed IP address string");
            return NULL;
        }
    }
    else {
        PyBuffer_Release(&view);
        PyErr_Format(PyExc_ValueError, "unknown address family %d", af);
        return NULL;
    }
    memcpy(packed, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    if (inet_ntop(af, packed, buf, sizeof(buf)) == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyUnicode_FromString(buf);
}

/* ---- byte order ------------------------------------------------------------------------- */

static int unsigned_arg(PyObject *arg, unsigned long limit, const char *name, int bits,
                        unsigned long *out)
{
    if (!PyLong_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    if (bits == 16) {
        int overflow = 0;
        long v = PyLong_AsLongAndOverflow(arg, &overflow);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (overflow < 0 || (!overflow && v < 0)) {
            PyErr_Format(PyExc_OverflowError,
                         "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
            return -1;
        }
        if (overflow > 0 || (unsigned long)v > limit) {
            PyErr_Format(PyExc_OverflowError,
                         "%s: Python int too large to convert to C 16-bit unsigned integer", name);
            return -1;
        }
        *out = (unsigned long)v;
        return 0;
    }
    if (PyObject_RichCompareBool(arg, _PyLong_GetZero(), Py_LT) == 1) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    unsigned long v = PyLong_AsUnsignedLong(arg);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    if (v > limit) {
        PyErr_SetString(PyExc_OverflowError, "int larger than 32 bits");
        return -1;
    }
    *out = v;
    return 0;
}

static PyObject *mod_htons(PyObject *m, PyObject *arg)
{
    unsigned long v;
    if (unsigned_arg(arg, 0xffff, "htons", 16, &v) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(htons((uint16_t)v));
}

static PyObject *mod_ntohs(PyObject *m, PyObject *arg)
{
    unsigned long v;
    if (unsigned_arg(arg, 0xffff, "ntohs", 16, &v) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(ntohs((uint16_t)v));
}

static PyObject *mod_htonl(PyObject *m, PyObject *arg)
{
    unsigned long v;
    if (unsigned_arg(arg, 0xffffffffUL, "htonl", 32, &v) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(htonl((uint32_t)v));
}

static PyObject *mod_ntohl(PyObject *m, PyObject *arg)
{
    unsigned long v;
    if (unsigned_arg(arg, 0xffffffffUL, "ntohl", 32, &v) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(ntohl((uint32_t)v));
}

PyMethodDef _KrSocket_AddrFunctions[] = {
    {"getaddrinfo", _PyCFunction_CAST(mod_getaddrinfo), METH_VARARGS | METH_KEYWORDS, "Resolve host and port into addrinfo struct."},
    {"getnameinfo", _PyCFunction_CAST(mod_getnameinfo), METH_FASTCALL, "Get host and port for a sockaddr."},
    {"gethostname", mod_gethostname, METH_NOARGS, "Return the current host name."},
    {"gethostbyname", mod_gethostbyname, METH_O, "Return the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", mod_gethostbyname_ex, METH_O, "Return the true host name, a list of aliases, and a list of IP addresses, for a host."},
    {"gethostbyaddr", mod_gethostbyaddr, METH_O, "Return the true host name, a list of aliases, and a list of IP addresses, for a host."},
    {"getservbyname", _PyCFunction_CAST(mod_getservbyname), METH_FASTCALL, "Return a port number from a service name and protocol name."},
    {"getservbyport", _PyCFunction_CAST(mod_getservbyport), METH_FASTCALL, "Return the service name from a port number and protocol name."},
    {"getprotobyname", mod_getprotobyname, METH_O, "Return the protocol number for the named protocol."},
    {"inet_aton", mod_inet_aton, METH_O, "Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary format."},
    {"inet_ntoa", mod_inet_ntoa, METH_O, "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", _PyCFunction_CAST(mod_inet_pton), METH_FASTCALL, "Convert an IP address from string format to a packed string suitable for use with low-level network functions."},
    {"inet_ntop", _PyCFunction_CAST(mod_inet_ntop), METH_FASTCALL, "Convert a packed IP address of the given family to string format."},
    {"htons", mod_htons, METH_O, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", mod_ntohs, METH_O, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", mod_htonl, METH_O, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", mod_ntohl, METH_O, "Convert a 32-bit integer from network to host byte order."},
    {NULL, NULL, 0, NULL},
};

/* Shared between the _socket module's files: the socket object, address conversion and
 * the module's exception classes. */
#ifndef KR_SOCKET_INTERNAL_H
#define KR_SOCKET_INTERNAL_H
#include "Python.h"
#include <stdint.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

typedef struct {
    PyObject_HEAD
    int sock_fd;
    int sock_family;
    int sock_type;
    int sock_proto;
    int64_t sock_timeout; /* nanoseconds; -1: blocking without a timeout */
} KrSocketObject;

typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} kr_sockaddr;

/* Module state: found through sys.modules because the socket type is static. */
typedef struct {
    PyObject *gaierror;
    PyObject *herror;
    int64_t default_timeout; /* -1: None */
} KrSocketState;

KrSocketState *_KrSocket_State(void);
extern PyTypeObject _KrSocket_Type;

/* socket_addr.c */
int _KrSocket_SetGaiError(int code);
int _KrSocket_ParseAddr(KrSocketObject *s, PyObject *args, kr_sockaddr *addr, socklen_t *len,
                        const char *caller);
int _KrSocket_SetIPAddr(PyObject *host, struct sockaddr *addr, size_t addr_size, int af);
PyObject *_KrSocket_MakeAddr(const struct sockaddr *addr, socklen_t len, int proto);
PyObject *_KrSocket_IPString(const struct sockaddr *addr);
int _KrSocket_HostConverter(PyObject *obj, void *out); /* PyObject ** bytes or NULL(None) */
extern PyMethodDef _KrSocket_AddrFunctions[];

/* socketmodule.c */
int _KrSocket_TimeoutFromObject(PyObject *obj, int64_t *out);
#endif

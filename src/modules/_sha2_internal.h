/* Shared between the files of the _sha2 module: the HMAC-SHA256 based PBKDF2 that
 * scrypt builds on, and scrypt itself. Not a public header. */
#ifndef KR_SHA2_INTERNAL_H
#define KR_SHA2_INTERNAL_H
#include "Python.h"

/* PBKDF2 with HMAC-SHA256 (RFC 8018). Touches no Python object, so callers may run it
 * with the GIL released. */
void _KrSha256_PBKDF2(const unsigned char *password, size_t pwlen, const unsigned char *salt,
                      size_t saltlen, unsigned long iterations, unsigned char *out, size_t outlen);

/* hashlib.scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64) */
PyObject *_KrSha2_scrypt(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames);
#endif

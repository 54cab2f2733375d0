/* Hashing (src/vm/pyhash.c): siphash13 for str/bytes keyed from PYTHONHASHSEED exactly as
 * CPython derives it, and the numeric hash modulo 2**61-1. */
#ifndef KR_PYHASH_H
#define KR_PYHASH_H
#include "object.h"
#define _PyHASH_BITS 61
#define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#define _PyHASH_INF 314159
#define _PyHASH_IMAG 1000003UL
#define _PyHASH_MULTIPLIER 1000003UL
Py_hash_t _Py_HashBytes(const void *, Py_ssize_t);
Py_hash_t _Py_HashPointer(const void *);
Py_hash_t Py_HashPointer(const void *);
Py_hash_t _Py_HashPointerRaw(const void *);
/* Set up the hash secret from PYTHONHASHSEED (NULL/"random" => random key). */
int _Py_HashRandomization_Init(const char *seed_text);
#endif

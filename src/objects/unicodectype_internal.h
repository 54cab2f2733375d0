/* unicodedata-level lookups over the generated tables (src/objects/unicodectype.c),
 * used by the unicodedata module and normalization. */
#ifndef KR_UNICODECTYPE_INTERNAL_H
#define KR_UNICODECTYPE_INTERNAL_H
#include "Python.h"
const char *_KrUcd_Category(Py_UCS4);
const char *_KrUcd_Bidirectional(Py_UCS4);
const char *_KrUcd_EastAsianWidth(Py_UCS4);
int _KrUcd_Combining(Py_UCS4);
int _KrUcd_Mirrored(Py_UCS4);
/* bit0 NFD_QC=N, bit1 NFKD_QC=N, bits2-3 NFC_QC (1 N, 2 M), bits4-5 NFKC_QC */
int _KrUcd_QuickCheck(Py_UCS4);
const char *_KrUcd_Version(void);
int _KrUcd_Decomposition(Py_UCS4 ch, Py_UCS4 *out, int *prefix);
const char *_KrUcd_DecompPrefix(int prefix);
Py_UCS4 _KrUcd_Compose(Py_UCS4 a, Py_UCS4 b);
#endif

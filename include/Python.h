/* Everything a part of Krait (or a C extension module) needs: the object model, the
 * built-in types, the protocols and the runtime. Internal headers (include/internal/)
 * are included explicitly by the code that needs them. */
#ifndef KR_PYTHON_H
#define KR_PYTHON_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <assert.h>
#include <errno.h>

#include "object.h"
#include "pymem.h"
#include "pystate.h"
#include "pyerrors.h"
#include "abstract.h"
#include "pyhash.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "rangeobject.h"
#include "funcobject.h"
#include "descrobject.h"
#include "moduleobject.h"
#include "code.h"
#include "frameobject.h"
#include "genobject.h"
#include "traceback.h"
#include "weakrefobject.h"
#include "ceval.h"
#include "compile.h"
#include "import.h"
#include "sysmodule.h"
#include "pylifecycle.h"
#include "osmodule.h"
#include "fileobject.h"
#include "structseq.h"
#endif

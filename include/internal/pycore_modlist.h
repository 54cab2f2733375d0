/* Built-in C modules: X(name, init function). One line per module (append-only);
 * src/modules/config.c turns this into _PyImport_Inittab. */
#ifndef KR_PYCORE_MODLIST_H
#define KR_PYCORE_MODLIST_H
#define KR_BUILTIN_MODULES(X) \
    X("builtins", PyInit_builtins) \
    X("sys", PyInit_sys) \
    X("gc", PyInit_gc) \
    X("_weakref", PyInit__weakref) \
    X("_kr_parser", PyInit__kr_parser) \
    X("posix", PyInit_posix) \
    X("errno", PyInit_errno) \
    X("time", PyInit_time) \
    X("_frozen_importlib", PyInit__frozen_importlib) \
    X("_io", PyInit__io) \
    X("atexit", PyInit_atexit) \
    X("_typing", PyInit__typing) \
    X("unicodedata", PyInit_unicodedata) \
    X("_string", PyInit__string) \
    X("_codecs", PyInit__codecs) \
    X("math", PyInit_math) \
    X("cmath", PyInit_cmath) \
    X("_sre", PyInit__sre) \
    X("_random", PyInit__random) \
    X("_sha2", PyInit__sha2) \
    X("_struct", PyInit__struct) \
    X("_thread", PyInit__thread) \
    X("_signal", PyInit__signal) \
    X("select", PyInit_select) \
    X("_md5", PyInit__md5) \
    X("_sha1", PyInit__sha1) \
    X("_sha3", PyInit__sha3) \
    X("_blake2", PyInit__blake2) \
    X("binascii", PyInit_binascii) \
    X("_json", PyInit__json) \
    X("itertools", PyInit_itertools) \
    X("array", PyInit_array) \
    X("_contextvars", PyInit__contextvars) \
    X("marshal", PyInit_marshal) \
    X("_socket", PyInit__socket) \
    X("zlib", PyInit_zlib) \
    X("_opcode", PyInit__opcode) \
    X("_ast", PyInit__ast) \
    X("_posixsubprocess", PyInit__posixsubprocess) \
    X("_lsprof", PyInit__lsprof) \
    X("_tracemalloc", PyInit__tracemalloc) \
    X("pwd", PyInit_pwd) \
    X("grp", PyInit_grp) \
    X("resource", PyInit_resource) \
    X("fcntl", PyInit_fcntl) \
    X("termios", PyInit_termios) \
    X("_locale", PyInit__locale) \
    X("_pickle_buffer", PyInit__pickle_buffer) \
    X("faulthandler", PyInit_faulthandler)
#endif

/* Statically known identifier strings, created interned and immortal at start-up
 * (by _PyUnicode_InitGlobalObjects) and reached with _Py_ID(name) as a borrowed
 * PyObject *. Append names freely; keep them valid C identifiers. */
#ifndef KR_PYCORE_IDS_H
#define KR_PYCORE_IDS_H
#define KR_IDENTIFIERS(X) \
    X(__abs__) X(__add__) X(__aenter__) X(__aexit__) X(__aiter__) X(__all__) X(__and__) \
    X(__anext__) X(__annotations__) X(__args__) X(__await__) X(__bases__) X(__bool__) \
    X(__build_class__) X(__builtins__) X(__bytes__) X(__call__) X(__class__) \
    X(__class_getitem__) X(__classcell__) X(__complex__) X(__contains__) X(__copy__) \
    X(__deepcopy__) X(__del__) X(__delattr__) X(__delete__) X(__delitem__) X(__dict__) \
    X(__dir__) X(__divmod__) X(__doc__) X(__enter__) X(__eq__) X(__exit__) X(__file__) \
    X(__float__) X(__floordiv__) X(__format__) X(__fspath__) X(__ge__) X(__get__) \
    X(__getattr__) X(__getattribute__) X(__getitem__) X(__getnewargs__) X(__getstate__) \
    X(__gt__) X(__hash__) X(__iadd__) X(__iand__) X(__ifloordiv__) X(__ilshift__) \
    X(__imatmul__) X(__imod__) X(__import__) X(__imul__) X(__index__) X(__init__) \
    X(__init_subclass__) X(__instancecheck__) X(__int__) X(__invert__) X(__ior__) \
    X(__ipow__) X(__irshift__) X(__isabstractmethod__) X(__isub__) X(__iter__) \
    X(__itruediv__) X(__ixor__) X(__le__) X(__len__) X(__length_hint__) X(__loader__) \
    X(__lshift__) X(__lt__) X(__main__) X(__match_args__) X(__matmul__) X(__missing__) \
    X(__mod__) X(__module__) X(__mro__) X(__mro_entries__) X(__mul__) X(__name__) \
    X(__ne__) X(__neg__) X(__new__) X(__next__) X(__or__) X(__orig_bases__) \
    X(__package__) X(__path__) X(__pos__) X(__pow__) X(__prepare__) X(__qualname__) \
    X(__radd__) X(__rand__) X(__rdivmod__) X(__reduce__) X(__reduce_ex__) X(__repr__) \
    X(__reversed__) X(__rfloordiv__) X(__rlshift__) X(__rmatmul__) X(__rmod__) \
    X(__rmul__) X(__ror__) X(__round__) X(__rpow__) X(__rrshift__) X(__rshift__) \
    X(__rsub__) X(__rtruediv__) X(__rxor__) X(__set__) X(__set_name__) X(__setattr__) \
    X(__setitem__) X(__slots__) X(__spec__) X(__str__) X(__sub__) X(__subclasscheck__) \
    X(__subclasshook__) X(__truediv__) X(__trunc__) X(__type_params__) X(__weakref__) \
    X(__xor__) X(_fields) X(append) X(close) X(copy) X(decode) X(encode) X(end_lineno) \
    X(end_offset) X(excepthook) X(extend) X(filename) X(fileno) X(flush) X(get) X(items) \
    X(keys) X(lineno) X(metaclass) X(mro) X(msg) X(name) X(offset) X(origin) X(path) \
    X(print_file_and_line) X(readline) X(send) X(stderr) X(stdin) X(stdout) X(text) \
    X(throw) X(update) X(values) X(write) X(displayhook) X(modules) X(argv) X(join) \
    X(sort) X(top) X(__firstlineno__) X(__static_attributes__) X(__text_signature__) \
    X(__classdict__) X(__classdictcell__) X(__notes__) \
    X(__abstractmethods__) X(__objclass__) X(__self__) X(__func__) X(__origin__) \
    X(__parameters__) X(__newobj__) X(__newobj_ex__) X(__getnewargs_ex__) \
    X(__typing_subst__) X(__unpacked__) X(__typing_unpacked_tuple_args__) \
    X(__sizeof__) \
    X(__ceil__) X(__floor__)
struct _Py_global_strings {
#define KR_ID_FIELD(name) PyObject *id_##name;
    KR_IDENTIFIERS(KR_ID_FIELD)
#undef KR_ID_FIELD
};
extern struct _Py_global_strings _Py_global_ids; /* filled once at start-up, immutable after */
#define _Py_ID(name) (_Py_global_ids.id_##name)
#endif

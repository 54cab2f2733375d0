"""Opcode tables for the dis module.

Krait executes CPython 3.13's instruction set, but numbers the opcodes its own way; the
numbers and per-opcode facts come from the interpreter through _opcode.
"""

__all__ = ["cmp_op", "stack_effect", "hascompare", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasarg", "hasconst", "hasname",
           "hasjump", "hasjrel", "hasjabs", "hasfree", "haslocal", "hasexc"]

import _opcode
from _opcode import stack_effect

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

opmap = dict(_opcode._opmap)
# Specialised (adaptive) forms, when the eval loop provides them: name -> number, and
# base name -> [specialised names].
_specialized_opmap = dict(getattr(_opcode, "_specialized_opmap", {}))
_specializations = dict(getattr(_opcode, "_specializations", {}))

HAVE_ARGUMENT = _opcode.HAVE_ARGUMENT
EXTENDED_ARG = _opcode.EXTENDED_ARG
MIN_INSTRUMENTED_OPCODE = _opcode.MIN_INSTRUMENTED_OPCODE

opname = ['<%r>' % (op,) for op in range(max(opmap.values()) + 1)]
for _name, _op in opmap.items():
    opname[_op] = _name
del _name, _op

def _ops_where(pred):
    return [op for op in sorted(opmap.values()) if pred(op)]

hasarg = _ops_where(_opcode.has_arg)
hasconst = _ops_where(_opcode.has_const)
hasname = _ops_where(_opcode.has_name)
hasjump = _ops_where(_opcode.has_jump)
hasjrel = hasjump
hasjabs = []
hasfree = _ops_where(_opcode.has_free)
haslocal = _ops_where(_opcode.has_local)
hasexc = _ops_where(_opcode.has_exc)
hascompare = [opmap["COMPARE_OP"]]

_intrinsic_1_descs = _opcode.get_intrinsic1_descs()
_intrinsic_2_descs = _opcode.get_intrinsic2_descs()
_nb_ops = _opcode.get_nb_ops()

# What each inline cache unit of an instruction holds (name -> number of code units).
_CACHE_LAYOUTS = {
    "LOAD_GLOBAL": {"counter": 1, "index": 1, "module_keys_version": 1,
                    "builtin_keys_version": 1},
    "BINARY_OP": {"counter": 1},
    "UNPACK_SEQUENCE": {"counter": 1},
    "COMPARE_OP": {"counter": 1},
    "CONTAINS_OP": {"counter": 1},
    "BINARY_SUBSCR": {"counter": 1},
    "FOR_ITER": {"counter": 1},
    "LOAD_SUPER_ATTR": {"counter": 1},
    "LOAD_ATTR": {"counter": 1, "version": 2, "keys_version": 2, "descr": 4},
    "STORE_ATTR": {"counter": 1, "version": 2, "index": 1},
    "CALL": {"counter": 1, "func_version": 2},
    "STORE_SUBSCR": {"counter": 1},
    "SEND": {"counter": 1},
    "JUMP_BACKWARD": {"counter": 1},
    "TO_BOOL": {"counter": 1, "version": 2},
    "POP_JUMP_IF_TRUE": {"counter": 1},
    "POP_JUMP_IF_FALSE": {"counter": 1},
    "POP_JUMP_IF_NONE": {"counter": 1},
    "POP_JUMP_IF_NOT_NONE": {"counter": 1},
}

def _layout_for(name, size):
    layout = _CACHE_LAYOUTS.get(name)
    if layout is not None and sum(layout.values()) <= size:
        return layout
    return {"counter": 1}

_cache_format = {name: _layout_for(name, size)
                 for name, size in _opcode._inline_cache_entries.items()}
_inline_cache_entries = dict(_opcode._inline_cache_entries)

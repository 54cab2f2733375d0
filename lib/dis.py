"""Disassembler of Python byte code into mnemonics."""

import sys
import types
import collections
import io

from opcode import *
from opcode import (
    __all__ as _opcodes_all,
    _cache_format,
    _inline_cache_entries,
    _nb_ops,
    _intrinsic_1_descs,
    _intrinsic_2_descs,
    _specializations,
    _specialized_opmap,
)
import _opcode
from _opcode import get_specialization_stats

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)

CONVERT_VALUE = opmap['CONVERT_VALUE']
SET_FUNCTION_ATTRIBUTE = opmap['SET_FUNCTION_ATTRIBUTE']
FUNCTION_ATTR_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

ENTER_EXECUTOR = opmap.get('ENTER_EXECUTOR', -1)
LOAD_CONST = opmap['LOAD_CONST']
RETURN_CONST = opmap['RETURN_CONST']
LOAD_GLOBAL = opmap['LOAD_GLOBAL']
BINARY_OP = opmap['BINARY_OP']
JUMP_BACKWARD = opmap['JUMP_BACKWARD']
FOR_ITER = opmap['FOR_ITER']
SEND = opmap['SEND']
LOAD_ATTR = opmap['LOAD_ATTR']
LOAD_SUPER_ATTR = opmap['LOAD_SUPER_ATTR']
CALL_INTRINSIC_1 = opmap['CALL_INTRINSIC_1']
CALL_INTRINSIC_2 = opmap['CALL_INTRINSIC_2']
LOAD_FAST_LOAD_FAST = opmap['LOAD_FAST_LOAD_FAST']
STORE_FAST_LOAD_FAST = opmap['STORE_FAST_LOAD_FAST']
STORE_FAST_STORE_FAST = opmap['STORE_FAST_STORE_FAST']
IS_OP = opmap['IS_OP']
CONTAINS_OP = opmap['CONTAINS_OP']
COMPARE_OP = opmap['COMPARE_OP']
CACHE = opmap["CACHE"]

_all_opname = list(opname)
_all_opmap = dict(opmap)
for _name, _op in _specialized_opmap.items():
    while len(_all_opname) <= _op:
        _all_opname.append('<%r>' % (len(_all_opname),))
    _all_opname[_op] = _name
    _all_opmap[_name] = _op

deoptmap = {
    specialized: base for base, family in _specializations.items() for specialized in family
}

_BACKWARD_JUMPS = frozenset(op for name, op in opmap.items() if 'JUMP_BACKWARD' in name)
_HASARG = frozenset(hasarg)
_HASJREL = frozenset(hasjrel)
_HASJABS = frozenset(hasjabs)
_HASCONST = frozenset(hasconst)
_HASNAME = frozenset(hasname)
_HASLOCAL = frozenset(haslocal)
_HASFREE = frozenset(hasfree)


def _try_compile(source, name):
    """Compile source as an expression if possible, else as statements (the
    expression form shows the value being returned)."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False,
        show_offsets=False):
    """Disassemble classes, methods, functions, generators, code objects, source
    strings or raw bytecode; with no argument, the last traceback."""
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive,
              show_offsets=show_offsets)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__'):
        for name, member in sorted(x.__dict__.items()):
            if isinstance(member, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(member, file=file, depth=depth, show_caches=show_caches,
                        adaptive=adaptive, show_offsets=show_offsets)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches,
                               adaptive=adaptive, show_offsets=show_offsets)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches,
                           show_offsets=show_offsets)
    elif isinstance(x, str):
        _disassemble_str(x, file=file, depth=depth, show_caches=show_caches,
                         adaptive=adaptive, show_offsets=show_offsets)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False, show_offsets=False):
    """Disassemble a traceback (default: the last one)."""
    if tb is None:
        if hasattr(sys, 'last_exc'):
            tb = sys.last_exc.__traceback__
        else:
            try:
                tb = sys.last_traceback
            except AttributeError:
                raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches,
                adaptive=adaptive, show_offsets=show_offsets)


COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


class _Unknown:
    def __repr__(self):
        return "<unknown>"


# Sentinel for an argument value that cannot be resolved (raw bytecode).
UNKNOWN = _Unknown()


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _deoptop(op):
    name = _all_opname[op]
    return _all_opmap[deoptmap[name]] if name in deoptmap else op


def _get_code_array(co, adaptive):
    # The adaptive array holds the specialised forms the eval loop has written in place;
    # their names come from _opcode's _specialized_opmap.
    if adaptive:
        return co._co_code_adaptive
    return co.co_code


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    sections = (("Constants:", co.co_consts, "%4d: %r"),
                ("Names:", co.co_names, "%4d: %s"),
                ("Variable names:", co.co_varnames, "%4d: %s"),
                ("Free variables:", co.co_freevars, "%4d: %s"),
                ("Cell variables:", co.co_cellvars, "%4d: %s"))
    for title, items, fmt in sections:
        if items:
            lines.append(title)
            for pair in enumerate(items):
                lines.append(fmt % pair)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'start_offset',
     'starts_line', 'line_number', 'label', 'positions', 'cache_info'],
    defaults=[None, None, None],
)

_Instruction.opname.__doc__ = "Human readable name for operation"
_Instruction.opcode.__doc__ = "Numeric code for operation"
_Instruction.arg.__doc__ = "Numeric argument to operation (if any), otherwise None"
_Instruction.argval.__doc__ = "Resolved arg value (if known), otherwise same as arg"
_Instruction.argrepr.__doc__ = "Human readable description of operation argument"
_Instruction.offset.__doc__ = "Start index of operation within bytecode sequence"
_Instruction.start_offset.__doc__ = (
    "Start index of operation within bytecode sequence, including extended args if present; "
    "otherwise equal to Instruction.offset")
_Instruction.starts_line.__doc__ = "True if this opcode starts a source line, otherwise False"
_Instruction.line_number.__doc__ = "source line number associated with this opcode (if any), otherwise None"
_Instruction.label.__doc__ = "A label (int > 0) if this instruction is a jump target, otherwise None"
_Instruction.positions.__doc__ = "dis.Positions object holding the span of source code covered by this instruction"
_Instruction.cache_info.__doc__ = "list of (name, size, data), one for each cache entry of the instruction"

_ExceptionTableEntryBase = collections.namedtuple(
    "_ExceptionTableEntryBase", "start end target depth lasti")


class _ExceptionTableEntry(_ExceptionTableEntryBase):
    pass


_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5
_NO_LINENO = '  --'


def _get_cache_size(opname):
    return _inline_cache_entries.get(opname, 0)


def _get_jump_target(op, arg, offset):
    """Byte offset a jump instruction at *offset* goes to, or None if *op* does not
    jump."""
    deop = _deoptop(op)
    caches = _get_cache_size(_all_opname[deop])
    if deop in _HASJREL:
        if deop in _BACKWARD_JUMPS:
            arg = -arg
        return offset + 2 + arg * 2 + caches * 2
    if deop in _HASJABS:
        return arg * 2
    return None


class Instruction(_Instruction):
    """Details for a bytecode operation.

       Defined fields:
         opname - human readable name for operation
         opcode - numeric code for operation
         arg - numeric argument to operation (if any), otherwise None
         argval - resolved arg value (if known), otherwise same as arg
         argrepr - human readable description of operation argument
         offset - start index of operation within bytecode sequence
         start_offset - start index of operation within bytecode sequence including
                        extended args if present; otherwise equal to Instruction.offset
         starts_line - True if this opcode starts a source line, otherwise False
         line_number - source line number associated with this opcode (if any),
                       otherwise None
         label - A label if this instruction is a jump target, otherwise None
         positions - Optional dis.Positions object holding the span of source code
                     covered by this instruction
         cache_info - information about the format and content of the instruction's
                      cache entries (if any)
    """

    @staticmethod
    def make(opname, arg, argval, argrepr, offset, start_offset, starts_line,
             line_number, label=None, positions=None, cache_info=None):
        return Instruction(opname, _all_opmap[opname], arg, argval, argrepr, offset,
                           start_offset, starts_line, line_number, label, positions,
                           cache_info)

    @property
    def oparg(self):
        """Alias for Instruction.arg."""
        return self.arg

    @property
    def baseopcode(self):
        """Numeric code for the base operation if operation is specialized."""
        return _deoptop(self.opcode)

    @property
    def baseopname(self):
        """Human readable name for the base operation if operation is specialized."""
        return opname[self.baseopcode]

    @property
    def cache_offset(self):
        """Start index of the cache entries following the operation."""
        return self.offset + 2

    @property
    def end_offset(self):
        """End index of the cache entries following the operation."""
        return self.cache_offset + _get_cache_size(_all_opname[self.opcode]) * 2

    @property
    def jump_target(self):
        """Bytecode index of the jump target if this is a jump operation."""
        return _get_jump_target(self.opcode, self.arg, self.offset)

    @property
    def is_jump_target(self):
        """True if other code jumps to here, otherwise False."""
        return self.label is not None

    def __str__(self):
        output = io.StringIO()
        Formatter(file=output).print_instruction(self, False)
        return output.getvalue()


class Formatter:

    def __init__(self, file=None, lineno_width=0, offset_width=0, label_width=0,
                 line_offset=0, show_caches=False):
        """Create a Formatter.

        *file* where to write the output
        *lineno_width* width of the line number column (0 omits it)
        *offset_width* width of the instruction offset column (0 omits it)
        *label_width* width of the label column
        *line_offset* added to each line number
        *show_caches* whether to show the inline cache entries
        """
        self.file = file
        self.lineno_width = lineno_width
        self.offset_width = offset_width
        self.label_width = label_width
        self.show_caches = show_caches

    def print_instruction(self, instr, mark_as_current=False):
        self.print_instruction_line(instr, mark_as_current)
        if self.show_caches and instr.cache_info:
            offset = instr.offset
            for name, size, data in instr.cache_info:
                for i in range(size):
                    offset += 2
                    # Only the first unit of a multi-unit value shows the value.
                    argrepr = f"{name}: {int.from_bytes(data, sys.byteorder)}" if i == 0 else ""
                    self.print_instruction_line(
                        Instruction("CACHE", CACHE, 0, None, argrepr, offset, offset,
                                    False, None, None, instr.positions),
                        False)

    def print_instruction_line(self, instr, mark_as_current):
        lineno_width = self.lineno_width
        if lineno_width > 0 and instr.starts_line and instr.offset > 0:
            print(file=self.file)
        fields = []
        if lineno_width:
            if instr.starts_line:
                if instr.line_number is None:
                    fields.append(_NO_LINENO.rjust(lineno_width))
                else:
                    fields.append(str(instr.line_number).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        if instr.label is not None:
            fields.append(f"L{instr.label}:".rjust(self.label_width))
        else:
            fields.append(' ' * self.label_width)
        if self.offset_width > 0:
            fields.append(repr(instr.offset).rjust(self.offset_width) + "  ")
        fields.append('-->' if mark_as_current else '   ')
        fields.append(instr.opname.ljust(_OPNAME_WIDTH))
        if instr.arg is not None:
            # A long opname may spill into the oparg column rather than push it right.
            spill = max(0, len(instr.opname) - _OPNAME_WIDTH)
            fields.append(repr(instr.arg).rjust(_OPARG_WIDTH - spill))
            if instr.argrepr:
                fields.append('(' + instr.argrepr + ')')
        print(' '.join(fields).rstrip(), file=self.file)

    def print_exception_table(self, exception_entries):
        file = self.file
        if exception_entries:
            print("ExceptionTable:", file=file)
            for entry in exception_entries:
                lasti = " lasti" if entry.lasti else ""
                print(f"  L{entry.start_label} to L{entry.end_label} "
                      f"-> L{entry.target_label} [{entry.depth}]{lasti}", file=file)


class ArgResolver:
    def __init__(self, co_consts=None, names=None, varname_from_oparg=None,
                 labels_map=None):
        self.co_consts = co_consts
        self.names = names
        self.varname_from_oparg = varname_from_oparg
        self.labels_map = labels_map or {}

    def offset_from_jump_arg(self, op, arg, offset):
        return _get_jump_target(op, arg, offset)

    def get_label_for_offset(self, offset):
        return self.labels_map.get(offset, None)

    def _name(self, index):
        if self.names is not None:
            name = self.names[index]
            return name, name
        return UNKNOWN, ''

    def _local(self, index):
        if self.varname_from_oparg is not None:
            name = self.varname_from_oparg(index)
            return name, name
        return UNKNOWN, ''

    def get_argval_argrepr(self, op, arg, offset):
        """Resolved value and description of the argument of instruction *op*."""
        if arg is None:
            return None, ''
        deop = _deoptop(op)
        argval, argrepr = arg, ''
        if deop in _HASCONST:
            argval, argrepr = _get_const_info(deop, arg, self.co_consts)
        elif deop in _HASNAME:
            if deop == LOAD_GLOBAL:
                argval, argrepr = self._name(arg >> 1)
                if (arg & 1) and argrepr:
                    argrepr = f"{argrepr} + NULL"
            elif deop == LOAD_ATTR:
                argval, argrepr = self._name(arg >> 1)
                if (arg & 1) and argrepr:
                    argrepr = f"{argrepr} + NULL|self"
            elif deop == LOAD_SUPER_ATTR:
                argval, argrepr = self._name(arg >> 2)
                if (arg & 1) and argrepr:
                    argrepr = f"{argrepr} + NULL|self"
            else:
                argval, argrepr = self._name(arg)
        elif deop in _HASJREL or deop in _HASJABS:
            argval = self.offset_from_jump_arg(op, arg, offset)
            label = self.get_label_for_offset(argval)
            argrepr = f"to L{label}" if label is not None else f"to {argval}"
        elif deop in (LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST, STORE_FAST_STORE_FAST):
            first, _ = self._local(arg >> 4)
            second, _ = self._local(arg & 15)
            if first is UNKNOWN or second is UNKNOWN:
                argval, argrepr = UNKNOWN, ''
            else:
                argval = (first, second)
                argrepr = f"{first}, {second}"
        elif deop in _HASLOCAL or deop in _HASFREE:
            argval, argrepr = self._local(arg)
        elif deop == CONVERT_VALUE:
            argval = (None, str, repr, ascii)[arg]
            argrepr = ('', 'str', 'repr', 'ascii')[arg]
        elif deop == SET_FUNCTION_ATTRIBUTE:
            argrepr = ', '.join(name for bit, name in enumerate(FUNCTION_ATTR_FLAGS)
                                if arg & (1 << bit))
        elif deop == BINARY_OP:
            _, argrepr = _nb_ops[arg]
        elif deop == CALL_INTRINSIC_1:
            argrepr = _intrinsic_1_descs[arg]
        elif deop == CALL_INTRINSIC_2:
            argrepr = _intrinsic_2_descs[arg]
        elif deop == COMPARE_OP:
            argval = cmp_op[arg >> 5]
            argrepr = argval
            if arg & 16:
                argrepr = f"bool({argrepr})"
        return argval, argrepr


def get_instructions(x, *, first_line=None, show_caches=None, adaptive=False):
    """Iterator over the instructions of a function, method, source string or code
    object; *first_line* renumbers the lines so the first one has that number."""
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    original_code = co.co_code
    arg_resolver = ArgResolver(co_consts=co.co_consts, names=co.co_names,
                               varname_from_oparg=co._varname_from_oparg,
                               labels_map=_make_labels_map(original_code))
    return _get_instructions_bytes(_get_code_array(co, adaptive), linestarts=linestarts,
                                   line_offset=line_offset,
                                   co_positions=co.co_positions(),
                                   original_code=original_code,
                                   arg_resolver=arg_resolver)


def _get_const_value(op, arg, co_consts):
    """Constant referenced by a LOAD_CONST/RETURN_CONST, or UNKNOWN for raw bytes."""
    assert op in _HASCONST
    if co_consts is not None:
        return co_consts[arg]
    return UNKNOWN


def _get_const_info(op, arg, co_consts):
    argval = _get_const_value(op, arg, co_consts)
    argrepr = repr(argval) if argval is not UNKNOWN else ''
    return argval, argrepr


def _get_name_info(name_index, get_name, **extrainfo):
    if get_name is not None:
        argval = get_name(name_index, **extrainfo)
        return argval, argval
    return UNKNOWN, ''


def _parse_exception_table(code):
    return [_ExceptionTableEntry(start, end, target, depth, bool(lasti))
            for start, end, target, depth, lasti in _opcode._exception_table(code)]


def _is_backward_jump(op):
    return op in _BACKWARD_JUMPS


def _unpack_opargs(code):
    """Yield (offset, start_offset, opcode, arg) for each instruction of *code*,
    skipping inline caches; arg includes the bits of preceding EXTENDED_ARGs."""
    extended_arg = 0
    extended_start = None
    caches = 0
    for i in range(0, len(code), 2):
        if caches:
            caches -= 1
            continue
        op = code[i]
        deop = _deoptop(op)
        caches = _get_cache_size(_all_opname[deop])
        if deop in _HASARG:
            arg = code[i + 1] | extended_arg
            extended_arg = (arg << 8) if deop == EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        start = i if extended_start is None else extended_start
        extended_start = start if deop == EXTENDED_ARG else None
        yield (i, start, op, arg)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    labels = []
    for offset, _, op, arg in _unpack_opargs(code):
        if arg is not None:
            target = _get_jump_target(op, arg, offset)
            if target is not None and target not in labels:
                labels.append(target)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno); lineno is None for code with no line.
    """
    lastline = False  # None is a real value here: "no line"
    for start, end, line in code.co_lines():
        if line is not lastline:
            lastline = line
            yield start, line


def _make_labels_map(original_code, exception_entries=()):
    labels = set(findlabels(original_code))
    for entry in exception_entries:
        labels.add(entry.start)
        labels.add(entry.end)
        labels.add(entry.target)
    labels_map = {offset: i + 1 for i, offset in enumerate(sorted(labels))}
    for entry in exception_entries:
        entry.start_label = labels_map[entry.start]
        entry.end_label = labels_map[entry.end]
        entry.target_label = labels_map[entry.target]
    return labels_map


def _get_instructions_bytes(code, linestarts=None, line_offset=0, co_positions=None,
                            original_code=None, arg_resolver=None):
    """Iterate over the instructions in a bytecode string."""
    co_positions = co_positions or iter(())
    if original_code is None:
        original_code = code
    starts_line = False
    line_number = None
    for offset, start_offset, op, arg in _unpack_opargs(original_code):
        if linestarts is not None:
            starts_line = offset in linestarts
            if starts_line:
                line_number = linestarts[offset]
                if line_number is not None:
                    line_number += line_offset
        positions = Positions(*next(co_positions, ()))
        deop = _deoptop(op)
        op = code[offset]
        if arg_resolver is not None:
            argval, argrepr = arg_resolver.get_argval_argrepr(op, arg, offset)
            label = arg_resolver.get_label_for_offset(offset)
        else:
            argval, argrepr = arg, repr(arg) if arg is not None else ''
            label = None
        caches = _get_cache_size(_all_opname[deop])
        # Skip the positions of the cache units.
        for _ in range(caches):
            next(co_positions, ())
        if caches:
            cache_info = []
            pos = offset + 2
            for name, size in _cache_format[opname[deop]].items():
                data = code[pos: pos + 2 * size]
                cache_info.append((name, size, data))
                pos += 2 * size
        else:
            cache_info = None
        yield Instruction(_all_opname[op], op, arg, argval, argrepr, offset, start_offset,
                          starts_line, line_number, label, positions, cache_info)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False,
                show_offsets=False):
    """Disassemble a code object."""
    linestarts = dict(findlinestarts(co))
    exception_entries = _parse_exception_table(co)
    labels_map = _make_labels_map(co.co_code, exception_entries=exception_entries)
    label_width = 4 + len(str(len(labels_map)))
    formatter = Formatter(file=file,
                          lineno_width=_get_lineno_width(linestarts),
                          offset_width=len(str(max(len(co.co_code) - 2, 9999))) if show_offsets else 0,
                          label_width=label_width,
                          show_caches=show_caches)
    arg_resolver = ArgResolver(co_consts=co.co_consts, names=co.co_names,
                               varname_from_oparg=co._varname_from_oparg,
                               labels_map=labels_map)
    _disassemble_bytes(_get_code_array(co, adaptive), lasti, linestarts,
                       exception_entries=exception_entries, co_positions=co.co_positions(),
                       original_code=co.co_code, arg_resolver=arg_resolver,
                       formatter=formatter)


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False,
                           show_offsets=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive,
                show_offsets=show_offsets)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches,
                                       adaptive=adaptive, show_offsets=show_offsets)


def _get_lineno_width(linestarts):
    if linestarts is None:
        return 0
    maxlineno = max(filter(None, linestarts.values()), default=-1)
    if maxlineno == -1:
        # No line information at all: leave the column out.
        return 0
    width = max(3, len(str(maxlineno)))
    if width < len(_NO_LINENO) and None in linestarts.values():
        width = len(_NO_LINENO)
    return width


def _disassemble_bytes(code, lasti=-1, linestarts=None, *, line_offset=0,
                       exception_entries=(), co_positions=None, original_code=None,
                       arg_resolver=None, formatter=None, file=None,
                       show_caches=False, show_offsets=False):
    if formatter is None:
        # Raw bytes: no line numbers, labels from the jumps only.
        labels_map = _make_labels_map(original_code or code, exception_entries)
        formatter = Formatter(file=file,
                              offset_width=len(str(max(len(code) - 2, 9999))) if show_offsets else 0,
                              label_width=4 + len(str(len(labels_map))),
                              show_caches=show_caches)
        if arg_resolver is None:
            arg_resolver = ArgResolver(labels_map=labels_map)
    instrs = _get_instructions_bytes(code, linestarts=linestarts, line_offset=line_offset,
                                     co_positions=co_positions,
                                     original_code=original_code,
                                     arg_resolver=arg_resolver)
    print_instructions(instrs, exception_entries, formatter, lasti=lasti)


def print_instructions(instrs, exception_entries, formatter, lasti=-1):
    for instr in instrs:
        formatter.print_instruction(instr, instr.offset == lasti)
    formatter.print_exception_table(exception_entries)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


disco = disassemble                     # XXX For backwards compatibility


def _find_imports(co):
    """Find import statements in the code: yield (name, level, fromlist) for each."""
    IMPORT_NAME = opmap['IMPORT_NAME']
    consts = co.co_consts
    names = co.co_names
    loads = []
    for _, _, op, oparg in _unpack_opargs(co.co_code):
        if op == IMPORT_NAME and len(loads) >= 2:
            level, fromlist = loads[-2], loads[-1]
            if level is not None and fromlist is not None:
                yield (names[oparg], level[0], fromlist[0])
        if op == LOAD_CONST:
            loads.append((consts[oparg],))
        elif op != opmap['EXTENDED_ARG']:
            loads.append(None)


def _find_store_names(co):
    """Find names of variables which are written in the code."""
    STORE_OPS = {opmap['STORE_NAME'], opmap['STORE_GLOBAL']}
    names = co.co_names
    for _, _, op, arg in _unpack_opargs(co.co_code):
        if op in STORE_OPS:
            yield names[arg]


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """
    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False, show_offsets=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive
        self.show_offsets = show_offsets

    def __iter__(self):
        co = self.codeobj
        labels_map = _make_labels_map(co.co_code, self.exception_entries)
        arg_resolver = ArgResolver(co_consts=co.co_consts, names=co.co_names,
                                   varname_from_oparg=co._varname_from_oparg,
                                   labels_map=labels_map)
        return _get_instructions_bytes(_get_code_array(co, self.adaptive),
                                       linestarts=self._linestarts,
                                       line_offset=self._line_offset,
                                       co_positions=co.co_positions(),
                                       original_code=co.co_code,
                                       arg_resolver=arg_resolver)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        co = self.codeobj
        offset = self.current_offset if self.current_offset is not None else -1
        with io.StringIO() as output:
            labels_map = _make_labels_map(co.co_code, self.exception_entries)
            formatter = Formatter(
                file=output,
                lineno_width=_get_lineno_width(self._linestarts),
                offset_width=len(str(max(len(co.co_code) - 2, 9999))) if self.show_offsets else 0,
                label_width=4 + len(str(len(labels_map))),
                show_caches=self.show_caches)
            arg_resolver = ArgResolver(co_consts=co.co_consts, names=co.co_names,
                                       varname_from_oparg=co._varname_from_oparg,
                                       labels_map=labels_map)
            _disassemble_bytes(_get_code_array(co, self.adaptive), lasti=offset,
                               linestarts=self._linestarts, line_offset=self._line_offset,
                               exception_entries=self.exception_entries,
                               co_positions=co.co_positions(), original_code=co.co_code,
                               arg_resolver=arg_resolver, formatter=formatter)
            return output.getvalue()


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('-C', '--show-caches', action='store_true',
                        help='show inline caches')
    parser.add_argument('-O', '--show-offsets', action='store_true',
                        help='show instruction offsets')
    parser.add_argument('infile', nargs='?', default='-')
    args = parser.parse_args()
    if args.infile == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as infile:
            source = infile.read()
    code = compile(source, name, "exec")
    dis(code, show_caches=args.show_caches, show_offsets=args.show_offsets)


if __name__ == "__main__":
    main()

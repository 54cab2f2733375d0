# dis.get_instructions fields, Instruction properties, findlinestarts/findlabels, opcode tables by name, stack_effect, pretty_flags
import dis
import opcode


def f(a, b=1):
    x = a.attr + b
    return g(x, key=a)


def h(a):
    try:
        return a.x
    finally:
        a.close()


for ins in dis.get_instructions(f):
    print(ins.opname, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset,
          ins.start_offset, ins.starts_line, ins.line_number, ins.label,
          tuple(ins.positions), ins.is_jump_target, ins.jump_target,
          ins.cache_offset, ins.end_offset, ins.baseopname, ins.oparg,
          [(n, s) for n, s, d in ins.cache_info or ()])
print(repr(str(list(dis.get_instructions(f))[1])))
print(list(dis.findlinestarts(f.__code__)))
print(list(dis.findlinestarts(h.__code__)))
print(dis.findlabels(f.__code__.co_code))
print([(e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(h.__code__)])
print(dis.Positions(), dis.Positions(1, 2))
print(dis.Instruction._fields)
print(dis.pretty_flags(3), dis.pretty_flags(0), dis.pretty_flags(0x20 | 0x80 | 0x100000),
      dis.pretty_flags(f.__code__.co_flags))
print(dis.COMPILER_FLAG_NAMES)
print(dis.cmp_op, opcode.cmp_op)


def names(ops):
    # CPython also lists its INSTRUMENTED_* variants, which Krait does not have.
    return sorted(n for n in (opcode.opname[o] for o in ops) if not n.startswith("INSTRUMENTED"))


print(names(dis.hasconst))
print(names(dis.hasname))
print(names(dis.hasjump))
print(names(dis.haslocal))
print(names(dis.hasfree))
print(names(dis.hasexc), dis.hasjabs, dis.hasjrel == dis.hasjump)
print(opcode.opname[opcode.opmap["LOAD_CONST"]], dis.opname[dis.EXTENDED_ARG])
print(all(opcode.opname[o] == n for n, o in opcode.opmap.items()))
print(opcode.opmap["LOAD_FAST"] in dis.hasarg, opcode.opmap["POP_TOP"] in dis.hasarg)
se = dis.stack_effect
op = dis.opmap
print(se(op["LOAD_CONST"], 0), se(op["POP_TOP"]), se(op["BUILD_TUPLE"], 3),
      se(op["CALL"], 2), se(op["LOAD_GLOBAL"], 1), se(op["LOAD_ATTR"], 0),
      se(op["STORE_ATTR"], 0, jump=False), se(op["BINARY_OP"], 0, jump=True))
for args, kw in [((op["LOAD_CONST"],), {}), ((op["POP_TOP"], 1), {}), ((100000,), {})]:
    try:
        se(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
print(opcode._inline_cache_entries["LOAD_GLOBAL"], opcode._inline_cache_entries["LOAD_ATTR"],
      opcode._inline_cache_entries["CALL"])
print(opcode._cache_format["LOAD_ATTR"], opcode._cache_format["CALL"])
print(opcode._nb_ops[0], opcode._nb_ops[-1], opcode._intrinsic_1_descs[:3])
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError:", e)
try:
    dis.code_info(None)
except TypeError as e:
    print("TypeError:", e)
try:
    dis.distb()
except RuntimeError as e:
    print("RuntimeError:", e)

# The sys module: version data, flags, limits, hooks and helpers.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 13))
print(sys.version_info)
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.int_max_str_digits)
print(sys.hash_info.algorithm, sys.hash_info.width, sys.hash_info.modulus)
print(sys.int_info)
print(sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.getfilesystemencoding())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.getswitchinterval())
print(sys.get_int_max_str_digits())
print(sys.getsizeof(1), sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof(""))
print(sys.getrefcount(None) > 1000)
print(sys.intern("abc") is sys.intern("a" + "bc"))
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys._getframe().f_code.co_name, sys._getframe(0).f_lineno)
print(isinstance(sys.argv, list), sys.argv[0].endswith("sys_module.py"))
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.builtin_module_names)
print(sys.implementation.version == sys.version_info, hex(sys.hexversion))
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
calls = []
sys.settrace(None)
print(sys.gettrace())
print(sys.flags.dont_write_bytecode in (0, 1), sys.dont_write_bytecode in (True, False))
print(sys.float_info.max, sys.float_info.dig)
print("math" in sys.stdlib_module_names)

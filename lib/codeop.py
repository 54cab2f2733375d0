r"""Utilities to compile possibly incomplete Python source code, as an
interactive interpreter needs: compile_command() returns a code object for a
complete command, None for one that needs more lines, and raises SyntaxError
(or ValueError/OverflowError) for an invalid one."""

import __future__
import warnings

_features = [getattr(__future__, fname) for fname in __future__.all_feature_names]

__all__ = ["compile_command", "Compile", "CommandCompiler"]

PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000

import builtins as _builtins
_IncompleteInput = getattr(_builtins, '_IncompleteInputError', None)


def _probe_incomplete_support():
    # Use the compiler's own verdict on unfinished input when it gives one.
    if _IncompleteInput is None:
        return None
    try:
        compile("if 1:", "<probe>", "single",
                PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT)
    except _IncompleteInput:
        return _IncompleteInput
    except SyntaxError:
        pass
    return None


_IncompleteInput = _probe_incomplete_support()


def _scan(source):
    """Returns (whether the text ends inside a bracket, a triple-quoted string
    or after a backslash continuation, the text of the last logical line)."""
    depth = 0
    i = 0
    n = len(source)
    open_string = False
    logical_start = 0
    while i < n:
        c = source[i]
        if c == '#':
            while i < n and source[i] != '\n':
                i += 1
            continue
        if c in '\'"':
            quote = source[i:i + 3] if source[i:i + 3] in ('"""', "\'\'\'") else c
            i += len(quote)
            while True:
                if i >= n:
                    open_string = len(quote) == 3
                    break
                if source[i] == '\\':
                    i += 2
                    continue
                if len(quote) == 1 and source[i] == '\n':
                    break
                if source.startswith(quote, i):
                    i += len(quote)
                    break
                i += 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == '\\' and source[i + 1:i + 2] in ('\n', ''):
            if i + 1 >= n or i + 2 >= n:
                return True, source[logical_start:]
            i += 2
            continue
        elif c == '\n' and depth <= 0 and i + 1 < n:
            logical_start = i + 1
        i += 1
    return open_string or depth > 0, source[logical_start:]


def _incomplete_at_end(text, symbol, compiler):
    # Stands in for the compiler's "incomplete input" verdict: the text is
    # unfinished if it ends inside a construct that more lines could close.
    try:
        compiler(text, "<input>", symbol)
    except SyntaxError:
        pass
    else:
        return True
    unfinished, last = _scan(text)
    if unfinished:
        return True
    last = last.strip()
    if last.endswith(':') and not last.startswith('#'):
        return True          # a block opener still waiting for its body
    return last.startswith('@')      # a decorator waiting for its def/class


def _maybe_compile(compiler, source, filename, symbol):
    for line in source.split("\n"):
        line = line.strip()
        if line and line[0] != '#':
            break
    else:
        if symbol != "eval":
            source = "pass"     # only blank lines and comments: a no-op command

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (SyntaxWarning, DeprecationWarning))
        try:
            code = compiler(source, filename, symbol)
        except SyntaxError as e:
            if _IncompleteInput is not None and isinstance(e, _IncompleteInput):
                try:
                    compiler(source + "\n", filename, symbol)
                    return None
                except _IncompleteInput:
                    return None
                except SyntaxError:
                    pass
            elif _incomplete_at_end(source + "\n", symbol,
                                    lambda s, f, y: compiler(s, filename, y)):
                return None
        else:
            # Without a trailing newline an indented last line may still be
            # followed by more of its block.
            if (_IncompleteInput is None and symbol != "eval" and
                    not source.endswith('\n') and _scan(source)[1][:1] in (' ', '\t')):
                return None
            return code
    return compiler(source, filename, symbol, incomplete_input=False)


def _compile(source, filename, symbol, incomplete_input=True):
    flags = 0
    if incomplete_input:
        flags |= PyCF_ALLOW_INCOMPLETE_INPUT
        flags |= PyCF_DONT_IMPLY_DEDENT
    return compile(source, filename, symbol, flags)


def compile_command(source, filename="<input>", symbol="single"):
    r"""Compile a command and determine whether it is incomplete: return a
    code object if it is complete and valid, None if more input is needed;
    raise SyntaxError, ValueError or OverflowError if it is invalid."""
    return _maybe_compile(_compile, source, filename, symbol)


class Compile:
    """Like the built-in compile(), but remembers __future__ statements and
    compiles all later texts with them in force."""

    def __init__(self):
        self.flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

    def __call__(self, source, filename, symbol, **kwargs):
        flags = self.flags
        if kwargs.get('incomplete_input', True) is False:
            flags &= ~PyCF_DONT_IMPLY_DEDENT
            flags &= ~PyCF_ALLOW_INCOMPLETE_INPUT
        codeob = compile(source, filename, symbol, flags, True)
        for feature in _features:
            if codeob.co_flags & feature.compiler_flag:
                self.flags |= feature.compiler_flag
        return codeob


class CommandCompiler:
    """compile_command() with __future__ statements remembered between calls."""

    def __init__(self,):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        return _maybe_compile(self.compiler, source, filename, symbol)

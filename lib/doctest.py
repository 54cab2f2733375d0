"""Run the interactive examples embedded in docstrings and text files.

A docstring (or text file) may contain pieces of an interactive session:

    >>> 6 * 7
    42

This module finds such pieces, runs each one in a shared namespace and
compares what it printed with the text written below it.  The usual entry
points are testmod() (every docstring of a module), testfile() (a text file),
DocTestSuite()/DocFileSuite() (the same, packaged for unittest) and the
command line `python -m doctest [-v] [-o FLAG] [-f] FILE...`.

The pieces are reusable: DocTestParser turns text into Example objects,
DocTestFinder collects DocTest objects from modules, classes and functions,
DocTestRunner executes them and OutputChecker decides whether output matches.
"""

__docformat__ = 'reStructuredText en'

__all__ = [
    'register_optionflag',
    'DONT_ACCEPT_TRUE_FOR_1',
    'DONT_ACCEPT_BLANKLINE',
    'NORMALIZE_WHITESPACE',
    'ELLIPSIS',
    'SKIP',
    'IGNORE_EXCEPTION_DETAIL',
    'COMPARISON_FLAGS',
    'REPORT_UDIFF',
    'REPORT_CDIFF',
    'REPORT_NDIFF',
    'REPORT_ONLY_FIRST_FAILURE',
    'REPORTING_FLAGS',
    'FAIL_FAST',
    'Example',
    'DocTest',
    'DocTestParser',
    'DocTestFinder',
    'DocTestRunner',
    'OutputChecker',
    'DocTestFailure',
    'UnexpectedException',
    'DebugRunner',
    'testmod',
    'testfile',
    'run_docstring_examples',
    'DocTestSuite',
    'DocFileSuite',
    'set_unittest_reportflags',
    'script_from_examples',
    'testsource',
    'debug_src',
    'debug',
]

import __future__
import difflib
import inspect
import linecache
import os
import pdb
import re
import sys
import traceback
import unittest
from io import StringIO, IncrementalNewlineDecoder
from collections import namedtuple

try:
    import _colorize
    from _colorize import ANSIColors, can_colorize
except ImportError:
    # No shared colour module: the same decision and escape codes, here.
    _colorize = None

    class ANSIColors:
        BOLD_GREEN = "\x1b[1;32m"
        BOLD_MAGENTA = "\x1b[1;35m"
        BOLD_RED = "\x1b[1;31m"
        GREEN = "\x1b[32m"
        GREY = "\x1b[90m"
        MAGENTA = "\x1b[35m"
        RED = "\x1b[31m"
        RESET = "\x1b[0m"
        YELLOW = "\x1b[33m"

    def can_colorize():
        if not sys.flags.ignore_environment:
            setting = os.environ.get("PYTHON_COLORS")
            if setting == "0":
                return False
            if setting == "1":
                return True
            if "NO_COLOR" in os.environ:
                return False
            if "FORCE_COLOR" in os.environ:
                return True
            if os.environ.get("TERM") == "dumb":
                return False
        try:
            return os.isatty(sys.stderr.fileno())
        except (AttributeError, ValueError, OSError):
            return False


class TestResults(namedtuple('TestResults', 'failed attempted')):
    """(failed, attempted) pair; the number of skipped examples rides along
    as an attribute so that unpacking into two names keeps working."""

    def __new__(cls, failed, attempted, *, skipped=0):
        self = super().__new__(cls, failed, attempted)
        self.skipped = skipped
        return self

    def __repr__(self):
        if not self.skipped:
            return super().__repr__()
        return ('TestResults(failed=%s, attempted=%s, skipped=%s)'
                % (self.failed, self.attempted, self.skipped))


# ---------------------------------------------------------------------------
# Option flags.  Each name gets the next free bit; the order of registration
# fixes the values, which users may have stored as plain integers.

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    """Return the flag bit for `name`, allocating a new one if needed."""
    flag = OPTIONFLAGS_BY_NAME.get(name)
    if flag is None:
        flag = OPTIONFLAGS_BY_NAME[name] = 1 << len(OPTIONFLAGS_BY_NAME)
    return flag


DONT_ACCEPT_TRUE_FOR_1 = register_optionflag('DONT_ACCEPT_TRUE_FOR_1')
DONT_ACCEPT_BLANKLINE = register_optionflag('DONT_ACCEPT_BLANKLINE')
NORMALIZE_WHITESPACE = register_optionflag('NORMALIZE_WHITESPACE')
ELLIPSIS = register_optionflag('ELLIPSIS')
SKIP = register_optionflag('SKIP')
IGNORE_EXCEPTION_DETAIL = register_optionflag('IGNORE_EXCEPTION_DETAIL')

COMPARISON_FLAGS = (DONT_ACCEPT_TRUE_FOR_1 | DONT_ACCEPT_BLANKLINE |
                    NORMALIZE_WHITESPACE | ELLIPSIS | SKIP |
                    IGNORE_EXCEPTION_DETAIL)

REPORT_UDIFF = register_optionflag('REPORT_UDIFF')
REPORT_CDIFF = register_optionflag('REPORT_CDIFF')
REPORT_NDIFF = register_optionflag('REPORT_NDIFF')
REPORT_ONLY_FIRST_FAILURE = register_optionflag('REPORT_ONLY_FIRST_FAILURE')
FAIL_FAST = register_optionflag('FAIL_FAST')

REPORTING_FLAGS = (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF |
                   REPORT_ONLY_FIRST_FAILURE | FAIL_FAST)

BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'


# ---------------------------------------------------------------------------
# Small helpers.

def _extract_future_flags(globs):
    """Compiler flags of the __future__ features imported into `globs`."""
    flags = 0
    for feature_name in __future__.all_feature_names:
        feature = getattr(__future__, feature_name)
        if globs.get(feature_name) is feature:
            flags |= feature.compiler_flag
    return flags


def _normalize_module(module, depth=2):
    """A module object from a module, a dotted name or None (the module of
    the caller `depth` frames up)."""
    if inspect.ismodule(module):
        return module
    if isinstance(module, str):
        return __import__(module, globals(), locals(), ["*"])
    if module is not None:
        raise TypeError("Expected a module, string, or None")
    try:
        modname = sys._getframemodulename(depth)
    except AttributeError:
        modname = sys._getframe(depth).f_globals.get('__name__')
    return sys.modules.get(modname)


def _newline_convert(data):
    return IncrementalNewlineDecoder(None, True).decode(data, True)


def _load_testfile(filename, package, module_relative, encoding):
    """Return (text, path) of a test file; module-relative names are read
    through the package's loader when it has one (zip imports)."""
    if module_relative:
        package = _normalize_module(package, 3)
        filename = _module_relative_path(package, filename)
        loader = getattr(package, '__loader__', None)
        if loader is None:
            spec = getattr(package, '__spec__', None)
            loader = getattr(spec, 'loader', None)
        if hasattr(loader, 'get_data'):
            data = loader.get_data(filename).decode(encoding)
            return _newline_convert(data), filename
    with open(filename, encoding=encoding) as f:
        return f.read(), filename


def _indent(s, indent=4):
    """Prefix every non-empty line of `s` with `indent` spaces."""
    return re.sub('(?m)^(?!$)', ' ' * indent, s)


def _exception_traceback(exc_info):
    """The full traceback text for an exc_info triple."""
    buf = StringIO()
    exc_type, exc_value, exc_tb = exc_info
    traceback.print_exception(exc_type, exc_value, exc_tb, file=buf)
    return buf.getvalue()


class _SpoofOut(StringIO):
    """Stands in for sys.stdout while examples run.  Output always reads back
    with a final newline because expected output has no way to say it lacks
    one."""

    def getvalue(self):
        text = StringIO.getvalue(self)
        if text and text[-1] != '\n':
            text += '\n'
        return text

    def truncate(self, size=None):
        self.seek(size)
        StringIO.truncate(self)


def _ellipsis_match(want, got):
    """True if `got` matches `want`, where each '...' in `want` stands for
    any (possibly empty) substring."""
    if ELLIPSIS_MARKER not in want:
        return want == got
    pieces = want.split(ELLIPSIS_MARKER)
    head, middle, tail = pieces[0], pieces[1:-1], pieces[-1]
    # The first and last pieces are anchored at the ends; they must not
    # overlap, which is what makes 'aa...aa' fail against 'aaa'.
    if not got.startswith(head):
        return False
    lo, hi = len(head), len(got)
    if tail:
        if not got.endswith(tail):
            return False
        hi -= len(tail)
    if lo > hi:
        return False
    # Matching the middle pieces leftmost-first is optimal: it leaves the
    # most room for the pieces after it.
    for piece in middle:
        pos = got.find(piece, lo, hi)
        if pos < 0:
            return False
        lo = pos + len(piece)
    return True


def _comment_line(line):
    """`line` turned into a Python comment."""
    line = line.rstrip()
    return '# ' + line if line else '#'


def _strip_exception_details(msg):
    """Reduce 'pkg.mod.Error: detail\\n...' to 'Error', the part that
    IGNORE_EXCEPTION_DETAIL still compares."""
    end = msg.find('\n')
    if end < 0:
        end = len(msg)
    colon = msg.find(':', 0, end)
    if colon >= 0:
        end = colon
    dot = msg.rfind('.', 0, end)
    return msg[dot + 1:end]


class _OutputRedirectingPdb(pdb.Pdb):
    """A debugger for pdb.set_trace() calls inside examples: while it talks
    to the user, stdout is the real one rather than the capturing buffer."""

    def __init__(self, out):
        self.__out = out
        self.__debugger_used = False
        pdb.Pdb.__init__(self, stdout=out, nosigint=True)
        self.use_rawinput = 1

    def set_trace(self, frame=None):
        self.__debugger_used = True
        if frame is None:
            frame = sys._getframe().f_back
        # Our pdb may already prompt inside set_trace() (rather than from a
        # later trace event), so the real stdout must be in place here too.
        saved = sys.stdout
        sys.stdout = self.__out
        try:
            pdb.Pdb.set_trace(self, frame)
        finally:
            sys.stdout = saved

    def set_continue(self):
        # Only a debugger that was actually entered has tracing to undo;
        # calling into bdb otherwise would install a trace function.
        if self.__debugger_used:
            pdb.Pdb.set_continue(self)

    def trace_dispatch(self, *args):
        saved = sys.stdout
        sys.stdout = self.__out
        try:
            return pdb.Pdb.trace_dispatch(self, *args)
        finally:
            sys.stdout = saved


def _module_relative_path(module, test_path):
    """Turn a '/'-separated path relative to `module` into a real path."""
    if not inspect.ismodule(module):
        raise TypeError('Expected a module: %r' % module)
    if test_path.startswith('/'):
        raise ValueError('Module-relative files may not have absolute paths')
    test_path = os.path.join(*test_path.split('/'))
    if hasattr(module, '__file__'):
        basedir = os.path.dirname(module.__file__)
    elif module.__name__ == '__main__':
        if sys.argv and sys.argv[0]:
            basedir = os.path.dirname(sys.argv[0])
        else:
            basedir = os.curdir
    else:
        # A namespace package has no __file__ but may have directories.
        for directory in getattr(module, '__path__', ()):
            candidate = os.path.join(directory, test_path)
            if os.path.exists(candidate):
                return candidate
        raise ValueError("Can't resolve paths relative to the module "
                         "%r (it has no __file__)" % module.__name__)
    return os.path.join(basedir, test_path)


def _summary_colors():
    """(bold_green, bold_red, green, red, yellow, reset) for summaries."""
    # Looked up through the module so that a patched can_colorize (as run()
    # installs, or a test might) is honoured.
    check = _colorize.can_colorize if _colorize is not None else can_colorize
    if not check():
        return ('',) * 6
    return (ANSIColors.BOLD_GREEN, ANSIColors.BOLD_RED, ANSIColors.GREEN,
            ANSIColors.RED, ANSIColors.YELLOW, ANSIColors.RESET)


def _n_items(items):
    n = len(items)
    return '%d item%s' % (n, '' if n == 1 else 's')


# ---------------------------------------------------------------------------
# Example and DocTest: the parsed form of a docstring.

class Example:
    """One interactive statement with its expected output.

    source   -- the statement, newline-terminated, prompts removed
    want     -- expected output (newline-terminated, or '')
    exc_msg  -- for an expected exception, the 'Type: message' part of the
                traceback (newline-terminated), otherwise None
    lineno   -- 0-based line of the statement within the docstring
    indent   -- number of spaces before the '>>>' prompt
    options  -- {flag: bool} from '# doctest:' directives
    """

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0,
                 options=None):
        if not source.endswith('\n'):
            source += '\n'
        if want and not want.endswith('\n'):
            want += '\n'
        if exc_msg is not None and not exc_msg.endswith('\n'):
            exc_msg += '\n'
        self.source = source
        self.want = want
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options
        self.exc_msg = exc_msg

    def _key(self):
        return (self.source, self.want, self.lineno, self.indent,
                self.options, self.exc_msg)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent,
                     self.exc_msg))


class DocTest:
    """The examples of one docstring, with where they came from.

    examples  -- list of Example
    globs     -- namespace the examples run in (a copy of the one given)
    name      -- dotted name of the object the docstring belongs to
    filename  -- file the docstring came from, or None
    lineno    -- 0-based line of the docstring in that file, or None
    docstring -- the original text, or None
    """

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        assert not isinstance(examples, str), \
            "DocTest no longer accepts str; use DocTestParser instead"
        self.examples = examples
        self.docstring = docstring
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno

    def __repr__(self):
        n = len(self.examples)
        if n == 0:
            count = 'no examples'
        elif n == 1:
            count = '1 example'
        else:
            count = '%d examples' % n
        return ('<%s %s from %s:%s (%s)>' %
                (self.__class__.__name__, self.name, self.filename,
                 self.lineno, count))

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self.examples == other.examples and
                self.docstring == other.docstring and
                self.globs == other.globs and
                self.name == other.name and
                self.filename == other.filename and
                self.lineno == other.lineno)

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        # None sorts before every line number (a C-defined object has none).
        mine = -1 if self.lineno is None else self.lineno
        theirs = -1 if other.lineno is None else other.lineno
        return ((self.name, self.filename, mine, id(self)) <
                (other.name, other.filename, theirs, id(other)))


# ---------------------------------------------------------------------------
# Parsing.

class DocTestParser:
    """Splits text into Example objects and the prose between them."""

    # An example: a '>>>' line, any number of '...' continuation lines, then
    # the expected output: the following lines up to a blank line or the
    # next prompt.
    _EXAMPLE_RE = re.compile(r'''
        (?P<source>
            ^(?P<indent>[ ]*) >>> .*       # the '>>>' line
            (?: \n [ ]* \.\.\. .* )*       # its '...' lines
        )
        \n?
        (?P<want>
            (?: (?![ ]*$) (?![ ]*>>>) .+$\n? )*
        )
        ''', re.MULTILINE | re.VERBOSE)

    # Expected output that is a traceback: its header, any stack lines (they
    # are never compared), then from the first line starting with a word
    # character to the end, which is the 'Type: message' being compared.
    _EXCEPTION_RE = re.compile(r'''
        ^(?P<hdr> Traceback\ \( (?: most\ recent\ call\ last
                                  | innermost\ last ) \) : )
        \s* $
        (?P<stack> .*? )
        ^(?P<msg> \w+ .* )
        ''', re.VERBOSE | re.MULTILINE | re.DOTALL)

    # A source that is only blank lines and comments is no example.
    _IS_BLANK_OR_COMMENT = re.compile(r'^[ ]*(#.*)?$').match

    _OPTION_DIRECTIVE_RE = re.compile(r'#\s*doctest:\s*([^\n\'"]*)$',
                                      re.MULTILINE)

    _INDENT_RE = re.compile(r'^([ ]*)(?=\S)', re.MULTILINE)

    def parse(self, string, name='<string>'):
        """Return the text as a list alternating prose strings and
        Example objects (it starts and ends with a string)."""
        string = string.expandtabs()
        min_indent = self._min_indent(string)
        if min_indent > 0:
            string = '\n'.join(line[min_indent:]
                               for line in string.split('\n'))
        pieces = []
        pos = 0
        lineno = 0
        for m in self._EXAMPLE_RE.finditer(string):
            pieces.append(string[pos:m.start()])
            lineno += string.count('\n', pos, m.start())
            source, options, want, exc_msg = \
                self._parse_example(m, name, lineno)
            if not self._IS_BLANK_OR_COMMENT(source):
                pieces.append(Example(
                    source, want, exc_msg, lineno=lineno,
                    indent=min_indent + len(m.group('indent')),
                    options=options))
            lineno += string.count('\n', m.start(), m.end())
            pos = m.end()
        pieces.append(string[pos:])
        return pieces

    def get_doctest(self, string, globs, name, filename, lineno):
        """A DocTest holding the examples of `string`."""
        return DocTest(self.get_examples(string, name), globs,
                       name, filename, lineno, string)

    def get_examples(self, string, name='<string>'):
        """Only the Example objects of `string`."""
        return [piece for piece in self.parse(string, name)
                if isinstance(piece, Example)]

    def _parse_example(self, m, name, lineno):
        """(source, options, want, exc_msg) of one regex match."""
        indent = len(m.group('indent'))

        source_lines = m.group('source').split('\n')
        self._check_prompt_blank(source_lines, indent, name, lineno)
        self._check_prefix(source_lines[1:], ' ' * indent + '.',
                           name, lineno)
        # Drop the indentation and the 4-character prompt ('>>> ', '... ').
        source = '\n'.join(line[indent + 4:] for line in source_lines)

        want_lines = m.group('want').split('\n')
        if len(want_lines) > 1 and not want_lines[-1].strip(' '):
            del want_lines[-1]
        self._check_prefix(want_lines, ' ' * indent, name,
                           lineno + len(source_lines))
        want = '\n'.join(line[indent:] for line in want_lines)

        em = self._EXCEPTION_RE.match(want)
        exc_msg = em.group('msg') if em else None

        options = self._find_options(source, name, lineno)
        return source, options, want, exc_msg

    def _find_options(self, source, name, lineno):
        """The {flag: on} dict of the directives in `source`."""
        options = {}
        for m in self._OPTION_DIRECTIVE_RE.finditer(source):
            for option in m.group(1).replace(',', ' ').split():
                flag = OPTIONFLAGS_BY_NAME.get(option[1:])
                if option[0] not in '+-' or flag is None:
                    raise ValueError('line %r of the doctest for %s has an '
                                     'invalid option: %r' %
                                     (lineno + 1, name, option))
                options[flag] = option[0] == '+'
        if options and self._IS_BLANK_OR_COMMENT(source):
            raise ValueError('line %r of the doctest for %s has an option '
                             'directive on a line with no example: %r' %
                             (lineno, name, source))
        return options

    def _min_indent(self, s):
        """Smallest indentation of the non-blank lines of `s`."""
        widths = [len(ws) for ws in self._INDENT_RE.findall(s)]
        return min(widths) if widths else 0

    def _check_prompt_blank(self, lines, indent, name, lineno):
        """Each prompt must be followed by a space (or end the line)."""
        for i, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != ' ':
                raise ValueError('line %r of the docstring for %s '
                                 'lacks blank after %s: %r' %
                                 (lineno + i + 1, name,
                                  line[indent:indent + 3], line))

    def _check_prefix(self, lines, prefix, name, lineno):
        """Every non-empty line must start with `prefix`."""
        for i, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError('line %r of the docstring for %s has '
                                 'inconsistent leading whitespace: %r' %
                                 (lineno + i + 1, name, line))


# ---------------------------------------------------------------------------
# Finding docstrings.

class DocTestFinder:
    """Collects the DocTests of an object and, recursively, of the objects
    it contains (module members, class members, a module's __test__)."""

    def __init__(self, verbose=False, parser=DocTestParser(),
                 recurse=True, exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        """Return the sorted DocTests of `obj` and what it contains.

        `module` is the module the objects must come from to be searched;
        by default the module of `obj`, and False means "don't check".
        Each DocTest runs in a copy of `globs` (default: the module's
        __dict__, or {}) updated with `extraglobs`.
        """
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given "
                                 "when obj.__name__ doesn't exist: %r" %
                                 (type(obj),))

        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)

        source_lines = self._source_lines(obj, module)

        if globs is not None:
            globs = globs.copy()
        elif module is not None:
            globs = module.__dict__.copy()
        else:
            globs = {}
        if extraglobs is not None:
            globs.update(extraglobs)
        globs.setdefault('__name__', '__main__')

        tests = []
        self._find(tests, obj, name, module, source_lines, globs, {})
        tests.sort()
        return tests

    def _source_lines(self, obj, module):
        """Lines of the file `obj` was defined in (for line numbers), or
        None."""
        try:
            path = inspect.getsourcefile(obj)
        except TypeError:
            return None
        if not path:
            # Code compiled from an example has a '<doctest name[N]>' name
            # whose lines our patched linecache can still provide.
            path = inspect.getfile(obj)
            if not (path[:1] == '<' and path[-2:] == ']>'):
                return None
        if module is not None:
            # The module's globals let linecache ask its loader (zip files).
            lines = linecache.getlines(path, module.__dict__)
        else:
            lines = linecache.getlines(path)
        return lines or None

    def _from_module(self, module, object):
        """Whether `object` was defined in `module` (None accepts all)."""
        if module is None:
            return True
        owner = inspect.getmodule(object)
        if owner is not None:
            return owner is module
        if inspect.isfunction(object):
            return object.__globals__ is module.__dict__
        if inspect.ismethoddescriptor(object) or \
                inspect.ismethodwrapper(object):
            if hasattr(object, '__objclass__'):
                modname = object.__objclass__.__module__
            elif hasattr(object, '__module__'):
                modname = object.__module__
            else:
                return True
            return modname == module.__name__
        if inspect.isclass(object):
            return object.__module__ == module.__name__
        if hasattr(object, '__module__'):
            return object.__module__ == module.__name__
        if isinstance(object, property):
            return True
        raise ValueError("object must be a class or function")

    def _is_routine(self, obj):
        """isroutine() that looks through functools.wraps decorators."""
        try:
            obj = inspect.unwrap(obj)
        except ValueError:
            pass
        return inspect.isroutine(obj)

    def _find(self, tests, obj, name, module, source_lines, globs, seen):
        """Append the DocTests of `obj` and its members to `tests`."""
        if self._verbose:
            print('Finding tests in %s' % name)
        if id(obj) in seen:
            return
        seen[id(obj)] = 1

        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)

        if not self._recurse:
            return

        if inspect.ismodule(obj):
            for member_name, member in obj.__dict__.items():
                if ((self._is_routine(member) or inspect.isclass(member))
                        and self._from_module(module, member)):
                    self._find(tests, member, '%s.%s' % (name, member_name),
                               module, source_lines, globs, seen)
            for key, value in getattr(obj, '__test__', {}).items():
                if not isinstance(key, str):
                    raise ValueError("DocTestFinder.find: __test__ keys "
                                     "must be strings: %r" % (type(key),))
                if not (inspect.isroutine(value) or inspect.isclass(value)
                        or inspect.ismodule(value)
                        or isinstance(value, str)):
                    raise ValueError("DocTestFinder.find: __test__ values "
                                     "must be strings, functions, methods, "
                                     "classes, or modules: %r" %
                                     (type(value),))
                self._find(tests, value, '%s.__test__.%s' % (name, key),
                           module, source_lines, globs, seen)

        if inspect.isclass(obj):
            for member_name, member in obj.__dict__.items():
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if ((inspect.isroutine(member) or inspect.isclass(member)
                        or isinstance(member, property))
                        and self._from_module(module, member)):
                    self._find(tests, member, '%s.%s' % (name, member_name),
                               module, source_lines, globs, seen)

    def _get_test(self, obj, name, module, globs, source_lines):
        """The DocTest of `obj`'s own docstring, or None if it is empty and
        empty ones are excluded."""
        if isinstance(obj, str):
            docstring = obj
        else:
            try:
                docstring = obj.__doc__
                if docstring is None:
                    docstring = ''
                elif not isinstance(docstring, str):
                    docstring = str(docstring)
            except (TypeError, AttributeError):
                docstring = ''

        lineno = self._find_lineno(obj, source_lines)

        if self._exclude_empty and not docstring:
            return None

        if module is None:
            filename = None
        else:
            filename = getattr(module, '__file__', None) or module.__name__
            if filename.endswith('.pyc'):
                filename = filename[:-1]
        return self._parser.get_doctest(docstring, globs, name,
                                        filename, lineno)

    def _find_lineno(self, obj, source_lines):
        """0-based line of `obj`'s docstring in `source_lines`, or None."""
        lineno = None
        has_doc = getattr(obj, '__doc__', None) is not None

        if inspect.ismodule(obj) and has_doc:
            lineno = 0

        if inspect.isclass(obj) and has_doc:
            if source_lines is None:
                return None
            header = re.compile(r'^\s*class\s*%s\b' %
                                re.escape(getattr(obj, '__name__', '-')))
            for i, line in enumerate(source_lines):
                if header.match(line):
                    lineno = i
                    break

        if inspect.ismethod(obj):
            obj = obj.__func__
        if isinstance(obj, property):
            obj = obj.fget
        if inspect.isfunction(obj) and getattr(obj, '__doc__', None):
            # A decorated function: the docstring sits in the innermost one.
            obj = inspect.unwrap(obj)
            obj = getattr(obj, '__code__', None)
            if obj is None:
                return None
        if inspect.istraceback(obj):
            obj = obj.tb_frame
        if inspect.isframe(obj):
            obj = obj.f_code
        if inspect.iscode(obj):
            lineno = obj.co_firstlineno - 1

        if lineno is None:
            return None
        if source_lines is None:
            return lineno + 1
        # From the definition, look for the first line that opens a string.
        opens_string = re.compile(r'(^|.*:)\s*\w*("|\')')
        for i in range(lineno, len(source_lines)):
            if opens_string.match(source_lines[i]):
                return i
        return None


# ---------------------------------------------------------------------------
# Running.

class DocTestRunner:
    """Runs DocTests, reports each failure as it happens and keeps totals.

    Output goes through the `out` function given to run() (default: write
    to sys.stdout).  The report_* methods may be overridden to change the
    format; summarize() prints the totals.
    """

    DIVIDER = '*' * 70

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        if verbose is None:
            verbose = '-v' in sys.argv
        self._verbose = verbose
        self.optionflags = optionflags
        self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self.skips = 0
        # test name -> (failures, tries, skips)
        self._stats = {}
        self._fakeout = _SpoofOut()

    # -- reporting ---------------------------------------------------------

    def report_start(self, out, test, example):
        """Called before each example runs (prints it in verbose mode)."""
        if not self._verbose:
            return
        text = 'Trying:\n' + _indent(example.source)
        if example.want:
            text += 'Expecting:\n' + _indent(example.want)
        else:
            text += 'Expecting nothing\n'
        out(text)

    def report_success(self, out, test, example, got):
        """Called when an example's output matched."""
        if self._verbose:
            out("ok\n")

    def report_failure(self, out, test, example, got):
        """Called when an example's output did not match."""
        out(self._failure_header(test, example) +
            self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        """Called when an example raised an exception nobody expected."""
        out(self._failure_header(test, example) + 'Exception raised:\n' +
            _indent(_exception_traceback(exc_info)))

    def _failure_header(self, test, example):
        divider = self.DIVIDER
        # The function bound at import, not the one run() disables for
        # tracebacks: the reference implementation colours this line on a
        # terminal.
        if can_colorize():
            divider = ANSIColors.RED + divider + ANSIColors.RESET
        lines = [divider]
        if test.filename:
            if test.lineno is None or example.lineno is None:
                where = '?'
            else:
                where = test.lineno + example.lineno + 1
            lines.append('File "%s", line %s, in %s' %
                         (test.filename, where, test.name))
        else:
            lines.append('Line %s, in %s' % (example.lineno + 1, test.name))
        lines.append('Failed example:')
        lines.append(_indent(example.source))
        return '\n'.join(lines)

    # -- running -----------------------------------------------------------

    def __run(self, test, compileflags, out):
        """Run the examples of `test` with stdout already captured."""
        failures = attempted = skips = 0
        base_flags = self.optionflags
        check = self._checker.check_output

        for index, example in enumerate(test.examples):
            attempted += 1
            # With REPORT_ONLY_FIRST_FAILURE, later examples still run (they
            # may set up state) but nothing more is printed.  The flags
            # consulted are those still in force from the previous example,
            # as the reference implementation does.
            quiet = bool(self.optionflags & REPORT_ONLY_FIRST_FAILURE) and \
                failures > 0

            flags = base_flags
            for flag, enable in example.options.items():
                if enable:
                    flags |= flag
                else:
                    flags &= ~flag
            self.optionflags = flags

            if flags & SKIP:
                skips += 1
                continue

            if not quiet:
                self.report_start(out, test, example)

            # This name lets the patched linecache show the example's source
            # in tracebacks and in the debugger.
            filename = '<doctest %s[%d]>' % (test.name, index)
            exc_info = None
            try:
                code = compile(example.source, filename, 'single',
                               compileflags, True)
                exec(code, test.globs)
                self.debugger.set_continue()
            except KeyboardInterrupt:
                raise
            except BaseException:
                exc_info = sys.exc_info()
                self.debugger.set_continue()

            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)

            unexpected = False
            if exc_info is None:
                ok = check(example.want, got, flags)
            else:
                exc_msg = self._exception_message(exc_info)
                if not quiet:
                    got += _exception_traceback(exc_info)
                if example.exc_msg is None:
                    ok = False
                    unexpected = True
                else:
                    ok = check(example.exc_msg, exc_msg, flags)
                    if not ok and flags & IGNORE_EXCEPTION_DETAIL:
                        ok = check(_strip_exception_details(example.exc_msg),
                                   _strip_exception_details(exc_msg), flags)

            if ok:
                if not quiet:
                    self.report_success(out, test, example, got)
            else:
                failures += 1
                if not quiet and unexpected:
                    self.report_unexpected_exception(out, test, example,
                                                     exc_info)
                elif not quiet:
                    self.report_failure(out, test, example, got)

            if failures and flags & FAIL_FAST:
                break

        self.optionflags = base_flags
        self.__record_outcome(test, failures, attempted, skips)
        return TestResults(failures, attempted, skipped=skips)

    @staticmethod
    def _exception_message(exc_info):
        """The 'Type: message' text an expected traceback is compared with."""
        exc_type, exc_value = exc_info[:2]
        lines = traceback.format_exception_only(exc_type, exc_value)
        if issubclass(exc_type, SyntaxError):
            # Only the message (and notes) count: the location, source line
            # and caret lines above it depend on the compiler's details.
            prefixes = ('%s:' % exc_type.__qualname__,
                        '%s.%s:' % (exc_type.__module__,
                                    exc_type.__qualname__))
            for i, line in enumerate(lines):
                if line.startswith(prefixes):
                    lines = lines[i:]
                    break
        return ''.join(lines)

    def __record_outcome(self, test, failures, tries, skips):
        old_failures, old_tries, old_skips = \
            self._stats.get(test.name, (0, 0, 0))
        self._stats[test.name] = (old_failures + failures,
                                  old_tries + tries,
                                  old_skips + skips)
        self.failures += failures
        self.tries += tries
        self.skips += skips

    __LINECACHE_FILENAME_RE = re.compile(
        r'<doctest (?P<name>.+)\[(?P<examplenum>\d+)\]>$')

    def __patched_linecache_getlines(self, filename, module_globals=None):
        m = self.__LINECACHE_FILENAME_RE.match(filename)
        if m and m.group('name') == self.test.name:
            example = self.test.examples[int(m.group('examplenum'))]
            return example.source.splitlines(keepends=True)
        return self.save_linecache_getlines(filename, module_globals)

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """Run the examples of `test` in test.globs and report through
        `out` (default: sys.stdout.write).  Returns TestResults.

        `compileflags` defaults to the __future__ features imported into
        the globals.  The globals are cleared afterwards unless
        `clear_globs` is false.
        """
        self.test = test
        if compileflags is None:
            compileflags = _extract_future_flags(test.globs)

        real_stdout = sys.stdout
        if out is None:
            encoding = getattr(real_stdout, 'encoding', None)
            if encoding is None or encoding.lower() == 'utf-8':
                out = real_stdout.write
            else:
                # Don't let an example's non-encodable output crash the
                # report.
                def out(s):
                    s = s.encode(encoding, 'backslashreplace').decode(encoding)
                    real_stdout.write(s)

        saved_trace = sys.gettrace()
        saved_set_trace = pdb.set_trace
        saved_getlines = linecache.getlines
        saved_displayhook = sys.displayhook
        saved_can_colorize = None
        if _colorize is not None:
            saved_can_colorize = _colorize.can_colorize
        saved_env = {}

        sys.stdout = self._fakeout
        self.debugger = _OutputRedirectingPdb(real_stdout)
        self.debugger.reset()
        pdb.set_trace = self.debugger.set_trace
        self.save_linecache_getlines = saved_getlines
        linecache.getlines = self.__patched_linecache_getlines
        # Examples are written as typed at the standard prompt.
        sys.displayhook = sys.__displayhook__
        # Tracebacks compared with expected text must be plain.
        if _colorize is not None:
            _colorize.can_colorize = lambda *args, **kwargs: False
        for key in ('PYTHON_COLORS', 'FORCE_COLOR'):
            saved_env[key] = os.environ.pop(key, None)
        try:
            return self.__run(test, compileflags, out)
        finally:
            sys.stdout = real_stdout
            pdb.set_trace = saved_set_trace
            sys.settrace(saved_trace)
            linecache.getlines = saved_getlines
            sys.displayhook = saved_displayhook
            if _colorize is not None:
                _colorize.can_colorize = saved_can_colorize
            for key, value in saved_env.items():
                if value is not None:
                    os.environ[key] = value
            if clear_globs:
                test.globs.clear()
                import builtins
                builtins._ = None

    # -- totals --------------------------------------------------------------

    def summarize(self, verbose=None):
        """Print totals over every DocTest this runner ran; return
        TestResults."""
        if verbose is None:
            verbose = self._verbose

        empty, passed, failed = [], [], []
        total_tries = total_failures = total_skips = 0
        for name, (failures, tries, skips) in self._stats.items():
            assert failures <= tries
            total_tries += tries
            total_failures += failures
            total_skips += skips
            if tries == 0:
                empty.append(name)
            elif failures == 0:
                passed.append((name, tries))
            else:
                failed.append((name, (failures, tries, skips)))

        bold_green, bold_red, green, red, yellow, reset = _summary_colors()

        if verbose:
            if empty:
                print('%s had no tests:' % _n_items(empty))
                for name in sorted(empty):
                    print('    %s' % name)
            if passed:
                print('%s%s passed all tests:%s' %
                      (green, _n_items(passed), reset))
                for name, count in sorted(passed):
                    print(' %s%3d test%s in %s%s' %
                          (green, count, '' if count == 1 else 's',
                           name, reset))

        if failed:
            print('%s%s%s' % (red, self.DIVIDER, reset))
            print('%s had failures:' % _n_items(failed))
            for name, (failures, tries, skips) in sorted(failed):
                print(' %3d of %3d in %s' % (failures, tries, name))

        if verbose:
            print('%d test%s in %s.' % (total_tries,
                                        '' if total_tries == 1 else 's',
                                        _n_items(self._stats)))
            failed_part = ''
            if total_failures:
                failed_part = ' and %s%d failed%s' % (red, total_failures,
                                                      reset)
            print('%s%d passed%s%s.' % (green, total_tries - total_failures,
                                        reset, failed_part))

        if total_failures:
            msg = '%s***Test Failed*** %d failure%s%s' % (
                bold_red, total_failures,
                '' if total_failures == 1 else 's', reset)
            if total_skips:
                msg += ' and %s%d skipped test%s%s' % (
                    yellow, total_skips,
                    '' if total_skips == 1 else 's', reset)
            print(msg + '.')
        elif verbose:
            print('%sTest passed.%s' % (bold_green, reset))

        return TestResults(total_failures, total_tries, skipped=total_skips)

    def merge(self, other):
        """Add the totals of runner `other` into this one."""
        for name, (failures, tries, skips) in other._stats.items():
            if name in self._stats:
                f, t, s = self._stats[name]
                failures += f
                tries += t
                skips += s
            self._stats[name] = (failures, tries, skips)


# ---------------------------------------------------------------------------
# Comparing output.

class OutputChecker:
    """Decides whether actual output matches the expected output, and
    describes the difference when it does not."""

    def _toAscii(self, s):
        """Escape non-ASCII characters, so that what was printed compares
        the same as what was written in the (possibly differently encoded)
        docstring."""
        return str(s.encode('ASCII', 'backslashreplace'), 'ASCII')

    def check_output(self, want, got, optionflags):
        """True if `got` is an acceptable result for `want` under the
        comparison flags in `optionflags`."""
        got = self._toAscii(got)
        want = self._toAscii(want)
        if got == want:
            return True

        # Python 2.2 printed 1/0 where later versions print True/False.
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            if (want, got) in (("1\n", "True\n"), ("0\n", "False\n")):
                return True

        if not optionflags & DONT_ACCEPT_BLANKLINE:
            # '<BLANKLINE>' stands for an empty line, and lines holding only
            # whitespace count as empty.
            want = re.sub(r'(?m)^%s\s*?$' % re.escape(BLANKLINE_MARKER),
                          '', want)
            got = re.sub(r'(?m)^[^\S\n]+$', '', got)
            if got == want:
                return True

        if optionflags & NORMALIZE_WHITESPACE:
            got = ' '.join(got.split())
            want = ' '.join(want.split())
            if got == want:
                return True

        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True

        return False

    def _do_a_fancy_diff(self, want, got, optionflags):
        """Whether to show a diff rather than the two texts."""
        if not optionflags & (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF):
            return False
        if optionflags & REPORT_NDIFF:
            return True
        # Line diffs of one or two lines say less than the texts themselves.
        return want.count('\n') > 2 and got.count('\n') > 2

    def output_difference(self, example, got, optionflags):
        """Describe how `got` differs from example.want."""
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = re.sub('(?m)^[ ]*(?=\n)', BLANKLINE_MARKER, got)

        if self._do_a_fancy_diff(want, got, optionflags):
            want_lines = want.splitlines(keepends=True)
            got_lines = got.splitlines(keepends=True)
            if optionflags & REPORT_UDIFF:
                # The first two lines are the empty '---'/'+++' headers.
                diff = list(difflib.unified_diff(want_lines, got_lines,
                                                 n=2))[2:]
                kind = 'unified diff with -expected +actual'
            elif optionflags & REPORT_CDIFF:
                diff = list(difflib.context_diff(want_lines, got_lines,
                                                 n=2))[2:]
                kind = 'context diff with expected followed by actual'
            else:
                engine = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
                diff = list(engine.compare(want_lines, got_lines))
                kind = 'ndiff with -expected +actual'
            return 'Differences (%s):\n' % kind + _indent(''.join(diff))

        if want and got:
            return 'Expected:\n%sGot:\n%s' % (_indent(want), _indent(got))
        if want:
            return 'Expected:\n%sGot nothing\n' % _indent(want)
        if got:
            return 'Expected nothing\nGot:\n%s' % _indent(got)
        return 'Expected nothing\nGot nothing\n'


# ---------------------------------------------------------------------------
# Stopping at the first problem.

class DocTestFailure(Exception):
    """An example's output did not match (raised by DebugRunner).

    test, example -- where; got -- the actual output
    """

    def __init__(self, test, example, got):
        self.test = test
        self.example = example
        self.got = got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    """An example raised an exception (raised by DebugRunner).

    test, example -- where; exc_info -- the sys.exc_info() triple
    """

    def __init__(self, test, example, exc_info):
        self.test = test
        self.example = example
        self.exc_info = exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """A runner that raises at the first failing example instead of
    reporting it, so the failure can be examined (post-mortem)."""

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        # The globals survive an exception so that they can be inspected.
        result = DocTestRunner.run(self, test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return result

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


# ---------------------------------------------------------------------------
# Convenience functions.

# The runner used by the latest testmod()/testfile() call; later calls merge
# their totals into it.
master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True,
            optionflags=0, extraglobs=None, raise_on_error=False,
            exclude_empty=False):
    """Test the examples in the docstrings of module `m` (default __main__)
    and of the functions and classes it defines, plus m.__test__.

    Returns TestResults(failed, attempted).  `verbose` prints every example
    (default: '-v' on the command line); `report` prints a summary at the
    end; `raise_on_error` stops at the first failure with an exception.
    """
    global master
    if m is None:
        m = sys.modules.get('__main__')
    if not inspect.ismodule(m):
        raise TypeError("testmod: module required; %r" % (m,))
    if name is None:
        name = m.__name__

    finder = DocTestFinder(exclude_empty=exclude_empty)
    runner_class = DebugRunner if raise_on_error else DocTestRunner
    runner = runner_class(verbose=verbose, optionflags=optionflags)
    for test in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(test)
    if report:
        runner.summarize()

    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries, skipped=runner.skips)


def testfile(filename, module_relative=True, name=None, package=None,
             globs=None, verbose=None, report=True, optionflags=0,
             extraglobs=None, raise_on_error=False, parser=DocTestParser(),
             encoding=None):
    """Test the examples in a text file.

    With `module_relative` (the default) `filename` is a '/'-separated path
    relative to `package` (default: the caller's module); otherwise it is an
    ordinary path.  The other arguments are as for testmod(); `parser`
    splits the text into examples.  Returns TestResults(failed, attempted).
    """
    global master
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-"
                         "relative paths.")
    text, filename = _load_testfile(filename, package, module_relative,
                                    encoding or "utf-8")
    if name is None:
        name = os.path.basename(filename)
    globs = {} if globs is None else globs.copy()
    if extraglobs is not None:
        globs.update(extraglobs)
    globs.setdefault('__name__', '__main__')

    runner_class = DebugRunner if raise_on_error else DocTestRunner
    runner = runner_class(verbose=verbose, optionflags=optionflags)
    test = parser.get_doctest(text, globs, name, filename, 0)
    runner.run(test)
    if report:
        runner.summarize()

    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries, skipped=runner.skips)


def run_docstring_examples(f, globs, verbose=False, name="NoName",
                           compileflags=None, optionflags=0):
    """Run the examples in the docstring of `f` (not of what it contains)
    in `globs`; only failures are printed unless `verbose`."""
    finder = DocTestFinder(verbose=verbose, recurse=False)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(f, name, globs=globs):
        runner.run(test, compileflags=compileflags)


# ---------------------------------------------------------------------------
# unittest support.

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Set the reporting flags DocTestCases use when they were given none;
    return the previous setting."""
    global _unittest_reportflags
    if (flags & REPORTING_FLAGS) != flags:
        raise ValueError("Only reporting flags allowed", flags)
    previous = _unittest_reportflags
    _unittest_reportflags = flags
    return previous


class DocTestCase(unittest.TestCase):
    """A unittest test case running one DocTest."""

    def __init__(self, test, optionflags=0, setUp=None, tearDown=None,
                 checker=None):
        unittest.TestCase.__init__(self)
        self._dt_optionflags = optionflags
        self._dt_checker = checker
        self._dt_test = test
        self._dt_setUp = setUp
        self._dt_tearDown = tearDown

    def setUp(self):
        test = self._dt_test
        # The examples change their globals; put them back afterwards so
        # the case can run again.
        self._dt_globs = test.globs.copy()
        if self._dt_setUp is not None:
            self._dt_setUp(test)

    def tearDown(self):
        test = self._dt_test
        if self._dt_tearDown is not None:
            self._dt_tearDown(test)
        test.globs.clear()
        test.globs.update(self._dt_globs)

    def runTest(self):
        test = self._dt_test
        saved_stdout = sys.stdout
        report = StringIO()
        optionflags = self._dt_optionflags
        if not optionflags & REPORTING_FLAGS:
            optionflags |= _unittest_reportflags
        runner = DocTestRunner(optionflags=optionflags,
                               checker=self._dt_checker, verbose=False)
        try:
            runner.DIVIDER = '-' * 70
            results = runner.run(test, out=report.write, clear_globs=False)
            if results.skipped == results.attempted:
                raise unittest.SkipTest("all examples were skipped")
        finally:
            sys.stdout = saved_stdout
        if results.failed:
            raise self.failureException(
                self.format_failure(report.getvalue()))

    def format_failure(self, err):
        test = self._dt_test
        if test.lineno is None:
            lineno = 'unknown line number'
        else:
            lineno = '%s' % test.lineno
        short_name = test.name.split('.')[-1]
        return ('Failed doctest test for %s\n'
                '  File "%s", line %s, in %s\n\n%s'
                % (test.name, test.filename, lineno, short_name, err))

    def debug(self):
        """Run without a result object: the first failure raises
        DocTestFailure or UnexpectedException, for post-mortem use."""
        self.setUp()
        runner = DebugRunner(optionflags=self._dt_optionflags,
                             checker=self._dt_checker, verbose=False)
        runner.run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self._dt_test == other._dt_test and
                self._dt_optionflags == other._dt_optionflags and
                self._dt_setUp == other._dt_setUp and
                self._dt_tearDown == other._dt_tearDown and
                self._dt_checker == other._dt_checker)

    def __hash__(self):
        return hash((self._dt_optionflags, self._dt_setUp, self._dt_tearDown,
                     self._dt_checker))

    def __repr__(self):
        parts = self._dt_test.name.split('.')
        return '%s (%s)' % (parts[-1], '.'.join(parts[:-1]))

    __str__ = object.__str__

    def shortDescription(self):
        return 'Doctest: ' + self._dt_test.name


class SkipDocTestCase(DocTestCase):
    """Stands for a module whose docstrings were stripped (-OO)."""

    def __init__(self, module):
        self.module = module
        DocTestCase.__init__(self, None)

    def setUp(self):
        self.skipTest("DocTestSuite will not work with -O2 and above")

    def test_skip(self):
        pass

    def shortDescription(self):
        return "Skipping tests from %s" % self.module.__name__

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):
    # A DocTestCase may be run again (e.g. by a failing test's debug()), so
    # the suite keeps its cases after running them.
    def _removeTestAtIndex(self, index):
        pass


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None,
                 **options):
    """A unittest suite with one DocTestCase per non-empty docstring of
    `module` (a module, a module name, or None for the caller's module).

    `globs`/`extraglobs` are as for testmod(); the remaining keyword
    arguments (setUp, tearDown, checker, optionflags) go to each case.
    """
    if test_finder is None:
        test_finder = DocTestFinder()
    module = _normalize_module(module)
    tests = test_finder.find(module, globs=globs, extraglobs=extraglobs)

    suite = _DocTestSuite()
    if not tests and sys.flags.optimize >= 2:
        suite.addTest(SkipDocTestCase(module))
        return suite

    tests.sort()
    for test in tests:
        if not test.examples:
            continue
        if not test.filename:
            filename = module.__file__
            if filename.endswith('.pyc'):
                filename = filename[:-1]
            test.filename = filename
        suite.addTest(DocTestCase(test, **options))
    return suite


class DocFileCase(DocTestCase):
    """A unittest test case running the examples of a text file."""

    def id(self):
        return '_'.join(self._dt_test.name.split('.'))

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        return ('Failed doctest test for %s\n  File "%s", line 0\n\n%s'
                % (self._dt_test.name, self._dt_test.filename, err))


def DocFileTest(path, module_relative=True, package=None,
                globs=None, parser=DocTestParser(),
                encoding=None, **options):
    """A DocFileCase for the text file `path` (see testfile() for the path
    rules); extra keyword arguments go to the case."""
    globs = {} if globs is None else globs.copy()
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-"
                         "relative paths.")
    text, path = _load_testfile(path, package, module_relative,
                                encoding or "utf-8")
    globs.setdefault("__file__", path)
    name = os.path.basename(path)
    test = parser.get_doctest(text, globs, name, path, 0)
    return DocFileCase(test, **options)


def DocFileSuite(*paths, **kw):
    """A unittest suite with a DocFileCase for each path.  Keywords:
    module_relative, package, setUp, tearDown, globs, optionflags, parser,
    encoding (as for testfile() and DocTestCase)."""
    suite = _DocTestSuite()
    # Resolve the caller's package here: from inside DocFileTest the
    # caller would be this function.
    if kw.get('module_relative', True):
        kw['package'] = _normalize_module(kw.get('package'))
    for path in paths:
        suite.addTest(DocFileTest(path, **kw))
    return suite


# ---------------------------------------------------------------------------
# Debugging support.

def script_from_examples(s):
    """Turn a doctest into a Python script: examples become code, expected
    output and prose become comments."""
    lines = []
    for piece in DocTestParser().parse(s):
        if isinstance(piece, Example):
            lines.append(piece.source[:-1])
            if piece.want:
                lines.append('# Expected:')
                lines.extend('## ' + line
                             for line in piece.want.split('\n')[:-1])
        else:
            lines.extend(_comment_line(line)
                         for line in piece.split('\n')[:-1])
    # Empty comment lines at either end are noise.
    start, end = 0, len(lines)
    while end > start and lines[end - 1] == '#':
        end -= 1
    while start < end and lines[start] == '#':
        start += 1
    return '\n'.join(lines[start:end]) + '\n'


def testsource(module, name):
    """The script form of the docstring of the object named `name` (a full
    dotted DocTest name) in `module`."""
    module = _normalize_module(module)
    for test in DocTestFinder().find(module):
        if test.name == name:
            return script_from_examples(test.docstring)
    raise ValueError(name, "not found in tests")


def debug_src(src, pm=False, globs=None):
    """Debug the examples in the string `src`."""
    debug_script(script_from_examples(src), pm, globs)


def debug_script(src, pm=False, globs=None):
    """Run the script `src` under pdb; with `pm`, run it normally and start
    a post-mortem session if it raises."""
    globs = {} if globs is None else globs.copy()
    if pm:
        try:
            exec(src, globs, globs)
        except BaseException:
            print(sys.exc_info()[1])
            debugger = pdb.Pdb(nosigint=True)
            debugger.reset()
            debugger.interaction(None, sys.exc_info()[2])
    else:
        pdb.Pdb(nosigint=True).run("exec(%r)" % src, globs, globs)


def debug(module, name, pm=False):
    """Debug the docstring of the object named `name` in `module`."""
    module = _normalize_module(module)
    debug_script(testsource(module, name), pm, module.__dict__)


# ---------------------------------------------------------------------------
# Command line.

def _test():
    import argparse

    parser = argparse.ArgumentParser(description="doctest runner")
    parser.add_argument('-v', '--verbose', action='store_true', default=False,
                        help='print very verbose output for all tests')
    parser.add_argument('-o', '--option', action='append',
                        choices=OPTIONFLAGS_BY_NAME.keys(), default=[],
                        help=('specify a doctest option flag to apply'
                              ' to the test run; may be specified more'
                              ' than once to apply multiple options'))
    parser.add_argument('-f', '--fail-fast', action='store_true',
                        help=('stop running tests after first failure (this'
                              ' is a shorthand for -o FAIL_FAST, and is'
                              ' in addition to any other -o options)'))
    parser.add_argument('file', nargs='+',
                        help='file containing the tests to run')
    args = parser.parse_args()

    flags = 0
    for option in args.option:
        flags |= OPTIONFLAGS_BY_NAME[option]
    if args.fail_fast:
        flags |= FAIL_FAST

    for path in args.file:
        if path.endswith('.py'):
            # Import the file as a module from its own directory.
            dirname, basename = os.path.split(path)
            sys.path.insert(0, dirname)
            module = __import__(basename[:-3])
            del sys.path[0]
            failures, _ = testmod(module, verbose=args.verbose,
                                  optionflags=flags)
        else:
            failures, _ = testfile(path, module_relative=False,
                                   verbose=args.verbose, optionflags=flags)
        if failures:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(_test())

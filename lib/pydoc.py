"""Generate Python documentation in text form from live objects.

help(thing) renders modules, classes, functions, methods, descriptors and other values
the way CPython's pydoc does in its plain-text mode; pydoc.render_doc() returns the same
text, pydoc.doc() prints it.  Only the text renderer is provided (no HTML and no web
server); when a page goes to a terminal it is written out whole rather than paged.
"""

import builtins
import inspect
import os
import re
import sys
from reprlib import Repr

__all__ = ['help']

_HIDDEN_NAMES = frozenset({
    '__author__', '__builtins__', '__cached__', '__credits__', '__date__', '__doc__',
    '__file__', '__spec__', '__loader__', '__module__', '__name__', '__package__',
    '__path__', '__qualname__', '__slots__', '__version__', '__static_attributes__',
    '__firstlineno__',
})

# Modules without a source file whose pages still point at the library reference.
_REFERENCED_BUILTINS = frozenset({
    'errno', 'exceptions', 'gc', 'marshal', 'posix', 'signal', 'sys', '_thread',
    'zipimport',
})

PYTHONDOCS = os.environ.get(
    "PYTHONDOCS", "https://docs.python.org/%d.%d/library" % sys.version_info[:2])


# ---- small text helpers ------------------------------------------------------------

def _strip_backspaces(text):
    return re.sub('.\b', '', text)


plain = _strip_backspaces


def cram(text, maxlen):
    """Shorten text to at most maxlen characters by cutting out its middle."""
    if len(text) <= maxlen:
        return text
    head = max(0, (maxlen - 3) // 2)
    tail = max(0, maxlen - 3 - head)
    return text[:head] + '...' + text[len(text) - tail:]


_ADDRESS = re.compile(r' at 0x[0-9a-f]{6,16}(>+)$', re.IGNORECASE)


def stripid(text):
    """Drop the ' at 0x...' address from a default repr."""
    return _ADDRESS.sub(r'\1', text)


def replace(text, *pairs):
    """Apply the (old, new) replacements given as a flat argument list, in order."""
    for old, new in zip(pairs[::2], pairs[1::2]):
        text = new.join(text.split(old))
    return text


def splitdoc(doc):
    """Split a docstring into its synopsis line and the rest."""
    lines = doc.strip().split('\n')
    if len(lines) == 1:
        return lines[0], ''
    if not lines[1].rstrip():
        return lines[0], '\n'.join(lines[2:])
    return '', '\n'.join(lines)


def classname(object, modname):
    """The name of a class, qualified by its module when that is not modname."""
    name = object.__name__
    if object.__module__ != modname:
        name = object.__module__ + '.' + name
    return name


def parentname(object, modname):
    """Where a function was defined: its enclosing class (qualified when it comes
    from another module) or its module."""
    qualname = object.__qualname__
    if '.' in qualname:
        owner = qualname.rpartition('.')[0]
        if object.__module__ != modname:
            return object.__module__ + '.' + owner
        return owner
    if object.__module__ != modname:
        return object.__module__
    return None


def isdata(object):
    """True for values that are documented as plain data."""
    return not (inspect.ismodule(object) or inspect.isclass(object) or
                inspect.isroutine(object) or inspect.isframe(object) or
                inspect.istraceback(object) or inspect.iscode(object))


def ispackage(path):
    """Whether path is a directory holding a package."""
    if os.path.isdir(path):
        for ext in ('.py', '.pyc'):
            if os.path.isfile(os.path.join(path, '__init__' + ext)):
                return True
    return False


def _is_bound_method(fn):
    """Whether fn is bound to something (an instance or a class, not a module)."""
    if inspect.ismethod(fn):
        return True
    if inspect.isbuiltin(fn):
        owner = getattr(fn, '__self__', None)
        return not (owner is None or inspect.ismodule(owner))
    return False


def visiblename(name, all=None, obj=None):
    """Whether a name belongs on the page."""
    # (CPython answers 0/1 for these two cases and bools for the rest)
    if name in _HIDDEN_NAMES:
        return 0
    if name.startswith('__') and name.endswith('__'):
        return 1
    # named tuples document their _-prefixed API
    if name.startswith('_') and hasattr(obj, '_fields'):
        return True
    if obj is not _future_module() and name in _future_feature_names():
        future = _future_module()
        if future is not None and isinstance(getattr(obj, name, None), future._Feature):
            return False
    if all is not None:
        return name in all
    return not name.startswith('_')


def _future_module():
    return sys.modules.get('__future__')


def _future_feature_names():
    future = _future_module()
    return set(getattr(future, 'all_feature_names', ())) if future else set()


def _split_list(items, predicate):
    """(the items for which predicate holds, the others), both in order."""
    yes, no = [], []
    for item in items:
        (yes if predicate(item) else no).append(item)
    return yes, no


def sort_attributes(attrs, object):
    """Sort (name, kind, class, value) tuples: _fields order first, then by name."""
    fields = getattr(object, '_fields', [])
    try:
        rank = {name: i - len(fields) for i, name in enumerate(fields)}
    except TypeError:
        rank = {}
    attrs.sort(key=lambda attr: (rank.get(attr[0], 0), attr[0]))


def classify_class_attrs(object):
    """inspect.classify_class_attrs with the kinds the class page is organised by."""
    result = []
    for name, kind, cls, value in inspect.classify_class_attrs(object):
        if inspect.isdatadescriptor(value):
            kind = 'data descriptor'
            if isinstance(value, property) and value.fset is None:
                kind = 'readonly property'
        elif kind == 'method' and _is_bound_method(value):
            kind = 'static method'
        result.append((name, kind, cls, value))
    return result


# ---- docstrings --------------------------------------------------------------------

def _getowndoc(obj):
    """obj's own __doc__, or None when it has none or only repeats its type's."""
    try:
        doc = object.__getattribute__(obj, '__doc__')
    except AttributeError:
        return None
    if doc is None:
        return None
    if obj is not type:
        typedoc = type(obj).__doc__
        if isinstance(typedoc, str) and typedoc == doc:
            return None
    return doc


def _findclass(func):
    owner = sys.modules.get(func.__module__)
    if owner is None:
        return None
    for name in func.__qualname__.split('.')[:-1]:
        owner = getattr(owner, name)
    return owner if inspect.isclass(owner) else None


def _inherited_doc(obj):
    """The docstring a method, property or descriptor inherits from the classes it
    overrides, or None."""
    if inspect.ismethod(obj):
        name = obj.__func__.__name__
        owner = obj.__self__
        if not (inspect.isclass(owner) and
                getattr(getattr(owner, name, None), '__func__', None) is obj.__func__):
            owner = owner.__class__
    elif inspect.isfunction(obj):
        name = obj.__name__
        owner = _findclass(obj)
        if owner is None or getattr(owner, name) is not obj:
            return None
    elif inspect.isbuiltin(obj):
        name = obj.__name__
        owner = obj.__self__
        if not (inspect.isclass(owner) and
                owner.__qualname__ + '.' + name == obj.__qualname__):
            owner = owner.__class__
    elif isinstance(obj, property):
        name = obj.__name__
        owner = _findclass(obj.fget)
        if owner is None or getattr(owner, name) is not obj:
            return None
    elif inspect.ismethoddescriptor(obj) or inspect.isdatadescriptor(obj):
        name = obj.__name__
        owner = obj.__objclass__
        if getattr(owner, name) is not obj:
            return None
        if inspect.ismemberdescriptor(obj):
            slots = getattr(owner, '__slots__', None)
            if isinstance(slots, dict) and name in slots:
                return slots[name]
    else:
        return None
    for base in owner.__mro__:
        try:
            doc = _getowndoc(getattr(base, name))
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def _getdoc(object):
    """The cleaned docstring of object (its own or an inherited one), or None."""
    doc = _getowndoc(object)
    if doc is None:
        try:
            doc = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return inspect.cleandoc(doc)


def getdoc(object):
    """The docstring of object, or the comments just above its source."""
    result = _getdoc(object)
    if not result:
        try:
            result = inspect.getcomments(object)
        except Exception:
            result = None
    if not result:
        return ''
    return re.sub('^ *\n', '', result.rstrip())


def _getargspec(object):
    """The parenthesised argument list shown after a routine's name, or None."""
    try:
        signature = inspect.signature(object)
    except (ValueError, TypeError, RecursionError):
        signature = None
    else:
        if signature:
            name = getattr(object, '__name__', '')
            # a lambda's signature always stays on one line
            width = (80 - len(name)) if name != '<lambda>' else None
            try:
                return signature.format(max_width=width)
            except (AttributeError, TypeError):
                return str(signature)
    if signature is None:
        argspec = getattr(object, '__text_signature__', None)
        if argspec:
            if argspec[:2] == '($':
                argspec = '(' + argspec[2:]
            if getattr(object, '__self__', None) is not None:
                # the bound first parameter is not part of the call
                m = re.match(r'\(\w+(?:(?=\))|,\s*(?:/(?:(?=\))|,\s*))?)', argspec)
                if m:
                    argspec = '(' + argspec[m.end():]
        return argspec
    return None


# ---- locating things by name ---------------------------------------------------------

class ErrorDuringImport(Exception):
    """An error raised while importing the module a name refers to."""

    def __init__(self, filename, exc_info):
        if isinstance(exc_info, BaseException):
            self.exc = type(exc_info)
            self.value = exc_info
            self.tb = exc_info.__traceback__
        else:
            self.exc, self.value, self.tb = exc_info
        self.filename = filename

    def __str__(self):
        exc = self.exc.__name__
        return 'problem in %s - %s: %s' % (self.filename, exc, self.value)


def safeimport(path, forceload=0):
    """Import the module called path: the module, None when it does not exist, or
    ErrorDuringImport when importing it failed."""
    try:
        if forceload and path in sys.modules and path not in sys.builtin_module_names:
            del sys.modules[path]
        module = __import__(path)
    except BaseException as exc:
        if isinstance(exc, ImportError) and getattr(exc, 'name', None) == path:
            return None
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            raise
        raise ErrorDuringImport(path, exc)
    for part in path.split('.')[1:]:
        try:
            module = getattr(module, part)
        except AttributeError:
            return None
    return module


def locate(path, forceload=0):
    """The object a dotted name refers to, or None."""
    parts = [part for part in path.split('.') if part]
    module, n = None, 0
    while n < len(parts):
        nextmodule = safeimport('.'.join(parts[:n + 1]), forceload)
        if nextmodule is None:
            break
        module, n = nextmodule, n + 1
    if module is not None:
        object = module
    else:
        object = builtins
    for part in parts[n:]:
        try:
            object = getattr(object, part)
        except AttributeError:
            return None
    return object


def describe(thing):
    """A short description of thing: 'function f', 'class C', 'module m', ..."""
    if inspect.ismodule(thing):
        if thing.__name__ in sys.builtin_module_names:
            return 'built-in module ' + thing.__name__
        if hasattr(thing, '__path__'):
            return 'package ' + thing.__name__
        return 'module ' + thing.__name__
    if inspect.isbuiltin(thing):
        return 'built-in function ' + thing.__name__
    if inspect.isgetsetdescriptor(thing):
        owner = thing.__objclass__
        return 'getset descriptor %s.%s.%s' % (owner.__module__, owner.__name__,
                                               thing.__name__)
    if inspect.ismemberdescriptor(thing):
        owner = thing.__objclass__
        return 'member descriptor %s.%s.%s' % (owner.__module__, owner.__name__,
                                               thing.__name__)
    if inspect.isclass(thing):
        return 'class ' + thing.__name__
    if inspect.isfunction(thing):
        return 'function ' + thing.__name__
    if inspect.ismethod(thing):
        return 'method ' + thing.__name__
    if inspect.ismethodwrapper(thing):
        return 'method wrapper ' + thing.__name__
    if inspect.ismethoddescriptor(thing):
        try:
            return 'method descriptor ' + thing.__name__
        except AttributeError:
            pass
    return type(thing).__name__


def resolve(thing, forceload=0):
    """(object, name) for a thing given as an object or as a dotted name."""
    if isinstance(thing, str):
        object = locate(thing, forceload)
        if object is None:
            raise ImportError('No Python documentation found for %r.\n'
                              'Use help() to get the interactive help utility.\n'
                              'Use help(str) for help on the str class.' % thing)
        return object, thing
    name = getattr(thing, '__name__', None)
    return thing, name if isinstance(name, str) else None


# ---- the text renderer ---------------------------------------------------------------

class TextRepr(Repr):
    """Reprs for documentation: bounded in size and free of object addresses."""

    def __init__(self):
        Repr.__init__(self)
        self.maxlist = self.maxtuple = 20
        self.maxdict = 10
        self.maxstring = self.maxother = 100

    def repr1(self, x, level):
        if hasattr(type(x), '__name__'):
            method = getattr(self, 'repr_' + '_'.join(type(x).__name__.split()), None)
            if method is not None:
                return method(x, level)
        return cram(stripid(repr(x)), self.maxother)

    def repr_string(self, x, level):
        shown = cram(x, self.maxstring)
        shown_repr = repr(shown)
        # a string whose backslashes are all literal reads better as a raw string
        if '\\' in shown and '\\' not in replace(shown_repr, r'\\', ''):
            return 'r' + shown_repr[0] + shown + shown_repr[0]
        return shown_repr

    repr_str = repr_string

    def repr_instance(self, x, level):
        try:
            return cram(stripid(repr(x)), self.maxstring)
        except Exception:
            return '<%s instance>' % x.__class__.__name__


class Doc:
    """Dispatch on the kind of object being documented."""

    PYTHONDOCS = PYTHONDOCS

    def document(self, object, name=None, *args):
        args = (object, name) + args
        try:
            if inspect.ismodule(object):
                return self.docmodule(*args)
            if inspect.isclass(object):
                return self.docclass(*args)
            if inspect.isroutine(object):
                return self.docroutine(*args)
        except AttributeError:
            pass
        if inspect.isdatadescriptor(object):
            return self.docdata(*args)
        return self.docother(*args)

    def fail(self, object, name=None, *args):
        message = "don't know how to document object%s of type %s" % (
            name and ' ' + repr(name), type(object).__name__)
        raise TypeError(message)

    docmodule = docclass = docroutine = docother = docproperty = docdata = fail

    def getdocloc(self, object):
        """The URL of a standard module's reference page, or None."""
        if not inspect.ismodule(object):
            return None
        name = object.__name__
        if name in ('xml.etree', 'test.pydoc_mod'):
            return None
        top = name.partition('.')[0]
        stdlib = getattr(sys, 'stdlib_module_names', ())
        if name not in _REFERENCED_BUILTINS and top not in stdlib:
            return None
        docloc = os.environ.get("PYTHONDOCS", self.PYTHONDOCS)
        if docloc.startswith(("http://", "https://")):
            return "%s/%s.html" % (docloc.rstrip("/"), name.lower())
        return os.path.join(docloc, name.lower() + ".html")


class TextDoc(Doc):
    """Documentation as text, with bold written the way terminals overstrike it."""

    _repr_instance = TextRepr()
    repr = _repr_instance.repr

    def bold(self, text):
        return ''.join(ch + '\b' + ch for ch in text)

    def indent(self, text, prefix='    '):
        if not text:
            return ''
        return '\n'.join((prefix + line).rstrip() for line in text.split('\n'))

    def section(self, title, contents):
        body = self.indent(contents).rstrip()
        return self.bold(title) + '\n' + body + '\n\n'

    def formattree(self, tree, modname, parent=None, prefix=''):
        """The class hierarchy from inspect.getclasstree, one class per line."""
        out = []
        cls = None
        for entry in tree:
            if isinstance(entry, tuple):
                cls, bases = entry
                line = prefix + classname(cls, modname)
                if bases and bases != (parent,):
                    line += '(%s)' % ', '.join(classname(b, modname) for b in bases)
                out.append(line + '\n')
            elif isinstance(entry, list):
                out.append(self.formattree(entry, modname, cls, prefix + '    '))
        return ''.join(out)

    def docmodule(self, object, name=None, mod=None, *ignored):
        name = object.__name__  # the module's own name, whatever it was reached by
        synopsis, description = splitdoc(getdoc(object))
        result = self.section('NAME', name + (synopsis and ' - ' + synopsis))
        exported = getattr(object, '__all__', None)
        docloc = self.getdocloc(object)
        if docloc is not None:
            result += self.section('MODULE REFERENCE', docloc + """

The following documentation is automatically generated from the Python
source files.  It may be incomplete, incorrect or include features that
are considered implementation detail and may vary between Python
implementations.  When in doubt, consult the module reference at the
location listed above.
""")
        if description:
            result += self.section('DESCRIPTION', description)

        def defined_here(value):
            return (inspect.getmodule(value) or object) is object

        classes = [(key, value) for key, value in inspect.getmembers(object, inspect.isclass)
                   if (exported is not None or defined_here(value))
                   and visiblename(key, exported, object)]
        funcs = [(key, value) for key, value in inspect.getmembers(object, inspect.isroutine)
                 if (exported is not None or inspect.isbuiltin(value) or defined_here(value))
                 and visiblename(key, exported, object)]
        data = [(key, value) for key, value in inspect.getmembers(object, isdata)
                if visiblename(key, exported, object)]

        package_names = set()
        if hasattr(object, '__path__'):
            contents = []
            for modname, is_package in _package_contents(object.__path__):
                package_names.add(modname)
                contents.append(modname + ' (package)' if is_package else modname)
            contents.sort()
            result += self.section('PACKAGE CONTENTS', '\n'.join(contents))

        # submodules bound as attributes (as C extensions sometimes create them)
        submodules = sorted(key for key, value in inspect.getmembers(object, inspect.ismodule)
                            if value.__name__.startswith(name + '.')
                            and key not in package_names)
        if submodules:
            result += self.section('SUBMODULES', '\n'.join(submodules))

        if classes:
            tree = inspect.getclasstree([value for key, value in classes], 1)
            parts = [self.formattree(tree, name)]
            parts.extend(self.document(value, key, name) for key, value in classes)
            result += self.section('CLASSES', '\n'.join(parts))
        if funcs:
            result += self.section('FUNCTIONS', '\n'.join(
                self.document(value, key, name) for key, value in funcs))
        if data:
            result += self.section('DATA', '\n'.join(
                self.docother(value, key, name, maxlen=70) for key, value in data))

        if hasattr(object, '__version__'):
            version = str(object.__version__)
            if version[:11] == '$' + 'Revision: ' and version[-1:] == '$':
                version = version[11:-1].strip()
            result += self.section('VERSION', version)
        for attr, title in (('__date__', 'DATE'), ('__author__', 'AUTHOR'),
                            ('__credits__', 'CREDITS')):
            if hasattr(object, attr):
                result += self.section(title, str(getattr(object, attr)))
        try:
            file = inspect.getabsfile(object)
        except TypeError:
            file = '(built-in)'
        result += self.section('FILE', file)
        return result

    def docclass(self, object, name=None, mod=None, *ignored):
        realname = object.__name__
        name = name or realname
        if name == realname:
            title = 'class ' + self.bold(realname)
        else:
            title = self.bold(name) + ' = class ' + realname
        if object.__bases__:
            title += '(%s)' % ', '.join(classname(base, object.__module__)
                                        for base in object.__bases__)

        contents = []
        push = contents.append
        argspec = _getargspec(object)
        if argspec and argspec != '()':
            push(name + argspec + '\n')
        doc = getdoc(object)
        if doc:
            push(doc + '\n')

        mro = list(inspect.getmro(object))
        if len(mro) > 2:
            push("Method resolution order:")
            for base in mro:
                push('    ' + classname(base, object.__module__))
            push('')

        # built-in subclasses (as for the exception hierarchy), the first few only
        subclasses = sorted((str(sub.__name__) for sub in type.__subclasses__(object)
                             if not sub.__name__.startswith("_")
                             and sub.__module__ == "builtins"), key=str.lower)
        if subclasses:
            push("Built-in subclasses:")
            for subname in subclasses[:4]:
                push('    ' + subname)
            if len(subclasses) > 4:
                push('    ... and %d other subclasses' % (len(subclasses) - 4))
            push('')

        need_rule = [False]

        def rule():
            if need_rule[0]:
                push('-' * 70)
            need_rule[0] = True

        def spill_routines(heading, attrs, predicate):
            chosen, rest = _split_list(attrs, predicate)
            if chosen:
                rule()
                push(heading)
                for attr_name, kind, homecls, value in chosen:
                    try:
                        value = getattr(object, attr_name)
                    except Exception:
                        # a descriptor whose __get__ fails is shown as data
                        push(self.docdata(value, attr_name, mod))
                    else:
                        push(self.document(value, attr_name, mod, object, homecls))
            return rest

        def spill_descriptors(heading, attrs, predicate):
            chosen, rest = _split_list(attrs, predicate)
            if chosen:
                rule()
                push(heading)
                for attr_name, kind, homecls, value in chosen:
                    push(self.docdata(value, attr_name, mod))
            return rest

        def spill_data(heading, attrs, predicate):
            chosen, rest = _split_list(attrs, predicate)
            if chosen:
                rule()
                push(heading)
                for attr_name, kind, homecls, value in chosen:
                    doc = getdoc(value)
                    try:
                        shown = getattr(object, attr_name)
                    except AttributeError:
                        shown = homecls.__dict__[attr_name]
                    push(self.docother(shown, attr_name, mod, maxlen=70, doc=doc) + '\n')
            return rest

        attrs = [attr for attr in classify_class_attrs(object)
                 if visiblename(attr[0], obj=object)]
        pending = list(mro)
        while attrs:
            thisclass = pending.pop(0) if pending else attrs[0][2]
            here, inherited = _split_list(attrs, lambda attr: attr[2] is thisclass)
            if object is not builtins.object and thisclass is builtins.object:
                # what every class inherits from object is not worth repeating
                attrs = inherited
                continue
            if thisclass is object:
                tag = "defined here"
            else:
                tag = "inherited from %s" % classname(thisclass, object.__module__)
            sort_attributes(here, object)
            here = spill_routines("Methods %s:\n" % tag, here,
                                  lambda attr: attr[1] == 'method')
            here = spill_routines("Class methods %s:\n" % tag, here,
                                  lambda attr: attr[1] == 'class method')
            here = spill_routines("Static methods %s:\n" % tag, here,
                                  lambda attr: attr[1] == 'static method')
            here = spill_descriptors("Readonly properties %s:\n" % tag, here,
                                     lambda attr: attr[1] == 'readonly property')
            here = spill_descriptors("Data descriptors %s:\n" % tag, here,
                                     lambda attr: attr[1] == 'data descriptor')
            here = spill_data("Data and other attributes %s:\n" % tag, here,
                              lambda attr: attr[1] == 'data')
            assert here == [], here
            attrs = inherited

        text = '\n'.join(contents)
        if not text:
            return title + '\n'
        return title + '\n' + self.indent(text.rstrip(), ' |  ') + '\n'

    def formatvalue(self, object):
        return '=' + self.repr(object)

    def docroutine(self, object, name=None, mod=None, cl=None, homecls=None):
        realname = object.__name__
        name = name or realname
        if homecls is None:
            homecls = cl
        note = ''
        skipdocs = False
        func = None
        if _is_bound_method(object):
            owner = object.__self__
            if owner is cl:
                func = getattr(object, '__func__', None)
            elif inspect.isclass(owner):
                note = ' class method of %s' % classname(owner, mod)
            else:
                note = ' method of %s instance' % classname(owner.__class__, mod)
        elif inspect.ismethoddescriptor(object) or inspect.ismethodwrapper(object):
            objclass = getattr(object, '__objclass__', None)
            if objclass is not None:
                if cl is None:
                    note = ' unbound %s method' % classname(objclass, mod)
                elif objclass is not homecls:
                    note = ' from ' + classname(objclass, mod)
        else:
            func = object
        if (inspect.isfunction(func) and homecls is not None and
                (func.__module__ != homecls.__module__ or
                 func.__qualname__ != homecls.__qualname__ + '.' + realname)):
            owner_name = parentname(func, mod)
            if owner_name:
                note = ' from %s' % owner_name

        if inspect.iscoroutinefunction(object) or inspect.isasyncgenfunction(object):
            qualifier = 'async '
        else:
            qualifier = ''

        if name == realname:
            title = self.bold(realname)
        else:
            if cl is not None and inspect.getattr_static(cl, realname, []) is object:
                # an alias of a method documented under its own name on this page
                skipdocs = True
            if note.startswith(' from '):
                note = ''
            title = self.bold(name) + ' = ' + realname

        argspec = None
        if inspect.isroutine(object):
            argspec = _getargspec(object)
            if argspec and realname == '<lambda>':
                title = self.bold(name) + ' lambda '
                # a lambda cannot annotate its return, so the parentheses can go
                if not getattr(object, '__annotations__', None):
                    argspec = argspec[1:-1]
        if not argspec:
            argspec = '(...)'
        decl = qualifier + title + argspec + note
        if skipdocs:
            return decl + '\n'
        doc = getdoc(object) or ''
        return decl + '\n' + (doc and self.indent(doc).rstrip() + '\n')

    def docdata(self, object, name=None, mod=None, cl=None, *ignored):
        parts = []
        if name:
            parts.append(self.bold(name))
            parts.append('\n')
        doc = getdoc(object) or ''
        if doc:
            parts.append(self.indent(doc))
            parts.append('\n')
        return ''.join(parts)

    docproperty = docdata

    def docother(self, object, name=None, mod=None, parent=None, *ignored,
                 maxlen=None, doc=None):
        shown = self.repr(object)
        if maxlen:
            line = (name and name + ' = ' or '') + shown
            excess = len(line) - maxlen
            if excess > 0:
                shown = shown[:-excess] + '...'
        line = (name and self.bold(name) + ' = ' or '') + shown
        if not doc:
            doc = getdoc(object)
        if doc:
            line += '\n' + self.indent(str(doc)) + '\n'
        return line


class _PlainTextDoc(TextDoc):
    """TextDoc without the overstruck bold."""

    def bold(self, text):
        return text


def _package_contents(paths):
    """(name, is_package) for the modules found in a package's directories."""
    seen = set()
    for path in paths:
        try:
            entries = sorted(os.listdir(path))
        except OSError:
            continue
        for entry in entries:
            full = os.path.join(path, entry)
            if entry.endswith('.py') and entry != '__init__.py':
                modname, is_package = entry[:-3], False
            elif '.' not in entry and ispackage(full):
                modname, is_package = entry, True
            else:
                continue
            if modname.isidentifier() and modname not in seen:
                seen.add(modname)
                yield modname, is_package


text = TextDoc()
plaintext = _PlainTextDoc()
html = None  # no HTML renderer in this implementation


# ---- output ----------------------------------------------------------------------------

def plainpager(text, title=''):
    """Write a page to stdout without paging."""
    sys.stdout.write(plain(text))


def pager(text, title=''):
    """Show a page.  Pages always go straight to stdout here."""
    plainpager(text, title)


def getpager():
    return plainpager


def render_doc(thing, title='Python Library Documentation: %s', forceload=0,
               renderer=None):
    """Render text documentation, given an object or a path to an object."""
    if renderer is None:
        renderer = text
    object, name = resolve(thing, forceload)
    desc = describe(object)
    module = inspect.getmodule(object)
    if name and '.' in name:
        desc += ' in ' + name[:name.rfind('.')]
    elif module and module is not object:
        desc += ' in module ' + module.__name__

    if not (inspect.ismodule(object) or inspect.isclass(object) or
            inspect.isroutine(object) or inspect.isdatadescriptor(object) or
            _getdoc(object)):
        # plain data or an instance: document what it can do rather than its value
        if hasattr(object, '__origin__'):
            object = object.__origin__
        else:
            object = type(object)
            desc += ' object'
    return title % desc + '\n\n' + renderer.document(object, name)


def doc(thing, title='Python Library Documentation: %s', forceload=0, output=None,
        is_cli=False):
    """Display text documentation, given an object or a path to an object."""
    try:
        if output is None:
            pager(render_doc(thing, title, forceload))
        else:
            output.write(render_doc(thing, title, forceload, plaintext))
    except (ImportError, ErrorDuringImport) as value:
        if is_cli:
            raise
        print(value)


def writedoc(thing, forceload=0):
    """Write a page of documentation for thing to the file <name>.html."""
    raise NotImplementedError("pydoc: HTML output is not available")


class Helper:
    """The object behind the built-in help()."""

    def __init__(self, input=None, output=None):
        self._input = input
        self._output = output

    @property
    def input(self):
        return self._input or sys.stdin

    @property
    def output(self):
        return self._output or sys.stdout

    def __repr__(self):
        return '<%s.%s instance>' % (self.__class__.__module__,
                                     self.__class__.__qualname__)

    _GoInteractive = object()

    def __call__(self, request=_GoInteractive):
        if request is not self._GoInteractive:
            try:
                self.help(request)
            except ImportError as err:
                self.output.write(f'{err}\n')
        else:
            self.intro()
            self.interact()
            self.output.write('''
You are now leaving help and returning to the Python interpreter.
If you want to ask for help on a particular object directly from the
interpreter, you can type "help(object)".  Executing "help('string')"
has the same effect as typing a particular string at the help> prompt.
''')

    def interact(self):
        self.output.write('\n')
        while True:
            try:
                request = self.getline('help> ')
            except (KeyboardInterrupt, EOFError):
                break
            if not request:
                break
            request = request.strip()
            # 'help' and 'quit' may come quoted as if passed to help()
            if (len(request) > 2 and request[0] == request[-1] in ("'", '"')
                    and request[0] not in request[1:-1]):
                request = request[1:-1]
            if request.lower() in ('q', 'quit'):
                break
            if request == 'help':
                self.intro()
            else:
                self.help(request)

    def getline(self, prompt):
        if self.input is sys.stdin:
            return input(prompt)
        self.output.write(prompt)
        self.output.flush()
        return self.input.readline()

    def help(self, request, is_cli=False):
        if isinstance(request, str):
            request = request.strip()
            if request == 'help':
                self.intro()
            elif request:
                doc(request, 'Help on %s:', output=self._output, is_cli=is_cli)
        elif isinstance(request, Helper):
            self()
        else:
            doc(request, 'Help on %s:', output=self._output, is_cli=is_cli)
        self.output.write('\n')

    def intro(self):
        version = '%d.%d' % sys.version_info[:2]
        self.output.write('''Welcome to Python {0}'s help utility! If this is your first time using
Python, you should definitely check out the tutorial at
https://docs.python.org/{0}/tutorial/.

Enter the name of any module, keyword, or topic to get help on writing
Python programs and using Python modules.  To get a list of available
modules, keywords, symbols, or topics, enter "modules", "keywords",
"symbols", or "topics".

Each module also comes with a one-line summary of what it does; to list
the modules whose name or summary contain a given string such as "spam",
enter "modules spam".

To quit this help utility and return to the interpreter,
enter "q", "quit" or "exit".
'''.format(version))


help = Helper()

"""unittest.mock: mock objects that record how they are used, and patch() to
swap them in for real objects for the duration of a test."""

__all__ = ('Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call',
           'create_autospec', 'ThreadingMock', 'AsyncMock', 'FILTER_DIR',
           'NonCallableMock', 'NonCallableMagicMock', 'mock_open', 'PropertyMock',
           'seal')

import asyncio
import builtins
import contextlib
import functools
import importlib
import inspect
import io
import pprint
import sys
import threading
from asyncio import iscoroutinefunction
from functools import partial, wraps
from types import CodeType, MethodType, ModuleType

from .util import safe_repr

__unittest = True


class InvalidSpecError(Exception):
    """Raised when a mock is given another mock as its spec."""


class Base(object):
    # Terminates the cooperative __init__ chain of the mixins.
    def __init__(self, /, *args, **kwargs):
        pass



FILTER_DIR = True


# ---- sentinels, ANY, call -----------------------------------------------------------------

class _SentinelObject(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name

    def __reduce__(self):
        return 'sentinel.%s' % self.name


class _Sentinel(object):
    """Unique named objects: sentinel.name is the same object every time."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
_timeout_unset = sentinel.TIMEOUT_UNSET
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY(object):
    """Compares equal to everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _format_call_signature(name, args, kwargs):
    parts = [repr(a) for a in args]
    parts.extend('%s=%r' % (k, v) for k, v in kwargs.items())
    return '%s(%s)' % (name, ', '.join(parts))


class _Call(tuple):
    """A recorded call: (name, args, kwargs), or (args, kwargs) for call_args.
    Compares with tuples of several shapes, so call(1, a=2) == ((1,), {'a': 2})."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        args = ()
        kwargs = {}
        n = len(value)
        if n == 3:
            name, args, kwargs = value
        elif n == 2:
            first, second = value
            if isinstance(first, str):
                name = first
                if isinstance(second, tuple):
                    args = second
                else:
                    kwargs = second
            else:
                args, kwargs = first, second
        elif n == 1:
            value, = value
            if isinstance(value, str):
                name = value
            elif isinstance(value, tuple):
                args = value
            else:
                kwargs = value
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def __eq__(self, other):
        try:
            len_other = len(other)
        except TypeError:
            return NotImplemented
        self_name = ''
        if len(self) == 2:
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        if (getattr(self, '_mock_parent', None) and getattr(other, '_mock_parent', None)
                and self._mock_parent != other._mock_parent):
            return False
        other_name = ''
        if len_other == 0:
            other_args, other_kwargs = (), {}
        elif len_other == 3:
            other_name, other_args, other_kwargs = other
        elif len_other == 1:
            value, = other
            if isinstance(value, tuple):
                other_args, other_kwargs = value, {}
            elif isinstance(value, str):
                other_name = value
                other_args, other_kwargs = (), {}
            else:
                other_args, other_kwargs = (), value
        elif len_other == 2:
            first, second = other
            if isinstance(first, str):
                other_name = first
                if isinstance(second, tuple):
                    other_args, other_kwargs = second, {}
                else:
                    other_args, other_kwargs = (), second
            else:
                other_args, other_kwargs = first, second
        else:
            return False
        if self_name and other_name != self_name:
            return False
        # the other side first, so ANY in the expected call decides
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    __ne__ = object.__ne__
    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        name = self._mock_name + '()'
        return _Call((self._mock_name, args, kwargs), name=name, parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        name = '%s.%s' % (self._mock_name, attr)
        return _Call(name=name, parent=self, from_kall=False)

    def __getattribute__(self, attr):
        if attr in tuple.__dict__:
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    def _get_call_arguments(self):
        if len(self) == 2:
            args, kwargs = self
        else:
            name, args, kwargs = self
        return args, kwargs

    @property
    def args(self):
        return self._get_call_arguments()[0]

    @property
    def kwargs(self):
        return self._get_call_arguments()[1]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call%s' % name
            return name
        if len(self) == 2:
            name = 'call'
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = 'call'
            elif not name.startswith('()'):
                name = 'call.%s' % name
            else:
                name = 'call%s' % name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """The calls a chained call like call.a(1).b(2) stands for."""
        vals = []
        thing = self
        while thing is not None:
            if thing._mock_from_kall:
                vals.append(thing)
            thing = thing._mock_parent
        return _CallList(reversed(vals))


call = _Call(from_kall=False)


class _CallList(list):
    """A list of calls; `sub in calls` also finds a contiguous sublist."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        n = len(value)
        for i in range(0, len(self) - n + 1):
            if self[i:i + n] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


# ---- magic methods --------------------------------------------------------------------------

magic_methods = (
    "lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof "
    "enter exit divmod rdivmod neg pos abs invert complex int float index "
    "round trunc floor ceil bool next fspath aiter ")
numerics = "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
inplace = ' '.join('i' + n for n in numerics.split())
right = ' '.join('r' + n for n in numerics.split())
_magics = {'__%s__' % m
           for m in ' '.join([magic_methods, numerics, inplace, right]).split()}
# Supported but given no default behaviour by MagicMock.
_non_defaults = {
    '__get__', '__set__', '__delete__', '__reversed__', '__missing__', '__reduce__',
    '__reduce_ex__', '__getinitargs__', '__getnewargs__', '__getstate__', '__setstate__',
    '__getformat__', '__repr__', '__dir__', '__subclasses__', '__format__',
    '__getnewargs_ex__'}
# Coroutine methods of async with / async for; __aiter__ itself is plain.
_async_method_magics = {"__aenter__", "__aexit__", "__anext__"}
_sync_async_magics = {"__aiter__"}
_async_magics = _async_method_magics | _sync_async_magics
_all_sync_magics = _magics | _non_defaults
_all_magics = _all_sync_magics | _async_magics
_unsupported_magics = {'__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
                       '__instancecheck__', '__subclasscheck__', '__del__'}

_return_values = {
    '__lt__': NotImplemented, '__gt__': NotImplemented, '__le__': NotImplemented,
    '__ge__': NotImplemented, '__int__': 1, '__contains__': False, '__len__': 0,
    '__exit__': False, '__complex__': 1j, '__float__': 1.0, '__bool__': True,
    '__index__': 1, '__aexit__': False,
}

_calculate_return_value = {
    '__hash__': lambda self: object.__hash__(self),
    '__str__': lambda self: object.__str__(self),
    '__sizeof__': lambda self: object.__sizeof__(self),
    '__fspath__': lambda self: f"{type(self).__name__}/{self._extract_mock_name()}/{id(self)}",
}


def _get_eq(self):
    def __eq__(other):
        ret = self.__eq__._mock_return_value
        if ret is not DEFAULT:
            return ret
        if self is other:
            return True
        return NotImplemented
    return __eq__


def _get_ne(self):
    def __ne__(other):
        if self.__ne__._mock_return_value is not DEFAULT:
            return DEFAULT
        if self is other:
            return False
        return NotImplemented
    return __ne__


def _get_iter(self):
    def __iter__():
        ret = self.__iter__._mock_return_value
        if ret is DEFAULT:
            return iter([])
        return iter(ret)
    return __iter__


def _get_async_iter(self):
    def __aiter__():
        ret = self.__aiter__._mock_return_value
        if ret is DEFAULT:
            return _AsyncIterator(iter([]))
        return _AsyncIterator(iter(ret))
    return __aiter__


_side_effect_methods = {'__eq__': _get_eq, '__ne__': _get_ne, '__iter__': _get_iter,
                        '__aiter__': _get_async_iter}


def _set_return_value(mock, method, name):
    fixed = _return_values.get(name, DEFAULT)
    if fixed is not DEFAULT:
        method.return_value = fixed
        return
    calculator = _calculate_return_value.get(name)
    if calculator is not None:
        method.return_value = calculator(mock)
        return
    effect = _side_effect_methods.get(name)
    if effect is not None:
        method.side_effect = effect(mock)


def _is_magic(name):
    return '__%s__' % name[2:-2] == name


def _get_method(name, func):
    """A function suitable as a class attribute calling func(self, ...)."""
    def method(self, /, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


def _is_instance_mock(obj):
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    return (isinstance(obj, BaseException) or
            (isinstance(obj, type) and issubclass(obj, BaseException)))


def _check_and_set_parent(parent, value, name, new_name):
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    if ((value._mock_name or value._mock_new_name) or value._mock_parent is not None
            or value._mock_new_parent is not None):
        return False
    walk = parent
    while walk is not None:
        # no loops: a mock cannot become its own ancestor
        if walk is value:
            return False
        walk = walk._mock_new_parent
    if new_name:
        value._mock_new_parent = parent
        value._mock_new_name = new_name
    if name:
        value._mock_parent = parent
        value._mock_name = name
    return True


_allowed_names = {'return_value', '_mock_return_value', 'side_effect', '_mock_side_effect',
                  '_mock_parent', '_mock_new_parent', '_mock_name', '_mock_new_name'}


# ---- mocks ------------------------------------------------------------------------------------

def _delegated_property(attr):
    """A mock attribute kept as '_mock_<attr>' in the instance dict, or read from and
    written to the _mock_delegate an autospecced function copies it onto."""
    key = '_mock_' + attr

    def get(self):
        delegate = self.__dict__.get('_mock_delegate')
        if delegate is None:
            return self.__dict__[key]
        return getattr(delegate, attr)

    def set(self, value):
        delegate = self.__dict__.get('_mock_delegate')
        if delegate is None:
            self.__dict__[key] = value
        else:
            setattr(delegate, attr, value)
    return property(get, set)


class NonCallableMock(Base):
    """A mock that is not callable (base of all mocks)."""

    _lock = threading.RLock()

    def __new__(cls, /, *args, **kw):
        # every instance gets its own class so magic methods can be set per mock
        bases = (cls,)
        new = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        return object.__new__(new)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, _spec_as_instance=False,
                 _eat_self=None, unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        d = self.__dict__
        d['_mock_parent'] = parent
        d['_mock_name'] = name
        d['_mock_new_name'] = _new_name
        d['_mock_new_parent'] = _new_parent
        d['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        d['_mock_methods'] = None
        d['_spec_class'] = None
        d['_spec_set'] = None
        d['_mock_children'] = {}
        d['_mock_wraps'] = wraps
        d['_mock_delegate'] = None
        d['_mock_called'] = False
        d['_mock_call_args'] = None
        d['_mock_call_count'] = 0
        d['_mock_call_args_list'] = _CallList()
        d['_mock_mock_calls'] = _CallList()
        d['method_calls'] = _CallList()
        d['_mock_unsafe'] = unsafe
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        if kwargs:
            self.configure_mock(**kwargs)
        super().__init__()

    def attach_mock(self, mock, attribute):
        """Attaches mock as attribute; its calls are recorded in ours."""
        inner = _extract_mock(mock)
        inner._mock_parent = None
        inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False,
                       _eat_self=False):
        if _is_instance_mock(spec):
            raise InvalidSpecError(f'Cannot spec a Mock object. [object={spec!r}]')
        methods = None
        spec_class = None
        signature = None
        asyncs = []
        if spec is not None and not _is_list(spec):
            if isinstance(spec, type):
                spec_class = spec
            else:
                spec_class = type(spec)
            res = _get_signature_object(spec, _spec_as_instance, _eat_self)
            signature = res and res[1]
            methods = dir(spec)
            # Remember which attributes are coroutine functions so their
            # child mocks are AsyncMocks; look them up statically so that
            # properties are not run.
            for attr in methods:
                static = inspect.getattr_static(spec, attr, None)
                try:
                    static = inspect.unwrap(static)
                except ValueError:
                    pass
                if iscoroutinefunction(static):
                    asyncs.append(attr)
        elif spec is not None:
            methods = list(spec)
        d = self.__dict__
        d['_spec_class'] = spec_class
        d['_spec_set'] = spec_set
        d['_spec_signature'] = signature
        d['_mock_methods'] = methods
        d['_spec_asyncs'] = asyncs

    def __get_return_value(self):
        ret = self._mock_return_value
        if self._mock_delegate is not None:
            ret = self._mock_delegate.return_value
        if ret is DEFAULT and self._mock_wraps is None:
            ret = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = ret
        return ret

    def __set_return_value(self, value):
        if self._mock_delegate is not None:
            self._mock_delegate.return_value = value
        else:
            self.__dict__['_mock_return_value'] = value
            _check_and_set_parent(self, value, None, '()')

    return_value = property(__get_return_value, __set_return_value)

    @property
    def __class__(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    called = _delegated_property('called')
    call_count = _delegated_property('call_count')
    call_args = _delegated_property('call_args')
    call_args_list = _delegated_property('call_args_list')
    mock_calls = _delegated_property('mock_calls')

    def __get_side_effect(self):
        delegated = self._mock_delegate
        if delegated is None:
            return self.__dict__.get('_mock_side_effect')
        sf = delegated.side_effect
        if (sf is not None and not callable(sf)
                and not isinstance(sf, _MockIter) and not _is_exception(sf)):
            sf = _MockIter(sf)
            delegated.side_effect = sf
        return sf

    def __set_side_effect(self, value):
        value = _try_iter(value)
        delegated = self._mock_delegate
        if delegated is None:
            self.__dict__['_mock_side_effect'] = value
        else:
            delegated.side_effect = value

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forgets every recorded call (here and in child mocks)."""
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        self.called = False
        self.call_args = None
        self.call_count = 0
        self.mock_calls = _CallList()
        self.call_args_list = _CallList()
        self.__dict__['method_calls'] = _CallList()
        if return_value:
            self.__dict__['_mock_return_value'] = DEFAULT
        if side_effect:
            self.__dict__['_mock_side_effect'] = None
        for child in self._mock_children.values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value, side_effect=side_effect)
        ret = self.__dict__.get('_mock_return_value', DEFAULT)
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    def configure_mock(self, /, **kwargs):
        """Sets attributes, with dotted names reaching into child mocks."""
        for arg, val in sorted(kwargs.items(), key=lambda entry: entry[0].count('.')):
            parts = arg.split('.')
            final = parts.pop()
            obj = self
            for entry in parts:
                obj = getattr(obj, entry)
            setattr(obj, final, val)

    def __getattr__(self, name):
        if name in {'_mock_methods', '_mock_unsafe', '_mock_check_sig',
                    '_mock_return_value', '_mock_side_effect'}:
            if name == '_mock_return_value':
                return DEFAULT
            if name == '_mock_side_effect':
                return None
            raise AttributeError(name)
        elif self._mock_methods is not None:
            if name not in self._mock_methods or name in _all_magics:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not self._mock_methods or name not in self._mock_methods):
            if name.startswith(('assert', 'assret')) or name in _ATTRIB_DENY_LIST:
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec "
                    f"for the mock if {name!r} is meant to be an attribute.")
        with NonCallableMock._lock:
            result = self._mock_children.get(name)
            if result is _deleted:
                raise AttributeError(name)
            elif result is None:
                wraps = None
                if self._mock_wraps is not None:
                    wraps = getattr(self._mock_wraps, name)
                result = self._get_child_mock(parent=self, name=name, wraps=wraps,
                                              _new_name=name, _new_parent=self)
                self._mock_children[name] = result
            elif isinstance(result, _SpecState):
                # Autospecced attributes are built on first use.
                try:
                    result = create_autospec(result.spec, result.spec_set,
                                             result.instance, result.parent,
                                             result.name)
                except InvalidSpecError:
                    target_name = self.__dict__['_mock_name'] or self
                    raise InvalidSpecError(
                        f'Cannot autospec attr {name!r} from target '
                        f'{target_name!r} as it has already been mocked out. '
                        f'[target={self!r}, attr={result.spec!r}]')
                self._mock_children[name] = result
        return result

    def _extract_mock_name(self):
        names = [self._mock_new_name]
        parent = self._mock_new_parent
        last = self
        dot = '' if names == ['()'] else '.'
        while parent is not None:
            last = parent
            names.append(parent._mock_new_name + dot)
            dot = '' if parent._mock_new_name == '()' else '.'
            parent = parent._mock_new_parent
        names = list(reversed(names))
        first = last._mock_name or 'mock'
        if len(names) > 1 and names[1] not in ('()', '().'):
            first += '.'
        names[0] = first
        return ''.join(names)

    def __repr__(self):
        name = self._extract_mock_name()
        name_string = ''
        if name not in ('mock', 'mock.'):
            name_string = ' name=%r' % name
        spec_string = ''
        if self._spec_class is not None:
            spec_string = (' spec_set=%r' if self._spec_set else ' spec=%r') % \
                self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_string, spec_string, id(self))

    def __dir__(self):
        if not FILTER_DIR:
            return object.__dir__(self)
        extras = self._mock_methods or []
        from_type = dir(type(self))
        from_dict = list(self.__dict__)
        from_child = [n for n, m in self._mock_children.items() if m is not _deleted]
        from_type = [e for e in from_type if not e.startswith('_')]
        from_dict = [e for e in from_dict if not e.startswith('_') or _is_magic(e)]
        return sorted(set(extras + from_type + from_dict + from_child))

    def __setattr__(self, name, value):
        if name in _allowed_names:
            return object.__setattr__(self, name, value)
        elif (self._spec_set and self._mock_methods is not None and
              name not in self._mock_methods and name not in self.__dict__):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        elif name in _unsupported_magics:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        elif name in _all_magics:
            if self._mock_methods is not None and name not in self._mock_methods:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if not _is_instance_mock(value):
                setattr(type(self), name, _get_method(name, value))
                original = value
                value = lambda *args, **kw: original(self, *args, **kw)
            else:
                # only the new name: calls are tracked in mock_calls, not method_calls
                _check_and_set_parent(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
        elif name == '__class__':
            self.__dict__['_spec_class'] = value
            return
        else:
            if _check_and_set_parent(self, value, name, name):
                self._mock_children[name] = value
        if self._mock_sealed and not hasattr(self, name):
            mock_name = f'{self._extract_mock_name()}.{name}'
            raise AttributeError(f'Cannot set {mock_name}')
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                return
        obj = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif obj is _deleted:
            raise AttributeError(name)
        if obj is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        message = 'expected %s not found.\nExpected: %s\n  Actual: %s'
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return message % (action, expected, actual)

    def _get_call_signature_from_name(self, name):
        """The spec signature of the child reached by a dotted call name
        (None when that child is unknown or not built yet)."""
        if not name:
            return self._spec_signature
        sig = None
        children = self._mock_children
        for part in name.replace('()', '').split('.'):
            child = children.get(part)
            if child is None or isinstance(child, _SpecState) or child is _deleted:
                break
            # An attached autospecced function carries its mock as .mock.
            child = _extract_mock(child)
            children = child._mock_children
            sig = child._spec_signature
        return sig

    def _call_matcher(self, _call):
        """With a spec signature, normalise a call to its bound arguments so
        f(1, b=2) and f(a=1, b=2) compare equal; a call that cannot bind
        becomes the TypeError explaining why."""
        if isinstance(_call, tuple) and len(_call) > 2:
            sig = self._get_call_signature_from_name(_call[0])
        else:
            sig = self._spec_signature
        if sig is None:
            return _call
        if len(_call) == 2:
            name = ''
            args, kwargs = _call
        else:
            name, args, kwargs = _call
        try:
            bound = sig.bind(*args, **kwargs)
            return call(name, bound.args, bound.kwargs)
        except TypeError as e:
            return e.with_traceback(None)

    def _calls_repr(self, prefix="Calls"):
        if not self.mock_calls:
            return ""
        return f"\n{prefix}: {safe_repr(self.mock_calls)}."

    def assert_not_called(self):
        """Fails if the mock was called."""
        if self.call_count != 0:
            msg = ("Expected '%s' to not have been called. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_called(self):
        """Fails unless the mock was called at least once."""
        if self.call_count == 0:
            msg = "Expected '%s' to have been called." % (self._mock_name or 'mock')
            raise AssertionError(msg)

    def assert_called_once(self):
        """Fails unless the mock was called exactly once."""
        if not self.call_count == 1:
            msg = ("Expected '%s' to have been called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_called_with(self, /, *args, **kwargs):
        """Fails unless the last call had these arguments."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: %s'
                                 % (expected, 'not called.'))
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != expected:
            # An expectation that does not fit the spec signature explains
            # itself through the chained TypeError.
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(
                self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fails unless the mock was called exactly once, with these arguments."""
        if not self.call_count == 1:
            msg = ("Expected '%s' to be called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fails unless mock_calls contains these calls (consecutively and in
        order, or anywhere when any_order is true)."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_calls = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if expected not in all_calls:
                if cause is None:
                    problem = 'Calls not found.'
                else:
                    problem = ('Error processing expected calls.\n'
                               'Errors: {}').format(
                        [e if isinstance(e, Exception) else None
                         for e in expected])
                raise AssertionError(
                    f'{problem}\n'
                    f'Expected: {_CallList(calls)}'
                    f'{self._calls_repr(prefix="  Actual").rstrip(".")}'
                ) from cause
            return
        all_calls = list(all_calls)
        not_found = []
        for kall in expected:
            try:
                all_calls.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError('%r does not contain all of %r in its call list, '
                                 'found %r instead' % (self._mock_name or 'mock',
                                                       tuple(not_found), all_calls)
                                 ) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fails unless some call had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if cause or expected not in _AnyComparer(actual):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('%s call not found' % expected_string) from cause

    def _get_child_mock(self, /, **kw):
        """A child of the same kind (Mock children for Mock, and so on);
        coroutine attributes and async magics get AsyncMocks."""
        if self._mock_sealed:
            attribute = f".{kw['name']}" if "name" in kw else "()"
            mock_name = self._extract_mock_name() + attribute
            raise AttributeError(mock_name)
        new_name = kw.get("_new_name")
        if new_name in self.__dict__.get('_spec_asyncs', ()):
            return AsyncMock(**kw)
        own = type(self)
        if issubclass(own, MagicMock) and new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own, AsyncMockMixin):
            if (new_name in _all_sync_magics or
                    self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own, CallableMixin):
            if issubclass(own, NonCallableMagicMock):
                klass = MagicMock
            else:
                klass = Mock
        else:
            # Every mock has its own subclass (see __new__): children get
            # the class it was made from.
            klass = own.__mro__[1]
        return klass(**kw)


_ATTRIB_DENY_LIST = frozenset({
    name.removeprefix("assert_")
    for name in dir(NonCallableMock) if name.startswith("assert_")})




class CallableMixin(Base):
    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None,
                 name=None, spec_set=None, parent=None, _spec_state=None, _new_name='',
                 _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state, _new_name,
                         _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        pass

    def __call__(self, /, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        self.called = True
        self.call_count += 1
        this_call = _Call((args, kwargs), two=True)
        self.call_args = this_call
        self.call_args_list.append(this_call)
        # method_calls follow the named-attribute chain, mock_calls every link
        do_method_calls = self._mock_parent is not None
        method_call_name = self._mock_name
        mock_call_name = self._mock_new_name
        is_a_call = mock_call_name == '()'
        self.mock_calls.append(_Call(('', args, kwargs)))
        parent = self._mock_new_parent
        while parent is not None:
            if do_method_calls:
                parent.method_calls.append(_Call((method_call_name, args, kwargs)))
                do_method_calls = parent._mock_parent is not None
                if do_method_calls:
                    method_call_name = parent._mock_name + '.' + method_call_name
            parent.mock_calls.append(_Call((mock_call_name, args, kwargs)))
            if parent._mock_new_name:
                dot = '' if is_a_call else '.'
                is_a_call = parent._mock_new_name == '()'
                mock_call_name = parent._mock_new_name + dot + mock_call_name
            parent = parent._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: records calls, creates child mocks on attribute access,
    returns return_value (a child mock by default) unless side_effect says
    otherwise (an exception to raise, an iterable of results, or a function)."""


class MagicMixin(Base):
    def __init__(self, /, *args, **kw):
        self._mock_set_magics()
        super().__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        orig = _magics | _async_method_magics
        these = orig
        if getattr(self, "_mock_methods", None) is not None:
            these = orig.intersection(self._mock_methods)
            remove = orig - these
            for entry in remove:
                if entry in type(self).__dict__:
                    delattr(self, entry)
        these = these - set(type(self).__dict__)
        for entry in these:
            setattr(type(self), entry, MagicProxy(entry, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A non-callable MagicMock."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicMock(MagicMixin, Mock):
    """A Mock with the magic methods preconfigured (len() is 0, iteration is
    empty, with-blocks work, numbers convert to 1, ...)."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicProxy(object):
    """Creates the child mock of a magic method on first use."""

    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        entry = self.name
        parent = self.parent
        m = parent._get_child_mock(name=entry, _new_name=entry, _new_parent=parent)
        setattr(parent, entry, m)
        _set_return_value(parent, m, entry)
        return m

    def __get__(self, obj, _type=None):
        return self.create_mock()


class PropertyMock(Mock):
    """A mock to use as a property: getting it calls it with no arguments,
    setting it calls it with the value."""

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


def seal(mock):
    """Stops the mock (and its children) from creating new attributes."""
    mock._mock_sealed = True
    for attr in dir(mock):
        try:
            m = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(m, NonCallableMock):
            continue
        if m._mock_new_parent is mock:
            seal(m)


FunctionTypes = (
    type(lambda: None),   # plain functions
    type(ANY.__eq__),     # bound methods
)


class _MockIter(object):
    def __init__(self, obj):
        self.obj = iter(obj)

    def __next__(self):
        return next(self.obj)


def _try_iter(obj):
    if obj is None or _is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        # Not iterable: leave it for the call to fail informatively.
        return obj


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, MethodType)):
        return _callable(obj.__func__)
    return getattr(obj, '__call__', None) is not None


def _extract_mock(obj):
    # An autospecced function is a real function carrying its mock.
    if isinstance(obj, FunctionTypes) and hasattr(obj, 'mock'):
        return obj.mock
    return obj


def _check_spec_arg_typos(kwargs_to_check):
    for typo in ("autospect", "auto_spec", "set_spec"):
        if typo in kwargs_to_check:
            raise RuntimeError(
                f"{typo!r} might be a typo; use unsafe=True if this is intended")


def _get_signature_object(func, as_instance, eat_self):
    """(callable, signature) describing how a mock of func may be called, or
    None when no signature can be found."""
    if isinstance(func, type) and not as_instance:
        # Calling a class runs __init__, minus self.
        func = func.__init__
        eat_self = True
    elif isinstance(func, (classmethod, staticmethod)):
        if isinstance(func, classmethod):
            eat_self = True
        func = func.__func__
    elif not isinstance(func, FunctionTypes):
        # An instance is called through its type's __call__.
        try:
            func = func.__call__
        except AttributeError:
            return None
    sig_func = partial(func, None) if eat_self else func
    try:
        return func, inspect.signature(sig_func)
    except (ValueError, TypeError):
        return None


def _copy_func_details(func, funcopy):
    for attribute in ('__name__', '__doc__', '__text_signature__',
                      '__module__', '__defaults__', '__kwdefaults__'):
        try:
            setattr(funcopy, attribute, getattr(func, attribute))
        except (AttributeError, TypeError):
            pass


def _check_signature(spec, mock, skipfirst, instance=False):
    """Make calls of mock raise TypeError like calls of spec would."""
    res = _get_signature_object(spec, instance, skipfirst)
    if res is None:
        return
    func, sig = res

    def checksig(self, /, *args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)
    type(mock)._mock_check_sig = checksig
    type(mock).__signature__ = sig


def _set_signature(mock, original, instance=False):
    """Wrap mock in a real function with original's name and signature, so
    introspection sees a function and bad calls raise TypeError before the
    mock records them."""
    skipfirst = isinstance(original, type)
    res = _get_signature_object(original, instance, skipfirst)
    if res is None:
        return mock
    func, sig = res

    def funcopy(*args, **kwargs):
        sig.bind(*args, **kwargs)
        return mock(*args, **kwargs)
    _copy_func_details(func, funcopy)
    name = getattr(original, '__name__', 'funcopy')
    if not isinstance(name, str) or not name.isidentifier():
        name = 'funcopy'
    funcopy.__name__ = name
    funcopy.__qualname__ = name
    _setup_func(funcopy, mock, sig)
    return funcopy


def _setup_func(funcopy, mock, sig):
    funcopy.mock = mock

    def delegate(name):
        def method(*args, **kwargs):
            return getattr(mock, name)(*args, **kwargs)
        method.__name__ = name
        return method

    for name in ('assert_called_with', 'assert_called_once_with',
                 'assert_has_calls', 'assert_any_call', 'assert_called',
                 'assert_not_called', 'assert_called_once'):
        setattr(funcopy, name, delegate(name))

    def reset_mock():
        funcopy.method_calls = _CallList()
        funcopy.mock_calls = _CallList()
        mock.reset_mock()
        ret = funcopy.return_value
        if _is_instance_mock(ret) and ret is not mock:
            ret.reset_mock()

    funcopy.called = False
    funcopy.call_count = 0
    funcopy.call_args = None
    funcopy.call_args_list = _CallList()
    funcopy.method_calls = _CallList()
    funcopy.mock_calls = _CallList()
    funcopy.return_value = mock.return_value
    funcopy.side_effect = mock.side_effect
    funcopy._mock_children = mock._mock_children
    funcopy.reset_mock = reset_mock
    funcopy.__signature__ = sig
    # From now on the mock keeps its call records on the function.
    mock.__dict__['_mock_delegate'] = funcopy


def _setup_async_mock(mock):
    mock._is_coroutine = asyncio.coroutines._is_coroutine
    mark = getattr(inspect, '_is_coroutine_mark', None)
    if mark is not None:
        mock._is_coroutine_marker = mark
    mock.await_count = 0
    mock.await_args = None
    mock.await_args_list = _CallList()

    def wrapper(attr, /, *args, **kwargs):
        return getattr(mock.mock, attr)(*args, **kwargs)

    for attribute in ('assert_awaited', 'assert_awaited_once',
                      'assert_awaited_with', 'assert_awaited_once_with',
                      'assert_any_await', 'assert_has_awaits',
                      'assert_not_awaited'):
        setattr(mock, attribute, partial(wrapper, attribute))


def _must_skip(spec, entry, is_type):
    """Whether the first argument (self) of spec.entry is implicit."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            return False   # an instance attribute: nothing is bound
        spec = spec.__class__
    for klass in spec.__mro__:
        result = klass.__dict__.get(entry, DEFAULT)
        if result is DEFAULT:
            continue
        if isinstance(result, (staticmethod, classmethod)):
            return False
        if isinstance(result, FunctionTypes):
            return is_type
        return False
    return is_type


class _SpecState(object):
    """A not-yet-built autospecced attribute (built on first access)."""

    def __init__(self, spec, spec_set=False, parent=None, name=None, ids=None,
                 instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """A mock shaped like spec: attributes missing from spec raise
    AttributeError, and functions/methods check their call signatures
    (classes check __init__'s). instance=True mocks an instance of a
    class."""
    if _is_list(spec):
        spec = type(spec)
    is_type = isinstance(spec, type)
    if _is_instance_mock(spec):
        raise InvalidSpecError(f'Cannot autospec a Mock object. '
                               f'[object={spec!r}]')
    is_async_func = _is_async_func(spec)
    _kwargs = {'spec': spec}
    if spec_set:
        _kwargs = {'spec_set': spec}
    elif spec is None:
        _kwargs = {}
    if _kwargs and instance:
        _kwargs['_spec_as_instance'] = True
    if not unsafe:
        _check_spec_arg_typos(kwargs)
    _kwargs.update(kwargs)

    Klass = MagicMock
    if inspect.isdatadescriptor(spec):
        # A property's mock stands for its value, which has no known shape.
        _kwargs = {}
    elif is_type and instance and not _instance_callable(spec):
        Klass = NonCallableMagicMock
    elif not _callable(spec):
        Klass = NonCallableMagicMock
    elif is_async_func:
        if instance:
            raise RuntimeError("Instance can not be True when create_autospec "
                               "is mocking an async function")
        Klass = AsyncMock

    _name = _kwargs.pop('name', _name)
    _new_name = _name if _parent is not None else ''
    mock = Klass(parent=_parent, _new_parent=_parent, _new_name=_new_name,
                 name=_name, **_kwargs)

    if isinstance(spec, FunctionTypes):
        mock = _set_signature(mock, spec)
        if is_async_func:
            _setup_async_mock(mock)
    else:
        _check_signature(spec, mock, is_type, instance)

    if _parent is not None and not instance:
        _parent._mock_children[_name] = mock

    if is_type and not instance and 'return_value' not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=mock)

    for entry in dir(spec):
        if _is_magic(entry):
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        child_kwargs = {'spec_set': original} if spec_set else {'spec': original}
        if not isinstance(original, FunctionTypes):
            new = _SpecState(original, spec_set, mock, entry, instance)
            mock._mock_children[entry] = new
        else:
            parent = mock
            if isinstance(spec, FunctionTypes):
                parent = mock.mock
            skipfirst = _must_skip(spec, entry, is_type)
            child_kwargs['_eat_self'] = skipfirst
            child_klass = AsyncMock if iscoroutinefunction(original) else MagicMock
            new = child_klass(parent=parent, name=entry, _new_name=entry,
                              _new_parent=parent, **child_kwargs)
            mock._mock_children[entry] = new
            new.return_value = child_klass()
            _check_signature(original, new, skipfirst=skipfirst)
        # A function-valued child must be set for real: a mock attribute
        # lookup would not find it in _mock_children.
        if isinstance(new, FunctionTypes):
            setattr(mock, entry, new)
    return mock


file_spec = None
open_spec = None


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=''):
    """A MagicMock standing for open(): the handle it returns reads (read,
    readline, readlines, iteration, next) from read_data, which restarts at
    every call of the mock. Setting a read method's return_value overrides
    read_data for that method."""
    global file_spec, open_spec
    # [current stream, readline generator]
    state = [_to_stream(read_data), None]

    def _read_side_effect(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state[0].read(*args, **kwargs)

    def _readlines_side_effect(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state[0].readlines(*args, **kwargs)

    def _iter_side_effect():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        # A for loop, not yield from: closing this generator must not close
        # the shared stream.
        for line in state[0]:
            yield line

    def _readline_side_effect(*args, **kwargs):
        # A generator, so readline keeps its place between calls.
        yield from _iter_side_effect()
        while True:
            yield state[0].readline(*args, **kwargs)

    def _next_side_effect():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state[0])

    def _exit_side_effect(exctype, excinst, exctb):
        handle.close()

    if file_spec is None:
        file_spec = list(set(dir(io.TextIOWrapper)) | set(dir(io.BytesIO)))
    if open_spec is None:
        open_spec = list(set(dir(io.open)))
    if mock is None:
        mock = MagicMock(name='open', spec=open_spec)

    handle = MagicMock(spec=file_spec)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None
    handle.read.side_effect = _read_side_effect
    state[1] = _readline_side_effect()
    handle.readline.side_effect = state[1]
    handle.readlines.side_effect = _readlines_side_effect
    handle.__iter__.side_effect = _iter_side_effect
    handle.__next__.side_effect = _next_side_effect
    handle.__exit__.side_effect = _exit_side_effect

    def reset_data(*args, **kwargs):
        state[0] = _to_stream(read_data)
        if handle.readline.side_effect == state[1]:
            # Restart readline too, unless the test replaced it.
            state[1] = _readline_side_effect()
            handle.readline.side_effect = state[1]
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock


# ---- patching -----------------------------------------------------------------------------------

def _importer(target):
    parts = target.split('.')
    import_path = parts.pop(0)
    thing = importlib.import_module(import_path)
    for comp in parts:
        import_path += ".%s" % comp
        try:
            thing = getattr(thing, comp)
        except AttributeError:
            importlib.import_module(import_path)
            thing = getattr(thing, comp)
    return thing


def _get_target(target):
    try:
        target, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    return functools.partial(_importer, target), attribute


class _patch(object):
    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec,
                 new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _check_spec_arg_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec '
                f'has already been mocked out. [spec={spec!r}]')
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec_set '
                f'target has already been mocked out. [spec_set={spec_set!r}]')
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []
        self.is_started = False

    def copy(self):
        patcher = _patch(self.getter, self.attribute, self.new, self.spec, self.create,
                         self.spec_set, self.autospec, self.new_callable, self.kwargs)
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [p.copy() for p in self.additional_patchers]
        return patcher

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            attr_value = getattr(klass, attr)
            if not hasattr(attr_value, "__call__"):
                continue
            patcher = self.copy()
            setattr(klass, attr, patcher(attr_value))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        extra_args = []
        with contextlib.ExitStack() as exit_stack:
            for patching in patched.patchings:
                arg = exit_stack.enter_context(patching)
                if patching.attribute_name is not None:
                    keywargs.update(arg)
                elif patching.new is DEFAULT:
                    extra_args.append(arg)
            args += tuple(extra_args)
            yield (args, keywargs)

    def decorate_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def patched(*args, **keywargs):
                with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                    return await func(*newargs, **newkeywargs)
        else:
            @functools.wraps(func)
            def patched(*args, **keywargs):
                with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                    return func(*newargs, **newkeywargs)
        patched.patchings = [self]
        return patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        original = DEFAULT
        local = False
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
        else:
            local = True
        if name in _builtins and isinstance(target, ModuleType):
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError("%s does not have the attribute %r" % (target, name))
        return original, local

    def __enter__(self):
        """Performs the patch."""
        new, spec, spec_set = self.new, self.spec, self.spec_set
        autospec, kwargs = self.autospec, self.kwargs
        new_callable = self.new_callable
        self.target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        original, local = self.get_original()
        if new is DEFAULT and autospec is None:
            inherit = False
            if spec is True:
                spec = original
                if spec_set is True:
                    spec_set = original
                    spec = None
            elif spec is not None:
                if spec_set is True:
                    spec_set = spec
                    spec = None
            elif spec_set is True:
                spec_set = original
            if spec is not None or spec_set is not None:
                if original is DEFAULT:
                    raise TypeError("Can't use 'spec' with create=True")
                if isinstance(original, type):
                    inherit = True
            if spec is None and _is_async_obj(original):
                Klass = AsyncMock
            else:
                Klass = MagicMock
            _kwargs = {}
            if new_callable is not None:
                Klass = new_callable
            elif spec is not None or spec_set is not None:
                this_spec = spec if spec_set is None else spec_set
                if _is_list(this_spec):
                    not_callable = '__call__' not in this_spec
                else:
                    not_callable = not callable(this_spec)
                if _is_async_func(this_spec):
                    Klass = AsyncMock
                elif not_callable:
                    Klass = NonCallableMagicMock
            if spec is not None:
                _kwargs['spec'] = spec
            if spec_set is not None:
                _kwargs['spec_set'] = spec_set
            if isinstance(Klass, type) and issubclass(Klass, NonCallableMock) and self.attribute:
                _kwargs['name'] = self.attribute
            _kwargs.update(kwargs)
            new = Klass(**_kwargs)
            if inherit and _is_instance_mock(new):
                this_spec = spec if spec_set is None else spec_set
                if not _is_list(this_spec) and not _instance_callable(this_spec):
                    Klass = NonCallableMagicMock
                _kwargs.pop('name')
                new.return_value = Klass(_new_parent=new, _new_name='()', **_kwargs)
        elif autospec is not None:
            if new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't specify "
                                "autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            spec_set = bool(spec_set)
            if autospec is True:
                autospec = original
            if _is_instance_mock(self.target):
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} as the patch '
                    f'target has already been mocked out. '
                    f'[target={self.target!r}, attr={autospec!r}]')
            if _is_instance_mock(autospec):
                target_name = getattr(self.target, '__name__', self.target)
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} from target '
                    f'{target_name!r} as it has already been mocked out. '
                    f'[target={self.target!r}, attr={autospec!r}]')
            new = create_autospec(autospec, spec_set=spec_set, _name=self.attribute, **kwargs)
        elif kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        new_attr = new
        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        self.is_started = True
        try:
            setattr(self.target, self.attribute, new_attr)
            if self.attribute_name is not None:
                extra_args = {}
                if self.new is DEFAULT:
                    extra_args[self.attribute_name] = new
                for patching in self.additional_patchers:
                    arg = self._exit_stack.enter_context(patching)
                    if patching.new is DEFAULT:
                        extra_args.update(arg)
                return extra_args
            return new
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        """Undoes the patch."""
        if not self.is_started:
            return
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (not hasattr(self.target, self.attribute) or
                                    self.attribute in ('__doc__', '__module__',
                                                       '__defaults__', '__annotations__',
                                                       '__kwdefaults__')):
                # the attribute came from a class (e.g. a method): put it back
                setattr(self.target, self.attribute, self.temp_original)
        del self.temp_original
        del self.is_local
        del self.target
        exit_stack = self._exit_stack
        del self._exit_stack
        self.is_started = False
        return exit_stack.__exit__(*exc_info)

    def start(self):
        """Activates a patch, returning any created mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Stops an active patch."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            pass
        return self.__exit__(None, None, None)


def _is_list(obj):
    return type(obj) in (list, tuple)


def _instance_callable(obj):
    if not isinstance(obj, type):
        return getattr(obj, '__call__', None) is not None
    for base in (obj,) + obj.__mro__:
        if base.__dict__.get('__call__') is not None:
            return True
    return False


def _is_async_func(obj):
    if getattr(obj, '__code__', None):
        return inspect.iscoroutinefunction(obj)
    return False


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = getattr(obj, '__func__')
    return inspect.iscoroutinefunction(obj) or inspect.isawaitable(obj)


_builtins = {name for name in dir(builtins) if not name.startswith('_')}


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """patch.object(target, attribute, ...): patch a named attribute of an object."""
    if type(target) is str:
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    getter = lambda: target
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                  kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None, autospec=None,
                    new_callable=None, **kwargs):
    """patch.multiple(target, attr=value, ...): several patches at once; DEFAULT
    values create mocks passed by keyword."""
    if type(target) is str:
        getter = functools.partial(_importer, target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError('Must supply at least one keyword argument with patch.multiple')
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec,
                     new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        this_patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec,
                              new_callable, {})
        this_patcher.attribute_name = attribute
        patcher.additional_patchers.append(this_patcher)
    return patcher


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replaces the object named by the dotted `target` with `new` (a MagicMock
    by default) inside a with block, a decorated function or between start()
    and stop(); the original comes back afterwards."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                  kwargs, unsafe=unsafe)


class _patch_dict(object):
    """patch.dict(in_dict, values=(), clear=False, **kwargs): sets entries of a
    dictionary for a test and restores it afterwards."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            @functools.wraps(f)
            async def _inner(*args, **kw):
                self._patch_dict()
                try:
                    return await f(*args, **kw)
                finally:
                    self._unpatch_dict()
            return _inner

        @functools.wraps(f)
        def _inner(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            if attr.startswith(patch.TEST_PREFIX) and hasattr(attr_value, "__call__"):
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, decorator(attr_value))
        return klass

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        in_dict = self.in_dict
        try:
            original = in_dict.copy()
        except AttributeError:
            original = {}
            for key in in_dict:
                original[key] = in_dict[key]
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        try:
            in_dict.update(self.values)
        except AttributeError:
            for key in self.values:
                in_dict[key] = self.values[key]

    def _unpatch_dict(self):
        in_dict = self.in_dict
        original = self._original
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(self, *args):
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


def _patch_stopall():
    """Stops every patch started with start()."""
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


class AsyncMockMixin(Base):
    """Adds await bookkeeping and the await assertions; calling returns a
    coroutine that records the await and produces the result."""

    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        d = self.__dict__
        # Both markers asyncio and inspect use for "coroutine function".
        d['_is_coroutine'] = asyncio.coroutines._is_coroutine
        mark = getattr(inspect, '_is_coroutine_mark', None)
        if mark is not None:
            d['_is_coroutine_marker'] = mark
        d['_mock_await_count'] = 0
        d['_mock_await_args'] = None
        d['_mock_await_args_list'] = _CallList()
        code_mock = NonCallableMock(spec_set=CodeType)
        code_mock.co_flags = (inspect.CO_COROUTINE + inspect.CO_VARARGS +
                              inspect.CO_VARKEYWORDS)
        code_mock.co_argcount = 0
        code_mock.co_varnames = ('args', 'kwargs')
        code_mock.co_posonlyargcount = 0
        code_mock.co_kwonlyargcount = 0
        d['__code__'] = code_mock
        d['__name__'] = 'AsyncMock'
        d['__defaults__'] = tuple()
        d['__kwdefaults__'] = {}
        d['__annotations__'] = None

    await_count = _delegated_property('await_count')
    await_args = _delegated_property('await_args')
    await_args_list = _delegated_property('await_args_list')

    async def _execute_mock_call(self, /, *args, **kwargs):
        # The call is counted when made, the await only when awaited.
        _call = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = _call
        self.await_args_list.append(_call)

        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    # StopIteration cannot leave a coroutine.
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def assert_awaited(self):
        """Fails unless the mock was awaited at least once."""
        if self.await_count == 0:
            msg = f"Expected {self._mock_name or 'mock'} to have been awaited."
            raise AssertionError(msg)

    def assert_awaited_once(self):
        """Fails unless the mock was awaited exactly once."""
        if not self.await_count == 1:
            msg = (f"Expected {self._mock_name or 'mock'} to have been awaited once."
                   f" Awaited {self.await_count} times.")
            raise AssertionError(msg)

    def assert_awaited_with(self, /, *args, **kwargs):
        """Fails unless the last await had these arguments."""
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.await_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(
                args, kwargs, action='await')) from cause

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """Fails unless the mock was awaited exactly once, with these
        arguments."""
        if not self.await_count == 1:
            msg = (f"Expected {self._mock_name or 'mock'} to have been awaited once."
                   f" Awaited {self.await_count} times.")
            raise AssertionError(msg)
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """Fails unless some await had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.await_args_list]
        if cause or expected not in _AnyComparer(actual):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('%s await not found' % expected_string) from cause

    def assert_has_awaits(self, calls, any_order=False):
        """Fails unless await_args_list holds these calls (consecutively and
        in order, or anywhere when any_order is true)."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_awaits = _CallList(self._call_matcher(c) for c in self.await_args_list)
        if not any_order:
            if expected not in all_awaits:
                if cause is None:
                    problem = 'Awaits not found.'
                else:
                    problem = ('Error processing expected awaits.\n'
                               'Errors: {}').format(
                        [e if isinstance(e, Exception) else None
                         for e in expected])
                raise AssertionError(
                    f'{problem}\n'
                    f'Expected: {_CallList(calls)}\n'
                    f'Actual: {self.await_args_list}') from cause
            return
        remaining = list(all_awaits)
        not_found = []
        for kall in expected:
            try:
                remaining.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError('%r not all found in await list'
                                 % (tuple(not_found),)) from cause

    def assert_not_awaited(self):
        """Fails if the mock was awaited."""
        if self.await_count != 0:
            msg = (f"Expected {self._mock_name or 'mock'} to not have been awaited."
                   f" Awaited {self.await_count} times.")
            raise AssertionError(msg)

    def reset_mock(self, /, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


class AsyncMagicMixin(MagicMixin):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A MagicMock standing for an async function: calling it returns a
    coroutine whose result comes from side_effect or return_value, and the
    awaits are recorded (await_count, assert_awaited_with, ...)."""


class ThreadingMixin(Base):
    """Lets a test wait (with a timeout) for calls made by other threads."""

    DEFAULT_TIMEOUT = None

    def _get_child_mock(self, /, **kw):
        # Children inherit the parent's timeout.
        if isinstance(kw.get("parent"), ThreadingMixin):
            kw["timeout"] = kw["parent"]._mock_wait_timeout
        elif isinstance(kw.get("_new_parent"), ThreadingMixin):
            kw["timeout"] = kw["_new_parent"]._mock_wait_timeout
        return super()._get_child_mock(**kw)

    def __init__(self, *args, timeout=_timeout_unset, **kwargs):
        super().__init__(*args, **kwargs)
        if timeout is _timeout_unset:
            timeout = self.DEFAULT_TIMEOUT
        d = self.__dict__
        d["_mock_event"] = threading.Event()
        # (args, kwargs, Event) per call anyone has waited for or made.
        d["_mock_calls_events"] = []
        d["_mock_calls_events_lock"] = threading.Lock()
        d["_mock_wait_timeout"] = timeout

    def reset_mock(self, /, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.__dict__["_mock_event"] = threading.Event()
        self.__dict__["_mock_calls_events"] = []

    def _event_for(self, args, kwargs):
        with self._mock_calls_events_lock:
            for ev_args, ev_kwargs, event in self._mock_calls_events:
                if (ev_args, ev_kwargs) == (args, kwargs):
                    return event
            event = threading.Event()
            self._mock_calls_events.append((args, kwargs, event))
        return event

    def _mock_call(self, /, *args, **kwargs):
        result = super()._mock_call(*args, **kwargs)
        self._event_for(args, kwargs).set()
        self._mock_event.set()
        return result

    def wait_until_called(self, *, timeout=_timeout_unset):
        """Wait until the mock is called (at most timeout seconds, by
        default the constructor's timeout; None waits forever)."""
        if timeout is _timeout_unset:
            timeout = self._mock_wait_timeout
        if not self._mock_event.wait(timeout=timeout):
            msg = (f"{self._mock_name or 'mock'} was not called before"
                   f" timeout({timeout}).")
            raise AssertionError(msg)

    def wait_until_any_call_with(self, *args, **kwargs):
        """Wait until the mock is called with these arguments."""
        event = self._event_for(args, kwargs)
        if not event.wait(timeout=self._mock_wait_timeout):
            expected_string = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'{expected_string} call not found')


class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
    """A MagicMock whose calls can be awaited from another thread with
    wait_until_called() and wait_until_any_call_with(); the timeout comes
    from the constructor or ThreadingMock.DEFAULT_TIMEOUT."""


class _AsyncIterator:
    """Turns an iterator into an async iterator (MagicMock's __aiter__)."""

    def __init__(self, iterator):
        self.iterator = iterator
        code_mock = NonCallableMock(spec_set=CodeType)
        code_mock.co_flags = inspect.CO_ITERABLE_COROUTINE
        self.__dict__['__code__'] = code_mock

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


class _AnyComparer(list):
    """A list whose `in` lets the searched-for item drive the comparison, so
    ANY and other custom __eq__ objects match from either side."""

    def __contains__(self, item):
        for _call in self:
            assert len(item) == len(_call)
            if all(expected == actual for expected, actual in zip(item, _call)):
                return True
        return False

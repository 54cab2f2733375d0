"""Set handlers for asynchronous events (front end of _signal with enum constants)."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum
from functools import wraps as _wraps


def _signal_members():
    # Real signal names only; SIG_DFL/SIG_IGN/SIG_BLOCK... are handled separately.
    found = [(name, value) for name, value in vars(_signal).items()
             if name.isupper() and name.startswith('SIG') and not name.startswith('SIG_')]
    found.sort(key=lambda item: (item[1], item[0]))
    # A value's canonical member is the name the platform headers prefer.
    canonical = {'SIGIOT': 'SIGABRT', 'SIGCLD': 'SIGCHLD', 'SIGPOLL': 'SIGIO'}
    first = [item for item in found if item[0] not in canonical]
    aliases = [item for item in found if item[0] in canonical]
    return first + aliases


Signals = _IntEnum('Signals', _signal_members(), module=__name__)
Handlers = _IntEnum('Handlers', [('SIG_DFL', _signal.SIG_DFL), ('SIG_IGN', _signal.SIG_IGN)],
                    module=__name__)
Sigmasks = _IntEnum('Sigmasks', [('SIG_BLOCK', _signal.SIG_BLOCK),
                                 ('SIG_UNBLOCK', _signal.SIG_UNBLOCK),
                                 ('SIG_SETMASK', _signal.SIG_SETMASK)], module=__name__)

for _enum in (Signals, Handlers, Sigmasks):
    for _name, _member in _enum.__members__.items():
        globals()[_name] = _member
del _enum, _name, _member


def _int_to_enum(value, enum_klass):
    """Convert a possible numeric value to an IntEnum member; leave others unchanged."""
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a plain int; leave other values unchanged."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.pthread_sigmask)
def pthread_sigmask(how, mask):
    sigs_set = _signal.pthread_sigmask(how, mask)
    return set(_int_to_enum(x, Signals) for x in sigs_set)


@_wraps(_signal.sigpending)
def sigpending():
    return {_int_to_enum(x, Signals) for x in _signal.sigpending()}


@_wraps(_signal.valid_signals)
def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _wraps

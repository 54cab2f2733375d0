"""Ctrl-C handling for test runs (-c/--catch): the first interrupt stops the
registered results after the current test, a second one interrupts."""

import signal
import weakref
from functools import wraps

__unittest = True


class _InterruptHandler(object):
    def __init__(self, default_handler):
        self.called = False
        self.original_handler = default_handler
        if isinstance(default_handler, int):
            if default_handler == signal.SIG_DFL:
                default_handler = signal.default_int_handler
            elif default_handler == signal.SIG_IGN:
                def default_handler(unused_signum, unused_frame):
                    pass
            else:
                raise TypeError("expected SIGINT signal handler to be "
                                "signal.SIG_IGN, signal.SIG_DFL, or a "
                                "callable object")
        self.default_handler = default_handler

    def __call__(self, signum, frame):
        if signal.getsignal(signal.SIGINT) is not self or self.called:
            # someone replaced us, or this is the second Ctrl-C
            self.default_handler(signum, frame)
        self.called = True
        for res in list(_results.keys()):
            res.stop()


_results = weakref.WeakKeyDictionary()
_handler_state = {'handler': None}


def registerResult(result):
    _results[result] = 1


def removeResult(result):
    return bool(_results.pop(result, None))


def installHandler():
    if _handler_state['handler'] is None:
        handler = _InterruptHandler(signal.getsignal(signal.SIGINT))
        _handler_state['handler'] = handler
        signal.signal(signal.SIGINT, handler)


def removeHandler(method=None):
    if method is not None:
        @wraps(method)
        def inner(*args, **kwargs):
            initial = signal.getsignal(signal.SIGINT)
            removeHandler()
            try:
                return method(*args, **kwargs)
            finally:
                signal.signal(signal.SIGINT, initial)
        return inner
    handler = _handler_state['handler']
    if handler is not None:
        signal.signal(signal.SIGINT, handler.original_handler)

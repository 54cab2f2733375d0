"""Event loop, handles and the current-loop machinery."""

__all__ = ('AbstractEventLoop', 'Handle', 'TimerHandle', 'get_event_loop_policy',
           'set_event_loop_policy', 'get_event_loop', 'set_event_loop', 'new_event_loop',
           'get_running_loop', 'BaseEventLoop')

import collections
import heapq
import itertools
import functools
import sys
import threading
import time
import types

_thread_ident = threading.get_ident


def _get_function_source(func):
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if isinstance(func, types.FunctionType):
        code = func.__code__
        return (code.co_filename, code.co_firstlineno)
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    return None


def _format_args(args):
    import reprlib
    return '(' + ', '.join(reprlib.repr(arg) for arg in args) + ')' if args else '()'


def _format_callback(func, args, suffix=''):
    if isinstance(func, functools.partial):
        return _format_callback(func.func, func.args + tuple(args), suffix)
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None)
    func_repr = name if name else repr(func)
    return func_repr + _format_args(args) + suffix


def _format_callback_source(func, args):
    """'name(args) at file:line', as asyncio shows callbacks in reprs and log messages."""
    func_repr = _format_callback(func, args)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr


def _sighandler_noop(signum, frame):
    """Signals reach the loop through the wakeup fd; the Python handler does nothing."""


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class Handle:
    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_repr', '__weakref__',
                 '_context')

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._context = context

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        info = self._repr_info()
        return '<{}>'.format(' '.join(info))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback_source(self._callback, self._args)
            msg = f'Exception in callback {cb}'
            context = {'message': msg, 'exception': exc, 'handle': self}
            self._loop.call_exception_handler(context)
        self = None


class TimerHandle(Handle):
    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._clock_resolution = time.get_clock_info('monotonic').resolution
        self._exception_handler = None
        self._debug = False
        self._current_handle = None
        self._task_factory = None
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self._thread_id = None
        import selectors
        self._selector = selectors.DefaultSelector()
        self._readers = {}
        self._writers = {}
        self._registered = set()
        self._signal_handlers = {}
        # A socket pair wakes the selector from other threads and from signal handlers.
        import socket
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self.add_reader(self._ssock.fileno(), self._read_from_self)

    def _read_from_self(self):
        while True:
            try:
                data = self._ssock.recv(4096)
                if not data:
                    break
                for signum in data:
                    if signum and signum in self._signal_handlers:
                        self._handle_signal(signum)
            except InterruptedError:
                continue
            except BlockingIOError:
                break

    def _write_to_self(self):
        csock = self._csock
        if csock is None:
            return
        try:
            csock.send(b'\0')
        except OSError:
            pass

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self._ready.append(handle)

    def _check_signal(self, sig):
        import signal
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    def add_signal_handler(self, sig, callback, *args):
        from . import coroutines
        import signal
        if (coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback)):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        try:
            signal.set_wakeup_fd(self._csock.fileno())
        except (ValueError, OSError) as exc:
            raise RuntimeError(str(exc))
        handle = Handle(callback, args, self, None)
        self._signal_handlers[sig] = handle
        try:
            signal.signal(sig, _sighandler_noop)
            signal.siginterrupt(sig, False)
        except OSError as exc:
            del self._signal_handlers[sig]
            if not self._signal_handlers:
                try:
                    signal.set_wakeup_fd(-1)
                except (ValueError, OSError):
                    pass
            import errno
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise

    def remove_signal_handler(self, sig):
        import signal
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        if sig == signal.SIGINT:
            handler = signal.default_int_handler
        else:
            handler = signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            import errno
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise
        if not self._signal_handlers:
            try:
                signal.set_wakeup_fd(-1)
            except (ValueError, OSError):
                pass
        return True

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        from . import futures
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            from . import tasks
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            task = self._task_factory(self, coro)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._thread_id = _thread_ident()
        old_agen_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        self._check_closed()
        from . import futures, tasks
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True
        if self._thread_id is not None and self._thread_id != _thread_ident():
            self._write_to_self()

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)
        if self._ssock is not None:
            self.remove_reader(self._ssock.fileno())
            self._ssock.close()
            self._csock.close()
            self._ssock = self._csock = None
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def time(self):
        return time.monotonic()

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def add_reader(self, fd, callback, *args):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        handle = Handle(callback, args, self)
        old = self._readers.get(fd)
        self._readers[fd] = handle
        if old is not None:
            old.cancel()
        else:
            self._update_selector(fd)

    def remove_reader(self, fd):
        if self._selector is None:
            return False
        fd = _fileobj_to_fd(fd)
        handle = self._readers.pop(fd, None)
        if handle is None:
            return False
        handle.cancel()
        self._update_selector(fd)
        return True

    def add_writer(self, fd, callback, *args):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        handle = Handle(callback, args, self)
        old = self._writers.get(fd)
        self._writers[fd] = handle
        if old is not None:
            old.cancel()
        else:
            self._update_selector(fd)

    def remove_writer(self, fd):
        if self._selector is None:
            return False
        fd = _fileobj_to_fd(fd)
        handle = self._writers.pop(fd, None)
        if handle is None:
            return False
        handle.cancel()
        self._update_selector(fd)
        return True

    def _update_selector(self, fd):
        sel = self._selector
        events = 0
        if fd in self._readers:
            events |= 1
        if fd in self._writers:
            events |= 2
        registered = fd in self._registered
        if events == 0:
            if registered:
                self._registered.discard(fd)
                try:
                    sel.unregister(fd)
                except (KeyError, ValueError, OSError):
                    pass
        elif registered:
            sel.modify(fd, events)
        else:
            sel.register(fd, events)
            self._registered.add(fd)

    def _run_once(self):
        sched_count = len(self._scheduled)
        if (sched_count > 100 and self._timer_cancelled_count / sched_count > 0.5):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False
        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), 86400)
        readers = self._readers
        writers = self._writers
        for key, mask in self._selector.select(timeout):
            fd = key.fd
            if mask & 1:
                handle = readers.get(fd)
                if handle is not None:
                    if handle._cancelled:
                        self.remove_reader(fd)
                    else:
                        self._ready.append(handle)
            if mask & 2:
                handle = writers.get(fd)
                if handle is not None:
                    if handle._cancelled:
                        self.remove_writer(fd)
                    else:
                        self._ready.append(handle)
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            self._current_handle = handle
            try:
                handle._run()
            finally:
                self._current_handle = None
        handle = None

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            value = context[key]
            value = repr(value)
            log_lines.append(f'{key}: {value}')
        import traceback
        text = '\n'.join(log_lines)
        sys.stderr.write(text + '\n')
        if exception is not None:
            traceback.print_exception(type(exception), exception, exception.__traceback__)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc, 'context': context})
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            from . import tasks
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        from . import tasks
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens],
                                     return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result, 'asyncgen': agen})

    async def shutdown_default_executor(self, timeout=None):
        executor = self._default_executor
        if executor is None:
            return
        self._default_executor = None
        executor.shutdown(wait=True)

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        from . import futures
        return futures.wrap_future(executor.submit(func, *args), loop=self)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


class _RunningLoop(threading.local):
    loop = None


_running_loop = _RunningLoop()


def _get_running_loop():
    return _running_loop.loop


def _set_running_loop(loop):
    _running_loop.loop = loop


def get_running_loop():
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class _EventLoopPolicy:
    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError('There is no current event loop')
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        self._loop = loop

    def new_event_loop(self):
        from .selector_events import SelectorEventLoop
        return SelectorEventLoop()


_event_loop_policy = None


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = _EventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    global _event_loop_policy
    _event_loop_policy = policy


def get_event_loop():
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()

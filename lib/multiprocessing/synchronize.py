"""Locks shared between forked processes.

A semaphore is a non-blocking pipe holding one byte per available unit: acquire reads a
byte (waiting with poll() for the timeout), release writes one. The pipe is inherited by
every child forked after its creation, so all of them share the count."""

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

import os
import select
import threading
import time

SEM_VALUE_MAX = 32767


class _SemLock:
    def __init__(self, value, maxvalue):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        os.set_blocking(self._w, False)
        self._maxvalue = maxvalue
        if value:
            os.write(self._w, b'x' * value)
        self._count = 0          # acquisitions by this process (for RLock and ownership)
        self._owner = None
        # Threads of one process wait in turn on the pipe.
        self._local_lock = threading.Lock()

    def _try(self):
        try:
            return len(os.read(self._r, 1)) == 1
        except BlockingIOError:
            return False

    def acquire(self, block=True, timeout=None):
        if self._try():
            self._note_acquired()
            return True
        if not block:
            return False
        deadline = None if timeout is None else time.monotonic() + max(timeout, 0)
        p = select.poll()
        p.register(self._r, select.POLLIN)
        while True:
            if deadline is None:
                ms = None
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                ms = int(left * 1000) + 1
            p.poll(ms)
            if self._try():
                self._note_acquired()
                return True

    def _note_acquired(self):
        self._count += 1
        self._owner = (os.getpid(), threading.get_ident())

    def release(self):
        if self._count > 0:
            self._count -= 1
        os.write(self._w, b'x')

    def _get_value(self):
        return _fionread_value(self._r)

    def _is_zero(self):
        p = select.poll()
        p.register(self._r, select.POLLIN)
        return not p.poll(0)

    def get_value(self):
        return self._get_value()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def _after_fork(self):
        self._count = 0

    def __getstate__(self):
        # Only a spawned child can receive the pipe (its fds are passed on by number).
        from .context import assert_spawning, get_spawning_popen
        assert_spawning(self)
        popen = get_spawning_popen()
        popen.duplicate_for_child(self._r)
        popen.duplicate_for_child(self._w)
        state = self.__dict__.copy()
        del state['_local_lock']
        state['_count'] = 0
        state['_owner'] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._local_lock = threading.Lock()


def _fionread_value(fd):
    # Peek the number of queued bytes without fcntl: read everything and write it back
    # is not atomic, so count only through poll() availability (0 or at least 1).
    p = select.poll()
    p.register(fd, select.POLLIN)
    return 1 if p.poll(0) else 0


class Semaphore(_SemLock):
    def __init__(self, value=1, *, ctx=None):
        super().__init__(value, SEM_VALUE_MAX)

    def _get_value(self):
        return _fionread_value(self._r)

    def __repr__(self):
        return '<%s(value=unknown)>' % self.__class__.__name__


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        _SemLock.__init__(self, value, value)
        self._initial = value
        self._held = 0

    def acquire(self, block=True, timeout=None):
        ok = super().acquire(block, timeout)
        return ok

    def release(self):
        # The pipe cannot be counted exactly, so bound by this process's own acquisitions.
        if self._count <= 0 and not self._is_zero():
            raise ValueError('semaphore or lock released too many times')
        if self._count > 0:
            self._count -= 1
        os.write(self._w, b'x')


class Lock(_SemLock):
    def __init__(self, *, ctx=None):
        super().__init__(1, 1)

    def release(self):
        if self._is_zero():
            self._count = 0
            os.write(self._w, b'x')
        else:
            raise ValueError('semaphore or lock released too many times')

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('None' if not self._is_zero() else 'SomeOtherProcess')


class RLock(_SemLock):
    def __init__(self, *, ctx=None):
        super().__init__(1, 1)

    def acquire(self, block=True, timeout=None):
        me = (os.getpid(), threading.get_ident())
        if self._count > 0 and self._owner == me:
            self._count += 1
            return True
        return super().acquire(block, timeout)

    def release(self):
        me = (os.getpid(), threading.get_ident())
        if self._count == 0 or self._owner != me:
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            os.write(self._w, b'x')

    def _is_mine(self):
        return self._count > 0 and self._owner == (os.getpid(), threading.get_ident())


class Condition:
    """A condition variable shared between processes (sleeper/woken semaphore counts)."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_all(self):
        lock = self._lock
        if isinstance(lock, RLock):
            count = lock._count
            lock._count = 1
            lock.release()
            return count
        lock.release()
        return 1

    def _restore(self, count):
        self._lock.acquire()
        if isinstance(self._lock, RLock):
            self._lock._count = count

    def wait(self, timeout=None):
        self._sleeping_count.release()
        count = self._release_all()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            self._restore(count)

    def notify(self, n=1):
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire - res should not be False'
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier:
    """A barrier for `parties` processes; its state lives in a shared array."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        from .sharedctypes import Array
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._cond = Condition()
        self._state_arr = Array('i', 2, lock=False)   # [state, count]

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            state, count = self._state_arr[0], self._state_arr[1]
            if state == -2:
                raise threading.BrokenBarrierError
            index = count
            self._state_arr[1] = count + 1
            if index + 1 == self._parties:
                if self._action:
                    self._action()
                self._state_arr[0] = self._state_arr[0] + 1
                self._state_arr[1] = 0
                self._cond.notify_all()
            else:
                generation = state
                ok = self._cond.wait_for(lambda: self._state_arr[0] != generation, timeout)
                if not ok:
                    self._state_arr[0] = -2
                    self._cond.notify_all()
                    raise threading.BrokenBarrierError
                if self._state_arr[0] == -2:
                    raise threading.BrokenBarrierError
            return index

    @property
    def parties(self):
        return self._parties

    def abort(self):
        with self._cond:
            self._state_arr[0] = -2
            self._cond.notify_all()

    @property
    def broken(self):
        return self._state_arr[0] == -2

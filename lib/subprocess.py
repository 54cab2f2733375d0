"""Subprocesses with accessible I/O streams (Krait, POSIX only).

Popen starts a child through _posixsubprocess.fork_exec; run(), call(), check_call(),
check_output(), getoutput() and getstatusoutput() are conveniences over it."""
import builtins
import io
import os
import signal
import sys
import time
import _posixsubprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

_mswindows = False
PIPE = -1
STDOUT = -2
DEVNULL = -3

# How long (seconds) the timed wait loop sleeps at most between two polls.
_MAX_POLL_DELAY = 0.05


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process returns a non-zero
    exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """A process that has finished running, as returned by run()."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        # An explicit input=None still means "stdin gets no data", not "inherit stdin".
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            # POSIX: the exception keeps what was read before the timeout; the killed
            # child is only reaped.
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def list2cmdline(seq):
    """Translate a sequence of arguments into an MS C runtime style command line."""
    result = []
    needquote = False
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


# Popen objects of children nobody waited for; CPython reaps them later, Krait keeps the
# list only for code that inspects it.
_active = []


def _cleanup():
    pass


def _optim_args_from_interpreter_flags():
    """Return a list of command-line arguments reproducing the current optimization
    settings in sys.flags."""
    args = []
    value = sys.flags.optimize
    if value > 0:
        args.append('-' + 'O' * value)
    return args


def _args_from_interpreter_flags():
    """Return a list of command-line arguments reproducing the current settings in
    sys.flags, sys.warnoptions and sys._xoptions."""
    flag_opt_map = {
        'debug': 'd',
        'dont_write_bytecode': 'B',
        'no_site': 'S',
        'verbose': 'v',
        'bytes_warning': 'b',
        'quiet': 'q',
    }
    args = _optim_args_from_interpreter_flags()
    for flag, opt in flag_opt_map.items():
        v = getattr(sys.flags, flag, 0)
        if v > 0:
            args.append('-' + opt * v)
    if getattr(sys.flags, 'isolated', 0):
        args.append('-I')
    else:
        if getattr(sys.flags, 'ignore_environment', 0):
            args.append('-E')
        if getattr(sys.flags, 'no_user_site', 0):
            args.append('-s')
        if getattr(sys.flags, 'safe_path', 0):
            args.append('-P')
    warnopts = sys.warnoptions[:]
    xoptions = getattr(sys, '_xoptions', {})
    bytes_warning = getattr(sys.flags, 'bytes_warning', 0)
    dev_mode = getattr(sys.flags, 'dev_mode', False)
    if bytes_warning > 1:
        warnopts.remove("error::BytesWarning")
    elif bytes_warning:
        warnopts.remove("default::BytesWarning")
    if dev_mode:
        warnopts.remove('default')
    for opt in warnopts:
        args.append('-W' + opt)
    if dev_mode:
        args.extend(('-X', 'dev'))
    for opt in ('faulthandler', 'tracemalloc', 'importtime', 'frozen_modules',
                'showrefcount', 'utf8'):
        if opt in xoptions:
            value = xoptions[opt]
            if value is True:
                arg = opt
            else:
                arg = '%s=%s' % (opt, value)
            args.extend(('-X', arg))
    return args


def _translate_newlines(data, encoding, errors):
    data = data.decode(encoding, errors)
    return data.replace("\r\n", "\n").replace("\r", "\n")


class Popen:
    """Execute a child program in a new process."""

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self._input = None
        self._communication_started = False
        self._waitpid_done = False
        self._fileobj2output = None
        self.args = args
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self.returncode = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if self.text_mode and encoding is None:
            # Krait's locale encoding is always UTF-8.
            self.encoding = encoding = "utf-8"
        if process_group is None:
            process_group = -1
        gid = _resolve_group(group)
        gids = _resolve_groups(extra_groups)
        uid = _resolve_user(user)

        (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite) = self._get_handles(
            stdin, stdout, stderr)
        self._closed_child_pipe_fds = False
        try:
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, 'wb', bufsize)
                if self.text_mode:
                    self.stdin = io.TextIOWrapper(self.stdin, write_through=True,
                                                  line_buffering=(bufsize == 1),
                                                  encoding=encoding, errors=errors)
            if c2pread != -1:
                self.stdout = io.open(c2pread, 'rb', bufsize)
                if self.text_mode:
                    self.stdout = io.TextIOWrapper(self.stdout, encoding=encoding,
                                                   errors=errors)
            if errread != -1:
                self.stderr = io.open(errread, 'rb', bufsize)
                if self.text_mode:
                    self.stderr = io.TextIOWrapper(self.stderr, encoding=encoding,
                                                   errors=errors)
            self._execute_child(args, executable, preexec_fn, close_fds, pass_fds, cwd,
                                env, startupinfo, creationflags, shell, p2cread,
                                p2cwrite, c2pread, c2pwrite, errread, errwrite,
                                restore_signals, gid, gids, uid, umask,
                                start_new_session, process_group)
        except:
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            if not self._closed_child_pipe_fds:
                to_close = []
                if stdin == PIPE:
                    to_close.append(p2cread)
                if stdout == PIPE:
                    to_close.append(c2pwrite)
                if stderr == PIPE:
                    to_close.append(errwrite)
                if hasattr(self, '_devnull'):
                    to_close.append(self._devnull)
                for fd in to_close:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise

    def __repr__(self):
        obj_repr = f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            if exc_type == KeyboardInterrupt:
                # The child got the SIGINT too; give it a moment but do not hang.
                try:
                    self.wait(timeout=0.25)
                except TimeoutExpired:
                    pass
            else:
                self.wait()

    def _get_devnull(self):
        if not hasattr(self, '_devnull'):
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _get_handles(self, stdin, stdout, stderr):
        p2cread, p2cwrite = -1, -1
        c2pread, c2pwrite = -1, -1
        errread, errwrite = -1, -1
        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        elif isinstance(stdin, int):
            p2cread = stdin
        else:
            p2cread = stdin.fileno()

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        elif isinstance(stdout, int):
            c2pwrite = stdout
        else:
            c2pwrite = stdout.fileno()

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        elif isinstance(stderr, int):
            errwrite = stderr
        else:
            errwrite = stderr.fileno()
        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _close_pipe_fds(self, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite):
        for fd, made in ((p2cread, p2cwrite != -1), (c2pwrite, c2pread != -1),
                         (errwrite, errread != -1)):
            if fd != -1 and made:
                os.close(fd)
        if hasattr(self, '_devnull'):
            os.close(self._devnull)
        self._closed_child_pipe_fds = True

    def _execute_child(self, args, executable, preexec_fn, close_fds, pass_fds, cwd, env,
                       startupinfo, creationflags, shell, p2cread, p2cwrite, c2pread,
                       c2pwrite, errread, errwrite, restore_signals, gid, gids, uid, umask,
                       start_new_session, process_group):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        sys.audit("subprocess.Popen", executable, args, cwd, env)
        orig_executable = executable

        if os.path.dirname(executable):
            executable_list = (executable,)
        else:
            executable_list = tuple(
                os.path.join(os.fsencode(d), os.fsencode(executable))
                for d in os.get_exec_path(env))
        if env is not None:
            env_list = []
            for k, v in env.items():
                k = os.fsencode(k)
                if b'=' in k:
                    raise ValueError("illegal environment variable name")
                env_list.append(k + b'=' + os.fsencode(v))
        else:
            env_list = None
        fds_to_keep = set(pass_fds)
        errpipe_read, errpipe_write = os.pipe()
        try:
            # The child's pipe ends must not sit on fds 0-2 of the parent's numbering
            # when they are used as the error pipe; os.pipe never returns those here.
            self.pid = _posixsubprocess.fork_exec(
                args, executable_list, close_fds, tuple(sorted(map(int, fds_to_keep))),
                cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                errpipe_read, errpipe_write, restore_signals, start_new_session,
                process_group, gid, gids, uid, umask, preexec_fn)
            self._child_created = True
        finally:
            os.close(errpipe_write)
        self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

        # The error pipe closes on a successful exec (close-on-exec); otherwise the child
        # wrote why it failed before exiting.
        part = bytearray()
        try:
            while True:
                chunk = os.read(errpipe_read, 50000)
                if not chunk:
                    break
                part += chunk
                if len(part) > 50000:
                    break
        finally:
            os.close(errpipe_read)
        if part:
            try:
                pid, sts = os.waitpid(self.pid, 0)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
                else:
                    self.returncode = sys.maxsize
            except ChildProcessError:
                pass
            try:
                exception_name, hex_errno, err_msg = bytes(part).split(b':', 2)
                err_msg = err_msg.decode()
            except ValueError:
                exception_name = b'SubprocessError'
                hex_errno = b'0'
                err_msg = 'Bad exception data from child: {!r}'.format(bytes(part))
            child_exception_type = getattr(builtins, exception_name.decode('ascii'),
                                           SubprocessError)
            if exception_name == b'SubprocessError':
                child_exception_type = SubprocessError
            if issubclass(child_exception_type, OSError) and hex_errno:
                errno_num = int(hex_errno, 16)
                if err_msg == "noexec:chdir":
                    err_filename = cwd
                elif err_msg == "noexec":
                    err_filename = orig_executable
                else:
                    err_filename = None
                if errno_num != 0:
                    err_msg = os.strerror(errno_num)
                if err_filename is not None:
                    raise child_exception_type(errno_num, err_msg, err_filename)
                raise child_exception_type(errno_num, err_msg)
            raise child_exception_type(err_msg)

    def _handle_exitstatus(self, sts):
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def _internal_poll(self, _deadstate=None):
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except ChildProcessError:
                if _deadstate is not None:
                    self.returncode = _deadstate
                else:
                    self.returncode = 0
        return self.returncode

    def poll(self):
        return self._internal_poll()

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - time.monotonic()

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq,
                       skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or time.monotonic() > endtime:
            raise TimeoutExpired(self.args, orig_timeout,
                                 output=b''.join(stdout_seq) if stdout_seq else None,
                                 stderr=b''.join(stderr_seq) if stderr_seq else None)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is not None:
            endtime = time.monotonic() + timeout
            delay = 0.0005
            while True:
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
                    break
                remaining = self._remaining_time(endtime)
                if remaining <= 0:
                    raise TimeoutExpired(self.args, timeout)
                delay = min(delay * 2, remaining, _MAX_POLL_DELAY)
                time.sleep(delay)
        else:
            while self.returncode is None:
                try:
                    pid, sts = os.waitpid(self.pid, 0)
                except ChildProcessError:
                    pid, sts = self.pid, 0
                    self.returncode = 0
                    break
                if pid == self.pid:
                    self._handle_exitstatus(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to terminate; return the returncode attribute."""
        return self._wait(timeout=timeout)

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def communicate(self, input=None, timeout=None):
        """Send input to stdin, read stdout/stderr until EOF, wait for the child."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
        else:
            if timeout is not None:
                endtime = time.monotonic() + timeout
            else:
                endtime = None
            try:
                stdout, stderr = self._communicate(input, endtime, timeout)
            except KeyboardInterrupt:
                raise
            finally:
                self._communication_started = True
            sts = self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _communicate(self, input, endtime, orig_timeout):
        import selectors
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        stdout = None
        stderr = None
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        if self.stdout:
            stdout = self._fileobj2output[self.stdout]
        if self.stderr:
            stderr = self._fileobj2output[self.stderr]
        self._save_input(input)
        if self._input:
            input_view = memoryview(self._input)
        with selectors.PollSelector() if hasattr(selectors, 'PollSelector') \
                else selectors.SelectSelector() as selector:
            if self.stdin and input:
                selector.register(self.stdin, selectors.EVENT_WRITE)
            if self.stdout and not self.stdout.closed:
                selector.register(self.stdout, selectors.EVENT_READ)
            if self.stderr and not self.stderr.closed:
                selector.register(self.stderr, selectors.EVENT_READ)
            while selector.get_map():
                timeout = self._remaining_time(endtime)
                if timeout is not None and timeout < 0:
                    self._check_timeout(endtime, orig_timeout, stdout, stderr,
                                        skip_check_and_raise=True)
                    raise RuntimeError('_check_timeout(..., skip_check_and_raise=True) '
                                       'failed to raise TimeoutExpired.')
                ready = selector.select(timeout)
                self._check_timeout(endtime, orig_timeout, stdout, stderr)
                for key, events in ready:
                    if key.fileobj is self.stdin:
                        chunk = input_view[self._input_offset:self._input_offset + 512]
                        try:
                            self._input_offset += os.write(key.fd, chunk)
                        except BrokenPipeError:
                            selector.unregister(key.fileobj)
                            key.fileobj.close()
                        else:
                            if self._input_offset >= len(self._input):
                                selector.unregister(key.fileobj)
                                key.fileobj.close()
                    elif key.fileobj in (self.stdout, self.stderr):
                        data = os.read(key.fd, 32768)
                        if not data:
                            selector.unregister(key.fileobj)
                            key.fileobj.close()
                        self._fileobj2output[key.fileobj].append(data)
        self.wait(timeout=self._remaining_time(endtime))
        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = _translate_newlines(stdout, self.stdout.encoding, self.stdout.errors)
            if stderr is not None:
                stderr = _translate_newlines(stderr, self.stderr.encoding, self.stderr.errors)
        return (stdout, stderr)

    def _save_input(self, input):
        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = self._input.encode(self.stdin.encoding, self.stdin.errors)

    def send_signal(self, sig):
        """Send a signal to the process (unless it has already been reaped)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)


def _resolve_group(group):
    if group is None:
        return None
    if isinstance(group, str):
        import grp
        return grp.getgrnam(group).gr_gid
    if isinstance(group, int):
        return group
    raise TypeError("Group must be a string or an integer, not {}".format(type(group)))


def _resolve_groups(extra_groups):
    if extra_groups is None:
        return None
    gids = []
    for g in extra_groups:
        if isinstance(g, str):
            import grp
            gids.append(grp.getgrnam(g).gr_gid)
        elif isinstance(g, int):
            gids.append(g)
        else:
            raise TypeError("Items in extra_groups must be a string or integer, not {}"
                            .format(type(g)))
    return gids


def _resolve_user(user):
    if user is None:
        return None
    if isinstance(user, str):
        import pwd
        return pwd.getpwnam(user).pw_uid
    if isinstance(user, int):
        return user
    raise TypeError("User must be a string or an integer")

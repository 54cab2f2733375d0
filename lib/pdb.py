"""The Python debugger: an interactive source-level debugger built on bdb and cmd.

Use pdb.set_trace() or breakpoint() in a program, pdb.run(statement),
pdb.post_mortem(traceback) / pdb.pm(), or "krait -m pdb script.py".
Commands are listed by "help"; "help command" describes one."""

import os
import io
import re
import sys
import cmd
import bdb
import dis
import linecache
import pprint
import traceback
import inspect

__all__ = ["run", "pm", "Pdb", "runeval", "runctx", "runcall", "set_trace",
           "post_mortem", "help"]


class Restart(Exception):
    """Causes a debugger to be restarted for the debugged python program."""


class _rstr(str):
    """A string whose repr is itself (error notes shown instead of values)."""

    def __repr__(self):
        return self


def find_first_executable_line(code):
    """The line of the first instruction after RESUME (the function's first line
    of code), or co_firstlineno."""
    prev = None
    try:
        for instr in dis.get_instructions(code):
            if prev is not None and prev.opname == 'RESUME':
                if instr.positions.lineno is not None:
                    return instr.positions.lineno
                return code.co_firstlineno
            prev = instr
    except Exception:
        pass
    for start, end, line in code.co_lines():
        if line is not None and line > code.co_firstlineno:
            return line
    return code.co_firstlineno


def lasti2lineno(code, lasti):
    linestarts = list(dis.findlinestarts(code))
    linestarts.reverse()
    for i, lineno in linestarts:
        if lasti >= i:
            return lineno
    return 0


class _ScriptTarget(str):
    def __new__(cls, val):
        res = super().__new__(cls, os.path.realpath(val))
        res.orig = val
        return res

    def check(self):
        if not os.path.exists(self):
            print('Error:', self.orig, 'does not exist')
            sys.exit(1)
        if os.path.isdir(self):
            print('Error:', self.orig, 'is a directory')
            sys.exit(1)
        sys.path[0] = os.path.dirname(self)

    @property
    def filename(self):
        return self

    @property
    def namespace(self):
        return dict(__name__='__main__', __file__=self, __builtins__=__builtins__)

    @property
    def code(self):
        with io.open_code(self) as fp:
            return f"exec(compile({fp.read()!r}, {self!r}, 'exec'))"


class _ModuleTarget(str):
    def check(self):
        try:
            self._details
        except ImportError as e:
            print(f"ImportError: {e}")
            sys.exit(1)
        except Exception:
            traceback.print_exc()
            sys.exit(1)

    @property
    def _details(self):
        import runpy
        return runpy._get_module_details(self)

    @property
    def filename(self):
        return self.code.co_filename

    @property
    def code(self):
        name, spec, code = self._details
        return code

    @property
    def _spec(self):
        name, spec, code = self._details
        return spec

    @property
    def namespace(self):
        return dict(__name__='__main__', __file__=os.path.normcase(os.path.abspath(self.filename)),
                    __package__=self._spec.parent, __loader__=self._spec.loader,
                    __spec__=self._spec, __builtins__=__builtins__)


line_prefix = '\n-> '


class Pdb(bdb.Bdb, cmd.Cmd):
    """The debugger: a Bdb whose user_* hooks open a command loop."""

    _previous_sigint_handler = None
    _file_mtime_table = {}

    def __init__(self, completekey='tab', stdin=None, stdout=None, skip=None,
                 nosigint=False, readrc=True):
        bdb.Bdb.__init__(self, skip=skip)
        cmd.Cmd.__init__(self, completekey, stdin, stdout)
        sys.audit("pdb.Pdb")
        if stdout:
            self.use_rawinput = 0
        self.prompt = '(Pdb) '
        self.aliases = {}
        self.displaying = {}
        self.mainpyfile = ''
        self._wait_for_mainpyfile = False
        self.tb_lineno = {}
        self.nosigint = nosigint
        self.rcLines = []
        self.commands = {}
        self.commands_doprompt = {}
        self.commands_silent = {}
        self.commands_defining = False
        self.commands_bnum = None
        self._returns = {}
        self._user_requested_quit = False
        self.lineno = None
        self.stack = []
        self.curindex = 0
        self.curframe = None
        self.curframe_locals = {}

    def reset(self):
        bdb.Bdb.reset(self)
        self.forget()

    def forget(self):
        self.lineno = None
        self.stack = []
        self.curindex = 0
        if hasattr(self, 'curframe') and self.curframe:
            self.curframe.f_globals.pop('__pdb_convenience_variables', None)
        self.curframe = None
        self.tb_lineno.clear()

    def setup(self, f, tb):
        self.forget()
        self.stack, self.curindex = self.get_stack(f, tb)
        while tb:
            # the line where the exception passed in each frame, for "list"
            lineno = lasti2lineno(tb.tb_frame.f_code, tb.tb_lasti)
            self.tb_lineno[tb.tb_frame] = lineno
            tb = tb.tb_next
        self.curframe = self.stack[self.curindex][0]
        self.curframe_locals = self.curframe.f_locals
        if self.rcLines:
            self.cmdqueue = [line for line in self.rcLines
                             if line.strip() and not line.strip().startswith("#")]
            self.rcLines = []
        return False

    def _return_value(self, frame):
        if frame in self._returns:
            return self._returns[frame]
        return frame.f_locals.get('__return__', bdb._NO_VALUE)

    # ---- bdb hooks ----------------------------------------------------------------------

    def user_call(self, frame, argument_list):
        if self._wait_for_mainpyfile:
            return
        if self.stop_here(frame):
            self.message('--Call--')
            self.interaction(frame, None)

    def user_line(self, frame):
        if self._wait_for_mainpyfile:
            if (self.mainpyfile != self.canonic(frame.f_code.co_filename)
                    or frame.f_lineno <= 0):
                return
            self._wait_for_mainpyfile = False
        if self.bp_commands(frame):
            self.interaction(frame, None)

    def bp_commands(self, frame):
        """Runs the commands attached to the breakpoint just hit; true when the
        debugger should still stop."""
        if getattr(self, "currentbp", False) and self.currentbp in self.commands:
            currentbp = self.currentbp
            self.currentbp = 0
            for line in self.commands[currentbp]:
                self.onecmd(line)
            self.lastcmd = ''
            if not self.commands_silent[currentbp]:
                self.print_stack_entry(self.stack[self.curindex] if self.stack
                                       else (frame, frame.f_lineno))
            if self.commands_doprompt[currentbp]:
                self._cmdloop()
            self.forget()
            return 0
        return 1

    def user_return(self, frame, return_value):
        if self._wait_for_mainpyfile:
            return
        self._returns[frame] = return_value
        try:
            # a module frame's f_locals is its namespace: frames sharing it see it too
            frame.f_locals['__return__'] = return_value
        except Exception:
            pass
        self.message('--Return--')
        self.interaction(frame, None)

    def user_exception(self, frame, exc_info):
        if self._wait_for_mainpyfile:
            return
        exc_type, exc_value, exc_traceback = exc_info
        prefix = 'Internal ' if (not exc_traceback and exc_type is StopIteration) else ''
        self.message('%s%s' % (prefix, self._format_exc(exc_value)))
        self.interaction(frame, exc_traceback)

    def _cmdloop(self):
        while True:
            try:
                self.allow_kbdint = True
                self.cmdloop()
                self.allow_kbdint = False
                break
            except KeyboardInterrupt:
                self.message('--KeyboardInterrupt--')

    def preloop(self):
        displaying = self.displaying.get(self.curframe)
        if displaying:
            for expr, oldvalue in displaying.items():
                newvalue = self._getval_except(expr)
                # identity first: a custom __eq__ must not run at every stop
                if newvalue is not oldvalue and newvalue != oldvalue:
                    displaying[expr] = newvalue
                    self.message('display %s: %s  [old: %s]' %
                                 (expr, self._safe_repr(newvalue, expr),
                                  self._safe_repr(oldvalue, expr)))

    def interaction(self, frame, tb_or_exc):
        if isinstance(tb_or_exc, BaseException):
            tb = tb_or_exc.__traceback__
        else:
            tb = tb_or_exc
        if self.setup(frame, tb):
            self.forget()
            return
        self.print_stack_entry(self.stack[self.curindex])
        self._cmdloop()
        self.forget()

    def displayhook(self, obj):
        if obj is not None:
            self.message(repr(obj))

    def default(self, line):
        if line[:1] == '!':
            line = line[1:].strip()
        if not line:
            return
        locals = self.curframe_locals
        globals = self.curframe.f_globals
        try:
            code = compile(line + '\n', '<stdin>', 'single')
            save_stdout, save_stdin, save_hook = sys.stdout, sys.stdin, sys.displayhook
            try:
                sys.stdin = self.stdin
                sys.stdout = self.stdout
                sys.displayhook = self.displayhook
                exec(code, globals, locals)
            finally:
                sys.stdout, sys.stdin, sys.displayhook = save_stdout, save_stdin, save_hook
        except:
            self._error_exc()

    def precmd(self, line):
        """Expands aliases and splits ";;"-separated commands."""
        if not line.strip():
            return line
        args = line.split()
        while args[0] in self.aliases:
            line = self.aliases[args[0]]
            for idx in range(1, 10):
                if f'%{idx}' in line:
                    if idx >= len(args):
                        self.error(f"Not enough arguments for alias '{args[0]}'")
                        return ''
                    line = line.replace(f'%{idx}', args[idx])
                elif '%*' not in line and idx < len(args):
                    # unused arguments are appended
                    pass
            line = line.replace("%*", ' '.join(args[1:]))
            args = line.split()
        if args[0] != 'alias':
            marker = line.find(';;')
            if marker >= 0:
                rest = line[marker + 2:].lstrip()
                self.cmdqueue.insert(0, rest)
                line = line[:marker].rstrip()
        return line

    def onecmd(self, line):
        if not self.commands_defining:
            return cmd.Cmd.onecmd(self, line)
        return self.handle_command_def(line)

    def handle_command_def(self, line):
        """One line of a "commands" block; true ends the block."""
        cmd_name, arg, line = self.parseline(line)
        if not cmd_name:
            return False
        if cmd_name == 'silent':
            self.commands_silent[self.commands_bnum] = True
            return False
        if cmd_name == 'end':
            return True
        cmdlist = self.commands[self.commands_bnum]
        cmdlist.append(line if not arg else cmd_name + ' ' + arg)
        if cmd_name in self.commands_resuming:
            self.commands_doprompt[self.commands_bnum] = False
            return True
        return False

    def message(self, msg, end='\n'):
        print(msg, end=end, file=self.stdout)

    def error(self, msg):
        print('***', msg, file=self.stdout)

    def set_convenience_variable(self, frame, name, value):
        pass

    # ---- breakpoint commands -------------------------------------------------------------

    def do_commands(self, arg):
        """(Pdb) commands [bpnumber]
        (com) ...
        (com) end
        (Pdb)

        Give a list of debugger commands to run when breakpoint bpnumber
        (default: the last one set) is hit; "end" closes the list, "silent"
        hides the usual stop message.
        """
        if not arg:
            bnum = len(bdb.Breakpoint.bpbynumber) - 1
        else:
            try:
                bnum = int(arg)
            except Exception:
                self._print_invalid_arg(arg)
                return
        try:
            self.get_bpbynumber(bnum)
        except ValueError as err:
            self.error('cannot set commands: %s' % err)
            return
        self.commands_bnum = bnum
        old = (self.commands.get(bnum), self.commands_doprompt.get(bnum),
               self.commands_silent.get(bnum))
        self.commands[bnum] = []
        self.commands_doprompt[bnum] = True
        self.commands_silent[bnum] = False
        prompt_back = self.prompt
        self.prompt = '(com) '
        self.commands_defining = True
        try:
            self.cmdloop()
        except KeyboardInterrupt:
            if old[0] is not None:
                self.commands[bnum], self.commands_doprompt[bnum], self.commands_silent[bnum] = old
            else:
                del self.commands[bnum]
            self.error('command definition aborted, old commands restored')
        finally:
            self.commands_defining = False
            self.prompt = prompt_back

    def do_break(self, arg, temporary=False):
        """b(reak) [ ([filename:]lineno | function) [, condition] ]

        Without argument, list all breaks.  Otherwise set a breakpoint at
        the given line (of the current file or of filename) or at the first
        line of the given function; the optional condition must be true for
        the breakpoint to stop.
        """
        if not arg:
            if self.breaks:
                self.message("Num Type         Disp Enb   Where")
                for bp in bdb.Breakpoint.bpbynumber:
                    if bp:
                        self.message(bp.bpformat())
            return
        filename = None
        lineno = None
        cond = None
        funcname = None
        comma = arg.find(',')
        if comma > 0:
            cond = arg[comma + 1:].lstrip()
            err = self._compile_error_message(cond)
            if err:
                self.error('Invalid condition %s: %r' % (cond, err))
                return
            arg = arg[:comma].rstrip()
        colon = arg.rfind(':')
        if colon >= 0:
            filename = arg[:colon].rstrip()
            f = self.lookupmodule(filename)
            if not f:
                self.error('%r not found from sys.path' % filename)
                return
            filename = f
            arg = arg[colon + 1:].lstrip()
            try:
                lineno = int(arg)
            except ValueError:
                self.error('Bad lineno: %s' % arg)
                return
        else:
            try:
                lineno = int(arg)
            except ValueError:
                try:
                    func = eval(arg, self.curframe.f_globals, self.curframe_locals)
                except:
                    func = arg
                try:
                    if hasattr(func, '__func__'):
                        func = func.__func__
                    code = func.__code__
                    funcname = code.co_name
                    lineno = find_first_executable_line(code)
                    filename = code.co_filename
                except:
                    ok, filename, ln = self.lineinfo(arg)
                    if not ok:
                        self.error('The specified object %r is not a function '
                                   'or was not found along sys.path.' % arg)
                        return
                    funcname = ok
                    lineno = int(ln)
        if not filename:
            filename = self.defaultFile()
        line = self.checkline(filename, lineno)
        if line:
            err = self.set_break(filename, line, temporary, cond, funcname)
            if err:
                self.error(err)
            else:
                bp = self.get_breaks(filename, line)[-1]
                self.message("Breakpoint %d at %s:%d" % (bp.number, bp.file, bp.line))

    do_b = do_break

    def defaultFile(self):
        filename = self.curframe.f_code.co_filename
        if filename == '<string>' and self.mainpyfile:
            filename = self.mainpyfile
        return filename

    def do_tbreak(self, arg):
        """tbreak [ ([filename:]lineno | function) [, condition] ]

        Same arguments as break, but the breakpoint is removed when first hit.
        """
        self.do_break(arg, True)

    def lineinfo(self, identifier):
        failed = (None, None, None)
        idstring = identifier.split("'")
        if len(idstring) == 1:
            id = idstring[0].strip()
        elif len(idstring) == 3:
            id = idstring[1].strip()
        else:
            return failed
        if id == '':
            return failed
        parts = id.split('.')
        if parts[0] == 'self':
            del parts[0]
            if len(parts) == 0:
                return failed
        fname = self.defaultFile()
        if len(parts) == 1:
            item = parts[0]
        else:
            f = self.lookupmodule(parts[0])
            if f:
                fname = f
            item = parts[1]
        answer = find_function(item, self.canonic(fname))
        return answer or failed

    def checkline(self, filename, lineno):
        """lineno if a breakpoint can go there, else 0 (with a message)."""
        frame = getattr(self, 'curframe', None)
        globs = frame.f_globals if frame else None
        line = linecache.getline(filename, lineno, globs)
        if not line:
            self.message('End of file')
            return 0
        line = line.strip()
        if (not line or (line[0] == '#') or (line[:3] == '"""') or line[:3] == "'''"):
            self.error('Blank or comment')
            return 0
        return lineno

    def do_enable(self, arg):
        """enable bpnumber [bpnumber ...]

        Enables the breakpoints given by number.
        """
        for i in arg.split():
            try:
                bp = self.get_bpbynumber(i)
            except ValueError as err:
                self.error(err)
            else:
                bp.enable()
                self.message('Enabled %s' % bp)

    def do_disable(self, arg):
        """disable bpnumber [bpnumber ...]

        Disables the breakpoints given by number; they stay in the list and
        can be enabled again.
        """
        for i in arg.split():
            try:
                bp = self.get_bpbynumber(i)
            except ValueError as err:
                self.error(err)
            else:
                bp.disable()
                self.message('Disabled %s' % bp)

    def do_condition(self, arg):
        """condition bpnumber [condition]

        Sets a new condition for the breakpoint; without one the breakpoint
        becomes unconditional.
        """
        args = arg.split(' ', 1)
        try:
            cond = args[1]
            err = self._compile_error_message(cond)
            if err:
                self.error('Invalid condition %s: %r' % (cond, err))
                return
        except IndexError:
            cond = None
        try:
            bp = self.get_bpbynumber(args[0].strip())
        except IndexError:
            self.error('Breakpoint number expected')
        except ValueError as err:
            self.error(err)
        else:
            bp.cond = cond
            if not cond:
                self.message('Breakpoint %d is now unconditional.' % bp.number)
            else:
                self.message('New condition set for breakpoint %d.' % bp.number)

    def do_ignore(self, arg):
        """ignore bpnumber [count]

        Sets how many times the breakpoint is passed over before it stops again.
        """
        args = arg.split()
        if not args:
            self.error('Breakpoint number expected')
            return
        if len(args) == 1:
            count = 0
        elif len(args) == 2:
            try:
                count = int(args[1])
            except ValueError:
                self._print_invalid_arg(arg)
                return
        else:
            self._print_invalid_arg(arg)
            return
        try:
            bp = self.get_bpbynumber(args[0].strip())
        except ValueError as err:
            self.error(err)
        else:
            bp.ignore = count
            if count > 0:
                countstr = '%d crossings' % count if count > 1 else '1 crossing'
                self.message('Will ignore next %s of breakpoint %d.' % (countstr, bp.number))
            else:
                self.message('Will stop next time breakpoint %d is reached.' % bp.number)

    def do_clear(self, arg):
        """cl(ear) [filename:lineno | bpnumber ...]

        With a space separated list of breakpoint numbers, clear those
        breakpoints; with filename:lineno, the breakpoints at that line;
        without argument, all breakpoints (after confirmation).
        """
        if not arg:
            try:
                reply = input('Clear all breaks? ')
            except EOFError:
                reply = 'no'
            reply = reply.strip().lower()
            if reply in ('y', 'yes'):
                bplist = [bp for bp in bdb.Breakpoint.bpbynumber if bp]
                self.clear_all_breaks()
                for bp in bplist:
                    self.message('Deleted %s' % bp)
            return
        if ':' in arg:
            i = arg.rfind(':')
            filename = arg[:i]
            arg = arg[i + 1:]
            try:
                lineno = int(arg)
            except ValueError:
                err = "Invalid line number (%s)" % arg
            else:
                bplist = self.get_breaks(filename, lineno)[:]
                err = self.clear_break(filename, lineno)
            if err:
                self.error(err)
            else:
                for bp in bplist:
                    self.message('Deleted %s' % bp)
            return
        for i in arg.split():
            try:
                bp = self.get_bpbynumber(i)
            except ValueError as err:
                self.error(err)
            else:
                self.clear_bpbynumber(i)
                self.message('Deleted %s' % bp)

    do_cl = do_clear

    # ---- the stack ------------------------------------------------------------------------

    def do_where(self, arg):
        """w(here)

        Print a stack trace, with the most recent frame at the bottom.
        An arrow indicates the "current frame", which determines the
        context of most commands.
        """
        if arg:
            try:
                count = int(arg)
            except ValueError:
                self.error('Invalid count (%s)' % arg)
                return
            self.print_stack_trace(count)
        else:
            self.print_stack_trace()

    do_w = do_where
    do_bt = do_where

    def _select_frame(self, number):
        self.curindex = number
        self.curframe = self.stack[self.curindex][0]
        self.curframe_locals = self.curframe.f_locals
        self.print_stack_entry(self.stack[self.curindex])
        self.lineno = None

    def do_up(self, arg):
        """u(p) [count]

        Move the current frame count (default one) levels up in the
        stack trace (to an older frame).
        """
        if self.curindex == 0:
            self.error('Oldest frame')
            return
        try:
            count = int(arg or 1)
        except ValueError:
            self.error('Invalid frame count (%s)' % arg)
            return
        newframe = 0 if count < 0 else max(0, self.curindex - count)
        self._select_frame(newframe)

    do_u = do_up

    def do_down(self, arg):
        """d(own) [count]

        Move the current frame count (default one) levels down in the
        stack trace (to a newer frame).
        """
        if self.curindex + 1 == len(self.stack):
            self.error('Newest frame')
            return
        try:
            count = int(arg or 1)
        except ValueError:
            self.error('Invalid frame count (%s)' % arg)
            return
        if count < 0:
            newframe = len(self.stack) - 1
        else:
            newframe = min(len(self.stack) - 1, self.curindex + count)
        self._select_frame(newframe)

    do_d = do_down

    # ---- execution control -------------------------------------------------------------

    def do_until(self, arg):
        """unt(il) [lineno]

        Without argument, continue execution until a line with a number
        greater than the current one is reached; with a line number, until
        that line is reached.  Also stops when the current frame returns.
        """
        if arg:
            try:
                lineno = int(arg)
            except ValueError:
                self.error('Error in argument: %r' % arg)
                return
            if lineno <= self.curframe.f_lineno:
                self.error('"until" line number is smaller than current line number')
                return
        else:
            lineno = None
        self.set_until(self.curframe, lineno)
        return 1

    do_unt = do_until

    def do_step(self, arg):
        """s(tep)

        Execute the current line, stop at the first possible occasion
        (either in a function that is called or in the current
        function).
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        self.set_step()
        return 1

    do_s = do_step

    def do_next(self, arg):
        """n(ext)

        Continue execution until the next line in the current function
        is reached or it returns.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        self.set_next(self.curframe)
        return 1

    do_n = do_next

    def do_run(self, arg):
        """run [args...]

        Restart the debugged program, with new arguments if given.
        """
        if self.mainpyfile == '':
            self.error('run/restart command is disabled when pdb is running in inline mode.\n'
                       'Use the command line interface to enable restarting your program\n'
                       'e.g. "python -m pdb myscript.py"')
            return
        if arg:
            import shlex
            argv0 = sys.argv[0:1]
            try:
                sys.argv = shlex.split(arg)
            except ValueError as e:
                self.error('Cannot run %s: %s' % (arg, e))
                return
            sys.argv[:0] = argv0
        raise Restart

    do_restart = do_run

    def do_return(self, arg):
        """r(eturn)

        Continue execution until the current function returns.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        self.set_return(self.curframe)
        return 1

    do_r = do_return

    def do_continue(self, arg):
        """c(ont(inue))

        Continue execution, only stop when a breakpoint is encountered.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        self.set_continue()
        return 1

    do_c = do_cont = do_continue

    def do_jump(self, arg):
        """j(ump) lineno

        Set the next line that will be executed (bottom frame only).
        """
        if self.curindex + 1 != len(self.stack):
            self.error('You can only jump within the bottom frame')
            return
        try:
            arg = int(arg)
        except ValueError:
            self.error("The 'jump' command requires a line number")
        else:
            try:
                self.curframe.f_lineno = arg
                self.stack[self.curindex] = self.stack[self.curindex][0], arg
                self.print_stack_entry(self.stack[self.curindex])
            except ValueError as e:
                self.error('Jump failed: %s' % e)

    do_j = do_jump

    def do_debug(self, arg):
        """debug code

        Enter a recursive debugger that steps through the code argument.
        """
        sys.settrace(None)
        globals = self.curframe.f_globals
        locals = self.curframe_locals
        p = Pdb(self.completekey, self.stdin, self.stdout)
        p.prompt = "(%s) " % self.prompt.strip()
        self.message("ENTERING RECURSIVE DEBUGGER")
        try:
            sys.call_tracing(p.run, (arg, globals, locals))
        except Exception:
            self._error_exc()
        self.message("LEAVING RECURSIVE DEBUGGER")
        sys.settrace(self.trace_dispatch)
        self.lastcmd = p.lastcmd

    def do_quit(self, arg):
        """q(uit) | exit

        Quit from the debugger. The program being executed is aborted.
        """
        self._user_requested_quit = True
        self.set_quit()
        return 1

    do_q = do_quit
    do_exit = do_quit

    def do_EOF(self, arg):
        """EOF

        Handles the receipt of EOF as a command.
        """
        self.message('')
        self._user_requested_quit = True
        self.set_quit()
        return 1

    # ---- inspecting values -------------------------------------------------------------

    def do_args(self, arg):
        """a(rgs)

        Print the argument list of the current function.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        co = self.curframe.f_code
        values = self.curframe_locals
        n = co.co_argcount + co.co_kwonlyargcount
        if co.co_flags & inspect.CO_VARARGS:
            n = n + 1
        if co.co_flags & inspect.CO_VARKEYWORDS:
            n = n + 1
        for i in range(n):
            name = co.co_varnames[i]
            if name in values:
                self.message('%s = %s' % (name, self._safe_repr(values[name], name)))
            else:
                self.message('%s = *** undefined ***' % (name,))

    do_a = do_args

    def do_retval(self, arg):
        """retval

        Print the return value for the last return of a function.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        value = self._return_value(self.curframe)
        if value is not bdb._NO_VALUE:
            self.message(self._safe_repr(value, "retval"))
        else:
            self.error('Not yet returned!')

    do_rv = do_retval

    def _getval(self, arg):
        try:
            return eval(arg, self.curframe.f_globals, self.curframe_locals)
        except:
            self._error_exc()
            raise

    def _getval_except(self, arg, frame=None):
        try:
            if frame is None:
                return eval(arg, self.curframe.f_globals, self.curframe_locals)
            return eval(arg, frame.f_globals, frame.f_locals)
        except BaseException as exc:
            return _rstr('** raised %s **' % self._format_exc(exc))

    def _error_exc(self):
        self.error(self._format_exc(sys.exception()))

    def _format_exc(self, exc):
        return traceback.format_exception_only(exc)[-1].strip()

    def _compile_error_message(self, expr):
        try:
            compile(expr, "<stdin>", "eval")
        except SyntaxError as exc:
            return _rstr(self._format_exc(exc))
        return ""

    def _safe_repr(self, obj, expr):
        try:
            return repr(obj)
        except Exception as e:
            return _rstr(f"*** repr({expr}) failed: {self._format_exc(e)} ***")

    def _msg_val_func(self, arg, func):
        try:
            val = self._getval(arg)
        except:
            return
        try:
            self.message(func(val))
        except:
            self._error_exc()

    def do_p(self, arg):
        """p expression

        Print the value of the expression.
        """
        self._msg_val_func(arg, repr)

    def do_pp(self, arg):
        """pp expression

        Pretty-print the value of the expression.
        """
        self._msg_val_func(arg, pprint.pformat)

    def do_list(self, arg):
        """l(ist) [first[, last] | .]

        List source code for the current file: eleven lines around the
        current line, or continue the previous listing; "." lists around the
        current line again; one number lists around that line, two a range.
        """
        self.lastcmd = 'list'
        last = None
        if arg and arg != '.':
            try:
                if ',' in arg:
                    first, last = arg.split(',')
                    first = int(first.strip())
                    last = int(last.strip())
                    if last < first:
                        last = first + last
                else:
                    first = int(arg.strip())
                    first = max(1, first - 5)
            except ValueError:
                self.error('Error in argument: %r' % arg)
                return
        elif self.lineno is None or arg == '.':
            first = max(1, self.curframe.f_lineno - 5)
        else:
            first = self.lineno + 1
        if last is None:
            last = first + 10
        filename = self.curframe.f_code.co_filename
        if filename.startswith("<frozen"):
            tmp = self.curframe.f_globals.get("__file__")
            if isinstance(tmp, str):
                filename = tmp
        breaklist = self.get_file_breaks(filename)
        try:
            lines = linecache.getlines(filename, self.curframe.f_globals)
            self._print_lines(lines[first - 1:last], first, breaklist, self.curframe)
            self.lineno = min(last, len(lines))
            if len(lines) < last:
                self.message('[EOF]')
        except KeyboardInterrupt:
            pass

    do_l = do_list

    def do_longlist(self, arg):
        """ll | longlist

        List the whole source code for the current function or frame.
        """
        if arg:
            self._print_invalid_arg(arg)
            return
        filename = self.curframe.f_code.co_filename
        breaklist = self.get_file_breaks(filename)
        try:
            lines, lineno = self._getsourcelines(self.curframe)
        except OSError as err:
            self.error(err)
            return
        self._print_lines(lines, lineno, breaklist, self.curframe)

    do_ll = do_longlist

    def do_source(self, arg):
        """source expression

        Try to get source code for the given object and display it.
        """
        try:
            obj = self._getval(arg)
        except:
            return
        try:
            lines, lineno = self._getsourcelines(obj)
        except (OSError, TypeError) as err:
            self.error(err)
            return
        self._print_lines(lines, lineno)

    def _getsourcelines(self, obj):
        if inspect.isframe(obj) and obj.f_code.co_name == '<module>':
            # a module frame lists the whole file
            filename = obj.f_code.co_filename
            lines = linecache.getlines(filename, obj.f_globals)
            if not lines:
                raise OSError('could not get source code')
            return lines, 1
        if inspect.isframe(obj):
            code = obj.f_code
            lines = linecache.getlines(code.co_filename, obj.f_globals)
            if not lines:
                raise OSError('could not get source code')
            lines, lnum = inspect.getblock(lines[code.co_firstlineno - 1:]), code.co_firstlineno
            return lines, lnum
        lines, lineno = inspect.getsourcelines(obj)
        return lines, lineno

    def _print_lines(self, lines, start, breaks=(), frame=None):
        if frame:
            current_lineno = frame.f_lineno
            exc_lineno = self.tb_lineno.get(frame, -1)
        else:
            current_lineno = exc_lineno = -1
        for lineno, line in enumerate(lines, start):
            s = str(lineno).rjust(3)
            if len(s) < 4:
                s += ' '
            s += 'B' if lineno in breaks else ' '
            if lineno == current_lineno:
                s += '->'
            elif lineno == exc_lineno:
                s += '>>'
            self.message(s + '\t' + line.rstrip())

    def do_whatis(self, arg):
        """whatis expression

        Print the type of the argument.
        """
        try:
            value = self._getval(arg)
        except:
            return
        code = None
        try:
            code = value.__func__.__code__
        except Exception:
            pass
        if code:
            self.message('Method %s' % code.co_name)
            return
        try:
            code = value.__code__
        except Exception:
            pass
        if code:
            self.message('Function %s' % code.co_name)
            return
        if value.__class__ is type:
            self.message('Class %s.%s' % (value.__module__, value.__qualname__))
            return
        self.message(type(value))

    def do_display(self, arg):
        """display [expression]

        Display the value of the expression if it changed, each time
        execution stops in the current frame; without expression, list the
        expressions displayed in this frame.
        """
        if not arg:
            if self.displaying:
                self.message('Currently displaying:')
                for key, val in self.displaying.get(self.curframe, {}).items():
                    self.message('%s: %s' % (key, self._safe_repr(val, key)))
            else:
                self.message('No expression is being displayed')
        else:
            err = self._compile_error_message(arg)
            if err:
                self.error('Unable to display %s: %r' % (arg, err))
            else:
                val = self._getval_except(arg)
                self.displaying.setdefault(self.curframe, {})[arg] = val
                self.message('display %s: %s' % (arg, self._safe_repr(val, arg)))

    def do_undisplay(self, arg):
        """undisplay [expression]

        Stop displaying the expression in the current frame; without
        expression, clear all displays of the current frame.
        """
        if arg:
            try:
                del self.displaying.get(self.curframe, {})[arg]
            except KeyError:
                self.error('not displaying %s' % arg)
        else:
            self.displaying.pop(self.curframe, None)

    def do_interact(self, arg):
        """interact

        Start an interactive interpreter whose global namespace
        contains all the (global and local) names found in the current scope.
        """
        namespace = {**self.curframe.f_globals, **self.curframe_locals}
        self.message("*interactive*")
        while True:
            try:
                line = input(">>> ")
            except EOFError:
                self.message("")
                break
            try:
                code = compile(line + "\n", "<stdin>", "single")
                exec(code, namespace)
            except SystemExit:
                break
            except BaseException as exc:
                self.message(self._format_exc(exc))

    def do_alias(self, arg):
        """alias [name [command]]

        Create an alias called name that executes command (%1.. stand for
        the arguments, %* for all of them); without command show the alias,
        without arguments list all aliases.
        """
        args = arg.split()
        if len(args) == 0:
            for alias in sorted(self.aliases.keys()):
                self.message("%s = %s" % (alias, self.aliases[alias]))
            return
        if len(args) == 1:
            if args[0] in self.aliases:
                self.message("%s = %s" % (args[0], self.aliases[args[0]]))
            else:
                self.error(f"Unknown alias '{args[0]}'")
        else:
            if args[0] in ('alias', 'unalias'):
                self.error(f"Can't alias {args[0]}")
                return
            self.aliases[args[0]] = ' '.join(args[1:])

    def do_unalias(self, arg):
        """unalias name

        Delete the specified alias.
        """
        args = arg.split()
        if len(args) == 0:
            self._print_invalid_arg(arg)
            return
        if args[0] in self.aliases:
            del self.aliases[args[0]]

    def do_exceptions(self, arg):
        """exceptions [number]

        List or change the current exception in an exception chain
        (post-mortem debugging of a chained exception only).
        """
        self.error("Did not find chained exceptions. To move between exceptions, "
                   "pdb/post_mortem must be given an exception object rather than a "
                   "traceback.")

    commands_resuming = ['do_continue', 'do_step', 'do_next', 'do_return', 'do_until',
                         'do_quit', 'do_jump', 'do_c', 'do_s', 'do_n', 'do_r', 'do_q',
                         'do_j', 'continue', 'step', 'next', 'return', 'until', 'quit',
                         'jump', 'c', 's', 'n', 'r', 'q', 'j', 'cont', 'unt', 'exit']

    def print_stack_trace(self, count=None):
        if count is None:
            stack_to_print = self.stack
        elif count == 0:
            stack_to_print = [self.stack[self.curindex]]
        elif count < 0:
            stack_to_print = self.stack[:-count]
        else:
            stack_to_print = self.stack[-count:]
        try:
            for frame_lineno in stack_to_print:
                self.print_stack_entry(frame_lineno)
        except KeyboardInterrupt:
            pass

    def print_stack_entry(self, frame_lineno, prompt_prefix=line_prefix):
        frame, lineno = frame_lineno
        prefix = '> ' if frame is self.curframe else '  '
        self.message(prefix + self.format_stack_entry(frame_lineno, prompt_prefix))

    # ---- help ---------------------------------------------------------------------------

    def do_help(self, arg):
        """h(elp)

        Without argument, print the list of available commands.
        With a command name as argument, print help about that command.
        "help pdb" shows the full pdb documentation.
        "help exec" gives help on the ! command.
        """
        if not arg:
            return cmd.Cmd.do_help(self, arg)
        try:
            try:
                topic = getattr(self, 'help_' + arg)
                return topic()
            except AttributeError:
                command = getattr(self, 'do_' + arg)
        except AttributeError:
            self.error('No help for %r' % arg)
        else:
            if command.__doc__ is None:
                self.error('No help for %r; __doc__ string missing' % arg)
                return
            self.message(self._help_message_from_doc(command.__doc__))

    do_h = do_help

    def help_exec(self):
        """(!) statement

        Execute the (one-line) statement in the context of the current
        stack frame.  The exclamation point can be omitted unless the first
        word of the statement is also a debugger command.  Use a "global"
        statement to assign to a global variable.
        """
        self.message((self.help_exec.__doc__ or '').strip())

    def help_pdb(self):
        help()

    def _help_message_from_doc(self, doc, usage_only=False):
        lines = [line.strip() for line in doc.rstrip().splitlines()]
        if not lines:
            return "No help message found."
        usage_end = lines.index("") if "" in lines else 1
        formatted = []
        indent = " " * len(self.prompt)
        for i, line in enumerate(lines):
            if usage_only and i == usage_end:
                break
            if i == 0:
                prefix = "Usage: "
            elif i < usage_end:
                prefix = "       "
            else:
                prefix = ""
            formatted.append(indent + prefix + line)
        return "\n".join(formatted)

    def _print_invalid_arg(self, arg):
        self.error(f"Invalid argument: {arg}")
        name = self.lastcmd.split()[0] if self.lastcmd.split() else ''
        func = getattr(self, 'do_' + name, None)
        if func is not None and func.__doc__:
            self.message(self._help_message_from_doc(func.__doc__, usage_only=True))

    # ---- modules ------------------------------------------------------------------------

    def lookupmodule(self, filename):
        """The path of a file (or module name) for a breakpoint, or None."""
        if os.path.isabs(filename) and os.path.exists(filename):
            return filename
        f = os.path.join(sys.path[0], filename)
        if os.path.exists(f) and self.canonic(f) == self.mainpyfile:
            return f
        root, ext = os.path.splitext(filename)
        if ext == '':
            filename = filename + '.py'
        if os.path.isabs(filename):
            return filename
        for dirname in sys.path:
            while os.path.islink(dirname):
                dirname = os.readlink(dirname)
            fullname = os.path.join(dirname, filename)
            if os.path.exists(fullname):
                return fullname
        return None

    def _run(self, target):
        # Tracing starts before the script's first line (in the exec wrapper):
        # nothing stops until the main file is reached (see user_line).
        self._wait_for_mainpyfile = True
        self._user_requested_quit = False
        self.mainpyfile = self.canonic(target.filename)
        import __main__
        __main__.__dict__.clear()
        __main__.__dict__.update(target.namespace)
        self._file_mtime_table.clear()
        self.run(target.code)

    def set_trace(self, frame=None, *, commands=None):
        if frame is None:
            frame = sys._getframe().f_back
        if commands is not None:
            self.rcLines.extend(commands)
        super().set_trace(frame)
        # CPython 3.13 stops on the set_trace() line itself (an instruction step);
        # without instruction events the stop happens here, in the caller's frame,
        # with the global trace function off so this code is not traced.
        sys.settrace(None)
        self.interaction(frame, None)
        running_free = (self.stopframe is self.botframe and self.stoplineno == -1
                        and not self.breaks)
        if not self.quitting and not running_free:
            sys.settrace(self.trace_dispatch)


def find_function(funcname, filename):
    """(funcname, filename, first executable line) of "def funcname" in the
    file, or None."""
    import types
    cre = re.compile(r'def\s+%s(\s*\[.+\])?\s*[(]' % re.escape(funcname))
    lines = linecache.getlines(filename)
    if not lines:
        return None
    funcdef = ""
    funcstart = 0
    for lineno, line in enumerate(lines, start=1):
        if cre.match(line):
            funcstart, funcdef = lineno, line
        elif funcdef:
            funcdef += line
        if funcdef:
            # grow the text until the whole definition compiles
            try:
                code = compile(funcdef, filename, 'exec')
            except SyntaxError:
                continue
            funccode = next(c for c in code.co_consts
                            if isinstance(c, types.CodeType) and c.co_name == funcname)
            return funcname, filename, funcstart + find_first_executable_line(funccode) - 1
    return None


# ---- module-level entry points ---------------------------------------------------------

def run(statement, globals=None, locals=None):
    """Execute the statement under the debugger."""
    Pdb().run(statement, globals, locals)


def runeval(expression, globals=None, locals=None):
    """Evaluate the expression under the debugger and return its value."""
    return Pdb().runeval(expression, globals, locals)


def runctx(statement, globals, locals):
    run(statement, globals, locals)


def runcall(*args, **kwds):
    """Call the function (with the given arguments) under the debugger."""
    return Pdb().runcall(*args, **kwds)


def set_trace(*, header=None, commands=None):
    """Enter the debugger at the calling stack frame."""
    pdb = Pdb()
    if header is not None:
        pdb.message(header)
    pdb.set_trace(sys._getframe().f_back, commands=commands)


def post_mortem(t=None):
    """Enter post-mortem debugging of the given traceback or exception (default:
    the exception being handled)."""
    if isinstance(t, BaseException):
        t = t.__traceback__
    if t is None:
        exc = sys.exception()
        if exc is not None:
            t = exc.__traceback__
    if t is None:
        raise ValueError("A valid traceback must be passed if no "
                         "exception is being handled")
    p = Pdb()
    p.reset()
    p.interaction(None, t)


def pm():
    """Enter post-mortem debugging of the most recent uncaught exception."""
    exc = getattr(sys, 'last_exc', None)
    if exc is None:
        tb = getattr(sys, 'last_traceback', None)
        if tb is None:
            raise ValueError("No last exception")
        post_mortem(tb)
    else:
        post_mortem(exc)


TESTCMD = 'import x; x.main()'


def test():
    run(TESTCMD)


def help():
    import pydoc
    pydoc.pager(__doc__)


_usage = """\
Debug the Python program given by pyfile. Alternatively,
an executable module or package to debug can be specified using
the -m switch.

Initial commands are read from .pdbrc files in your home directory
and in the current directory, if they exist.  Commands supplied with
-c are executed after commands from .pdbrc files.

To let the script run until an exception occurs, use "-c continue".
To let the script run up to a given line X in the debugged file, use
"-c 'until X'"."""


def main():
    import argparse
    parser = argparse.ArgumentParser(
        usage="%(prog)s [-h] [-c command] (-m module | pyfile) [args ...]",
        description=_usage, formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False)
    parser.add_argument('-c', '--command', action='append', default=[], metavar='command',
                        dest='commands',
                        help='pdb commands to execute as if given in a .pdbrc file')
    parser.add_argument('-m', metavar='module', dest='module')
    if len(sys.argv) == 1:
        parser.print_help()
        sys.exit(2)
    opts, args = parser.parse_known_args()
    if opts.module:
        if args and args[0].startswith('-'):
            parser.error(f"unrecognized arguments: {' '.join(args)}")
        target = _ModuleTarget(opts.module)
    elif args:
        if args[0].startswith('-'):
            parser.error(f"unrecognized arguments: {' '.join(args)}")
        target = _ScriptTarget(args.pop(0))
    else:
        parser.print_help()
        sys.exit(2)
    target.check()
    sys.argv[:] = [target, *args]
    pdb = Pdb()
    pdb.rcLines.extend(opts.commands)
    while True:
        try:
            pdb._run(target)
        except Restart:
            print("Restarting", target, "with arguments:")
            print("\t" + " ".join(sys.argv[1:]))
        except SystemExit as e:
            print("The program exited via sys.exit(). Exit status:", end=' ')
            print(e)
        except BaseException as e:
            traceback.print_exception(e)
            print("Uncaught exception. Entering post mortem debugging")
            print("Running 'cont' or 'step' will restart the program")
            pdb.interaction(None, e)
            if not pdb._user_requested_quit:
                print(f"Post mortem debugger finished. The {target} will be restarted")
        if pdb._user_requested_quit:
            break
        print("The program finished and will be restarted")


if __name__ == '__main__':
    import pdb
    pdb.main()

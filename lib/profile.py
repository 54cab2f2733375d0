"""profile: a deterministic profiler written in Python (cProfile has the same
interface and is much faster)."""

import importlib.machinery
import io
import sys
import time

try:
    import marshal as _store
except ImportError:
    # Krait has no marshal module; stats files are written with pickle instead.
    import pickle as _store

__all__ = ["run", "runctx", "Profile"]


class _Utils:
    """Shared by profile and cProfile: run a statement under a profiler class and
    print (or save) its statistics."""

    def __init__(self, profiler):
        self.profiler = profiler

    def run(self, statement, filename, sort):
        prof = self.profiler()
        try:
            prof.run(statement)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def runctx(self, statement, globals, locals, filename, sort):
        prof = self.profiler()
        try:
            prof.runctx(statement, globals, locals)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def _show(self, prof, filename, sort):
        if filename is not None:
            prof.dump_stats(filename)
        else:
            prof.print_stats(sort)


def run(statement, filename=None, sort=-1):
    """Run statement under profiler optionally saving results in filename

    This function takes a single argument that can be passed to the
    "exec" statement, and an optional file name.  In all cases this
    routine attempts to "exec" its first argument and gather profiling
    statistics from the execution. If no file name is present, then this
    function automatically prints a simple profiling report, sorted by the
    standard name string (file/line/function-name) that is presented in
    each line.
    """
    return _Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Run statement under profiler, supplying your own globals and locals,
    optionally saving results in filename.

    statement and filename have the same semantics as profile.run
    """
    return _Utils(Profile).runctx(statement, globals, locals, filename, sort)


class Profile:
    """Collects, per function (file, line, name), primitive and total call counts,
    time spent in the function itself and cumulative time.

    The call stack is kept in self.cur as nested tuples
    (time in caller at entry, inline time, time in callees, function key, frame,
    parent), so each return charges its time to the right function and its caller."""

    bias = 0  # per-event overhead subtracted from every measurement (see calibrate)

    def __init__(self, timer=None, bias=None):
        self.timings = {}
        self.cur = None
        self.cmd = ""
        self.c_func_name = ""
        if bias is None:
            bias = self.bias
        self.bias = bias
        if not timer:
            self.timer = self.get_time = time.process_time
        else:
            self.timer = timer
            t = self.timer()
            try:
                length = len(t)
            except TypeError:
                self.get_time = timer
            else:
                if length == 2:
                    def get_time(timer=timer, sum=sum):
                        return sum(timer())
                else:
                    def get_time(timer=timer, sum=sum):
                        return sum(timer())
                self.get_time = get_time
        self.dispatcher = self.trace_dispatch
        self.t = self.get_time()
        self.simulate_call('profiler')

    def trace_dispatch(self, frame, event, arg):
        timer = self.get_time
        t = timer() - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        if self.dispatch[event](self, frame, t):
            self.t = timer()
        else:
            self.t = timer() - t

    def trace_dispatch_exception(self, frame, t):
        rpt, rit, ret, rfn, rframe, rcur = self.cur
        if rframe is not frame and rcur:
            return self.trace_dispatch_return(rframe, t)
        self.cur = rpt, rit + t, ret, rfn, rframe, rcur
        return 1

    def trace_dispatch_call(self, frame, t):
        if self.cur and frame.f_back is not self.cur[-2]:
            rpt, rit, ret, rfn, rframe, rcur = self.cur
            if not isinstance(rframe, Profile.fake_frame):
                # an exception unwound the previous frame without a return event
                self.trace_dispatch_return(rframe, 0)
        fcode = frame.f_code
        fn = (fcode.co_filename, fcode.co_firstlineno, fcode.co_name)
        self.cur = (t, 0, 0, fn, frame, self.cur)
        timings = self.timings
        if fn in timings:
            cc, ns, tt, ct, callers = timings[fn]
            timings[fn] = cc, ns + 1, tt, ct, callers
        else:
            timings[fn] = 0, 0, 0, 0, {}
        return 1

    def trace_dispatch_c_call(self, frame, t):
        fn = ("", 0, self.c_func_name)
        self.cur = (t, 0, 0, fn, frame, self.cur)
        timings = self.timings
        if fn in timings:
            cc, ns, tt, ct, callers = timings[fn]
            timings[fn] = cc, ns + 1, tt, ct, callers
        else:
            timings[fn] = 0, 0, 0, 0, {}
        return 1

    def trace_dispatch_return(self, frame, t):
        if self.cur is None or self.cur[-1] is None:
            return 0
        if frame is not self.cur[-2]:
            # the return of a frame we never saw called (a resumed generator): only
            # unwind when the frame really is further down our stack
            walk = self.cur[-1]
            while walk is not None and walk[-2] is not frame:
                walk = walk[-1]
            if walk is None:
                return 0
            self.trace_dispatch_return(self.cur[-2], 0)
        rpt, rit, ret, rfn, frame, rcur = self.cur
        rit = rit + t
        frame_total = rit + ret
        ppt, pit, pet, pfn, pframe, pcur = rcur
        self.cur = ppt, pit + rpt, pet + frame_total, pfn, pframe, pcur
        timings = self.timings
        cc, ns, tt, ct, callers = timings[rfn]
        if not ns:
            # outermost activation of a recursive function: count its time once
            ct = ct + frame_total
            cc = cc + 1
        callers[pfn] = callers.get(pfn, 0) + 1
        timings[rfn] = cc, ns - 1, tt + rit, ct, callers
        return 1

    dispatch = {
        "call": trace_dispatch_call,
        "exception": trace_dispatch_exception,
        "return": trace_dispatch_return,
        "c_call": trace_dispatch_c_call,
        "c_exception": trace_dispatch_return,
        "c_return": trace_dispatch_return,
    }

    def set_cmd(self, cmd):
        if self.cur[-1]:
            return
        self.cmd = cmd
        self.simulate_call(cmd)

    class fake_code:
        def __init__(self, filename, line, name):
            self.co_filename = filename
            self.co_line = line
            self.co_name = name
            self.co_firstlineno = 0

        def __repr__(self):
            return repr((self.co_filename, self.co_line, self.co_name))

    class fake_frame:
        def __init__(self, code, prior):
            self.f_code = code
            self.f_back = prior

    def simulate_call(self, name):
        code = self.fake_code('profile', 0, name)
        pframe = self.cur[-2] if self.cur else None
        frame = self.fake_frame(code, pframe)
        self.dispatch['call'](self, frame, 0)

    def simulate_cmd_complete(self):
        get_time = self.get_time
        t = get_time() - self.t
        while self.cur[-1]:
            self.dispatch['return'](self, self.cur[-2], t)
            t = 0
        self.t = get_time() - t

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        with open(file, 'wb') as f:
            self.create_stats()
            _store.dump(self.stats, f)

    def create_stats(self):
        self.simulate_cmd_complete()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = {}
        for func, (cc, ns, tt, ct, callers) in self.timings.items():
            callers = callers.copy()
            nc = sum(callers.values())
            self.stats[func] = cc, nc, tt, ct, callers

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.set_cmd(cmd)
        sys.setprofile(self.dispatcher)
        try:
            exec(cmd, globals, locals)
        finally:
            sys.setprofile(None)
        return self

    def runcall(self, func, /, *args, **kw):
        self.set_cmd(repr(func))
        sys.setprofile(self.dispatcher)
        try:
            return func(*args, **kw)
        finally:
            sys.setprofile(None)

    def calibrate(self, m, verbose=0):
        """Estimates the per-event overhead of this profiler (the bias), in the
        timer's units, from m calls of a small function."""
        if self.__class__ is not Profile:
            raise TypeError("Subclasses must override .calibrate().")
        saved_bias = self.bias
        self.bias = 0
        try:
            return self._calibrate_inner(m, verbose)
        finally:
            self.bias = saved_bias

    def _calibrate_inner(self, m, verbose):
        get_time = self.get_time

        def f1(n):
            for i in range(n):
                x = 1

        def f(m, f1=f1):
            for i in range(m):
                f1(100)
        f(m)
        t0 = get_time()
        f(m)
        t1 = get_time()
        elapsed_noprofile = t1 - t0
        p = Profile(get_time)
        t0 = get_time()
        p.runctx('f(m)', globals(), locals())
        t1 = get_time()
        elapsed_profile = t1 - t0
        total_calls = 0.0
        reported_time = 0.0
        for (filename, line, funcname), (cc, ns, tt, ct, callers) in p.timings.items():
            if funcname in ("f", "f1"):
                total_calls += cc
                reported_time += tt
        mean = (reported_time - elapsed_noprofile) / 2.0 / total_calls
        if verbose:
            print("mean stopwatch overhead per profile event =", mean)
        return mean


def main():
    import os
    import runpy
    import pstats
    usage = "profile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."
    argv = sys.argv[1:]
    if not argv:
        print("Usage: %s\n" % usage)
        sys.exit(2)
    outfile = None
    sort = -1
    module = False
    while argv and argv[0].startswith('-') and argv[0] != '-':
        opt = argv.pop(0)
        if opt == '--':
            break
        if opt == '-m':
            module = True
        elif opt in ('-o', '--outfile') and argv:
            outfile = argv.pop(0)
        elif opt in ('-s', '--sort') and argv:
            sort = argv.pop(0)
            if sort not in pstats.Stats.sort_arg_dict_default:
                sys.stderr.write("Usage: %s\n\nprofile.py: error: option -s: invalid choice: "
                                 "%r (choose from %s)\n" % (
                                     usage, sort, ", ".join(
                                         repr(c) for c in sorted(
                                             pstats.Stats.sort_arg_dict_default))))
                sys.exit(2)
        else:
            sys.stderr.write("Usage: %s\n\nprofile.py: error: no such option: %s\n"
                             % (usage, opt))
            sys.exit(2)
    sys.argv[:] = argv
    if outfile is not None:
        outfile = os.path.abspath(outfile)
    if not argv:
        print("Usage: %s\n" % usage)
        return
    if module:
        code = "run_module(modname, run_name='__main__', alter_sys=True)"
        globs = {'run_module': runpy.run_module, 'modname': argv[0]}
    else:
        progname = argv[0]
        sys.path.insert(0, os.path.dirname(progname))
        with io.open_code(progname) as fp:
            code = compile(fp.read(), progname, 'exec')
        spec = importlib.machinery.ModuleSpec(name='__main__', loader=None, origin=progname)
        globs = {
            '__spec__': spec,
            '__file__': spec.origin,
            '__name__': spec.name,
            '__package__': None,
            '__cached__': None,
        }
    try:
        runctx(code, globs, None, outfile, sort)
    except BrokenPipeError as exc:
        sys.stdout = None
        sys.exit(exc.errno)


if __name__ == '__main__':
    main()

"""cProfile: the C-accelerated deterministic profiler (see the profile module for
the interface)."""

__all__ = ["run", "runctx", "Profile"]

import _lsprof
import importlib.machinery
import io
import profile as _pyprofile


def run(statement, filename=None, sort=-1):
    return _pyprofile._Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _pyprofile._Utils(Profile).runctx(statement, globals, locals, filename, sort)


run.__doc__ = _pyprofile.run.__doc__
runctx.__doc__ = _pyprofile.runctx.__doc__


def label(code):
    if isinstance(code, str):
        return ('~', 0, code)    # built-ins; '~' sorts after file names
    return (code.co_filename, code.co_firstlineno, code.co_name)


class Profile(_lsprof.Profiler):
    """Profile(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        with open(file, 'wb') as f:
            self.create_stats()
            pstats_store().dump(self.stats, f)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        entries = self.getstats()
        self.stats = {}
        callers_of = {}
        for entry in entries:
            func = label(entry.code)
            nc = entry.callcount
            cc = nc - entry.reccallcount
            callers = {}
            callers_of[id(entry.code)] = callers
            self.stats[func] = cc, nc, entry.inlinetime, entry.totaltime, callers
        for entry in entries:
            if not entry.calls:
                continue
            func = label(entry.code)
            for sub in entry.calls:
                try:
                    callers = callers_of[id(sub.code)]
                except KeyError:
                    continue
                nc = sub.callcount
                cc = nc - sub.reccallcount
                tt = sub.inlinetime
                ct = sub.totaltime
                if func in callers:
                    prev = callers[func]
                    nc += prev[0]
                    cc += prev[1]
                    tt += prev[2]
                    ct += prev[3]
                callers[func] = nc, cc, tt, ct

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def pstats_store():
    import pstats
    return pstats._store


def main():
    import os
    import sys
    import runpy
    import pstats
    usage = "cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."
    choices = sorted(pstats.Stats.sort_arg_dict_default)

    def fail(message):
        sys.stderr.write("Usage: %s\n\ncProfile.py: error: %s\n" % (usage, message))
        sys.exit(2)

    argv = sys.argv[1:]
    if not argv:
        print("Usage: %s\n" % usage)
        sys.exit(2)
    outfile = None
    sort = 2
    module = False
    # options end at the first positional argument (the script keeps the rest)
    while argv and argv[0].startswith('-') and argv[0] != '-':
        opt = argv.pop(0)
        if opt == '--':
            break
        if opt in ('-h', '--help'):
            print("Usage: %s\n\nOptions:\n"
                  "  -h, --help            show this help message and exit\n"
                  "  -o OUTFILE, --outfile=OUTFILE\n"
                  "                        Save stats to <outfile>\n"
                  "  -s SORT, --sort=SORT  Sort order when printing to stdout, based on\n"
                  "                        pstats.Stats class\n"
                  "  -m                    Profile a library module" % usage)
            sys.exit(0)
        if opt == '-m':
            module = True
            continue
        value = None
        for short, long in (('-o', '--outfile'), ('-s', '--sort')):
            if opt == short or opt == long:
                if not argv:
                    fail("%s option requires 1 argument" % opt)
                value = argv.pop(0)
            elif opt.startswith(short) and not opt.startswith('--'):
                value = opt[len(short):]
            elif opt.startswith(long + '='):
                value = opt[len(long) + 1:]
            else:
                continue
            if short == '-o':
                outfile = value
            else:
                if value not in choices:
                    fail("option -s: invalid choice: %r (choose from %s)"
                         % (value, ", ".join(repr(c) for c in choices)))
                sort = value
            break
        else:
            fail("no such option: %s" % opt)
    sys.argv[:] = argv
    if outfile is not None:
        # the profiled script may chdir
        outfile = os.path.abspath(outfile)
    if not argv:
        print("Usage: %s\n" % usage)
        return
    if module:
        code = "run_module(modname, run_name='__main__')"
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

# resource: struct_rusage shape, getrlimit/setrlimit/prlimit round trips, constants, errors
import resource


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", r if r is None else type(r).__name__)


print(sorted(n for n in dir(resource) if not n.startswith("_")))
for name in sorted(n for n in dir(resource) if n.isupper()):
    print(name, getattr(resource, name))
print(resource.error is OSError)
T = resource.struct_rusage
print(T.__name__, T.__module__, T.n_fields, T.n_sequence_fields, T.n_unnamed_fields)
print(T.__match_args__)
print(type(T.__doc__).__name__)
print([getattr(T, f).__doc__ for f in T.__match_args__])
for f in ("getrusage", "getrlimit", "setrlimit", "prlimit", "getpagesize"):
    fn = getattr(resource, f)
    print(f, fn.__doc__, fn.__text_signature__)

u = resource.getrusage(resource.RUSAGE_SELF)
print(type(u).__name__, len(u), [type(x).__name__ for x in u])
print(u.ru_utime >= 0, u.ru_stime >= 0, u.ru_maxrss > 0, u[2] == u.ru_maxrss)
print(type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__)
print(type(resource.getrusage(resource.RUSAGE_THREAD)).__name__)
print(repr(T((1.5, 2.0) + tuple(range(14)))))

ps = resource.getpagesize()
print(type(ps).__name__, ps > 0, ps & (ps - 1) == 0)

for name in sorted(n for n in dir(resource) if n.startswith("RLIMIT_")):
    lim = resource.getrlimit(getattr(resource, name))
    print(name, type(lim).__name__, len(lim), all(type(x) is int for x in lim))

soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
print(resource.prlimit(0, resource.RLIMIT_CORE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_CORE, None) == (soft, hard))
resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
print(resource.prlimit(0, resource.RLIMIT_CORE, [soft, hard]) == (0, hard))
print(resource.getrlimit(resource.RLIMIT_CORE) == (soft, hard))
resource.setrlimit(resource.RLIMIT_CORE, iter([soft, hard]))

nsoft, nhard = resource.getrlimit(resource.RLIMIT_NOFILE)
if nhard != resource.RLIM_INFINITY:
    attempt(resource.setrlimit, resource.RLIMIT_NOFILE, (nhard + 1, nhard))
else:
    print("  ValueError current limit exceeds maximum limit")

print("errors")
attempt(resource.getrusage, 5)
attempt(resource.getrusage, "x")
attempt(resource.getrusage, 1.5)
attempt(resource.getrusage, 2**70)
attempt(resource.getrusage, who=0)
attempt(resource.getrlimit, 99)
attempt(resource.getrlimit, -1)
attempt(resource.getrlimit, "a")
attempt(resource.getrlimit)
attempt(resource.setrlimit, 99, (1, 1))
attempt(resource.setrlimit, -1, (1, 1))
attempt(resource.setrlimit, 0, 5)
attempt(resource.setrlimit, 0, None)
attempt(resource.setrlimit, 0, (1,))
attempt(resource.setrlimit, 0, (1, 2, 3))
attempt(resource.setrlimit, 0, ("a", 1))
attempt(resource.setrlimit, 0, "ab")
attempt(resource.setrlimit, 0, [1.5, 1])
attempt(resource.setrlimit, resource.RLIMIT_CORE, (2**80, 1))
attempt(resource.setrlimit, resource.RLIMIT_CORE, (1, 2**64))
attempt(resource.setrlimit, resource.RLIMIT_NOFILE, (10, 5))
attempt(resource.setrlimit, 1)
attempt(resource.setrlimit, 1, 2, 3)
attempt(resource.prlimit, 0, 99)
attempt(resource.prlimit, "a", 0)
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, (1,))
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, 5)
attempt(resource.prlimit, 0, resource.RLIMIT_NOFILE, (10, 5))
attempt(resource.prlimit, 1)
attempt(resource.prlimit, 1, 2, 3, 4)
attempt(resource.getpagesize, 1)

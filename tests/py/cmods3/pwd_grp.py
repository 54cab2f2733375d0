# pwd and grp: struct_passwd/struct_group shape, lookups that agree, errors and messages
import os
import pwd
import grp


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", type(r).__name__)


print(sorted(n for n in dir(pwd) if not n.startswith("_")))
print(sorted(n for n in dir(grp) if not n.startswith("_")))
print(type(pwd.__doc__).__name__, type(grp.__doc__).__name__)
for T in (pwd.struct_passwd, grp.struct_group):
    print(T.__name__, T.__module__, T.n_fields, T.n_sequence_fields, T.n_unnamed_fields)
    print(T.__match_args__)
    print(type(T.__doc__).__name__)
    print([getattr(T, f).__doc__ for f in T.__match_args__])
    print(issubclass(T, tuple))
for f in (pwd.getpwnam, pwd.getpwuid, pwd.getpwall, grp.getgrnam, grp.getgrgid, grp.getgrall):
    print(f.__name__, f.__text_signature__)

me = pwd.getpwuid(os.getuid())
print(type(me).__name__, len(me), [type(x).__name__ for x in me])
print(me.pw_uid == os.getuid(), me[2] == me.pw_uid, me[0] == me.pw_name)
print(pwd.getpwnam(me.pw_name) == me)
print(pwd.getpwuid(me.pw_uid) == me)
entries = pwd.getpwall()
print(type(entries).__name__, all(type(e) is pwd.struct_passwd for e in entries))
print(me.pw_name in [e.pw_name for e in entries])
r = repr(me)
print(r.startswith("pwd.struct_passwd(pw_name="), r.endswith(")"), r == repr(me))
print(list(me._asdict().keys()) if hasattr(me, "_asdict") else "no _asdict")

g = grp.getgrgid(os.getgid())
print(type(g).__name__, len(g), [type(x).__name__ for x in g])
print(g.gr_gid == os.getgid(), grp.getgrnam(g.gr_name) == g, grp.getgrgid(id=g.gr_gid) == g)
print(grp.getgrnam(name=g.gr_name) == g)
groups = grp.getgrall()
print(type(groups).__name__, all(type(e) is grp.struct_group for e in groups))
print(all(isinstance(m, str) for e in groups for m in e.gr_mem))
print(repr(g).startswith("grp.struct_group(gr_name="))
print(grp.getgrgid(True) == grp.getgrgid(1) if any(e.gr_gid == 1 for e in groups) else True)

built = pwd.struct_passwd(("a", "b", 1, 2, "c", "d", "e"))
print(built)
print(grp.struct_group(("g", "x", 5, ["u1", "u2"])))

print("errors")
attempt(pwd.getpwnam, "no-such-user-krait-test")
attempt(pwd.getpwnam, "no\udcffuser")
attempt(pwd.getpwnam, "a\0b")
attempt(pwd.getpwnam, b"root")
attempt(pwd.getpwnam, 5)
attempt(pwd.getpwnam)
attempt(pwd.getpwnam, name="root")
attempt(pwd.getpwuid, 4294967290)
attempt(pwd.getpwuid, -1)
attempt(pwd.getpwuid, -2)
attempt(pwd.getpwuid, 2**32)
attempt(pwd.getpwuid, 2**70)
attempt(pwd.getpwuid, -2**70)
attempt(pwd.getpwuid, "0")
attempt(pwd.getpwuid, 1.0)
attempt(pwd.getpwuid)
attempt(pwd.getpwall, 1)
attempt(grp.getgrnam, "no-such-group-krait-test")
attempt(grp.getgrnam, "a\0b")
attempt(grp.getgrnam, b"root")
attempt(grp.getgrnam)
attempt(grp.getgrgid, 4294967290)
attempt(grp.getgrgid, -1)
attempt(grp.getgrgid, 2**32 - 1)
attempt(grp.getgrgid, -2)
attempt(grp.getgrgid, 2**32)
attempt(grp.getgrgid, 2**63)
attempt(grp.getgrgid, 2**64)
attempt(grp.getgrgid, -2**63)
attempt(grp.getgrgid, -2**64)
attempt(grp.getgrgid, 1.5)
attempt(grp.getgrgid, None)
attempt(grp.getgrgid)
attempt(grp.getgrgid, 1, 2)
attempt(grp.getgrall, 1)


class Idx:
    def __index__(self):
        return os.getuid()


print(pwd.getpwuid(Idx()) == me)

"""Information about the underlying platform and the running interpreter."""

import os
import re
import sys
import collections

__all__ = ['architecture', 'machine', 'node', 'platform', 'processor',
           'python_build', 'python_compiler', 'python_branch', 'python_implementation',
           'python_revision', 'python_version', 'python_version_tuple', 'release',
           'system', 'system_alias', 'uname', 'version', 'libc_ver',
           'freedesktop_os_release', 'java_ver', 'win32_ver', 'mac_ver',
           'win32_edition', 'win32_is_iot']

_GLIBC_RE = re.compile(rb'GLIBC_([0-9]+(?:\.[0-9]+)*)')


def _version_key(v):
    return tuple(int(p) for p in v.split('.') if p.isdigit())


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    confstr = getattr(os, 'confstr', None)
    if executable is None and confstr is not None:
        try:
            ver = confstr('CS_GNU_LIBC_VERSION')
            parts = ver.split(maxsplit=1)
            if len(parts) == 2:
                return tuple(parts)
        except (AttributeError, ValueError, OSError):
            pass
    if executable is None:
        executable = sys.executable
        if not executable:
            return lib, version
    # The newest GLIBC_x.y symbol version the binary references is the libc it needs.
    best = None
    try:
        with open(os.path.realpath(executable), 'rb') as f:
            tail = b''
            while True:
                chunk = f.read(chunksize)
                if not chunk:
                    break
                data = tail + chunk
                for m in _GLIBC_RE.finditer(data):
                    v = m.group(1).decode('latin-1')
                    if best is None or _version_key(v) > _version_key(best):
                        best = v
                tail = data[-32:]
    except OSError:
        return lib, version
    if best is not None:
        return 'glibc', best
    return lib, version


def architecture(executable=sys.executable, bits='', linkage=''):
    if not bits:
        bits = str(8 * (8 if sys.maxsize > 2 ** 32 else 4)) + 'bit'
    if not linkage and sys.platform not in ('win32', 'darwin'):
        linkage = 'ELF'
    return bits, linkage


class uname_result(collections.namedtuple("uname_result",
                                          "system node release version machine")):
    """The five uname fields; `processor` is computed only when asked for."""

    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @property
    def processor(self):
        return _processor()

    def __iter__(self):
        return iter(list(tuple.__iter__(self)) + [self.processor])

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


def _processor():
    return ''


_uname_cache = []


def uname():
    if _uname_cache:
        return _uname_cache[0]
    try:
        u = os.uname()
        system, node, release, version, machine = (u.sysname, u.nodename, u.release,
                                                   u.version, u.machine)
    except AttributeError:
        system = sys.platform
        node = release = version = machine = ''
    if system == 'Microsoft' and release == 'Windows':
        system, release = 'Windows', 'Vista'
    r = uname_result(system, node, release, version, machine)
    _uname_cache.append(r)
    return r


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def system_alias(system, release, version):
    return system, release, version


def _sys_version():
    # sys.version looks like '3.13.0 (name version, date, time) [compiler]'.
    m = re.match(r'([\w.+]+)\s*\(([^)]*)\)\s*\[([^\]]*)\]', sys.version)
    if m is None:
        return sys.version.split()[0], '', '', ''
    ver, build, compiler = m.groups()
    parts = [p.strip() for p in build.split(',')]
    if len(parts) >= 3:
        builddate = parts[-2] + ' ' + parts[-1]
        buildno = parts[0]
    else:
        builddate = build
        buildno = ''
    return ver, buildno, builddate, compiler


def python_implementation():
    name = sys.implementation.name
    if name == 'cpython':
        return 'CPython'
    if name == 'pypy':
        return 'PyPy'
    return name[:1].upper() + name[1:]


def python_version():
    v = sys.version_info
    return '%d.%d.%d' % (v.major, v.minor, v.micro)


def python_version_tuple():
    return tuple(python_version().split('.'))


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    _, buildno, builddate, _ = _sys_version()
    return buildno or 'main', builddate


def python_compiler():
    return _sys_version()[3]


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


_os_release_cache = []


def _parse_os_release(lines):
    info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
    line_re = re.compile(r"^([a-zA-Z0-9_]+)=(\"?)(.*)\2$")
    for line in lines:
        m = line_re.match(line.rstrip('\n'))
        if m is None:
            continue
        value = m.group(3)
        if m.group(2):
            value = re.sub(r'\\([\\$"\'`])', r'\1', value)
        info[m.group(1)] = value
    return info


def freedesktop_os_release():
    if not _os_release_cache:
        errno = None
        for candidate in ("/etc/os-release", "/usr/lib/os-release"):
            try:
                with open(candidate, encoding="utf-8") as f:
                    _os_release_cache.append(_parse_os_release(f))
                    break
            except OSError as e:
                errno = e.errno
        else:
            raise OSError(errno, "Unable to read files /etc/os-release, /usr/lib/os-release")
    return _os_release_cache[0].copy()


_platform_cache = {}


def platform(aliased=False, terse=False):
    key = (bool(aliased), bool(terse))
    if key in _platform_cache:
        return _platform_cache[key]
    u = uname()
    sysname, rel, ver, mach = u.system, u.release, u.version, u.machine
    if aliased:
        sysname, rel, ver = system_alias(sysname, rel, ver)
    if sysname == 'Linux' or sysname.startswith('Linux'):
        # CPython ignores `terse` on Linux too.
        libcname, libcversion = libc_ver()
        p = _platform(sysname, rel, mach, 'with', libcname + libcversion)
    elif terse:
        p = _platform(sysname, rel)
    else:
        p = _platform(sysname, rel, mach)
    _platform_cache[key] = p
    return p


def _platform(*args):
    s = '-'.join(x.strip() for x in filter(len, args))
    s = s.replace(' ', '_')
    for ch in '/\\:;"()':
        s = s.replace(ch, '-')
    s = s.replace('unknown', '')
    while '--' in s:
        s = s.replace('--', '-')
    return s.rstrip('-')

"""Access to Python's configuration information: install schemes (where
packages, scripts and headers go) and build configuration variables. Krait is
not built with autoconf, so the configuration variables are the ones derived
from the running interpreter plus a few fixed facts about this build."""

import os
import sys
from os.path import realpath

__all__ = [
    'get_config_h_filename',
    'get_config_var',
    'get_config_vars',
    'get_makefile_filename',
    'get_path',
    'get_path_names',
    'get_paths',
    'get_platform',
    'get_python_version',
    'get_scheme_names',
    'parse_config_h',
]

# Path templates of every install scheme; {name} refers to a config variable.
_INSTALL_SCHEMES = {'posix_prefix': {'stdlib': '{installed_base}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                  'platstdlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                  'purelib': '{base}/lib/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                  'platlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                  'include': '{installed_base}/include/{implementation_lower}{py_version_short}{abiflags}',
                  'platinclude': '{installed_platbase}/include/{implementation_lower}{py_version_short}{abiflags}',
                  'scripts': '{base}/bin',
                  'data': '{base}'},
 'posix_home': {'stdlib': '{installed_base}/lib/{implementation_lower}',
                'platstdlib': '{base}/lib/{implementation_lower}',
                'purelib': '{base}/lib/{implementation_lower}',
                'platlib': '{base}/lib/{implementation_lower}',
                'include': '{installed_base}/include/{implementation_lower}',
                'platinclude': '{installed_base}/include/{implementation_lower}',
                'scripts': '{base}/bin',
                'data': '{base}'},
 'nt': {'stdlib': '{installed_base}/Lib',
        'platstdlib': '{base}/Lib',
        'purelib': '{base}/Lib/site-packages',
        'platlib': '{base}/Lib/site-packages',
        'include': '{installed_base}/Include',
        'platinclude': '{installed_base}/Include',
        'scripts': '{base}/Scripts',
        'data': '{base}'},
 'posix_venv': {'stdlib': '{installed_base}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                'platstdlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                'purelib': '{base}/lib/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                'platlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                'include': '{installed_base}/include/{implementation_lower}{py_version_short}{abiflags}',
                'platinclude': '{installed_platbase}/include/{implementation_lower}{py_version_short}{abiflags}',
                'scripts': '{base}/bin',
                'data': '{base}'},
 'nt_venv': {'stdlib': '{installed_base}/Lib',
             'platstdlib': '{base}/Lib',
             'purelib': '{base}/Lib/site-packages',
             'platlib': '{base}/Lib/site-packages',
             'include': '{installed_base}/Include',
             'platinclude': '{installed_base}/Include',
             'scripts': '{base}/Scripts',
             'data': '{base}'},
 'venv': {'stdlib': '{installed_base}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
          'platstdlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
          'purelib': '{base}/lib/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
          'platlib': '{platbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
          'include': '{installed_base}/include/{implementation_lower}{py_version_short}{abiflags}',
          'platinclude': '{installed_platbase}/include/{implementation_lower}{py_version_short}{abiflags}',
          'scripts': '{base}/bin',
          'data': '{base}'},
 'nt_user': {'stdlib': '{userbase}/{implementation}{py_version_nodot_plat}',
             'platstdlib': '{userbase}/{implementation}{py_version_nodot_plat}',
             'purelib': '{userbase}/{implementation}{py_version_nodot_plat}/site-packages',
             'platlib': '{userbase}/{implementation}{py_version_nodot_plat}/site-packages',
             'include': '{userbase}/{implementation}{py_version_nodot_plat}/Include',
             'scripts': '{userbase}/{implementation}{py_version_nodot_plat}/Scripts',
             'data': '{userbase}'},
 'posix_user': {'stdlib': '{userbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                'platstdlib': '{userbase}/{platlibdir}/{implementation_lower}{py_version_short}{abi_thread}',
                'purelib': '{userbase}/lib/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                'platlib': '{userbase}/lib/{implementation_lower}{py_version_short}{abi_thread}/site-packages',
                'include': '{userbase}/include/{implementation_lower}{py_version_short}{abi_thread}',
                'scripts': '{userbase}/bin',
                'data': '{userbase}'},
 'osx_framework_user': {'stdlib': '{userbase}/lib/{implementation_lower}',
                        'platstdlib': '{userbase}/lib/{implementation_lower}',
                        'purelib': '{userbase}/lib/{implementation_lower}/site-packages',
                        'platlib': '{userbase}/lib/{implementation_lower}/site-packages',
                        'include': '{userbase}/include/{implementation_lower}{py_version_short}',
                        'scripts': '{userbase}/bin',
                        'data': '{userbase}'}}


_SCHEME_KEYS = ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include',
                'scripts', 'data')

_PY_VERSION = sys.version.split()[0]
_PY_VERSION_SHORT = f'{sys.version_info[0]}.{sys.version_info[1]}'
_PY_VERSION_SHORT_NO_DOT = f'{sys.version_info[0]}{sys.version_info[1]}'
_PREFIX = os.path.normpath(sys.prefix)
_BASE_PREFIX = os.path.normpath(sys.base_prefix)
_EXEC_PREFIX = os.path.normpath(sys.exec_prefix)
_BASE_EXEC_PREFIX = os.path.normpath(getattr(sys, 'base_exec_prefix', sys.exec_prefix))
_CONFIG_VARS = None

if sys.executable:
    _PROJECT_BASE = os.path.dirname(realpath(sys.executable))
else:
    _PROJECT_BASE = realpath(os.getcwd())


def is_python_build(check_home=None):
    return False


_PYTHON_BUILD = False


def _get_implementation():
    # Krait installs like CPython (lib/python3.13), so it reports "Python".
    name = sys.implementation.name
    if name in ('cpython', 'krait'):
        return 'Python'
    return name.capitalize()


def _getuserbase():
    env_base = os.environ.get("PYTHONUSERBASE", None)
    if env_base:
        return env_base
    return os.path.expanduser("~/.local")


def _extend_dict(target_dict, other_dict):
    target_keys = target_dict.keys()
    for key, value in other_dict.items():
        if key in target_keys:
            continue
        target_dict[key] = value


def _subst_vars(s, local_vars):
    try:
        return s.format(**local_vars)
    except KeyError as var:
        try:
            return s.format(**os.environ)
        except KeyError:
            raise AttributeError(f'{var}') from None


def _expand_vars(scheme, vars):
    res = {}
    if vars is None:
        vars = {}
    _extend_dict(vars, get_config_vars())
    for key, value in _INSTALL_SCHEMES[scheme].items():
        value = os.path.expanduser(value)
        res[key] = os.path.normpath(_subst_vars(value, vars))
    return res


def _get_preferred_schemes():
    return {'prefix': 'posix_prefix', 'home': 'posix_home', 'user': 'posix_user'}


def get_preferred_scheme(key):
    """The install scheme for 'prefix', 'home' or 'user' installs."""
    if key == 'prefix' and sys.prefix != sys.base_prefix:
        return 'venv'
    scheme = _get_preferred_schemes()[key]
    if scheme not in _INSTALL_SCHEMES:
        raise ValueError(f"{key!r} returned {scheme!r}, which is not a valid scheme "
                         f"on this platform")
    return scheme


def get_default_scheme():
    return get_preferred_scheme('prefix')


def _multiarch():
    return getattr(sys.implementation, '_multiarch', '')


def _init_config_vars():
    global _CONFIG_VARS
    v = {}
    v['prefix'] = _PREFIX
    v['exec_prefix'] = _EXEC_PREFIX
    v['py_version'] = _PY_VERSION
    v['py_version_short'] = _PY_VERSION_SHORT
    v['py_version_nodot'] = _PY_VERSION_SHORT_NO_DOT
    v['installed_base'] = _BASE_PREFIX
    v['base'] = _PREFIX
    v['installed_platbase'] = _BASE_EXEC_PREFIX
    v['platbase'] = _EXEC_PREFIX
    v['projectbase'] = _PROJECT_BASE
    v['platlibdir'] = getattr(sys, 'platlibdir', 'lib')
    v['implementation'] = _get_implementation()
    v['implementation_lower'] = _get_implementation().lower()
    v['abiflags'] = getattr(sys, 'abiflags', '')
    v['py_version_nodot_plat'] = ''
    # Facts about this build that autoconf would record for CPython.
    arch = _multiarch()
    soabi = 'cpython-%s-%s' % (_PY_VERSION_SHORT_NO_DOT, arch) if arch else \
        'cpython-%s' % _PY_VERSION_SHORT_NO_DOT
    libdir = os.path.join(_PREFIX, v['platlibdir'])
    libdest = os.path.join(_PREFIX, 'lib', 'python' + _PY_VERSION_SHORT)
    v.update({
        'SOABI': soabi,
        'EXT_SUFFIX': '.' + soabi + '.so',
        'SHLIB_SUFFIX': '.so',
        'MULTIARCH': arch,
        'SIZEOF_VOID_P': 8 if sys.maxsize > 2**32 else 4,
        'SIZEOF_LONG': 8 if sys.maxsize > 2**32 else 4,
        'SIZEOF_INT': 4,
        'Py_GIL_DISABLED': 0,
        'Py_DEBUG': 0,
        'Py_ENABLE_SHARED': 0,
        'WITH_DOC_STRINGS': 1,
        'VERSION': _PY_VERSION_SHORT,
        'ABIFLAGS': v['abiflags'],
        'LIBDIR': libdir,
        'BINDIR': os.path.join(_EXEC_PREFIX, 'bin'),
        'LIBDEST': libdest,
        'BINLIBDEST': libdest,
        'INCLUDEPY': os.path.join(_BASE_PREFIX, 'include', 'python' + _PY_VERSION_SHORT),
        'LIBPL': os.path.join(libdest, 'config-%s-%s' % (_PY_VERSION_SHORT, arch)),
        'CC': 'cc',
        'EXE': '',
        'TZPATH': '/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo',
        'HOST_GNU_TYPE': '',
        'MACHDEP': sys.platform,
    })
    v['userbase'] = _getuserbase()
    v['abi_thread'] = 't' if v.get('Py_GIL_DISABLED') else ''
    v['srcdir'] = _PROJECT_BASE
    _CONFIG_VARS = v


def get_config_vars(*args):
    """All configuration variables as a dict, or the values of the named ones
    as a list."""
    if _CONFIG_VARS is None:
        _init_config_vars()
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_config_var(name):
    """The value of one configuration variable (None if unknown)."""
    return get_config_vars().get(name)


def get_scheme_names():
    """The install scheme names, sorted."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """The path names every scheme defines."""
    return _SCHEME_KEYS


def get_paths(scheme=None, vars=None, expand=True):
    """The paths of an install scheme (expanded with the config variables)."""
    if scheme is None:
        scheme = get_default_scheme()
    if expand:
        return _expand_vars(scheme, vars)
    return _INSTALL_SCHEMES[scheme]


def get_path(name, scheme=None, vars=None, expand=True):
    """One path of an install scheme."""
    return get_paths(scheme, vars, expand)[name]


def get_platform():
    """A string naming the platform, like 'linux-x86_64'."""
    if os.name != 'posix' or not hasattr(os, 'uname'):
        return sys.platform
    if "_PYTHON_HOST_PLATFORM" in os.environ:
        return os.environ["_PYTHON_HOST_PLATFORM"]
    osname, host, release, version, machine = os.uname()
    osname = osname.lower().replace('/', '')
    machine = machine.replace(' ', '_').replace('/', '-')
    if osname[:5] == "linux":
        return f"{osname}-{machine}"
    return f"{osname}-{release}-{machine}"


def get_python_version():
    return _PY_VERSION_SHORT


def get_makefile_filename():
    """Where CPython would keep its Makefile (Krait has none installed)."""
    return os.path.join(get_config_var('LIBPL'), 'Makefile')


def get_config_h_filename():
    """Where CPython would keep pyconfig.h."""
    return os.path.join(get_config_var('INCLUDEPY'), 'pyconfig.h')


def parse_config_h(fp, vars=None):
    """Parse a pyconfig.h-style file into a dict of #define'd names."""
    import re
    if vars is None:
        vars = {}
    define_rx = re.compile("#define ([A-Z][A-Za-z0-9_]+) (.*)\n")
    undef_rx = re.compile("/[*] #undef ([A-Z][A-Za-z0-9_]+) [*]/\n")
    while True:
        line = fp.readline()
        if not line:
            break
        m = define_rx.match(line)
        if m:
            n, v = m.group(1, 2)
            try:
                if n in ('HAVE_SNPRINTF', 'HAVE_VSNPRINTF'):
                    raise ValueError
                v = int(v)
            except ValueError:
                pass
            vars[n] = v
        else:
            m = undef_rx.match(line)
            if m:
                vars[m.group(1)] = 0
    return vars


def _main():
    print('Platform: "%s"' % get_platform())
    print('Python version: "%s"' % get_python_version())
    print('Current installation scheme: "%s"' % get_default_scheme())
    print()
    print('Paths: ')
    for key, value in sorted(get_paths().items()):
        print('\t%s = "%s"' % (key, value))
    print()
    print('Variables: ')
    for key, value in sorted(get_config_vars().items()):
        print('\t%s = "%s"' % (key, value))


if __name__ == '__main__':
    _main()

# sysconfig: scheme names and templates, path expansion with custom vars, config vars shape, platform strings
import sysconfig, sys, os, io
print(sysconfig.get_scheme_names(), sysconfig.get_path_names(), sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme('user'), sysconfig.get_preferred_scheme('home'))
print(sysconfig.get_python_version(), sysconfig.get_platform() == 'linux-' + os.uname().machine)
print(sysconfig.get_paths('posix_prefix', expand=False)['purelib'], sysconfig.get_paths('nt', expand=False)['scripts'])
v = {'base': '/B', 'platbase': '/P', 'installed_base': '/I', 'installed_platbase': '/IP', 'userbase': '/U', 'platlibdir': 'lib64', 'abiflags': 'd'}
for scheme in sysconfig.get_scheme_names():
    print(scheme, sorted(sysconfig.get_paths(scheme, dict(v)).items()))
print(sysconfig.get_path('scripts', 'posix_home', {'base': '/h'}), sysconfig.get_path('data', 'posix_user', {'userbase': '/u'}))
cv = sysconfig.get_config_vars()
print(isinstance(cv, dict), cv['py_version_short'], cv['py_version_nodot'], cv['SIZEOF_VOID_P'], cv['Py_GIL_DISABLED'], cv['abiflags'], cv['implementation'], cv['EXT_SUFFIX'].endswith('.so'))
print(sysconfig.get_config_var('VERSION'), sysconfig.get_config_var('no_such_var'), sysconfig.get_config_vars('py_version_short', 'nope'), sysconfig.get_config_var('prefix') == os.path.normpath(sys.prefix))
print(sysconfig.parse_config_h(io.StringIO('#define HAVE_X 1\n#define NAME "v"\n/* #undef HAVE_Y */\nother\n')))
try:
    sysconfig.get_preferred_scheme('bogus')
except KeyError as e:
    print('KeyError', e)
try:
    sysconfig.get_paths('bogus')
except KeyError as e:
    print('KeyError', e)
try:
    sysconfig.get_path('nope')
except KeyError as e:
    print('KeyError', e)

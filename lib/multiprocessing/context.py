"""Start-method contexts. Only what the rest of the package needs to know about a child
being prepared for spawning lives here: pickling some objects (authentication keys,
connections) is allowed only while that is happening."""

__all__ = ['get_spawning_popen', 'set_spawning_popen', 'assert_spawning']

import threading

_tls = threading.local()


def get_spawning_popen():
    return getattr(_tls, 'spawning_popen', None)


def set_spawning_popen(popen):
    _tls.spawning_popen = popen


def assert_spawning(obj):
    if get_spawning_popen() is None:
        raise RuntimeError(
            '%s objects should only be shared between processes'
            ' through inheritance' % type(obj).__name__
        )

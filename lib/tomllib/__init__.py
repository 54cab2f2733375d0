"""Parse TOML 1.0 documents (the read-only API of CPython's tomllib)."""

__all__ = ("loads", "load", "TOMLDecodeError")

from ._parser import TOMLDecodeError, load, loads

TOMLDecodeError.__module__ = __name__

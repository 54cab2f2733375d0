"""Core XML support for Python: xml.etree (ElementTree) and xml.parsers.expat, both
written in Python for Krait."""

__all__ = ["etree", "parsers"]

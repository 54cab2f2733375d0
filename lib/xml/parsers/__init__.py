"""Python interfaces to XML parsers: expat (a pure-Python implementation)."""

from ... import pkg as _pkg
from .. import VALUE as from_parent
NAME = "helper"
try:
    loads += 1
except NameError:
    loads = 1

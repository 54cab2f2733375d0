"""Object-oriented filesystem paths (Krait).

PurePath and its flavours manipulate paths without touching the file system; Path and
PosixPath add the operations that do I/O."""
from ._pure import *
from ._local import *
from ._pure import UnsupportedOperation, PurePath, PurePosixPath, PureWindowsPath
from ._local import Path, PosixPath, WindowsPath

__all__ = ["UnsupportedOperation", "PurePath", "PurePosixPath", "PureWindowsPath",
           "Path", "PosixPath", "WindowsPath"]

# pathlib: subclassing with with_segments, pickling/copying, equality across classes, joining and ordering rules
import pathlib, pickle, copy
from pathlib import Path, PurePosixPath, PurePath
class MyPath(type(Path())):
    def __init__(self, *args, session=None):
        super().__init__(*args)
        self.session = session
    def with_segments(self, *segs):
        return type(self)(*segs, session=self.session)
p = MyPath("/a/b", session=42)
print(type(p.parent).__name__, p.parent.session, (p / "c").session, type(p.with_name("z")).__name__)
print(pickle.loads(pickle.dumps(PurePosixPath("a/b"))), pickle.loads(pickle.dumps(Path("/x"))))
print(copy.copy(Path("q")), copy.deepcopy(PurePath("r")))
print(PurePath("a") == PurePath("a"), Path("a") == PurePosixPath("a"), hash(Path("a")) == hash(PurePosixPath("a")))
print(Path("a/b").parents[0], list(Path("/a/b/c").parents), Path("a").parent, Path("/").parent, Path(".").parent)
print(PurePosixPath("a", "b", "c").parts, PurePosixPath().parts, PurePosixPath("/").parts, repr(PurePosixPath()))
print(isinstance(Path("x"), PurePath), issubclass(pathlib.PosixPath, PurePosixPath))
print(Path("a") / "b" / Path("c"), "a" / Path("b"), Path("a").joinpath())
print(sorted([Path("b"), Path("a")]), Path("a") < Path("b"), Path("a") <= Path("a"))
print(str(Path("a//b/./c/..")), Path("a").as_posix(), Path("/a").is_absolute(), Path("a").is_absolute())
print(Path("a.tar.gz").with_suffix(".zip"), Path("a").with_suffix(".x"), Path(".bashrc").suffix)
print(PurePosixPath("a/b").match("a/*"), PurePosixPath("a/b").match("/a/*"), PurePosixPath("/a/b").match("/a/*"))
print(PurePosixPath("/a/b/c").full_match("/a/**"), PurePosixPath("/a/b/c").full_match("**/c"), PurePosixPath("a").full_match("**"))
print(vars(pathlib).get("__all__"))
print(Path.__module__, PurePath.__module__, pathlib.UnsupportedOperation.__module__)

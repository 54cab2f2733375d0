# help() and pydoc's plain-text pages for Python-level functions, classes, modules and values
import pydoc
import types


def f(a, b=2, *args, c: int = 3, **kw) -> str:
    """Do a thing.

    More text here.
        indented
    """
    return ""


def g(x):
    pass


help(f)
help(g)
help(lambda x, y=1: x)


async def co(a):
    "coroutine doc"


def gen():
    yield 1


help(co)
help(gen)


def ann(a: 'str', b: list[int] = None, *, c: "x" = 1) -> None:
    pass


def nodoc(*, a, b=2):
    pass


help(ann)
help(nodoc)


def long_signature(first_parameter, second_parameter=None, *, keyword_only_parameter=True,
                   another=(1, 2, 3)):
    """Long signatures wrap, one parameter a line."""


help(long_signature)


# A comment stands in for a missing docstring.
def commented():
    pass


help(commented)


class Base:
    """A base class."""
    attr = 1

    def method(self, x):
        """Method doc."""

    @property
    def prop(self):
        """A property."""
        return 1

    @staticmethod
    def sm(a):
        "static"

    @classmethod
    def cm(cls, b):
        "class method"

    def __init__(self, v=0):
        """Init doc."""
        self.v = v


class Derived(Base):
    """Derived doc."""
    other = 'x'

    def method(self, x):
        pass

    def extra(self, *, k=None):
        """Extra."""


help(Base)
help(Derived)


class Empty:
    pass


class WithSlots:
    "Slotted."
    __slots__ = ('a', 'b')


help(Empty)
help(WithSlots)


class Outer:
    class Inner:
        "inner doc"

        def m(self, q):
            "m doc"

    def method(self):
        "outer method"


help(Outer)
help(Outer().method)
help(Outer.Inner.m)


class Widget:
    """A widget.

    Details follow.
    """
    size = 10
    label = 'a\\b'
    pattern = r'\d+\w'
    big = list(range(50))
    text = 'x' * 200

    def __init__(self, name, width=100, height=200, colour='transparent', visible=True,
                 parent=None):
        self._name = name

    def draw(self):
        "Draw it."
    paint = draw

    @property
    def name(self):
        "The name."
        return self._name

    @name.setter
    def name(self, v):
        self._name = v

    # Comment describing resize.
    def resize(self, w, h):
        pass

    def __repr__(self):
        return 'Widget()'

    def __eq__(self, other):
        return True
    __hash__ = None


help(Widget)
w = Widget('w')
help(w)
help(w.draw)
help(Widget.name)


class A1:
    def a(self):
        "A1.a"

    def common(self):
        "from A1"


class B1:
    def b(self):
        "B1.b"

    def common(self):
        "from B1"


class C1(A1, B1):
    "Diamond-ish."


help(C1)


class Meta(type):
    "A metaclass."

    def meta_method(cls):
        "meta"


class WithMeta(metaclass=Meta):
    "Uses Meta."


help(WithMeta)

m = types.ModuleType('mymod', 'Module docstring.\n\nLonger description.')


def mf(x, y=[1, 2]):
    "Module function."


mf.__module__ = 'mymod'


class MC:
    "Class in module."

    def meth(self):
        pass


MC.__module__ = 'mymod'
m.mf = mf
m.MC = MC
m.CONST = 42
m.name = 'text'
m._private = 1
m.__version__ = '1.2'
help(m)
m.__all__ = ['mf', 'CONST']
help(m)

# names are looked up by import path
help('__main__.Base.cm')
help('__main__.g')
help('nonexistent_module_xyz')
help('pydoc.no_such_thing')

# the pieces
print(repr(help))
print(pydoc.describe(f), pydoc.describe(Base), pydoc.describe(m), pydoc.describe(w.draw),
      pydoc.describe(len), pydoc.describe(3), pydoc.describe(Widget.__dict__['__dict__']))
print(pydoc.splitdoc('One line.\n\nRest\nof it.'), pydoc.splitdoc('Just one'),
      pydoc.splitdoc('a\nb'))
print(pydoc.cram('abcdefghijklmnop', 10), pydoc.stripid('<object at 0x7f12345678>'))
print(repr(pydoc.getdoc(Derived.method)), repr(pydoc.getdoc(commented)),
      repr(pydoc.getdoc(Empty)))
print(pydoc.render_doc(Base.cm, renderer=pydoc.plaintext))
print(pydoc.render_doc(f, 'Doc for %s'))
print(pydoc.plain(pydoc.text.bold('bold')), pydoc.text.bold('ab') == 'a\bab\bb')
print(pydoc.classname(Base, '__main__'), pydoc.classname(Base, 'other'),
      pydoc.visiblename('_x'), pydoc.visiblename('__init__'), pydoc.visiblename('__doc__'))

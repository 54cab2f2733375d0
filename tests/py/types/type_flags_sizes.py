# __flags__, __basicsize__, __itemsize__, __dictoffset__, __weakrefoffset__ of classes and builtin types.
import types
class A: pass
class B(A): pass
class C(A): __slots__ = ("x",)
class S: __slots__=("__dict__","a")
class T: __slots__=("__dict__",)
class E(Exception): pass
class M(type): pass
class W: __slots__=("__weakref__",)
class I(int): pass
class L(list): pass
class D(dict): pass
class P(property): pass
class MT(types.ModuleType): pass
for c in (A,B,C,S,T,E,M,W,I,L,D,P,MT,object,type,int,list,dict,property,super,types.ModuleType,types.SimpleNamespace):
    print(c.__name__, hex(c.__flags__), c.__basicsize__, c.__itemsize__, c.__dictoffset__, c.__weakrefoffset__)

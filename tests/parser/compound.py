# parser: compound syntax forms and their exact positions
@decorator
@decorator.attr(arg)
@(lambda f: f)
def func(a, b: int = 1, /, c: "str" = 'x', *args: int, d, e=5, **kwargs) -> None:
    """Docstring."""
    nonlocal_thing = 1
    return a

async def coro(x):
    async with a as b, c:
        pass
    async for i in aiter():
        await i
    else:
        pass
    return [j async for j in k]

class C(Base, metaclass=Meta):
    x: int
    def method(self):
        pass

class D[T, *Ts, **P](Generic[T]):
    pass

def generic[T: int, U = str](x: T) -> U: ...

type Alias[T] = list[T]
type Simple = int

if a:
    pass
elif b:
    x = 1
elif c:
    y = 2
else:
    z = 3

while True:
    break
else:
    continue

for i, (j, k) in enumerate(pairs):
    print(i)
else:
    done()

try:
    risky()
except ValueError as e:
    handle(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass

try:
    pass
finally:
    pass

with open('f') as f, open('g') as g:
    pass

with (
    open('f') as f,
    open('g') as g,
):
    pass

with (a, b):
    pass

with (a, b) as c:
    pass

with a:
    with b:
        pass

def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
    return inner

# break out of nested try/except-as blocks inside a with statement inside a generator's loop
class Ctx:
    def __init__(self, items):
        self.items = iter(items)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0])
        return False
    def __next__(self):
        return next(self.items)


def walk(tops):
    stack = list(tops)
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        with Ctx(top) as it:
            while True:
                try:
                    try:
                        entry = next(it)
                    except StopIteration:
                        break
                except OSError as error:
                    print("oserror", error)
                    break
                yield entry


print(list(walk([[1, 2], (3,), [4]])))

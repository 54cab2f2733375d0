# parser: match syntax forms and their exact positions
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(x, y=1) | Point(0, 0):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, 'a': [1, 2]}:
        pass
    case 1 | 2 | -3 | 1.5 | 2j | -1+2j | 3-4j:
        pass
    case "str" | b"bytes" | None | True | False:
        pass
    case (a, b, *_):
        pass
    case (x):
        pass
    case ():
        pass
    case []:
        pass
    case a.b.c:
        pass
    case [x, y] if x > y:
        pass
    case str() as s:
        pass
    case (1 | 2) as n:
        pass
    case 1, 2:
        pass
    case *a, b:
        pass
    case _:
        pass

match x, y:
    case _: pass

match = 1
match.foo = 2
match(x)
match[1] = 3
print(match)
case = 4
type = 5
_ = 6

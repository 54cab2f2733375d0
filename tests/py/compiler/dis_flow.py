# dis output of branchy code (elif chains, while/break/continue, try/finally, raise, del, global) compared with CPython 3.13
import dis

G = 0


def elif_chain(x):
    if x < 0:
        r = 'neg'
    elif x == 0:
        r = 'zero'
    elif x in (1, 2, 3):
        r = 'small'
    else:
        r = 'big'
    return r


def while_break(n):
    i = 0
    while i < n:
        i += 1
        if i == 3:
            continue
        if i > 5:
            break
    else:
        return -1
    return i


def try_finally(f):
    try:
        return f()
    finally:
        print('done')


def try_else(f):
    try:
        v = f()
    except (TypeError, ValueError) as e:
        raise RuntimeError('bad') from e
    else:
        return v


def globals_del(x):
    global G
    G = x
    del x
    return G


def bool_ops(a, b, c):
    if a < b and b < c or c == a:
        return 1
    return 0


def not_cmp(a, b):
    return not a is b, not a in b


def ternary_nested(a, b):
    return 'lt' if a < b else ('eq' if a == b else 'gt')


def store_many(a, b):
    x = a
    y = b
    return x, y


for f in (elif_chain, while_break, try_finally, try_else, globals_del, bool_ops, not_cmp,
          ternary_nested, store_many):
    print('==', f.__name__, f.__code__.co_stacksize, f.__code__.co_flags)
    dis.dis(f)

print(elif_chain(2), while_break(10), not_cmp(1, [1]), ternary_nested(2, 2))

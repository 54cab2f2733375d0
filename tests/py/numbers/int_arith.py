# int arithmetic: small and big values, floor division/modulo/divmod signs, pow, shifts, bitwise
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

vals = [0, 1, -1, 7, -7, 3, -3, 2**30 - 1, 2**30, -2**30, 2**31, 2**62, -2**63, 2**64 + 5,
        10**20, -10**20 - 3, 3**100, -(7**80)]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b]
        if b:
            r += [a // b, a % b, divmod(a, b)]
        print(a, b, r)

for a in [5, -5, 2**100 + 1, -(2**100 + 1)]:
    for n in [0, 1, 3, 31, 64, 100]:
        print(a, n, a << n, a >> n, a >> (n + 200))
print([(x & y, x | y, x ^ y) for x in (12, -12, 2**70 - 1, -2**70) for y in (10, -10, 2**65, -(2**65) + 3)])
print([~x for x in (0, 1, -1, 2**100, -2**100)])
print(-(2**200) >> 1, (-1) >> 1000, 1 >> 1000)

print(2**0, 2**10, (-2)**63, 7**77, 0**0, (-1)**(10**20 + 1))
print(pow(2, 100, 1000), pow(-3, 5, 7), pow(3, -1, 7), pow(3, 2, -7), pow(5, 10**30, 10**9 + 7))
print(pow(38, -1, 97), pow(2**100 + 3, -1, 10**40 + 9))
print(2 ** -2, (-2) ** -3, 10 ** -1)
show("pow0", lambda: pow(2, -1, 4))
show("pow1", lambda: pow(2, 3, 0))
show("pow2", lambda: pow(2, 3, 1))
show("pow3", lambda: pow(2, 3, -1))
show("pow4", lambda: 0 ** -1)
show("div0", lambda: 1 // 0)
show("mod0", lambda: 1 % 0)
show("divmod0", lambda: divmod(10**30, 0))
show("tdiv0", lambda: 1 / 0)
show("shift", lambda: 1 << -1)
show("rshift", lambda: 1 >> -1)
show("bigshift", lambda: 1 << (1 << 70))
show("zeroshift", lambda: 0 << (1 << 70))
print(1 / 3, 2 / 2, -7 / 2, 10**30 / 10**10, (10**400 + 1) / 10**399, 1 / 10**400)
print((2**1100) / (2**1000 * 3), 10**22 / 1, 9007199254740993 / 1, -9007199254740993 / 2)
print(123456789123456789123456789 / 987654321987654321, (1 << 2000) / ((1 << 1000) + 1))
show("tdivbig", lambda: 10**400 / 1)
print(abs(-10**30), -(-10**30), +(5), int(True), 10**30 == 10**30, 10**30 != 10**30 + 1)
print(sorted([10**20, -10**20, 0, 5, -5, 2**64, -2**64]))
x = 1
for i in range(1, 60):
    x *= i
print(x, x // 3**20, x % 10**9 + 7)
big = 12345678901234567890 ** 37
print(big // 98765432109876543210 ** 11, big % (2**127 - 1))
print(sum(range(10**6)), sum(i * i for i in range(1000)))
print(divmod(-(2**100), 3), divmod(2**100, -3), divmod(-(2**100), -3))
print(divmod(7, -2), divmod(-7, 2), -7 // -2, 7 % -3, -0 % 5)

# deterministic pseudo-random bignum checks: arithmetic, true division, float(), str, bits
x = 0x2545F4914F6CDD1D
def rnd(bits):
    global x
    r = 0
    for _ in range(bits // 60 + 1):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 60) | (x >> 4)
    return r >> (x % 50) if bits > 60 else r % (1 << bits)
out = []
for i in range(300):
    a = rnd(10 + i * 7) * (-1) ** i
    b = (rnd(5 + (i * 13) % 900) | 1) * (-1) ** (i // 2)
    out.append((a + b) % 1000003)
    out.append((a * b) % 1000003)
    out.append(a // b % 1000003)
    out.append(a % b % 1000003)
    try:
        out.append(repr(a / b))
    except OverflowError as e:
        out.append(str(e)[:20])
    out.append(repr(float(a)) if a.bit_length() < 1024 else "big")
    out.append((a >> (i % 70)) % 1000003)
    out.append((a << (i % 45)) % 1000003)
    out.append((a & b) % 1000003)
    out.append((a | b) % 1000003)
    out.append((a ^ b) % 1000003)
    out.append(str(a)[-12:])
    out.append(hex(b)[-10:])
    out.append(a.bit_length())
    out.append(hash(a))
    out.append(a == float(a) if a.bit_length() < 1024 else None)
    out.append(round(a, -(i % 30)) % 1000003)
print(len(out))
for i in range(0, len(out), 17):
    print(*out[i:i + 17])
for i in range(200):
    n = rnd(64 + i) | 1
    d = rnd(40 + (i * 37) % 200) | 1
    print(repr(n / d), repr(d / n), repr(float(n)), repr(-n / (d << 30)))

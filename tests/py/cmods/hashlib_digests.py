# hashlib + _md5/_sha1/_sha2/_sha3: digests of assorted lengths, copy/update, attributes, new(), file_digest, pbkdf2_hmac, errors
import hashlib, io
names = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512']
for n in names:
    f = getattr(hashlib, n)
    for d in (b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 64, b"a" * 111, b"a" * 112, b"a" * 136, b"x" * 1000):
        print(n, len(d), f(d).hexdigest())
    h = f(b"ab"); c = h.copy(); c.update(b"c"); h.update(bytearray(b"c")); h.update(memoryview(b""))
    print(c.digest() == f(b"abc").digest() == h.digest(), h.name, h.digest_size, h.block_size)
    print(hashlib.new(n, b"abc").hexdigest() == f(b"abc").hexdigest(), hashlib.new(n if n.startswith("sha3") else n.upper()).name)
    big = f()
    for i in range(300):
        big.update(bytes([i % 256]) * i)
    print(big.hexdigest())
for n in ('shake_128', 'shake_256'):
    s = getattr(hashlib, n)(b"abc")
    print(n, s.hexdigest(10), s.digest(3), len(s.digest(500)), s.name, s.digest_size, s.block_size)
print(hashlib.md5(usedforsecurity=False).hexdigest(), hashlib.sha256(b"q").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc" * 1000), "sha1").hexdigest())
print(hashlib.file_digest(io.BufferedReader(io.BytesIO(b"abc")), hashlib.sha256).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 3, dklen=30).hex())
print(hashlib.pbkdf2_hmac('sha512', b'k' * 200, b'salt', 1).hex())
for bad in (lambda: hashlib.new("foo"), lambda: hashlib.new(5), lambda: hashlib.new("SHA3_256"), lambda: hashlib.sha256("text"),
            lambda: hashlib.md5(5), lambda: hashlib.sha1().update("x")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

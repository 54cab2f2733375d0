# hashlib.blake2b/blake2s (key, salt, person, tree parameters, block boundaries) and hmac (new/digest/copy/compare_digest, errors)
import hashlib, hmac
for f in (hashlib.blake2b, hashlib.blake2s):
    for d in (b"", b"abc", b"a" * 63, b"a" * 64, b"a" * 65, b"a" * 127, b"a" * 128, b"a" * 129, b"x" * 1000):
        print(f.__name__, len(d), f(d).hexdigest())
    print(f(b"abc", digest_size=7).hexdigest(), f(b"abc", key=b"k" * 10).hexdigest(), f(key=b"kk").hexdigest())
    print(f(b"abc", salt=b"s1", person=b"p2", fanout=2, depth=3, leaf_size=100, node_offset=5, node_depth=1, inner_size=16, last_node=True).hexdigest())
    h = f(b"ab", key=b"q"); c = h.copy(); c.update(b"c"); print(c.digest() == f(b"abc", key=b"q").digest(), h.name, h.digest_size, h.block_size)
    print(f.SALT_SIZE, f.PERSON_SIZE, f.MAX_KEY_SIZE, f.MAX_DIGEST_SIZE, type(h).__name__)
    big = f()
    for i in range(200):
        big.update(b"z" * i)
    print(big.hexdigest())
for bad in (lambda: hashlib.blake2b(digest_size=100), lambda: hashlib.blake2b(key=b"k" * 65), lambda: hashlib.blake2s(salt=b"s" * 9),
            lambda: hashlib.blake2s(person=b"s" * 9), lambda: hashlib.blake2b(digest_size=0), lambda: hashlib.blake2s(digest_size=33),
            lambda: hashlib.blake2b("text")):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
for dm in ("md5", "sha1", "sha256", "sha512", hashlib.sha384, "sha3_256", "blake2b"):
    m = hmac.new(b"key", b"The quick brown fox", dm)
    print(m.name, m.digest_size, m.block_size, m.hexdigest())
    c = m.copy(); c.update(b"!"); print(c.hexdigest() == hmac.new(b"key", b"The quick brown fox!", dm).hexdigest())
print(hmac.new(b"k" * 200, b"m", "sha256").hexdigest(), hmac.digest(b"key", b"msg", "md5").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"), hmac.compare_digest("ab", "ab"), hmac.compare_digest(bytearray(b"a"), b"a"), hmac.compare_digest(b"a", b"ab"))
for bad in (lambda: hmac.new(b"k"), lambda: hmac.new("k", digestmod="sha1"), lambda: hmac.compare_digest("a", b"a"),
            lambda: hmac.compare_digest("é", "é"), lambda: hmac.new(b"k", digestmod="nope")):
    try: bad()
    except Exception as e: print(type(e).__name__, e)

# hashlib.scrypt: RFC 7914 vectors, other parameter sets, argument validation and memory-limit messages
import hashlib as h
S=h.scrypt
tests = [dict(), dict(salt=b's'), dict(salt=b's', n=2), dict(salt=b's', n=2, r=1), dict(salt=b's', n=3, r=1, p=1), dict(salt=b's', n=1, r=1, p=1), dict(salt=b's', n=0, r=1, p=1),
 dict(salt=b's', n=-2, r=1, p=1), dict(salt=b's', n=2.0, r=1, p=1), dict(salt=b's', n=True, r=1, p=1), dict(salt=b's', n=2, r=0, p=1), dict(salt=b's', n=2, r=1, p=0), dict(salt=b's', n=2, r=-1, p=1),
 dict(salt=b's', n=2, r=1, p=1, maxmem=-1), dict(salt=b's', n=2, r=1, p=1, maxmem=2**31), dict(salt=b's', n=2, r=1, p=1, dklen=0), dict(salt=b's', n=2, r=1, p=1, dklen=2**31),
 dict(salt=b's', n=2**20, r=8, p=1), dict(salt=b's', n=2**14, r=8, p=1, maxmem=16*1024*1024), dict(salt=b's', n=2**14, r=8, p=1, maxmem=1), dict(salt=b's', n=2**16, r=1, p=1), dict(salt=b's', n=2**17, r=1, p=1),dict(salt=b's', n=2**15, r=1, p=1),
 dict(salt=b's', n=2, r=1, p=2**30), dict(salt=b's', n=2, r=2**30, p=1), dict(salt='s', n=2, r=1, p=1), dict(salt=None, n=2, r=1, p=1), dict(salt=b's', n=2, r=1, p=1, dklen=1.5), dict(salt=b's', n=2, r=1, p=1, maxmem=None),
 dict(salt=b's', n=2**64, r=1, p=1), dict(salt=b's', n=2**32, r=1, p=1), dict(salt=b's', n=2, r=2**32, p=1), dict(salt=b's', n=2, r=1, p=2**32),  dict(salt=b's', n=2, r=1, p=1, dklen=True), dict(salt=b's', n=2, r=1, p=1, x=1),
 dict(n=3), dict(n=3, r=-1), dict(n=2.0), dict(n=3, r=1, p=1, maxmem=-1), dict(n=2, r=1, p=1, maxmem=-1, dklen=0), dict(n=2, r=0, p=1, maxmem=-1), dict(n=2, r=0, p=1, dklen=0), dict(salt=None, n=2.0), dict(salt=None, maxmem=1.5), dict(n=None, maxmem=1.5), dict(maxmem=1.5, dklen=2.5),dict(maxmem=1.5, p=2.5),
 dict(salt=b's', n=2, r=1, p=1, maxmem=2**64), dict(salt=b's', n=2, r=1, p=1, dklen=-2**70), dict(salt=bytearray(b's'), n=2, r=1, p=1), 
 dict(salt=b's', n=2**14, r=8, p=1, maxmem=16*1024*1024+2048), dict(salt=b's', n=2**14, r=8, p=1, maxmem=16*1024*1024+3071), dict(salt=b's', n=4, r=3, p=5, dklen=1), dict(salt=b's', n=4, r=3, p=5, dklen=200)]
for kw in tests:
  try: print(kw, S(b'pw', **kw).hex())
  except Exception as e: print(kw, type(e).__name__, e)
for a in [('pw',), (1,), (), (b'pw', b's')]:
  try: print(a, S(*a, salt=b's', n=2, r=1, p=1).hex()[:32])
  except Exception as e: print(a, type(e).__name__, e)
for kw in [dict(n=2.0), dict(n=3)]:
  try: print(kw, S(1, **kw).hex()[:32])
  except Exception as e: print(kw, type(e).__name__, e)
  try: print(kw, S(b'', **kw).hex()[:32])
  except Exception as e: print(kw, type(e).__name__, e)
print(S(password=b'pw', salt=b's', n=2, r=1, p=1).hex())
# RFC 7914 section 12 vectors
print(S(b'', salt=b'', n=16, r=1, p=1, dklen=64).hex())
print(S(b'password', salt=b'NaCl', n=1024, r=8, p=16, dklen=64).hex())
print(S(b'pleaseletmein', salt=b'SodiumChloride', n=16384, r=8, p=1, dklen=64).hex())
print(S(b'x' * 100, salt=b'y' * 70, n=256, r=2, p=3, dklen=100).hex())
print(S(bytearray(b'k'), salt=b'', n=2, r=16, p=1, dklen=33).hex())
print(S.__doc__)
print(h.pbkdf2_hmac('sha256', b'pw', b'salt', 3, 40).hex())
print(S(b'pw', salt=memoryview(b'abc')[1:], n=2, r=1, p=1).hex())

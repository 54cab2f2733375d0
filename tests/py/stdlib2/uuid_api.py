# Checks uuid deterministic API: uuid3/uuid5, UUID constructor forms, fields, variant, version, reprs, comparisons, errors.
import uuid
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.urn, u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq)
print(u.variant, u.version, u.is_safe)
for s in ("{12345678-1234-5678-1234-567812345678}", "12345678123456781234567812345678", "urn:uuid:12345678-1234-5678-1234-567812345678"):
    print(uuid.UUID(s) == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u)
print(uuid.UUID(int=5, version=4), uuid.UUID("00000000-0000-0000-0000-000000000000").variant, uuid.UUID(int=(1 << 128) - 1).variant)
print(uuid.UUID(int=0x8000 << 48).variant, uuid.UUID(int=0xc000 << 48).variant, uuid.UUID(int=0xe000 << 48).variant)
for f in (lambda: uuid.UUID(), lambda: uuid.UUID("x"), lambda: uuid.UUID("1234"), lambda: uuid.UUID(bytes=b"abc"), lambda: uuid.UUID(bytes_le=b"a" * 15),
          lambda: uuid.UUID(fields=(1, 2, 3)), lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)), lambda: uuid.UUID(fields=(0, 1 << 16, 0, 0, 0, 0)),
          lambda: uuid.UUID(fields=(0, 0, 1 << 16, 0, 0, 0)), lambda: uuid.UUID(fields=(0, 0, 0, 256, 0, 0)), lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0)),
          lambda: uuid.UUID(fields=(0, 0, 0, 0, 0, 1 << 48)), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1 << 128), lambda: uuid.UUID(int=1, version=9),
          lambda: uuid.UUID("a", int=1), lambda: setattr(u, "x", 1), lambda: u < 3, lambda: uuid.UUID(hex=12)):
    print(tryit(f))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid3(uuid.NAMESPACE_URL, b"http://x"), uuid.uuid5(uuid.NAMESPACE_OID, "1.2"), uuid.uuid5(uuid.NAMESPACE_X500, ""))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "a").version, uuid.uuid5(uuid.NAMESPACE_DNS, "a").version, uuid.uuid4().version, uuid.uuid4().variant, uuid.uuid1().version)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(uuid.SafeUUID.safe, uuid.SafeUUID.unsafe, uuid.SafeUUID.unknown, repr(uuid.SafeUUID.safe), uuid.SafeUUID.safe.value)
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, a == uuid.UUID(int=1), a != b, a > b, hash(a) == hash(uuid.UUID(int=1)), int(a), sorted([b, a]))
print(a == 1, str(uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).is_safe))
import copy, pickle
print(copy.copy(u) == u, copy.deepcopy(u) == u, pickle.loads(pickle.dumps(u)) == u)
print(type(uuid.getnode()), 0 < uuid.getnode() < (1 << 48))
print(uuid.UUID("  {12345678-1234-5678-1234-567812345678}  ".strip()) == u, tryit(lambda: uuid.UUID("12345678-1234-5678-1234-56781234567g")))
print(uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc, uuid.uuid1(node=1, clock_seq=5).clock_seq)

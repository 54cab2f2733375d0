# uuid: UUID construction forms, properties, comparisons, errors, uuid1/uuid4 shape, namespaces
import uuid, copy
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.urn, u.int)
print(u.bytes, u.bytes_le, u.fields)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version)
for kw in [dict(bytes=u.bytes), dict(bytes_le=u.bytes_le), dict(fields=u.fields), dict(int=u.int),
           dict(hex='urn:uuid:12345678123456781234567812345678')]:
    print(uuid.UUID(**kw) == u)
v = uuid.UUID(int=1, version=4)
print(v, v.version, v.variant)
print(uuid.UUID(int=0).variant, uuid.UUID(int=0).version, uuid.UUID(int=(1 << 128) - 1).variant)
print(uuid.UUID(int=0xc000 << 48).variant)
print(sorted([v, u, uuid.UUID(int=0)]))
print(u == uuid.UUID(str(u)), u != v, u < v, u > v, u == 5, hash(u) == hash(u.int), int(u) == u.int)
for bad in [dict(), dict(hex='123'), dict(bytes=b'x'), dict(bytes_le=b'x'), dict(fields=(1,)),
            dict(fields=(1 << 32, 0, 0, 0, 0, 0)), dict(fields=(0, 0, 0, 0, 256, 0)),
            dict(int=-1), dict(int=1 << 128), dict(int=0, version=9), dict(hex='g' * 32)]:
    try:
        uuid.UUID(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    u.x = 1
except TypeError as e:
    print(e)
a = uuid.uuid4()
print(a.version, a.variant, len(str(a)), a != uuid.uuid4())
b = uuid.uuid1()
c = uuid.uuid1()
print(b.version, b.variant, b.node == c.node, b.time < c.time)
print(uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.SafeUUID.safe.value, uuid.SafeUUID.unknown, u.is_safe)
print(copy.copy(u) == u, copy.deepcopy(u) == u, u.__getstate__())
print(uuid.UUID(int=5, is_safe=uuid.SafeUUID.safe).__getstate__())
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, b'http://x'))
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').version, uuid.uuid3(uuid.NAMESPACE_OID, '1.2').version)

"""Secure hashes and message digests (md5, sha1, sha2, sha3 and shake families).

Every algorithm is implemented in C by Krait's own _md5, _sha1, _sha2, _sha3 and
_blake2 modules.
"""

import _md5
import _sha1
import _sha2
import _sha3
import _blake2
from _sha2 import scrypt  # written in C with the rest of SHA-256

_constructors = {
    'md5': _md5.md5,
    'sha1': _sha1.sha1,
    'sha224': _sha2.sha224,
    'sha256': _sha2.sha256,
    'sha384': _sha2.sha384,
    'sha512': _sha2.sha512,
    'sha3_224': _sha3.sha3_224,
    'sha3_256': _sha3.sha3_256,
    'sha3_384': _sha3.sha3_384,
    'sha3_512': _sha3.sha3_512,
    'shake_128': _sha3.shake_128,
    'shake_256': _sha3.shake_256,
    'blake2b': _blake2.blake2b,
    'blake2s': _blake2.blake2s,
}

algorithms_guaranteed = set(_constructors)
algorithms_available = set(algorithms_guaranteed)

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'file_digest',
           'pbkdf2_hmac')

md5 = _md5.md5
sha1 = _sha1.sha1
sha224 = _sha2.sha224
sha256 = _sha2.sha256
sha384 = _sha2.sha384
sha512 = _sha2.sha512
sha3_224 = _sha3.sha3_224
sha3_256 = _sha3.sha3_256
sha3_384 = _sha3.sha3_384
sha3_512 = _sha3.sha3_512
shake_128 = _sha3.shake_128
shake_256 = _sha3.shake_256
blake2b = _blake2.blake2b
blake2s = _blake2.blake2s


def _get_constructor(name):
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    ctor = _constructors.get(name)
    if ctor is None and name in ('MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'):
        ctor = _constructors[name.lower()]
    if ctor is None:
        raise ValueError('unsupported hash type ' + name)
    return ctor


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    return _get_constructor(name)(data, **kwargs)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object. Returns a digest object."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, "getbuffer"):
        # BytesIO exposes its contents without copying.
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable")
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode."
        )
    buf = bytearray(_bufsize)
    view = memoryview(buf)
    while True:
        size = fileobj.readinto(buf)
        if size is None:
            raise BlockingIOError("I/O operation would block.")
        if size == 0:
            break
        digestobj.update(view[:size])
    return digestobj


def _hmac_digest(ctor, key, msg, block_size):
    if len(key) > block_size:
        key = ctor(key).digest()
    key = key.ljust(block_size, b'\0')
    inner = ctor(bytes(b ^ 0x36 for b in key))
    inner.update(msg)
    outer = ctor(bytes(b ^ 0x5C for b in key))
    outer.update(inner.digest())
    return outer.digest()


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as
    pseudorandom function."""
    ctor = _get_constructor(hash_name)
    password = bytes(memoryview(password))
    salt = bytes(memoryview(salt))
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    sample = ctor()
    block_size = getattr(sample, 'block_size', 64)
    if dklen is None:
        dklen = sample.digest_size
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    out = bytearray()
    block = 1
    while len(out) < dklen:
        u = _hmac_digest(ctor, password, salt + block.to_bytes(4, 'big'), block_size)
        acc = int.from_bytes(u, 'big')
        for _ in range(iterations - 1):
            u = _hmac_digest(ctor, password, u, block_size)
            acc ^= int.from_bytes(u, 'big')
        out += acc.to_bytes(len(u), 'big')
        block += 1
    return bytes(out[:dklen])

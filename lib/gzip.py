"""Functions that read and write gzipped files (RFC 1952).

The user of the file doesn't have to worry about the compression,
but random access is not allowed."""

import builtins
import io
import os
import struct
import sys
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ = 'rb'
WRITE = 'wb'

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

READ_BUFFER_SIZE = 128 * 1024
_WRITE_BUFFER_SIZE = 4 * io.DEFAULT_BUFFER_SIZE


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode.

    The filename argument can be an actual filename (a str or bytes object), or
    an existing file object to read from or write to.

    The mode argument can be "r", "rb", "w", "wb", "x", "xb", "a" or "ab" for
    binary mode, or "rt", "wt", "xt" or "at" for text mode. The default mode is
    "rb", and the default compresslevel is 9.
    """
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")

    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")

    if "t" in mode:
        encoding = io.text_encoding(encoding)
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def write32u(output, value):
    # The size is reduced modulo 2**32 by the caller: the field is 32 bits.
    output.write(struct.pack("<L", value))


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


class _Source:
    """The compressed input: a file object plus bytes pushed back in front of it
    (the decompressor reads ahead past a member's end)."""

    def __init__(self, f):
        self.file = f
        self._front = b""

    def read(self, size):
        if self._front:
            if size >= len(self._front):
                data = self._front
                self._front = b""
                if size > len(data):
                    data += self.file.read(size - len(data))
                return data
            data = self._front[:size]
            self._front = self._front[size:]
            return data
        return self.file.read(size)

    def prepend(self, data):
        self._front = data + self._front

    def seek(self, offset):
        self._front = b""
        return self.file.seek(offset)

    def seekable(self):
        return True


def _read_exact(fp, n):
    data = fp.read(n)
    while len(data) < n:
        more = fp.read(n - len(data))
        if not more:
            raise EOFError("Compressed file ended before the "
                           "end-of-stream marker was reached")
        data += more
    return data


def _read_gzip_header(fp):
    """Reads one member header; returns its mtime, or None at the end of input."""
    magic = fp.read(2)
    if magic == b"":
        return None
    if magic != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    method, flag, last_mtime = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    for bit in (FNAME, FCOMMENT):
        if flag & bit:
            while True:
                s = fp.read(1)
                if not s or s == b"\000":
                    break
    if flag & FHCRC:
        _read_exact(fp, 2)
    return last_mtime


class _GzipReader(io.RawIOBase):
    """Raw stream of the decompressed bytes of every member in turn."""

    def __init__(self, fp):
        self._fp = _Source(fp)
        self._decomp = None
        self._pos = 0
        self._size = -1
        self._eof = False
        self._crc = 0
        self._stream_size = 0
        self._last_mtime = None

    def readable(self):
        return True

    def seekable(self):
        return self._fp.file.seekable()

    def close(self):
        self._decomp = None
        return super().close()

    def readinto(self, b):
        with memoryview(b) as view, view.cast("B") as byte_view:
            data = self.read(len(byte_view))
            byte_view[:len(data)] = data
        return len(data)

    def readall(self):
        chunks = []
        while True:
            data = self.read(sys.maxsize)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size or self._eof:
            return b""
        while True:
            if self._decomp is None:
                mtime = _read_gzip_header(self._fp)
                if mtime is None:
                    self._eof = True
                    self._size = self._pos
                    return b""
                self._last_mtime = mtime
                self._decomp = zlib.decompressobj(-zlib.MAX_WBITS)
                self._crc = 0
                self._stream_size = 0
            d = self._decomp
            if d.unconsumed_tail:
                buf = d.unconsumed_tail
            else:
                buf = self._fp.read(READ_BUFFER_SIZE)
            data = d.decompress(buf, size)
            if d.eof:
                if d.unused_data:
                    self._fp.prepend(d.unused_data)
            if data:
                self._crc = zlib.crc32(data, self._crc)
                self._stream_size += len(data)
                self._pos += len(data)
            if d.eof:
                self._read_eof()
                self._decomp = None
            if data:
                return data
            if buf == b"" and not d.eof:
                raise EOFError("Compressed file ended before the "
                               "end-of-stream marker was reached")

    def _read_eof(self):
        crc32, isize = struct.unpack("<II", _read_exact(self._fp, 8))
        if crc32 != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32), hex(self._crc)))
        elif isize != (self._stream_size & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        # Members may be followed by zero padding.
        c = b"\x00"
        while c == b"\x00":
            c = self._fp.read(1)
        if c:
            self._fp.prepend(c)

    def _rewind(self):
        self._fp.seek(0)
        self._eof = False
        self._pos = 0
        self._decomp = None

    def seek(self, offset, whence=io.SEEK_SET):
        if whence == io.SEEK_SET:
            pass
        elif whence == io.SEEK_CUR:
            offset = self._pos + offset
        elif whence == io.SEEK_END:
            if self._size < 0:
                while self.read(io.DEFAULT_BUFFER_SIZE):
                    pass
            offset = self._size + offset
        else:
            raise ValueError("Invalid value for whence: {}".format(whence))
        if offset < self._pos:
            self._rewind()
        else:
            offset -= self._pos
        while offset > 0:
            data = self.read(min(io.DEFAULT_BUFFER_SIZE, offset))
            if not data:
                break
            offset -= len(data)
        return self._pos

    def tell(self):
        return self._pos


class _WriteBufferStream(io.RawIOBase):
    """Lets an io.BufferedWriter batch small writes before they are compressed."""

    def __init__(self, gzip_file):
        self.gzip_file = gzip_file

    def write(self, data):
        return self.gzip_file._write_raw(data)

    def seekable(self):
        return False

    def writable(self):
        return True


class GzipFile(io.BufferedIOBase):
    """The GzipFile class simulates most of the methods of a file object with
    the exception of the truncate() method.

    This class only supports opening files in binary mode. If you need to open a
    compressed file in text mode, use the gzip.open() function.
    """

    myfileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')

        if mode.startswith('r'):
            self.mode = READ
            raw = _GzipReader(fileobj)
            self._buffer = io.BufferedReader(raw)
            self.name = filename
        elif mode.startswith(('w', 'a', 'x')):
            if origmode is None:
                import warnings
                warnings.warn(
                    "GzipFile was opened for writing, but this will "
                    "change in future Python releases.  "
                    "Specify the mode argument for opening it for writing.",
                    FutureWarning, 2)
            self.mode = WRITE
            self.name = filename
            self.crc = zlib.crc32(b"")
            self.size = 0
            self.offset = 0
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
            self._buffer_size = _WRITE_BUFFER_SIZE
            self._buffer = io.BufferedWriter(_WriteBufferStream(self),
                                             buffer_size=self._buffer_size)
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    @property
    def mtime(self):
        """Last modification time read from stream, or None"""
        return self._buffer.raw._last_mtime

    def __repr__(self):
        s = repr(self.fileobj)
        return '<gzip ' + s[1:-1] + ' ' + hex(id(self)) + '>'

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _write_gzip_header(self, compresslevel):
        self.fileobj.write(b'\037\213')
        self.fileobj.write(b'\010')
        try:
            # The FNAME field is Latin-1; other names are left out.
            fname = os.path.basename(self.name)
            if not isinstance(fname, bytes):
                fname = fname.encode('latin-1')
            if fname.endswith(b'.gz'):
                fname = fname[:-3]
        except UnicodeEncodeError:
            fname = b''
        flags = FNAME if fname else 0
        self.fileobj.write(bytes([flags]))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        write32u(self.fileobj, int(mtime))
        if compresslevel == _COMPRESS_LEVEL_BEST:
            xfl = b'\002'
        elif compresslevel == _COMPRESS_LEVEL_FAST:
            xfl = b'\004'
        else:
            xfl = b'\000'
        self.fileobj.write(xfl)
        self.fileobj.write(b'\377')
        if fname:
            self.fileobj.write(fname + b'\000')

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, "write() on read-only GzipFile object")
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        return self._buffer.write(data)

    def _write_raw(self, data):
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read() on write-only GzipFile object")
        return self._buffer.read(size)

    def read1(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read1() on write-only GzipFile object")
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        return self._buffer.read1(size)

    def readinto(self, b):
        data = self.read(len(memoryview(b)))
        n = len(data)
        memoryview(b).cast("B")[:n] = data
        return n

    def peek(self, n):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "peek() on write-only GzipFile object")
        return self._buffer.peek(n)

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None or self._buffer.closed:
            return
        try:
            if self.mode == WRITE:
                self._buffer.flush()
                fileobj.write(self.compress.flush())
                write32u(fileobj, self.crc)
                write32u(fileobj, self.size & 0xffffffff)
            elif self.mode == READ:
                self._buffer.close()
        finally:
            self.fileobj = None
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self._buffer.flush()
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        """Invoke the underlying file object's fileno() method."""
        return self.fileobj.fileno()

    def rewind(self):
        """Return the uncompressed stream file position indicator to the
        beginning of the file"""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._buffer.seek(0)

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            self._check_not_closed()
            self._buffer.flush()
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError('Seek from end not supported')
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            count = offset - self.offset
            chunk = b'\0' * self._buffer_size
            for i in range(count // self._buffer_size):
                self.write(chunk)
            self.write(b'\0' * (count % self._buffer_size))
        elif self.mode == READ:
            self._check_not_closed()
            return self._buffer.seek(offset, whence)
        return self.offset

    def tell(self):
        self._check_not_closed()
        self._buffer.flush()
        if self.mode == READ:
            return self._buffer.tell()
        return self.offset

    def readline(self, size=-1):
        self._check_not_closed()
        return self._buffer.readline(size)


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string.

    compresslevel sets the compression level in range of 0-9.
    mtime can be used to set the modification time. The modification time is
    set to the current time by default.
    """
    gzip_data = zlib.compress(data, level=compresslevel, wbits=31)
    if mtime is None:
        mtime = time.time()
    # zlib's header has no mtime and an OS byte of its own: put ours in.
    header = struct.pack("<4sLBB", gzip_data, int(mtime), gzip_data[8], 255)
    return header + gzip_data[10:]


def decompress(data):
    """Decompress a gzip compressed string in one shot.
    Return the decompressed string.
    """
    members = []
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(members)
        do = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        decompressed = do.decompress(data[fp.tell():])
        if not do.eof or len(do.unused_data) < 8:
            raise EOFError("Compressed file ended before the end-of-stream "
                           "marker was reached")
        crc, length = struct.unpack("<II", do.unused_data[:8])
        if crc != zlib.crc32(decompressed):
            raise BadGzipFile("CRC check failed")
        if length != (len(decompressed) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        members.append(decompressed)
        data = do.unused_data[8:].lstrip(b"\x00")


def _copy_stream(src, dst):
    while True:
        chunk = src.read(READ_BUFFER_SIZE)
        if not chunk:
            return
        dst.write(chunk)


def main():
    """`python -m gzip [--fast|--best|-d] [file ...]`: like gzip, but the input
    file is kept."""
    from argparse import ArgumentParser
    parser = ArgumentParser(description=
        "A simple command line interface for the gzip module: act like gzip, "
        "but do not delete the input file.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument('--fast', action='store_true', help='compress faster')
    group.add_argument('--best', action='store_true', help='compress better')
    group.add_argument("-d", "--decompress", action="store_true",
                       help="act like gunzip instead of gzip")
    parser.add_argument("args", nargs="*", default=["-"], metavar='file')
    args = parser.parse_args()
    level = (_COMPRESS_LEVEL_FAST if args.fast else
             _COMPRESS_LEVEL_BEST if args.best else _COMPRESS_LEVEL_TRADEOFF)
    for name in args.args:
        if name == "-":
            if args.decompress:
                src = GzipFile(filename="", mode="rb", fileobj=sys.stdin.buffer)
                _copy_stream(src, sys.stdout.buffer)
            else:
                dst = GzipFile(filename="", mode="wb", fileobj=sys.stdout.buffer,
                               compresslevel=level)
                _copy_stream(sys.stdin.buffer, dst)
                dst.close()
            continue
        if args.decompress:
            if not name.endswith(".gz"):
                sys.exit(f"filename doesn't end in .gz: {name!r}")
            src, dst = open(name, "rb"), builtins.open(name[:-3], "wb")
        else:
            src, dst = builtins.open(name, "rb"), open(name + ".gz", "wb")
        with src, dst:
            _copy_stream(src, dst)


if __name__ == '__main__':
    main()

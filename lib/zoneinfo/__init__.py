"""IANA time zone support: ZoneInfo, a datetime.tzinfo reading the system's TZif
files (RFC 8536), with the POSIX TZ rule of the file's footer for later times."""

import bisect
import calendar
import collections
import os
import re
import struct
import weakref
from datetime import datetime, timedelta, tzinfo

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

_DEFAULT_TZPATH = ('/usr/share/zoneinfo', '/usr/lib/zoneinfo',
                   '/usr/share/lib/zoneinfo', '/etc/zoneinfo')
_EPOCH_ORDINAL = datetime(1970, 1, 1).toordinal()


class ZoneInfoNotFoundError(KeyError):
    """Exception raised when a ZoneInfo key is not found."""


class InvalidTZPathWarning(RuntimeWarning):
    """Warning raised if an invalid path is specified in PYTHONTZPATH."""


TZPATH = ()


def reset_tzpath(to=None):
    """Set the time zone search path (from PYTHONTZPATH or the default when
    `to` is None)."""
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, not {type(to)}: {to!r}")
        bad = [p for p in to if not os.path.isabs(p)]
        if bad:
            raise ValueError("Paths should be absolute but found the following "
                             "relative paths:\n" + "\n".join("    " + p for p in bad))
        TZPATH = tuple(to)
        return
    env = os.environ.get("PYTHONTZPATH", None)
    if env is None:
        TZPATH = _DEFAULT_TZPATH
        return
    paths = [p for p in env.split(os.pathsep) if p]
    good = tuple(p for p in paths if os.path.isabs(p))
    if len(good) != len(paths):
        import warnings
        bad = [p for p in paths if not os.path.isabs(p)]
        msg = ("Invalid paths specified in PYTHONTZPATH environment variable. "
               "Paths should be absolute but found the following relative "
               "paths:\n" + "\n".join("    " + p for p in bad))
        warnings.warn(msg, InvalidTZPathWarning, stacklevel=2)
    TZPATH = good


reset_tzpath()

_BASE = os.path.normpath(os.path.join('_', '_'))[:-1]


def _validate_key(key):
    if os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    norm = os.path.normpath(key)
    if len(norm) != len(key):
        raise ValueError(f"ZoneInfo keys must be normalized relative paths, got: {key}")
    resolved = os.path.normpath(os.path.join(_BASE, norm))
    if not resolved.startswith(_BASE):
        raise ValueError(f"ZoneInfo keys must refer to subdirectories of TZPATH, got: {key}")


def _find_tzfile(key):
    _validate_key(key)
    for root in TZPATH:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            return path
    return None


def available_timezones():
    """The set of every key for which a TZif file exists on TZPATH."""
    zones = set()
    for top in TZPATH:
        if not os.path.exists(top):
            continue
        for root, dirs, files in os.walk(top):
            if root == top:
                # Leap-second ("right") and duplicate ("posix") trees.
                for skip in ("right", "posix"):
                    if skip in dirs:
                        dirs.remove(skip)
            for name in files:
                path = os.path.join(root, name)
                key = os.path.relpath(path, start=top)
                if not key or key in zones:
                    continue
                try:
                    with open(path, "rb") as f:
                        ok = f.read(4) == b"TZif"
                except Exception:
                    ok = False
                if ok:
                    zones.add(key)
    zones.discard("posixrules")
    return zones


# ---- TZif data ----------------------------------------------------------------------

_td_cache = {}


def _td(seconds):
    td = _td_cache.get(seconds)
    if td is None:
        td = _td_cache[seconds] = timedelta(seconds=seconds)
    return td


class _TTInfo:
    """One local time type: UTC offset, DST part and abbreviation."""

    __slots__ = ("utcoff", "dstoff", "tzname")

    def __init__(self, utcoff, dstoff, tzname):
        self.utcoff = utcoff
        self.dstoff = dstoff
        self.tzname = tzname

    def __eq__(self, other):
        return (self.utcoff == other.utcoff and self.dstoff == other.dstoff and
                self.tzname == other.tzname)

    def __repr__(self):
        return f"_TTInfo({self.utcoff}, {self.dstoff}, {self.tzname})"


_NO_TTINFO = _TTInfo(None, None, None)


def _read_header(f):
    data = f.read(44)
    if data[:4] != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    version = 1 if data[4:5] == b"\x00" else int(data[4:5])
    counts = struct.unpack(">6l", data[20:44])
    return version, counts


def _read_tzif(f):
    version, (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = _read_header(f)
    tsize, tfmt = 4, "l"
    if version >= 2:
        # Skip the 32-bit block; the 64-bit one after it covers all times.
        f.seek(timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt, 1)
        version, (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = _read_header(f)
        tsize, tfmt = 8, "q"
    if timecnt:
        trans_utc = struct.unpack(f">{timecnt}{tfmt}", f.read(timecnt * tsize))
        trans_idx = struct.unpack(f">{timecnt}B", f.read(timecnt))
    else:
        trans_utc = trans_idx = ()
    types = [struct.unpack(">lbb", f.read(6)) for _ in range(typecnt)]
    chars = f.read(charcnt)
    utcoff = tuple(t[0] for t in types)
    isdst = tuple(t[1] for t in types)
    abbr = []
    for t in types:
        end = chars.find(b"\x00", t[2])
        abbr.append(chars[t[2]:end].decode())
    tz_str = None
    if version >= 2:
        f.seek(isutcnt + isstdcnt + leapcnt * 12, 1)
        f.read(1)                      # the newline opening the footer
        footer = b""
        while True:
            c = f.read(1)
            if c == b"\n" or not c:
                break
            footer += c
        tz_str = footer
    return trans_idx, trans_utc, utcoff, isdst, tuple(abbr), tz_str


def _dst_offsets(trans_idx, utcoffs, isdsts):
    # TZif records only whether a type is DST; its DST amount is inferred from
    # the standard-time type next to it in the transition list (1h if none).
    ntypes = len(isdsts)
    dstoffs = [0] * ntypes
    wanted = sum(isdsts)
    found = 0
    complete = False
    for i in range(1, len(trans_idx)):
        if wanted == found:
            complete = True
            break
        idx = trans_idx[i]
        if not isdsts[idx] or dstoffs[idx] != 0:
            continue
        off = 0
        prev = trans_idx[i - 1]
        if not isdsts[prev]:
            off = utcoffs[idx] - utcoffs[prev]
        if not off and idx < ntypes - 1 and i + 1 < len(trans_idx):
            nxt = trans_idx[i + 1]
            if isdsts[nxt]:
                continue
            off = utcoffs[idx] - utcoffs[nxt]
        if off:
            found += 1
            dstoffs[idx] = off
    if not complete:
        for idx in range(ntypes):
            if not dstoffs[idx] and isdsts[idx]:
                dstoffs[idx] = 3600
    return dstoffs


def _wall_transitions(trans_idx, trans_utc, utcoffs):
    # Each transition in local wall time, as seen with fold=0 (the later
    # instant of an ambiguous time) and fold=1.
    if not trans_utc:
        return [[], []]
    fold0 = list(trans_utc)
    fold1 = list(trans_utc)
    for i in range(len(trans_idx)):
        if i == 0:
            if len(utcoffs) > 1:
                a, b = utcoffs[0], utcoffs[trans_idx[0]]
            else:
                a = b = utcoffs[0]
        else:
            a, b = utcoffs[trans_idx[i - 1]], utcoffs[trans_idx[i]]
        hi, lo = max(a, b), min(a, b)
        fold0[i] += hi
        fold1[i] += lo
    return [fold0, fold1]


# ---- POSIX TZ rules -----------------------------------------------------------------

def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 - _EPOCH_ORDINAL


class _JulianDay:
    """Jn (1..365, never counting Feb 29) or n (0..365, counting it)."""

    __slots__ = ("d", "julian", "hour", "minute", "second")

    def __init__(self, d, julian, hour=2, minute=0, second=0):
        low = int(julian)
        if not low <= d <= 365:
            raise ValueError(f"d must be in [{low}, 365], not: {d}")
        self.d, self.julian = d, julian
        self.hour, self.minute, self.second = hour, minute, second

    def year_to_epoch(self, year):
        d = self.d
        if self.julian and d >= 59 and calendar.isleap(year):
            d += 1
        return ((_days_before_year(year) + d) * 86400 +
                self.hour * 3600 + self.minute * 60 + self.second)


class _MonthWeekDay:
    """Mm.w.d: day d (0 = Sunday) of week w (5 = last) of month m."""

    __slots__ = ("m", "w", "d", "hour", "minute", "second")
    _CUM_DAYS = (-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

    def __init__(self, m, w, d, hour=2, minute=0, second=0):
        if not 1 <= m <= 12:
            raise ValueError("m must be in [1, 12]")
        if not 1 <= w <= 5:
            raise ValueError("w must be in [1, 5]")
        if not 0 <= d <= 6:
            raise ValueError("d must be in [0, 6]")
        self.m, self.w, self.d = m, w, d
        self.hour, self.minute, self.second = hour, minute, second

    def year_to_epoch(self, year):
        first_weekday, ndays = calendar.monthrange(year, self.m)
        day = (self.d - (first_weekday + 1)) % 7 + 1 + (self.w - 1) * 7
        if day > ndays:
            day -= 7
        ordinal = (_days_before_year(year) + self._CUM_DAYS[self.m] +
                   (self.m > 2 and calendar.isleap(year)) + day)
        return ordinal * 86400 + self.hour * 3600 + self.minute * 60 + self.second


class _TZRule:
    """Standard and daylight time with yearly start and end rules."""

    __slots__ = ("std", "dst", "start", "end", "dst_diff")

    def __init__(self, std_abbr, std_off, dst_abbr, dst_off, start, end):
        self.dst_diff = dst_off - std_off
        self.std = _TTInfo(_td(std_off), _td(0), std_abbr)
        self.dst = _TTInfo(_td(dst_off), _td(self.dst_diff), dst_abbr)
        self.start = start
        self.end = end

    def _bounds(self, year):
        return self.start.year_to_epoch(year), self.end.year_to_epoch(year)

    def get_trans_info(self, ts, year, fold):
        start, end = self._bounds(year)
        # Move the boundary that falls in the gap/overlap per the fold.
        if fold == (self.dst_diff >= 0):
            end -= self.dst_diff
        else:
            start += self.dst_diff
        if start < end:
            isdst = start <= ts < end
        else:
            isdst = not (end <= ts < start)
        return self.dst if isdst else self.std

    def get_trans_info_fromutc(self, ts, year):
        start, end = self._bounds(year)
        start -= self.std.utcoff.total_seconds()
        end -= self.dst.utcoff.total_seconds()
        if start < end:
            isdst = start <= ts < end
        else:
            isdst = not (end <= ts < start)
        if self.dst_diff > 0:
            amb_lo, amb_hi = end, end + self.dst_diff
        else:
            amb_lo, amb_hi = start, start - self.dst_diff
        return (self.dst if isdst else self.std), amb_lo <= ts < amb_hi


_OFFSET = r"[+-]?\d{1,3}(?::\d{2}(?::\d{2})?)?"
_TZ_RE = re.compile(r"(?P<std>[^<0-9:.+-]+|<[a-zA-Z0-9+-]+>)"
                    r"(?:(?P<stdoff>" + _OFFSET + r")"
                    r"(?:(?P<dst>[^0-9:.+-]+|<[a-zA-Z0-9+-]+>)"
                    r"(?P<dstoff>" + _OFFSET + r")?)?)?", re.ASCII)
_HMS_RE = re.compile(r"(?P<sign>[+-])?(?P<h>\d{1,3})(:(?P<m>\d{2})(:(?P<s>\d{2}))?)?",
                     re.ASCII)


def _hms(text):
    m = _HMS_RE.fullmatch(text)
    if m is None:
        return None
    return m.group("sign"), *(int(v or 0) for v in m.group("h", "m", "s"))


def _tz_offset(text):
    # POSIX offsets are west-positive; ours are east-positive.
    sign, h, m, s = _hms(text)
    if h > 24:
        raise ValueError(f"Offset hours must be in [0, 24]: {text}")
    total = h * 3600 + m * 60 + s
    return total if sign == "-" else -total


def _rule_date(text):
    day, *when = text.split("/", 1)
    if day[:1] == "M":
        m = re.fullmatch(r"M(\d{1,2})\.(\d).(\d)", day, re.ASCII)
        if m is None:
            raise ValueError(f"Invalid dst start/end date: {text}")
        rule = _MonthWeekDay(*map(int, m.groups()))
    elif day[:1] == "J":
        rule = _JulianDay(int(day[1:]), True)
    else:
        rule = _JulianDay(int(day), False)
    if when:
        parsed = _hms(when[0])
        if parsed is None:
            raise ValueError(f"Invalid time: {when[0]}")
        sign, h, m, s = parsed
        if h > 167:
            raise ValueError(f"Hour must be in [0, 167]: {when[0]}")
        if sign == "-":
            h, m, s = -h, -m, -s
        rule.hour, rule.minute, rule.second = h, m, s
    return rule


def _parse_tz_str(tz_str):
    offsets, *rules = tz_str.split(",", 1)
    m = _TZ_RE.fullmatch(offsets)
    if m is None:
        raise ValueError(f"{tz_str} is not a valid TZ string")
    std_abbr = m.group("std").strip("<>")
    dst_abbr = m.group("dst")
    std_off = 0
    if m.group("stdoff"):
        try:
            std_off = _tz_offset(m.group("stdoff"))
        except ValueError as e:
            raise ValueError(f"Invalid STD offset in {tz_str}") from e
    if dst_abbr is None:
        if rules:
            raise ValueError(f"Transition rule present without DST: {tz_str}")
        return _TTInfo(_td(std_off), _td(0), std_abbr)
    dst_abbr = dst_abbr.strip("<>")
    if m.group("dstoff"):
        try:
            dst_off = _tz_offset(m.group("dstoff"))
        except ValueError as e:
            raise ValueError(f"Invalid DST offset in {tz_str}") from e
    else:
        dst_off = std_off + 3600
    if not rules:
        raise ValueError(f"Missing transition rules: {tz_str}")
    try:
        start, end = (_rule_date(x) for x in rules[0].split(",", 1))
    except ValueError as e:
        raise ValueError(f"Invalid TZ string: {tz_str}") from e
    return _TZRule(std_abbr, std_off, dst_abbr, dst_off, start, end)


# ---- ZoneInfo -----------------------------------------------------------------------

class ZoneInfo(tzinfo):
    """A tzinfo for one IANA zone, e.g. ZoneInfo("Europe/Paris"). Instances
    are cached: the same key gives the same object."""

    _strong_cache_size = 8
    _strong_cache = collections.OrderedDict()
    _weak_cache = weakref.WeakValueDictionary()
    __module__ = "zoneinfo"

    def __init_subclass__(cls):
        cls._strong_cache = collections.OrderedDict()
        cls._weak_cache = weakref.WeakValueDictionary()

    def __new__(cls, key):
        obj = cls._weak_cache.get(key, None)
        if obj is None:
            obj = cls._weak_cache.setdefault(key, cls._new_instance(key))
            obj._from_cache = True
        # Recently used zones stay alive even without other references.
        cls._strong_cache[key] = cls._strong_cache.pop(key, obj)
        if len(cls._strong_cache) > cls._strong_cache_size:
            cls._strong_cache.popitem(last=False)
        return obj

    @classmethod
    def no_cache(cls, key):
        obj = cls._new_instance(key)
        obj._from_cache = False
        return obj

    @classmethod
    def _new_instance(cls, key):
        obj = super().__new__(cls)
        obj._key = key
        obj._file_path = _find_tzfile(key)
        if obj._file_path is None:
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        with open(obj._file_path, "rb") as f:
            obj._load_file(f)
        return obj

    @classmethod
    def from_file(cls, fobj, /, key=None):
        obj = super().__new__(cls)
        obj._key = key
        obj._file_path = None
        obj._load_file(fobj)
        obj._file_repr = repr(fobj)
        obj.__reduce__ = obj._file_reduce
        return obj

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        if only_keys is not None:
            for key in only_keys:
                cls._weak_cache.pop(key, None)
                cls._strong_cache.pop(key, None)
        else:
            cls._weak_cache.clear()
            cls._strong_cache.clear()

    @property
    def key(self):
        return self._key

    def utcoffset(self, dt):
        return self._find_trans(dt).utcoff

    def dst(self, dt):
        return self._find_trans(dt).dstoff

    def tzname(self, dt):
        return self._find_trans(dt).tzname

    def fromutc(self, dt):
        """Convert from datetime in UTC to datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        ts = self._timestamp(dt)
        utc = self._trans_utc
        n = len(utc)
        if n >= 1 and ts < utc[0]:
            tti, fold = self._tti_before, 0
        elif (n == 0 or ts > utc[-1]) and not isinstance(self._tz_after, _TTInfo):
            tti, fold = self._tz_after.get_trans_info_fromutc(ts, dt.year)
        elif n == 0:
            tti, fold = self._tz_after, 0
        else:
            idx = bisect.bisect_right(utc, ts)
            if n > 1 and ts >= utc[1]:
                prev, tti = self._ttinfos[idx - 2:idx]
            elif ts > utc[-1]:
                prev, tti = self._ttinfos[-1], self._tz_after
            else:
                prev, tti = self._tti_before, self._ttinfos[0]
            # Just after a backwards jump the wall time repeats: that is fold=1.
            shift = prev.utcoff - tti.utcoff
            fold = shift.total_seconds() > ts - utc[idx - 1]
        dt += tti.utcoff
        return dt.replace(fold=1) if fold else dt

    def _find_trans(self, dt):
        if dt is None:
            return self._tz_after if self._fixed_offset else _NO_TTINFO
        ts = self._timestamp(dt)
        wall = self._trans_local[dt.fold]
        if wall and ts < wall[0]:
            return self._tti_before
        if not wall or ts > wall[-1]:
            if isinstance(self._tz_after, _TZRule):
                return self._tz_after.get_trans_info(ts, dt.year, dt.fold)
            return self._tz_after
        return self._ttinfos[bisect.bisect_right(wall, ts) - 1]

    @staticmethod
    def _timestamp(dt):
        return ((dt.toordinal() - _EPOCH_ORDINAL) * 86400 +
                dt.hour * 3600 + dt.minute * 60 + dt.second)

    def __str__(self):
        return f"{self._key}" if self._key is not None else repr(self)

    def __repr__(self):
        # The base class is named with its module, subclasses are not.
        cls = self.__class__
        name = "zoneinfo.ZoneInfo" if cls is ZoneInfo else cls.__name__
        if self._key is not None:
            return f"{name}(key={self._key!r})"
        return f"{name}.from_file({self._file_repr})"

    def __reduce__(self):
        return (self.__class__._unpickle, (self._key, self._from_cache))

    def _file_reduce(self):
        import pickle
        raise pickle.PicklingError(
            "Cannot pickle a ZoneInfo file from a file stream.")

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        return cls(key) if from_cache else cls.no_cache(key)

    def _load_file(self, f):
        trans_idx, trans_utc, utcoff, isdst, abbr, tz_str = _read_tzif(f)
        dstoff = _dst_offsets(trans_idx, utcoff, isdst)
        types = [_TTInfo(_td(u), _td(d), a) for u, d, a in zip(utcoff, dstoff, abbr)]
        self._trans_utc = trans_utc
        self._trans_local = _wall_transitions(trans_idx, trans_utc, utcoff)
        self._ttinfos = [types[i] for i in trans_idx]
        # Before the first transition: the first standard-time type.
        for i, dst in enumerate(isdst):
            if not dst:
                self._tti_before = types[i]
                break
        else:
            self._tti_before = self._ttinfos[0] if self._ttinfos else None
        if tz_str:
            self._tz_after = _parse_tz_str(tz_str.decode())
        else:
            if not self._ttinfos and not types:
                raise ValueError("No time zone information found.")
            self._tz_after = self._ttinfos[-1] if self._ttinfos else types[-1]
        if len(types) > 1 or not isinstance(self._tz_after, _TTInfo):
            self._fixed_offset = False
        elif not types:
            self._fixed_offset = True
        else:
            self._fixed_offset = types[0] == self._tz_after

"""strptime support for time.strptime and datetime.strptime (C locale)."""

import time as _time

__all__ = []

_DAY_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday")
_DAY_ABBR = tuple(d[:3] for d in _DAY_FULL)
_MONTH_FULL = ("", "january", "february", "march", "april", "may", "june",
               "july", "august", "september", "october", "november", "december")
_MONTH_ABBR = ("",) + tuple(m[:3] for m in _MONTH_FULL[1:])


def _alt(names):
    # Longest first so "june" is not cut short by "jun".
    items = sorted((n for n in names if n), key=len, reverse=True)
    return "(?P<%s>" + "|".join(items) + ")"


_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9]| [1-9])",
    "G": r"(?P<G>\d\d\d\d)",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "A": _alt(_DAY_FULL) % "A",
    "a": _alt(_DAY_ABBR) % "a",
    "B": _alt(_MONTH_FULL) % "B",
    "b": _alt(_MONTH_ABBR) % "b",
    "p": r"(?P<p>am|pm)",
    "Z": r"(?P<Z>utc|gmt)",
    "%": "%",
}
_DIRECTIVES["W"] = _DIRECTIVES["U"].replace("U", "W")
_DIRECTIVES["e"] = _DIRECTIVES["d"].replace("<d>", "<e>")
_DIRECTIVES["h"] = _DIRECTIVES["b"].replace("<b>", "<h>")

# Composite directives expanded the way the C locale spells them.
_COMPOSITE = {
    "c": "%a %b %d %H:%M:%S %Y",
    "x": "%m/%d/%y",
    "X": "%H:%M:%S",
    "D": "%m/%d/%y",
    "T": "%H:%M:%S",
    "R": "%H:%M",
    "r": "%I:%M:%S %p",
    "F": "%Y-%m-%d",
}

_cache = {}


def _pattern(fmt):
    out = []
    seen = set()
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch == "%":
            if i >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i]
            i += 1
            if d == ":" and i < n and fmt[i] == "z":
                d = "z"
                i += 1
            if d in _COMPOSITE:
                out.append(_pattern(_COMPOSITE[d]))
                continue
            if d not in _DIRECTIVES:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, fmt))
            pat = _DIRECTIVES[d]
            if d != "%":
                name = d if d not in "eh" else d
                if name in seen:
                    # A repeated directive must match the same text again.
                    pat = "(?P=%s)" % name
                seen.add(name)
            out.append(pat)
        elif ch.isspace():
            out.append(r"\s+")
            while i < n and fmt[i].isspace():
                i += 1
        else:
            out.append(_escape(ch))
    return "".join(out)


def _escape(ch):
    if ch.isalnum() or ch == "_":
        return ch
    return "\\" + ch


def _compile(fmt):
    rx = _cache.get(fmt)
    if rx is None:
        import re
        rx = re.compile(_pattern(fmt), re.IGNORECASE)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = rx
    return rx


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    import datetime
    return datetime.date(y, m, d).toordinal()


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y", _stacklevel=3):
    for index, arg in enumerate((data_string, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (index, type(arg).__name__))
    rx = _compile(format)
    if "(?P<d>" in rx.pattern and not ("(?P<Y>" in rx.pattern or "(?P<y>" in rx.pattern
                                         or "(?P<G>" in rx.pattern):
        import warnings
        warnings.warn("Parsing dates involving a day of month without a year "
                      "specified is ambiguious\nand fails to parse leap day. The "
                      "default behavior will change in Python 3.15\nto either "
                      "always raise an exception or to use a different default "
                      "year (TBD).\nTo avoid trouble, add a specific year to the "
                      "input & format.\nSee https://github.com/python/cpython/"
                      "issues/70647.", DeprecationWarning, stacklevel=_stacklevel)
    found = rx.match(data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r"
                         % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s"
                         % data_string[found.end():])
    import datetime
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = None
    week_of_year = None
    week_starts_mon = True
    weekday = julian = None
    g = found.groupdict()
    for key, val in g.items():
        if val is None:
            continue
        if key == "y":
            year = int(val)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(val)
        elif key == "G":
            iso_year = int(val)
        elif key == "m":
            month = int(val)
        elif key == "B":
            month = _MONTH_FULL.index(val.lower())
        elif key in ("b", "h"):
            month = _MONTH_ABBR.index(val.lower())
        elif key in ("d", "e"):
            day = int(val)
        elif key == "H":
            hour = int(val)
        elif key == "I":
            hour = int(val)
            ampm = (g.get("p") or "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif ampm == "pm":
                if hour != 12:
                    hour += 12
        elif key == "M":
            minute = int(val)
        elif key == "S":
            second = int(val)
        elif key == "f":
            fraction = int(val + "0" * (6 - len(val)))
        elif key == "A":
            weekday = _DAY_FULL.index(val.lower())
        elif key == "a":
            weekday = _DAY_ABBR.index(val.lower())
        elif key == "w":
            weekday = (int(val) - 1) % 7
        elif key == "u":
            weekday = int(val) - 1
        elif key == "j":
            julian = int(val)
        elif key in ("U", "W"):
            week_of_year = int(val)
            week_starts_mon = key == "W"
        elif key == "V":
            iso_week = int(val)
        elif key == "z":
            z = val
            if z == "Z" or z == "z":
                gmtoff = 0
            else:
                if z[3:4] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError("Inconsistent use of : in %s" % val)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 + minutes) * 60 + seconds
                frac = z[8:]
                gmtoff_fraction = int(frac + "0" * (6 - len(frac))) if frac else 0
                if z[0] == "-":
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == "Z":
            tz = 0
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible "
                             "with ISO year directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO "
                             "week directive '%V' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO "
                             "year directive '%G' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")
    leap_year_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _week_to_julian(year, week_of_year, weekday, week_starts_mon)
        elif iso_year is not None:
            d = datetime.date.fromisocalendar(iso_year, iso_week, weekday + 1)
            year, month, day = d.year, d.month, d.day
            julian = None
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        try:
            julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
        except ValueError:
            raise ValueError("day is out of range for month") from None
    else:
        d = datetime.date.fromordinal(julian - 1 + _ordinal(year, 1, 1))
        year, month, day = d.year, d.month, d.day
    if weekday is None:
        weekday = datetime.date(year, month, day).weekday()
    tzname = g.get("Z")
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz,
             tzname, gmtoff), fraction, gmtoff_fraction)


def _week_to_julian(year, week, weekday, week_starts_mon):
    first_wd = (_ordinal(year, 1, 1) + 6) % 7
    if not week_starts_mon:
        first_wd = (first_wd + 1) % 7
        weekday = (weekday + 1) % 7
    week_0_len = (7 - first_wd) % 7
    if week == 0:
        return 1 + weekday - first_wd
    return 1 + week_0_len + (week - 1) * 7 + weekday


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    tt = _strptime(data_string, format)[0]
    return _time.struct_time(tt[:9])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    import datetime
    tt, fraction, gmtoff_fraction = _strptime(data_string, format, 4)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = datetime.timezone(delta, tzname)
        else:
            tz = datetime.timezone(delta)
        args += (tz,)
    return cls(*args)

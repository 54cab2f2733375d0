# zoneinfo: ZoneInfo from /usr/share/zoneinfo, offsets/DST/names incl. gaps and folds, fromutc, caching, errors
import zoneinfo, io, pickle, os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ny = ZoneInfo('America/New_York')
print(repr(ny), str(ny), ny.key, ny is ZoneInfo('America/New_York'), ZoneInfo.no_cache('America/New_York') is ny)
for key in ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5',
            'America/Sao_Paulo', 'Pacific/Chatham', 'Africa/Casablanca', 'America/St_Johns', 'Asia/Tokyo', 'Europe/Dublin']:
    z = ZoneInfo(key)
    out = []
    for dt in [datetime(1900, 1, 1), datetime(1970, 1, 1), datetime(2000, 1, 15, 12), datetime(2000, 7, 15, 12),
               datetime(2024, 3, 10, 2, 30), datetime(2024, 11, 3, 1, 30), datetime(2024, 11, 3, 1, 30, fold=1),
               datetime(2024, 3, 31, 2, 30), datetime(2024, 10, 27, 2, 30, fold=1), datetime(2060, 7, 1), datetime(2060, 1, 1)]:
        d = dt.replace(tzinfo=z)
        out.append((str(d.utcoffset()), str(d.dst()), d.tzname()))
    print(key, out)
    print('  ', z.utcoffset(None), z.dst(None), z.tzname(None))
u = datetime(2024, 11, 3, 5, 30, tzinfo=timezone.utc)
for h in range(4):
    t = (u + timedelta(hours=h)).astimezone(ny)
    print(t, t.fold, t.tzname(), t.astimezone(timezone.utc))
for when in [datetime(1800, 1, 1, tzinfo=timezone.utc), datetime(2050, 6, 1, tzinfo=timezone.utc), datetime(2050, 11, 6, 5, 30, tzinfo=timezone.utc),
             datetime(2050, 11, 6, 6, 30, tzinfo=timezone.utc), datetime(2050, 3, 13, 7, 0, tzinfo=timezone.utc)]:
    t = when.astimezone(ny)
    print(t, t.fold, t.tzname())
syd = ZoneInfo('Australia/Sydney')
print(datetime(2050, 4, 3, 15, 30, tzinfo=timezone.utc).astimezone(syd), datetime(2050, 4, 3, 16, 30, tzinfo=timezone.utc).astimezone(syd).fold)
print(datetime(2024, 6, 1, 12, tzinfo=ny) - datetime(2024, 6, 1, 12, tzinfo=ZoneInfo('Europe/Paris')))
print(datetime(2024, 3, 10, 12, tzinfo=ny).isoformat(), datetime(2024, 1, 1, tzinfo=ZoneInfo('Asia/Kolkata')).strftime('%Z %z'))
for bad in ['Nowhere/City', '../etc/passwd', '/etc/localtime', 'America/../America/New_York', '', 'America']:
    try:
        ZoneInfo(bad); print('ok', bad)
    except ZoneInfoNotFoundError as e:
        print('ZoneInfoNotFoundError', e)
    except (ValueError, IsADirectoryError, PermissionError) as e:
        print(type(e).__name__, e)
print(issubclass(ZoneInfoNotFoundError, KeyError))
try:
    ny.fromutc(datetime(2020, 1, 1))
except ValueError as e:
    print('ValueError:', e)
try:
    ny.fromutc('x')
except TypeError as e:
    print('TypeError:', e)
with open('/usr/share/zoneinfo/Europe/Paris', 'rb') as f:
    data = f.read()
z = ZoneInfo.from_file(io.BytesIO(data), key='Custom/Paris')
print(str(z), z.key, datetime(2024, 7, 1, tzinfo=z).tzname(), datetime(2024, 1, 1, tzinfo=z).utcoffset())
z2 = ZoneInfo.from_file(io.BytesIO(data))
print(z2.key, str(z2).startswith('zoneinfo.ZoneInfo.from_file(<_io.BytesIO'), repr(z2).startswith('zoneinfo.ZoneInfo.from_file('))
class Sub(ZoneInfo): pass
print(repr(Sub('UTC')), repr(Sub.from_file(io.BytesIO(data))).startswith('Sub.from_file(<_io.BytesIO'), Sub('UTC') is ZoneInfo('UTC'))
try:
    pickle.dumps(z2)
except pickle.PicklingError as e:
    print('PicklingError:', e)
try:
    ZoneInfo.from_file(io.BytesIO(b'NOPE' + b'\0' * 40))
except ValueError as e:
    print('ValueError:', e)
print(pickle.loads(pickle.dumps(ny)) is ny, pickle.loads(pickle.dumps(ZoneInfo.no_cache('UTC'))) is ZoneInfo('UTC'))
ZoneInfo.clear_cache(only_keys=['America/New_York'])
print(ZoneInfo('America/New_York') is ny)
ZoneInfo.clear_cache()
tz = zoneinfo.available_timezones()
print(len(tz) > 300, 'America/New_York' in tz, 'posixrules' in tz, 'right/UTC' in tz, 'UTC' in tz)
print(zoneinfo.TZPATH)
zoneinfo.reset_tzpath(['/nonexistent'])
try:
    ZoneInfo.no_cache('UTC')
except ZoneInfoNotFoundError as e:
    print('ZoneInfoNotFoundError', e)
for bad in ['relative/path', '/ok:x']:
    try:
        zoneinfo.reset_tzpath([bad]); print(zoneinfo.TZPATH)
    except ValueError as e:
        print('ValueError:', e)
try:
    zoneinfo.reset_tzpath('/usr/share/zoneinfo')
except TypeError as e:
    print('TypeError:', e)
zoneinfo.reset_tzpath()
print(zoneinfo.TZPATH == ('/usr/share/zoneinfo', '/usr/lib/zoneinfo', '/usr/share/lib/zoneinfo', '/etc/zoneinfo'), sorted(zoneinfo.__all__))

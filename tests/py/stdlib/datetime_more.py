# datetime: ISO parsing variants, aware arithmetic, copies, hashing in dicts, formatting
from datetime import *
import copy
print(datetime.fromisoformat('2011-11-04T00:05:23Z'), time.fromisoformat('04:23:01.000384'), datetime.fromisoformat('2011-11-04T00:05:23.283+00:00'), datetime.fromisoformat('20111104T000523'), datetime.fromisoformat('2011-W01-2T00:05:23.283'))
print(date.fromisoformat('2019-12-04'), date.fromisoformat('20191204'), date.fromisoformat('2021-W01-1'))
print(str(timezone(timedelta(hours=5, minutes=30))), datetime.max.isoformat(), timedelta(days=-1, seconds=-1), timedelta(microseconds=-1), str(-timedelta(hours=1, microseconds=5)))
a = datetime(2020, 3, 1, 12, tzinfo=timezone(timedelta(hours=2)))
b = datetime(2020, 3, 1, 11, tzinfo=timezone.utc)
print(a - b, a < b, a == b, max(a, b), sorted([b, a]), a.astimezone(timezone.utc), a.timetuple(), a.utctimetuple())
print(copy.copy(a), copy.deepcopy(timedelta(5)), {date(2020,1,1): 1}[date(2020,1,1)], datetime(2020,1,1) in {datetime(2020,1,1)})
print(datetime(2020,1,1).timestamp(), datetime(2020,1,1).astimezone().utcoffset() is not None, datetime.fromtimestamp(1e9).year)
print(datetime(2024, 2, 29) + timedelta(days=365), date(2024, 1, 31).replace(day=29, month=2), datetime(2020,1,1,23,59,59,999999) + timedelta(microseconds=1))
print(timedelta(weeks=1, days=1, hours=1, minutes=1, seconds=1, milliseconds=1, microseconds=1), timedelta(seconds=1.0000005), timedelta(days=1.5, hours=-36), timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=1) // timedelta(minutes=7))
print(f"{datetime(2020,5,17,8,5,3):%Y-%m-%d %I:%M:%S %p %a %j}", "{:%d.%m.%Y}".format(date(2001,2,3)), datetime(2020,1,1).strftime("%s") if False else "")
print(date(2020,1,1).ctime(), datetime(2020,1,1,5,6,7).ctime(), date.min, date.resolution, time.resolution, datetime.resolution)
print(datetime.combine(date(2020,1,1), time(5)).isoformat(sep=" ", timespec="minutes"), time(5, 6, 7, 8).isoformat("milliseconds"))
try: datetime(2020,1,1).isoformat(timespec="bogus")
except ValueError as e: print(e)
try: timedelta(1) + date(2020,1,1) + 1
except TypeError as e: print(e)
print(timedelta(1) + date(2020,1,1), date(2020,1,10) - date(2020,1,1), date(2020,1,10) - timedelta(3))
print(timezone.utc.utcoffset(None), timezone.utc.tzname(None), timezone(timedelta(hours=-5)).tzname(None), timezone(timedelta(minutes=90)).utcoffset(datetime.now()))

# datetime: arithmetic, reprs, isoformat/fromisoformat, strftime/strptime, timezones
import datetime as D, time
print(time.strptime("2020 5","%Y %j"))
for a in [("1 2","%d %%"),("1","%Q"),("1","%"),("1 x","%d"),("+0530","%z"),("2020 10 3","%Y %W %w"),("2020-W10-3","%G-W%V-%u"),("2021-03-04 05:06:07.25","%Y-%m-%d %H:%M:%S.%f"),("Mon Jan 06 2020 3PM", "%a %b %d %Y %I%p"), ("2020-07-01T10:00:00-0700", "%Y-%m-%dT%H:%M:%S%z")]:
  try: print(D.datetime.strptime(*a))
  except Exception as e: print(type(e).__name__, e)
print(time.strptime("3pm 2000","%I%p %Y"))

d = D.datetime(2021, 12, 31, 23, 59, 59, 999999)
print(d + D.timedelta(microseconds=1), d - D.datetime(2000,1,1), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.date(), d.time(), d.ctime())
print(D.date.fromordinal(738000), D.date(2004,12,31).isocalendar(), D.date(2005,1,2).isocalendar(), D.date.fromisocalendar(2020,53,7))
tz = D.timezone(D.timedelta(hours=5, minutes=30), "IST")
a = D.datetime(2020,6,1,12,tzinfo=tz)
print(a, repr(a), a.astimezone(D.UTC), a.utcoffset(), a.tzname(), a.dst(), a.timestamp(), a == a.astimezone(D.UTC), hash(a)==hash(a.astimezone(D.UTC)))
print(D.datetime.fromtimestamp(1600000000, D.UTC), D.datetime.fromtimestamp(1600000000.123456, tz), D.datetime(2020,1,1).timestamp())
print(D.datetime.combine(D.date(2020,1,1), D.time(1,2,3,4,tzinfo=D.UTC)))
print(D.timedelta(hours=25.5) * 1.5, D.timedelta(10)/3, D.timedelta(10)//3, D.timedelta(10)/D.timedelta(3), D.timedelta(10)%D.timedelta(3), divmod(D.timedelta(10), D.timedelta(days=3)), -D.timedelta(1,1,1), abs(D.timedelta(-1)), D.timedelta(1).total_seconds())
print(D.timedelta.max, D.timedelta.min, repr(D.timedelta.resolution), D.date.max, D.datetime.min, D.time.max)
print(repr(D.time(1,2)), repr(D.time(1,2,3,tzinfo=tz)), D.time(1,2,3,4).isoformat('hours'), D.time(1,2,3,4).isoformat('minutes'), D.time(23,tzinfo=tz).utcoffset())
for s in ["2020-01-01", "20200101", "2020-W01-1", "2020W01", "2020-01-01T10", "2020-01-01 10:20", "2020-01-01T10:20:30.123", "2020-01-01T102030", "2020-01-01T10:20:30-05:00", "2020-01-01T24:00", "2020-01-01T", "2020-01-01X10:20:30+0530", "bad"]:
    try: print(repr(D.datetime.fromisoformat(s)))
    except Exception as e: print(type(e).__name__, e)
print(D.time(12,30) < D.time(13), D.date(2020,1,1) == D.datetime(2020,1,1), D.date(2020,1,1) < D.date(2020,1,2), sorted([D.date(2020,3,1), D.date(2019,1,1)]))
print(f"{D.date(2020,1,5):%A %B %d %j %U %W %a %b}", format(D.time(13,5), "%I:%M %p"), D.datetime(2020,1,1,1,2,3).strftime("%c|%x|%X|%%|%f"))
print(D.MINYEAR, D.MAXYEAR, D.UTC is D.timezone.utc, D.timezone(D.timedelta(0)) is D.UTC, D.timezone(D.timedelta(0), "Z"))
print(D.datetime(2020,1,1).replace(year=2021, tzinfo=D.UTC), D.time(1).replace(minute=5))
import copy
print(copy.deepcopy(D.datetime(2020,1,1)), D.timedelta(1) == D.timedelta(hours=24), bool(D.timedelta(0)))
class MyTZ(D.tzinfo):
    def utcoffset(self, dt): return D.timedelta(hours=-2)
    def dst(self, dt): return D.timedelta(0)
    def tzname(self, dt): return "M"
m = D.datetime(2020,1,1,tzinfo=MyTZ())
print(m, m.astimezone(D.UTC), D.UTC.fromutc(D.datetime(2020,1,1,tzinfo=D.UTC)), m.strftime("%Z %z"))
print(D.datetime(2020,1,1,tzinfo=D.UTC).astimezone(MyTZ()))

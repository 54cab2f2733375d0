# datetime: constructor/range errors, subclass reprs, timedelta rounding
import datetime as D
for f in ["D.date(0,1,1)","D.date(2020,13,1)","D.date(2020,2,30)","D.time(24)","D.time(1,60)","D.time(1,1,60)","D.time(1,1,1,10**6)","D.time(fold=2)","D.date(2020.0,1,1)","D.timedelta(days=10**9)","D.datetime(2020,1,1)<D.datetime(2020,1,1,tzinfo=D.UTC)","D.datetime(2020,1,1)-D.datetime(2020,1,1,tzinfo=D.UTC)","D.date.fromisoformat('2020-1-1')","D.timezone(D.timedelta(hours=24))","D.date(1,1,1)+D.timedelta(-1)","D.timezone(1)", "D.datetime.max + D.timedelta(1)", "D.time(1)<D.time(1,tzinfo=D.UTC)","D.date(2020,1,1).replace(month=13)","D.datetime.fromisoformat(5)","D.datetime.strptime('x','%Y')","D.timedelta(1)/0","D.timedelta(1)//0"]:
    try: print(f, repr(eval(f)))
    except Exception as e: print(f, type(e).__name__, e)
class M(D.date): pass
class N(D.datetime): pass
print(repr(M(2020,1,1)), repr(N(2020,1,1)), repr(D.datetime(2020,1,2,3,4,5,6,tzinfo=D.UTC,fold=1)))
print(repr(D.timezone(D.timedelta(hours=1),'X')), D.timezone(D.timedelta(hours=-1,seconds=-1)), D.timezone.min, repr(D.timezone.max))
print(D.date(1,1,1).strftime('%Y %y %C %G'), D.date(999,1,1).strftime('%Y'))
print(repr(D.timedelta(days=-1,seconds=5,microseconds=3)), D.timedelta(days=-2,seconds=5), D.timedelta(0.5,1.7,0.3,milliseconds=1.5), D.timedelta(microseconds=0.5), D.timedelta(microseconds=1.5),D.timedelta(microseconds=-0.5))
print(D.date(2020,1,1).isocalendar(), D.datetime(2020,5,5,1,2,3,400).isoformat(timespec='milliseconds'))
print(D.datetime.fromisoformat('2020-01-01T01:02:03.1234567+05:30'), D.datetime.fromisoformat('2020W011T01'), D.datetime.fromisoformat('2020-01-01T01:02:03,5Z'))
print(D.time.fromisoformat('T010203'), D.time.fromisoformat('01:02:03.123+01'))
print(format(D.date(2020,1,1), ''), format(D.date(2020,1,1), '%d/%m'), f"{D.datetime(2020,1,1):%H %f %z %Z %:z}", D.datetime(2020,1,1,tzinfo=D.timezone(D.timedelta(hours=-3, minutes=-30))).strftime('%z %:z %Z %%z'))
import datetime as D
print(D.date.__name__, type(D.date(2020,1,1)).__name__, repr(D.datetime), type(D.date), D.timezone.__name__)
class MyTZ(D.tzinfo):
    def utcoffset(self, dt): return D.timedelta(hours=1)
print(MyTZ.__name__, repr(MyTZ), D.datetime(2020,1,1,tzinfo=MyTZ()).utcoffset())
for e in ["D.timedelta(1)+1", "D.time(1)+D.timedelta(1)", "D.date(2020,1,1)<D.datetime(2020,1,1)", "D.timedelta(1)*'a'", "D.date(2020,1,1)-1"]:
    try: eval(e)
    except TypeError as x: print(x)

# datetime hashes equal the reference's (set iteration order of dates/datetimes)
import datetime as D
tz = D.timezone(D.timedelta(hours=2))
vals = [D.date(2020,1,1), D.date(1,1,1), D.date(9999,12,31), D.datetime(2020,1,2,3,4,5,678901), D.datetime(2020,1,1,fold=1), D.time(3,4,5,678901), D.time(3,4,5,6,tzinfo=tz), D.time(0, tzinfo=D.UTC), D.datetime(2020,1,2,3,4,5,6,tzinfo=tz), D.datetime(2020,1,1,tzinfo=D.UTC), D.timedelta(1, 2, 3), D.timezone.utc, tz]
print([hash(v) for v in vals])
print({D.date(2020, 1, d) for d in range(1, 10)}, {D.datetime(2020, 1, 1, h) for h in range(6)})

# time.strptime through _strptime._strptime_time: directives, composite formats, errors
import time
print(time.strptime("2020-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Thu Mar  5 10:00:00 2020"))
try: time.strptime("x", "%Y")
except ValueError as e: print(e)
print(time.strptime("12/31/99", "%x")[:3], time.strptime("23:59:58", "%X")[3:6], time.strptime("Mon Jan  6 01:02:03 2020", "%c")[:7])
print(time.strptime("2024 366", "%Y %j")[:3], time.strptime("2024 1 0", "%Y %U %w")[:3], time.strptime("Jul 4 1776", "%b %d %Y")[:3], time.strptime("JULY 4 1776", "%B %d %Y")[:3])

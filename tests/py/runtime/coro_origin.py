# sys.set_coroutine_origin_tracking_depth: cr_origin records (file, line, function) of the creating frames
import sys
async def c(): return 1
def mk(): return c()
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
x = mk()
print([(f.rsplit('/',1)[-1], l, n) for f, l, n in x.cr_origin])
x.close()
sys.set_coroutine_origin_tracking_depth(0)
y = mk(); print(y.cr_origin); y.close()
try: sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e: print(e)

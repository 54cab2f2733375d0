# sys: getunicodeinternedsize, coroutine origin tracking depth, dlopen flags, stack trampolines (no perf support)
import sys
print(sys.getdlopenflags(), sys.is_stack_trampoline_active(), sys.get_coroutine_origin_tracking_depth())
print(type(sys.getunicodeinternedsize()), sys.getunicodeinternedsize() > 100, sys.getunicodeinternedsize(_only_immortal=True) > 100)
for f in [lambda: sys.set_coroutine_origin_tracking_depth(-1), lambda: sys.set_coroutine_origin_tracking_depth('a'), lambda: sys.set_coroutine_origin_tracking_depth(),
          lambda: sys.setdlopenflags('x'), lambda: sys.activate_stack_trampoline(1), lambda: sys.deactivate_stack_trampoline(), lambda: sys.getunicodeinternedsize(1),
          lambda: sys.set_coroutine_origin_tracking_depth(depth=3), lambda: sys.setdlopenflags(2**40), lambda: sys.set_coroutine_origin_tracking_depth(1, 2),
          lambda: sys.getdlopenflags(1), lambda: sys.is_stack_trampoline_active(1),
          lambda: sys.activate_stack_trampoline(), lambda: sys.getunicodeinternedsize(x=1)]:
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())
import threading
t = threading.Thread(target=lambda: print('thread depth', sys.get_coroutine_origin_tracking_depth())); t.start(); t.join()
sys.set_coroutine_origin_tracking_depth(0)
print(sys.get_coroutine_origin_tracking_depth())
import os
sys.setdlopenflags(os.RTLD_GLOBAL | os.RTLD_LAZY); print(sys.getdlopenflags() == os.RTLD_GLOBAL | os.RTLD_LAZY)
sys.setdlopenflags(os.RTLD_NOW); print(sys.getdlopenflags())
before = sys.getunicodeinternedsize()
s = sys.intern(''.join(['never', 'seen', 'before', 'xyzzy']))
print(sys.getunicodeinternedsize() - before)
print(sys.is_stack_trampoline_active())

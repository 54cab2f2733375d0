"""(c) ThreadPoolExecutor(8) running time.sleep(0.1) 80 times: about 1 s when every sleep
releases the GIL."""
import time
from concurrent.futures import ThreadPoolExecutor

t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=8) as ex:
    list(ex.map(time.sleep, [0.1] * 80))
print("pool_sleep_s", round(time.perf_counter() - t0, 3))

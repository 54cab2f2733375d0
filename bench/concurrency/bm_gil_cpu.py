"""(a) A CPU-bound task over 4 threads vs 1 thread (the GIL serialises: ratio near 1.0),
and the GIL switch latency: how late a sleeping thread gets the lock back while another
thread spins (near the 5 ms switch interval). Prints one 'key value' per line."""
import threading
import time


def work(n):
    x = 0
    for i in range(n):
        x += i * i
    return x


N = 2_000_000
t0 = time.perf_counter()
work(N)
one = time.perf_counter() - t0
t0 = time.perf_counter()
threads = [threading.Thread(target=work, args=(N // 4,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
four = time.perf_counter() - t0
print("cpu_1thread_s", round(one, 4))
print("cpu_4threads_s", round(four, 4))
print("cpu_4_over_1", round(four / one, 3))

stop = [False]


def spin():
    while not stop[0]:
        pass


delays = []


def sleeper():
    for _ in range(40):
        t = time.perf_counter()
        time.sleep(0.001)
        delays.append(time.perf_counter() - t - 0.001)


s = threading.Thread(target=spin)
s.start()
w = threading.Thread(target=sleeper)
w.start()
w.join()
stop[0] = True
s.join()
delays.sort()
print("switch_latency_median_ms", round(delays[len(delays) // 2] * 1000, 2))

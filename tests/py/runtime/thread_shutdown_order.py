# interpreter exit: non-daemon threads are joined before atexit handlers run; daemon threads are not waited for
import threading, atexit, time
def worker(n):
    time.sleep(0.05 * n)
    print('worker', n, 'done')
def sleeper():
    time.sleep(30)
    print('daemon must not print')
atexit.register(lambda: print('atexit handler, alive non-daemon threads:',
                              sum(1 for t in threading.enumerate() if not t.daemon and t is not threading.main_thread())))
for n in (1, 2, 3):
    threading.Thread(target=worker, args=(n,)).start()
threading.Thread(target=sleeper, daemon=True).start()
print('main body done')

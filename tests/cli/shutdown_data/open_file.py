# a file left open in a global is flushed at exit (checked by a second process)
import os, subprocess, sys, tempfile
if len(sys.argv) > 1:
    f = open(sys.argv[1], "w")
    f.write("written by the child, never flushed explicitly\n")
    sys.exit(0)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "out.txt")
    subprocess.run([sys.executable, __file__, path], check=True)
    with open(path) as f:
        print(f.read(), end="")

# nothing to finalize: output still flushed, including a standard stream in a cycle
import sys
sys.stdout.loop = sys.stdout
data = [[i] for i in range(1000)]
data.append(data)
sys.stdout.write("no newline at the end")

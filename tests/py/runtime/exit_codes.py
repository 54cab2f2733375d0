# exit: 3
# SystemExit with an int code ends the program with that status (after finally).
import sys
try:
    print("running")
    sys.exit(3)
finally:
    print("finally runs")

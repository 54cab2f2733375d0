import sys
print("module", __name__, sys.argv[0].endswith("mod_main.py"), sys.argv[1:])

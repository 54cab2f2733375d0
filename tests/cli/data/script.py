import sys
print("script", sys.argv[1:], __name__)

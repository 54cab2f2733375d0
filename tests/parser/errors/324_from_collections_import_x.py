from collections# import x

"""python -m unittest [options] [tests | discover ...]"""

import sys
import os.path

# Usage lines show how the runner was started ("krait -m unittest"), whatever
# argv[0] the module runner put there (a file path, or a frozen module's origin).
sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"

__unittest = True

from .main import main

main(module=None)

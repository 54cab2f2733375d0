# logging: lastResort handler writes bare message to stderr
import logging, sys
sys.stderr = sys.stdout
logging.getLogger("lr").warning("last resort %s", "msg")
logging.getLogger("lr").info("not shown")
print(logging.lastResort, logging.root.handlers)

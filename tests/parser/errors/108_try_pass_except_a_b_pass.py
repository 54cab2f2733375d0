try:
  pass
except a, b:
  pass
try:
  pass
except* :
  pass
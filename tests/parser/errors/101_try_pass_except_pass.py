try:
  pass
except:
pass
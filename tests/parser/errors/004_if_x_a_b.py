if x:
  a
 b
with a b:
 pass
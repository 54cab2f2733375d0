while x y:
 pass
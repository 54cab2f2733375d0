if x y:
 pass
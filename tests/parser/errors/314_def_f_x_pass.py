def f x:
 pass
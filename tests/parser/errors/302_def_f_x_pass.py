def f() x:
 pass
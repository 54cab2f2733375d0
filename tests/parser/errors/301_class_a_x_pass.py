class A x:
 pass
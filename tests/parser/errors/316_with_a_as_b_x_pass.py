with a as b x:
 pass
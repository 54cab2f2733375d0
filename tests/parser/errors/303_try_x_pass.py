try x:
 pass
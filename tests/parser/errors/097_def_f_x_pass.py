def f(x):
pass
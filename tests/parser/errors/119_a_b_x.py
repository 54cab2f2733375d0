a b
x = '
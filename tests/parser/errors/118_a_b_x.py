a b
x = (
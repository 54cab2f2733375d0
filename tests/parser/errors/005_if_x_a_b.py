if x:
	a
        b
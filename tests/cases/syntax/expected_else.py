y = 1 if x

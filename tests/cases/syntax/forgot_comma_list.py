x = [a b, c]

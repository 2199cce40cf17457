star = [*x for x in y]

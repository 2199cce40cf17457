match point:
    case (x, 0) | x:
        pass
    case (0, y):
        pass

match value:
    case Point(x, y=x):
        pass

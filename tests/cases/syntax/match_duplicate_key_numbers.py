match value:
    case {1: one, -0: zero, True: also_one}:
        pass

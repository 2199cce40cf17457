match value:
    case {"k": [1, a], "j": 2} | {"k": 3}:
        pass

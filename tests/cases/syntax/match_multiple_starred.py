match value:
    case [first, *middle, *rest]:
        pass

match value:
    case [first, *rest] | first:
        pass

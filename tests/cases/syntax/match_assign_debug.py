match value:
    case [__debug__]:
        pass

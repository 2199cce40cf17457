LEAF = "leaf in a namespace package"

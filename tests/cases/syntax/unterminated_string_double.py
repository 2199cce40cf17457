name = "abc

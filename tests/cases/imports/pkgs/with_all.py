__all__ = ["exported", "also"]
exported = "e"
also = "a"
not_listed = "n"
_hidden = "h"

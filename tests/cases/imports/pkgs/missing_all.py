__all__ = ["ghost"]

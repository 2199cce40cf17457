class Empty:
    pass


class Base(object, metaclass=Meta, **extra):
    """Docstring."""

    attr = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

    @staticmethod
    def sm():
        return None

    class Inner(Base2,):
        pass


class Multi(A, B, *mixins, key=value):
    ...


def f(): return 1
def g(): pass; pass
class H: pass
if x: pass
elif y: pass
else: pass
while x: break
for i in x: continue

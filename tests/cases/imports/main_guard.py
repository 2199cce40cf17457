# __name__ is '__main__' in the script and the module name when imported.
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))

print(__name__, __package__, __spec__)
if __name__ == "__main__":
    print("main guard taken")
import guarded
print(guarded.__name__)
print(sys.modules["__main__"] is sys.modules[__name__])

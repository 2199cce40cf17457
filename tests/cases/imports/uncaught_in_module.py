# An exception raised by an imported module's body is uncaught: the
# traceback runs through the import line.
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
print("before")
import boom
print("not reached")

# SystemExit passes through except Exception handlers.
import sys
def work():
    try:
        sys.exit(4)
    except Exception:
        print("wrong handler")
    except ValueError:
        print("wrong handler")
try:
    work()
finally:
    print("outer finally")

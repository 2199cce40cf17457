try:
    run()
except* ValueError as eg:
    handle(eg)
except* (TypeError, KeyError):
    pass
else:
    done()
finally:
    cleanup()

try:
    run()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise RuntimeError("bad") from e
except Exception:
    raise
except:
    pass

try:
    pass
finally:
    pass

try:
    x = 1
except* Exception:
    pass

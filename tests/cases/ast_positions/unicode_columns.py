# Columns count UTF-8 bytes, as CPython's do.
café = "é"
x = "é" + f"{café}é{ é !r}"
f("é", é=1)

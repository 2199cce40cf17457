for i in x:
    class A:
        continue

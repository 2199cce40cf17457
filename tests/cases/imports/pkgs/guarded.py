print("guarded module body, __name__ =", __name__)
if __name__ == "__main__":
    print("run as a script")
else:
    print("imported")

f(**kw, a)

if x:
	if y:
		pass
	else:
		z = 1

class A:
	def f(self):
		return 1

if a:
  	b = 1
  	if c:
  	    d = 2
  	e = 3

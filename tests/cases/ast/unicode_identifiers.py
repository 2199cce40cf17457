π = 3.14159
café = "coffee"
ﬁle = 1
ℌello = 2
𝔘nicode = 3
ｆｕｌｌ = 4
µ = 5
Ω = 6
名前 = "name"
def φ(α, β=ℌello):
    return α + β
class Ⅻ:
    pass
print(ﬁle, file, 𝔘nicode, Unicode)

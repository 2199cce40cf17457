s1 = 'single'
s2 = "double"
s3 = """triple
double"""
s4 = '''triple
single'''
e1 = "\n\t\r\\\'\"\a\b\f\v\0"
e2 = "\x41\x7e\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\N{LATIN SMALL LETTER E WITH ACUTE}"
e3 = "\101\0\7\77\377"
e4 = "line one\
line two"
e5 = "\d \w invalid escapes kept"
e6 = "\
"
e7 = "\N{EM DASH}\N{em dash}"
r1 = r"\n\t raw \d"
r2 = R'\x41'
r3 = r"""\\"""
r4 = r"\""
b1 = b"bytes \x00\xff\n"
b2 = B'\101'
b3 = br"\x00"
b4 = Rb'raw'
b5 = rb"""trip
le"""
b6 = b"\d"
b7 = b"\777"
u1 = u"unicode prefix"
u2 = U'é'
emoji = "🐍 snake"
surrogate = "\ud800"
cat = "a" 'b' """c""" r'\d'
bcat = b"a" b'b' rb'\c'
multi = ("first "
         "second "
         'third')
empty = ""
empty_b = b""
quote_mix = "it's" 'say "hi"'
control = "\x00\x1f\x7f\x80\x9f\xa0\xad"

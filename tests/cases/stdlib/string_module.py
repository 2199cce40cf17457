# string: constants, capwords, Template with substitution errors and a custom delimiter.
import string
print(repr(string.ascii_letters), repr(string.punctuation), repr(string.whitespace), repr(string.printable[-10:]))
print(len(string.printable), string.hexdigits, string.octdigits)
t = string.Template('$who likes ${what} $$')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
print(t.substitute({'who': 'a', 'what': 'b'}, what='kw wins'))
try: t.substitute(who='x')
except KeyError as e: print('KeyError', e)
for bad in ['$', 'ok\nline $1', '${bad']:
    try: string.Template(bad).substitute()
    except ValueError as e: print('ValueError', e)
print(string.capwords('  hello   world  '), string.capwords('a-b c', '-'))
print(string.Template.delimiter, string.Template('$a ${b} $a').get_identifiers(), string.Template('$a $').is_valid(), string.Template('$a').is_valid())
class Pct(string.Template):
    delimiter = '%'
print(Pct('%x and %%').substitute(x=1), string.Template('$x$y').safe_substitute(y=2))
print(string.Template('${x}y').substitute(x=5))
print(string.Template('$a ${b} $$ $c').safe_substitute(a=1))

print('file with a byte order mark')
x = 'é'

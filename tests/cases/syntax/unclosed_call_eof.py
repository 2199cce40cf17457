print('a',
      'b'
"""The codec functions pickles name: `_codecs.encode` rebuilds bytes pickled
with protocols 0 to 2."""


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode the str `obj` with `encoding`."""
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode the bytes `obj` with `encoding`."""
    return obj.decode(encoding, errors)

from . import one
from .one import ONE

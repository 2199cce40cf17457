from .one import ONE
from . import one as one_again
TWO = ONE + 1

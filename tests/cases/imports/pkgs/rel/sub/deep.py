from .. import one
from ..two import TWO
from ...rel import one as same_one
THREE = TWO + one.ONE

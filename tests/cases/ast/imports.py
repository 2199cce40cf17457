import os
import os.path
import os.path as osp, sys
from os import path
from os import path as p, sep
from os import (path,
                sep,)
from . import sibling
from .. import parent
from .module import name
from ...pkg.sub import thing as other
from .... import deep
from . mod import x
from __future__ import annotations

import sys
LOADS = getattr(sys, "_gilt_test_loads", 0) + 1
sys._gilt_test_loads = LOADS

print("circ_b starts")
import circ_a
B = "b"
print("circ_b sees circ_a partially:", hasattr(circ_a, "A"))

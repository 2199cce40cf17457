print("boom starts")
STATE = "partial"
raise ValueError("boom failed while importing")

KIND = "solid"

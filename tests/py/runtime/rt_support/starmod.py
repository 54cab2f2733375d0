__all__ = ["pub_a", "pub_b"]
pub_a = 1
pub_b = 2
pub_c = 3

import unittest


class NotCollected(unittest.TestCase):
    def test_never(self):
        raise AssertionError("discovery should not load this module")

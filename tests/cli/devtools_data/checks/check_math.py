import unittest


class MathChecks(unittest.TestCase):
    def test_add(self):
        self.assertEqual(2 + 2, 4)

    def test_mul(self):
        self.assertEqual(2 * 3, 6)

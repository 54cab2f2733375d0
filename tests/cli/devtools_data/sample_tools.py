"""A small module to try Krait's developer tools on:

    krait -m unittest -v sample_tools            (run from this folder)
    krait -m timeit -s 'from sample_tools import fib' 'fib(15)'
    krait -m cProfile -s tottime sample_tools.py
    krait -m pdb sample_tools.py
    krait -m dis sample_tools.py
"""

import unittest


def fib(n):
    """The n-th Fibonacci number, computed the slow recursive way."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Inventory:
    """Counts items by name."""

    def __init__(self):
        self.counts = {}

    def add(self, name, quantity=1):
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        self.counts[name] = self.counts.get(name, 0) + quantity
        return self.counts[name]

    def total(self):
        return sum(self.counts.values())


class SampleTests(unittest.TestCase):
    def setUp(self):
        self.inv = Inventory()

    def test_fib(self):
        self.assertEqual([fib(i) for i in range(8)], [0, 1, 1, 2, 3, 5, 8, 13])

    def test_inventory_add(self):
        self.inv.add("apple", 3)
        self.assertEqual(self.inv.add("apple"), 4)
        self.assertEqual(self.inv.total(), 4)

    def test_inventory_rejects_zero(self):
        with self.assertRaisesRegex(ValueError, "positive"):
            self.inv.add("pear", 0)


def main():
    inv = Inventory()
    for name in ("apple", "pear", "apple"):
        inv.add(name)
    print("fib(20) =", fib(20))
    print("inventory:", inv.counts, "total", inv.total())


if __name__ == "__main__":
    main()

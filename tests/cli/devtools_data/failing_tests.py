import unittest


class Failing(unittest.TestCase):
    def test_ok(self):
        self.assertTrue(True)

    def test_dict(self):
        self.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_error(self):
        [][3]

    @unittest.skip("not today")
    def test_skip(self):
        pass

    def test_print(self):
        print("captured text")
        self.assertIn("z", "abc")


if __name__ == "__main__":
    unittest.main()

# unittest: full TextTestRunner output at verbosity 0/1/2 (tracebacks, separators, summary), failfast, buffer, cleanups, class/module fixtures
import io
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    text = text.replace(HERE + os.sep, "")
    return re.sub(r"in \d+\.\d+s", "in <time>", text)


log = []


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")
        cls.addClassCleanup(log.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp")
        self.addCleanup(log.append, "cleanup")

    def tearDown(self):
        log.append("tearDown")

    def test_pass(self):
        """A passing test with a docstring.

        More text that is not shown."""
        log.append("test_pass")

    def test_fail(self):
        x = [1, 2]
        self.assertEqual(x, [1, 3], "lists")

    def test_error(self):
        raise KeyError("k")

    def test_nested_subtests(self):
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                self.assertTrue(False)
        with self.subTest():
            raise ValueError("inside")

    def test_print(self):
        print("printed output")
        sys.stderr.write("stderr output\n")
        self.fail("with output")

    @unittest.expectedFailure
    def test_expected(self):
        1 / 0

    @unittest.expectedFailure
    def test_unexpected(self):
        pass

    def test_cleanup_error(self):
        self.addCleanup(lambda: 1 / 0)

    def test_setup_context(self):
        class CM:
            def __enter__(self):
                log.append("enter")
                return 42

            def __exit__(self, *a):
                log.append("exit")
        self.assertEqual(self.enterContext(CM()), 42)


class BrokenSetUp(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("setUp failed")

    def test_never(self):
        log.append("never")


class BrokenClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("class skipped in setUpClass")

    def test_a(self):
        pass


def run(verbosity, **kw):
    log.clear()
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for cls in (Fixtures, BrokenSetUp, BrokenClass):
        suite.addTest(loader.loadTestsFromTestCase(cls))
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kw).run(suite)
    print(f"===== verbosity={verbosity} {kw}")
    print(clean(stream.getvalue()), end="")
    print("result:", result)
    print("log:", log)


run(0)
run(1)
run(2)
run(1, failfast=True)
saved = sys.stdout, sys.stderr
capture = io.StringIO()
sys.stdout = sys.stderr = capture
try:
    run(2, buffer=True)
finally:
    sys.stdout, sys.stderr = saved
print(clean(capture.getvalue()), end="")

# an empty suite, a single test case, FunctionTestCase and results without a runner
stream = io.StringIO()
unittest.TextTestRunner(stream=stream).run(unittest.TestSuite())
print(clean(stream.getvalue()), end="")


def check_func():
    "function test doc"
    assert 2 + 2 == 4


ftc = unittest.FunctionTestCase(check_func)
print(ftc, repr(ftc)[:40], ftc.id(), ftc.shortDescription(), ftc.countTestCases())
res = unittest.TestResult()
ftc.run(res)
print(res, res.wasSuccessful())
t = Fixtures("test_pass")
print(t, repr(t), t.id(), t.shortDescription())
print(t == Fixtures("test_pass"), t == Fixtures("test_fail"), hash(t) == hash(Fixtures("test_pass")))
r = t.run()
print(type(r).__name__, r.testsRun, r.wasSuccessful())
try:
    Fixtures("no_such")
except ValueError as e:
    print("ValueError:", e)
suite = unittest.TestSuite([Fixtures("test_pass"), unittest.TestSuite([Fixtures("test_fail")])])
print(suite.countTestCases(), repr(suite))
for bad in ("abc", 5, Fixtures):
    try:
        if isinstance(bad, str):
            suite.addTests(bad)
        else:
            suite.addTest(bad)
    except TypeError as e:
        print("TypeError:", e)
Fixtures("test_pass").debug()
try:
    Fixtures("test_error").debug()
except KeyError as e:
    print("debug raised KeyError", e)

# unittest: TestLoader names/modules/discovery (packages, patterns, load_tests, import errors), -k patterns, unittest.main with argv
import io
import os
import re
import sys
import tempfile
import textwrap
import unittest


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(textwrap.dedent(text))


def ids(suite):
    out = []
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            out.extend(ids(t))
        else:
            out.append(t.id())
    return out


def run_quiet(suite):
    stream = io.StringIO()
    res = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    lines = [l for l in stream.getvalue().splitlines() if " ... " in l or l.startswith(("ERROR:", "FAIL:", "ImportError", "ModuleNotFoundError", "AttributeError"))]
    return res, lines


with tempfile.TemporaryDirectory() as top:
    write(os.path.join(top, "test_alpha.py"), """
        import unittest
        class AlphaTests(unittest.TestCase):
            def test_one(self): pass
            def test_two(self): self.assertEqual(2, 2)
            def helper(self): pass
        class NotATest:
            def test_x(self): pass
    """)
    write(os.path.join(top, "beta_check.py"), """
        import unittest
        class BetaTests(unittest.TestCase):
            def test_beta(self): pass
    """)
    write(os.path.join(top, "pkg", "__init__.py"), "")
    write(os.path.join(top, "pkg", "test_inner.py"), """
        import unittest
        class InnerTests(unittest.TestCase):
            def test_inner(self): pass
            def test_other(self): pass
    """)
    write(os.path.join(top, "pkg", "sub", "__init__.py"), "")
    write(os.path.join(top, "pkg", "sub", "test_deep.py"), """
        import unittest
        class DeepTests(unittest.TestCase):
            def test_deep(self): pass
    """)
    write(os.path.join(top, "notpkg", "test_hidden.py"), """
        import unittest
        class HiddenTests(unittest.TestCase):
            def test_hidden(self): pass
    """)
    write(os.path.join(top, "test_broken.py"), """
        import unittest
        import no_such_module_anywhere
    """)
    write(os.path.join(top, "lt", "__init__.py"), """
        import unittest
        def load_tests(loader, standard_tests, pattern):
            class Custom(unittest.TestCase):
                def test_custom(self): pass
            standard_tests.addTests(loader.loadTestsFromTestCase(Custom))
            return standard_tests
    """)
    write(os.path.join(top, "lt", "test_ignored.py"), """
        import unittest
        class Ignored(unittest.TestCase):
            def test_ignored(self): pass
    """)
    write(os.path.join(top, "test_skipmod.py"), """
        import unittest
        raise unittest.SkipTest("module not wanted")
    """)

    loader = unittest.TestLoader()
    suite = loader.discover(top)
    print("discovered:", ids(suite))
    print("errors:", len(loader.errors), [e.splitlines()[0] for e in loader.errors])
    res, lines = run_quiet(suite)
    for line in lines:
        print(" ", line)
    print("run:", res.testsRun, "errors:", len(res.errors), "skipped:", len(res.skipped))

    loader = unittest.TestLoader()
    print("pattern *_check.py:", ids(loader.discover(top, pattern="*_check.py")))
    loader = unittest.TestLoader()
    print("start pkg:", ids(loader.discover(os.path.join(top, "pkg"), top_level_dir=top)))
    try:
        unittest.TestLoader().discover(os.path.join(top, "notpkg"), top_level_dir=top)
    except ImportError as e:
        print("ImportError:", str(e).replace(top, "<top>"))

    sys.path.insert(0, top)
    loader = unittest.TestLoader()
    print("name module:", ids(loader.loadTestsFromName("test_alpha")))
    print("name class:", ids(loader.loadTestsFromName("test_alpha.AlphaTests")))
    print("name method:", ids(loader.loadTestsFromName("test_alpha.AlphaTests.test_two")))
    print("name pkg mod:", ids(loader.loadTestsFromName("pkg.sub.test_deep.DeepTests")))
    print("names:", ids(loader.loadTestsFromNames(["test_alpha.AlphaTests.test_one", "beta_check"])))
    import test_alpha
    print("relative:", ids(loader.loadTestsFromName("AlphaTests.test_one", test_alpha)))
    print("module:", ids(loader.loadTestsFromModule(test_alpha)))
    print("case names:", loader.getTestCaseNames(test_alpha.AlphaTests))
    bad = loader.loadTestsFromName("test_alpha.Missing")
    print("missing attr:", ids(bad), loader.errors[-1].splitlines()[0])
    bad = loader.loadTestsFromName("nowhere_module")
    print("missing module:", ids(bad), loader.errors[-1].splitlines()[0])
    try:
        loader.loadTestsFromName("test_alpha.NotATest")
    except TypeError as e:
        print("TypeError:", re.sub(r" at 0x[0-9a-f]+", "", str(e)))
    print("TestCase itself:", loader.loadTestsFromTestCase(unittest.TestCase).countTestCases())
    try:
        loader.loadTestsFromTestCase(unittest.TestSuite)
    except TypeError as e:
        print("TypeError:", e)

    k = unittest.TestLoader()
    k.testNamePatterns = ["*two*"]
    print("-k two:", ids(k.loadTestsFromModule(test_alpha)))
    k.testMethodPrefix = "help"
    k.testNamePatterns = None
    print("prefix help:", ids(k.loadTestsFromModule(test_alpha)))
    k = unittest.TestLoader()
    k.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
    print("reverse sort:", k.getTestCaseNames(test_alpha.AlphaTests))

    for argv in (["prog"], ["prog", "-q"], ["prog", "AlphaTests.test_two"], ["prog", "-k", "one"]):
        stream = io.StringIO()
        runner = unittest.TextTestRunner(stream=stream, verbosity=2)
        prog = unittest.main(module=test_alpha, argv=argv, exit=False, testRunner=runner)
        print(argv, "->", prog.result.testsRun, prog.result.wasSuccessful(), [l for l in stream.getvalue().splitlines() if "..." in l])
    try:
        unittest.main(module=test_alpha, argv=["prog", "-q"], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
    except SystemExit as e:
        print("exit code:", e.code)
    try:
        unittest.main(module=test_alpha, argv=["prog", "-k", "nomatch"], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
    except SystemExit as e:
        print("exit code no tests:", e.code)
    sys.path.remove(top)
    for name in [m for m in sys.modules if m.startswith(("test_alpha", "beta_check", "pkg", "lt", "test_skipmod"))]:
        del sys.modules[name]

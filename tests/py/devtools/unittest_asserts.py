# unittest: failure messages of every assert* method (long messages, maxDiff truncation, diffs of lists/dicts/strings/sets)
import logging
import unittest
import warnings

tc = unittest.TestCase()


def show(label, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except AssertionError as e:
        print(f"[{label}] AssertionError: {e}")
    except Exception as e:
        print(f"[{label}] {type(e).__name__}: {e}")
    else:
        print(f"[{label}] passed")


show("eq", tc.assertEqual, 1, 2)
show("eq msg", tc.assertEqual, 1, 2, "custom")
show("ne", tc.assertNotEqual, 3, 3)
show("true", tc.assertTrue, [])
show("false", tc.assertFalse, [1], msg="why")
show("is", tc.assertIs, 1, None)
show("isnot", tc.assertIsNot, None, None)
show("isnone", tc.assertIsNone, "x")
show("isnotnone", tc.assertIsNotNone, None)
show("in", tc.assertIn, 5, [1, 2])
show("notin", tc.assertNotIn, 1, [1, 2])
show("isinstance", tc.assertIsInstance, 1, str)
show("notisinstance", tc.assertNotIsInstance, 1, int)
show("less", tc.assertLess, 3, 2)
show("lesseq", tc.assertLessEqual, 3, 2)
show("greater", tc.assertGreater, 1, 2)
show("greatereq", tc.assertGreaterEqual, 1, 2)
show("almost", tc.assertAlmostEqual, 1.0, 1.5, places=2)
show("almost delta", tc.assertAlmostEqual, 1.0, 1.5, delta=0.1)
show("almost both", tc.assertAlmostEqual, 1.0, 1.5, places=1, delta=0.1)
show("notalmost", tc.assertNotAlmostEqual, 1.0, 1.0000001)
show("notalmost delta", tc.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
show("regex", tc.assertRegex, "hello", r"\d+")
show("notregex", tc.assertNotRegex, "abc123", r"\d+")
show("regex ok", tc.assertRegex, "a1", "[0-9]")
show("count", tc.assertCountEqual, [1, [2]], [[2], 3])
show("count hashable", tc.assertCountEqual, "aab", "abb")
show("list", tc.assertListEqual, [1, 2], [1, 2, 3])
show("list longer", tc.assertListEqual, [1, 2, 3, 4], [1, 2])
show("list type", tc.assertListEqual, (1,), [1])
show("tuple", tc.assertTupleEqual, (1, "a"), (1, "b"))
show("seq", tc.assertSequenceEqual, [1, 2], (1, 2))
show("seq diff", tc.assertSequenceEqual, "abc", "abd")
show("seq nolen", tc.assertSequenceEqual, 5, [1])
show("set", tc.assertSetEqual, {1, 2}, {2, 3})
show("set bad", tc.assertSetEqual, {1}, 5)
show("dict", tc.assertDictEqual, {"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": 0})
show("dict type", tc.assertDictEqual, [], {})
show("multiline", tc.assertMultiLineEqual, "one\ntwo\nthree", "one\n2\nthree")
show("multiline nl", tc.assertMultiLineEqual, "abc", "abc\n")
show("multiline type", tc.assertMultiLineEqual, b"x", "x")
show("fail", tc.fail, "explicit")
show("fail none", tc.fail)
show("long repr", tc.assertEqual, "x" * 100 + "a", "x" * 100 + "b")
show("long repr2", tc.assertEqual, "y" * 30 + "a" * 100, "y" * 30 + "b" * 100)
show("long list", tc.assertEqual, list(range(100)), list(range(1, 101)))
tc.maxDiff = None
show("long list full", tc.assertEqual, list(range(30)), list(range(1, 31)))
tc.longMessage = False
show("short msg", tc.assertEqual, 1, 2, "only this")
show("short msg none", tc.assertEqual, 1, 2)
tc.longMessage = True

# assertRaises family
show("raises none", tc.assertRaises, KeyError, lambda: None)
show("raises ctx", lambda: tc.assertRaises(KeyError).__exit__(None, None, None))
show("raises other", tc.assertRaises, KeyError, int, "x")
show("raises bad type", tc.assertRaises, 5, int)
show("raises kw", lambda: tc.assertRaises(KeyError, foo=1))
with tc.assertRaises(ValueError) as cm:
    int("zz")
print("caught:", type(cm.exception).__name__, cm.exception)
with tc.assertRaises((KeyError, IndexError)):
    [][1]
show("raisesregex", tc.assertRaisesRegex, ValueError, "^abc", int, "zz")
with tc.assertRaisesRegex(ValueError, "invalid literal"):
    int("zz")
try:
    with tc.assertRaises(KeyError, msg="extra"):
        pass
except AssertionError as e:
    print("raises msg:", e)


def warn_it(text, category=UserWarning):
    warnings.warn(text, category)


with tc.assertWarns(UserWarning) as wcm:
    warn_it("careful")
print("warning:", wcm.warning, type(wcm.warning).__name__, wcm.lineno > 0)
show("warns none", tc.assertWarns, UserWarning, lambda: None)
show("warns regex", tc.assertWarnsRegex, UserWarning, "xyz", warn_it, "careful")
show("warns ok", tc.assertWarnsRegex, DeprecationWarning, "old", warn_it, "old api", DeprecationWarning)
show("warns bad type", tc.assertWarns, ValueError, warn_it)

# assertLogs / assertNoLogs
with tc.assertLogs("app", level="INFO") as lcm:
    logging.getLogger("app").info("first")
    logging.getLogger("app.sub").warning("second %d", 2)
    logging.getLogger("app").debug("hidden")
print("logs:", lcm.output)
print("records:", [r.getMessage() for r in lcm.records])
with tc.assertLogs() as lcm:
    logging.getLogger().error("root message")
print("root logs:", lcm.output)


def no_logs():
    with tc.assertLogs("quiet"):
        pass


show("logs none", no_logs)


def unexpected_logs():
    with tc.assertNoLogs("noisy"):
        logging.getLogger("noisy").warning("boom")


show("nologs", unexpected_logs)
with tc.assertNoLogs("calm", level="ERROR"):
    logging.getLogger("calm").warning("below level")
print("nologs passed")

# type-specific equality hooks
class Pt:
    def __init__(self, x):
        self.x = x


def pt_equal(a, b, msg=None):
    if a.x != b.x:
        raise tc.failureException(msg or f"points differ: {a.x} vs {b.x}")


tc.addTypeEqualityFunc(Pt, pt_equal)
show("custom eq", tc.assertEqual, Pt(1), Pt(2))
show("skip", tc.skipTest, "reason here")

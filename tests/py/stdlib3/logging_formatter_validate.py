# Checks logging Formatter style validation (%, {, $) messages and the style classes' validation patterns against CPython.
import logging
for style, fmts in (("%", ["%(message)s", "%(message)d", "no fields", "%(a)-5s %(b)r", "%(x", "%%(y)s"]),
                    ("{", ["{message}", "{message!r:>10}", "{}", "{0}", "{a.b[c]}", "{message!z}", "{message:%}", "{a:{b}}", "plain", "{", "{a=}"]),
                    ("$", ["$message", "${message}", "$$", "plain", "$1", "${a b}"])):
    for f in fmts:
        try:
            logging.Formatter(f, style=style)
            print(style, repr(f), "ok")
        except ValueError as e:
            print(style, repr(f), "ValueError", e)
try:
    logging.Formatter("x", style="?")
except ValueError as e:
    print(e)
print(logging.Formatter("{message} {x}", style="{", defaults={"x": 1}).format(logging.makeLogRecord({"msg": "m"})))
print(logging.PercentStyle.validation_pattern.pattern, logging.StrFormatStyle.fmt_spec.pattern, logging.StrFormatStyle.field_spec.pattern, logging.StringTemplateStyle.validation_pattern.pattern)
print(type(logging._str_formatter).__name__, logging.Template)

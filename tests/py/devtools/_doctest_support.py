# Shared by the doctest_* tests (not a test itself: it has no .exp file).


def drop_machinery_frames(text, keep=('<doctest',)):
    """Drop the traceback frames (and their source lines) of the doctest machinery:
    their file names and line numbers are implementation details. Frames whose line
    contains one of `keep` stay."""
    out = []
    skip_indent = None
    for line in text.split('\n'):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if stripped.startswith('File "') and indent > 0:
            if any(k in stripped for k in keep):
                skip_indent = None
            else:
                skip_indent = indent
                continue
        elif skip_indent is not None and indent > skip_indent:
            continue
        else:
            skip_indent = None
        out.append(line)
    return '\n'.join(out)

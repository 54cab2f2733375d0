"""The XPath subset of ElementTree's find(), findall(), iterfind() and findtext():
tag, *, ., .., //, {uri}tag, {*}tag, prefix:tag, and the predicates [@a], [@a='v'],
[@a!='v'], [tag], [tag='text'], [tag!='text'], [.='text'], [.!='text'], [n],
[last()] and [last()-n]. A path compiles once to a chain of selector functions, each
mapping an iterator of (context) elements to the next set."""

import re

_token_re = re.compile(
    r"('[^']*'|\"[^\"]*\"|"      # quoted string
    r"::|//?|\.\.|\(\)|!=|"      # multi-character operators
    r"[/.*:\[\]\(\)@=])|"         # single-character operators
    r"((?:\{[^}]+\})?[^/\[\]\(\)@!=\s]+)|"   # a name, maybe with {uri}
    r"\s+")


def xpath_tokenizer(pattern, namespaces=None):
    """Yield (operator, name) pairs; prefixes are expanded through `namespaces`, and an
    unprefixed name takes the default namespace (key '') when one is given."""
    default_namespace = namespaces.get('') if namespaces else None
    parsing_attribute = False
    for token in _token_re.findall(pattern):
        ttype, tag = token
        if tag and tag[0] != "{":
            if ":" in tag:
                prefix, uri = tag.split(":", 1)
                try:
                    if not namespaces:
                        raise KeyError
                    yield ttype, "{%s}%s" % (namespaces[prefix], uri)
                except KeyError:
                    raise SyntaxError("prefix %r not found in prefix map" % prefix) from None
            elif default_namespace and not parsing_attribute:
                yield ttype, "{%s}%s" % (default_namespace, tag)
            else:
                yield token
            parsing_attribute = False
        else:
            yield token
            parsing_attribute = ttype == "@"


def get_parent_map(context):
    parent_map = context.parent_map
    if parent_map is None:
        context.parent_map = parent_map = {}
        for p in context.root.iter():
            for e in p:
                parent_map[e] = p
    return parent_map


def _is_wildcard_tag(tag):
    return tag[:3] == '{*}' or tag[-2:] == '}*'


def _prepare_tag(tag):
    """A predicate on element tags for a name that contains wildcards."""
    if tag == '{*}*':
        def select(tag_):
            return isinstance(tag_, str)
    elif tag == '{}*':
        def select(tag_):
            return isinstance(tag_, str) and tag_[0] != '{'
    elif tag[:3] == '{*}':
        local = tag[3:]
        no_ns = local
        suffix = '}' + local

        def select(tag_):
            return isinstance(tag_, str) and (tag_ == no_ns or tag_.endswith(suffix))
    elif tag[-2:] == '}*':
        ns = tag[:-1]

        def select(tag_):
            return isinstance(tag_, str) and tag_.startswith(ns)
    else:
        raise RuntimeError(f"internal parser error, got {tag}")
    return select


def prepare_child(next, token):
    tag = token[1]
    if _is_wildcard_tag(tag):
        match = _prepare_tag(tag)

        def select(context, result):
            for elem in result:
                for e in elem:
                    if match(e.tag):
                        yield e
    else:
        if tag[:2] == '{}':
            tag = tag[2:]  # "{}tag" is "tag" in no namespace
        def select(context, result):
            for elem in result:
                for e in elem:
                    if e.tag == tag:
                        yield e
    return select


def prepare_star(next, token):
    def select(context, result):
        for elem in result:
            yield from elem
    return select


def prepare_self(next, token):
    def select(context, result):
        yield from result
    return select


def prepare_descendant(next, token):
    try:
        token = next()
    except StopIteration:
        return
    if token[0] == "*":
        tag = "*"
    elif not token[0]:
        tag = token[1]
    else:
        raise SyntaxError("invalid descendant")

    if _is_wildcard_tag(tag):
        match = _prepare_tag(tag)

        def select(context, result):
            for elem in result:
                for e in elem.iter():
                    if e is not elem and match(e.tag):
                        yield e
    else:
        if tag[:2] == '{}':
            tag = tag[2:]
        def select(context, result):
            for elem in result:
                for e in elem.iter(tag):
                    if e is not elem:
                        yield e
    return select


def prepare_parent(next, token):
    def select(context, result):
        parent_map = get_parent_map(context)
        seen = {}
        for elem in result:
            if elem in parent_map:
                parent = parent_map[elem]
                if parent not in seen:
                    seen[parent] = None
                    yield parent
    return select


def prepare_predicate(next, token):
    # Collect the predicate's tokens as a signature string ("@-='" etc.) plus values.
    signature = []
    predicate = []
    while True:
        try:
            token = next()
        except StopIteration:
            return
        if token[0] == "]":
            break
        if token == ('', ''):
            continue
        if token[0] and token[0][:1] in "'\"":
            token = "'", token[0][1:-1]
        signature.append(token[0] or "-")
        predicate.append(token[1])
    signature = "".join(signature)

    if signature == "@-":
        key = predicate[1]

        def select(context, result):
            for elem in result:
                if elem.get(key) is not None:
                    yield elem
        return select
    if signature == "@-='" or signature == "@-!='":
        key = predicate[1]
        value = predicate[-1]

        def select(context, result):
            for elem in result:
                if elem.get(key) == value:
                    yield elem

        def select_negated(context, result):
            for elem in result:
                if (attr_value := elem.get(key)) is not None and attr_value != value:
                    yield elem
        return select_negated if '!=' in signature else select
    if signature == "-" and not re.match(r"\-?\d+$", predicate[0]):
        tag = predicate[0]

        def select(context, result):
            for elem in result:
                if elem.find(tag) is not None:
                    yield elem
        return select
    if signature == ".='" or signature == ".!='" or (
            (signature == "-='" or signature == "-!='")
            and not re.match(r"\-?\d+$", predicate[0])):
        tag = predicate[0]
        value = predicate[-1]
        if tag:
            def select(context, result):
                for elem in result:
                    for e in elem.findall(tag):
                        if "".join(e.itertext()) == value:
                            yield elem
                            break

            def select_negated(context, result):
                for elem in result:
                    for e in elem.iterfind(tag):
                        if "".join(e.itertext()) != value:
                            yield elem
                            break
        else:
            def select(context, result):
                for elem in result:
                    if "".join(elem.itertext()) == value:
                        yield elem

            def select_negated(context, result):
                for elem in result:
                    if "".join(elem.itertext()) != value:
                        yield elem
        return select_negated if '!=' in signature else select
    if signature == "-" or signature == "-()" or signature == "-()-":
        if signature == "-":
            index = int(predicate[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if predicate[0] != "last":
                raise SyntaxError("unsupported function")
            if signature == "-()-":
                try:
                    index = int(predicate[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression")
                if index > -2:
                    raise SyntaxError("XPath offset from last() must be negative")
            else:
                index = -1

        def select(context, result):
            parent_map = get_parent_map(context)
            for elem in result:
                try:
                    parent = parent_map[elem]
                    elems = list(parent.findall(elem.tag))
                    if elems[index] is elem:
                        yield elem
                except (IndexError, KeyError):
                    pass
        return select
    raise SyntaxError("invalid predicate")


ops = {
    "": prepare_child,
    "*": prepare_star,
    ".": prepare_self,
    "..": prepare_parent,
    "//": prepare_descendant,
    "[": prepare_predicate,
}

_cache = {}


class _SelectorContext:
    parent_map = None

    def __init__(self, root):
        self.root = root


def _compile(path, namespaces):
    cache_key = (path,)
    if namespaces:
        cache_key += tuple(sorted(namespaces.items()))
    try:
        return _cache[cache_key]
    except KeyError:
        pass
    if len(_cache) > 100:
        _cache.clear()
    if path[-1:] == "/":
        path = path + "*"   # a trailing slash selects all children
    tokens = iter(xpath_tokenizer(path, namespaces))
    next_token = tokens.__next__
    try:
        token = next_token()
    except StopIteration:
        return []
    selector = []
    while True:
        try:
            selector.append(ops[token[0]](next_token, token))
        except (StopIteration, KeyError):
            raise SyntaxError("invalid path") from None
        try:
            token = next_token()
            if token[0] == "/":
                token = next_token()
        except StopIteration:
            break
    _cache[cache_key] = selector
    return selector


def iterfind(elem, path, namespaces=None):
    if path[:1] == "/":
        raise SyntaxError("cannot use absolute path on element")
    selector = _compile(path, namespaces)
    result = [elem]
    context = _SelectorContext(elem)
    for select in selector:
        result = select(context, result)
    return result


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    try:
        elem = next(iterfind(elem, path, namespaces))
        if elem.text is None:
            return ""
        return elem.text
    except StopIteration:
        return default

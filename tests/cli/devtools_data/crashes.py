def inner(mapping):
    return mapping["missing"]


def outer():
    table = {"present": 1}
    return inner(table)


outer()

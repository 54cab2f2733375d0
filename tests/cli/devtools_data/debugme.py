def scale(values, factor):
    result = []
    for v in values:
        result.append(v * factor)
    return result


def main():
    data = [1, 2, 3]
    out = scale(data, 10)
    print("scaled", out)
    return len(out)


main()

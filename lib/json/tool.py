"""Validate and pretty-print JSON from the command line:

    krait -m json.tool [--sort-keys] [--indent N | --tab | --no-indent | --compact]
                       [--no-ensure-ascii] [--json-lines] [infile] [outfile]

Reads infile (standard input when absent or '-'), writes every JSON value it holds to
outfile (standard output when absent), one per line. Invalid JSON exits with status 1
and the decoder's message.
"""
import argparse
import json
import sys


def _parser():
    p = argparse.ArgumentParser(
        prog='python -m json.tool',
        description='Check that JSON input is valid and print it formatted.')
    p.add_argument('infile', nargs='?', default='-',
                   help='the JSON file to read (default: standard input)')
    p.add_argument('outfile', nargs='?', default=None,
                   help='where to write the result (default: standard output)')
    p.add_argument('--sort-keys', action='store_true',
                   help='print the keys of objects in sorted order')
    p.add_argument('--no-ensure-ascii', dest='ensure_ascii', action='store_false',
                   help='write non-ASCII characters as they are, not as escapes')
    p.add_argument('--json-lines', action='store_true',
                   help='read one JSON value per input line (JSON Lines); '
                        'combine with --no-indent or --compact for JSON Lines output')
    layout = p.add_mutually_exclusive_group()
    layout.add_argument('--indent', default=4, type=int,
                        help='indent nested values by this many spaces (default 4)')
    layout.add_argument('--tab', action='store_const', dest='indent', const='\t',
                        help='indent nested values with tabs')
    layout.add_argument('--no-indent', action='store_const', dest='indent', const=None,
                        help='keep each value on one line, items separated by spaces')
    layout.add_argument('--compact', action='store_true',
                        help='keep each value on one line without any spaces')
    return p


def main():
    options = _parser().parse_args()
    dump_args = {'sort_keys': options.sort_keys, 'indent': options.indent,
                 'ensure_ascii': options.ensure_ascii}
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'
    try:
        if options.infile == '-':
            infile = sys.stdin
        else:
            infile = open(options.infile, encoding='utf-8')
        try:
            if options.json_lines:
                values = [json.loads(line) for line in infile]
            else:
                values = [json.load(infile)]
        finally:
            if infile is not sys.stdin:
                infile.close()
        # The output opens only once the input is read, so infile may be outfile.
        if options.outfile is None:
            out = sys.stdout
        else:
            out = open(options.outfile, 'w', encoding='utf-8')
        with out:
            for value in values:
                json.dump(value, out, **dump_args)
                out.write('\n')
    except ValueError as e:
        raise SystemExit(e)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)

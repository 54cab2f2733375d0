#!/usr/bin/env python3
"""Generate src/objects/unicodetype_db.h and src/objects/unicodename_db.h from the Unicode
Character Database text files (Debian's unicode-data package: /usr/share/unicode).

Usage: tools/gen_unicode_tables.py [UCD_DIR]

Everything is parsed from the text files; the unicodedata module is deliberately not used.
CPython 3.13 implements Unicode 15.1.0. When the installed database is 15.0.0 the handful
of 15.1 additions are applied from the FIXUPS_15_1 list below (taken from the 15.1 release
notes) so that the generated tables describe 15.1.0.
"""
import bz2
import os
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "objects")
MAXCP = 0x110000
TARGET_VERSION = "15.1.0"

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
              "Cc", "Cf", "Cs", "Co", "Cn", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
              "Po", "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
        "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
DECOMP_PREFIX = ["", "<noBreak>", "<compat>", "<super>", "<fraction>", "<sub>", "<font>",
                 "<circle>", "<wide>", "<vertical>", "<square>", "<isolated>", "<final>",
                 "<initial>", "<medial>", "<small>", "<narrow>"]

F_ALPHA, F_DECIMAL, F_DIGIT, F_NUMERIC = 0x01, 0x02, 0x04, 0x08
F_LOWER, F_UPPER, F_TITLE, F_SPACE = 0x10, 0x20, 0x40, 0x80
F_LINEBREAK, F_PRINTABLE, F_XID_START, F_XID_CONTINUE = 0x100, 0x200, 0x400, 0x800
F_CASED, F_CASE_IGNORABLE, F_MIRRORED = 0x1000, 0x2000, 0x4000

# Unicode 15.1.0 additions relative to 15.0.0: (first, last, name or name prefix,
# category, bidi, east asian width).
FIXUPS_15_1 = [
    (0x2FFC, 0x2FFC, "IDEOGRAPHIC DESCRIPTION CHARACTER SURROUND FROM RIGHT", "So", "ON", "W"),
    (0x2FFD, 0x2FFD, "IDEOGRAPHIC DESCRIPTION CHARACTER SURROUND FROM LOWER RIGHT", "So", "ON", "W"),
    (0x2FFE, 0x2FFE, "IDEOGRAPHIC DESCRIPTION CHARACTER HORIZONTAL REFLECTION", "So", "ON", "W"),
    (0x2FFF, 0x2FFF, "IDEOGRAPHIC DESCRIPTION CHARACTER ROTATION", "So", "ON", "W"),
    (0x31EF, 0x31EF, "IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION", "So", "ON", "W"),
    (0x2EBF0, 0x2EE5D, "<CJK Ideograph Extension I>", "Lo", "L", "W"),
]
# 15.1 added these to ID_Continue/XID_Continue.
XID_CONTINUE_15_1 = [0x200C, 0x200D, 0x30FB, 0xFF65]
# Unihan 15.1 numeric values (kPrimaryNumeric/kOtherNumeric/kAccountingNumeric) that were
# added or changed relative to 15.0.
UNIHAN_NUMERIC_15_1 = {
    0x4E24: "2", 0x4EAC: "10000000000000000", 0x4FE9: "2", 0x5006: "2", 0x5146: "1000000",
    0x62D0: "7", 0x6D1E: "0", 0x7695: "200", 0x79ED: "1000000000", 0x920E: "9", 0x94A9: "9",
}


def ranges_file(name):
    """Yield (first, last, fields) for each data line of a UCD property file."""
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            cps = fields[0]
            if ".." in cps:
                a, b = cps.split("..")
                yield int(a, 16), int(b, 16), fields[1:]
            else:
                c = int(cps, 16)
                yield c, c, fields[1:]


class Char:
    __slots__ = ("cat", "comb", "bidi", "decomp", "dec", "dig", "num", "mirrored",
                 "upper", "lower", "title", "name", "eaw", "props", "special", "fold")

    def __init__(self):
        self.cat = "Cn"
        self.comb = 0
        self.bidi = ""
        self.decomp = ""
        self.dec = ""
        self.dig = ""
        self.num = ""
        self.mirrored = False
        self.upper = self.lower = self.title = None
        self.name = None
        self.eaw = None
        self.props = set()
        self.special = None
        self.fold = None


def load():
    chars = [None] * MAXCP
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split(";") for line in f if line.strip()]
    first_of_range = None
    for r in rows:
        cp = int(r[0], 16)
        name = r[1]
        if name.endswith(", First>"):
            first_of_range = (cp, r)
            continue
        if name.endswith(", Last>"):
            start, r0 = first_of_range
            rng_name = r0[1][1:-len(", First>")]
            for c in range(start, cp + 1):
                chars[c] = make_char(r0, "<%s>" % rng_name)
            continue
        chars[cp] = make_char(r, name)
    for a, b, name, cat, bidi, eaw in FIXUPS_15_1:
        for c in range(a, b + 1):
            if chars[c] is None:
                ch = Char()
                ch.cat, ch.bidi, ch.eaw = cat, bidi, eaw
                ch.name = name
                if cat == "Lo":
                    ch.props.update(("Alphabetic", "XID_Start", "XID_Continue", "ID_Start"))
                chars[c] = ch
    return chars


def make_char(r, name):
    ch = Char()
    ch.name = name
    ch.cat = r[2]
    ch.comb = int(r[3])
    ch.bidi = r[4]
    ch.decomp = r[5]
    ch.dec, ch.dig, ch.num = r[6], r[7], r[8]
    ch.mirrored = r[9] == "Y"
    ch.upper = int(r[12], 16) if r[12] else None
    ch.lower = int(r[13], 16) if r[13] else None
    ch.title = int(r[14], 16) if r[14] else None
    return ch


def main():
    chars = load()
    # properties
    for fname in ("DerivedCoreProperties.txt", "PropList.txt"):
        for a, b, fields in ranges_file(fname):
            prop = fields[0]
            for c in range(a, b + 1):
                if chars[c] is not None:
                    chars[c].props.add(prop)
    for c in XID_CONTINUE_15_1:
        chars[c].props.add("XID_Continue")
    eaw_default = {}
    for a, b, fields in ranges_file("EastAsianWidth.txt"):
        for c in range(a, b + 1):
            eaw_default[c] = fields[0]
    for a, b, fields in ranges_file("SpecialCasing.txt"):
        if len(fields) >= 5 and fields[3]:
            continue  # conditional mappings are handled in code (final sigma) or ignored
        lower = [int(x, 16) for x in fields[0].split()]
        title = [int(x, 16) for x in fields[1].split()]
        upper = [int(x, 16) for x in fields[2].split()]
        chars[a].special = (lower, title, upper)
    for a, b, fields in ranges_file("CaseFolding.txt"):
        if fields[0] in ("C", "F"):
            chars[a].fold = [int(x, 16) for x in fields[1].split()]
    # Unihan numeric values count for str.isnumeric() like in CPython
    unihan_num = {}
    path = os.path.join(UCD, "Unihan_NumericValues.txt.bz2")
    if os.path.exists(path):
        with bz2.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cps, prop, val = line.strip().split("\t")
                if prop in ("kAccountingNumeric", "kOtherNumeric", "kPrimaryNumeric"):
                    unihan_num[int(cps[2:], 16)] = val
    unihan_num.update(UNIHAN_NUMERIC_15_1)
    full_excl = set()
    qc = {}
    for a, b, fields in ranges_file("DerivedNormalizationProps.txt"):
        prop = fields[0]
        for c in range(a, b + 1):
            if prop == "Full_Composition_Exclusion":
                full_excl.add(c)
            elif prop in ("NFD_QC", "NFC_QC", "NFKD_QC", "NFKC_QC"):
                qc.setdefault(c, {})[prop] = fields[1]

    numeric_values = [""]
    numeric_index = {"": 0}
    ext = [0]  # index 0 unused: "no extended case"
    records = []
    record_index = {}
    index = [0] * MAXCP

    for cp in range(MAXCP):
        ch = chars[cp]
        if ch is None:
            ch = Char()
        flags = 0
        cat = ch.cat
        if cat in ("Ll", "Lu", "Lt", "Lm", "Lo"):
            flags |= F_ALPHA
        if "Lowercase" in ch.props:
            flags |= F_LOWER
        if "Uppercase" in ch.props:
            flags |= F_UPPER
        if cat == "Lt":
            flags |= F_TITLE
        if cat == "Zs" or ch.bidi in ("WS", "B", "S"):
            flags |= F_SPACE
        if cat == "Zl" or ch.bidi == "B":
            flags |= F_LINEBREAK
        if cp == 0x20 or cat[0] not in ("C", "Z"):
            flags |= F_PRINTABLE
        if "XID_Start" in ch.props:
            flags |= F_XID_START
        if "XID_Continue" in ch.props:
            flags |= F_XID_CONTINUE
        if "Cased" in ch.props:
            flags |= F_CASED
        if "Case_Ignorable" in ch.props:
            flags |= F_CASE_IGNORABLE
        if ch.mirrored:
            flags |= F_MIRRORED
        dec = dig = -1
        if ch.dec:
            flags |= F_DECIMAL
            dec = int(ch.dec)
        if ch.dig:
            flags |= F_DIGIT
            dig = int(ch.dig)
        num = ch.num or unihan_num.get(cp, "")
        if num:
            flags |= F_NUMERIC
        if num not in numeric_index:
            numeric_index[num] = len(numeric_values)
            numeric_values.append(num)
        up = ch.upper if ch.upper is not None else cp
        lo = ch.lower if ch.lower is not None else cp
        ti = ch.title if ch.title is not None else up
        ext_i = 0
        # Without a CaseFolding.txt entry a character folds to itself (not to its
        # lowercase: Cherokee capitals stay as they are).
        fold = ch.fold if ch.fold is not None else [cp]
        if ch.special is not None or fold != [lo]:
            sl, st, su = ch.special if ch.special else ([lo], [ti], [up])
            ext_i = len(ext)
            for seq in (sl, su, st, fold):
                ext.append(len(seq))
                ext.extend(seq)
        eaw = ch.eaw or eaw_default.get(cp)
        if eaw is None:
            eaw = "N"
        q = qc.get(cp, {})
        qbits = 0
        for bit, prop in enumerate(("NFD_QC", "NFKD_QC")):
            if q.get(prop) == "N":
                qbits |= 1 << bit
        for bit, prop in ((2, "NFC_QC"), (4, "NFKC_QC")):
            v = q.get(prop)
            if v == "N":
                qbits |= 1 << bit
            elif v == "M":
                qbits |= 2 << bit
        rec = (flags, up - cp, lo - cp, ti - cp, ext_i, dec, dig, numeric_index[num],
               CATEGORIES.index(cat) if cat != "Cn" else 0, ch.comb, BIDI.index(ch.bidi),
               EAW.index(eaw), qbits)
        ri = record_index.get(rec)
        if ri is None:
            ri = record_index[rec] = len(records)
            records.append(rec)
        index[cp] = ri

    index1, index2, shift = split_table(index)

    # decompositions
    decomp_data = [0]
    decomp_index = [0] * MAXCP
    decomp_seen = {}
    comp_pairs = []
    for cp in range(MAXCP):
        ch = chars[cp]
        if ch is None or not ch.decomp:
            continue
        parts = ch.decomp.split()
        prefix = 0
        if parts[0].startswith("<"):
            prefix = DECOMP_PREFIX.index(parts[0])
            parts = parts[1:]
        seq = [int(x, 16) for x in parts]
        key = (prefix, tuple(seq))
        if key not in decomp_seen:
            decomp_seen[key] = len(decomp_data)
            decomp_data.append((prefix << 8) | len(seq))
            decomp_data.extend(seq)
        decomp_index[cp] = decomp_seen[key]
        if prefix == 0 and len(seq) == 2 and cp not in full_excl:
            comp_pairs.append((seq[0], seq[1], cp))
    comp_pairs.sort()
    d1, d2, dshift = split_table(decomp_index)

    out = []
    w = out.append
    w("/* Generated by tools/gen_unicode_tables.py from the Unicode Character Database.")
    w(" * Do not edit. Unicode %s. */" % TARGET_VERSION)
    w("#define KR_UNIDATA_VERSION \"%s\"" % TARGET_VERSION)
    w("#define KR_UF_ALPHA 0x%x" % F_ALPHA)
    w("#define KR_UF_DECIMAL 0x%x" % F_DECIMAL)
    w("#define KR_UF_DIGIT 0x%x" % F_DIGIT)
    w("#define KR_UF_NUMERIC 0x%x" % F_NUMERIC)
    w("#define KR_UF_LOWER 0x%x" % F_LOWER)
    w("#define KR_UF_UPPER 0x%x" % F_UPPER)
    w("#define KR_UF_TITLE 0x%x" % F_TITLE)
    w("#define KR_UF_SPACE 0x%x" % F_SPACE)
    w("#define KR_UF_LINEBREAK 0x%x" % F_LINEBREAK)
    w("#define KR_UF_PRINTABLE 0x%x" % F_PRINTABLE)
    w("#define KR_UF_XID_START 0x%x" % F_XID_START)
    w("#define KR_UF_XID_CONTINUE 0x%x" % F_XID_CONTINUE)
    w("#define KR_UF_CASED 0x%x" % F_CASED)
    w("#define KR_UF_CASE_IGNORABLE 0x%x" % F_CASE_IGNORABLE)
    w("#define KR_UF_MIRRORED 0x%x" % F_MIRRORED)
    w("#define KR_UDB_SHIFT %d" % shift)
    w("#define KR_DECOMP_SHIFT %d" % dshift)
    w("typedef struct {")
    w("    int32_t upper, lower, title; /* deltas to the simple mappings */")
    w("    uint16_t flags, ext;          /* ext: index into kr_ucd_ext (full mappings) */")
    w("    int8_t decimal, digit;")
    w("    uint16_t numeric;             /* index into kr_ucd_numeric */")
    w("    uint8_t category, combining, bidi, eaw, quickcheck;")
    w("} kr_ucd_record;")
    w("static const kr_ucd_record kr_ucd_records[%d] = {" % len(records))
    for r in records:
        (flags, up, lo, ti, ext_i, dec, dig, num, cat, comb, bidi, eaw, qbits) = r
        w("    {%d, %d, %d, 0x%x, %d, %d, %d, %d, %d, %d, %d, %d, %d}," %
          (up, lo, ti, flags, ext_i, dec, dig, num, cat, comb, bidi, eaw, qbits))
    w("};")
    emit_array(w, "kr_ucd_index1", index1)
    emit_array(w, "kr_ucd_index2", index2)
    emit_array(w, "kr_ucd_ext", ext)
    w("static const double kr_ucd_numeric[%d] = {" % len(numeric_values))
    for v in numeric_values:
        if v == "":
            w("    -1.0,")
        elif "/" in v:
            a, b = v.split("/")
            w("    %s.0 / %s.0," % (a, b))
        else:
            w("    %s.0," % v.replace(",", ""))
    w("};")
    w("static const char *const kr_ucd_category_names[] = {%s};" %
      ", ".join('"%s"' % c for c in CATEGORIES))
    w("static const char *const kr_ucd_bidi_names[] = {%s};" %
      ", ".join('"%s"' % c for c in BIDI))
    w("static const char *const kr_ucd_eaw_names[] = {%s};" %
      ", ".join('"%s"' % c for c in EAW))
    w("static const char *const kr_ucd_decomp_prefix[] = {%s};" %
      ", ".join('"%s"' % c for c in DECOMP_PREFIX))
    emit_array(w, "kr_decomp_index1", d1)
    emit_array(w, "kr_decomp_index2", d2)
    emit_array(w, "kr_decomp_data", decomp_data)
    w("static const uint32_t kr_comp_pairs[%d][3] = {" % len(comp_pairs))
    for a, b, c in comp_pairs:
        w("    {0x%x, 0x%x, 0x%x}," % (a, b, c))
    w("};")
    with open(os.path.join(OUT_DIR, "unicodetype_db.h"), "w") as f:
        f.write("\n".join(out) + "\n")

    gen_names(chars)


def gen_names(chars):
    """Names as word-index sequences: a lexicon of words and, per character, the words."""
    words = {}
    word_list = []
    name_cps = []
    seqs = []
    for cp in range(MAXCP):
        ch = chars[cp]
        if ch is None or ch.name is None or ch.name.startswith("<"):
            continue
        ws = ch.name.split(" ")
        ids = []
        for wd in ws:
            if wd not in words:
                words[wd] = len(word_list)
                word_list.append(wd)
            ids.append(words[wd])
        name_cps.append(cp)
        seqs.append(ids)
    aliases = []
    for a, b, fields in ranges_file("NameAliases.txt"):
        aliases.append((fields[0], a))
    lex = []
    lex_off = []
    for wd in word_list:
        lex_off.append(len(lex))
        lex.extend(wd.encode("ascii") + b"\0")
    data = []
    offs = []
    for ids in seqs:
        offs.append(len(data))
        data.append(len(ids))
        data.extend(ids)
    out = []
    w = out.append
    w("/* Generated by tools/gen_unicode_tables.py: character names. Do not edit. */")
    w("static const char kr_name_lexicon[%d] = {" % len(lex))
    for i in range(0, len(lex), 24):
        w("    " + ",".join(str(x) for x in lex[i:i + 24]) + ",")
    w("};")
    emit_array(w, "kr_name_word_off", lex_off)
    emit_array(w, "kr_name_cps", name_cps)
    emit_array(w, "kr_name_off", offs)
    emit_array(w, "kr_name_data", data)
    w("static const struct { const char *name; uint32_t cp; } kr_name_aliases[%d] = {" % len(aliases))
    for n, c in aliases:
        w("    {\"%s\", 0x%x}," % (n, c))
    w("};")
    with open(os.path.join(OUT_DIR, "unicodename_db.h"), "w") as f:
        f.write("\n".join(out) + "\n")


def split_table(t):
    best = None
    for shift in range(4, 10):
        size = 1 << shift
        blocks = {}
        i1 = []
        i2 = []
        for start in range(0, len(t), size):
            blk = tuple(t[start:start + size])
            bi = blocks.get(blk)
            if bi is None:
                bi = blocks[blk] = len(i2) // size
                i2.extend(blk)
            i1.append(bi)
        cost = len(i1) * elem_size(i1) + len(i2) * elem_size(i2)
        if best is None or cost < best[0]:
            best = (cost, i1, i2, shift)
    return best[1], best[2], best[3]


def elem_size(a):
    m = max(a) if a else 0
    return 1 if m < 256 else 2 if m < 65536 else 4


def emit_array(w, name, a):
    size = elem_size(a)
    ctype = {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}[size]
    w("static const %s %s[%d] = {" % (ctype, name, len(a)))
    for i in range(0, len(a), 20):
        w("    " + ",".join(str(x) for x in a[i:i + 20]) + ",")
    w("};")


if __name__ == "__main__":
    main()

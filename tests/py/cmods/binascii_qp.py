# binascii quoted-printable: b2a_qp (quotetabs/istext/header, soft line breaks, CRLF) and a2b_qp
import binascii as b
for d in (b"caf\xe9 = ok", b"a=b c\t\n", b"hello world", b"trailing space \nnext", b"tab\tin", b"x" * 80, b"y" * 75, b"y" * 76, b"y" * 77, b"line1\r\nline2\r\n", b"a.b\n.\nc", b"under_score", b"ends with space ", b"\x00\x01"):
    print(b.b2a_qp(d), b.b2a_qp(d, quotetabs=True), b.b2a_qp(d, header=True), b.b2a_qp(d, istext=False))
    print(b.a2b_qp(b.b2a_qp(d)) == d)
print(b.a2b_qp(b"a=3Db"), b.a2b_qp(b"soft=\nbreak"), b.a2b_qp(b"a_b", header=True), b.a2b_qp("x=4"), b.a2b_qp(b"x=ZZ"), b.a2b_qp(b"end="))

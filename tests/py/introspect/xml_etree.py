# xml.etree.ElementTree: parsing, navigation, ElementPath, serialisation, namespaces, indent, iterparse, errors with positions
import io
import os
import tempfile
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<!-- a comment -->
<library xmlns:x="http://example.com/x" version='2'>
  <book id="b1" lang="en">
    <title>Python &amp; XML</title>
    <author>A. Writer</author>
    <price currency="EUR">10.50</price>
  </book>
  <book id="b2">
    <title>Second&#33; &#x263A;</title>
    <x:extra note="a&lt;b &quot;q&quot;">ns text</x:extra>
    <price>7</price>
  </book>
  <magazine id="m1"><title>Monthly</title><![CDATA[<raw> & stuff]]></magazine>
  <?proc do this?>
</library>
"""
root = ET.fromstring(doc)
print(root.tag, root.attrib, repr(root.text), len(root))
print([child.tag for child in root])
print([(b.get("id"), b.findtext("title")) for b in root.iter("book")])
print(root.find("book").get("lang"), root.find("book").get("missing", "dflt"))
print([e.tag for e in root.findall("./book/*")])
print([e.text for e in root.findall(".//title")])
print([e.get("id") for e in root.findall("book[@lang]")])
print([e.get("id") for e in root.findall("book[@id='b2']")])
print([e.get("id") for e in root.findall("*[@id!='b2']")])
print([e.get("id") for e in root.findall("book[price='7']")])
print([e.get("id") for e in root.findall("*[title]")])
print([e.get("id") for e in root.findall("book[1]")], [e.get("id") for e in root.findall("book[last()]")])
print([e.tag for e in root.findall(".//price/..")])
print(root.findtext("magazine"), repr(root.findtext("nothing")), root.findtext("nothing", "d"))
print([e.text for e in root.iterfind("{http://example.com/x}extra")] ,
      root.find(".//{http://example.com/x}extra").attrib)
print(root.find(".//x:extra", {"x": "http://example.com/x"}).text)
print([e.tag for e in root.findall(".//{*}extra")])
print("".join(root.find("magazine").itertext()))
print([e.tag if isinstance(e.tag, str) else "?" for e in root.iter()])

book = root[0]
print(book.keys(), sorted(book.items()), book[0].tail is not None)
new = ET.SubElement(book, "isbn", {"kind": "13"}, extra="yes")
new.text = "978 < 979 & \"x\""
book.set("lang", "de\tfr\n")
book.remove(book.find("author"))
print(ET.tostring(book, encoding="unicode"))
print(ET.tostring(ET.fromstring("<a><b/><c>t</c>tail</a>")))
print(ET.tostring(ET.fromstring("<a>é</a>")), ET.tostring(ET.fromstring("<a>é</a>"), encoding="utf-8"))
print(ET.tostring(ET.fromstring("<a>x</a>"), xml_declaration=True))
print(ET.tostring(ET.fromstring("<a><b/></a>"), short_empty_elements=False))
print(ET.tostring(ET.fromstring("<a>1<b>2</b>3</a>"), method="text"))
e = ET.Element("root", a="1")
ET.SubElement(e, "{http://example.com/x}child").text = "c"
ET.SubElement(e, "{http://www.w3.org/XML/1998/namespace}lang")
e.append(ET.Comment(" note "))
e.append(ET.PI("target", "data"))
print(ET.tostring(e, encoding="unicode"))
ET.register_namespace("ex", "http://example.com/x")
print(ET.tostring(e, encoding="unicode"))
print(ET.tostring(ET.Element("{urn:d}r"), encoding="unicode", default_namespace="urn:d"))

tree = ET.fromstring("<a><b><c>x</c><d/></b><e/></a>")
ET.indent(tree)
print(ET.tostring(tree, encoding="unicode"))
ET.indent(tree, space="\t", level=1)
print(repr(ET.tostring(tree, encoding="unicode")))
ET.dump(ET.fromstring("<z k='v'>t</z>"))

src = io.BytesIO(b"<r><i n='1'/><i n='2'><j/></i></r>")
for event, elem in ET.iterparse(src, events=("start", "end")):
    print(event, elem.tag, elem.get("n"))
def tag_of(x):
    if isinstance(x, tuple):
        return x
    return "<!--%s-->" % x.text if x.tag is ET.Comment else x.tag


parser = ET.XMLPullParser(events=("start", "end", "comment", "start-ns"))
parser.feed("<r xmlns:p='urn:p'><!--c-->")
print([(ev, tag_of(x)) for ev, x in parser.read_events()])
parser.feed("<p:a/></r>")
parser.close()
print([(ev, tag_of(x)) for ev, x in parser.read_events()])

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "t.xml")
    ET.ElementTree(ET.fromstring("<doc><p>é</p></doc>")).write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "rb") as f:
        print(f.read())
    t = ET.parse(path)
    print(t.getroot().tag, t.find("p").text, [x.tag for x in t.iter()], t.findtext("p"))

for bad in ["", "<a>", "<a></b>", "abc", "<a/><b/>", "<a>&foo;</a>", "<a x=1/>",
            "<a x='1' x='2'/>", "<p:a/>", "\n  <a>\n<b></c>", "<a", "<a>&#0;</a>",
            "<a b='<'/>", "<1a/>"]:
    try:
        ET.fromstring(bad)
        print("parsed", repr(bad))
    except ET.ParseError as err:
        print(repr(bad), "->", err, err.code, err.position)
el = ET.Element("t")
print(repr(el).split(" at ")[0], ET.iselement(el), len(el), el.text, el.attrib)
try:
    el.append("x")
except TypeError as err:
    print("TypeError:", err)
q = ET.QName("urn:q", "n")
print(q.text, str(q), q == "{urn:q}n")
root2, ids = ET.XMLID("<a id='x'><b id='y'/></a>")
print(sorted(ids))
print(ET.fromstringlist(["<a>", "b", "</a>"]).text)
dt = ET.fromstring("<!DOCTYPE r [<!ENTITY who 'world'>]><r greet='hi &who;'>hello &who;</r>")
print(dt.text, dt.get("greet"))
try:
    ET.fromstring("<!DOCTYPE r SYSTEM 'r.dtd'><r>&ext;</r>")
except ET.ParseError as err:
    print(err, err.code, err.position)
nl = ET.Element("e", text="line1\nline2\tx")
print(ET.tostring(nl), repr(ET.XML(ET.tostring(nl)).get("text")))
print(repr(ET.XML("<e a='x\ny\tz'/>").get("a")))
nsd = ET.fromstring("<r xmlns:q='urn:q'><b/><q:b/></r>")
print([e.tag for e in nsd.findall("{}b")], [e.tag for e in nsd.findall("{*}b")], [e.tag for e in nsd.findall("{urn:q}*")])
for bad in ["foobar<", "ab<a/>", " x <a/>", "<a/>x<", "<a>x<", "<a><!-- x -- y --></a>", "</r>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(repr(bad), "->", err)
# Feeding one character (or byte) at a time gives the same tree and events.
for d in ["<?xml version='1.0'?>\n<!-- c --><r a='1' b=\"x &amp; y\">t&#65;x<b>é</b>tail<![CDATA[<z>]]><!--k--><?pi d?></r>\n",
          "<!DOCTYPE r [<!ENTITY e 'ent'>]><r>&e; and &e;</r>",
          "<r xmlns='urn:a' xmlns:p='urn:p'><p:x p:y='1'/>text</r>"]:
    whole = ET.tostring(ET.fromstring(d))
    pull = ET.XMLPullParser(("start", "end"))
    for ch in d:
        pull.feed(ch)
    pull.close()
    events = [(ev, el.tag) for ev, el in pull.read_events()]
    bparser = ET.XMLParser()
    data = d.encode("utf-8")
    for i in range(len(data)):
        bparser.feed(data[i:i + 1])
    print(whole, events[:3], ET.tostring(bparser.close()) == whole)

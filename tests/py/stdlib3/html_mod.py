# html: escape/unescape with the full entity table, html.entities, html.parser.HTMLParser events and positions
import html, html.entities as ents
from html.parser import HTMLParser

print(html.escape('<a href="x">&\'</a>'), html.escape('<"\'>', quote=False), html.escape(''))
for s in ['&amp;&lt;&gt;&quot;&apos;', '&copy; &copy &COPY; &notin; &notit; &not', '&#65;&#x42;&#X43;&#0;&#x80;&#x9f;',
          '&#13;&#1;&#xD800;&#x110000;&#xFFFF;&#x1FFFE;&#11;&#127;&#65', '&nosuch; &amp &ampx &#; &#x; &',
          'no refs', '&NotNestedGreaterGreater;&nGt;&acE;', '&lt&gt&AMP;&Aacute&aacutex', '&' + 'a' * 40 + ';',
          '&#99999999999999;', '&#x41x', '&frac12;&frac34&sup2;']:
    print(repr(html.unescape(s)))
print(len(ents.html5), len(ents.name2codepoint), len(ents.codepoint2name), len(ents.entitydefs))
print(ents.name2codepoint['amp'], ents.codepoint2name[8364], repr(ents.entitydefs['nbsp']), ents.html5['gt;'], ents.html5['gt'], 'gt' in ents.html5, 'bull' in ents.html5)
print(sorted(ents.html5)[:5], sorted(ents.html5)[-3:])

class P(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.ev = []
    def handle_starttag(self, tag, attrs): self.ev.append(('start', tag, attrs, self.getpos(), self.get_starttag_text()))
    def handle_endtag(self, tag): self.ev.append(('end', tag, self.getpos()))
    def handle_startendtag(self, tag, attrs): self.ev.append(('startend', tag, attrs))
    def handle_data(self, data): self.ev.append(('data', data))
    def handle_comment(self, data): self.ev.append(('comment', data))
    def handle_decl(self, decl): self.ev.append(('decl', decl))
    def handle_pi(self, data): self.ev.append(('pi', data))
    def handle_entityref(self, name): self.ev.append(('entity', name))
    def handle_charref(self, name): self.ev.append(('charref', name))
    def unknown_decl(self, data): self.ev.append(('unknown', data))

docs = [
    '<!DOCTYPE html>\n<html lang="en"><head><title>T &amp; t</title></head>\n<body class=main id=\'x\' hidden>',
    '<p>Hello&nbsp;world &copy; &#169; &#xA9; &bogus; a&b</p><br/><img src="a.png" alt="a&gt;b" />',
    '<!-- a comment --><!--x--!><!----><?xml version="1.0"?><![CDATA[raw <stuff>]]><!bogus decl>',
    '<script>if (a < b && c > d) { x = "</p>"; }</script><style>p > a {}</style ><SCRIPT>x</Script>',
    '<a HREF="X" Data-Val=\'1\' empty= novalue plain=a&amp;b quoted="&#65;&x" dup=1 dup=2>text</A >',
    '<div\n  id="multi"\n  class="line">\nline2\n  <span>x</span></div>',
    '< notatag > </ > </> <a <b> </a b c> <1> a < b & c &# &#x &',
    '<p/><p / ><input disabled/><br/ ><x y=">"z>',
    '</unclosed <ok></bad',
    '<a title="x\ny">', '<![if !IE]>ie<![endif]>', '<![foo[bar]]>',
]
for conv in (True, False):
    for d in docs:
        p = P(convert_charrefs=conv)
        try:
            p.feed(d)
            p.close()
        except AssertionError as e:
            print('AssertionError', e)
        print(p.ev, p.getpos(), repr(p.rawdata))
# incremental feeding yields the same events as one feed
d = docs[0] + docs[1] + docs[2] + docs[4]
for size in (1, 3, 7):
    p = P(convert_charrefs=False)
    for k in range(0, len(d), size):
        p.feed(d[k:k + size])
    p.close()
    q = P(convert_charrefs=False); q.feed(d); q.close()
    print(size, p.ev == q.ev, len(p.ev))
p = P()
for ch in 'x &amp y &amp; z &#6':
    p.feed(ch)
print(p.ev, repr(p.rawdata)); p.close(); print(p.ev)
p = P(); p.feed('<scr'); print(p.ev, repr(p.rawdata)); p.feed('ipt>a</scr'); print(p.ev, repr(p.rawdata), p.cdata_elem); p.feed('ipt>b'); p.close(); print(p.ev)
p = P(); p.feed('<script>unterminated'); p.close(); print(p.ev, repr(p.rawdata))
p = P(); p.feed('text &am'); p.close(); print(p.ev)
p = P(convert_charrefs=False); p.feed('text &am'); p.close(); print(p.ev)
p = P(); p.feed('<a'); p.close(); print(p.ev)
p = P(); p.feed('<!--open'); p.close(); print(p.ev)
p = P(); p.feed('x<'); p.close(); print(p.ev)
p = P(); p.feed('<p>a'); p.reset(); p.feed('b'); p.close(); print(p.ev, p.lasttag)
class Plain(HTMLParser): pass
Plain().feed('<a><b/>&amp;<!--c--><?pi><!doctype x>')
print(HTMLParser.CDATA_CONTENT_ELEMENTS, HTMLParser().get_starttag_text(), HTMLParser().convert_charrefs, HTMLParser().lasttag)

# mimetypes: guess_type/guess_extension/guess_all_extensions, data: URLs, encodings, suffix maps, add_type and MimeTypes
import mimetypes, io, tempfile, os
for name in ['a.html', 'b.TXT', 'c.tar.gz', 'd.tgz', 'e.svgz', 'f.Z', 'g.unknownext', 'noext', 'h.json', 'i.PNG', 'j.js',
             'http://example.com/x/y.pdf?q=1', 'data:text/html;base64,AAA', 'data:,hi', 'data:bad', 'data:a=b,x',
             'file:///tmp/x.jpg', 'k.rtf', 'l.mid', 'm.xul', 'C:\\dir\\file.png', 'n.tar.bz2', 'o.txz', 'p.py', 'q.wasm', 'r.webp',
             'x.gz.txt', 'y.GZ']:
    print(name, mimetypes.guess_type(name), mimetypes.guess_type(name, strict=False))
print(mimetypes.guess_file_type('dir/a.csv'), mimetypes.guess_type(os.path.join('dir', 'b.css')))
for t in ['text/plain', 'image/jpeg', 'application/json', 'TEXT/HTML', 'audio/mpeg', 'image/jpg', 'application/x-nothing', 'text/xul']:
    print(t, mimetypes.guess_extension(t), mimetypes.guess_extension(t, strict=False), sorted(mimetypes.guess_all_extensions(t)), sorted(mimetypes.guess_all_extensions(t, strict=False)))
mimetypes.add_type('application/x-krait', '.krt')
mimetypes.add_type('application/x-loose', '.lse', strict=False)
print(mimetypes.guess_type('a.krt'), mimetypes.guess_type('a.lse'), mimetypes.guess_type('a.lse', strict=False), mimetypes.guess_extension('application/x-krait'))
db = mimetypes.MimeTypes()
db.readfp(io.StringIO('# comment\napplication/x-foo foo fooz # trailing\n\ntext/x-bar bar\n'))
print(db.guess_type('a.fooz'), db.guess_extension('application/x-foo'), db.guess_all_extensions('text/x-bar'), db.guess_type('a.krt'))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'types')
    with open(p, 'w') as f:
        f.write('application/x-tmp tmpx\n')
    print(mimetypes.read_mime_types(p), mimetypes.read_mime_types(os.path.join(d, 'missing')), mimetypes.MimeTypes([p]).guess_type('z.tmpx'))
print(mimetypes.inited, mimetypes.encodings_map['.br'], mimetypes.suffix_map['.tgz'], type(mimetypes.types_map).__name__, len(mimetypes.knownfiles))

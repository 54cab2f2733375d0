# csv: Sniffer delimiter/quote guessing and header detection on simple samples
import csv
samples = ["a,b,c\n1,2,3\n4,5,6\n", "name;age;city\nAnn;31;Oslo\nBob;27;Rome\n",
           "x\ty\n1\t2\n3\t4\n", '"a b",c\n"d e",f\n"g h",i\n', "id:val\n1:10\n2:20\n",
           "'q','r'\n'1','2'\n", "1,2,3\n4,5,6\n7,8,9\n", "h1, h2\nv1, v2\nw1, w2\n"]
for s in samples:
    d = csv.Sniffer().sniff(s)
    print(repr(d.delimiter), repr(d.quotechar), d.skipinitialspace, csv.Sniffer().has_header(s))
    print(list(csv.reader(s.splitlines(), d)))
print(csv.Sniffer().sniff("a|b\nc|d\n", delimiters='|').delimiter)
try:
    csv.Sniffer().sniff("abc\ndef\n")
except csv.Error as e:
    print(e)

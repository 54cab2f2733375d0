# getopt, graphlib and colorsys basics
import getopt, graphlib
for a in [(["-a","-b","x","--long=3","f"],"ab:",["long=","flag"]),(["-z"],"a",[]),(["--lo"],"",["long","lone"]),(["--flag=1"],"",["flag"]),(["-b"],"b:",[]),(["--x"],"",["x="]),(["a","-a"],"a",[]), (["-abfoo", "--lon", "x"], "ab:", ["long"])]:
  try: print(getopt.getopt(*a))
  except getopt.GetoptError as e: print(repr(e), e.msg, e.opt)
print(getopt.gnu_getopt(["a","-a","--","-b"],"ab",[]))
ts = graphlib.TopologicalSorter({"a":["b","c"],"b":["c"], "d": []}); print(list(ts.static_order()))
try: list(graphlib.TopologicalSorter({1:[2],2:[1]}).static_order())
except graphlib.CycleError as e: print(repr(e), e.args)
ts = graphlib.TopologicalSorter(); ts.add(3, 2, 1); ts.add(2, 1); ts.prepare()
while ts.is_active():
    r = ts.get_ready(); print(r); ts.done(*r)
import colorsys; print(colorsys.rgb_to_hsv(0.2,0.4,0.4), colorsys.hls_to_rgb(0.5,0.5,0.5), colorsys.rgb_to_yiq(1,0.5,0.2), colorsys.rgb_to_hls(0.1,0.9,0.3), colorsys.hsv_to_rgb(0.7,0.3,0.9), colorsys.yiq_to_rgb(0.5,0.1,-0.1))
for c in [(0,0,0),(1,1,1),(1,0,0),(0,1,0),(0,0,1),(0.3,0.6,0.9)]:
    print(colorsys.rgb_to_hsv(*c), colorsys.rgb_to_hls(*c), colorsys.hsv_to_rgb(*colorsys.rgb_to_hsv(*c)), colorsys.hls_to_rgb(*colorsys.rgb_to_hls(*c)))

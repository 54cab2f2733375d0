"""Reports on profiler statistics (from cProfile/profile or files they wrote)."""

import sys
import os
import re
import time
from enum import StrEnum
from functools import cmp_to_key
from dataclasses import dataclass

try:
    import marshal as _store
except ImportError:
    # Krait has no marshal module; stats files are written with pickle instead.
    import pickle as _store

__all__ = ["Stats", "SortKey", "FunctionProfile", "StatsProfile"]


class SortKey(StrEnum):
    CALLS = 'calls', 'ncalls'
    CUMULATIVE = 'cumulative', 'cumtime'
    FILENAME = 'filename', 'module'
    LINE = 'line'
    NAME = 'name'
    NFL = 'nfl'
    PCALLS = 'pcalls'
    STDNAME = 'stdname'
    TIME = 'time', 'tottime'

    def __new__(cls, *values):
        value = values[0]
        obj = str.__new__(cls, value)
        obj._value_ = value
        for alias in values[1:]:
            cls._value2member_map_[alias] = obj
        obj._all_values = values
        return obj


@dataclass(unsafe_hash=True)
class FunctionProfile:
    ncalls: str
    tottime: float
    percall_tottime: float
    cumtime: float
    percall_cumtime: float
    file_name: str
    line_number: int


@dataclass(unsafe_hash=True)
class StatsProfile:
    total_tt: float
    func_profiles: dict


class Stats:
    """Loads profile statistics (a profiler object or dump file names), sorts them
    and prints tables of them.

    The stats dict maps (file, line, name) to (primitive calls, calls, inline time,
    cumulative time, callers); callers maps a caller's key to its own counters."""

    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        if not len(args):
            arg = None
        else:
            arg = args[0]
            args = args[1:]
        self.init(arg)
        self.add(*args)

    def init(self, arg):
        self.all_callees = None
        self.files = []
        self.fcn_list = None
        self.total_tt = 0
        self.total_calls = 0
        self.prim_calls = 0
        self.max_name_len = 0
        self.top_level = set()
        self.stats = {}
        self.sort_arg_dict = {}
        self.load_stats(arg)
        try:
            self.get_top_level_stats()
        except Exception:
            print("Invalid timing data %s" % (self.files[-1] if self.files else ''),
                  file=self.stream)
            raise

    def load_stats(self, arg):
        if arg is None:
            self.stats = {}
            return
        elif isinstance(arg, str):
            with open(arg, 'rb') as f:
                self.stats = _store.load(f)
            try:
                st = os.stat(arg)
                arg = time.ctime(st.st_mtime) + "    " + arg
            except Exception:
                pass
            self.files = [arg]
        elif hasattr(arg, 'create_stats'):
            arg.create_stats()
            self.stats = arg.stats
            arg.stats = {}
        if not self.stats:
            raise TypeError("Cannot create or construct a %r object from %r"
                            % (self.__class__, arg))

    def get_top_level_stats(self):
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            if ("jprofile", 0, "profiler") in callers:
                self.top_level.add(func)
            if len(func_std_string(func)) > self.max_name_len:
                self.max_name_len = len(func_std_string(func))

    def add(self, *arg_list):
        if not arg_list:
            return self
        for item in reversed(arg_list):
            if type(self) != type(item):
                item = Stats(item)
            self.files += item.files
            self.total_calls += item.total_calls
            self.prim_calls += item.prim_calls
            self.total_tt += item.total_tt
            for func in item.top_level:
                self.top_level.add(func)
            if self.max_name_len < item.max_name_len:
                self.max_name_len = item.max_name_len
            self.fcn_list = None
            for func, stat in item.stats.items():
                old = self.stats.get(func, (0, 0, 0, 0, {}))
                self.stats[func] = add_func_stats(old, stat)
        return self

    def dump_stats(self, filename):
        with open(filename, 'wb') as f:
            _store.dump(self.stats, f)

    # (fields of the sort tuple, description); fields index the rows built in
    # sort_stats: 0 pcalls, 1 calls, 2 tottime, 3 cumtime, 4 file, 5 line, 6 name,
    # 7 standard name.  Direction -1 sorts descending.
    sort_arg_dict_default = {
        "calls": (((1, -1),), "call count"),
        "ncalls": (((1, -1),), "call count"),
        "cumtime": (((3, -1),), "cumulative time"),
        "cumulative": (((3, -1),), "cumulative time"),
        "filename": (((4, 1),), "file name"),
        "line": (((5, 1),), "line number"),
        "module": (((4, 1),), "file name"),
        "name": (((6, 1),), "function name"),
        "nfl": (((6, 1), (4, 1), (5, 1),), "name/file/line"),
        "pcalls": (((0, -1),), "primitive call count"),
        "stdname": (((7, 1),), "standard name"),
        "time": (((2, -1),), "internal time"),
        "tottime": (((2, -1),), "internal time"),
    }

    def get_sort_arg_defs(self):
        """The sort keys, plus every unambiguous prefix of one."""
        if not self.sort_arg_dict:
            table = {}
            ambiguous = set()
            for word, spec in self.sort_arg_dict_default.items():
                fragment = word
                while fragment:
                    if fragment in table:
                        ambiguous.add(fragment)
                        break
                    table[fragment] = spec
                    fragment = fragment[:-1]
            for word in ambiguous:
                del table[word]
            self.sort_arg_dict = table
        return self.sort_arg_dict

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            # the old profiler's numeric sort codes
            field = [{-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}[field[0]]]
        elif len(field) >= 2:
            for arg in field[1:]:
                if type(arg) != type(field[0]):
                    raise TypeError("Can't have mixed argument type")
        defs = self.get_sort_arg_defs()
        order = ()
        self.sort_type = ""
        connector = ""
        for word in field:
            if isinstance(word, SortKey):
                word = word.value
            order = order + defs[word][0]
            self.sort_type += connector + defs[word][1]
            connector = ", "
        rows = []
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            rows.append((cc, nc, tt, ct) + func + (func_std_string(func), func))
        rows.sort(key=cmp_to_key(TupleComp(order).compare))
        self.fcn_list = [row[-1] for row in rows]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        old = self.stats
        self.stats = new = {}
        longest = 0
        for func, (cc, nc, tt, ct, callers) in old.items():
            newfunc = func_strip_path(func)
            if len(func_std_string(newfunc)) > longest:
                longest = len(func_std_string(newfunc))
            newcallers = {}
            for func2, caller in callers.items():
                newcallers[func_strip_path(func2)] = caller
            if newfunc in new:
                new[newfunc] = add_func_stats(new[newfunc], (cc, nc, tt, ct, newcallers))
            else:
                new[newfunc] = (cc, nc, tt, ct, newcallers)
        self.top_level = {func_strip_path(f) for f in self.top_level}
        self.max_name_len = longest
        self.fcn_list = None
        self.all_callees = None
        return self

    def calc_callees(self):
        if self.all_callees:
            return
        self.all_callees = callees = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            if func not in callees:
                callees[func] = {}
            for func2, caller in callers.items():
                if func2 not in callees:
                    callees[func2] = {}
                callees[func2][func] = caller

    def eval_print_amount(self, sel, list, msg):
        new_list = list
        if isinstance(sel, str):
            try:
                rex = re.compile(sel)
            except re.error:
                msg += "   <Invalid regular expression %r>\n" % sel
                return new_list, msg
            new_list = [func for func in list if rex.search(func_std_string(func))]
        else:
            count = len(list)
            if isinstance(sel, float) and 0.0 <= sel < 1.0:
                count = int(count * sel + .5)
                new_list = list[:count]
            elif isinstance(sel, int) and 0 <= sel < count:
                count = sel
                new_list = list[:count]
        if len(list) != len(new_list):
            msg += "   List reduced from %r to %r due to restriction <%r>\n" % (
                len(list), len(new_list), sel)
        return new_list, msg

    def get_stats_profile(self):
        func_list = self.fcn_list[:] if self.fcn_list else list(self.stats.keys())
        if not func_list:
            return StatsProfile(0, {})
        total_tt = float(f8(self.total_tt))
        profiles = {}
        profile = StatsProfile(total_tt, profiles)
        for func in func_list:
            cc, nc, tt, ct, callers = self.stats[func]
            file_name, line_number, func_name = func
            ncalls = str(nc) if nc == cc else (str(nc) + '/' + str(cc))
            tottime = float(f8(tt))
            percall_tottime = -1 if nc == 0 else float(f8(tt / nc))
            cumtime = float(f8(ct))
            percall_cumtime = -1 if cc == 0 else float(f8(ct / cc))
            profiles[func_name] = FunctionProfile(ncalls, tottime, percall_tottime, cumtime,
                                                  percall_cumtime, file_name, line_number)
        return profile

    def get_print_list(self, sel_list):
        width = self.max_name_len
        if self.fcn_list:
            stat_list = self.fcn_list[:]
            msg = "   Ordered by: " + self.sort_type + '\n'
        else:
            stat_list = list(self.stats.keys())
            msg = "   Random listing order was used\n"
        for selection in sel_list:
            stat_list, msg = self.eval_print_amount(selection, stat_list, msg)
        count = len(stat_list)
        if not stat_list:
            return 0, stat_list
        print(msg, file=self.stream)
        if count < len(self.stats):
            width = 0
            for func in stat_list:
                if len(func_std_string(func)) > width:
                    width = len(func_std_string(func))
        return width + 2, stat_list

    def print_stats(self, *amount):
        for filename in self.files:
            print(filename, file=self.stream)
        if self.files:
            print(file=self.stream)
        indent = ' ' * 8
        for func in self.top_level:
            print(indent, func_get_function_name(func), file=self.stream)
        print(indent, self.total_calls, "function calls", end=' ', file=self.stream)
        if self.total_calls != self.prim_calls:
            print("(%d primitive calls)" % self.prim_calls, end=' ', file=self.stream)
        print("in %.3f seconds" % self.total_tt, file=self.stream)
        print(file=self.stream)
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.print_title()
            for func in funcs:
                self.print_line(func)
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callees(self, *amount):
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.calc_callees()
            self.print_call_heading(width, "called...")
            for func in funcs:
                self.print_call_line(width, func, self.all_callees.get(func, {}))
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callers(self, *amount):
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.print_call_heading(width, "was called by...")
            for func in funcs:
                cc, nc, tt, ct, callers = self.stats[func]
                self.print_call_line(width, func, callers, "<-")
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_call_heading(self, name_size, column_title):
        print("Function ".ljust(name_size) + column_title, file=self.stream)
        # the column titles only make sense for cProfile's per-caller tuples
        subheader = False
        for cc, nc, tt, ct, callers in self.stats.values():
            if callers:
                value = next(iter(callers.values()))
                subheader = isinstance(value, tuple)
                break
        if subheader:
            print(" " * name_size + "    ncalls  tottime  cumtime", file=self.stream)

    def print_call_line(self, name_size, source, call_dict, arrow="->"):
        print(func_std_string(source).ljust(name_size) + arrow, end=' ', file=self.stream)
        if not call_dict:
            print(file=self.stream)
            return
        indent = ""
        for func in sorted(call_dict.keys()):
            name = func_std_string(func)
            value = call_dict[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                counts = '%d/%d' % (nc, cc) if nc != cc else '%d' % (nc,)
                text = '%s %s %s  %s' % (counts.rjust(7 + 2 * len(indent)), f8(tt), f8(ct),
                                         name)
                left_width = name_size + 1
            else:
                text = '%s(%r) %s' % (name, value, f8(self.stats[func][3]))
                left_width = name_size + 3
            print(indent * left_width + text, file=self.stream)
            indent = " "

    def print_title(self):
        print('   ncalls  tottime  percall  cumtime  percall', end=' ', file=self.stream)
        print('filename:lineno(function)', file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        c = str(nc)
        if nc != cc:
            c = c + '/' + str(cc)
        print(c.rjust(9), end=' ', file=self.stream)
        print(f8(tt), end=' ', file=self.stream)
        if nc == 0:
            print(' ' * 8, end=' ', file=self.stream)
        else:
            print(f8(tt / nc), end=' ', file=self.stream)
        print(f8(ct), end=' ', file=self.stream)
        if cc == 0:
            print(' ' * 8, end=' ', file=self.stream)
        else:
            print(f8(ct / cc), end=' ', file=self.stream)
        print(func_std_string(func), file=self.stream)


class TupleComp:
    """Compares rows field by field, each ascending (1) or descending (-1)."""

    def __init__(self, comp_select_list):
        self.comp_select_list = comp_select_list

    def compare(self, left, right):
        for index, direction in self.comp_select_list:
            l = left[index]
            r = right[index]
            if l < r:
                return -direction
            if l > r:
                return direction
        return 0


def func_strip_path(func_name):
    filename, line, name = func_name
    return os.path.basename(filename), line, name


def func_get_function_name(func):
    return func[2]


def func_std_string(func_name):
    if func_name[:2] == ('~', 0):
        # built-ins: "<built-in method builtins.len>" prints as {built-in ...}
        name = func_name[2]
        if name.startswith('<') and name.endswith('>'):
            return '{%s}' % name[1:-1]
        return name
    return "%s:%d(%s)" % func_name


def add_func_stats(target, source):
    cc, nc, tt, ct, callers = source
    t_cc, t_nc, t_tt, t_ct, t_callers = target
    return (cc + t_cc, nc + t_nc, tt + t_tt, ct + t_ct, add_callers(t_callers, callers))


def add_callers(target, source):
    merged = dict(target)
    for func, caller in source.items():
        if func in merged:
            if isinstance(caller, tuple):
                merged[func] = tuple(i + j for i, j in zip(caller, merged[func]))
            else:
                merged[func] += caller
        else:
            merged[func] = caller
    return merged


def count_calls(callers):
    return sum(callers.values())


def f8(x):
    return "%8.3f" % (x,)

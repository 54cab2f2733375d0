"""Trace memory blocks allocated by Python: snapshots, filters and statistics.

The C module _tracemalloc records each traced block as a raw tuple
(domain, size, frames, total_nframe), where frames lists (filename, lineno)
pairs from the most recent call outwards. The classes here wrap those raw
tuples lazily so that a snapshot of many traces stays cheap.
"""
from collections.abc import Sequence, Iterable
from functools import total_ordering
import fnmatch
import linecache
import os.path
import pickle

from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces

_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Three significant digits below 100 of a unit (except bytes), otherwise a
    # whole number while the value stays under 10 * 1024 of that unit.
    sign_flag = '+' if sign else ''
    for unit in _UNITS:
        if unit != 'B' and abs(size) < 100:
            return f"%{sign_flag}.1f %s" % (size, unit)
        if unit == 'TiB' or abs(size) < 10 * 1024:
            return f"%{sign_flag}.0f %s" % (size, unit)
        size /= 1024


class Statistic:
    """Statistic on memory allocations: total size and count for one traceback."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def _key(self):
        return (self.traceback, self.size, self.count)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if isinstance(other, Statistic):
            return self._key() == other._key()
        return NotImplemented

    def __str__(self):
        text = "%s: size=%s, count=%i" % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """Difference of a Statistic between an old and a new Snapshot."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _key(self):
        return (self.traceback, self.size, self.size_diff, self.count,
                self.count_diff)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if isinstance(other, StatisticDiff):
            return self._key() == other._key()
        return NotImplemented

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count,
            self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _compare_grouped_stats(old_group, new_group):
    result = []
    for traceback, stat in new_group.items():
        old = old_group.pop(traceback, None)
        old_size = old.size if old is not None else 0
        old_count = old.count if old is not None else 0
        result.append(StatisticDiff(traceback, stat.size, stat.size - old_size,
                                    stat.count, stat.count - old_count))
    # What is left only existed in the old snapshot.
    for traceback, stat in old_group.items():
        result.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return result


@total_ordering
class Frame:
    """One frame of a traceback: a (filename, lineno) pair."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if isinstance(other, Frame):
            return self._frame == other._frame
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Frame):
            return self._frame < other._frame
        return NotImplemented

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)


@total_ordering
class Traceback(Sequence):
    """Sequence of Frame instances, from the oldest frame to the most recent."""

    __slots__ = ("_frames", '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        Sequence.__init__(self)
        # _tracemalloc lists the most recent call first; we store oldest first.
        self._frames = tuple(frames)[::-1]
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(map(Frame, self._frames[index]))
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if isinstance(other, Traceback):
            return self._frames == other._frames
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Traceback):
            return self._frames < other._frames
        return NotImplemented

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        if self._total_nframe is None:
            return f"<Traceback {tuple(self)}>"
        return f"<Traceback {tuple(self)} total_nframe={self.total_nframe}>"

    def format(self, limit=None, most_recent_first=False):
        frames = self
        if limit is not None:
            frames = self[-limit:] if limit > 0 else self[:limit]
        if most_recent_first:
            frames = reversed(frames)
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = linecache.getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    """
    Get the traceback where the Python object *obj* was allocated.
    Return a Traceback instance.

    Return None if the tracemalloc module is not tracing memory allocations or
    did not trace the allocation of the object.
    """
    frames = _get_object_traceback(obj)
    return Traceback(frames) if frames is not None else None


class Trace:
    """Trace of one memory block: (domain, size, frames, total_nframe)."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if isinstance(other, Trace):
            return self._trace == other._trace
        return NotImplemented

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces(Sequence):
    def __init__(self, traces):
        Sequence.__init__(self)
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(map(Trace, self._traces[index]))
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if isinstance(other, _Traces):
            return self._traces == other._traces
        return NotImplemented

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    filename = os.path.normcase(filename)
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        if not fnmatch.fnmatch(_normalize_filename(filename),
                               self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if not self.all_frames:
            filename, lineno = traceback[0]
            return self._match_frame(filename, lineno)
        hit = any(self._match_frame_impl(filename, lineno)
                  for filename, lineno in traceback)
        return self.inclusive if hit else not self.inclusive

    def _match(self, trace):
        domain, _size, traceback, _total = trace
        res = self._match_traceback(traceback)
        if self.domain is None:
            return res
        if self.inclusive:
            return res and domain == self.domain
        return res or domain != self.domain


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self.domain) ^ (not self.inclusive)


class Snapshot:
    """
    Snapshot of traces of memory blocks allocated by Python.
    """

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """
        Write the snapshot into a file.
        """
        with open(filename, "wb") as fp:
            pickle.dump(self, fp, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def load(filename):
        """
        Load a snapshot from a file.
        """
        with open(filename, "rb") as fp:
            return pickle.load(fp)

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters and not any(f._match(trace) for f in include_filters):
            return False
        if exclude_filters and not all(f._match(trace) for f in exclude_filters):
            return False
        return True

    def filter_traces(self, filters):
        """
        Create a new Snapshot instance with a filtered traces sequence, filters
        is a list of Filter or DomainFilter instances.  If filters is an empty
        list, return a new Snapshot instance with a copy of the traces.
        """
        if not isinstance(filters, Iterable):
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__)
        if not filters:
            return Snapshot(self.traces._traces.copy(), self.traceback_limit)
        include = [f for f in filters if f.inclusive]
        exclude = [f for f in filters if not f.inclusive]
        kept = [trace for trace in self.traces._traces
                if self._filter_trace(include, exclude, trace)]
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used "
                             "with key type %r" % key_type)
        stats = {}
        keys = {}  # raw frames (or one raw frame) -> Traceback, built once

        def add(traceback, size):
            stat = stats.get(traceback)
            if stat is None:
                stats[traceback] = Statistic(traceback, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for _domain, size, raw, _total in self.traces._traces:
            if cumulative:
                for frame in raw:
                    traceback = keys.get(frame)
                    if traceback is None:
                        if key_type == 'lineno':
                            traceback = Traceback((frame,))
                        else:
                            traceback = Traceback(((frame[0], 0),))
                        keys[frame] = traceback
                    add(traceback, size)
            else:
                traceback = keys.get(raw)
                if traceback is None:
                    if key_type == 'traceback':
                        traceback = Traceback(raw)
                    elif key_type == 'lineno':
                        traceback = Traceback(raw[:1])
                    else:
                        traceback = Traceback(((raw[0][0], 0),))
                    keys[raw] = traceback
                add(traceback, size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """
        Group statistics by key_type. Return a sorted list of Statistic
        instances.
        """
        result = list(self._group_by(key_type, cumulative).values())
        result.sort(reverse=True, key=Statistic._sort_key)
        return result

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """
        Compute the differences with an old snapshot old_snapshot. Get
        statistics as a sorted list of StatisticDiff instances, grouped by
        group_by.
        """
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        result = _compare_grouped_stats(old_group, new_group)
        result.sort(reverse=True, key=StatisticDiff._sort_key)
        return result


def take_snapshot():
    """
    Take a snapshot of traces of memory blocks allocated by Python.
    """
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())

"""Starting a Process with the spawn method: a new interpreter reads the pickled
preparation data and Process object from a pipe (see spawn.py)."""

__all__ = ['Popen']

import io
import os

from . import context
from . import reduction
from . import spawn
from . import util


class Popen(object):
    method = 'spawn'

    def __init__(self, process_obj):
        # fds that objects pickled for the child registered: the child keeps them open
        # under the same numbers.
        self._fds = []
        self.pid = None
        self.sentinel = None
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        fp = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, fp)
            reduction.dump(process_obj, fp)
        finally:
            context.set_spawning_popen(None)

        parent_r = child_w = child_r = parent_w = None
        try:
            # The child keeps child_w open until it exits: parent_r is the sentinel.
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            cmd = spawn.get_command_line(tracker_fd=-1, pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = util.spawnv_passfds(spawn.get_executable(), cmd, self._fds)
            self.sentinel = parent_r
            parent_r = None
            view = fp.getbuffer()
            while view:
                view = view[os.write(parent_w, view):]
        finally:
            for fd in (parent_r, child_w, child_r, parent_w):
                if fd is not None:
                    os.close(fd)

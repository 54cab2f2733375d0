"""Configuring logging from ConfigParser files (fileConfig), dictionaries
(dictConfig) and a socket listener that accepts either at run time."""

import errno
import functools
import io
import logging
import logging.handlers
import os
import queue
import re
import struct
import threading
import traceback

DEFAULT_LOGGING_CONFIG_PORT = 9030

# A peer resetting the connection mid-request is routine for the listener.
RESET_ERROR = errno.ECONNRESET

# The running config receiver (set by the listen() thread, cleared by
# stopListening); guarded by logging._lock.
_listener = None


# ------------------------------------------------------------ fileConfig

def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """Configure logging from a ConfigParser-format file, an open file, or
    an already-loaded RawConfigParser."""
    import configparser

    if isinstance(fname, str):
        if not os.path.exists(fname):
            raise FileNotFoundError(f"{fname} doesn't exist")
        if not os.path.getsize(fname):
            raise RuntimeError(f"{fname} is an empty file")

    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        try:
            cp = configparser.ConfigParser(defaults)
            if hasattr(fname, "readline"):
                cp.read_file(fname)
            else:
                cp.read(fname, encoding=io.text_encoding(encoding))
        except configparser.ParsingError as e:
            raise RuntimeError(f"{fname} is invalid: {e}")

    formatters = _create_formatters(cp)
    with logging._lock:
        _clearExistingHandlers()
        handlers = _install_handlers(cp, formatters)
        _install_loggers(cp, handlers, disable_existing_loggers)


def _resolve(name):
    """Import a dotted name, importing submodules as attributes demand."""
    parts = name.split(".")
    used = parts.pop(0)
    found = __import__(used)
    for part in parts:
        used += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(used)
            found = getattr(found, part)
    return found


def _strip_spaces(alist):
    return map(str.strip, alist)


def _key_list(cp, section):
    keys = cp[section]["keys"]
    if not len(keys):
        return []
    return list(_strip_spaces(keys.split(",")))


def _create_formatters(cp):
    formatters = {}
    for form in _key_list(cp, "formatters"):
        sectname = "formatter_%s" % form
        # raw: format strings are full of %(...)s that must not interpolate.
        fs = cp.get(sectname, "format", raw=True, fallback=None)
        dfs = cp.get(sectname, "datefmt", raw=True, fallback=None)
        stl = cp.get(sectname, "style", raw=True, fallback="%")
        defaults = cp.get(sectname, "defaults", raw=True, fallback=None)
        c = logging.Formatter
        class_name = cp[sectname].get("class")
        if class_name:
            c = _resolve(class_name)
        if defaults is not None:
            formatters[form] = c(fs, dfs, stl,
                                 defaults=eval(defaults, vars(logging)))
        else:
            formatters[form] = c(fs, dfs, stl)
    return formatters


def _install_handlers(cp, formatters):
    handlers = {}
    targets = []
    for hand in _key_list(cp, "handlers"):
        section = cp["handler_%s" % hand]
        klass = section["class"]
        fmt = section.get("formatter", "")
        # Class, args and kwargs are Python expressions evaluated in the
        # logging namespace, so "StreamHandler" and "(sys.stdout,)" work.
        try:
            klass = eval(klass, vars(logging))
        except (AttributeError, NameError):
            klass = _resolve(klass)
        args = eval(section.get("args", "()"), vars(logging))
        kwargs = eval(section.get("kwargs", "{}"), vars(logging))
        h = klass(*args, **kwargs)
        h.name = hand
        if "level" in section:
            h.setLevel(section["level"])
        if len(fmt):
            h.setFormatter(formatters[fmt])
        if issubclass(klass, logging.handlers.MemoryHandler):
            target = section.get("target", "")
            if len(target):
                # The target may be declared later in the list.
                targets.append((h, target))
        handlers[hand] = h
    for h, t in targets:
        h.setTarget(handlers[t])
    return handlers


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    """Loggers left out of a new configuration are disabled rather than
    deleted (other code may hold them); children of configured loggers are
    reset to propagate to their reconfigured parents."""
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


def _children_of(name, existing, child_loggers):
    """Move name out of existing, recording its existing descendants."""
    if name not in existing:
        return
    prefix = name + "."
    for other in existing[existing.index(name) + 1:]:
        if other.startswith(prefix):
            child_loggers.append(other)
    existing.remove(name)


def _install_loggers(cp, handlers, disable_existing):
    llist = list(_strip_spaces(cp["loggers"]["keys"].split(",")))
    llist.remove("root")
    section = cp["logger_root"]
    root = logging.root
    if "level" in section:
        root.setLevel(section["level"])
    for h in root.handlers[:]:
        root.removeHandler(h)
    hlist = section["handlers"]
    if len(hlist):
        for hand in _strip_spaces(hlist.split(",")):
            root.addHandler(handlers[hand])

    existing = sorted(root.manager.loggerDict.keys())
    child_loggers = []
    for name in llist:
        section = cp["logger_%s" % name]
        qn = section["qualname"]
        propagate = section.getint("propagate", fallback=1)
        logger = logging.getLogger(qn)
        _children_of(qn, existing, child_loggers)
        if "level" in section:
            logger.setLevel(section["level"])
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        logger.propagate = propagate
        logger.disabled = 0
        hlist = section["handlers"]
        if len(hlist):
            for hand in _strip_spaces(hlist.split(",")):
                logger.addHandler(handlers[hand])
    _handle_existing_loggers(existing, child_loggers, disable_existing)


def _clearExistingHandlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


# ------------------------------------------------------------ dictConfig

IDENTIFIER = re.compile("^[a-z_][a-z0-9_]*$", re.I)


def valid_ident(s):
    if not IDENTIFIER.match(s):
        raise ValueError("Not a valid Python identifier: %r" % s)
    return True


_CONVERTING_TYPES = ()  # filled in once the classes exist


class ConvertingMixin(object):
    """Values read out of a Converting container pass through the
    configurator, so ext:// and cfg:// strings resolve lazily on access."""

    def convert_with_key(self, key, value, replace=True):
        result = self.configurator.convert(value)
        if value is not result:
            if replace:
                self[key] = result
            if type(result) in _CONVERTING_TYPES:
                result.parent = self
                result.key = key
        return result

    def convert(self, value):
        result = self.configurator.convert(value)
        if value is not result and type(result) in _CONVERTING_TYPES:
            result.parent = self
        return result


class ConvertingDict(dict, ConvertingMixin):
    def __getitem__(self, key):
        return self.convert_with_key(key, dict.__getitem__(self, key))

    def get(self, key, default=None):
        return self.convert_with_key(key, dict.get(self, key, default))

    def pop(self, key, default=None):
        return self.convert_with_key(key, dict.pop(self, key, default),
                                     replace=False)


class ConvertingList(list, ConvertingMixin):
    def __getitem__(self, key):
        return self.convert_with_key(key, list.__getitem__(self, key))

    def pop(self, idx=-1):
        return self.convert(list.pop(self, idx))


class ConvertingTuple(tuple, ConvertingMixin):
    def __getitem__(self, key):
        # Tuples are immutable, so the converted value is not stored back.
        return self.convert_with_key(key, tuple.__getitem__(self, key),
                                     replace=False)


_CONVERTING_TYPES = (ConvertingDict, ConvertingList, ConvertingTuple)


class BaseConfigurator(object):
    """Shared machinery: name resolution and the ext:// / cfg:// value
    protocols."""

    CONVERT_PATTERN = re.compile(r"^(?P<prefix>[a-z]+)://(?P<suffix>.*)$")
    WORD_PATTERN = re.compile(r"^\s*(\w+)\s*")
    DOT_PATTERN = re.compile(r"^\.\s*(\w+)\s*")
    INDEX_PATTERN = re.compile(r"^\[([^\[\]]*)\]\s*")
    DIGIT_PATTERN = re.compile(r"^\d+$")

    # prefix -> name of the method converting the rest of the string
    value_converters = {
        "ext": "ext_convert",
        "cfg": "cfg_convert",
    }

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = ConvertingDict(config)
        self.config.configurator = self

    def resolve(self, s):
        parts = s.split(".")
        used = parts.pop(0)
        try:
            found = self.importer(used)
            for part in parts:
                used += "." + part
                try:
                    found = getattr(found, part)
                except AttributeError:
                    self.importer(used)
                    found = getattr(found, part)
            return found
        except ImportError as e:
            v = ValueError("Cannot resolve %r: %s" % (s, e))
            raise v from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """Follow a path like "handlers.console[level]" through the config."""
        m = self.WORD_PATTERN.match(value)
        if m is None:
            raise ValueError("Unable to convert %r" % value)
        rest = value[m.end():]
        d = self.config[m.group(1)]
        while rest:
            m = self.DOT_PATTERN.match(rest)
            if m:
                d = d[m.group(1)]
            else:
                m = self.INDEX_PATTERN.match(rest)
                if m is None:
                    raise ValueError("Unable to convert %r at %r" % (value, rest))
                idx = m.group(1)
                if self.DIGIT_PATTERN.match(idx):
                    # Digits index a sequence, unless the container is a
                    # mapping keyed by the digit string.
                    try:
                        d = d[int(idx)]
                    except TypeError:
                        d = d[idx]
                else:
                    d = d[idx]
            rest = rest[m.end():]
        return d

    def convert(self, value):
        if isinstance(value, dict) and not isinstance(value, ConvertingDict):
            value = ConvertingDict(value)
            value.configurator = self
        elif isinstance(value, list) and not isinstance(value, ConvertingList):
            value = ConvertingList(value)
            value.configurator = self
        elif (isinstance(value, tuple) and not isinstance(value, ConvertingTuple)
              and not hasattr(value, "_fields")):
            # Named tuples keep their type: callers rely on the fields.
            value = ConvertingTuple(value)
            value.configurator = self
        elif isinstance(value, str):
            m = self.CONVERT_PATTERN.match(value)
            if m:
                converter = self.value_converters.get(m.group("prefix"))
                if converter:
                    value = getattr(self, converter)(m.group("suffix"))
        return value

    def configure_custom(self, config):
        """Build an object from a "()" factory; "." sets attributes after."""
        c = config.pop("()")
        if not callable(c):
            c = self.resolve(c)
        kwargs = {k: config[k] for k in config if k != "." and valid_ident(k)}
        result = c(**kwargs)
        props = config.pop(".", None)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


def _is_queue_like_object(obj):
    if isinstance(obj, queue.Queue):
        return True
    from multiprocessing.queues import Queue as MPQueue
    if isinstance(obj, MPQueue):
        return True
    needed = ("empty", "full", "get", "get_nowait", "put", "put_nowait",
              "join", "qsize", "task_done")
    return all(callable(getattr(obj, name, None)) for name in needed)


class DictConfigurator(BaseConfigurator):
    """Configures logging from a dictionary in the dictConfig schema."""

    def configure(self):
        config = self.config
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError("Unsupported version: %s" % config["version"])
        incremental = config.pop("incremental", False)
        with logging._lock:
            if incremental:
                self._configure_incremental(config)
            else:
                self._configure_full(config)

    def _configure_incremental(self, config):
        # Only levels (and logger propagation) change; handlers must exist.
        handlers = config.get("handlers", {})
        for name in handlers:
            if name not in logging._handlers:
                raise ValueError("No handler found with name %r" % name)
            try:
                level = handlers[name].get("level", None)
                if level:
                    logging._handlers[name].setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e
        loggers = config.get("loggers", {})
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
        root = config.get("root", None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def _configure_full(self, config):
        disable_existing = config.pop("disable_existing_loggers", True)
        _clearExistingHandlers()

        formatters = config.get("formatters", {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError("Unable to configure formatter %r" % name) from e
        filters = config.get("filters", {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError("Unable to configure filter %r" % name) from e

        # Handlers referring to other handlers (MemoryHandler targets,
        # QueueHandler handler lists) may come first in sorted order: retry
        # those once everything else exists.
        handlers = config.get("handlers", {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if " not configured yet" in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError("Unable to configure handler %r" % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e

        existing = sorted(logging.root.manager.loggerDict.keys())
        child_loggers = []
        loggers = config.get("loggers", {})
        for name in loggers:
            _children_of(name, existing, child_loggers)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
        _handle_existing_loggers(existing, child_loggers, disable_existing)

        root = config.get("root", None)
        if root:
            try:
                self.configure_root(root)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def configure_formatter(self, config):
        if "()" in config:
            factory = config["()"]
            try:
                return self.configure_custom(config)
            except TypeError as te:
                # Factories modelled on Formatter take "fmt", while the
                # schema key is "format": retry with the renamed key.
                if "'format'" not in str(te):
                    raise
                config["fmt"] = config.pop("format")
                config["()"] = factory
                return self.configure_custom(config)
        fmt = config.get("format", None)
        dfmt = config.get("datefmt", None)
        style = config.get("style", "%")
        cname = config.get("class", None)
        defaults = config.get("defaults", None)
        c = _resolve(cname) if cname else logging.Formatter
        kwargs = {}
        if defaults is not None:
            kwargs["defaults"] = defaults
        if "validate" in config:
            return c(fmt, dfmt, style, config["validate"], **kwargs)
        return c(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        return logging.Filter(config.get("name", ""))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, "filter", None)):
                    filter_ = f
                else:
                    filter_ = self.config["filters"][f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError("Unable to add filter %r" % f) from e

    def _configure_queue_handler(self, klass, **kwargs):
        q = kwargs.pop("queue") if "queue" in kwargs else queue.Queue()
        rhl = kwargs.pop("respect_handler_level", False)
        lklass = kwargs.pop("listener", logging.handlers.QueueListener)
        handlers = kwargs.pop("handlers", [])
        listener = lklass(q, *handlers, respect_handler_level=rhl)
        handler = klass(q, **kwargs)
        handler.listener = listener
        return handler

    def _prepare_memory_handler(self, config, config_copy):
        if "flushLevel" in config:
            config["flushLevel"] = logging._checkLevel(config["flushLevel"])
        if "target" in config:
            tn = config["target"]
            try:
                th = self.config["handlers"][tn]
                if not isinstance(th, logging.Handler):
                    # Leave the config as found so the deferred pass can
                    # start again from scratch.
                    config.update(config_copy)
                    raise TypeError("target not configured yet")
                config["target"] = th
            except Exception as e:
                raise ValueError("Unable to set target handler %r" % tn) from e

    def _prepare_queue_handler(self, config, config_copy):
        if "queue" in config:
            qspec = config["queue"]
            if isinstance(qspec, str):
                q = self.resolve(qspec)
                if not callable(q):
                    raise TypeError("Invalid queue specifier %r" % qspec)
                config["queue"] = q()
            elif isinstance(qspec, dict):
                if "()" not in qspec:
                    raise TypeError("Invalid queue specifier %r" % qspec)
                config["queue"] = self.configure_custom(dict(qspec))
            elif not _is_queue_like_object(qspec):
                raise TypeError("Invalid queue specifier %r" % qspec)
        if "listener" in config:
            lspec = config["listener"]
            if isinstance(lspec, type):
                if not issubclass(lspec, logging.handlers.QueueListener):
                    raise TypeError("Invalid listener specifier %r" % lspec)
            else:
                if isinstance(lspec, str):
                    listener = self.resolve(lspec)
                    if isinstance(listener, type) and \
                            not issubclass(listener, logging.handlers.QueueListener):
                        raise TypeError("Invalid listener specifier %r" % lspec)
                elif isinstance(lspec, dict):
                    if "()" not in lspec:
                        raise TypeError("Invalid listener specifier %r" % lspec)
                    listener = self.configure_custom(dict(lspec))
                else:
                    raise TypeError("Invalid listener specifier %r" % lspec)
                if not callable(listener):
                    raise TypeError("Invalid listener specifier %r" % lspec)
                config["listener"] = listener
        if "handlers" in config:
            hlist = []
            hn = None
            try:
                for hn in config["handlers"]:
                    h = self.config["handlers"][hn]
                    if not isinstance(h, logging.Handler):
                        config.update(config_copy)
                        raise TypeError("Required handler %r "
                                        "is not configured yet" % hn)
                    hlist.append(h)
            except Exception as e:
                raise ValueError("Unable to set required handler %r" % hn) from e
            config["handlers"] = hlist

    def configure_handler(self, config):
        config_copy = dict(config)
        formatter = config.pop("formatter", None)
        if formatter:
            try:
                formatter = self.config["formatters"][formatter]
            except Exception as e:
                raise ValueError("Unable to set formatter %r" % formatter) from e
        level = config.pop("level", None)
        filters = config.pop("filters", None)
        if "()" in config:
            factory = config.pop("()")
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop("class")
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler):
                self._prepare_memory_handler(config, config_copy)
            elif issubclass(klass, logging.handlers.QueueHandler):
                self._prepare_queue_handler(config, config_copy)
            elif issubclass(klass, logging.handlers.SMTPHandler) and \
                    "mailhost" in config:
                config["mailhost"] = self.as_tuple(config["mailhost"])
            elif issubclass(klass, logging.handlers.SysLogHandler) and \
                    "address" in config:
                config["address"] = self.as_tuple(config["address"])
            if issubclass(klass, logging.handlers.QueueHandler):
                factory = functools.partial(self._configure_queue_handler, klass)
            else:
                factory = klass
        kwargs = {k: config[k] for k in config if k != "." and valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as te:
            # Old-style handlers spell the stream argument "strm".
            if "'stream'" not in str(te):
                raise
            kwargs["strm"] = kwargs.pop("stream")
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        props = config.pop(".", None)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config["handlers"][h])
            except Exception as e:
                raise ValueError("Unable to add handler %r" % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get("level", None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get("handlers", None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get("filters", None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get("propagate", None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    dictConfigClass(config).configure()


# ------------------------------------------------------------ listener

def _recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


class _ConfigReceiver:
    """Accepts connections each carrying one ">L"-length-prefixed
    configuration (JSON for dictConfig, else a fileConfig file)."""

    def __init__(self, host, port, ready, verify):
        import socket
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((host, port))
            self.socket.listen(5)
        except BaseException:
            self.socket.close()
            raise
        self.server_address = self.socket.getsockname()
        with logging._lock:
            self.abort = 0
        self.timeout = 1
        self.ready = ready
        self.verify = verify

    def handle_connection(self, conn):
        try:
            header = conn.recv(4)
            if len(header) == 4:
                data = _recv_exact(conn, struct.unpack(">L", header)[0])
                if self.verify is not None:
                    data = self.verify(data)
                if data is not None:
                    _apply_config_text(data.decode("utf-8"))
                if self.ready:
                    self.ready.set()
        except OSError as e:
            if e.errno != RESET_ERROR:
                raise
        finally:
            conn.close()

    def serve_until_stopped(self):
        import select
        try:
            while True:
                rd, _, _ = select.select([self.socket.fileno()], [], [],
                                         self.timeout)
                if rd:
                    conn, _ = self.socket.accept()
                    # One thread per request, like a threading TCP server,
                    # so a slow client cannot stall stopListening().
                    t = threading.Thread(target=self.handle_connection,
                                         args=(conn,), daemon=True)
                    t.start()
                with logging._lock:
                    if self.abort:
                        break
        finally:
            self.socket.close()


def _apply_config_text(text):
    try:
        import json
        d = json.loads(text)
        if not isinstance(d, dict):
            raise TypeError("not a dict")
        dictConfig(d)
    except Exception:
        try:
            fileConfig(io.StringIO(text))
        except Exception:
            traceback.print_exc()


class _ListenerThread(threading.Thread):
    def __init__(self, port, verify):
        super().__init__()
        self.port = port
        self.verify = verify
        self.ready = threading.Event()

    def run(self):
        global _listener
        server = _ConfigReceiver("localhost", self.port, self.ready, self.verify)
        if self.port == 0:
            self.port = server.server_address[1]
        self.ready.set()
        with logging._lock:
            _listener = server
        server.serve_until_stopped()


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    """Return a (not yet started) thread that serves configuration requests
    on localhost:port until stopListening() is called."""
    return _ListenerThread(port, verify)


def stopListening():
    global _listener
    with logging._lock:
        if _listener:
            _listener.abort = 1
            _listener = None

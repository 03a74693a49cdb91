"""The ``netcontract`` command line.

    netcontract convert [--type NAME] [--from json|xml|wcf-json|ndjson]
                        [--to json|xml|wcf-json|ndjson] [--indent] [--strict] [--lossy]
                        [--simple-dictionaries] [--layout writer|stream]
                        [--json-settings FILE] [--out FILE|DIR] [--jobs N] [--quiet]
                        [FILE|DIR|-]
    netcontract validate [--type NAME] [FILE|-]
    netcontract export-xsd [--type NAME]... --out DIR
    netcontract sample NAME [--format json|xml] [--indent] [--seed N]
    netcontract fixtures NAME --out DIR [--count N] [--seed S] [--format json|xml|both]
                         [--indent]
    netcontract serve [--host HOST] [--port PORT] [--json-settings FILE]
    netcontract types
    netcontract generate SOURCE... [--out FILE.py] [--strict]
    netcontract --version

Exit status: 0 success, 1 refused payload (one problem per line on stderr), 2 usage or I/O
error (one line), 130 interrupted (Ctrl+C; 143 SIGTERM, 129 SIGHUP), 141 stdout closed by
its reader. No traceback is ever printed (70 and one line for a bug: set
NETCONTRACT_TRACEBACK=1 to see it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import difflib
import errno
import importlib
import importlib.metadata
import io
import os
import re
import select
import signal
import socket
import stat
import sys
import threading
import time
import traceback
import typing
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Final, NoReturn

from netcontract.batch import available_cpus, run_ordered
from netcontract.clr.datetime import DateTime
from netcontract.clr.value_types import Byte, Int16, Int32, Int64, SByte, UInt16, UInt32, UInt64
from netcontract.conversions import (
    from_json,
    from_wcf_json,
    from_xml,
    to_json,
    to_wcf_json,
    to_xml,
)
from netcontract.documents import as_document, type_arguments
from netcontract.errors import (
    ContractDefinitionError,
    NetContractError,
    PayloadError,
    Problem,
    SerializationError,
)
from netcontract.files import (
    OutputError,
    open_output,
    remove_temporary_files,
    write_atomically,
    write_output,
)
from netcontract.generate import cli as _generate_cli
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, ReadContext
from netcontract.model.contract import (
    is_contract,
    known_contracts,
    load_contract_entry_points,
    open_generic_contracts,
)
from netcontract.model.plan import contract_info
from netcontract.model.wire import collection_of, is_plain_collection
from netcontract.ndjson import ndjson_line, on_line, read_ndjson_lines
from netcontract.testing.corpus import FORMATS, MANIFEST_NAME, is_corpus_manifest, write_corpus
from netcontract.webapi.help_page import help_page_sample
from netcontract.xsd.export import export_schemas, schema_file_name
from netcontract.xsd.validate import validate_xml

__all__ = ["main", "resolve_type", "write_atomically"]

#: packages imported so that their contracts are known by name, when the entry points of
#: the ``netcontract.contracts`` group are not installed (a plain checkout on sys.path)
BUNDLED_MODELS = ("vehizen",)

EXIT_OK, EXIT_PAYLOAD, EXIT_USAGE = 0, 1, 2
EXIT_BUG: Final = 70  # sysexits' EX_SOFTWARE: a bug in netcontract, reported on one line
EXIT_INTERRUPTED: Final = 128 + signal.SIGINT
EXIT_BROKEN_PIPE: Final = 128 + signal.SIGPIPE

#: --out names that mean an inherited stream, written to, never replaced
_STDOUT_NAMES: Final = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
_STDERR_NAMES: Final = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})

#: magic numbers of compressed files, which neither format can start with
_COMPRESSED: Final = (
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")


class UsageError(Exception):
    """Bad arguments, or input or output that cannot be read or written; exit status 2."""


class _StdoutClosedError(Exception):
    """The reader of stdout went away (EPIPE): stop quietly."""


class _ClosedStream(io.RawIOBase):
    """Stands for a standard output the shell closed: every write fails as on a closed fd."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


class _Terminated(BaseException):
    """SIGTERM or SIGHUP: unwind (removing temporary files) and exit 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# ------------------------------------------------------------------------------- types


def _load_contracts() -> None:
    load_contract_entry_points()
    for name in BUNDLED_MODELS:
        with contextlib.suppress(ImportError):  # an installation without the bundled models
            importlib.import_module(name)


def _contract_classes() -> list[type]:
    return sorted(
        {cls for cls in known_contracts().values() if is_contract(cls)},
        key=lambda c: (c.__name__, c.__module__),
    )


def _named_classes() -> list[type]:
    """Contracts, contract enums and open generic contracts, by name (collection contracts
    are no document types for the command yet)."""
    classes = {
        cls for cls in known_contracts().values() if "__netcontract__" in cls.__dict__
    } | set(open_generic_contracts())
    return sorted(classes, key=lambda c: (c.__name__, c.__module__))


#: type arguments by the names people write: C#'s keywords, .NET's and Python's names
_BUILTIN_TYPES: Final[dict[str, Any]] = {
    **dict.fromkeys(("Guid", "System.Guid", "uuid.UUID", "UUID"), uuid.UUID),
    **dict.fromkeys(("string", "String", "System.String", "str"), str),
    **dict.fromkeys(("bool", "Boolean", "System.Boolean"), bool),
    **dict.fromkeys(("int", "Int32", "System.Int32"), Int32),
    **dict.fromkeys(("long", "Int64", "System.Int64"), Int64),
    **dict.fromkeys(("short", "Int16", "System.Int16"), Int16),
    **dict.fromkeys(("byte", "Byte", "System.Byte"), Byte),
    **dict.fromkeys(("sbyte", "SByte", "System.SByte"), SByte),
    **dict.fromkeys(("ushort", "UInt16", "System.UInt16"), UInt16),
    **dict.fromkeys(("uint", "UInt32", "System.UInt32"), UInt32),
    **dict.fromkeys(("ulong", "UInt64", "System.UInt64"), UInt64),
    **dict.fromkeys(("double", "Double", "System.Double", "float"), float),
    **dict.fromkeys(("decimal", "Decimal", "System.Decimal", "decimal.Decimal"), Decimal),
    **dict.fromkeys(("DateTime", "System.DateTime"), DateTime),
    **dict.fromkeys(("object", "Object", "System.Object"), object),
}
_LIST_NAMES: Final = frozenset({"list", "List", "IList"})
_DICT_NAMES: Final = frozenset({"dict", "Dictionary", "IDictionary"})
_MAX_TYPE_TEXT: Final = 1000
_MAX_TYPE_DEPTH: Final = 16


def resolve_type(name: str) -> Any:
    """A document type from ``--type``: ``ClassName``, ``module:ClassName``, or either with
    type arguments (``ResponseDto[CustomerGroupDto]``, ``ResponseDto[Guid]``,
    ``ResponseDto[list[vehizen:VehicleLightDto]]``, ``ResponseDto[int?]``); or a collection
    root, ``list[VehicleLightDto]`` (``List<T>``) or ``dict[string,int]``
    (``Dictionary<K,V>``)."""
    if len(name) > _MAX_TYPE_TEXT:
        raise UsageError(f"--type is longer than {_MAX_TYPE_TEXT} characters")
    tp = _TypeParser(name).parse()
    if is_plain_collection(tp):
        try:
            collection_of(tp)  # a key or item type .NET cannot have is reported here
        except ContractDefinitionError as exc:
            raise UsageError(f"--type {name!r}: {exc}") from None
        return tp
    if not is_contract(tp):
        what = "an enum" if isinstance(tp, type) and tp in known_contracts().values() else None
        raise UsageError(
            f"{name!r} is {what or 'not a contract class'}; --type names the document's"
            " contract (a class declared with @contract), or a collection of them"
            " (list[T], dict[K,V])"
        )
    try:
        contract_info(tp)  # a bad type argument is reported here, not halfway through a read
    except ContractDefinitionError as exc:
        raise UsageError(f"--type {name!r}: {exc}") from None
    return tp


class _TypeParser:
    """``name ('[' type (',' type)* ']')? '?'?``, recursively, with a bounded depth."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [t for t in re.findall(r"[\[\],]|[^\[\],]+", text) if t.strip()]
        self.pos = 0

    def fail(self, why: str) -> NoReturn:
        raise UsageError(f"--type {self.text!r}: {why}")

    def parse(self) -> Any:
        tp = self.type(0)
        if self.pos != len(self.tokens):
            self.fail(f"unexpected {self.tokens[self.pos]!r}")
        return tp

    def type(self, depth: int) -> Any:
        if depth > _MAX_TYPE_DEPTH:
            self.fail(f"type arguments nested more than {_MAX_TYPE_DEPTH} deep")
        if self.pos >= len(self.tokens) or self.tokens[self.pos] in "[],":
            self.fail("a type name is missing")
        atom = self.tokens[self.pos].strip()
        self.pos += 1
        args: list[Any] = []
        if self.pos < len(self.tokens) and self.tokens[self.pos] == "[":
            self.pos += 1
            args.append(self.type(depth + 1))
            while self.pos < len(self.tokens) and self.tokens[self.pos] == ",":
                self.pos += 1
                args.append(self.type(depth + 1))
            if self.pos >= len(self.tokens) or self.tokens[self.pos] != "]":
                self.fail("']' is missing")
            self.pos += 1
        nullable = False
        if self.pos < len(self.tokens) and self.tokens[self.pos].strip() == "?":
            self.pos += 1  # ResponseDto[int]? is not a thing, but the parser need not care
            nullable = True
        if atom.endswith("?"):
            atom, nullable = atom[:-1].rstrip(), True
        tp = self.apply(atom, args)
        return tp | None if nullable else tp

    def apply(self, atom: str, args: list[Any]) -> Any:
        if atom in _LIST_NAMES:
            if len(args) != 1:
                self.fail(f"{atom} takes one type argument (list[VehicleLightDto])")
            return list[args[0]]  # type: ignore[valid-type]
        if atom in _DICT_NAMES:
            if len(args) != 2:
                self.fail(f"{atom} takes two type arguments (dict[string,int])")
            return dict[args[0], args[1]]  # type: ignore[valid-type]
        tp = self.atom(atom)
        params = getattr(tp, "__parameters__", ())
        if not args:
            return tp
        if not params:
            self.fail(f"{atom} takes no type arguments")
        if len(args) != len(params):
            self.fail(f"{atom} takes {len(params)} type argument(s), not {len(args)}")
        return tp[tuple(args) if len(args) > 1 else args[0]]

    def atom(self, atom: str) -> Any:
        if ":" in atom:
            return _import_attribute(atom, self.text)
        builtin = _BUILTIN_TYPES.get(atom)
        if builtin is not None:
            return builtin
        classes = _named_classes()
        matches = [c for c in classes if atom in (c.__name__, c.__netcontract__.name)]  # type: ignore[attr-defined]
        if not matches:
            known = ", ".join(c.__name__ for c in _contract_classes())
            where = "" if atom == self.text else f" in {self.text!r}"
            names = [c.__name__ for c in classes] + list(_BUILTIN_TYPES)
            close = difflib.get_close_matches(atom, names, n=1, cutoff=0.6) or [
                n for n in names if n.lower() == atom.lower()
            ]
            hint = f"did you mean {close[0]!r}? " if close else ""
            for entry, failure in sorted(load_contract_entry_points().items()):
                hint += f"entry point {entry!r} failed to load: {failure}; "
            raise UsageError(
                f"unknown type {atom!r}{where} ({hint}known: {known}; or use module:Class;"
                " type arguments may also be Guid, string, int, long, bool, double, decimal,"
                " DateTime, object, list[T], dict[K,V] and T?)"
            )
        if len(matches) > 1:
            options = ", ".join(f"{c.__module__}:{c.__qualname__}" for c in matches)
            raise UsageError(f"type {atom!r} is ambiguous; use one of: {options}")
        return matches[0]


def _import_attribute(spec: str, whole: str) -> Any:
    """``package.module:Class`` (or ``:Outer.Inner``), importing the module."""
    module_name, _, attr = spec.partition(":")
    module_name, attr = module_name.strip(), attr.strip()
    if not module_name:
        raise UsageError(f"--type {whole!r}: the module is missing (give module:Class)")
    if module_name.startswith("."):
        raise UsageError(
            f"--type {whole!r}: relative module names are not supported; give the full name"
        )
    if not all(part.isidentifier() for part in module_name.split(".")):
        raise UsageError(f"--type {whole!r}: {module_name!r} is not a module name")
    if not attr:
        raise UsageError(f"--type {whole!r}: the class name is missing (give module:Class)")
    if not all(part.isidentifier() for part in attr.split(".")):
        raise UsageError(f"--type {whole!r}: {attr!r} is not a class name (give module:Class)")
    _search_current_folder()
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"cannot import {module_name!r}: {exc} (searched the installed packages and the"
            " current folder)"
        ) from None
    except (Exception, SystemExit) as exc:  # the user's module ran and failed
        raise UsageError(
            f"importing {module_name!r} failed: {type(exc).__name__}: {exc}".rstrip(": ")
        ) from None
    value: Any = module
    for part in attr.split("."):
        value = getattr(value, part, None)
    if value is None:
        raise UsageError(f"{module_name!r} has no {attr!r}")
    return value


def _search_current_folder() -> None:
    # `python -m netcontract` finds modules in the current folder; the console script must
    # too. Appended, not prepended: a file in the current folder never shadows an installed
    # package (xmlschema.py, hypothesis.py...) that netcontract imports later.
    here = str(Path.cwd())
    if here not in sys.path and "" not in sys.path:
        sys.path.append(here)


# ------------------------------------------------------------------------------- input


def _read_input(path: str, stdin: BinaryIO) -> bytes:
    """The whole input, reading at most max_bytes + 1 bytes (QuotaExceededError beyond)."""
    if path == "-":
        try:
            return _read_bounded(stdin)
        except OSError as exc:
            raise UsageError(f"cannot read stdin: {exc.strerror or exc}") from None
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a plain path argument
            return _read_bounded(handle)
    except OSError as exc:
        raise UsageError(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _read_bounded(handle: BinaryIO) -> bytes:
    limit = DEFAULT_LIMITS.max_bytes
    fd = _waitable_fd(handle)
    # never more than the limit: /dev/zero must not fill the memory
    data = handle.read(limit + 1) if fd is None else _read_waiting(fd, limit + 1)
    if len(data) > limit:
        ReadContext().exceeded("", "max_bytes", limit, "bytes")
    return data


def _waitable_fd(handle: BinaryIO) -> int | None:
    """The descriptor of a pipe, FIFO, terminal or device input (the handle was just opened,
    nothing of it read: the descriptor gives everything)."""
    try:
        fd = handle.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None
    return None if stat.S_ISREG(mode) else fd


def _read_waiting(fd: int, most: int) -> bytes:
    """Up to ``most`` bytes of a pipe or device, waiting in short steps: a signal that comes
    just before a blocking read() waits for the next byte (Python runs handlers between
    steps), so SIGTERM on a command waiting for a FIFO was lost until data came."""
    chunks: list[bytes] = []
    size = 0
    while size < most:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        chunk = os.read(fd, min(1 << 20, most - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _payload_error(message: str) -> PayloadError:
    return PayloadError([Problem("", message)])


# leading white space, matched where it is (lstrip or strip would copy up to 32 MiB)
_BLANK: Final = re.compile(rb"[ \t\r\n]*")
_BLANK_UTF16: Final = {
    b"\xff\xfe": re.compile(rb"(?:[ \t\r\n]\x00)*"),
    b"\xfe\xff": re.compile(rb"(?:\x00[ \t\r\n])*"),
}


def _check_not_empty_or_compressed(data: bytes) -> None:
    for magic, name in _COMPRESSED:
        if data.startswith(magic):
            raise _payload_error(
                f"{name}-compressed input is not read; decompress it first"
                f" ({'gunzip -c FILE | ' if name == 'gzip' else ''}netcontract ... -)"
            )
    start = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    blank = _BLANK
    if data.startswith(_UTF16_BOMS):
        start, blank = 2, _BLANK_UTF16[data[:2]]
    match = blank.match(data, start)
    if match is not None and match.end() == len(data):
        raise _payload_error("empty document" + (" (white space only)" if data else ""))


def sniff_format(data: bytes, hint: str | None = None) -> str:
    """``xml`` or ``json`` from the first significant byte; else the file extension's."""
    _check_not_empty_or_compressed(data)
    start = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    match = _BLANK.match(data, start)
    first = data[match.end() : match.end() + 2] if match is not None else b""
    if first.startswith(b"<"):
        return "xml"
    if first.startswith((b"{", b"[")):
        return "json"
    if data.startswith(_UTF16_BOMS) or first == b"\x00<":
        return "xml"  # UTF-16: only XML may be UTF-16 here
    if hint in ("json", "xml"):
        return hint  # the reader then says what is wrong with the document
    raise UsageError("cannot tell the input format (neither '<' nor '{' first); use --from")


def _extension(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    return suffix[1:] if suffix in (".json", ".xml") else None


# ------------------------------------------------------------------------------- output


def _emit(stream: BinaryIO, data: bytes) -> None:
    """Write to stdout; a reader that went away stops the command quietly."""
    try:
        _write_all(stream, data)
        stream.flush()
    except BrokenPipeError:
        raise _StdoutClosedError from None
    except OSError as exc:
        _discard_stream(stream)
        raise UsageError(f"cannot write to stdout: {exc.strerror or exc}") from None


def _write_all(stream: Any, data: bytes) -> None:
    # BufferedWriter.write returns a short count, without raising, when a large write is cut
    # short (the pipe's reader went away): write the rest, which then raises
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None or written >= len(view):
            return
        if written == 0:
            raise OSError(0, "nothing could be written")
        view = view[written:]


def _discard_stream(stream: Any) -> None:
    """Point a failed standard stream at /dev/null, so the exit-time flush cannot fail again."""
    for std in (sys.stdout, sys.stderr):
        if stream is std or stream is getattr(std, "buffer", None):
            with contextlib.suppress(OSError, ValueError):
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, std.fileno())
                os.close(null)


_UNSAFE: Final = {
    **{c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09},
    **{c: f"\\u{c:04x}" for c in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def _say(stderr: Any, text: str) -> None:
    """One line on stderr, control characters escaped (file names and payload text are
    untrusted: no terminal escape sequences, no forged lines)."""
    try:
        print(text.translate(_UNSAFE), file=stderr)
        stderr.flush()
    except OSError:
        _discard_stream(stderr)


def _write_out(name: str, data: bytes, stdout: BinaryIO, stderr: Any) -> None:
    """``--out``: stdout/stderr by name, else a file (atomically), a device or a pipe."""
    if name in _STDOUT_NAMES:
        _emit(stdout, data)
        return
    if name in _STDERR_NAMES:
        with contextlib.suppress(OSError):
            stderr.flush()
        try:
            buffer = getattr(stderr, "buffer", None)
            if buffer is not None:
                _write_all(buffer, data)
                buffer.flush()
            else:
                stderr.write(data.decode("utf-8", "replace"))
        except OSError as exc:
            raise UsageError(f"cannot write to stderr: {exc.strerror or exc}") from None
        return
    if name == "/dev/stdin" or name.startswith(("/dev/fd/", "/proc/self/fd/")):
        _write_descriptor(name, data)
        return
    try:
        write_output(name, data)
    except OutputError as exc:
        raise UsageError(f"--out {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {name!r}: {exc.strerror or exc}") from None


def _write_descriptor(name: str, data: bytes) -> None:
    # an inherited descriptor (`--out /dev/fd/3`, process substitution): written as it is,
    # keeping its offset and O_APPEND, as the shell opened it
    number = name.rpartition("/")[2]
    if not number.isdigit() or int(number) == 0:  # /dev/stdin: the input, maybe a file
        raise UsageError(f"cannot write --out {name!r}: not an output descriptor")
    try:
        fd = int(number)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise UsageError(f"cannot write {name!r}: {exc.strerror or exc}") from None


# ------------------------------------------------------------------------------- commands


def _convert_bytes(
    data: bytes, args: argparse.Namespace, source: str | None, hint: str | None = None
) -> tuple[bytes, str]:
    """The converted document (with its trailing newline) and the output format.

    ``source`` is the input format when known (--from), else it is sniffed, with ``hint``
    (the file's extension) deciding when the content does not; ``"folder"`` for the files of
    a folder, where --strict applies to the XML ones only.
    """
    if source:
        _check_not_empty_or_compressed(data)
    source = source or sniff_format(data, hint)
    target = args.target or ("json" if source == "xml" else "xml")
    if args.layout == "stream" and target != "xml" and (args.target or hint != "folder"):
        # a folder's JSON files become XML with it and its XML files JSON without it
        raise UsageError(f"--layout stream applies to XML output, not to {target}")
    cls: Any = resolve_type(args.type) if args.type else None
    if args.json_settings is not None and not {source, target} & {"json", "ndjson"}:
        raise UsageError(
            "--json-settings applies to Json.NET JSON (json, ndjson), not to xml or wcf-json"
        )
    if args.simple_dictionaries and "wcf-json" not in (source, target) and hint != "folder":
        raise UsageError(
            f"--simple-dictionaries applies to WCF JSON (wcf-json), not to {source} or {target}"
        )
    if source in ("json", "wcf-json"):
        if cls is None:
            raise UsageError(
                "--type is required for JSON input (JSON does not name its type;"
                " `netcontract types` lists the known contracts)"
            )
        if args.strict and hint != "folder":
            raise UsageError(
                "--strict applies to XML input; JSON's unknown members are ignored, as"
                " Json.NET and DataContractJsonSerializer ignore them (a --json-settings"
                ' file with missing_member_handling = "Error" refuses them in Json.NET JSON)'
            )
        if source == "json":
            obj = from_json(data, cls, settings=args.json_settings)
        else:
            obj = from_wcf_json(
                data,
                cls,
                known_types=type_arguments(cls),
                simple_dictionaries=args.simple_dictionaries,
            )
    else:
        obj = from_xml(data, cls, strict=args.strict, known_types=type_arguments(cls))
    return _convert_object(obj, args, target, cls)


def _convert_object(
    obj: Any, args: argparse.Namespace, target: str, cls: Any = None
) -> tuple[bytes, str]:
    """``obj`` written in ``target`` format (with its trailing newline)."""
    known = type_arguments(cls)
    obj = as_document(obj, cls)
    if target == "ndjson":
        return ndjson_line(obj, settings=args.json_settings), target
    if target == "wcf-json":
        out = to_wcf_json(
            obj,
            indent=args.indent,
            lossy=args.lossy,
            known_types=known,
            simple_dictionaries=args.simple_dictionaries,
        )
    elif target == "json":
        out = to_json(obj, indent=args.indent, settings=args.json_settings)
    else:
        out = to_xml(obj, indent=args.indent, layout=args.layout, known_types=known)
    return out + b"\n", target


def _input_name(args: argparse.Namespace, stdin: BinaryIO) -> str:
    if args.file is not None:
        return str(args.file)
    isatty = getattr(stdin, "isatty", None)
    if isatty is not None and isatty():
        raise UsageError(
            "no input: give a FILE or a folder, or pipe a document into stdin"
            " ('-' reads the terminal)"
        )
    return "-"


#: a folder with fewer files is converted in this process unless --jobs says otherwise:
#: starting a worker (a fresh interpreter importing netcontract and the contracts) costs
#: about as much as converting a hundred small documents (bench/batch.py)
POOL_MIN_FILES: Final = 100
MAX_JOBS: Final = 256
_NDJSON_NAMES: Final = (".ndjson", ".jsonl")


def _check_ndjson_options(args: argparse.Namespace) -> None:
    if "ndjson" not in (args.source, args.target):
        return
    if args.source == "ndjson" and args.type is None:
        raise UsageError(
            "--type is required for NDJSON input (JSON does not name its type;"
            " `netcontract types` lists the known contracts)"
        )
    if args.target == "ndjson" and args.indent:
        raise UsageError("--indent does not apply to --to ndjson (one document per line)")
    settings = args.json_settings
    if args.target == "ndjson" and settings is not None and settings.formatting != "None":
        raise UsageError(
            '--to ndjson needs compact JSON: the --json-settings formatting must be "None"'
        )


def _convert(args: argparse.Namespace, stdin: BinaryIO, stdout: BinaryIO, stderr: Any) -> int:
    if args.layout == "stream" and args.indent:
        raise UsageError(
            "--layout stream cannot be indented (.NET's WriteObject(Stream) writer has no"
            " indentation)"
        )
    name = _input_name(args, stdin)
    if args.source is None and name.lower().endswith(_NDJSON_NAMES):
        args.source = "ndjson"
    if args.target is None and args.out is not None and args.out.lower().endswith(_NDJSON_NAMES):
        args.target = "ndjson"
    _check_ndjson_options(args)
    if name != "-" and Path(name).is_dir():
        return _convert_folder(args, name, stdin, stdout, stderr)
    if args.type:
        resolve_type(args.type)  # a usage error before a long read of stdin
    if args.source == "ndjson":
        return _convert_ndjson(args, name, stdin, stdout, stderr)
    if args.target is None and args.out is not None:
        args.target = _extension(args.out)  # --out group.xml: XML, whatever the input
    out, _ = _convert_bytes(_read_input(name, stdin), args, args.source, _extension(name))
    if args.out is None:
        _emit(stdout, out)
    else:
        _write_out(args.out, out, stdout, stderr)
    return EXIT_OK


# -- folders and NDJSON: each document reported on its own, a summary at the end

#: the arguments of the folder being converted, in this process or in a worker
_FOLDER_ARGS: argparse.Namespace | None = None
_NO_STREAM: Final = typing.cast(BinaryIO, _ClosedStream())


def _start_folder_worker(args: argparse.Namespace, in_worker: bool) -> None:
    global _FOLDER_ARGS  # noqa: PLW0603 - set once per worker process
    _FOLDER_ARGS = args
    if in_worker:
        _load_contracts()  # a spawned worker knows only what it imports
        if args.type:
            resolve_type(args.type)  # imports a module:Class module once, not per file


def _convert_folder_file(task: tuple[Path, Path | None, str]) -> tuple[bool, list[str], bytes]:
    """Convert one file of a folder (in a worker, or here with --jobs 1): whether it was
    converted, its report lines, and its NDJSON line when the output is NDJSON (else the
    output is written to the destination)."""
    path, destination, source = task
    args = _FOLDER_ARGS
    assert args is not None
    try:
        out, _ = _convert_bytes(_read_input(str(path), _NO_STREAM), args, source, "folder")
        if destination is None:
            return True, [], out
        _write_out(str(destination), out, _NO_STREAM, _NO_STREAM)
    except (PayloadError, SerializationError) as exc:
        return False, [f"netcontract: {path}: {problem}" for problem in exc.problems], b""
    except (UsageError, NetContractError) as exc:
        return False, [f"netcontract: {path}: {exc}"], b""
    return True, [], b""


class _Report:
    """Per-document reports on stderr, a progress bar while it is a terminal (and not
    --quiet), and the summary line."""

    def __init__(self, args: argparse.Namespace, stderr: Any, total: int, unit: str) -> None:
        self.stderr = stderr
        self.quiet = bool(args.quiet)
        self.started = time.monotonic()
        self.bar: Any = None
        isatty = getattr(stderr, "isatty", None)
        if not self.quiet and total > 1 and isatty is not None and isatty():
            with contextlib.suppress(ImportError):  # tqdm is a dependency; be safe anyway
                from tqdm import tqdm  # noqa: PLC0415 - only for a terminal

                self.bar = tqdm(
                    total=total, file=stderr, unit=unit, leave=False, dynamic_ncols=True
                )

    def lines(self, lines: list[str]) -> None:
        if not lines:
            return
        if self.bar is None:
            for line in lines:
                _say(self.stderr, line)
            return
        with self.bar.external_write_mode():
            for line in lines:
                _say(self.stderr, line)

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            with contextlib.suppress(Exception):
                self.bar.close()
            self.bar = None

    def summary(self, counts: str, where: str) -> None:
        self.close()
        if not self.quiet:
            seconds = time.monotonic() - self.started
            _say(self.stderr, f"netcontract: {counts}, into {where} ({seconds:.2f} s)")


def _folder_jobs(args: argparse.Namespace, files: int) -> int:
    if args.jobs is not None:
        return int(args.jobs)
    return available_cpus() if files >= POOL_MIN_FILES else 1


def _convert_folder(
    args: argparse.Namespace, folder: str, stdin: BinaryIO, stdout: BinaryIO, stderr: Any
) -> int:
    """Convert every .json/.xml file of a folder into --out; report each bad file and go on.

    The extension (or --from) gives each file's format, so every output name is known before
    anything is written: names that would collide, or overwrite an input, are refused first.
    With --to ndjson the outputs are the lines of one --out file (or stdout), in file order.
    """
    to_ndjson = args.target == "ndjson"
    if args.source == "ndjson":
        raise UsageError("--from ndjson reads one NDJSON file (or stdin), not a folder")
    if not to_ndjson and (
        args.out is None or args.out in _STDOUT_NAMES or args.out in _STDERR_NAMES
    ):
        raise UsageError("converting a folder needs --out FOLDER (or --to ndjson)")
    source_dir = Path(folder)
    out_dir = None if to_ndjson else Path(args.out)
    if args.type:
        resolve_type(args.type)
    try:
        entries = sorted(source_dir.iterdir())
        files = [p for p in entries if _extension(p.name) and p.is_file()]
    except OSError as exc:
        raise UsageError(f"cannot read the folder {folder!r}: {exc.strerror or exc}") from None
    if not files:
        raise UsageError(f"no .json or .xml file in {folder!r}")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {args.out!r} is not a folder")

    plan: list[tuple[Path, Path | None, str]] = []  # input, output, the input's format
    skipped: list[Path] = []
    for path in files:
        if path.name == MANIFEST_NAME and _is_manifest(path):
            skipped.append(path)
            continue
        source = args.source or _extension(path.name) or "json"
        target = args.target or ("json" if source == "xml" else "xml")
        suffix = "json" if target == "wcf-json" else target
        plan.append((path, None if out_dir is None else out_dir / f"{path.stem}.{suffix}", source))
    if out_dir is not None:
        _refuse_collisions(plan, files)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {args.out!r}: {exc.strerror or exc}") from None
    elif args.out not in (None, *_STDOUT_NAMES) and Path(args.out).resolve() in {
        p.resolve() for p in files
    }:
        raise UsageError(f"--out {args.out!r} is one of the inputs (nothing was written)")
    for path in skipped:
        _say(stderr, f"netcontract: {path}: skipped: the manifest of a fixtures folder")

    report = _Report(args, stderr, len(plan), "file")
    jobs = _folder_jobs(args, len(plan))
    results = run_ordered(
        _convert_folder_file,
        plan,
        jobs=jobs,
        initializer=_start_folder_worker,
        initargs=(args, jobs > 1),
    )
    failed = 0
    try:
        with _ndjson_output(args, stdout, stderr) if to_ndjson else _no_output() as write:
            for ok, lines, line in results:
                failed += not ok
                report.lines(lines)
                if line:
                    write(line)
                report.step()
    except BaseException:
        report.close()
        try:
            typing.cast(Any, results).close()  # the workers stop (or are killed) first
        finally:
            if out_dir is not None and jobs > 1:
                _remove_worker_temporaries(out_dir, {d.name for _, d, _ in plan if d})
        raise
    counts = f"{len(files)} files, {len(plan) - failed} converted, {failed} refused"
    if skipped:
        counts += f", {len(skipped)} skipped"
    where = str(out_dir) if out_dir is not None else _shown_output(args.out)
    report.summary(counts, where)
    return EXIT_PAYLOAD if failed else EXIT_OK


def _shown_output(out: str | None) -> str:
    return "stdout" if out is None or out in _STDOUT_NAMES else out


@contextlib.contextmanager
def _no_output() -> typing.Iterator[Callable[[bytes], None]]:
    def refuse(data: bytes) -> None:
        raise AssertionError("a folder's outputs are files")

    yield refuse


@contextlib.contextmanager
def _ndjson_output(
    args: argparse.Namespace, stdout: BinaryIO, stderr: Any
) -> typing.Iterator[Callable[[bytes], None]]:
    """Where NDJSON lines go: stdout as they come, or --out (a regular file replaced
    atomically at the end, so a reader never sees half the lines; a device or pipe as they
    come)."""
    out = args.out
    if out is None or out in _STDOUT_NAMES:
        yield lambda line: _emit(stdout, line)
        return
    if out in _STDERR_NAMES or out == "/dev/stdin" or out.startswith(("/dev/fd/", "/proc/")):
        raise UsageError(f"--to ndjson writes to a file or stdout, not {out!r}")
    try:
        with open_output(out) as output:
            yield output.write
    except OutputError as exc:
        raise UsageError(f"--out {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {out!r}: {exc.strerror or exc}") from None


#: the temporary files of files.write_atomically: .NAME.<12 hex digits>.tmp
_TEMPORARY: Final = re.compile(r"\.(.+)\.[0-9a-f]{12}\.tmp")


def _remove_worker_temporaries(out_dir: Path, names: set[str]) -> None:
    """Remove the temporary files of outputs named ``names`` that killed workers left (they
    were not this process's to remove at exit)."""
    with contextlib.suppress(OSError):
        for path in out_dir.iterdir():
            match = _TEMPORARY.fullmatch(path.name)
            if match is not None and match.group(1) in names:
                with contextlib.suppress(OSError):
                    path.unlink()


def _convert_ndjson(
    args: argparse.Namespace, name: str, stdin: BinaryIO, stdout: BinaryIO, stderr: Any
) -> int:
    """--from ndjson: each line into a file of --out FOLDER (``<stem>-<line>.<ext>``), or with
    --to ndjson into one NDJSON file or stdout; a refused line is reported with its number and
    the others are still converted."""
    target = args.target or "xml"
    to_ndjson = target == "ndjson"
    if not to_ndjson and (
        args.out is None or args.out in _STDOUT_NAMES or args.out in _STDERR_NAMES
    ):
        raise UsageError(
            "--from ndjson writes one file per line into --out FOLDER, or one NDJSON"
            " document with --to ndjson"
        )
    out_dir = None if to_ndjson else Path(args.out)
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"--out {args.out!r} is not a folder")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {args.out!r}: {exc.strerror or exc}") from None
    cls = resolve_type(args.type)
    shown = "<stdin>" if name == "-" else name
    stem = "stdin" if name == "-" else Path(name).stem
    suffix = "json" if target == "wcf-json" else target
    report = _Report(args, stderr, 0, "line")
    converted = failed = 0
    with contextlib.ExitStack() as stack:
        if name == "-":
            source = stdin
        else:
            try:
                source = stack.enter_context(open(name, "rb"))  # noqa: PTH123
            except OSError as exc:
                raise UsageError(f"cannot read {name!r}: {exc.strerror or exc}") from None
        write = stack.enter_context(
            _ndjson_output(args, stdout, stderr) if to_ndjson else _no_output()
        )
        for number, line in read_ndjson_lines(source):
            try:
                if isinstance(line, PayloadError):
                    raise line
                try:
                    obj = from_json(line, cls, settings=args.json_settings)
                except PayloadError as exc:
                    raise on_line(exc, number) from None
                out, _ = _convert_object(obj, args, target, cls)
                if out_dir is None:
                    write(out)
                else:
                    destination = out_dir / f"{stem}-{number:06d}.{suffix}"
                    _write_out(str(destination), out, stdout, stderr)
                converted += 1
            except (PayloadError, SerializationError) as exc:
                failed += 1
                report.lines([f"netcontract: {shown}: {problem}" for problem in exc.problems])
            except NetContractError as exc:
                failed += 1
                report.lines([f"netcontract: {shown}: line {number}: {exc}"])
    counts = f"{converted + failed} lines, {converted} converted, {failed} refused"
    report.summary(counts, str(out_dir) if out_dir is not None else _shown_output(args.out))
    return EXIT_PAYLOAD if failed else EXIT_OK


def _is_manifest(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return is_corpus_manifest(_read_bounded(handle))
    except (OSError, PayloadError):
        return False  # then it is converted, and its problem reported like any other


def _refuse_collisions(plan: list[tuple[Path, Path | None, str]], inputs: list[Path]) -> None:
    by_output: dict[Path, list[tuple[Path, Path]]] = {}
    for path, destination, _ in plan:
        assert destination is not None
        by_output.setdefault(destination.resolve(), []).append((path, destination))
    problems = [
        f"{' and '.join(p.name for p, _ in sources)} would"
        f" {'both' if len(sources) == 2 else 'all'} be written to {sources[0][1]}"
        for sources in by_output.values()
        if len(sources) > 1
    ]
    resolved_inputs = {p.resolve(): p for p in inputs}
    problems += [
        f"converting {path.name} would overwrite the input {resolved_inputs[out].name}"
        for path, destination, _ in plan
        if destination is not None and (out := destination.resolve()) in resolved_inputs
    ]
    if problems:
        raise UsageError(
            "; ".join(problems) + " (nothing was written; choose another --out folder or --to)"
        )


def _validate(args: argparse.Namespace, stdin: BinaryIO, stdout: BinaryIO) -> None:
    name = _input_name(args, stdin)
    cls: Any = resolve_type(args.type) if args.type else None
    data = _read_input(name, stdin)
    if sniff_format(data, "xml") == "json":
        raise _payload_error("validate checks XML documents, and this one is JSON")
    obj = validate_xml(data, cls)
    shown = "<stdin>" if name == "-" else name
    wire = collection_of(cls) if cls is not None and is_plain_collection(cls) else None
    what = type(obj).__name__ if wire is None else wire.contract_name  # ArrayOfint
    _emit(stdout, f"{shown}: valid {what}\n".encode())


def _export_xsd(args: argparse.Namespace, stdout: BinaryIO) -> None:
    classes = [resolve_type(name) for name in args.type] if args.type else _contract_classes()
    if args.out is None:
        names = ", ".join(schema_file_name(ns) for ns in export_schemas(*classes))
        raise UsageError(
            f"export-xsd writes one schema file per namespace ({names}); give --out DIR"
            " (created when missing)"
        )
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out!r} is not a folder")
    schemas = export_schemas(*classes)  # before creating the folder: it may be refused
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {args.out!r}: {exc.strerror or exc}") from None
    listing = []
    for namespace, text in schemas.items():
        path = out / schema_file_name(namespace)
        try:
            write_output(path, text.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
        listing.append(f"{path}\t{namespace}\n")
    _emit(stdout, "".join(listing).encode("utf-8"))


def _sample(args: argparse.Namespace, stdout: BinaryIO) -> None:
    cls = resolve_type(args.type)
    obj = as_document(help_page_sample(cls, seed=args.seed), cls)
    out = (
        to_json(obj, indent=args.indent)
        if args.format == "json"
        else to_xml(obj, indent=args.indent)
    )
    _emit(stdout, out + b"\n")


def _fixtures(args: argparse.Namespace, stdout: BinaryIO) -> None:
    cls = resolve_type(args.type)
    if args.count < 0:
        raise UsageError(f"--count must be 0 or more, not {args.count}")
    formats = FORMATS if args.format == "both" else (args.format,)
    try:
        manifest = write_corpus(
            cls, args.out, count=args.count, seed=args.seed, formats=formats, indent=args.indent
        )
    except ModuleNotFoundError as exc:
        if exc.name != "hypothesis":
            raise
        raise UsageError(
            "fixtures draws from hypothesis strategies: pip install 'netcontract[test]'"
        ) from None
    except ValueError as exc:  # fewer distinct values than --count
        raise UsageError(str(exc)) from None
    except FileExistsError:  # mkdir found a file of that name
        raise UsageError(f"--out {args.out!r} is not a folder") from None
    except OSError as exc:
        raise UsageError(f"cannot write to {args.out!r}: {exc.strerror or exc}") from None
    files = len(manifest["documents"]) * len(formats)
    # a list[T] / dict[K,V] root by its contract name (ArrayOfVehicleLightDto)
    shown = manifest["contract"]["name"] if is_plain_collection(cls) else cls.__name__
    summary = (
        f"{Path(args.out) / MANIFEST_NAME}: {len(manifest['documents'])} {shown}"
        f" documents ({files} files: {', '.join(formats)}), seed {args.seed}\n"
    )
    _emit(stdout, summary.encode("utf-8"))


def _serve(args: argparse.Namespace, stdout: BinaryIO) -> None:
    try:
        import uvicorn  # noqa: PLC0415 - optional: the webapi extra

        from vehizen.testing import CustomerGroupStandIn  # noqa: PLC0415
    except ImportError as exc:
        raise UsageError(
            f"serve needs the webapi extra (pip install 'netcontract[webapi]'): {exc}"
        ) from None
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be 0..65535, not {args.port}")
    # bound here, not by uvicorn: a port in use or a bad host is a usage error (uvicorn
    # would log it and exit 3, or 0), and --port 0 gets the real port into the banner
    try:
        family = socket.getaddrinfo(args.host, args.port, type=socket.SOCK_STREAM)[0][0]
        listener = socket.create_server((args.host, args.port), family=family)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {reason}") from None
    with listener:
        host, port = listener.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        standin = CustomerGroupStandIn(json_settings=args.json_settings)
        _emit(
            stdout,
            f"netcontract: stand-in of POST api/v2/CustomerGroup on "
            f"http://{shown}:{port}/api/v2/CustomerGroup (Ctrl+C stops it)\n".encode(),
        )
        server = uvicorn.Server(uvicorn.Config(standin.app, log_level=args.log_level))
        # our own loop, closed whatever happens: uvicorn re-raises Ctrl+C once it has shut
        # down, and a loop left to the garbage collector printed "Exception ignored in
        # BaseEventLoop.__del__" with a traceback at exit
        loop = asyncio.new_event_loop()
        serving = server.serve(sockets=[listener])
        try:
            loop.run_until_complete(serving)
        except SystemExit as exc:  # uvicorn exits when its start-up fails (logged above)
            raise UsageError(f"the server stopped at start-up (status {exc.code})") from None
        finally:
            # a Ctrl+C before the loop first ran it left the coroutine unstarted, and
            # Python warned "coroutine 'Server.serve' was never awaited" at exit
            serving.close()
            loop.close()


def _types(stdout: BinaryIO, stderr: Any) -> None:
    # a package whose contracts failed to import would otherwise just be missing here
    for entry, failure in sorted(load_contract_entry_points().items()):
        _say(stderr, f"netcontract: entry point {entry!r} failed to load: {failure}")
    lines = []
    for cls in _named_classes():
        meta = cls.__netcontract__  # type: ignore[attr-defined]
        params = getattr(cls, "__parameters__", ())
        if not is_contract(cls):
            kind = "enum"
        elif params:
            kind = f"contract[{', '.join(p.__name__ for p in params)}]"
        else:
            kind = "contract"
        lines.append(
            f"{cls.__name__}\t{cls.__module__}:{cls.__qualname__}\t{meta.xml_namespace}\t{kind}"
        )
    _emit(stdout, ("\n".join(lines) + "\n").encode("utf-8"))


def _version() -> str:
    try:
        return importlib.metadata.version("netcontract")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """argparse, except that a failed write of --help or --version is not ignored."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            stream = file or sys.stderr
            stream.write(message)
            stream.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="netcontract",
        description="Convert .NET DataContract XML and Json.NET JSON payloads, byte for byte.",
        epilog="Exit status: 0 ok, 1 payload refused, 2 usage or I/O error, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"netcontract {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert a payload between JSON and XML")
    convert.add_argument(
        "file",
        nargs="?",
        default=None,
        help="input file, a folder of .json/.xml files, or - (stdin, the default when piped)",
    )
    convert.add_argument(
        "--out",
        help="write to this file (a regular file is replaced atomically: all or nothing; a"
        " device or pipe is written to) or, for a folder, into this folder; - is stdout",
    )
    type_help = (
        "contract class: ClassName, module:ClassName, with type arguments if generic"
        " (ResponseDto[CustomerGroupDto], ResponseDto[Guid])"
    )
    convert.add_argument("--type", help=type_help)
    formats = ("json", "xml", "wcf-json", "ndjson")
    convert.add_argument(
        "--from",
        dest="source",
        choices=formats,
        help="input format (wcf-json: WCF's DataContractJsonSerializer; never sniffed;"
        " ndjson: one Json.NET document per line, also from a .ndjson or .jsonl name)",
    )
    convert.add_argument(
        "--to",
        dest="target",
        choices=formats,
        help="output format (ndjson: one compact Json.NET document per line; a folder's"
        " files into one --out FILE or stdout)",
    )
    convert.add_argument(
        "--jobs",
        type=_job_count,
        default=None,
        metavar="N",
        help="worker processes for a folder (default: the CPUs, in this process when the"
        f" folder has fewer than {POOL_MIN_FILES} files; 1: in this process)",
    )
    convert.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar and no summary line (refused files are still reported)",
    )
    convert.add_argument(
        "--lossy",
        action="store_true",
        help="--to wcf-json: write what .NET writes where it loses part of a value"
        " (sub-millisecond ticks, an Unspecified DateTime) instead of refusing it",
    )
    convert.add_argument(
        "--simple-dictionaries",
        action="store_true",
        help='wcf-json: dictionaries as JSON objects {"key": value}, as'
        " DataContractJsonSerializerSettings.UseSimpleDictionaryFormat = true writes and reads"
        " them (string keys only)",
    )
    convert.add_argument("--indent", action="store_true", help="indented output, as .NET writes it")
    convert.add_argument(
        "--layout",
        choices=("writer", "stream"),
        default="writer",
        help="XML output: writer (default; Web API, XmlWriter.Create) or stream (WCF"
        " messages, files: DataContractSerializer.WriteObject(Stream))",
    )
    convert.add_argument(
        "--json-settings",
        metavar="FILE",
        help="the server's Json.NET settings (a .toml or JSON file; README: Matching your"
        " server's JSON settings) for JSON input and output",
    )
    convert.add_argument(
        "--strict", action="store_true", help="refuse unknown XML elements instead of ignoring them"
    )
    validate = commands.add_parser(
        "validate", help="check an XML payload against the exported XSD schemas, then read it"
    )
    validate.add_argument(
        "file", nargs="?", default=None, help="input file, or - (stdin, the default when piped)"
    )
    validate.add_argument("--type", help="contract the root must be; " + type_help)
    export = commands.add_parser(
        "export-xsd", help="write the XSD schemas XsdDataContractExporter writes, one per namespace"
    )
    export.add_argument(
        "--type",
        action="append",
        help="contract to export (repeatable; default: every known contract)",
    )
    export.add_argument(
        "--out", help="folder to write the .xsd files into (created when missing; required)"
    )
    sample = commands.add_parser(
        "sample", help="print the sample object ASP.NET's help page shows for a contract"
    )
    sample.add_argument("type", help=type_help)
    sample.add_argument("--format", choices=("json", "xml"), default="json", help="default json")
    sample.add_argument("--indent", action="store_true", help="indented, as the help page shows it")
    sample.add_argument("--seed", type=int, default=0, help="seed of the GUIDs (default 0)")
    fixtures = commands.add_parser(
        "fixtures", help="write N documents drawn from the hypothesis strategies, with a manifest"
    )
    fixtures.add_argument("type", help=type_help)
    fixtures.add_argument("--out", required=True, help="directory to write into (created)")
    fixtures.add_argument(
        "--count",
        type=_fixture_count,
        default=10,
        help=f"documents (default 10, at most {MAX_FIXTURES:,}: all are drawn in memory first)",
    )
    fixtures.add_argument("--seed", type=int, default=0, help="same seed, same files (default 0)")
    fixtures.add_argument(
        "--format", choices=("json", "xml", "both"), default="both", help="default both"
    )
    fixtures.add_argument("--indent", action="store_true", help="indented documents")
    serve = commands.add_parser(
        "serve", help="run the stand-in of the Vehizen API (POST api/v2/CustomerGroup)"
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port", type=int, default=8080, help="port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--json-settings",
        metavar="FILE",
        help="answer as a server whose Json.NET has these settings (a .toml or JSON file)",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=("critical", "error", "warning", "info", "debug"),
        help="uvicorn's log level (default: %(default)s)",
    )
    commands.add_parser("types", help="list the known contracts and enums")
    _generate_cli.add_parser(commands)  # netcontract generate (netcontract.generate.cli)
    return parser


def _json_settings(path: str | None) -> JsonSettings | None:
    """The settings of ``--json-settings FILE`` (a usage error naming the file if it cannot be
    read or holds a setting Json.NET does not have)."""
    if path is None:
        return None
    try:
        return JsonSettings.from_file(path)
    except OSError as exc:
        raise UsageError(f"--json-settings: cannot read {path!r}: {exc.strerror or exc}") from None
    except (ValueError, TypeError) as exc:
        raise UsageError(f"--json-settings: {exc}") from None


#: the most documents `fixtures` draws: a corpus is drawn whole, in memory, before it is written
MAX_FIXTURES: Final = 100_000


def _job_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid count {text!r}") from None
    if not 1 <= count <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"{count} is not between 1 and {MAX_JOBS}")
    return count


def _fixture_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid count {text!r}") from None
    if not 0 <= count <= MAX_FIXTURES:
        raise argparse.ArgumentTypeError(f"{count} is not between 0 and {MAX_FIXTURES:,}")
    return count


def _run(args: argparse.Namespace, stdin: BinaryIO, stdout: BinaryIO, stderr: Any) -> int:
    for option in ("out", "file"):
        if getattr(args, option, None) == "":
            raise UsageError(f"the {option} argument is empty")
    if args.command == "generate":  # needs no bundled contracts
        status = _generate_cli.run(args, stdout, stderr)
        stdout.flush()
        return status
    if hasattr(args, "json_settings"):
        args.json_settings = _json_settings(args.json_settings)
    _load_contracts()
    command: dict[str, Callable[[], Any]] = {
        "types": lambda: _types(stdout, stderr),
        "serve": lambda: _serve(args, stdout),
        "sample": lambda: _sample(args, stdout),
        "fixtures": lambda: _fixtures(args, stdout),
        "validate": lambda: _validate(args, stdin, stdout),
        "export-xsd": lambda: _export_xsd(args, stdout),
        "convert": lambda: _convert(args, stdin, stdout, stderr),
    }
    status = command[args.command]()
    return status if isinstance(status, int) else EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    stdin: BinaryIO | None = None,
    stdout: BinaryIO | None = None,
    stderr: Any = None,
) -> int:
    """Run the command line; returns the exit status (never raises, never a traceback)."""
    # a standard stream the shell closed (`<&-`, `>&-`, `2>&-`) is None in Python
    stdin = stdin or (sys.stdin.buffer if sys.stdin else io.BytesIO())
    stdout = stdout or (sys.stdout.buffer if sys.stdout else typing.cast(BinaryIO, _ClosedStream()))
    stderr = stderr or sys.stderr or io.StringIO()
    previous = _catch_termination()
    try:
        return _main(argv, stdin, stdout, stderr)
    except KeyboardInterrupt:
        remove_temporary_files()
        _say(stderr, "netcontract: interrupted")
        return EXIT_INTERRUPTED
    except _Terminated as exc:
        remove_temporary_files()
        return 128 + exc.signum
    finally:
        remove_temporary_files()
        _restore_handlers(previous)


def _main(argv: Sequence[str] | None, stdin: BinaryIO, stdout: BinaryIO, stderr: Any) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors (and --help) itself
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:
        _discard_stream(sys.stdout)
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # --help into a full disk
        _discard_stream(sys.stdout)
        _say(stderr, f"netcontract: error: cannot write to stdout: {exc.strerror or exc}")
        return EXIT_USAGE
    try:
        return _run(args, stdin, stdout, stderr)
    except UsageError as exc:
        _say(stderr, f"netcontract: error: {exc}")
        return EXIT_USAGE
    except (PayloadError, SerializationError) as exc:
        for problem in exc.problems:
            _say(stderr, f"netcontract: {problem}")
        return EXIT_PAYLOAD
    except NetContractError as exc:
        _say(stderr, f"netcontract: error: {exc}")
        return EXIT_PAYLOAD
    except _StdoutClosedError:
        _discard_stream(stdout)
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: one line, not a traceback (unless asked for)
        if os.environ.get("NETCONTRACT_TRACEBACK"):
            traceback.print_exc(file=stderr)
        _say(
            stderr,
            f"netcontract: internal error: {type(exc).__name__}: {exc} (please report it;"
            " NETCONTRACT_TRACEBACK=1 shows where)",
        )
        return EXIT_BUG


_CAUGHT_SIGNALS: Final = (signal.SIGTERM, signal.SIGHUP)


def _on_signal(signum: int, frame: Any) -> None:
    raise _Terminated(signum)


def _catch_termination() -> dict[int, Any]:
    """SIGTERM and SIGHUP unwind like Ctrl+C (temporary files removed); main thread only."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for signum in _CAUGHT_SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            previous[signum] = signal.signal(signum, _on_signal)
    return previous


def _restore_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(signum, handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

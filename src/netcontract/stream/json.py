"""Streaming Json.NET JSON: the items of an array read one by one (``iter_json``) and written
one by one (``JsonListWriter``, ``write_json_items``), in bounded memory.

msgspec reads whole documents only, so an incremental scanner over the bytes finds each
item's span (strings with their escapes, nesting), bounded by ``max_item_bytes``, and each
item is then read by the conversions ``from_json`` runs (the msgspec Struct, the generated
dict reader, the reference reader with ``settings``), with the item's path: the same values,
problems and messages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from netcontract.codegen import conversion_done, conversion_started, generated_paths
from netcontract.errors import (
    ContractDefinitionError,
    JsonPayloadError,
    JsonSyntaxError,
    Problem,
    SerializationError,
)
from netcontract.json.read import DECLINED, ordinal_upper, read_json
from netcontract.json.read import reader_for as json_reader_for
from netcontract.json.read_struct import UNKNOWN_MEMBER, read_typed
from netcontract.json.settings import DEFAULT_JSON_SETTINGS, JsonSettings
from netcontract.json.text import dumps_jsonnet, loads_strict, structure_over
from netcontract.json.write import _REFERENCES, Writer, _References, json_bytes, writer_for
from netcontract.limits import (
    DEFAULT_LIMITS,
    FAILED,
    Limits,
    ReadContext,
    kept_references_exceeded,
)
from netcontract.model import paths as _paths
from netcontract.model.cycles import graph_problem
from netcontract.model.wire import ContractType, resolve_annotation
from netcontract.stream._source import opened, read_chunk

__all__ = ["JsonListWriter", "iter_json", "write_json_items"]

_WS: Final = b" \t\r\n"
_STRUCTURE: Final = re.compile(rb'["\[\]{}]')
_IN_STRING: Final = re.compile(rb'["\\]')
_SCALAR_END: Final = re.compile(rb"[,\]}\s]")


class _Scanner:
    """The bytes of a JSON document, read chunk by chunk; spans of whole values."""

    def __init__(self, fp: Any, limits: Limits) -> None:
        self.fp = fp
        self.limit = limits.max_item_bytes
        self.limits = limits
        self.buf = b""
        self.pos = 0
        self.eof = False
        self.offset = 0  # of buf[0] in the document
        self.path = ""  # where a quota refusal is reported

    def _fill(self, keep: int) -> bool:
        """Read more, keeping ``buf[keep:]`` (re-based to 0); False at the end."""
        if self.eof:
            return False
        chunk = read_chunk(self.fp, "iter_json")
        if not chunk:
            self.eof = True
            return False
        if self.offset == 0 and not self.buf and chunk.startswith(b"\xef\xbb\xbf"):
            chunk = chunk[3:]  # a byte order mark, as from_json allows
            self.offset = 3
        self.offset += keep
        self.buf = self.buf[keep:] + chunk
        self.pos -= keep
        return True

    def peek(self) -> int | None:
        """The next byte that is not white space (not consumed), or None at the end."""
        skipped = 0
        while True:
            buf = self.buf
            pos = self.pos
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            skipped += pos - self.pos
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if skipped > self.limit:
                self._over()
            if not self._fill(pos):
                return None

    def expect(self, char: bytes, what: str) -> None:
        if self.peek() != char[0]:
            self.syntax(f"expected {what}")
        self.pos += 1

    def syntax(self, message: str) -> Any:
        # named with the item being read (``[12]``) when in the array, as a refused item is
        raise JsonSyntaxError(
            f"{message} at byte {self.offset + self.pos} of the document", path=self.path
        )

    def _over(self) -> None:
        ReadContext(limits=self.limits).exceeded(self.path, "max_item_bytes", self.limit, "bytes")

    def value(self) -> bytes:
        """The bytes of the next value (white space before it skipped), consumed. Only its
        extent is found here (strings, escapes, nesting); the item's reader checks the rest."""
        if self.peek() is None:
            return self.syntax("unexpected end of the document")  # type: ignore[no-any-return]
        start = i = self.pos
        depth = 0
        scalar = self.buf[start] not in b'[{"'
        in_string = False
        while True:
            buf = self.buf
            if i - start > self.limit:
                self._over()
            if scalar:
                match = _SCALAR_END.search(buf, i)
                if match is not None:
                    self.pos = match.start()
                    return buf[start : self.pos]
                i = len(buf)
            elif in_string:
                match = _IN_STRING.search(buf, i)
                if match is not None and (buf[match.start()] == 0x22 or match.end() < len(buf)):
                    if buf[match.start()] == 0x5C:  # a backslash: the next byte is escaped
                        i = match.end() + 1
                        continue
                    i = match.end()
                    in_string = False
                    if depth == 0:
                        self.pos = i
                        return buf[start:i]
                    continue
                i = len(buf) if match is None else match.start()
            else:
                match = _STRUCTURE.search(buf, i)
                if match is not None:
                    char = buf[match.start()]
                    i = match.end()
                    if char == 0x22:
                        in_string = True
                    elif char in b"[{":
                        depth += 1
                    else:
                        depth -= 1
                        if depth <= 0:
                            self.pos = i
                            return buf[start:i]
                    continue
                i = len(buf)
            # more bytes are needed: keep the value's from its start
            self.pos = start
            if not self._fill(start):
                if scalar:
                    self.pos = len(self.buf)
                    return self.buf[start:]
                return self.syntax("unexpected end of the document")  # type: ignore[no-any-return]
            i -= start
            start = 0


def _matches(key: str, name: str) -> bool:
    """Json.NET's member lookup: the exact name, else the name ignoring case (ordinal)."""
    return key == name or ordinal_upper(key) == ordinal_upper(name)


def iter_json(
    source: Any,
    item_cls: Any,
    *,
    path: str | None = None,
    settings: JsonSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Any]:
    """Yield the items of a JSON array one by one, in bounded memory.

    ``source`` is a binary file object or a path (UTF-8, a BOM allowed). Without ``path``
    the document is the array; with ``path`` (``"Vehicles"``, ``"Group.Vehicles"``) it is an
    object whose member at that path (found as Json.NET finds a member: exactly, else
    ignoring case) holds the array (``null``: no items); its other members are only
    scanned. Each item is read as ``from_json`` reads a document of ``item_cls`` (with
    ``settings``), its problems named with the item's path (``[12].Tolerance``,
    ``Vehicles[12].Tolerance``); a refused item raises after the items before it were
    yielded. ``max_bytes`` does not apply; ``max_item_bytes`` bounds each item and each
    member skipped; the other quotas apply to each item.
    """
    slot = resolve_annotation(item_cls)
    segments = tuple(path.split(".")) if path else ()
    if any(not s for s in segments):
        raise ContractDefinitionError(f"path {path!r} has an empty member name")
    if settings is not None and settings.is_default:
        settings = None
    return _iterate(source, slot, segments, settings, limits)


def _iterate(
    source: Any, slot: Any, segments: tuple[str, ...], settings: JsonSettings | None, limits: Limits
) -> Iterator[Any]:
    # the array and the objects on the path count toward max_depth, as in from_json
    item_limits = attrs.evolve(
        limits, max_bytes=limits.max_item_bytes, max_depth=limits.max_depth - len(segments) - 1
    )
    wire = slot.wire
    tp: Any = None
    if isinstance(wire, ContractType):
        tp = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    reference = json_reader_for(slot, settings)
    with opened(source, "iter_json") as fp:
        scan = _Scanner(fp, limits)
        if scan.peek() is None:
            scan.syntax("the document is empty")
        list_path = ""
        for level, name in enumerate(segments):
            scan.expect(b"{", "an object")
            found = _find_member(scan, name, level)
            list_path = _paths.join(list_path, name)
            if not found:  # no such member: no items
                _close_objects(scan, level, segments)
                return
            if level < len(segments) - 1 and scan.peek() == ord("n"):
                if scan.value() != b"null":
                    scan.syntax("expected an object")
                _close_objects(scan, level + 1, segments)
                return
        first = scan.peek()
        if first == ord("n"):
            if scan.value() != b"null":
                scan.syntax("expected an array")
            if not segments:
                raise JsonPayloadError(
                    [Problem("", "the document is null where an array was expected")]
                )
        else:
            scan.expect(b"[", "an array")
            index = 0
            # the $id of is_reference objects read so far: a later item may $ref one (Json.NET)
            refs: dict[str, Any] = {}
            if scan.peek() == ord("]"):
                scan.pos += 1
            else:
                while True:
                    scan.path = _paths.item(list_path, index)
                    raw = scan.value()
                    item = _read_item(
                        raw, tp, slot, reference, scan.path, settings, item_limits, refs
                    )
                    if len(refs) > limits.max_total_items:
                        kept_references_exceeded(scan.path, limits)
                    yield item
                    index += 1
                    scan.path = list_path
                    after = scan.peek()
                    if after == ord(","):
                        scan.pos += 1
                        continue
                    if after == ord("]"):
                        scan.pos += 1
                        break
                    scan.syntax("expected , or ] after an item")
        _close_objects(scan, len(segments), segments)


def _find_member(scan: _Scanner, name: str, level: int) -> bool:
    """Skip members up to the one named ``name`` (then at its value: True), or to the end
    of the object (consumed: False)."""
    while True:
        if scan.peek() == ord("}"):
            scan.pos += 1
            return False
        key = _key(scan)
        if _matches(key, name):
            return True
        _skip_value(scan, level)
        _after_member(scan)


def _skip_value(scan: _Scanner, level: int) -> None:
    """Skip a member's value (of an object ``level`` objects deep), checking its syntax and
    the structure quotas as ``from_json`` checks the members it ignores: a value its parser
    refuses (``[1}``, ``tru``, ``"\\q"``, invalid UTF-8) is refused here too."""
    raw = scan.value()
    limits = attrs.evolve(scan.limits, max_depth=max(scan.limits.max_depth - level - 1, 0))
    over = structure_over(raw, limits)
    if over is not None:
        ReadContext(limits=limits).exceeded(scan.path, *over)
    try:
        loads_strict(raw)
    except JsonSyntaxError as exc:
        message = exc.problems[0].message if exc.problems else str(exc)
        scan.syntax(f"a member's value is not JSON ({message}), ending")


def _key(scan: _Scanner) -> str:
    if scan.peek() != ord('"'):
        scan.syntax("expected a member name")
    raw = scan.value()
    try:
        key = json.loads(raw)
    except ValueError:
        return scan.syntax("invalid member name")  # type: ignore[no-any-return]
    scan.expect(b":", "':'")
    return key  # type: ignore[no-any-return]


def _after_member(scan: _Scanner) -> bool:
    """After a member's value: True when another member follows (``,`` consumed)."""
    after = scan.peek()
    if after == ord(","):
        scan.pos += 1
        if scan.peek() == ord("}"):
            scan.syntax("expected a member name after ','")
        return True
    if after == ord("}"):
        return False
    return scan.syntax("expected , or } after a member")  # type: ignore[no-any-return]


def _close_objects(scan: _Scanner, levels: int, segments: tuple[str, ...]) -> None:
    """Read the rest of the ``levels`` objects around the array (a member of the path
    given again is refused, as from_json refuses a name given twice), then the end."""
    for level in reversed(range(levels)):
        while _after_member(scan):
            key = _key(scan)
            if _matches(key, segments[level]):
                scan.syntax(f"the member {key!r} is given twice")
            _skip_value(scan, level)
        scan.expect(b"}", "}")
    if scan.peek() is not None:
        scan.syntax("additional text after the document")


def _read_item(
    raw: bytes,
    tp: Any,
    slot: Any,
    reference: Any,
    path: str,
    settings: JsonSettings | None,
    limits: Limits,
    refs: dict[str, Any],
) -> Any:
    """One item, read by the paths ``from_json`` runs, its problems at ``path``."""
    conversion_started()
    result: Any = DECLINED
    fast = tp is not None and settings is None and generated_paths() and raw != b"null"
    if fast:
        result = read_typed(raw, tp, _context(limits, refs))
        if result is not DECLINED and result is not UNKNOWN_MEMBER:
            conversion_done()
            return result
    over = structure_over(raw, limits)
    if over is not None:
        _context(limits, refs).exceeded(path, *over)
    if fast and result is DECLINED:
        result = read_json(raw, tp, _context(limits, refs))
        if result is not DECLINED:
            conversion_done()
            return result
    try:
        value = loads_strict(raw)
    except JsonSyntaxError as exc:
        message = exc.problems[0].message if exc.problems else str(exc)
        raise JsonSyntaxError(f"item {path}: {message}") from None
    ctx = _context(limits, refs)
    result = reference(value, path, ctx)
    if ctx.problems or result is FAILED:
        raise JsonPayloadError(ctx.problems)
    conversion_done()
    return result


def _context(limits: Limits, refs: dict[str, Any]) -> ReadContext:
    ctx = ReadContext(limits=limits)
    ctx.refs = refs
    return ctx


# ------------------------------------------------------------------------------ writing


class JsonListWriter:
    """Write a JSON array item by item to a binary file object: the bytes ``to_json``
    writes for the whole list (Json.NET's ``Formatting.None`` or ``Indented``, with
    ``settings``); each item is what ``to_json`` writes for it. ``close()`` (or leaving the
    ``with`` block without an exception) ends the array; an empty list is ``[]``."""

    def __init__(
        self,
        fp: Any,
        item_cls: Any,
        *,
        indent: bool = False,
        settings: JsonSettings | None = None,
    ) -> None:
        self._fp = fp
        self._slot = resolve_annotation(item_cls)
        self._settings = settings or DEFAULT_JSON_SETTINGS
        #: items of a value type, an enum or a collection (``list[nc.Int32]``): the writer of
        #: a list item of that type, as ``to_json`` writes ``List<T>``; None for contracts
        self._value_writer = (
            None
            if isinstance(self._slot.wire, ContractType)
            else writer_for(self._slot, self._settings)
        )
        if self._settings.preserves_arrays:
            # Json.NET writes such a list as {"$id":"1","$values":[...]}: not an array
            raise SerializationError(
                [
                    Problem(
                        "",
                        "JsonListWriter writes an array: PreserveReferencesHandling Arrays "
                        "or All makes the list an object (use to_json)",
                    )
                ]
            )
        self._indent = indent or self._settings.indented
        self._count = 0
        self._closed = False
        # one $id numbering for the whole array, as Json.NET numbers the list it writes
        self._references = _References()

    def write(self, item: Any) -> None:
        """Write one item (a problem raises :class:`~netcontract.SerializationError` with
        the item's path, ``[12].Name``; what was written before it stays written)."""
        if self._closed:
            raise ValueError("the JsonListWriter is closed")
        path = _paths.item("", self._count)
        if self._value_writer is not None:
            data = self._value(self._value_writer, item, path)
        elif item is None:
            data = b"null"
        else:
            conversion_started()
            token = _REFERENCES.set(self._references)
            try:
                data, problems = json_bytes(item, indent=self._indent, settings=self._settings)
            except RecursionError:  # a cycle (or a graph too deep), as to_json refuses it
                problems = [graph_problem(item)]
            finally:
                _REFERENCES.reset(token)
            if problems:
                raise SerializationError(
                    Problem(
                        f"{path}.{p.path}" if p.path and p.path[0] != "[" else path + p.path,
                        p.message,
                        p.line,
                        p.column,
                    )
                    for p in problems
                )
            conversion_done()
        if self._indent:
            data = (b"[\n  " if self._count == 0 else b",\n  ") + data.replace(b"\n", b"\n  ")
        else:
            data = (b"[" if self._count == 0 else b",") + data
        self._count += 1
        self._fp.write(data)

    def _value(self, writer: Writer, item: Any, path: str) -> bytes:
        """An item that is no contract, by the writer of its type."""
        problems: list[Problem] = []
        conversion_started()
        tree = writer(item, path, problems)
        if problems:
            raise SerializationError(problems)
        conversion_done()
        return dumps_jsonnet(tree, indent=self._indent).encode("utf-8")

    def close(self) -> None:
        """End the array (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._count == 0:
            self._fp.write(b"[]")
        else:
            self._fp.write(b"\n]" if self._indent else b"]")

    def __enter__(self) -> JsonListWriter:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()


def write_json_items(
    fp: Any,
    items: Iterable[Any],
    item_cls: Any,
    *,
    indent: bool = False,
    settings: JsonSettings | None = None,
) -> int:
    """Write ``items`` as one JSON array to ``fp`` (see :class:`JsonListWriter`); returns
    the number of items written."""
    writer = JsonListWriter(fp, item_cls, indent=indent, settings=settings)
    for item in items:
        writer.write(item)
    writer.close()
    return writer._count

"""JSON text: a strict parser and a writer that produces Json.NET's exact bytes.

The writer takes plain Python values (dict, list, str, int, float, Decimal, bool, None) in
the order they must appear, as produced by the contract codecs.
"""

from __future__ import annotations

import decimal
import json
import re
from collections.abc import Callable
from typing import Any, Final

import msgspec

from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups
from netcontract.clr.numbers import format_decimal_json, format_double_json
from netcontract.clr.objects import AnyObject
from netcontract.errors import JsonSyntaxError
from netcontract.limits import Limits

__all__ = [
    "LONGEST_NUMBER",
    "UNSURE",
    "JsonSyntaxError",
    "RawJson",
    "colons",
    "colons_surely",
    "counts_surely",
    "dumps_jsonnet",
    "loads_fast",
    "loads_strict",
    "structure_over",
    "text_colons",
]

_NEEDS_ESCAPE: Final = re.compile('["\\\\\x00-\x1f\x85\u2028\u2029]')
_ESCAPES: Final[dict[str, str]] = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}
for _code in (*range(0x20), 0x85, 0x2028, 0x2029):
    _ESCAPES.setdefault(chr(_code), f"\\u{_code:04x}")


def _escape_match(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def quote(text: str) -> str:
    """A JSON string token as Json.NET writes it (StringEscapeHandling.Default)."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return '"' + _NEEDS_ESCAPE.sub(_escape_match, text) + '"'


class RawJson(str):
    """A JSON token written as it is (JsonSettings: ``NaN`` unquoted, ``"\\/Date(0)\\/"``)."""

    __slots__ = ()


def dumps_jsonnet(value: Any, *, indent: bool = False) -> str:
    """Serialize a JSON-ready tree as Json.NET does (``Formatting.None`` or ``Indented``)."""
    out: list[str] = []
    if indent:
        _write_indented(value, out, "\n")
    else:
        _write_compact(value, out)
    return "".join(out)


def _key(key: str) -> str:
    """A member name; a RawJson one (a dictionary's Microsoft-format DateTime key, which
    Json.NET writes without escaping it) as it is."""
    return str.__str__(key) if type(key) is RawJson else quote(key)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return quote(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        return format_double_json(value)
    if value is None:
        return "null"
    if kind is decimal.Decimal:
        return format_decimal_json(value)
    if kind is RawJson:
        return str.__str__(value)
    if kind is msgspec.Raw:
        # a token a value type wrote itself (a Single's "R" text): msgspec writes it as is too
        return bytes(value).decode("utf-8")
    if isinstance(value, str):
        return quote(str(value))
    if isinstance(value, int):
        return str(int(value))
    raise TypeError(f"cannot write {kind.__name__} as JSON")


def _write_compact(value: Any, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        sep = "{"
        for key, item in value.items():
            out.append(sep)
            out.append(_key(key))
            out.append(":")
            _write_compact(item, out)
            sep = ","
        out.append("}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        sep = "["
        for item in value:
            out.append(sep)
            _write_compact(item, out)
            sep = ","
        out.append("]")
    elif kind is AnyObject:
        out.append("{}")
    else:
        out.append(_scalar(value))


def _write_indented(value: Any, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, item in value.items():
            out.append(sep)
            out.append(_key(key))
            out.append(": ")
            _write_indented(item, out, inner)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _write_indented(item, out, inner)
            sep = "," + inner
        out.append(newline + "]")
    elif kind is AnyObject:
        out.append("{}")
    else:
        out.append(_scalar(value))


class _DuplicateKeyError(ValueError):
    pass


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


_MAX_NUMBER_CHARS: Final = 400


def _parse_int(text: str) -> int:
    if len(text) > _MAX_NUMBER_CHARS:
        raise JsonSyntaxError(f"number with {len(text)} digits is too long")
    return int(text)


def _parse_float(text: str) -> decimal.Decimal:
    # Decimal keeps the exact text (a Decimal member keeps its scale); members of type
    # Double convert it as .NET does, not correctly rounded (docs/values.md §3.3).
    if len(text) > _MAX_NUMBER_CHARS:
        raise JsonSyntaxError(f"number with {len(text)} characters is too long")
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation:  # an exponent past 999999999999999999
        raise JsonSyntaxError(f"the number {text} is outside any range .NET reads") from None


_CONSTANTS: Final[dict[str, float]] = {
    "NaN": float("nan"),
    "Infinity": float("inf"),
    "-Infinity": float("-inf"),
}

_decoder: Final = json.JSONDecoder(
    object_pairs_hook=_pairs_hook,
    parse_int=_parse_int,
    parse_float=_parse_float,
    parse_constant=_CONSTANTS.__getitem__,
    strict=True,
)
_decode: Final[Callable[[str], Any]] = _decoder.decode


def loads_strict(data: bytes | str) -> Any:
    """Parse a JSON document: strict UTF-8 (a BOM is allowed), no duplicate member names.

    Raises :class:`JsonSyntaxError` with a message that says where the problem is.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonSyntaxError(
                f"invalid UTF-8 at byte {exc.start}: {raw[exc.start : exc.start + 4]!r}"
            ) from None
    else:
        text = data.removeprefix("\ufeff")
    try:
        return _decode(text)
    except JsonSyntaxError:
        raise
    except _DuplicateKeyError as exc:
        raise JsonSyntaxError(f"duplicate member name {exc.args[0]!r}") from None
    except json.JSONDecodeError as exc:
        raise JsonSyntaxError(f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise JsonSyntaxError("the document is nested too deeply") from None
    except (ValueError, decimal.InvalidOperation) as exc:
        raise JsonSyntaxError(str(exc)) from None


#: returned by :func:`loads_fast` when only :func:`loads_strict` can tell
UNSURE: Final = object()

_fast_decode: Final = msgspec.json.Decoder(float_hook=decimal.Decimal).decode
# a byte that can be part of a number token -> "0", anything else -> "x"
_NUMBER_BYTES: Final = bytes(
    ord("0") if chr(code) in "0123456789+-.eE" else ord("x") for code in range(256)
)
_LONG_NUMBER: Final = b"0" * (_MAX_NUMBER_CHARS + 1)
#: the longest number token the fast paths trust (see :func:`colons_surely`)
LONGEST_NUMBER: Final = _MAX_NUMBER_CHARS
# the same bytes as `b"\\u003a" in raw or b"\\u003A" in raw`, in one pass that the regular
# expression engine makes faster than `in` (whose skip table does little for a final digit)
_ESCAPED_COLON: Final = re.compile(rb"\\u003[aA]").search


def loads_fast(data: bytes) -> tuple[Any, int] | Any:
    """(:func:`loads_strict`'s result parsed by msgspec's C parser, the colons in the
    document), or :data:`UNSURE`.

    The tree is the same (``Decimal`` for every number with a fraction or an exponent, so
    Double and Decimal members see the exact text), **provided the caller checks that there
    is no duplicate member name**: msgspec keeps the last one silently. Every member of every
    object writes one ``:`` outside strings, so there is none exactly when the document's
    colons are as many as the tree's members plus the colons inside its strings (which hold
    the same colons in the document and in the tree, unless one is escaped as ``\\u003a``:
    that gives UNSURE).

    Whatever else :func:`loads_strict` would refuse, or might read differently, gives UNSURE,
    and the caller asks :func:`loads_strict` (whose messages are the ones users see): anything
    msgspec refuses (syntax, invalid UTF-8, lone surrogates, deep nesting, the ``NaN`` and
    ``Infinity`` literals Json.NET writes but JSON does not have), and a run of more than 400
    characters that can make up a number (loads_strict's limit before Python converts one).
    """
    raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        tree = _fast_decode(raw)
    except (msgspec.DecodeError, ValueError, RecursionError, decimal.InvalidOperation):
        return UNSURE
    colons = colons_surely(raw, _MAX_NUMBER_CHARS)
    if colons < 0:
        return UNSURE
    return tree, colons


def counts_surely(raw: bytes) -> bool:
    """Whether a document msgspec decoded can be trusted as :func:`loads_fast` explains: no
    colon escaped as ``\\u003a`` (colons count members) and no number token longer than
    :func:`loads_strict` reads."""
    return _ESCAPED_COLON(raw) is None and _LONG_NUMBER not in raw.translate(_NUMBER_BYTES)


def colons_surely(raw: bytes, longest: int) -> int:
    """The colons of ``raw`` when it :func:`counts_surely` (a run of more than ``longest``
    number bytes makes it unsure too; the readers pass :data:`LONGEST_NUMBER`), else -1. The
    compiled version (``_speedups``) makes the three passes in one."""
    if longest == _MAX_NUMBER_CHARS:
        sure = counts_surely(raw)
    else:  # (the differential tests draw short runs)
        sure = _ESCAPED_COLON(raw) is None and b"0" * (longest + 1) not in raw.translate(
            _NUMBER_BYTES
        )
    return raw.count(b":") if sure else -1


def text_colons(maxlen: int, *texts: str | None) -> int:
    """The colons in ``texts`` (the JSON strings of one object, None for a null), or -1 when
    one is longer than ``maxlen``: what the Struct readers count for each string inline, in
    one call (the compiled version; the pure Struct readers keep their inline lines)."""
    colons = 0
    for text in texts:
        if text is None:
            continue
        if len(text) > maxlen:
            return -1
        colons += text.count(":")
    return colons


#: the pure-Python reference of each function here that has a compiled version
PURE: Final = {"colons_surely": colons_surely, "text_colons": text_colons}
if _extension is not None:  # registered even when not in use, for the differential tests
    for _name, _pure in PURE.items():
        _extension.set_fallback(_name, _pure)
if _speedups is not None:
    colons_surely = _speedups.colons_surely
    text_colons = _speedups.text_colons


def colons(value: Any) -> int:
    """The members of the objects in a parsed JSON value plus the colons in its strings."""
    kind = type(value)
    if kind is str:
        text: str = value
        return text.count(":")
    if kind is dict:
        members: dict[str, Any] = value
        return len(members) + sum(key.count(":") + colons(item) for key, item in members.items())
    if kind is list:
        return sum(colons(item) for item in value)
    return 0


#: documents of this size or more are measured before parsing (see structure_over)
COUNTED_BEFORE_PARSING: Final = 1 << 20
#: every byte but the structure, the quotes and what may follow a backslash in an escape
_NOT_STRUCTURE: Final = bytes(code for code in range(256) if chr(code) not in '[]{},:"\\/bfnrtu')
_CHUNK: Final = 1 << 20


def _structure(raw: bytes) -> bytes:
    """The brackets, braces, commas and colons of a JSON text that are outside its strings
    (``{"a":[1,"x,y"],"b":{}}`` -> ``{:[,],:{}}``).

    Only loops in C (translate, replace, split, join): a regular expression over the
    strings would make one object per string, as many as a parser. What cannot matter goes
    first (all but structure, quotes, and the characters that can follow a backslash, so
    that each escape keeps its second character); then the escaped backslashes and quotes,
    so that every ``"`` left opens or closes a string, and those characters; what is
    between pairs of quotes goes last, a chunk at a time.
    """
    text = raw.translate(None, _NOT_STRUCTURE)
    if b"\\" in text:
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    # the letters are left out now: most strings become empty, and an empty piece of the
    # split below costs no object
    text = text.translate(None, b"\\/bfnrtu")
    if b'"' not in text:
        return text
    parts: list[bytes] = []
    inside = False
    for start in range(0, len(text), _CHUNK):
        pieces = text[start : start + _CHUNK].split(b'"')
        parts.append(b"".join(pieces[1 if inside else 0 :: 2]))
        inside ^= len(pieces) % 2 == 0  # an odd number of quotes in the chunk
    return b"".join(parts)


#: members an object may have besides the ``max_collection_items`` a reader refuses past
#: (unknown ones, or those of an untyped object): room for the contract's own members
MEMBERS_OF_A_CONTRACT: Final = 4096
_BRACKET: Final = re.compile(rb"[\[\]{}]")


def structure_over(data: bytes | str, limits: Limits) -> tuple[str, int, str] | None:
    """The quota a JSON document of :data:`COUNTED_BEFORE_PARSING` bytes or more surely
    exceeds, as ``(quota, limit, unit)``, or None; found from the text, before parsing.

    A parser builds one Python object for every value (about 60 to 100 bytes for an empty
    list, or for a ``Decimal`` of 4 bytes of JSON; a member takes twice that), so a
    document of a few MB took GBs before a reader counted anything. Checked here, on the
    structure outside strings: ``max_total_items`` (objects, arrays and array items, at
    least: an item before the first comma is not seen), the items of one array
    (``max_collection_items``), the members of one object (``max_collection_items``, plus
    :data:`MEMBERS_OF_A_CONTRACT` for its own) and ``max_depth``. Every reader counts at
    least these, in the members it reads and in those it ignores. For a text that is not
    JSON the answer means nothing, and the parser refuses the text anyway.
    """
    if len(data) < COUNTED_BEFORE_PARSING:
        return None  # parsed in a few tens of MB at most: the readers say where it is over
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    most_members = limits.max_collection_items + MEMBERS_OF_A_CONTRACT
    # bounds from the whole text first (strings included), in passes of C: each array item
    # but the first follows a comma, each member has a colon
    opened, commas = raw.count(b"[") + raw.count(b"{"), raw.count(b",")
    if (
        2 * opened + commas <= limits.max_total_items
        and commas < limits.max_collection_items
        and raw.count(b":") <= most_members
        and opened <= limits.max_depth
    ):
        return None
    text = _structure(raw)
    objects, arrays = text.count(b"{"), text.count(b"[")
    colons, commas = text.count(b":"), text.count(b",")
    # a non-empty object of n members has n colons and n - 1 commas; the other commas
    # separate array items
    object_commas = colons - (objects - text.count(b"{}"))
    items = objects + arrays + max(commas - object_commas, 0)
    if items > limits.max_total_items:
        return "max_total_items", limits.max_total_items, "items"
    small = colons <= most_members and commas < limits.max_collection_items
    if small and objects + arrays <= limits.max_depth:
        return None  # no container can be over, nor deep enough: no need to walk
    return _walk(text, limits, most_members)


def _walk(text: bytes, limits: Limits, most_members: int) -> tuple[str, int, str] | None:
    """Depth, members of each object and items of each array, bracket by bracket (there are
    fewer than ``2 * max_total_items``); what is between brackets is counted in C."""
    counts: list[int] = []  # per open container: colons (object) or commas (array) so far
    kinds: list[bool] = []  # per open container: is an object
    last = 0
    for match in _BRACKET.finditer(text):
        at = match.start()
        if counts:
            counts[-1] += text.count(b":" if kinds[-1] else b",", last, at)
            if kinds[-1] and counts[-1] > most_members:
                return "max_collection_items", most_members, "members in one object"
            if not kinds[-1] and counts[-1] >= limits.max_collection_items:
                return "max_collection_items", limits.max_collection_items, "items"
        char = text[at]
        if char == 0x7B or char == 0x5B:  # { or [
            counts.append(0)
            kinds.append(char == 0x7B)
            if len(counts) > limits.max_depth:
                return "max_depth", limits.max_depth, "levels of nesting"
        elif counts:
            counts.pop()
            kinds.pop()
        last = at + 1
    return None

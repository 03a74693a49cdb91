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

from netcontract._numbers import format_decimal_json, format_double_json
from netcontract._types import AnyObject

__all__ = [
    "UNSURE",
    "JsonSyntaxError",
    "colons",
    "counts_surely",
    "dumps_jsonnet",
    "loads_fast",
    "loads_strict",
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


def dumps_jsonnet(value: Any, *, indent: bool = False) -> str:
    """Serialize a JSON-ready tree as Json.NET does (``Formatting.None`` or ``Indented``)."""
    out: list[str] = []
    if indent:
        _write_indented(value, out, "\n")
    else:
        _write_compact(value, out)
    return "".join(out)


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
            out.append(quote(key))
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
            out.append(quote(key))
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


class JsonSyntaxError(ValueError):
    """The bytes are not a JSON document netcontract accepts."""


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
    # Double convert it, with a correctly rounded result.
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
    if not counts_surely(raw):
        return UNSURE
    return tree, raw.count(b":")


def counts_surely(raw: bytes) -> bool:
    """Whether a document msgspec decoded can be trusted as :func:`loads_fast` explains: no
    colon escaped as ``\\u003a`` (colons count members) and no number token longer than
    :func:`loads_strict` reads."""
    return _ESCAPED_COLON(raw) is None and _LONG_NUMBER not in raw.translate(_NUMBER_BYTES)


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

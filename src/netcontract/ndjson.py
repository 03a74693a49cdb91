"""NDJSON: one Json.NET JSON document per line, for data pipelines.

Each line is exactly what :func:`~netcontract.to_json` writes for the object (compact, with
the given :class:`~netcontract.JsonSettings`), then ``\\n``; Json.NET's compact JSON never
holds a raw line break (they are escaped in strings), so a line is a document. Reading
applies the :class:`~netcontract.Limits` to each line (``max_bytes`` is the longest line),
skips blank lines, and reports a refused line with its number: each
:class:`~netcontract.Problem` gets ``line`` set, so it prints as
``Vehicles[0].Tolerance: ... (line 12)``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, TypeVar

import attrs

from netcontract.conversions import from_json, to_json
from netcontract.errors import PayloadError, Problem, QuotaExceededError
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, Limits

__all__ = ["iter_ndjson", "ndjson_line", "on_line", "read_ndjson_lines", "to_ndjson"]

T = TypeVar("T")

_BLANK = b" \t\r\n"
#: how much of an over-long line is read at a time while it is skipped
_SKIP_STEP = 1 << 20


def ndjson_line(obj: Any, *, settings: JsonSettings | None = None) -> bytes:
    """``obj`` as one NDJSON line: :func:`~netcontract.to_json`'s bytes and ``\\n``.

    Raises ``ValueError`` for settings with ``formatting="Indented"`` (a document would
    span lines) and :class:`~netcontract.SerializationError` as ``to_json`` does.
    """
    if settings is not None and settings.formatting != "None":
        raise ValueError('NDJSON needs compact JSON: JsonSettings formatting must be "None"')
    return to_json(obj, settings=settings) + b"\n"


def to_ndjson(objs: Iterable[Any], *, settings: JsonSettings | None = None) -> bytes:
    """The NDJSON document of ``objs``, one line each."""
    return b"".join(ndjson_line(obj, settings=settings) for obj in objs)


def read_ndjson_lines(
    source: BinaryIO, *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[tuple[int, bytes | QuotaExceededError]]:
    """The non-blank lines of ``source`` with their numbers (from 1), each read up to
    ``limits.max_bytes`` and no further: a longer line is skipped in bounded memory and
    given as the :class:`~netcontract.QuotaExceededError` it is."""
    most = limits.max_bytes
    number = 0
    while True:
        line = source.readline(most + 1)
        if not line:
            return
        number += 1
        if len(line) > most and not line.endswith(b"\n"):
            while True:  # the rest of the line, read and dropped
                rest = source.readline(_SKIP_STEP)
                if not rest or rest.endswith(b"\n"):
                    break
            problem = Problem(
                "", f"quota max_bytes exceeded (more than {most:,} bytes in one line)", number
            )
            yield number, QuotaExceededError([problem], quota="max_bytes")
            continue
        if line.strip(_BLANK):
            yield number, line


def on_line(error: PayloadError, number: int) -> PayloadError:
    """``error`` with each problem placed on line ``number`` (same class, same fields)."""
    placed = copy.copy(error)  # through __reduce__: the class and its other fields are kept
    placed.problems = tuple(attrs.evolve(p, line=number, column=None) for p in error.problems)
    placed.args = ("\n".join(str(p) for p in placed.problems),)
    return placed


def iter_ndjson(
    source: BinaryIO,
    cls: type[T] | Any,
    *,
    settings: JsonSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[T]:
    """The objects of an NDJSON stream, one per non-blank line, read as
    :func:`~netcontract.from_json` reads a document.

    Stops at the first refused line with a :class:`~netcontract.JsonPayloadError` (or
    :class:`~netcontract.QuotaExceededError`) whose problems carry the line number.
    """
    for number, line in read_ndjson_lines(source, limits=limits):
        if isinstance(line, QuotaExceededError):
            raise line
        try:
            yield from_json(line, cls, settings=settings, limits=limits)
        except PayloadError as exc:
            raise on_line(exc, number) from None

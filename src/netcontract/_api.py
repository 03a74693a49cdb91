"""The four conversions: ``from_json``, ``to_json``, ``from_xml``, ``to_xml``."""

from __future__ import annotations

from typing import Any, TypeVar, overload

from netcontract._contract import contract_info
from netcontract._errors import (
    JsonPayloadError,
    Problem,
    SerializationError,
    XmlPayloadError,
)
from netcontract._json_codec import DECLINED, FAILED, json_bytes, read_json, reader_for
from netcontract._json_typed import read_typed
from netcontract._jsontext import JsonSyntaxError, loads_strict
from netcontract._limits import DEFAULT_LIMITS, Limits, ReadContext
from netcontract._types import Slot
from netcontract._xml_parse import XmlSyntaxError, parse_xml
from netcontract._xml_reader import read_root
from netcontract._xml_writer import write_xml

__all__ = ["from_json", "from_xml", "to_json", "to_xml"]

T = TypeVar("T")


def from_json(data: bytes | str, cls: type[T] | Any, *, limits: Limits = DEFAULT_LIMITS) -> T:
    """Read a JSON document into ``cls`` with Json.NET's rules.

    Raises :class:`~netcontract.JsonPayloadError` listing every problem with its path, or
    :class:`~netcontract.QuotaExceededError` when the document exceeds ``limits``.
    """
    _check_size(data, limits)
    result = read_typed(data, cls, ReadContext(limits=limits))
    if result is DECLINED:
        result = read_json(data, cls, ReadContext(limits=limits))
    if result is not DECLINED:
        return result  # type: ignore[no-any-return]
    try:
        value = loads_strict(data)
    except JsonSyntaxError as exc:
        raise JsonPayloadError([Problem("", str(exc))]) from None
    if value is None:
        raise JsonPayloadError([Problem("", "the document is null where an object was expected")])
    ctx = ReadContext(limits=limits)
    result = reader_for(Slot(contract_info(cls).wire, optional=False))(value, "", ctx)
    if ctx.problems or result is FAILED:
        raise JsonPayloadError(ctx.problems)
    return result  # type: ignore[no-any-return]


def _check_size(data: bytes | str, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        ReadContext(limits=limits).exceeded("", "max_bytes", limits.max_bytes, "bytes")


def to_json(obj: Any, *, indent: bool = False) -> bytes:
    """Write ``obj`` as the UTF-8 bytes Json.NET writes (``Formatting.None`` or ``Indented``)."""
    data, problems = json_bytes(obj, indent=indent)
    if problems:
        raise SerializationError(problems)
    return data


@overload
def from_xml(data: bytes | str, cls: type[T], *, strict: bool = ..., limits: Limits = ...) -> T: ...
@overload
def from_xml(
    data: bytes | str, cls: None = ..., *, strict: bool = ..., limits: Limits = ...
) -> Any: ...


def from_xml(
    data: bytes | str, cls: Any = None, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Read a DataContract XML document.

    ``cls`` may be omitted: the root element's name and namespace select the contract.
    ``strict=True`` refuses unknown elements (by default they are ignored, as .NET does).
    Raises :class:`~netcontract.XmlPayloadError` listing every problem with path and line.
    """
    _check_size(data, limits)
    try:
        root = parse_xml(data)
    except XmlSyntaxError as exc:
        raise XmlPayloadError([Problem("", str(exc), exc.line, exc.column)]) from None
    ctx = ReadContext(strict, limits)
    result = read_root(root, cls, ctx)
    if ctx.problems or result is FAILED:
        raise XmlPayloadError(ctx.problems)
    return result


def to_xml(obj: Any, *, indent: bool = False) -> bytes:
    """Write ``obj`` as the UTF-8 bytes DataContractSerializer writes through Web API
    (no XML declaration; ``indent`` as ``XmlWriterSettings.Indent``)."""
    text, problems = write_xml(obj, indent=indent)
    if problems:
        raise SerializationError(problems)
    return text.encode("utf-8")

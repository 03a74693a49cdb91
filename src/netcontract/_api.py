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
from netcontract._json_codec import FAILED, reader_for, write_contract
from netcontract._json_codec import _plan as _json_plan
from netcontract._jsontext import JsonSyntaxError, dumps_jsonnet, loads_strict
from netcontract._types import Slot
from netcontract._xml_parse import XmlSyntaxError, parse_xml_bytes
from netcontract._xml_reader import ReadContext, read_root
from netcontract._xml_writer import write_xml

__all__ = ["from_json", "from_xml", "to_json", "to_xml"]

T = TypeVar("T")


def from_json(data: bytes | str, cls: type[T] | Any) -> T:
    """Read a JSON document into ``cls`` with Json.NET's rules.

    Raises :class:`~netcontract.JsonPayloadError` listing every problem with its path.
    """
    try:
        value = loads_strict(data)
    except JsonSyntaxError as exc:
        raise JsonPayloadError([Problem("", str(exc))]) from None
    if value is None:
        raise JsonPayloadError([Problem("", "the document is null where an object was expected")])
    problems: list[Problem] = []
    result = reader_for(Slot(contract_info(cls).wire, optional=False))(value, "", problems)
    if problems or result is FAILED:
        raise JsonPayloadError(problems)
    return result  # type: ignore[no-any-return]


def to_json(obj: Any, *, indent: bool = False) -> bytes:
    """Write ``obj`` as the UTF-8 bytes Json.NET writes (``Formatting.None`` or ``Indented``)."""
    problems: list[Problem] = []
    tree = write_contract(_json_plan(type(obj)), obj, "", problems)
    if problems:
        raise SerializationError(problems)
    return dumps_jsonnet(tree, indent=indent).encode("utf-8")


@overload
def from_xml(data: bytes | str, cls: type[T], *, strict: bool = ...) -> T: ...
@overload
def from_xml(data: bytes | str, cls: None = ..., *, strict: bool = ...) -> Any: ...


def from_xml(data: bytes | str, cls: Any = None, *, strict: bool = False) -> Any:
    """Read a DataContract XML document.

    ``cls`` may be omitted: the root element's name and namespace select the contract.
    ``strict=True`` refuses unknown elements (by default they are ignored, as .NET does).
    Raises :class:`~netcontract.XmlPayloadError` listing every problem with path and line.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        root = parse_xml_bytes(raw)
    except XmlSyntaxError as exc:
        raise XmlPayloadError([Problem("", str(exc), exc.line, exc.column)]) from None
    ctx = ReadContext(strict)
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

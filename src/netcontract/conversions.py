"""The conversions: ``from_json``, ``to_json``, ``from_xml``, ``to_xml``, and WCF's own JSON
(``from_wcf_json``, ``to_wcf_json``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeVar, overload

from netcontract.clr.objects import BoxedCollection
from netcontract.codegen import conversion_done, conversion_started, fell_back, generated_paths
from netcontract.errors import (
    ContractDefinitionError,
    JsonPayloadError,
    Problem,
    SerializationError,
    XmlPayloadError,
)
from netcontract.json.read import DECLINED, read_json, reader_for
from netcontract.json.read_struct import UNKNOWN_MEMBER, read_typed
from netcontract.json.settings import DEFAULT_JSON_SETTINGS, JsonSettings
from netcontract.json.text import loads_strict, structure_over
from netcontract.json.wcf_read import read_wcf
from netcontract.json.wcf_write import wcf_json_bytes
from netcontract.json.write import json_bytes
from netcontract.limits import DEFAULT_LIMITS, FAILED, Limits, ReadContext, as_document
from netcontract.model.contract import is_contract
from netcontract.model.cycles import graph_problem
from netcontract.model.plan import contract_info
from netcontract.model.wire import Slot, collection_of
from netcontract.xml.parse import parse_xml
from netcontract.xml.read import read_root
from netcontract.xml.write import write_xml

__all__ = ["from_json", "from_wcf_json", "from_xml", "to_json", "to_wcf_json", "to_xml"]

T = TypeVar("T")


def from_json(
    data: bytes | str,
    cls: type[T] | Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    settings: JsonSettings | None = None,
) -> T:
    """Read a JSON document into ``cls`` with Json.NET's rules (and ``settings``: the
    server's ``JsonSerializerSettings``; by default Json.NET's).

    Raises :class:`~netcontract.JsonPayloadError` listing every problem with its path, or
    :class:`~netcontract.QuotaExceededError` when the document exceeds ``limits``.
    """
    data = as_document(data, "from_json")
    _check_size(data, limits)
    conversion_started()
    collection = collection_of(cls)
    if collection is not None:
        # a collection contract as the document: the generated readers start at a contract
        fell_back(cls, "a collection contract as the document: the reference reader")
    if settings is not None and not settings.is_default:
        # the generated readers know Json.NET's default settings only
        fell_back(cls, "non-default JsonSettings: the reference reader reads them")
    else:
        settings = None
    raw = _utf8(data) if generated_paths() and settings is None and collection is None else None
    result: Any = DECLINED
    if raw is not None:
        # the generated paths (README, "Speed"): the msgspec Struct first; it builds only what
        # the contract holds and stops at the first unknown member, where the parsers after it
        # would build a tree of the whole document
        result = read_typed(raw, cls, ReadContext(limits=limits))
        if result is not DECLINED and result is not UNKNOWN_MEMBER:
            conversion_done()
            return result  # type: ignore[no-any-return]
    over = structure_over(raw if raw is not None else data, limits)
    if over is not None:
        ReadContext(limits=limits).exceeded("", *over)
    if raw is not None and result is DECLINED:  # (after an unknown member, these decline too)
        result = read_json(raw, cls, ReadContext(limits=limits))
        if result is not DECLINED:
            conversion_done()  # the Struct path may have declined what the dict readers read
            return result  # type: ignore[no-any-return]
    value = loads_strict(data)  # raises JsonSyntaxError
    if value is None:
        raise JsonPayloadError([Problem("", "the document is null where an object was expected")])
    ctx = ReadContext(limits=limits)
    wire = collection or contract_info(cls).wire
    result = reader_for(Slot(wire, optional=False), settings)(value, "", ctx)
    if ctx.problems or result is FAILED:
        raise JsonPayloadError(ctx.problems)
    conversion_done()
    return result  # type: ignore[no-any-return]


def _utf8(data: bytes | str) -> bytes | None:
    """The document as the UTF-8 bytes the generated paths read, if it is bytes or text.

    Text is encoded with ``surrogatepass``: a lone surrogate gives bytes no UTF-8 decoder
    accepts, so the generated paths decline it and the reference path refuses it with its own
    message, as it refuses the text itself.
    """
    if type(data) is bytes:
        return data
    if type(data) is str:
        return data.encode("utf-8", "surrogatepass")
    return None


def _check_size(data: bytes | str, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        ReadContext(limits=limits).exceeded("", "max_bytes", limits.max_bytes, "bytes")


def to_json(obj: Any, *, indent: bool = False, settings: JsonSettings | None = None) -> bytes:
    """Write ``obj`` as the UTF-8 bytes Json.NET writes (``Formatting.None`` or ``Indented``;
    ``settings``: the server's ``JsonSerializerSettings``, by default Json.NET's)."""
    conversion_started()
    try:
        data, problems = json_bytes(obj, indent=indent, settings=settings or DEFAULT_JSON_SETTINGS)
    except RecursionError:  # a cycle (or a graph too deep): named, as .NET refuses it
        raise SerializationError([graph_problem(obj)]) from None
    if problems:
        raise SerializationError(problems)
    conversion_done()
    return data


@overload
def from_xml(
    data: bytes | str,
    cls: type[T],
    *,
    strict: bool = ...,
    limits: Limits = ...,
    root_name: str | None = ...,
    root_namespace: str | None = ...,
    known_types: Iterable[Any] | None = ...,
) -> T: ...
@overload
def from_xml(
    data: bytes | str,
    cls: None = ...,
    *,
    strict: bool = ...,
    limits: Limits = ...,
    root_name: None = ...,
    root_namespace: None = ...,
    known_types: Iterable[Any] | None = ...,
) -> Any: ...


def from_xml(
    data: bytes | str,
    cls: Any = None,
    *,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    root_name: str | None = None,
    root_namespace: str | None = None,
    known_types: Iterable[Any] | None = None,
) -> Any:
    """Read a DataContract XML document.

    ``cls`` may be omitted: the root element's name and namespace select the contract.
    ``strict=True`` refuses unknown elements (by default they are ignored, as .NET does).
    ``root_name`` / ``root_namespace``: the document element .NET expects when its serializer
    was made with them (``new DataContractSerializer(type, rootName, rootNamespace)``; each
    defaults to the contract's; ``cls`` is then needed).
    ``known_types``: the serializer's known types (``new DataContractSerializer(type,
    knownTypes)``): contracts an ``i:type`` may name anywhere in the document.
    Raises :class:`~netcontract.XmlPayloadError` listing every problem with path and line.
    """
    if cls is None and (root_name is not None or root_namespace is not None):
        raise TypeError("from_xml(): root_name and root_namespace need the contract class")
    data = as_document(data, "from_xml")
    _check_size(data, limits)
    root = parse_xml(data)  # raises XmlSyntaxError
    conversion_started()
    ctx = ReadContext(strict, limits)
    expected = None if cls is None else _root(cls, root_name, root_namespace)
    result = read_root(root, cls, ctx, expected, known_types)
    if ctx.problems or result is FAILED:
        raise XmlPayloadError(ctx.problems)
    conversion_done()
    return result


def _root(tp: Any, name: str | None, namespace: str | None) -> tuple[str, str] | None:
    """The (name, namespace) of a root override, the contract's filling what is not given."""
    if name is None and namespace is None:
        return None
    if collection_of(tp) is not None or tp is BoxedCollection:
        raise ContractDefinitionError(
            f"{tp.__qualname__}: root_name and root_namespace need a contract class (a"
            " collection contract's document element is its own name)"
        )
    info = contract_info(tp)
    return (info.name if name is None else name, info.namespace if namespace is None else namespace)


def to_xml(
    obj: Any,
    *,
    indent: bool = False,
    root_name: str | None = None,
    root_namespace: str | None = None,
    layout: Literal["writer", "stream"] = "writer",
    known_types: Iterable[Any] | None = None,
    root_type: type | None = None,
) -> bytes:
    """Write ``obj`` as the UTF-8 bytes DataContractSerializer writes through Web API
    (no XML declaration; ``indent`` as ``XmlWriterSettings.Indent``).

    ``layout="stream"`` writes what ``serializer.WriteObject(stream)`` writes (WCF messages,
    files): the same document laid out by XmlDictionaryWriter's text writer. .NET cannot
    indent that writer, so ``indent=True`` with it raises ValueError.

    ``root_name`` / ``root_namespace`` name the document element as
    ``new DataContractSerializer(type, rootName, rootNamespace)`` does (each defaults to the
    contract's); the members stay in the contract's namespace. ``known_types``: the
    serializer's known types; a member holding a type .NET does not know there is refused
    (``SerializationError``), as .NET refuses it ("... is not expected").

    ``root_type`` is the serializer's type (``new DataContractSerializer(typeof(Shape))``):
    a value of a contract derived from it is written as ``<Shape i:type="…Circle">``, as
    .NET does (the derived contract must be known to ``Shape`` or in ``known_types``).
    """
    if layout not in ("writer", "stream"):
        raise ValueError(f"to_xml(): layout must be 'writer' or 'stream', not {layout!r}")
    stream = layout == "stream"
    if stream and indent:
        raise ValueError(
            "to_xml(): layout='stream' cannot be indented: WriteObject(Stream) writes through"
            " XmlDictionaryWriter's text writer, which has no indentation (an XmlWriter with"
            " Indent=true wrapped around it indents nothing either)"
        )
    if root_type is not None and (
        not is_contract(root_type) or root_name is not None or root_namespace is not None
    ):
        raise ValueError(
            "to_xml(): root_type must be a contract class, without root_name/root_namespace"
        )
    conversion_started()
    root = _root(type(obj), root_name, root_namespace)
    try:
        text, problems = write_xml(
            obj,
            indent=indent,
            root=root,
            stream=stream,
            known_types=known_types,
            root_type=root_type,
        )
    except RecursionError:  # a cycle (or a graph too deep): named, as .NET refuses it
        raise SerializationError([graph_problem(obj)]) from None
    if problems:
        raise SerializationError(problems)
    conversion_done()
    return text.encode("utf-8")


def from_wcf_json(
    data: bytes | str,
    cls: type[T] | Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    known_types: Iterable[Any] | None = None,
    simple_dictionaries: bool = False,
) -> T:
    """Read a document written by WCF's DataContractJsonSerializer into ``cls``
    (``known_types``: the serializer's, as for :func:`from_xml`; ``simple_dictionaries``:
    its ``UseSimpleDictionaryFormat`` setting, a ``dict[str, V]`` read from a JSON object).

    Raises :class:`~netcontract.JsonPayloadError` listing every problem with its path
    (:class:`~netcontract.JsonSyntaxError` for text that is not JSON), or
    :class:`~netcontract.QuotaExceededError` when the document exceeds ``limits``.
    """
    _check_size(data, limits)
    conversion_started()
    ctx = ReadContext(limits=limits)
    result = read_wcf(data, cls, ctx, known_types, simple_dictionaries=simple_dictionaries)
    if ctx.problems or result is FAILED:
        raise JsonPayloadError(ctx.problems)
    conversion_done()
    return result  # type: ignore[no-any-return]


def to_wcf_json(
    obj: Any,
    *,
    indent: bool = False,
    lossy: bool = False,
    known_types: Iterable[Any] | None = None,
    simple_dictionaries: bool = False,
    root_type: type | None = None,
) -> bytes:
    """Write ``obj`` as the UTF-8 bytes WCF's DataContractJsonSerializer writes (``indent``:
    ``JsonReaderWriterFactory.CreateJsonWriter(..., indent: true)``).

    ``lossy=True`` writes what .NET writes where it loses part of a value (a DateTime's
    sub-millisecond ticks, an Unspecified kind); by default such a value is refused.
    ``known_types``: the serializer's, as for :func:`to_xml`. ``simple_dictionaries=True``:
    ``DataContractJsonSerializerSettings.UseSimpleDictionaryFormat``, a ``dict[str, V]``
    written as the JSON object ``{"key":value}`` (string keys only, as Mono writes them).
    ``root_type``: the serializer's type, as for :func:`to_xml` (a derived value gets its
    ``__type`` first: ``{"__type":"Circle:#Shapes",...}``).
    Raises :class:`~netcontract.SerializationError` listing every problem with its path.
    """
    if root_type is not None and not is_contract(root_type):
        raise ValueError("to_wcf_json(): root_type must be a contract class")
    conversion_started()
    try:
        data, problems = wcf_json_bytes(
            obj,
            indent=indent,
            lossy=lossy,
            known_types=known_types,
            simple_dictionaries=simple_dictionaries,
            root_type=root_type,
        )
    except RecursionError:  # a cycle (or a graph too deep): named, as .NET refuses it
        raise SerializationError([graph_problem(obj)]) from None
    if problems:
        raise SerializationError(problems)
    conversion_done()
    return data

"""DataContract XML reader: lxml elements to contract instances.

Rules (docs/xml-rules.md §12; README, "Behaviours chosen where .NET is lossy"):

- namespace-aware: any prefixes; ``i:nil``, ``i:type``, CDATA, character references,
  comments and whitespace between elements are accepted
- members must come in DataContract order. .NET silently drops an element that comes after a
  later member; netcontract refuses it instead (silently losing a value is worse than an
  error), naming the element and the member it should precede
- unknown elements are ignored, as .NET does; ``strict=True`` refuses them
- every problem is collected with its path and line; the document is refused as a whole
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

from lxml import etree

from netcontract.clr.namespaces import SER, XS, XSI
from netcontract.clr.objects import AnyObject, Boxed, BoxedCollection
from netcontract.clr.value_types import ValueType, box, by_contract_name
from netcontract.codegen import Fallback, Source, fell_back, generated_paths
from netcontract.errors import QuotaExceededError
from netcontract.limits import FAILED, ReadContext
from netcontract.model import paths as _paths
from netcontract.model.construct import allocate, construct, missing_required
from netcontract.model.contract import (
    find_contract,
    is_contract,
    unknown_root_message,
)
from netcontract.model.enums import enum_name_message
from netcontract.model.extension import EXTENSION_ATTR, ExtensionData, ExtensionMember
from netcontract.model.keys import key_problems
from netcontract.model.known import (
    carries_offset,
    initial_scope,
    is_known_offset,
    own_known,
    qualified_name,
    resolve_known,
    unknown_type_message,
    with_own,
)
from netcontract.model.names import clark
from netcontract.model.plan import BUILD_LOCK, ContractInfo, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    collection_of,
    enum_type,
    is_plain_collection,
)
from netcontract.xml import extension as _extension
from netcontract.xml import scope as _scope
from netcontract.xml import walk as _walk
from netcontract.xml.walk import Document

__all__ = ["ReadContext", "read_root"]

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"
_ZID: Final = f"{{{SER}}}Id"
_ZREF: Final = f"{{{SER}}}Ref"
_XML_WS: Final = " \t\r\n"

Reader = Callable[[Any, str, ReadContext], Any]


def reader_for(slot: Slot) -> Reader:
    """The XML reader of a slot, made anew: the readers of a contract's members are kept on
    its plan (a contract inside is looked up on its first read)."""
    return _make_reader(slot)


def _nil(element: Any) -> bool | None:
    """The element's ``i:nil``, an xs:boolean as DataContractSerializer reads it (``true``,
    ``1``, ``false``, ``0``, with XML white space around; not ``TRUE`` or ``yes``); None when
    it is none of these (a problem for the caller to report with :func:`_bad_nil`)."""
    value = element.get(_NIL)
    if value is None:
        return False
    value = value.strip(_XML_WS)
    if value == "true" or value == "1":
        return True
    if value == "false" or value == "0":
        return False
    return None


def _bad_nil(element: Any) -> str:
    return f"i:nil={element.get(_NIL)!r} is not an xs:boolean (true, false, 1 or 0)"


def _resolve_qname(element: Any, qname: str, path: str, ctx: ReadContext) -> tuple[str, str]:
    """The (namespace, name) an ``i:type`` names: ValueError for an undeclared prefix,
    QuotaExceededError past ``max_attributes`` declarations in scope (xml/scope.py)."""
    prefix, _, local = qname.strip(_XML_WS).rpartition(":")
    # no default namespace in scope: an unprefixed name is in no namespace (Mono's stream
    # layout writes i:type="Tnone" so under a root in no namespace)
    ns = _scope.namespaces(element, path, ctx).get(prefix or None, None if prefix else "")
    if ns is None:
        raise ValueError(f"i:type {qname!r} uses an undeclared prefix")
    return ns, local


def _make_reader(slot: Slot) -> Reader:
    allow_none = slot.optional or not slot.wire.is_value_type
    wire = slot.wire
    inner = _wire_reader(wire)
    type_name = wire.primitive.clr_name if isinstance(wire, PrimitiveType) else wire.contract_name

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        if element.get(_ZREF) is not None:  # before i:nil (written beside z:Ref by Mono's
            # preserveObjectReferences mode)
            return _referenced(element, wire, path, ctx)
        nil = _nil(element)
        if nil is None:
            ctx.problem(path, _bad_nil(element), element)
            return FAILED
        if nil:
            if allow_none:
                if len(element) or (element.text and element.text.strip(_XML_WS)):
                    ctx.problem(path, 'an element with i:nil="true" must be empty', element)
                    return FAILED
                return None
            ctx.problem(path, f"null is not allowed: {type_name} is a value type", element)
            return FAILED
        return inner(element, path, ctx)

    return read


def _referenced(element: Any, wire: Any, path: str, ctx: ReadContext) -> Any:
    """The object an element's ``z:Ref`` names: one read before it with that ``z:Id`` (Mono
    refuses a reference to an object later in the document, or to none)."""
    ref = element.get(_ZREF)
    refs_allowed = (
        isinstance(wire, ObjectType)
        or (isinstance(wire, ContractType) and contract_info(wire.cls).is_reference)
        or (isinstance(wire, ListType | DictType) and wire.is_reference)
    )
    if not refs_allowed:
        name = wire.primitive.clr_name if isinstance(wire, PrimitiveType) else wire.contract_name
        ctx.problem(path, f"z:Ref={ref!r} where a {name} is expected: {_NOT_REFERENCE}", element)
        return FAILED
    if element.get(_ZID) is not None:
        # Mono: "Deserialized object with reference id ... not found in stream"
        ctx.problem(path, "an element with both z:Id and z:Ref", element)
        return FAILED
    text = element.text
    nil = element.get(_NIL)
    if len(element) or (text and text.strip(_XML_WS)) or (nil is not None and not _nil(element)):
        # Mono ignores the content of a z:Ref element: a value that would be lost silently
        ctx.problem(
            path, "an element with z:Ref must be empty (its content would be lost)", element
        )
        return FAILED
    found = ctx.refs.get(ref)
    if found is None:
        ctx.problem(
            path,
            f'z:Ref={ref!r} names no object read before it (.NET: "Deserialized object with'
            ' reference id not found in stream")',
            element,
        )
        return FAILED
    expected = (
        wire.cls if isinstance(wire, ContractType | ListType | DictType) else _expected_class(wire)
    )
    if expected is not None and not isinstance(found, expected):
        ctx.problem(
            path,
            f"z:Ref={ref!r} names a {type(found).__name__}, not a {expected.__name__}",
            element,
        )
        return FAILED
    return found


_NOT_REFERENCE: Final = (
    "shared references (z:Id, z:Ref) are read for is_reference contracts only"
    " (@contract(..., is_reference=True))"
)


def _expected_class(wire: ObjectType) -> type | None:
    expected = wire.expected
    if expected is not None and isinstance(expected.wire, ContractType):
        return expected.wire.cls
    return None


def _wire_reader(wire: Any) -> Reader:
    if isinstance(wire, PrimitiveType):
        return _primitive_reader(wire.primitive)
    if isinstance(wire, EnumType):
        return _enum_reader(wire)
    if isinstance(wire, ContractType):
        return _contract_reader(wire)
    if isinstance(wire, ListType):
        return _list_reader(wire)
    if isinstance(wire, DictType):
        return _dict_reader(wire)
    if isinstance(wire, ObjectType):
        return _object_reader(wire)
    raise AssertionError(wire)  # pragma: no cover


def _text_of(element: Any, path: str, ctx: ReadContext) -> str | None:
    if len(element):
        ctx.problem(path, f"expected text, found the element <{_local(element[0])}>", element)
        return None
    return element.text or ""


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else str(tag)


def _primitive_reader(primitive: ValueType) -> Reader:
    if primitive.xml_children is not None:
        return _complex_reader(primitive)
    if primitive.xml_qualified:
        return _qualified_reader(primitive)
    parse = primitive.xml_parse

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        text = _text_of(element, path, ctx)
        if text is None:
            return FAILED
        ctx.check_string(path, text, element)
        try:
            return parse(text)
        except (ValueError, TypeError) as exc:
            ctx.problem(path, str(exc), element)
            return FAILED

    return read


#: prefixes bound without a declaration (lxml's nsmap leaves them out)
_PREDEFINED_PREFIXES: Final = {
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xmlns": "http://www.w3.org/2000/xmlns/",
}


def _in_scope(element: Any, prefix: str, path: str, ctx: ReadContext) -> str | None:
    """The namespace ``prefix`` ("": the default) is bound to at a leaf ``element``; more
    than ``max_attributes`` declarations in scope there exceed the quota (xml/scope.py)."""
    return _scope.namespaces(element, path, ctx).get(prefix or None)


def _qualified_reader(primitive: ValueType) -> Reader:
    """An ``xs:QName`` (XmlQualifiedName): ``prefix:name`` resolved against the namespaces
    declared in scope, a name alone in the default namespace, no text the empty name.

    Refused where Mono reads something it could not write back: an undeclared prefix (Mono:
    the empty namespace), a name that is no NCName or has white space around it (Mono keeps
    it in the name: ``" nm "``), ``:name`` and ``prefix:`` (Mono: the default namespace, the
    empty name)."""

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        text = _text_of(element, path, ctx)
        if text is None:
            return FAILED
        ctx.check_string(path, text, element)
        if text == "":
            return primitive.xml_from_qname("", "")
        prefix, colon, name = text.partition(":")
        if not colon:
            prefix, name = "", text
        elif not prefix:
            ctx.problem(path, f"{text!r} is not a qualified name (nothing before ':')", element)
            return FAILED
        ns = _in_scope(element, prefix, path, ctx)
        if ns is None:
            ns = _PREDEFINED_PREFIXES.get(prefix) if prefix else ""
        if ns is None:
            ctx.problem(
                path,
                f"{text!r}: the prefix {prefix!r} is not declared (.NET would read the "
                "empty namespace)",
                element,
            )
            return FAILED
        if name == "":
            ctx.problem(path, f"{text!r} has no name after its prefix", element)
            return FAILED
        try:
            return primitive.xml_from_qname(name, ns)
        except (ValueError, TypeError) as exc:
            ctx.problem(path, f"{text!r}: {exc}", element)
            return FAILED

    return read


def _complex_reader(primitive: ValueType) -> Reader:
    """A complex value (DateTimeOffset): its child elements, in order, in its namespace, each
    with text; elements after them are ignored, as DataContractSerializer ignores them."""
    assert primitive.xml_children is not None
    names = tuple(f"{{{primitive.namespace}}}{child}" for child, _, _ in primitive.xml_children)
    shown = " and ".join(child for child, _, _ in primitive.xml_children)

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        if element.text and element.text.strip(_XML_WS):
            ctx.problem(path, f"expected the elements {shown}, found text", element)
            return FAILED
        children = [c for c in element if isinstance(c.tag, str)]
        texts: list[str] = []
        for index, name in enumerate(names):
            if index >= len(children) or children[index].tag != name:
                found = f"<{_local(children[index])}>" if index < len(children) else "the end"
                ctx.problem(
                    path,
                    f"expected the elements {shown} in {primitive.namespace}, found {found}",
                    element,
                )
                return FAILED
            text = _text_of(children[index], path, ctx)
            if text is None:
                return FAILED
            ctx.check_string(path, text, children[index])
            texts.append(text)
        try:
            return primitive.xml_from_children(tuple(texts))
        except (ValueError, TypeError) as exc:
            ctx.problem(path, str(exc), element)
            return FAILED

    return read


def _enum_reader(wire: EnumType) -> Reader:
    values = wire.values
    cls_name = wire.contract_name
    parse = wire.xml_value

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        text = _text_of(element, path, ctx)
        if text is None:
            return FAILED
        found = parse(text)  # DataContractSerializer wants the exact name, untrimmed
        if found is None:
            ctx.problem(path, enum_name_message(text, cls_name, values), element)
            return FAILED
        return found

    return read


class _ReadTable:
    """A contract's member table for the reference reader (its plan's ``xml_reading``)."""

    __slots__ = ("by_tag", "cls", "info", "names")

    def __init__(self, info: ContractInfo) -> None:
        self.info = info
        self.cls = info.cls
        self.by_tag: dict[str, tuple[int, str, str, Reader]] = {
            clark(m.xml_namespace, m.xml_name): (i, m.attr, m.wire_name, reader_for(m.slot))
            for i, m in enumerate(info.xml_members)
        }
        self.names = [m.wire_name for m in info.xml_members]


def _plan(tp: Any) -> _ReadTable:
    return contract_info(tp).built("xml_reading", _ReadTable)


def _contract_reader(wire: ContractType) -> Reader:
    tp: Any = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    declared = wire.cls

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        target = _typed_target(element, tp, declared, path, ctx)
        if target is FAILED:
            return FAILED
        return read_contract(_plan(target), element, path, ctx)

    return read


def _typed_target(element: Any, tp: Any, declared: type, path: str, ctx: ReadContext) -> Any:
    """The contract to read ``element`` into: ``tp`` (whose class is ``declared``), or the
    contract its ``i:type`` names when that type is known here and derives from ``declared``;
    FAILED, with the problem recorded, otherwise (.NET refuses a type it does not know)."""
    type_attr = element.get(_TYPE)
    if type_attr is None:
        return tp
    try:
        ns, local = _resolve_qname(element, type_attr, path, ctx)
    except QuotaExceededError:
        raise  # a ValueError too, but no problem of this element's
    except ValueError as exc:
        ctx.problem(path, str(exc), element)
        return FAILED
    if (ns, local) == qualified_name(tp):
        return tp
    found = resolve_known(ctx.known, declared, ns, local)
    if found is None and by_contract_name(ns, local) is None:
        ctx.problem(path, unknown_type_message(ns, local), element)
        return FAILED
    origin = typing.get_origin(found) or found  # a primitive (known everywhere): None
    if not is_contract(origin) or not issubclass(origin, declared):
        # Mono: ArgumentException "Object of type 'K.Square' cannot be converted to type ..."
        ctx.problem(path, f"i:type {local!r} from {ns!r} is not a {declared.__name__}", element)
        return FAILED
    return found


def read_contract(plan: _ReadTable, element: Any, path: str, ctx: ReadContext) -> Any:
    """Read a contract's element; the types its ``known_types`` make known are known inside."""
    outer = ctx.known
    ctx.known = with_own(outer, plan.info.cls)
    try:
        return _read_members(plan, element, path, ctx)
    finally:
        ctx.known = outer


def _read_members(plan: _ReadTable, element: Any, path: str, ctx: ReadContext) -> Any:
    into = None
    if plan.info.is_reference:
        if element.get(_ZREF) is not None:  # the root, or an element a fast path declined
            return _referenced(element, plan.info.wire, path, ctx)
        ident = element.get(_ZID)
        if ident is not None:
            if not ident:  # Mono: "Invalid Id ''. Must not be null or empty."
                ctx.problem(path, "z:Id is empty", element)
                return FAILED
            if ident in ctx.refs:
                # Mono: "The same Id value 'i1' is defined more than once"
                ctx.problem(path, f"z:Id={ident!r} is given to two objects", element)
                return FAILED
            # made now, initialized once its members are read: they may refer to it
            into = ctx.refs[ident] = allocate(plan.info.cls)
    elif element.get(_ZID) is not None or element.get(_ZREF) is not None:
        # Mono reads them on any class (preserveObjectReferences); each reference would be
        # expanded on writing, so a small document could become a huge one
        ctx.problem(path, f"z:Id or z:Ref on a {plan.info.name}: {_NOT_REFERENCE}", element)
        return FAILED
    text = element.text
    if text and text.strip(_XML_WS):
        ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r}", element)
        return FAILED
    ctx.enter(path, 0, element)
    kwargs: dict[str, Any] = {}
    last = -1
    failed = False
    by_tag = plan.by_tag
    keeps = plan.info.extension_data
    extension: list[ExtensionMember] = []
    for child in element:
        entry = by_tag.get(child.tag)
        tail = child.tail
        if tail and tail.strip(_XML_WS):
            ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", child)
            failed = True
        if entry is None and keeps and isinstance(child.tag, str):
            # IExtensibleDataObject: kept, to be written back after the member read last
            kept = _extension.read_member(child, last, path, ctx)
            if kept is FAILED:
                failed = True
            else:
                extension.append(kept)
            continue
        if entry is None:
            if ctx.strict or not isinstance(child.tag, str):
                ctx.problem(
                    _paths.join(path, _local(child)),
                    f"unknown element {child.tag!r} in {plan.info.name} (strict mode)",
                    child,
                )
                failed = True
            continue
        index, attr, wire_name, reader = entry
        member_path = _paths.join(path, wire_name)
        if index <= last:
            if attr in kwargs or index == last:
                message = "element given twice (.NET would keep the first and drop this one)"
            else:
                message = (
                    f"element out of order: DataContract order puts it before "
                    f"{plan.names[last]!r}; .NET would silently drop it"
                )
            ctx.problem(member_path, message, child)
            failed = True
            continue
        last = index
        value = reader(child, member_path, ctx)
        if value is FAILED:
            failed = True
        else:
            kwargs[attr] = value
    ctx.leave()
    if missing_required(plan.info.xml_members, kwargs, path, ctx, element):
        failed = True
    if failed:
        return FAILED
    made = construct(plan.info, kwargs, path, ctx, element, into)
    if extension and made is not FAILED:
        object.__setattr__(made, EXTENSION_ATTR, ExtensionData("xml", tuple(extension)))
    return made


def _list_reader(wire: ListType) -> Reader:
    item_tag = clark(wire.contract_namespace, wire.item_name)
    item_reader = reader_for(wire.item)
    made = wire.cls

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        type_attr = element.get(_TYPE)
        if type_attr is not None and not _names_list(element, type_attr, wire, path, ctx):
            return FAILED
        into = _collection_id(wire, element, path, ctx)
        if into is FAILED:
            return FAILED
        text = element.text
        if text and text.strip(_XML_WS):
            ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r}", element)
            return FAILED
        ctx.enter(path, len(element), element)
        result: list[Any] = []
        failed = False
        for child in element:
            tail = child.tail
            if tail and tail.strip(_XML_WS):
                ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", child)
                failed = True
            if child.tag != item_tag:
                if ctx.strict or not isinstance(child.tag, str):
                    ctx.problem(
                        path, f"unexpected element {child.tag!r}, expected {item_tag!r}", child
                    )
                    failed = True
                continue
            value = item_reader(child, _paths.item(path, len(result)), ctx)
            if value is FAILED:
                failed = True
            result.append(value)
        ctx.leave()
        if failed:
            return FAILED
        if into is not None:
            into.extend(result)
            return into
        return result if made is list else made(result)

    return read


def _dict_reader(wire: DictType) -> Reader:
    """``Dictionary<K,V>``: ``KeyValueOf...`` items of a ``Key`` then a ``Value``.

    Mono: other item elements are skipped (as a list's); a missing ``Key`` or ``Value``, a
    ``Value`` before the ``Key``, a nil key and a duplicate key are refused (DCS throws);
    elements after the ``Value`` are skipped. ``strict`` refuses what is skipped."""
    ns = wire.contract_namespace
    item_tag = clark(ns, wire.item_name)
    key_name, value_name = wire.key_name, wire.value_name
    key_tag, value_tag = clark(ns, key_name), clark(ns, value_name)
    made = wire.cls
    key_reader = reader_for(wire.key)
    value_reader = reader_for(wire.value)

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        type_attr = element.get(_TYPE)
        if type_attr is not None and not _names_list(element, type_attr, wire, path, ctx):
            return FAILED
        into = _collection_id(wire, element, path, ctx)
        if into is FAILED:
            return FAILED
        if not _no_text(element, path, ctx):
            return FAILED
        ctx.enter(path, len(element), element)
        result: dict[Any, Any] = {}
        failed = False
        for child in element:
            if not _no_tail(child, path, ctx):
                failed = True
            if child.tag != item_tag:
                if ctx.strict or not isinstance(child.tag, str):
                    ctx.problem(
                        path, f"unexpected element {child.tag!r}, expected {item_tag!r}", child
                    )
                    failed = True
                continue
            entry = read_entry(child, path, len(result), ctx)
            if entry is FAILED:
                failed = True
                continue
            key, value = entry
            if key in result:
                ctx.problem(
                    _paths.key(path, key),
                    "duplicate key (.NET refuses it: an item with the same key has already"
                    " been added)",
                    child,
                )
                failed = True
                continue
            result[key] = value
        ctx.leave()
        for problem in key_problems(wire, result, path):
            ctx.problem(problem.path, problem.message, element)
            failed = True
        if failed:
            return FAILED
        if into is not None:
            into.update(result)
            return into
        return result if made is dict else made(result)

    def read_entry(item: Any, dict_path: str, index: int, ctx: ReadContext) -> Any:
        path = _paths.item(dict_path, index)  # (the key's path once it is read)
        if not _no_text(item, path, ctx):
            return FAILED
        key_element = value_element = None
        for child in item:
            if not _no_tail(child, path, ctx):
                return FAILED
            tag = child.tag
            if key_element is None and tag == key_tag:
                key_element = child
            elif key_element is not None and value_element is None and tag == value_tag:
                value_element = child
            elif key_element is None and tag == value_tag:
                ctx.problem(path, f"expecting element {key_name!r} before {value_name!r}", child)
                return FAILED
            elif ctx.strict or not isinstance(tag, str):
                ctx.problem(path, f"unexpected element {tag!r} in a dictionary item", child)
                return FAILED
        if key_element is None or value_element is None:
            missing = key_name if key_element is None else value_name
            ctx.problem(path, f"a dictionary item without its '{missing}' element", item)
            return FAILED
        key = key_reader(key_element, path, ctx)
        if key is FAILED:
            return FAILED
        if key is None:
            ctx.problem(path, "a dictionary key cannot be null", key_element)
            return FAILED
        value = value_reader(value_element, _paths.key(dict_path, key), ctx)
        if value is FAILED:
            return FAILED
        return key, value

    return read


def _collection_id(wire: ListType | DictType, element: Any, path: str, ctx: ReadContext) -> Any:
    """The (empty) collection an is_reference collection contract's ``z:Id`` names from now
    on, made before its items are read (they may refer to it); None without one."""
    ident = element.get(_ZID) if wire.is_reference else None
    if ident is None:
        return None
    if element.get(_ZREF) is not None:
        ctx.problem(path, "an element with both z:Id and z:Ref", element)
        return FAILED
    if not ident:  # Mono: "Invalid Id ''. Must not be null or empty."
        ctx.problem(path, "z:Id is empty", element)
        return FAILED
    if ident in ctx.refs:
        ctx.problem(path, f"z:Id={ident!r} is given to two objects", element)
        return FAILED
    made = ctx.refs[ident] = wire.cls()
    return made


def _no_text(element: Any, path: str, ctx: ReadContext) -> bool:
    text = element.text
    if text and text.strip(_XML_WS):
        ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r}", element)
        return False
    return True


def _no_tail(child: Any, path: str, ctx: ReadContext) -> bool:
    tail = child.tail
    if tail and tail.strip(_XML_WS):
        ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", child)
        return False
    return True


def _names_list(
    element: Any, type_attr: str, wire: ListType | DictType, path: str, ctx: ReadContext
) -> bool:
    """Whether an ``i:type`` on a collection names the collection's own contract (.NET
    refuses any other, Mono: "contains data of the ... data contract"); records the problem."""
    try:
        qname = _resolve_qname(element, type_attr, path, ctx)
    except QuotaExceededError:
        raise  # a ValueError too, but no problem of this element's
    except ValueError as exc:
        ctx.problem(path, str(exc), element)
        return False
    if qname == (wire.contract_namespace, wire.contract_name):
        return True
    ns, local = qname
    ctx.problem(path, f"i:type {local!r} from {ns!r} is not a {wire.contract_name}", element)
    return False


def _object_reader(wire: ObjectType) -> Reader:
    expected = wire.expected
    expected_reader = reader_for(expected) if expected is not None else None
    expected_wire = expected.wire if expected is not None else None
    expected_type = getattr(expected_wire, "cls", None)
    expected_name = (
        (expected_wire.contract_namespace, expected_wire.contract_name)
        if isinstance(expected_wire, EnumType)
        else None
    )

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        type_attr = element.get(_TYPE)
        if type_attr is None:
            text = element.text
            if len(element) == 0 and not (text and text.strip(_XML_WS)):
                return AnyObject()
            if expected_reader is not None:
                return expected_reader(element, path, ctx)
            ctx.problem(path, "an object member with content needs an i:type attribute", element)
            return FAILED
        try:
            ns, local = _resolve_qname(element, type_attr, path, ctx)
        except QuotaExceededError:
            raise  # a ValueError too, but no problem of this element's
        except ValueError as exc:
            ctx.problem(path, str(exc), element)
            return FAILED
        if expected is not None and (ns, local) != (XS, "anyType"):
            # the type the caller asked for (ResponseDto[CustomerGroupDto]): i:type must
            # name it (or a derived contract), or a value it holds
            return read_expected(expected, element, ns, local, path, ctx)
        return read_typed(element, ns, local, path, ctx)

    def read_typed(element: Any, ns: str, local: str, path: str, ctx: ReadContext) -> Any:
        if (ns, local) == (XS, "anyType"):
            # Mono writes a bare object this way (.NET writes <Data />): ENGINE_FINDINGS.md #4
            text = element.text
            if len(element) == 0 and not (text and text.strip(_XML_WS)):
                return AnyObject()
            ctx.problem(path, "an element typed xs:anyType must be empty", element)
            return FAILED
        primitive = by_contract_name(ns, local)
        if primitive is not None and carries_offset(primitive) and not is_known_offset(ctx.known):
            # a contract to .NET (Mono: "no knowledge of any type that maps to this contract")
            ctx.problem(path, unknown_type_message(ns, local), element)
            return FAILED
        if primitive is not None:
            value = _primitive_reader(primitive)(element, path, ctx)
            if value is FAILED:
                return FAILED
            return box(value, primitive)  # Boxed where the Python type alone cannot tell
        found = ctx.known.get((ns, local))
        if found is None and expected_name == (ns, local):
            found = expected_type  # ResponseDto[Color]: the type asked for counts as known
        if found is None:
            ctx.problem(path, unknown_type_message(ns, local), element)
            return FAILED
        if is_contract(typing.get_origin(found) or found):
            return read_contract(_plan(found), element, path, ctx)
        collection = collection_of(found)
        if collection is not None:  # its reader checks the i:type again
            value = reader_for(Slot(collection, optional=False))(element, path, ctx)
            if value is FAILED or not is_plain_collection(found):
                return value
            # a List<int> / Dictionary<K,V>: boxed with its type, so that it is written back
            # with the same i:type (a plain list or dict says nothing of its .NET type)
            return BoxedCollection(value, found)
        meta = found.__dict__["__netcontract__"]
        enum_wire = enum_type(found, meta.name, meta.xml_namespace)
        return _enum_reader(enum_wire)(element, path, ctx)

    def read_expected(
        expected: Slot, element: Any, ns: str, local: str, path: str, ctx: ReadContext
    ) -> Any:
        wire = expected.wire
        if isinstance(wire, ContractType):  # its reader checks i:type (a derived contract)
            return reader_for(expected)(element, path, ctx)
        if isinstance(wire, ListType | DictType):
            if (ns, local) == (wire.contract_namespace, wire.contract_name):
                return reader_for(expected)(element, path, ctx)
        else:
            value = read_typed(element, ns, local, path, ctx)
            if value is FAILED:
                return FAILED
            if isinstance(wire, EnumType):
                if isinstance(value, wire.cls):
                    return value
            elif isinstance(wire, PrimitiveType):
                try:
                    return wire.primitive.check(value.value if type(value) is Boxed else value)
                except (ValueError, TypeError):
                    pass
            else:  # pragma: no cover - an object member's expected type is one of the above
                return value
        message = f"i:type {local!r} from {ns!r} does not match the type asked for"
        ctx.problem(path, f"{message} ({wire.contract_name})", element)
        return FAILED

    return read


def read_root(
    root: etree._Element,
    tp: Any,
    ctx: ReadContext,
    expected: tuple[str, str] | None = None,
    known_types: Iterable[Any] | None = None,
) -> Any:
    """Read the document element into ``tp`` (or the contract its name designates).

    ``expected`` is the (name, namespace) of the document element when it is not the
    contract's (a serializer made with a root name and namespace); ``known_types`` is the
    serializer's list of known types."""
    tag = str(root.tag)
    ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if tp is None:
        found = find_contract(ns, local)
        if found is None or not (is_contract(found) or collection_of(found) is not None):
            ctx.problem("", unknown_root_message(ns, local), root)
            return FAILED
        tp = found
    collection = collection_of(tp)
    if collection is not None:
        ctx.known = initial_scope(None, known_types)
        return _read_collection_root(collection, root, ns, local, ctx)
    info = contract_info(tp)
    name, namespace = (info.name, info.namespace) if expected is None else expected
    if not _root_is(root, name, namespace, ns, local, ctx):
        return FAILED
    # an i:type on the root names the contract or a known type derived from it
    ctx.known = initial_scope(tp, known_types)
    tp = _typed_target(root, tp, typing.get_origin(tp) or tp, "", ctx)
    if tp is FAILED:
        return FAILED
    # an is_reference root (z:Id) is read by the reference reader, as every is_reference
    # element is: reading one object the fast way and its later reference the other would
    # not share their table of z:Id
    if (
        generated_paths()
        and not contract_info(tp).is_reference
        and root.get(_ZID) is None
        and root.get(_ZREF) is None
    ):
        depth, items = ctx.depth, ctx.items
        try:
            if _walk.ACTIVE:
                node = _walk.walk(root, ctx.limits)
                if type(node) is tuple:
                    return _walked_reader(tp)(node, ctx, "", Document(root))
                # the tree holds what the walk does not read: the readers of lxml's proxies
                fell_back(tp, f"the compiled walk declined: {node}")
            return _fast_reader(tp)(root, ctx, "")
        except (Fallback, QuotaExceededError) as exc:
            # a quota is raised where the fast path counted: the reference path says where it
            # is exceeded (the generated readers catch Fallback themselves, element by element)
            fell_back(tp, exc)
            del ctx.problems[:]
            ctx.depth, ctx.items = depth, items
            ctx.refs.clear()
    return read_contract(_plan(tp), root, "", ctx)


def _read_collection_root(
    wire: ListType | DictType,
    root: etree._Element,
    ns: str,
    local: str,
    ctx: ReadContext,
) -> Any:
    """A collection contract as the document: the reference reader of its type (from_xml
    refuses a root name for it)."""
    fell_back(wire.cls, "a collection contract as the document: the reference reader")
    if not _root_is(root, wire.contract_name, wire.contract_namespace, ns, local, ctx):
        return FAILED
    return reader_for(Slot(wire, optional=False))(root, "", ctx)


def _root_is(
    root: etree._Element, name: str, namespace: str, ns: str, local: str, ctx: ReadContext
) -> bool:
    """Whether the document element is the expected ``name`` in ``namespace`` and not nil;
    if not, the problem is recorded (at the root's path, "")."""
    if (namespace, name) != (ns, local):
        ctx.problem(
            "",
            f"expecting element {name!r} from namespace {namespace!r}, "
            f"found {local!r} from namespace {ns!r}",
            root,
        )
        return False
    nil = _nil(root)
    if nil is None:
        ctx.problem("", _bad_nil(root), root)
        return False
    if nil:
        ctx.problem("", "the document is null (i:nil) where an object was expected", root)
        return False
    return True


# ------------------------------------------------------------------------------ fast path
#
# For each contract (a class or a parametrization) a function is generated that reads an
# element whose children come in DataContract order, as .NET writes them: it walks the
# children once, compares each tag with the next member's, and converts leaf values inline.
# Unknown elements are skipped as the reference reader skips them. Anything it does not
# handle itself (i:nil or i:type where it does not expect them, text or elements where a
# value or a member is expected, a value a codec refuses, elements out of order) is left to
# the reference reader: for one member when that is enough, else for the whole element,
# after undoing what the fast path counted. So results, problems, paths and quota errors are
# the reference reader's.


_MISSING: Final = object()
FastReader = Callable[[Any, ReadContext, str], Any]
# the reader of a walked element: (node, ctx, path, document), see xml/walk.py
WalkedReader = Callable[[Any, ReadContext, str, Document], Any]


def _fast_reader(tp: Any) -> FastReader:
    reader: FastReader = contract_info(tp).built("xml_reader", _contract_reader_of)
    return reader


def _contract_reader_of(info: ContractInfo) -> FastReader:
    generated: FastReader = _generate_contract_reader(info)
    if not own_known(info.cls):
        return generated
    cls = info.cls

    def read_in_scope(element: Any, ctx: ReadContext, path: str) -> Any:
        # the types its known_types make known are known inside (for the reference reader
        # that reads an element with an i:type)
        outer = ctx.known
        ctx.known = with_own(outer, cls)
        try:
            return generated(element, ctx, path)
        finally:
            ctx.known = outer

    return read_in_scope


def _walked_reader(tp: Any) -> WalkedReader:
    """The generated reader of the compiled walk's tuples (``xml/walk.py``)."""
    reader: WalkedReader = contract_info(tp).built("xml_walked_reader", _walked_reader_of)
    return reader


def _walked_reader_of(info: ContractInfo) -> WalkedReader:
    generated: WalkedReader = _generate_contract_reader(info, True)
    if not own_known(info.cls):
        return generated
    cls = info.cls

    def read_in_scope(node: Any, ctx: ReadContext, path: str, doc: Document) -> Any:
        # as _contract_reader_of: its known types are known inside
        outer = ctx.known
        ctx.known = with_own(outer, cls)
        try:
            return generated(node, ctx, path, doc)
        finally:
            ctx.known = outer

    return read_in_scope


def _fast_list_reader(slot: Slot, walked: bool = False) -> Any:
    assert isinstance(slot.wire, ListType)
    return _generate_list_reader(slot, slot.wire, walked)


def _lazy(namespace: dict[str, Any], name: str, make: Callable[[], Any]) -> Any:
    """A stand-in that makes the real reader on first use (contracts may be recursive) and
    puts it in its place in the generated module (a list reader lives only there)."""

    def stub(*args: Any) -> Any:
        with BUILD_LOCK:
            real = namespace[name]
            if real is stub:
                real = namespace[name] = make()
        return real(*args)

    return stub


def _member_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _skip_walked(node: Any, children: Any, known: frozenset[str], ctx: ReadContext) -> Any:
    """:func:`_skip_unknown` over walked elements (the walk has checked the text)."""
    while node is not None and node[0] not in known:
        if ctx.strict:
            raise Fallback("an unknown element to refuse")
        node = next(children, None)
    return node


def _skip_unknown(child: Any, children: Any, known: frozenset[str], ctx: ReadContext) -> Any:
    """Skip unknown elements (as .NET does); return the next child with a known tag, or None."""
    while child is not None and child.tag not in known:
        tail = child.tail
        if ctx.strict or type(child.tag) is not str or (tail and tail.strip(_XML_WS)):
            raise Fallback("an unknown element to refuse, or text")
        child = next(children, None)
    return child


def _reference_member(reader: Reader, element: Any, ctx: ReadContext, path: str, name: str) -> Any:
    """One member read by the reference reader; the whole element is delegated on a problem."""
    value = reader(element, _member_path(path, name), ctx)
    if value is FAILED:
        raise Fallback(ctx.problems[-1].message if ctx.problems else "a value refused")
    return value


def _reference_item(
    reader: Reader, element: Any, ctx: ReadContext, path: str, result: list[Any]
) -> Any:
    """One list item read by the reference reader; the list is delegated on a problem."""
    value = reader(element, _paths.item(path, len(result)), ctx)
    if value is FAILED:
        raise Fallback(ctx.problems[-1].message if ctx.problems else "a value refused")
    return value


def _generate_contract_reader(info: ContractInfo, walked: bool = False) -> Any:
    """The generated reader of a contract's element: an lxml element, or (``walked``) the
    compiled walk's tuple of one (``xml/walk.py``), read the same way."""
    plan = _plan(info.tp)
    if info.extension_data:
        # the unknown members are kept, where the fast path skips them: the reference reader
        if walked:

            def read_walked(node: Any, ctx: ReadContext, path: str, doc: Document) -> Any:
                return read_contract(plan, doc.element(node[4]), path, ctx)

            return read_walked

        def read_keeping(el: Any, ctx: ReadContext, path: str) -> Any:
            return read_contract(plan, el, path, ctx)

        return read_keeping
    src = Source("xml walked reader" if walked else "xml reader", repr(info.tp))
    subject = src.const(info.tp, "subject")
    d = src.const(Fallback, "Fallback")
    tags = [clark(m.xml_namespace, m.xml_name) for m in info.xml_members]
    known = src.const(frozenset(tags), "known")
    skip = src.const(_skip_walked if walked else _skip_unknown, "skip")
    tag_of = "c[0]" if walked else "c.tag"
    src.line(0, "def read(el, ctx, path, doc):" if walked else "def read(el, ctx, path):")
    src.line(1, "items = ctx.items")
    src.line(1, "depth = ctx.depth")
    src.line(1, "problems = len(ctx.problems)")
    src.line(1, "refs = len(ctx.refs)")
    src.line(1, "try:")
    src.line(2, "t = el[1]" if walked else "t = el.text")
    src.line(2, f"if t is not None and t.strip(' \\t\\r\\n'): raise {d}('text in the element')")
    # the element only gives a quota's line: the reference reader, run on a quota, gives it
    src.line(2, "ctx.enter(path, 0)" if walked else "ctx.enter(path, 0, el)")
    src.line(2, "maxlen = ctx.limits.max_string_length")
    # the walk gives the children's tags as one tuple: when they are the members, all in
    # order (as .NET writes them), they are read by position, the general path is the else
    g = 0
    if walked:
        _emit_walked_shape(src, info, tags)
        g = 1
    if walked:  # plain leaves as tuples
        src.line(3, f"it = iter({src.const(_walk.full, 'full')}(el) if None in el[3] else el[3])")
    else:
        src.line(2, "it = iter(el)")
    src.line(2 + g, "c = next(it, None)")
    src.line(2 + g, f"tag = None if c is None else {tag_of}")
    src.line(2 + g, "complete = True")
    for index, (m, tag) in enumerate(zip(info.xml_members, tags, strict=True)):
        var = f"v{index}"
        t = src.const(tag, "tag")
        # one comparison when the member is where .NET writes it; the re-test only after a
        # mismatch (an unknown element to skip, or a member left out)
        src.line(2 + g, f"ok = tag == {t}")
        src.line(2 + g, f"if not ok and tag is not None and tag not in {known}:")
        src.line(3 + g, f"c = {skip}(c, it, {known}, ctx)")
        src.line(3 + g, f"tag = None if c is None else {tag_of}")
        src.line(3 + g, f"ok = tag == {t}")
        src.line(2 + g, "if ok:")
        if not walked:  # the walk gives a parent's text, tails included, as its own
            src.line(3 + g, "tl = c.tail")
            src.line(
                3 + g,
                f"if tl is not None and tl.strip(' \\t\\r\\n'): raise {d}('text after an element')",
            )
        _emit_xml_member(src, 3 + g, var, m.slot, m.wire_name, walked)
        src.line(3 + g, "c = next(it, None)")
        src.line(3 + g, f"tag = None if c is None else {tag_of}")
        src.line(2 + g, "else:")
        if m.is_required:  # the reference reader reports it
            src.line(3 + g, f"raise {d}('a required member is missing')")
        src.line(3 + g, f"{var} = {src.const(_MISSING, 'MISSING')}")
        src.line(3 + g, "complete = False")
    src.line(2 + g, "if c is not None:")
    src.line(
        3 + g, f"if {skip}(c, it, {known}, ctx) is not None: raise {d}('elements out of order')"
    )
    src.line(2, "ctx.leave()")
    src.line(1, f"except ({d}, {src.const(QuotaExceededError, 'Quota')}) as e:")
    src.line(2, f"{src.const(fell_back, 'fell_back')}({subject}, e)")
    src.line(2, "ctx.items = items")
    src.line(2, "ctx.depth = depth")
    src.line(2, "del ctx.problems[problems:]")
    src.line(2, "ctx.forget_refs(refs)")  # the objects of z:Id in the element, read again
    element = "doc.element(el[4])" if walked else "el"
    src.line(
        2,
        f"return {src.const(read_contract, 'reference')}"
        f"({src.const(plan, 'plan')}, {element}, path, ctx)",
    )
    cls = src.const(info.cls, info.cls.__name__)
    names = [f"v{index}" for index in range(len(info.xml_members))]
    src.line(1, "if complete:")
    # members DataContract XML does not carry (read-only ones) keep their defaults
    given = [(m.attr, var) for m, var in zip(info.xml_members, names, strict=True)]
    src.construct(2, info.cls, given)
    attrs_ = src.const(tuple(m.attr for m in info.xml_members), "attrs")
    src.call_class(
        1,
        f"{cls}(**{{a: v for a, v in zip({attrs_}, ({''.join(n + ', ' for n in names)}))"
        f" if v is not {src.const(_MISSING, 'MISSING')}}})",
    )
    return src.compile("read")


def _emit_xml_member(
    src: Source, lvl: int, var: str, slot: Slot, name: str | None, walked: bool = False
) -> None:
    """Lines reading the member element ``c`` into ``var`` (``name`` None: a list item);
    ``walked``: ``c`` is the compiled walk's tuple of the element (``xml/walk.py``)."""
    wire = slot.wire
    d = src.const(Fallback, "Fallback")
    nillable = slot.optional or not wire.is_value_type
    join = src.const(_member_path, "join")
    reader = src.const(reader_for(slot), "reader")
    element = "doc.element(c[4])" if walked else "c"
    if name is None:
        reference = (
            f"{var} = {src.const(_reference_item, 'item')}({reader}, {element}, ctx, path, result)"
        )
    else:
        reference = (
            f"{var} = {src.const(_reference_member, 'member')}"
            f"({reader}, {element}, ctx, path, {name!r})"
        )
    if isinstance(wire, PrimitiveType) and wire.primitive.xml_qualified:
        # an xs:QName's prefix is resolved in scope: the reference reader, for the member only
        src.line(lvl, reference)
        return
    if walked:
        src.line(lvl, "a = c[2]")
        text, kids, attributes = "c[1]", "c[3]", "c[5]"
        # any attribute but i:nil (a z:Ref to refuse, as Mono refuses it): the reference reader
        referenced = "c[5]"
    else:
        src.line(lvl, f"a = c.get({src.const(_NIL, 'NIL')})")
        text, kids, attributes = "c.text", "len(c)", "c.attrib"
        referenced = f"c.get({src.const(_ZREF, 'ZREF')}) is not None"
    if isinstance(wire, PrimitiveType | EnumType):
        src.line(lvl, f"x = {text}")
        src.line(lvl, f"if a is not None or {kids} or {referenced}:")
        if nillable:
            src.line(lvl + 1, f"if a == 'true' and x is None and not {kids}:")
            src.line(lvl + 2, f"{var} = None")
            src.line(lvl + 1, "else:")
            src.line(lvl + 2, reference)
        else:
            src.line(lvl + 1, reference)
        src.line(lvl, "else:")
        src.line(lvl + 1, "if x is None: x = ''")
        src.line(lvl + 1, f"elif len(x) > maxlen: raise {d}('max_string_length')")
        _emit_text_value(src, lvl + 1, var, wire, reference)
        return
    if isinstance(wire, ObjectType) or (
        isinstance(wire, ContractType) and contract_info(wire.cls).is_reference
    ):
        # z:Id and z:Ref (i:nil="true" beside z:Ref is not a null): the reference reader
        src.line(lvl, reference)
        return
    src.line(lvl, "if a is not None:")
    if nillable:
        src.line(lvl + 1, f"if a == 'true' and {text} is None and not {kids}:")
        src.line(lvl + 2, f"{var} = None")
        src.line(lvl + 1, "else:")
        src.line(lvl + 2, reference)
    else:  # pragma: no cover - contracts and lists are reference types
        src.line(lvl + 1, reference)
    if isinstance(wire, ContractType):
        target = _contract_tp(wire)
        fn = src.name("r_" + wire.cls.__name__)
        make: Callable[[], Any] = (
            (lambda: _walked_reader(target)) if walked else (lambda: _fast_reader(target))
        )
        src.globals[fn] = _lazy(src.globals, fn, make)
        # i:type, or a z:Id / z:Ref to refuse: the reference reader
        src.line(lvl, f"elif {attributes}:")
        src.line(lvl + 1, reference)
        src.line(lvl, "else:")
        tail = ", doc" if walked else ""
        src.line(lvl + 1, f"{var} = {fn}(c, ctx, {join}(path, {name!r}){tail})")
        src.line(lvl + 1, f"if {var} is {src.const(FAILED, 'FAILED')}: raise {d}('a problem')")
    elif isinstance(wire, ListType) and not wire.is_reference:  # (z:Id: the reference reader)
        fn = src.name("list")
        src.globals[fn] = _lazy(src.globals, fn, lambda: _fast_list_reader(slot, walked))
        # a z:Ref (which Mono refuses here; the list reader would read it as an empty list)
        src.line(lvl, f"elif {referenced}:")
        src.line(lvl + 1, reference)
        src.line(lvl, "else:")
        tail = ", doc" if walked else ""
        src.line(lvl + 1, f"{var} = {fn}(c, ctx, {join}(path, {name!r}){tail})")
        src.line(lvl + 1, f"if {var} is {src.const(FAILED, 'FAILED')}: raise {d}('a problem')")
    else:  # object members: the reference reader
        src.line(lvl, "else:")
        src.line(lvl + 1, reference)


def _emit_text_value(
    src: Source, lvl: int, var: str, wire: PrimitiveType | EnumType, reference: str
) -> None:
    """Lines reading the text ``x`` (a str within max_string_length) into ``var``."""
    if isinstance(wire, EnumType):
        values = src.const(wire.values, "values")
        if wire.flags:  # names joined by spaces: the reference rule, inline
            values = src.const(wire, "flags")
            src.line(lvl, f"{var} = {values}.xml_value(x)")
        else:
            src.line(lvl, f"{var} = {values}.get(x)")
        src.line(lvl, f"if {var} is None:")
        src.line(lvl + 1, reference)
    else:
        p = wire.primitive
        parse = p.xml_fast_parse(src, "x")
        if parse == "x":  # the text itself (String)
            src.line(lvl, f"{var} = x")
        else:
            src.guarded(lvl, f"{var} = {parse}", f"{p.clr_name} refused")


def _emit_walked_shape(src: Source, info: ContractInfo, tags: list[str]) -> None:
    """Lines reading a walked element whose children are the members, all of them, in
    order (its ``shape`` is their tags): each by position, a plain leaf's text as given."""
    shape = src.const(_walk.shape(tuple(tags)), "shape")
    src.line(2, f"if el[6] is {shape}:")
    src.line(3, "k = el[3]")
    src.line(3, "xs = el[7]")
    for index, m in enumerate(info.xml_members):
        var = f"v{index}"
        wire = m.slot.wire
        # an xs:QName's text alone is not its value (its prefix is resolved in scope): a
        # plain leaf of one is read by the reference reader, as _emit_xml_member does
        qualified = isinstance(wire, PrimitiveType) and wire.primitive.xml_qualified
        if isinstance(wire, PrimitiveType | EnumType) and not qualified:
            reader = src.const(reader_for(m.slot), "reader")
            reference = (
                f"{var} = {src.const(_reference_member, 'member')}"
                f"({reader}, doc.element((el[4], {index})), ctx, path, {m.wire_name!r})"
            )
            src.line(3, f"x = xs[{index}]")
            src.line(3, "if x is not None:")
            _emit_text_value(src, 4, var, wire, reference)
            src.line(3, "else:")
            src.line(4, f"c = k[{index}]")
            _emit_xml_member(src, 4, var, m.slot, m.wire_name, True)
        else:  # an empty list or contract (or a QName) is a plain leaf: its tuple is made
            src.line(3, f"c = k[{index}] or {src.const(_walk.leaf, 'leaf')}(el, {index})")
            _emit_xml_member(src, 3, var, m.slot, m.wire_name, True)
    src.line(3, "complete = True")
    src.line(2, "else:")


def _contract_tp(wire: ContractType) -> Any:
    return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]


def _generate_list_reader(slot: Slot, wire: ListType, walked: bool = False) -> Any:
    """The generated reader of a list's element (``walked``: of its walked tuple)."""
    item = wire.item
    src = Source("xml walked list reader" if walked else "xml list reader", wire.contract_name)
    subject = src.const(wire.contract_name, "subject")
    d = src.const(Fallback, "Fallback")
    item_tag = src.const(clark(wire.contract_namespace, wire.item_name), "tag")
    element = "doc.element(c[4])" if walked else "c"
    src.line(0, "def read(el, ctx, path, doc):" if walked else "def read(el, ctx, path):")
    src.line(1, "items = ctx.items")
    src.line(1, "depth = ctx.depth")
    src.line(1, "problems = len(ctx.problems)")
    src.line(1, "refs = len(ctx.refs)")
    src.line(1, "try:")
    if walked:
        src.line(2, f"if el[5] == 2: raise {d}('i:type on a list')")
        src.line(2, "t = el[1]")
    else:
        src.line(2, f"if el.get({src.const(_TYPE, 'TYPE')}) is not None: raise {d}")
        src.line(2, "t = el.text")
    src.line(2, f"if t is not None and t.strip(' \\t\\r\\n'): raise {d}('text in the element')")
    if walked:
        src.line(2, "kids = el[3]")
        src.line(2, f"if None in kids: kids = {src.const(_walk.full, 'full')}(el)")
        src.line(2, "ctx.enter(path, len(kids))")
    else:
        src.line(2, "ctx.enter(path, len(el), el)")
    src.line(2, "maxlen = ctx.limits.max_string_length")
    src.line(2, "result = []")
    src.line(2, "append = result.append")
    if walked:
        src.line(2, "for c in kids:")
        src.line(3, f"if c[0] != {item_tag}: raise {d}('an element other than an item')")
    else:
        src.line(2, "for c in el:")
        src.line(3, "tl = c.tail")
        src.line(
            3, f"if tl is not None and tl.strip(' \\t\\r\\n'): raise {d}('text after an element')"
        )
        src.line(3, f"if c.tag != {item_tag}: raise {d}('an element other than an item')")
    item_wire = item.wire
    if isinstance(item_wire, ContractType) and contract_info(item_wire.cls).is_reference:
        reference = src.const(reader_for(item), "reader")
        src.line(3, f"v = {reference}({element}, f'{{path}}[{{len(result)}}]', ctx)")
        src.line(3, f"if v is {src.const(FAILED, 'FAILED')}: raise {d}('a problem')")
    elif isinstance(item_wire, ContractType):
        # items are read one by one: a path per item, and the reference reader for anything
        # else than a plain element of the declared class
        target = _contract_tp(item_wire)
        fn = src.name("r_" + item_wire.cls.__name__)
        make: Callable[[], Any] = (
            (lambda: _walked_reader(target)) if walked else (lambda: _fast_reader(target))
        )
        src.globals[fn] = _lazy(src.globals, fn, make)
        reference = src.const(reader_for(item), "reader")
        src.line(3, "ipath = f'{path}[{len(result)}]'")
        # i:nil, i:type, or a z:Id / z:Ref to refuse: the reference reader
        if walked:
            src.line(3, "if c[2] is None and not c[5]:")
            src.line(4, f"v = {fn}(c, ctx, ipath, doc)")
        else:
            src.line(3, "if not c.attrib:")
            src.line(4, f"v = {fn}(c, ctx, ipath)")
        src.line(3, "else:")
        src.line(4, f"v = {reference}({element}, ipath, ctx)")
        src.line(3, f"if v is {src.const(FAILED, 'FAILED')}: raise {d}('a problem')")
    else:
        _emit_xml_member(src, 3, "v", item, None, walked)
    src.line(3, "append(v)")
    src.line(2, "ctx.leave()")
    if wire.cls is list:
        src.line(2, "return result")
    else:  # a collection contract: its own class
        src.line(2, f"return {src.const(wire.cls, 'made')}(result)")
    src.line(1, f"except ({d}, {src.const(QuotaExceededError, 'Quota')}) as e:")
    src.line(2, f"{src.const(fell_back, 'fell_back')}({subject}, e)")
    src.line(2, "ctx.items = items")
    src.line(2, "ctx.depth = depth")
    src.line(2, "del ctx.problems[problems:]")
    src.line(2, "ctx.forget_refs(refs)")
    src.line(
        2,
        f"return {src.const(_wire_reader(wire), 'reference')}"
        f"({'doc.element(el[4])' if walked else 'el'}, path, ctx)",
    )
    return src.compile("read")

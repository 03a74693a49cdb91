"""DataContract XML reader: lxml elements to contract instances.

Rules (see README, "Reading XML"):

- namespace-aware: any prefixes; ``i:nil``, ``i:type``, CDATA, character references,
  comments and whitespace between elements are accepted
- members must come in DataContract order. .NET silently drops an element that comes after a
  later member; netcontract refuses it instead (silently losing a value is worse than an
  error), naming the element and the member it should precede
- unknown elements are ignored, as .NET does; ``strict=True`` refuses them
- every problem is collected with its path and line; the document is refused as a whole
"""

from __future__ import annotations

import decimal
import uuid
from collections.abc import Callable
from typing import Any, Final

from lxml import etree

from netcontract import _paths
from netcontract._clr import INT64, PRIMITIVES, XS, XSI, Primitive
from netcontract._contract import ContractInfo, contract_info, find_contract, is_contract
from netcontract._datetime import DateTime
from netcontract._limits import ReadContext
from netcontract._json_codec import FAILED, Boxed
from netcontract._types import (
    AnyObject,
    ContractType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
)

__all__ = ["ReadContext", "read_root"]

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"
_XML_WS: Final = " \t\r\n"

#: the Python types of object-member values that travel without a Boxed wrapper
_NATURAL: Final[frozenset[type]] = frozenset(
    {str, bool, float, decimal.Decimal, uuid.UUID, DateTime, int}
)


Reader = Callable[[Any, str, ReadContext], Any]
_READERS: dict[int, Reader] = {}
_KEEP: list[object] = []


def reader_for(slot: Slot) -> Reader:
    reader = _READERS.get(id(slot))
    if reader is None:
        reader = _READERS[id(slot)] = _make_reader(slot)
        _KEEP.append(slot)
    return reader


def _is_nil(element: Any) -> bool:
    value = element.get(_NIL)
    return value is not None and value.strip(_XML_WS) in ("true", "1")


def _resolve_qname(element: Any, qname: str) -> tuple[str, str]:
    prefix, _, local = qname.strip(_XML_WS).rpartition(":")
    ns = element.nsmap.get(prefix or None)
    if ns is None:
        raise ValueError(f"i:type {qname!r} uses an undeclared prefix")
    return ns, local


def _make_reader(slot: Slot) -> Reader:
    allow_none = slot.optional or not slot.wire.is_value_type
    wire = slot.wire
    inner = _wire_reader(wire)
    type_name = wire.primitive.clr_name if isinstance(wire, PrimitiveType) else wire.contract_name

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        if _is_nil(element):
            if allow_none:
                if len(element) or (element.text and element.text.strip(_XML_WS)):
                    ctx.problem(path, 'an element with i:nil="true" must be empty', element)
                    return FAILED
                return None
            ctx.problem(path, f"null is not allowed: {type_name} is a value type", element)
            return FAILED
        return inner(element, path, ctx)

    return read


def _wire_reader(wire: Any) -> Reader:
    if isinstance(wire, PrimitiveType):
        return _primitive_reader(wire.primitive)
    if isinstance(wire, EnumType):
        return _enum_reader(wire)
    if isinstance(wire, ContractType):
        return _contract_reader(wire)
    if isinstance(wire, ListType):
        return _list_reader(wire)
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


def _primitive_reader(primitive: Primitive) -> Reader:
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


def _enum_reader(wire: EnumType) -> Reader:
    values = wire.values
    cls_name = wire.cls.__name__

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        text = _text_of(element, path, ctx)
        if text is None:
            return FAILED
        found = values.get(text)  # DataContractSerializer wants the exact name, untrimmed
        if found is None:
            ctx.problem(
                path,
                f"invalid enum value {text!r} for {cls_name} "
                f"(expected one of: {', '.join(values)})",
                element,
            )
            return FAILED
        return found

    return read


class _ContractXmlPlan:
    __slots__ = ("by_tag", "cls", "info", "names")

    def __init__(self, info: ContractInfo) -> None:
        self.info = info
        self.cls = info.cls
        self.by_tag: dict[str, tuple[int, str, str, Reader]] = {
            f"{{{m.xml_namespace}}}{m.xml_name}": (i, m.attr, m.wire_name, reader_for(m.slot))
            for i, m in enumerate(info.xml_members)
        }
        self.names = [m.wire_name for m in info.xml_members]


_PLANS: dict[int, _ContractXmlPlan] = {}


def _plan(tp: Any) -> _ContractXmlPlan:
    info = contract_info(tp)
    plan = _PLANS.get(id(info))
    if plan is None:
        plan = _PLANS[id(info)] = _ContractXmlPlan(info)
    return plan


def _contract_reader(wire: ContractType) -> Reader:
    tp: Any = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    declared = wire.cls

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        type_attr = element.get(_TYPE)
        target = tp
        if type_attr is not None:
            try:
                ns, local = _resolve_qname(element, type_attr)
            except ValueError as exc:
                ctx.problem(path, str(exc), element)
                return FAILED
            found = find_contract(ns, local)
            if found is None or not issubclass(found, declared) or not is_contract(found):
                ctx.problem(
                    path, f"i:type {local!r} from {ns!r} is not a {declared.__name__}", element
                )
                return FAILED
            if found is not declared:
                target = found
        return read_contract(_plan(target), element, path, ctx)

    return read


def read_contract(plan: _ContractXmlPlan, element: Any, path: str, ctx: ReadContext) -> Any:
    text = element.text
    if text and text.strip(_XML_WS):
        ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r}", element)
        return FAILED
    ctx.enter(path, 0, element)
    kwargs: dict[str, Any] = {}
    last = -1
    failed = False
    by_tag = plan.by_tag
    for child in element:
        entry = by_tag.get(child.tag)
        tail = child.tail
        if tail and tail.strip(_XML_WS):
            ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", child)
            failed = True
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
    if failed:
        return FAILED
    return plan.cls(**kwargs)


def _list_reader(wire: ListType) -> Reader:
    item_tag = f"{{{wire.contract_namespace}}}{wire.item_name}"
    item_reader = reader_for(wire.item)

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
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
        return FAILED if failed else result

    return read


def _object_reader(wire: ObjectType) -> Reader:
    expected = wire.expected

    def read(element: Any, path: str, ctx: ReadContext) -> Any:
        type_attr = element.get(_TYPE)
        if type_attr is None:
            text = element.text
            if len(element) == 0 and not (text and text.strip(_XML_WS)):
                return AnyObject()
            if expected is not None:
                return reader_for(expected)(element, path, ctx)
            ctx.problem(path, "an object member with content needs an i:type attribute", element)
            return FAILED
        try:
            ns, local = _resolve_qname(element, type_attr)
        except ValueError as exc:
            ctx.problem(path, str(exc), element)
            return FAILED
        if (ns, local) == (XS, "anyType"):
            # Mono writes a bare object this way (.NET writes <Data />): ENGINE_FINDINGS.md #4
            text = element.text
            if len(element) == 0 and not (text and text.strip(_XML_WS)):
                return AnyObject()
            ctx.problem(path, "an element typed xs:anyType must be empty", element)
            return FAILED
        primitive = PRIMITIVES.get((ns, local))
        if primitive is not None:
            value = _primitive_reader(primitive)(element, path, ctx)
            if value is FAILED:
                return FAILED
            if type(value) in _NATURAL and (type(value) is not int or primitive is INT64):
                return value
            return Boxed(value, primitive)
        found = find_contract(ns, local)
        if found is None:
            ctx.problem(path, f"unknown i:type {local!r} from namespace {ns!r}", element)
            return FAILED
        if is_contract(found):
            return read_contract(_plan(found), element, path, ctx)
        meta = found.__dict__["__netcontract__"]
        enum_wire = EnumType(
            found,
            meta.name,
            meta.xml_namespace,
            names={int(m): m.name for m in found},  # type: ignore[attr-defined]
            values={m.name: m for m in found},  # type: ignore[attr-defined]
        )
        return _enum_reader(enum_wire)(element, path, ctx)

    return read


def read_root(root: etree._Element, tp: Any, ctx: ReadContext) -> Any:
    """Read the document element into ``tp`` (or the contract its name designates)."""
    tag = str(root.tag)
    ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if tp is None:
        found = find_contract(ns, local)
        if found is None or not is_contract(found):
            ctx.problem(
                "", f"no known contract has the root element {local!r} from namespace {ns!r}", root
            )
            return FAILED
        tp = found
    info = contract_info(tp)
    if (info.namespace, info.name) != (ns, local):
        ctx.problem(
            "",
            f"expecting element {info.name!r} from namespace {info.namespace!r}, "
            f"found {local!r} from namespace {ns!r}",
            root,
        )
        return FAILED
    if _is_nil(root):
        ctx.problem("", "the document is null (i:nil) where an object was expected", root)
        return FAILED
    return read_contract(_plan(tp), root, "", ctx)

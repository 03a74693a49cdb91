"""Validating DataContract XML against the schemas .NET exports, then decoding it.

``validate_xml`` parses the bytes with the hardened parser (``_xml_parse``), checks the quotas
that keep xmlschema fast (depth, attributes per element), validates the lxml root against the
schemas :func:`~netcontract.export_schemas` gives for the root's contract (plus the contracts
named by ``i:type`` attributes), and finally reads the document as :func:`from_xml` does.

Safety (``shared/design/safety-facts.md`` §2(c)): the schemas are built in memory from the
exported text, once per set of classes; the instance is the already parsed lxml root wrapped
as ``XMLResource(root, allow="none")`` and validated with ``use_location_hints=False``, so
neither the schemas nor the document can make xmlschema open a file or a URL.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from lxml import etree

from netcontract import _paths
from netcontract._clr import PRIMITIVES, SER, XSI
from netcontract._contract import (
    Member,
    contract_info,
    find_contract,
    is_contract,
    unknown_root_message,
)
from netcontract._enum import enum_name_message
from netcontract._errors import Problem, XmlPayloadError
from netcontract._json_codec import FAILED
from netcontract._limits import DEFAULT_LIMITS, Limits, ReadContext
from netcontract._types import (
    ContractType,
    EnumType,
    ListType,
    PrimitiveType,
    WireType,
    resolve_annotation,
)
from netcontract._xml_parse import XmlSyntaxError, parse_xml_bytes
from netcontract._xml_reader import read_root
from netcontract._xsd_export import export_schemas

if TYPE_CHECKING:
    import xmlschema

__all__ = ["MAX_REPORTED_PROBLEMS", "schema_for", "validate_xml"]

#: attributes allowed on one element before validation (xmlschema's error reports are
#: quadratic in the attribute count: safety-facts.md §2(c)); .NET writes at most three
#: schema problems reported for one document; validation stops after that many
MAX_REPORTED_PROBLEMS: Final = 100

_TYPE: Final = f"{{{XSI}}}type"
_NIL: Final = f"{{{XSI}}}nil"
_XML_WS: Final = " \t\r\n"
#: xmlschema reasons that only repeat Python's parser and say nothing to a user
_UNHELPFUL_REASONS: Final = ("invalid literal for", "could not convert", "value doesn't match")


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _contract_tp(wire: ContractType) -> Any:
    return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]


@functools.lru_cache(maxsize=256)
def _members_by_tag(tp: Any) -> dict[str, tuple[int, Member]]:
    info = contract_info(tp)
    return {
        f"{{{m.xml_namespace}}}{m.xml_name}": (index, m) for index, m in enumerate(info.xml_members)
    }


def _resolve_qname(element: Any, value: str) -> tuple[str, str] | None:
    prefix, _, local = value.strip(_XML_WS).rpartition(":")
    ns = element.nsmap.get(prefix or None)
    return None if ns is None else (ns, local)


def _wire_of_type(qname: tuple[str, str]) -> WireType | None:
    """The wire type an ``i:type`` names, as the reader resolves it."""
    primitive = PRIMITIVES.get(qname)
    if primitive is not None:
        return PrimitiveType(primitive)
    found = find_contract(*qname)
    if found is None:
        return None
    return resolve_annotation(found).wire


@functools.lru_cache(maxsize=64)
def schema_for(*classes: Any) -> xmlschema.XMLSchema10:
    """The compiled XML Schema of ``classes`` (their :func:`export_schemas`), cached.

    The sources are the exported texts, in memory; ``allow="none"`` and ``defuse="always"``
    keep xmlschema from opening anything else.
    """
    import xmlschema  # noqa: PLC0415 - costs 0.2 s to import; only validation needs it

    sources: list[Any] = list(export_schemas(*classes).values())
    return xmlschema.XMLSchema10(sources, allow="none", defuse="always", use_fallback=False)


class _Locator:
    """Member paths (``Vehicles[0].Tolerance``) and wire types of elements, from the root."""

    def __init__(self, root_wire: WireType) -> None:
        self.root_wire = root_wire
        self._indices: dict[Any, dict[Any, int]] = {}

    def item_index(self, parent: Any, child: Any, item_tag: str) -> int | None:
        indices = self._indices.get(parent)
        if indices is None:
            items = (c for c in parent if c.tag == item_tag)
            indices = self._indices[parent] = {c: i for i, c in enumerate(items)}
        return indices.get(child)

    @staticmethod
    def effective(element: Any, wire: WireType | None) -> WireType | None:
        """``wire``, or the type ``i:type`` names on ``element``."""
        value = element.get(_TYPE)
        if value is None:
            return wire
        qname = _resolve_qname(element, value)
        return None if qname is None else _wire_of_type(qname)

    def step(self, parent: Any, wire: WireType | None, child: Any, path: str) -> tuple[str, Any]:
        """Path and declared wire type of ``child`` inside ``parent`` (of type ``wire``)."""
        local = _split(str(child.tag))[1]
        if isinstance(wire, ListType):
            item_tag = f"{{{wire.contract_namespace}}}{wire.item_name}"
            index = self.item_index(parent, child, item_tag)
            if index is not None:
                return _paths.item(path, index), wire.item.wire
        elif isinstance(wire, ContractType):
            found = _members_by_tag(_contract_tp(wire)).get(child.tag)
            if found is not None:
                member = found[1]
                return _paths.join(path, member.wire_name), member.slot.wire
        return _paths.join(path, local), None

    def locate(self, element: Any) -> tuple[str, WireType | None]:
        """The member path of ``element`` and its wire type (None where unknown)."""
        chain = [element, *element.iterancestors()]
        chain.reverse()
        path = ""
        wire: WireType | None = self.effective(chain[0], self.root_wire)
        for parent, child in itertools.pairwise(chain):
            path, declared = self.step(parent, wire, child, path)
            wire = self.effective(child, declared)
        return path, wire


def _type_label(wire: WireType | None) -> str:
    if isinstance(wire, PrimitiveType):
        prefix = "ser" if wire.primitive.namespace == SER else "xs"
        return f"{wire.primitive.clr_name} ({prefix}:{wire.contract_name})"
    if wire is None:
        return "value"
    return wire.contract_name


class _Reporter:
    """Turns xmlschema's errors into netcontract :class:`Problem` s."""

    def __init__(self, locator: _Locator) -> None:
        self.locator = locator
        self.problems: list[Problem] = []
        self._seen: set[Any] = set()

    def add(self, path: str, message: str, element: Any) -> None:
        self.problems.append(Problem(path, message, getattr(element, "sourceline", None)))

    def report(self, error: xmlschema.XMLSchemaValidationError) -> None:
        element = error.elem
        reason = error.reason or str(error.message)
        if element is None:
            self.add("", reason, None)
            return
        child = getattr(error, "invalid_child", None)
        if child is not None and child.getparent() is element:
            self._child_problem(element, child)
            return
        if "cannot substitute" in reason:
            self._substitution_problem(element)
            return
        if element in self._seen:  # one problem per element is enough (nil + pattern...)
            return
        self._seen.add(element)
        path, wire = self.locator.locate(element)
        if "not nillable" in reason:
            message = f"null (i:nil) is not allowed: {_type_label(wire)} is a value type"
            self.add(path, message, element)
        elif "character data" in reason or "mixed" in reason:
            self.add(path, "unexpected text between the elements", element)
        elif "attribute" in reason:
            self.add(path, reason, element)
        elif len(element) == 0 and not isinstance(wire, ContractType | ListType):
            self.add(path, self._value_message(element, wire, reason), element)
        else:
            self.add(path, reason, element)

    def _substitution_problem(self, element: Any) -> None:
        value = element.get(_TYPE)
        parent = element.getparent()
        if value is None or parent is None or element in self._seen:
            return  # xmlschema reports it on the parent too: the element's own report is enough
        self._seen.add(element)
        parent_path, parent_wire = self.locator.locate(parent)
        path, declared = self.locator.step(parent, parent_wire, element, parent_path)
        expected = "the member's type" if declared is None else repr(declared.contract_name)
        message = f"i:type {value.strip(_XML_WS)!r} is neither {expected} nor derived from it"
        self.add(path, message, element)

    @staticmethod
    def _value_message(element: Any, wire: WireType | None, reason: str) -> str:
        text = element.text or ""
        shown = text if len(text) <= 60 else text[:57] + "..."
        if isinstance(wire, EnumType):
            return enum_name_message(text, wire.contract_name, wire.values)
        message = f"{shown!r} is not a valid {_type_label(wire)}"
        if reason.startswith(_UNHELPFUL_REASONS):
            if isinstance(wire, PrimitiveType) and wire.contract_name == "guid":
                message += " (expected 32 hexadecimal digits as 8-4-4-4-12)"
            return message
        return f"{message}: {reason}"

    def _child_problem(self, parent: Any, child: Any) -> None:
        if child in self._seen:
            return
        self._seen.add(child)
        parent_path, parent_wire = self.locator.locate(parent)
        path, _ = self.locator.step(parent, parent_wire, child, parent_path)
        ns, local = _split(str(child.tag))
        if isinstance(parent_wire, ContractType):
            message = self._member_message(parent, parent_wire, child, ns, local)
        elif isinstance(parent_wire, ListType):
            message = (
                f"unexpected element {local!r} from namespace {ns!r}: the items of "
                f"{parent_wire.contract_name} are <{parent_wire.item_name}> elements from "
                f"{parent_wire.contract_namespace!r}"
            )
        else:
            message = f"unexpected element {local!r} from namespace {ns!r}"
        self.add(path, message, child)

    @staticmethod
    def _member_message(parent: Any, wire: ContractType, child: Any, ns: str, local: str) -> str:
        members = _members_by_tag(_contract_tp(wire))
        found = members.get(child.tag)
        if found is None:
            same_name = [m for _, m in members.values() if m.xml_name == local]
            if same_name:
                return (
                    f"element {local!r} is in namespace {ns!r}; the member {local} of "
                    f"{wire.contract_name} is in {same_name[0].xml_namespace!r}"
                )
            return f"unknown element {local!r} (namespace {ns!r}) in {wire.contract_name}"
        index = found[0]
        last = -1
        names = [m.xml_name for _, m in sorted(members.values(), key=lambda e: e[0])]
        for sibling in parent:
            if sibling is child:
                break
            entry = members.get(sibling.tag)
            if entry is not None:
                last = max(last, entry[0])
        if last == index:
            return "element given twice (.NET would keep the first and drop this one)"
        if last > index:
            return (
                f"element out of order: DataContract order puts it before {names[last]!r}; "
                ".NET would silently drop it"
            )
        return f"element {local!r} is not expected here in {wire.contract_name}"


def _root_contract(root: Any, cls: Any) -> tuple[Any, list[Problem]]:
    ns, local = _split(str(root.tag))
    line = root.sourceline
    if cls is None:
        found = find_contract(ns, local)
        if found is None or not is_contract(found):
            return None, [Problem("", unknown_root_message(ns, local), line)]
        cls = found
    info = contract_info(cls)
    if (info.namespace, info.name) != (ns, local):
        message = (
            f"expecting element {info.name!r} from namespace {info.namespace!r}, "
            f"found {local!r} from namespace {ns!r}"
        )
        return None, [Problem("", message, line)]
    return cls, []


class _Typed:
    """What the walk before validation found: the ``i:type`` s and their problems."""

    def __init__(self) -> None:
        self.elements: list[tuple[Any, tuple[str, str]]] = []
        self.classes: list[Any] = []
        self.problems: list[Problem] = []


def _prescan(root: Any, locator: _Locator, ctx: ReadContext) -> _Typed:
    """Quotas before xmlschema sees the tree; the contracts ``i:type`` names."""
    max_depth = ctx.limits.max_depth + 1  # primitive members add one element level
    typed = _Typed()
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > max_depth:
            path = locator.locate(element)[0]
            ctx.exceeded(path, "max_depth", ctx.limits.max_depth, "levels of nesting", element)
        if len(element.attrib) > ctx.limits.max_attributes:
            path = locator.locate(element)[0]
            ctx.exceeded(path, "max_attributes", ctx.limits.max_attributes, "attributes", element)
        value = element.get(_TYPE)
        if value is None:
            continue
        qname = _resolve_qname(element, value)
        if qname is None:
            typed.problems.append(
                Problem(
                    locator.locate(element)[0],
                    f"i:type {value!r} uses an undeclared prefix",
                    element.sourceline,
                )
            )
            continue
        typed.elements.append((element, qname))
        found = find_contract(*qname)
        if found is not None and found not in typed.classes:
            typed.classes.append(found)
    return typed


def _unknown_types(
    typed: _Typed, schema: xmlschema.XMLSchema10, locator: _Locator
) -> list[Problem]:
    """``i:type`` values the schemas do not define (xmlschema would raise, not report)."""
    types = schema.maps.types
    problems = []
    for element, qname in typed.elements:
        if f"{{{qname[0]}}}{qname[1]}" not in types:
            problems.append(
                Problem(
                    locator.locate(element)[0],
                    f"unknown i:type {qname[1]!r} from namespace {qname[0]!r}",
                    element.sourceline,
                )
            )
    return problems


def _schema_errors(
    schema: xmlschema.XMLSchema10, root: Any
) -> Iterator[xmlschema.XMLSchemaValidationError]:
    import xmlschema  # noqa: PLC0415 - see schema_for

    resource = xmlschema.XMLResource(root, allow="none")
    yield from schema.iter_errors(resource, use_location_hints=False)


def validate_xml(data: bytes | str, cls: Any = None, *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Validate a DataContract XML document against the exported schemas, then read it.

    ``cls`` is the contract the root must be (by default the root element chooses it, as in
    :func:`~netcontract.from_xml`). The schemas are those :func:`~netcontract.export_schemas`
    gives for the root's contract and for every contract an ``i:type`` names; each set is
    compiled once and cached.

    Returns the object :func:`~netcontract.from_xml` returns. Raises
    :class:`~netcontract.XmlPayloadError` with one :class:`~netcontract.Problem` per problem
    (member path, message, line; at most :data:`MAX_REPORTED_PROBLEMS` schema problems), or
    :class:`~netcontract.QuotaExceededError` when the document exceeds ``limits``, or has more
    than ``limits.max_attributes`` attributes on one element.
    """
    ctx = ReadContext(False, limits)
    if len(data) > limits.max_bytes:
        ctx.exceeded("", "max_bytes", limits.max_bytes, "bytes")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        root = parse_xml_bytes(raw)
    except XmlSyntaxError as exc:
        raise XmlPayloadError([Problem("", str(exc), exc.line, exc.column)]) from None
    tp, problems = _root_contract(root, cls)
    if tp is None:
        raise XmlPayloadError(problems)
    nil = root.get(_NIL)
    if nil is not None and nil.strip(_XML_WS) in ("true", "1"):
        message = "the document is null (i:nil) where an object was expected"
        raise XmlPayloadError([Problem("", message, root.sourceline)])
    locator = _Locator(contract_info(tp).wire)
    typed = _prescan(root, locator, ctx)
    if typed.problems:
        raise XmlPayloadError(typed.problems)
    extra = sorted(
        (c for c in typed.classes if c is not tp), key=lambda c: (c.__module__, c.__qualname__)
    )
    # a generic contract's parameters change nothing in its schema (Data is xs:anyType)
    schema = schema_for(typing.get_origin(tp) or tp, *extra)
    problems = _unknown_types(typed, schema, locator)
    if problems:
        raise XmlPayloadError(problems)
    reporter = _Reporter(locator)
    for count, error in enumerate(_schema_errors(schema, root)):
        if count == MAX_REPORTED_PROBLEMS:
            reporter.add("", f"more problems not shown (the first {count} are listed)", None)
            break
        reporter.report(error)
    if reporter.problems:
        raise XmlPayloadError(reporter.problems)
    result = read_root(root, tp, ctx)
    if ctx.problems or result is FAILED:
        raise XmlPayloadError(ctx.problems)
    return result

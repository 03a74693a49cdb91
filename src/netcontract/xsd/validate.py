"""Validating DataContract XML against the schemas .NET exports, then decoding it.

``validate_xml`` parses the bytes with the hardened parser (``_xml_parse``), checks the quotas
that keep xmlschema fast (depth, attributes and namespaces per element, children per
element; see :class:`_Prescan`), reads the document as :func:`from_xml` does (so that its
quotas are checked too before xmlschema runs), and validates the lxml root against the
schemas :func:`~netcontract.export_schemas` gives for the root's contract (plus the contracts
named by ``i:type`` attributes); the object read is returned when they find nothing.

Safety (``docs/safety.md`` §2.2): the schemas are built in memory from the
exported text, once per set of classes; the instance is the already parsed lxml root wrapped
as ``XMLResource(root, allow="none")`` and validated with ``use_location_hints=False``, so
neither the schemas nor the document can make xmlschema open a file or a URL.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from netcontract.clr import value_types
from netcontract.clr.value_types import SER, XSI
from netcontract.errors import ContractDefinitionError, Problem, XmlPayloadError
from netcontract.limits import DEFAULT_LIMITS, FAILED, Limits, ReadContext, as_document
from netcontract.model import paths as _paths
from netcontract.model.contract import (
    find_contract,
    is_contract,
    known_contracts,
    unknown_root_message,
)
from netcontract.model.enums import enum_name_message
from netcontract.model.known import initial_scope, own_known
from netcontract.model.names import clark
from netcontract.model.plan import Member, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    WireType,
    collection_of,
    is_plain_collection,
    resolve_annotation,
)
from netcontract.xml.parse import parse_xml
from netcontract.xml.read import read_root
from netcontract.xsd.export import export_schemas

if TYPE_CHECKING:
    import xmlschema

__all__ = ["MAX_REPORTED_PROBLEMS", "schema_for", "validate_xml"]

#: attributes allowed on one element before validation (xmlschema's error reports are
#: quadratic in the attribute count: docs/safety.md §2.2); .NET writes at most three
#: schema problems reported for one document; validation stops after that many
MAX_REPORTED_PROBLEMS: Final = 100

_TYPE: Final = f"{{{XSI}}}type"
_ZREF: Final = f"{{{SER}}}Ref"
_NIL: Final = f"{{{XSI}}}nil"
_XML_WS: Final = " \t\r\n"
#: xmlschema reasons that only repeat Python's parser and say nothing to a user
_UNHELPFUL_REASONS: Final = (
    "invalid literal for",
    "could not convert",
    "value doesn't match",
    "Exceeds the limit",  # Python's own limit on the digits int() converts
)


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
        clark(m.xml_namespace, m.xml_name): (index, m) for index, m in enumerate(info.xml_members)
    }


def _resolve_qname(element: Any, value: str) -> tuple[str, str] | None:
    prefix, _, local = value.strip(_XML_WS).rpartition(":")
    ns = element.nsmap.get(prefix or None)
    return None if ns is None else (ns, local)


def _wire_of_type(qname: tuple[str, str], plain: _PlainKnown) -> WireType | None:
    """The wire type an ``i:type`` names, as the reader resolves it (``plain``: the
    ``list[T]``/``dict[K, V]`` known types by contract name)."""
    primitive = value_types.by_contract_name(*qname)
    if primitive is not None:
        return PrimitiveType(primitive)
    found = find_contract(*qname) or plain.get(qname)
    if found is None:
        return None
    return resolve_annotation(found).wire


class _PlainKnown:
    """The ``list[T]``/``dict[K, V]`` an ``i:type`` may name (``ArrayOfint``), by (namespace,
    name): the call's known types and every declared contract's, looked up on the first
    name no contract has. (Which of them is known where is from_xml's check; this only lets
    the schemas see them.)"""

    def __init__(self, known_types: Iterable[Any] | None) -> None:
        self._known_types = known_types
        self._found: dict[tuple[str, str], Any] | None = None

    def get(self, qname: tuple[str, str]) -> Any:
        if self._found is None:
            self._found = self._collect()
        return self._found.get(qname)

    def _collect(self) -> dict[tuple[str, str], Any]:
        found: dict[tuple[str, str], Any] = {}
        scopes = [initial_scope(None, self._known_types)]
        for cls in known_contracts().values():
            try:
                scopes.append(own_known(cls))
            except ContractDefinitionError:  # declared wrongly: from_xml says so, if used
                continue
        for scope in scopes:
            for name, entry in scope.items():
                if is_plain_collection(entry):
                    found.setdefault(name, entry)
        return found


@functools.lru_cache(maxsize=64)
def schema_for(*classes: Any) -> xmlschema.XMLSchema10:
    """The compiled XML Schema of ``classes`` (their :func:`export_schemas`), cached.

    The sources are the exported texts, in memory; ``allow="none"`` and ``defuse="always"``
    keep xmlschema from opening anything else.
    """
    import xmlschema  # noqa: PLC0415 - costs 0.2 s to import; only validation needs it

    sources: list[Any] = list(export_schemas(*classes).values())
    return xmlschema.XMLSchema10(sources, allow="none", defuse="always", use_fallback=False)


@attrs.frozen(eq=False, slots=True)
class _Entry(WireType):
    """A dictionary's ``KeyValueOf...`` item (no contract of its own): its ``Key`` and
    ``Value`` children have the dictionary's key and value types."""

    dictionary: DictType
    contract_name: str = "KeyValue"
    contract_namespace: str = ""
    is_value_type: bool = False

    def child(self, tag: str) -> tuple[str, WireType] | None:
        dictionary = self.dictionary
        ns = dictionary.contract_namespace
        if tag == clark(ns, dictionary.key_name):
            return dictionary.key_name, dictionary.key.wire
        if tag == clark(ns, dictionary.value_name):
            return dictionary.value_name, dictionary.value.wire
        return None


class _Locator:
    """Member paths (``Vehicles[0].Tolerance``) and wire types of elements, from the root."""

    def __init__(self, root_wire: WireType, plain: _PlainKnown) -> None:
        self.root_wire = root_wire
        self.plain = plain
        self._indices: dict[Any, dict[Any, int]] = {}

    def item_index(self, parent: Any, child: Any, item_tag: str) -> int | None:
        indices = self._indices.get(parent)
        if indices is None:
            items = (c for c in parent if c.tag == item_tag)
            indices = self._indices[parent] = {c: i for i, c in enumerate(items)}
        return indices.get(child)

    def effective(self, element: Any, wire: WireType | None) -> WireType | None:
        """``wire``, or the type ``i:type`` names on ``element``."""
        value = element.get(_TYPE)
        if value is None:
            return wire
        qname = _resolve_qname(element, value)
        return None if qname is None else _wire_of_type(qname, self.plain)

    def step(self, parent: Any, wire: WireType | None, child: Any, path: str) -> tuple[str, Any]:
        """Path and declared wire type of ``child`` inside ``parent`` (of type ``wire``)."""
        local = _split(str(child.tag))[1]
        if isinstance(wire, ListType):
            item_tag = clark(wire.contract_namespace, wire.item_name)
            index = self.item_index(parent, child, item_tag)
            if index is not None:
                return _paths.item(path, index), wire.item.wire
        elif isinstance(wire, DictType):
            item_tag = clark(wire.contract_namespace, wire.item_name)
            index = self.item_index(parent, child, item_tag)
            if index is not None:
                return _paths.item(path, index), _Entry(wire)
        elif isinstance(wire, _Entry):
            found_child = wire.child(child.tag)
            if found_child is not None:
                return _paths.join(path, found_child[0]), found_child[1]
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
        if element.get(_ZREF) is not None and len(element) == 0 and "not complete" in reason:
            # an is_reference object's later occurrences are empty z:Ref elements, which
            # .NET's schema (with required members) calls incomplete; the reader checks them
            return
        child = getattr(error, "invalid_child", None)
        if child is not None and child.getparent() is element:
            self.report_child(element, child)
            return
        if "cannot substitute" in reason:
            self._substitution_problem(element)
            return
        if element in self._seen:  # one problem per element is enough (nil + pattern...)
            return
        self._seen.add(element)
        path, wire = self.locator.locate(element)
        if (
            isinstance(wire, PrimitiveType)
            and wire.primitive.xml_qualified
            and len(element) == 0
            and (not element.text or element.text.startswith(("xml:", "xmlns:")))
        ):
            # XmlQualifiedName.Empty (.NET writes an empty xs:QName, which XSD refuses) and
            # the prefixes bound without a declaration (xmlschema does not know them): the
            # reader checks these
            return
        if "not nillable" in reason:
            message = f"null (i:nil) is not allowed: {_type_label(wire)} is a value type"
            self.add(path, message, element)
        elif "character data" in reason or "mixed" in reason:
            self.add(path, "unexpected text between the elements", element)
        elif "attribute" in reason:
            self.add(path, reason, element)
        elif len(element) == 0 and not isinstance(
            wire, ContractType | ListType | DictType | _Entry
        ):
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
            if isinstance(wire, PrimitiveType) and wire.primitive.xsd_hint is not None:
                message += f" ({wire.primitive.xsd_hint})"
            return message
        return f"{message}: {reason}"

    def report_child(self, parent: Any, child: Any) -> None:
        """A child that has no place in ``parent``: unknown, misplaced or repeated."""
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
        if found is None or not (is_contract(found) or collection_of(found) is not None):
            return None, [Problem("", unknown_root_message(ns, local), line)]
        cls = found
    wire = _root_wire(cls)
    if (wire.contract_namespace, wire.contract_name) != (ns, local):
        message = (
            f"expecting element {wire.contract_name!r} from namespace"
            f" {wire.contract_namespace!r}, found {local!r} from namespace {ns!r}"
        )
        return None, [Problem("", message, line)]
    return cls, []


def _root_wire(cls: Any) -> WireType:
    """The wire type of a document's root: a contract's, or a collection contract's."""
    return collection_of(cls) or contract_info(cls).wire


class _Typed:
    """What the walk before validation found: the ``i:type`` s and their problems."""

    def __init__(self) -> None:
        self.elements: list[tuple[Any, tuple[str, str]]] = []
        self.classes: list[Any] = []
        self.problems: list[Problem] = []


def _elements(element: Any) -> Iterator[Any]:
    """The element children (not comments or processing instructions)."""
    return (child for child in element if isinstance(child.tag, str))


class _Prescan:
    """The walk before xmlschema: quotas, ``i:type`` s, and the children xmlschema must not see.

    xmlschema builds each of its errors about a child in time linear in the number of
    siblings (lxml counts children by walking them), and builds every such error of one
    element before yielding the first: 20,000 unknown siblings took seconds, 100,000 over a
    minute. So the content of each contract and list element is checked here, where the
    members' order is known: unknown, misplaced and repeated children are reported here
    (the first :data:`MAX_REPORTED_PROBLEMS`, with the messages the reporter gives) and taken
    out of the tree before xmlschema sees it; so are all element children but the first of
    a value or of an untyped ``object`` member (the element is refused for its first). An
    element with more children than ``max_collection_items`` exceeds that quota, whatever
    its type.
    """

    def __init__(self, locator: _Locator, reporter: _Reporter, ctx: ReadContext) -> None:
        self.locator = locator
        self.reporter = reporter
        self.ctx = ctx
        self.typed = _Typed()
        self.misplaced: list[tuple[Any, Any]] = []  # (parent, child), in document order
        self.dropped: list[tuple[Any, Any]] = []  # children not worth validating

    def exceeded(self, element: Any, quota: str, limit: int, unit: str) -> None:
        path = self.locator.locate(element)[0]
        self.ctx.exceeded(path, quota, limit, unit, element)

    def walk(self, element: Any, wire: WireType | None, depth: int) -> None:
        limits = self.ctx.limits
        if depth > limits.max_depth + 1:  # primitive members add one element level
            self.exceeded(element, "max_depth", limits.max_depth, "levels of nesting")
        if len(element.attrib) > limits.max_attributes:
            self.exceeded(element, "max_attributes", limits.max_attributes, "attributes")
        # xmlschema copies the namespaces in scope of every element: thousands of
        # declarations made it quadratic (lxml builds this map in C, in linear time)
        if len(element.nsmap) > limits.max_attributes:
            unit = "namespace declarations in scope"
            self.exceeded(element, "max_attributes", limits.max_attributes, unit)
        wire = self.effective(element, wire)
        count = len(element)
        if not count:
            return
        members = _members_by_tag(_contract_tp(wire)) if isinstance(wire, ContractType) else {}
        # a contract's own members are not items: only the children beyond them count
        if count - len(members) > limits.max_collection_items:
            self.exceeded(element, "max_collection_items", limits.max_collection_items, "items")
        if isinstance(wire, ContractType):
            self.contract_children(element, members, depth)
        elif isinstance(wire, ListType):
            item_tag = clark(wire.contract_namespace, wire.item_name)
            for child in _elements(element):
                if child.tag == item_tag:
                    self.walk(child, wire.item.wire, depth + 1)
                else:
                    self.misplaced.append((element, child))
        elif isinstance(wire, DictType):
            item_tag = clark(wire.contract_namespace, wire.item_name)
            for child in _elements(element):
                if child.tag == item_tag:
                    self.walk(child, _Entry(wire), depth + 1)
                else:
                    self.misplaced.append((element, child))
        elif isinstance(wire, _Entry):
            for child in _elements(element):
                found = wire.child(child.tag)
                if found is None:
                    self.misplaced.append((element, child))
                else:
                    self.walk(child, found[1], depth + 1)
        elif isinstance(wire, PrimitiveType) and wire.primitive.xml_children is not None:
            # a complex value (DateTimeOffset): its few children are xmlschema's to check
            for child in _elements(element):
                self.walk(child, None, depth + 1)
        else:
            # a value, an untyped object member or a type xmlschema does not look into:
            # the first element child is enough for xmlschema's (or the reader's) problem,
            # and nothing below it is validated
            children = _elements(element)
            first = next(children, None)
            if first is not None:
                self.walk(first, None, depth + 1)
                self.dropped.extend((element, child) for child in children)

    def contract_children(self, element: Any, members: dict[str, Any], depth: int) -> None:
        last = -1
        for child in _elements(element):
            found = members.get(child.tag)
            if found is None or found[0] <= last:
                self.misplaced.append((element, child))
                continue
            last = found[0]
            self.walk(child, found[1].slot.wire, depth + 1)

    def effective(self, element: Any, wire: WireType | None) -> WireType | None:
        """The element's wire type after its ``i:type``; records the ``i:type``."""
        value = element.get(_TYPE)
        if value is None:
            return wire
        typed = self.typed
        qname = _resolve_qname(element, value)
        if qname is None:
            path = self.locator.locate(element)[0]
            message = f"i:type {value!r} uses an undeclared prefix"
            typed.problems.append(Problem(path, message, element.sourceline))
            return None
        typed.elements.append((element, qname))
        found = find_contract(*qname) or self.locator.plain.get(qname)
        if found is not None and found not in typed.classes:
            typed.classes.append(found)
        named = _wire_of_type(qname, self.locator.plain)
        if wire is None or isinstance(wire, ObjectType) or named == wire:
            return named
        derived = isinstance(wire, ContractType) and isinstance(named, ContractType)
        if derived and issubclass(named.cls, wire.cls):  # type: ignore[union-attr,attr-defined]
            return named
        return None  # xmlschema reports that it cannot substitute, and looks no further

    def report_and_prune(self) -> int:
        """Report the misplaced children (up to the limit) and take them out of the tree;
        returns how many were found."""
        for parent, child in self.misplaced[:MAX_REPORTED_PROBLEMS]:
            self.reporter.report_child(parent, child)
        for parent, child in itertools.chain(self.misplaced, self.dropped):
            parent.remove(child)  # its tail (white space, or text reported with it) goes too
        return len(self.misplaced)


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


def validate_xml(
    data: bytes | str,
    cls: Any = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    known_types: Iterable[Any] | None = None,
) -> Any:
    """Validate a DataContract XML document against the exported schemas, then read it.

    ``cls`` is the contract the root must be (by default the root element chooses it, as in
    :func:`~netcontract.from_xml`). The schemas are those :func:`~netcontract.export_schemas`
    gives for the root's contract and for every contract an ``i:type`` names; each set is
    compiled once and cached. ``known_types``: the serializer's known types, as for
    :func:`~netcontract.from_xml`.

    Returns the object :func:`~netcontract.from_xml` returns. Raises
    :class:`~netcontract.XmlPayloadError` with one :class:`~netcontract.Problem` per problem
    (member path, message, line; at most :data:`MAX_REPORTED_PROBLEMS` schema problems), or
    :class:`~netcontract.QuotaExceededError` when the document exceeds ``limits``: every
    quota :func:`~netcontract.from_xml` checks, and more than ``limits.max_attributes``
    attributes (or namespace declarations in scope) on one element, more than
    ``limits.max_collection_items`` children in any element, all checked before xmlschema
    runs.
    """
    data = as_document(data, "validate_xml")
    ctx = ReadContext(False, limits)
    if len(data) > limits.max_bytes:
        ctx.exceeded("", "max_bytes", limits.max_bytes, "bytes")
    root = parse_xml(data)  # raises XmlSyntaxError
    tp, problems = _root_contract(root, cls)
    if tp is None:
        raise XmlPayloadError(problems)
    nil = root.get(_NIL)
    if nil is not None and nil.strip(_XML_WS) in ("true", "1"):
        message = "the document is null (i:nil) where an object was expected"
        raise XmlPayloadError([Problem("", message, root.sourceline)])
    locator = _Locator(_root_wire(tp), _PlainKnown(known_types))
    reporter = _Reporter(locator)
    prescan = _Prescan(locator, reporter, ctx)
    prescan.walk(root, locator.root_wire, 1)
    typed = prescan.typed
    if typed.problems:
        raise XmlPayloadError(typed.problems)
    # from_xml's own quotas, before xmlschema (ten times slower) sees anything; the object
    # read is the result once the schemas find nothing
    result = read_root(root, tp, ctx, None, known_types)
    extra = sorted(
        (c for c in typed.classes if c is not tp),
        key=lambda c: (c.__module__, c.__qualname__, repr(c)),
    )
    # a generic contract's parameters change nothing in its schema (Data is xs:anyType); a
    # list[T] / dict[K, V] is exported as it is (List<T>, Dictionary<K,V>)
    top = tp if is_plain_collection(tp) else typing.get_origin(tp) or tp
    schema = schema_for(top, *extra)
    problems = _unknown_types(typed, schema, locator)
    if problems:
        raise XmlPayloadError(problems)
    found = prescan.report_and_prune()
    more = found > MAX_REPORTED_PROBLEMS
    if not more:  # else xmlschema could add nothing that is shown
        for error in _schema_errors(schema, root):
            if found == MAX_REPORTED_PROBLEMS:
                more = True
                break
            reporter.report(error)
            found += 1
    if more:
        shown = MAX_REPORTED_PROBLEMS
        reporter.add("", f"more problems not shown (the first {shown} are listed)", None)
    if reporter.problems:
        raise XmlPayloadError(_in_document_order(reporter.problems))
    if ctx.problems or result is FAILED:
        raise XmlPayloadError(ctx.problems)
    return result


def _in_document_order(problems: list[Problem]) -> list[Problem]:
    # the walk's problems come first, xmlschema's after them: by line, the last one (the
    # note that more are not shown) staying last
    return sorted(problems, key=lambda p: float("inf") if p.line is None else p.line)

"""Comparing two payloads by member path: what the pytest assertions report.

:func:`xml_differences` and :func:`json_differences` list each difference at its member path
(``Vehicles[0].Brand: expected 'sample string 19', got 'Renault'``); :func:`assert_xml_equal`
and :func:`assert_json_equal` raise an ``AssertionError`` listing them. With ``exact=True``
(default), payloads with the same content but other bytes (prefixes, indentation, escapes,
number forms) differ too, and the message says where the bytes part.
"""

from __future__ import annotations

import decimal
import json
from typing import Any, Final

import attrs
from lxml import etree

from netcontract.clr.namespaces import XSI
from netcontract.errors import XmlSyntaxError
from netcontract.model.contract import find_contract
from netcontract.model.paths import item, join
from netcontract.model.plan import contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    ListType,
    ObjectType,
    Slot,
    collection_of,
)
from netcontract.xml.parse import parse_xml

__all__ = [
    "Difference",
    "assert_json_equal",
    "assert_xml_equal",
    "json_differences",
    "xml_differences",
]

#: differences listed in a failure message before "... and N more"
MAX_SHOWN: Final = 20
_PREVIEW: Final = 60
_ROOT: Final = "<root>"


@attrs.frozen
class Difference:
    """One difference between two payloads: where (a member path) and what."""

    path: str  #: ``Vehicles[0].Brand``; empty for the document itself
    message: str  #: ``expected 'x', got 'y'``

    def __str__(self) -> str:
        return f"{self.path or _ROOT}: {self.message}"


def _as_bytes(data: bytes | str, what: str) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        # (a lone surrogate survives here; the parsers then report it as a difference)
        return data.encode("utf-8", "surrogatepass")
    raise TypeError(f"{what} must be bytes or str, not {type(data).__name__}")


def _short(text: str) -> str:
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _byte_difference(actual: bytes, expected: bytes) -> Difference:
    """Where two byte strings part: line, column and a little of each side."""
    limit = min(len(actual), len(expected))
    offset = next((i for i in range(limit) if actual[i] != expected[i]), limit)
    line = expected.count(b"\n", 0, offset) + 1
    column = offset - (expected.rfind(b"\n", 0, offset) + 1) + 1
    start = max(0, offset - 10)

    def around(data: bytes) -> str:
        piece = data[start : offset + 30].decode("utf-8", "backslashreplace")
        return repr(piece if offset + 30 >= len(data) else piece + "…")

    return Difference(
        "",
        f"same content, other bytes from byte {offset} (line {line}, column {column} of"
        f" expected): expected {around(expected)}, got {around(actual)}"
        f" ({len(expected)} and {len(actual)} bytes)",
    )


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _report(kind: str, differences: list[Difference]) -> str:
    count = len(differences)
    lines = [f"{kind} payloads differ: {count} difference{'s' if count > 1 else ''}"]
    lines += [f"  {d}" for d in differences[:MAX_SHOWN]]
    if count > MAX_SHOWN:
        lines.append(f"  ... and {count - MAX_SHOWN} more")
    return "\n".join(lines)


# -------------------------------------------------------------------------------------- JSON


@attrs.frozen
class _Number:
    """A JSON number as written (so ``1.0`` and ``1.00`` can be told apart)."""

    text: str

    @property
    def value(self) -> decimal.Decimal:
        return decimal.Decimal(self.text)


class _Object(list[tuple[str, Any]]):
    """A JSON object: its members in document order."""


def _load_json(data: bytes) -> Any:
    return json.loads(
        data,
        object_pairs_hook=_Object,
        parse_int=_Number,
        parse_float=_Number,
        parse_constant=_Number,
    )


def _json_kind(value: Any) -> str:
    if isinstance(value, _Object):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, _Number):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "boolean"


def _json_text(value: Any) -> str:
    if isinstance(value, _Object):
        return "{" + ",".join(f"{json.dumps(k)}:{_json_text(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    if isinstance(value, _Number):
        return value.text
    return json.dumps(value, ensure_ascii=False)


def _json_preview(value: Any) -> str:
    return _short(_json_text(value))


class _JsonDiff:
    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.found: list[Difference] = []

    def add(self, path: str, message: str) -> None:
        self.found.append(Difference(path, message))

    def value(self, actual: Any, expected: Any, path: str) -> None:
        kind_a, kind_e = _json_kind(actual), _json_kind(expected)
        if kind_a != kind_e:
            self.add(
                path,
                f"expected {_json_preview(expected)} ({kind_e}),"
                f" got {_json_preview(actual)} ({kind_a})",
            )
        elif kind_e == "object":
            self.object(actual, expected, path)
        elif kind_e == "array":
            self.array(actual, expected, path)
        elif kind_e == "number":
            same = actual.text == expected.text if self.exact else _same_number(actual, expected)
            if not same:
                self.add(path, f"expected {expected.text}, got {actual.text}")
        elif actual != expected:
            self.add(path, f"expected {_json_preview(expected)}, got {_json_preview(actual)}")

    def object(self, actual: _Object, expected: _Object, path: str) -> None:
        members_a = _first_members(actual)
        members_e = _first_members(expected)
        for name, value in expected:
            if name not in members_a:
                self.add(join(path, name), f"missing (expected {_json_preview(value)})")
        for name, value in actual:
            if name not in members_e:
                self.add(join(path, name), f"unexpected member (got {_json_preview(value)})")
        for name, count in _duplicates(actual).items():
            self.add(join(path, name), f"appears {count} times")
        common_e = [name for name in members_e if name in members_a]
        common_a = [name for name in members_a if name in members_e]
        if common_e != common_a:
            self.add(
                path,
                f"members in another order: expected {_short(', '.join(common_e))};"
                f" got {_short(', '.join(common_a))}",
            )
        for name in common_e:
            self.value(members_a[name], members_e[name], join(path, name))

    def array(self, actual: list[Any], expected: list[Any], path: str) -> None:
        if len(actual) != len(expected):
            self.add(path, f"expected {_items(len(expected))}, got {len(actual)}")
        for index, (a, e) in enumerate(zip(actual, expected, strict=False)):
            self.value(a, e, item(path, index))
        for index in range(len(actual), len(expected)):
            self.add(item(path, index), f"missing (expected {_json_preview(expected[index])})")
        for index in range(len(expected), len(actual)):
            self.add(item(path, index), f"unexpected item (got {_json_preview(actual[index])})")


def _same_number(a: _Number, b: _Number) -> bool:
    try:
        return a.value == b.value
    except decimal.InvalidOperation:  # pragma: no cover - NaN/Infinity tokens
        return a.text == b.text


def _first_members(obj: _Object) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for name, value in obj:
        members.setdefault(name, value)
    return members


def _duplicates(obj: _Object) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, _ in obj:
        counts[name] = counts.get(name, 0) + 1
    return {name: n for name, n in counts.items() if n > 1}


def json_differences(
    actual: bytes | str, expected: bytes | str, *, exact: bool = True
) -> list[Difference]:
    """The differences between two JSON payloads, each at its member path.

    Members are compared by name (a missing, unexpected or reordered member is one
    difference), arrays item by item, numbers by their text (``exact``) or their value.
    With ``exact`` and no difference in content, differing bytes are one difference that
    says where they part. Empty when the payloads are equal.
    """
    actual_bytes = _as_bytes(actual, "actual")
    expected_bytes = _as_bytes(expected, "expected")
    if actual_bytes == expected_bytes:
        return []
    trees = []
    for name, data in (("expected", expected_bytes), ("actual", actual_bytes)):
        try:
            trees.append(_load_json(data))
        except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
            return [Difference("", f"{name} is not valid JSON: {exc}")]
    diff = _JsonDiff(exact)
    diff.value(trees[1], trees[0], "")
    if not diff.found and exact:
        return [_byte_difference(actual_bytes, expected_bytes)]
    return diff.found


def assert_json_equal(actual: bytes | str, expected: bytes | str, *, exact: bool = True) -> None:
    """Fail with a member-by-member report unless the two JSON payloads are equal.

    ``exact=True``: byte for byte (a change of layout or escaping fails, with its position).
    ``exact=False``: the same members in the same order with the same values; numbers by
    value (``1.0`` equals ``1.00``), whitespace and escapes ignored.
    """
    __tracebackhide__ = True
    differences = json_differences(actual, expected, exact=exact)
    if differences:
        raise AssertionError(_report("JSON", differences))


# --------------------------------------------------------------------------------------- XML

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"


def _attribute_text(value: str | None) -> str:
    return "no attribute" if value is None else repr(value)


def _clark_to_prefixed(name: str) -> str:
    if name.startswith("{"):
        ns, local = name[1:].split("}", 1)
        if ns == XSI:
            return f"i:{local}"
        return f"{{{ns}}}{local}"
    return name


def _qname_value(element: etree._Element, text: str) -> str:
    """An ``i:type`` value with its prefix resolved: ``{namespace}local``."""
    prefix, _, local = text.rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return f"{{{namespace}}}{local}" if namespace else text


def _element_name(element: etree._Element) -> str:
    qname = etree.QName(element)
    return qname.localname


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _text(element: etree._Element) -> str:
    return element.text or ""


def _xml_preview(element: etree._Element) -> str:
    children = _children(element)
    if element.get(_NIL) == "true":
        return "nil"
    if children:
        return f"<{_element_name(element)}> with {len(children)} child elements"
    return repr(_short(_text(element)))


def _context_for(element: etree._Element, slot: Slot | None) -> Any:
    """What an element holds, as far as the declared contracts tell: a wire type or None."""
    declared = element.get(_TYPE)
    if declared is not None:
        ns, _, local = _qname_value(element, declared)[1:].partition("}")
        cls = find_contract(ns, local)
        return _wire_of(cls) if cls is not None else None
    if slot is None:
        return None
    wire = slot.wire
    if isinstance(wire, ObjectType):
        return wire.expected.wire if wire.expected is not None else None
    return wire


class _XmlDiff:
    def __init__(self) -> None:
        self.found: list[Difference] = []

    def add(self, path: str, message: str) -> None:
        self.found.append(Difference(path, message))

    def element(
        self, actual: etree._Element, expected: etree._Element, path: str, context: Any
    ) -> None:
        if actual.tag != expected.tag:
            self.add(path, f"expected element {expected.tag!s}, got {actual.tag!s}")
            return
        self.attributes(actual, expected, path)
        children_a, children_e = _children(actual), _children(expected)
        if not children_a and not children_e:
            if _text(actual) != _text(expected) and actual.get(_NIL) == expected.get(_NIL):
                self.add(path, f"expected {_xml_preview(expected)}, got {_xml_preview(actual)}")
            return
        if not children_a or not children_e:
            self.add(path, f"expected {_xml_preview(expected)}, got {_xml_preview(actual)}")
            return
        if _holds_items(context, children_e, children_a):
            item_slot = context.item if isinstance(context, ListType) else None
            self.items(children_a, children_e, path, item_slot)
        else:
            self.members(children_a, children_e, path, context)

    def attributes(self, actual: etree._Element, expected: etree._Element, path: str) -> None:
        if expected.get(_NIL) != actual.get(_NIL):
            if expected.get(_NIL) == "true":
                self.add(path, f"expected nil, got {_xml_preview(actual)}")
            elif actual.get(_NIL) == "true":
                self.add(path, f"expected {_xml_preview(expected)}, got nil")
        names = dict.fromkeys([*expected.attrib, *actual.attrib])
        for name in names:
            if name == _NIL:
                continue
            value_e, value_a = expected.get(name), actual.get(name)
            if name == _TYPE and value_e is not None and value_a is not None:
                same = _qname_value(expected, value_e) == _qname_value(actual, value_a)
            else:
                same = value_e == value_a
            if not same:
                shown = _clark_to_prefixed(str(name))
                self.add(
                    path,
                    f"attribute {shown}: expected {_attribute_text(value_e)},"
                    f" got {_attribute_text(value_a)}",
                )

    def members(
        self,
        actual: list[etree._Element],
        expected: list[etree._Element],
        path: str,
        context: Any,
    ) -> None:
        slots = _member_slots(context)
        by_tag_a = _first_by_tag(actual)
        by_tag_e = _first_by_tag(expected)
        for child in expected:
            if child.tag not in by_tag_a:
                self.add(
                    join(path, _element_name(child)), f"missing (expected {_xml_preview(child)})"
                )
        for child in actual:
            if child.tag not in by_tag_e:
                self.add(
                    join(path, _element_name(child)),
                    f"unexpected element (got {_xml_preview(child)})",
                )
        common_e = [tag for tag in by_tag_e if tag in by_tag_a]
        common_a = [tag for tag in by_tag_a if tag in by_tag_e]
        if common_e != common_a:
            shown_e = ", ".join(etree.QName(tag).localname for tag in common_e)
            shown_a = ", ".join(etree.QName(tag).localname for tag in common_a)
            self.add(
                path,
                f"elements in another order: expected {_short(shown_e)}; got {_short(shown_a)}",
            )
        for tag in common_e:
            child_e = by_tag_e[tag]
            self.element(
                by_tag_a[tag],
                child_e,
                join(path, _element_name(child_e)),
                _context_for(child_e, slots.get(tag)),
            )

    def items(
        self,
        actual: list[etree._Element],
        expected: list[etree._Element],
        path: str,
        item_slot: Slot | None,
    ) -> None:
        if len(actual) != len(expected):
            self.add(path, f"expected {_items(len(expected))}, got {len(actual)}")
        for index, (a, e) in enumerate(zip(actual, expected, strict=False)):
            self.element(a, e, item(path, index), _context_for(e, item_slot))
        for index in range(len(actual), len(expected)):
            self.add(item(path, index), f"missing (expected {_xml_preview(expected[index])})")
        for index in range(len(expected), len(actual)):
            self.add(item(path, index), f"unexpected item (got {_xml_preview(actual[index])})")


def _first_by_tag(children: list[etree._Element]) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for child in children:
        found.setdefault(str(child.tag), child)
    return found


def _member_slots(context: Any) -> dict[str, Slot]:
    if not isinstance(context, ContractType):
        return {}
    cls: Any = context.cls
    info = contract_info(cls[context.type_args] if context.type_args else cls)
    return {f"{{{m.xml_namespace}}}{m.xml_name}": m.slot for m in info.xml_members}


def _holds_items(
    context: Any, expected: list[etree._Element], actual: list[etree._Element]
) -> bool:
    if isinstance(context, ListType | DictType):  # (a dictionary's items: KeyValueOf...)
        return True
    if context is not None:
        return False
    # no contract known: a collection is a run of elements of one name (members are unique)
    tags = {child.tag for child in expected} | {child.tag for child in actual}
    return len(tags) == 1 and max(len(expected), len(actual)) > 1


def _root_context(root: etree._Element) -> Any:
    qname = etree.QName(root)
    cls = find_contract(qname.namespace or "", qname.localname)
    return _wire_of(cls) if cls is not None else None


def _wire_of(cls: type) -> Any:
    """A contract's wire type, or a collection contract's."""
    return collection_of(cls) or contract_info(cls).wire


def xml_differences(
    actual: bytes | str, expected: bytes | str, *, exact: bool = True
) -> list[Difference]:
    """The differences between two XML payloads, each at its member path.

    Elements are compared by qualified name and position: a missing, unexpected or
    reordered member is one difference; collections item by item; text exactly; ``i:nil``
    and ``i:type`` (by the namespace its prefix stands for) and other attributes by value.
    Paths follow the declared contracts when the root element names one
    (``Vehicles[0].ExternalInterfaces[1].Name``). With ``exact`` and no difference in
    content, differing bytes (prefixes, layout, attribute order, a declaration) are one
    difference that says where they part. Empty when the payloads are equal.
    """
    actual_bytes = _as_bytes(actual, "actual")
    expected_bytes = _as_bytes(expected, "expected")
    if actual_bytes == expected_bytes:
        return []
    roots = []
    for name, data in (("expected", expected), ("actual", actual)):
        try:
            # a str is parsed as text (its declaration's encoding ignored), as from_xml does
            roots.append(parse_xml(data))
        except XmlSyntaxError as exc:
            return [Difference("", f"{name} is not well-formed XML: {exc.problems[0].message}")]
    expected_root, actual_root = roots
    diff = _XmlDiff()
    diff.element(actual_root, expected_root, "", _root_context(expected_root))
    if not diff.found and exact:
        return [_byte_difference(actual_bytes, expected_bytes)]
    return diff.found


def assert_xml_equal(actual: bytes | str, expected: bytes | str, *, exact: bool = True) -> None:
    """Fail with a member-by-member report unless the two XML payloads are equal.

    ``exact=True``: byte for byte (other prefixes or indentation fail, with their position).
    ``exact=False``: the same elements, attributes and text; prefixes, layout between
    elements, attribute order and the XML declaration ignored.
    """
    __tracebackhide__ = True
    differences = xml_differences(actual, expected, exact=exact)
    if differences:
        raise AssertionError(_report("XML", differences))

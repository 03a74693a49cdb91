"""Contracts from ASP.NET Web API help pages, as the Vehizen models were made by hand.

A help page (see :mod:`netcontract.generate.pages`) tells a contract's members in three ways,
and each fills what the others cannot (``docs/vehizen.md`` gives the reasoning in full):

- the **tables** (request body, response, model pages): names, documentation, the type as
  ``ModelDescriptionGenerator`` describes it ("globally unique identifier", "Collection of X",
  a link to a complex type or enum), ``Required``; an enum's model page lists its values;
- the **XML sample** (``DataContractSerializer``): each type's namespace (the ``xmlns`` of its
  elements; a list's items carry their type's name and namespace), enums by name, and base
  classes: DataContractSerializer writes a hierarchy base first, each class's members in ordinal
  order, so a member whose name sorts before the one before it, or whose namespace differs,
  starts a new class; a member in the JSON sample but not in the XML one is a read-only property;
- the **JSON sample** (Json.NET): declaration order (the most derived class first), enums by
  number, and the values ``ObjectGenerator`` made. Its counter (advanced by every simple value
  of the object, not by a ``Nullable<T>``, which shows ``1``/``1.1``/``true`` from a fresh
  generator) tells which value-type members are nullable: the generator solves the counter's
  constraints and, where several answers fit, picks one by the rule ``docs/vehizen.md`` used
  (a member documented with "null" is nullable; otherwise booleans and numbers are plain, dates
  and GUIDs nullable) and reports the members it could not decide.

What the page cannot tell is reported, and marked with a comment in the module: a base class's
name (named ``<Derived>Base``; ``names`` renames it), a type only its member's name hints at, an
enum's values beyond those shown, a read-only member's rule (a value built from other members'
sample strings becomes a ``computed`` member; any other keeps the sample's value).
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Mapping
from typing import Any, Final

import attrs
from lxml import etree

from netcontract.clr.namespaces import ARR, SER, SYSTEM, XS, XSI
from netcontract.errors import Problem, SchemaError, XmlSyntaxError
from netcontract.generate.emit import py_string
from netcontract.generate.mapping import UNSUPPORTED_TYPES, VALUE_TYPES
from netcontract.generate.pages import EnumModel, Page, Part, Row
from netcontract.generate.schema import (
    ClassSpec,
    EnumSpec,
    MemberSpec,
    QName,
    Report,
    Specs,
    attribute_name,
    class_name,
)
from netcontract.xml.parse import parse_xml_bytes

__all__ = ["map_pages"]

#: ``ModelDescriptionGenerator.DefaultTypeDocumentation`` -> XSD type
SIMPLE_TYPES: Final[dict[str, QName]] = {
    "globally unique identifier": (SER, "guid"),
    "string": (XS, "string"),
    "boolean": (XS, "boolean"),
    "integer": (XS, "int"),
    "unsigned integer": (XS, "unsignedInt"),
    "decimal number": (XS, "double"),
    "date": (XS, "dateTime"),
    "time interval": (SER, "duration"),
    "character": (SER, "char"),
    "byte": (XS, "unsignedByte"),
    "signed byte": (XS, "byte"),
    "URI": (XS, "anyURI"),
    "Object": (XS, "anyType"),
}
_SAMPLE_STRING: Final = "sample string "
#: objects nested in one sample (netcontract's default reading limit)
MAX_DEPTH: Final = 64
#: members of one object whose nullability is solved from the sample's counter
MAX_SOLVED_MEMBERS: Final = 200
#: cost of declaring an undecided value member non-nullable (lower wins): docs/vehizen.md §3
_PLAIN_COST: Final[dict[str, int]] = {
    "boolean": -1,
    "int": -1,
    "long": -1,
    "double": -1,
    "decimal": -1,
    "dateTime": 1,
    "guid": 2,
}


class _Obj(list[tuple[str, Any]]):
    """A JSON object as its (name, value) pairs, in document order."""


class _Float(str):
    """A JSON number with a fraction, as written ("11.1")."""


@attrs.frozen
class _Ty:
    kind: str  #: "prim", "enum", "class", "list", "object"
    qname: QName  #: prim: the XSD type; enum/class: the contract
    item: _Ty | None = None


@attrs.define
class _Member:
    wire: str
    ty: _Ty | None  #: None: json-only
    doc: str
    value: Any  #: the JSON sample's value
    annotations: tuple[str, ...] = ()
    level: int = 0
    nullable: bool = False
    json_only: bool = False
    undecided: bool = False


def _ordinal(name: str) -> str:
    # String.CompareOrdinal compares UTF-16 code units
    return name.encode("utf-16-be").decode("latin-1")


def _is_guid(text: str) -> bool:
    if len(text) != 36 or text.count("-") != 4:
        return False
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _is_datetime(text: str) -> bool:
    return len(text) >= 19 and text[4] == "-" and text[7] == "-" and text[10] == "T"


def _sample_number(value: Any) -> int | None:
    if isinstance(value, str) and value.startswith(_SAMPLE_STRING):
        tail = value[len(_SAMPLE_STRING) :]
        if tail.isdigit() and tail.isascii():
            return int(tail)
    return None


def _children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _json(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_Obj, parse_float=_Float)


class _PageMapper:
    def __init__(self, pages: list[Page], names: Mapping[str, str]) -> None:
        self.pages = pages
        self.names = dict(names)
        self.used_names: set[str] = set()
        self.reports: list[Report] = []
        self.classes: dict[QName, ClassSpec] = {}
        self.class_order: list[QName] = []
        self.enums: dict[QName, EnumSpec] = {}
        self.enum_values: dict[str, EnumModel] = {}
        self.tables: dict[str, tuple[Row, ...]] = {}
        self.docs: dict[str, str] = {}
        self.imports: set[str] = set()
        self.file = ""
        self.depth = 0
        for page in pages:
            if page.enum is not None:
                self.enum_values.setdefault(page.enum.name, page.enum)
            if page.model is not None:
                self.tables.setdefault(page.model.type_text, page.model.rows)
                if page.model.doc:
                    self.docs.setdefault(page.model.type_text, page.model.doc)
            for part in (page.request, page.response):
                if part is not None and part.rows and part.type_text:
                    self.tables.setdefault(part.type_text, part.rows)
                    if part.doc:
                        self.docs.setdefault(part.type_text, part.doc)

    def report(self, where: str, feature: str, message: str) -> None:
        self.reports.append(Report(f"{self.file}, {where}", feature, message))

    def rename(self, name: str) -> str:
        new = self.names.get(name)
        if new is None:
            return name
        self.used_names.add(name)
        return new

    # -- the pages ---------------------------------------------------------------------------

    def run(self) -> Specs:
        for page in self.pages:
            self.file = page.file
            for part in (page.request, page.response):
                if part is not None:
                    self.part(part)
        unused = sorted(set(self.names) - self.used_names)
        if unused:
            raise SchemaError(
                [Problem("names", f"{name!r} is no name the pages leave open") for name in unused]
            )
        classes = [self.classes[q] for q in self.class_order]
        return Specs(list(self.enums.values()), classes, self.reports, 0, self.imports)

    def part(self, part: Part) -> None:
        xml_text = next((s for m, s in part.samples if "xml" in m and s), None)
        json_text = next((s for m, s in part.samples if "json" in m and s), None)
        name = part.type_text
        if not name or name == "None." or name in SIMPLE_TYPES:
            return
        if xml_text is None or json_text is None:
            self.report(name, "page_no_sample", "the page has no XML and JSON sample for it")
            return
        try:
            root = parse_xml_bytes(xml_text.encode("utf-8"))
        except XmlSyntaxError as exc:
            self.report(name, "page_no_sample", f"its XML sample: {exc.problems[0].message}")
            return
        try:
            data = _json(json_text)
        except RecursionError:
            self.report(name, "page_no_sample", "its JSON sample is nested too deeply")
            return
        except ValueError as exc:
            self.report(name, "page_no_sample", f"its JSON sample: {exc}")
            return
        tag = etree.QName(root)
        if isinstance(data, _Obj):
            self.complex((tag.namespace or "", tag.localname), root, data, name)
        elif isinstance(data, list) and data and isinstance(data[0], _Obj):
            items = _children(root)
            if items:
                item = etree.QName(items[0])
                self.complex((item.namespace or "", item.localname), items[0], data[0], name)
        else:
            self.report(name, "page_no_sample", "its samples are no object")

    # -- classes -----------------------------------------------------------------------------

    def complex(self, qname: QName, el: etree._Element, obj: _Obj, where: str) -> None:
        if qname in self.classes:
            return
        if self.depth >= MAX_DEPTH:
            raise SchemaError([Problem(self.file, f"a sample nests more than {MAX_DEPTH} objects")])
        self.depth += 1
        try:
            self._complex(qname, el, obj, where)
        finally:
            self.depth -= 1

    def _complex(self, qname: QName, el: etree._Element, obj: _Obj, where: str) -> None:
        name = qname[1]
        rows = {row.name: row for row in self.tables.get(name, ())}
        elements = {etree.QName(c).localname: c for c in _children(el)}
        # runs of the XML sample: a class's members are in ordinal order, in its namespace
        level_of: dict[str, int] = {}
        level_ns: list[str] = []
        previous: tuple[str, str] | None = None
        for child in _children(el):
            child_tag = etree.QName(child)
            key = (child_tag.namespace or "", _ordinal(child_tag.localname))
            if previous is None or key[0] != previous[0] or key[1] <= previous[1]:
                level_ns.append(key[0])
            level_of[child_tag.localname] = len(level_ns) - 1
            previous = key
        if not level_ns:
            level_ns.append(qname[0])
        keys = [k for k, _ in obj]
        # Json.NET writes the most derived class first: the levels must not go up
        shown = [level_of[k] for k in keys if k in level_of]
        if any(a < b for a, b in itertools.pairwise(shown)):
            self.report(
                where if where == name else name,
                "page_base_class",
                "the XML and JSON samples disagree on the class hierarchy: one class is declared",
            )
            level_of = dict.fromkeys(level_of, 0)
            level_ns = [qname[0]]
        members: list[_Member] = []
        last_level = len(level_ns) - 1
        for wire, value in obj:
            row = rows.get(wire)
            doc = row.doc if row is not None else ""
            notes = row.annotations if row is not None else ()
            if wire not in elements:
                members.append(_Member(wire, None, doc, value, notes, json_only=True))
                continue
            child = elements[wire]
            ty = self.member_type(child, value, row, f"{name}.{wire}")
            if ty is None:
                continue
            members.append(_Member(wire, ty, doc, value, notes, level=level_of[wire]))
        # a read-only member belongs to the class of the member written before it
        current = last_level
        for item in members:
            if item.json_only:
                item.level = current
            else:
                current = item.level
        self.nullability(members, name)
        # one class per level, base first
        qnames: list[QName] = []
        for level, namespace in enumerate(level_ns):
            if level == last_level:
                qnames.append((namespace, name))
            else:
                suffix = "Base" if level == last_level - 1 else f"Base{last_level - level}"
                placeholder = f"{name}{suffix}"
                chosen = self.rename(placeholder)
                if chosen == placeholder:
                    self.report(
                        name,
                        "page_base_class",
                        f"{placeholder!r} is the base class of {name!r} the samples show "
                        f"(members {', '.join(m.wire for m in members if m.level == level)}); "
                        f"its name is not on the page",
                    )
                qnames.append((namespace, chosen))
        for level, cq in enumerate(qnames):
            base = qnames[level - 1] if level else None
            doc = self.docs.get(cq[1], "") if level == last_level else ""
            spec = ClassSpec(cq, class_name(cq[1]), base, doc)
            if level != last_level and cq[1] == f"{name}Base" + (
                "" if level == last_level - 1 else str(last_level - level)
            ):
                spec.note = "a base class the samples show; its name is not on the page"
            if base is not None:
                spec.needs.add(base)
            if cq not in self.classes:
                self.class_order.append(cq)
            self.classes[cq] = spec
        for level, cq in enumerate(qnames):
            spec = self.classes[cq]
            taken: set[str] = set()
            for lower in qnames[:level]:
                taken.update(m.attr for m in self.classes[lower].members)
            own = [m for m in members if m.level == level]
            for item in own:
                spec.members.append(self.member_spec(item, spec, members, taken))

    def member_type(
        self, el: etree._Element, value: Any, row: Row | None, where: str
    ) -> _Ty | None:
        type_text = row.type_text if row is not None else ""
        if type_text.startswith("Dictionary of"):
            self.report(where, "page_unsupported", "a dictionary")
            return None
        simple = SIMPLE_TYPES.get(type_text)
        children = _children(el)
        if el.get(f"{{{XSI}}}nil") == "true" and simple is None:
            self.report(where, "page_type_name", "the sample holds null: declared object")
            return _Ty("object", (XS, "anyType"))
        if simple == (XS, "anyType") or (isinstance(value, _Obj) and not value and not children):
            return _Ty("object", (XS, "anyType"))
        if isinstance(value, _Obj):
            if type_text and not type_text.startswith("Collection of"):
                name = type_text
            else:
                name = self.rename(etree.QName(el).localname)
                if name == etree.QName(el).localname:
                    self.report(
                        where,
                        "page_type_name",
                        f"class {name!r} is named after its member (the page shows no name)",
                    )
            namespace = etree.QName(children[0]).namespace or "" if children else ""
            self.complex((namespace, name), el, value, name)
            return _Ty("class", (namespace, name))
        if isinstance(value, list):
            return self.list_type(el, value, type_text, where)
        text = el.text or ""
        if isinstance(value, int) and not isinstance(value, bool) and not _is_number(text):
            name = type_text if type_text and type_text not in SIMPLE_TYPES else ""
            return self.enum_type(el, value, text.strip(), name, where)
        # DataContractSerializer writes a DateTimeOffset as these two elements (of System's
        # DateTimeOffset type; the page calls it a "date", as a DateTime)
        if _is_date_time_offset(children):
            return _Ty("prim", (SYSTEM, "DateTimeOffset"))
        if simple is not None and simple in UNSUPPORTED_TYPES:
            self.report(where, "page_unsupported", f".NET's {UNSUPPORTED_TYPES[simple][0]}")
            return None
        qname = simple or _sample_type(value, text)
        if qname == (XS, "double") and not isinstance(value, _Float):
            qname = (XS, "decimal")  # ObjectGenerator shows a Decimal as N, a Double as N.1
        if qname == (XS, "int") and isinstance(value, _Float):
            qname = (XS, "double")
        return _Ty("prim", qname)

    def list_type(
        self, el: etree._Element, value: list[Any], type_text: str, where: str
    ) -> _Ty | None:
        items = _children(el)
        if not items or not value:
            self.report(where, "page_type_name", "an empty list: declared a list of object")
            return _Ty("list", (ARR, "ArrayOfanyType"), _Ty("object", (XS, "anyType")))
        item_tag = etree.QName(items[0])
        item_ns, item_name = item_tag.namespace or "", item_tag.localname
        first = value[0]
        if item_ns == ARR:
            qname = (XS, item_name) if (XS, item_name) in VALUE_TYPES else (SER, item_name)
            return _Ty("list", (ARR, "ArrayOf" + item_name), _Ty("prim", qname))
        if (item_ns, item_name) == (SYSTEM, "DateTimeOffset") and _is_date_time_offset(
            _children(items[0])
        ):
            return _Ty("list", (SYSTEM, "ArrayOfDateTimeOffset"), _Ty("prim", (SYSTEM, item_name)))
        if isinstance(first, _Obj):
            self.complex((item_ns, item_name), items[0], first, item_name)
            return _Ty("list", (item_ns, "ArrayOf" + item_name), _Ty("class", (item_ns, item_name)))
        if isinstance(first, int) and not isinstance(first, bool):
            ty = self.enum_type(items[0], first, (items[0].text or "").strip(), item_name, where)
            if ty is None:
                return None
            return _Ty("list", (item_ns, "ArrayOf" + item_name), ty)
        del type_text
        return _Ty("list", (ARR, "ArrayOfanyType"), _Ty("object", (XS, "anyType")))

    def enum_type(
        self, el: etree._Element, value: int, shown: str, name: str, where: str
    ) -> _Ty | None:
        namespace = etree.QName(el).namespace or ""
        guessed = ""
        if not name:
            name = self.rename(etree.QName(el).localname)
            if name == etree.QName(el).localname:
                guessed = "named after its member, in its member's namespace (the page shows "
                guessed += "neither); "
        qname = (namespace, name)
        if qname in self.enums:
            return _Ty("enum", qname)
        model = self.enum_values.get(name)
        if model is None and not shown.isidentifier():
            self.report(where, "page_unsupported", f"enum value {shown!r} is no Python name")
            return None
        if model is not None:
            members = list(model.values)
            doc = model.doc
            if guessed:
                self.report(where, "page_type_name", f"enum {name!r} is {guessed[:-2]}")
        else:
            members = [(shown, value, "")]
            doc = ""
            self.report(
                where,
                "page_enum_values",
                f"enum {name!r}: {guessed}only the value the samples show ({shown} = {value}); "
                "the server may have more",
            )
        note = guessed + ("" if model is not None else "only the values the samples show")
        self.enums[qname] = EnumSpec(qname, class_name(name), doc, members, note.rstrip("; "))
        return _Ty("enum", qname)

    # -- nullability from the sample counter --------------------------------------------------

    def nullability(self, members: list[_Member], where: str) -> None:
        plan = [m for m in members if not m.json_only]
        roles = [_role(m) for m in plan]
        if len(plan) > MAX_SOLVED_MEMBERS:
            self.report(
                where,
                "page_nullability",
                f"more than {MAX_SOLVED_MEMBERS} members: value members are declared not "
                "nullable without reading the sample's counter",
            )
            return
        best = _solve(plan, roles)
        if best is None:
            self.report(
                where,
                "page_nullability",
                "the JSON sample's counter values fit no choice of nullable members (a custom "
                "sample?): value members are declared not nullable",
            )
            return
        both = _undecided(plan, roles)
        undecided: list[str] = []
        for index, item in enumerate(plan):
            item.nullable = best[index]
            if index in both:
                item.undecided = True
                undecided.append(f"{item.wire} ({'nullable' if best[index] else 'not nullable'})")
        if undecided:
            self.report(
                where,
                "page_nullability",
                "the samples fit either choice for " + ", ".join(undecided),
            )

    # -- declarations --------------------------------------------------------------------------

    def member_spec(
        self, item: _Member, spec: ClassSpec, everything: list[_Member], taken: set[str]
    ) -> MemberSpec:
        attr = attribute_name(item.wire)
        stem, counter = attr, 2
        while attr in taken:
            attr, counter = f"{stem}_{counter}", counter + 1
        taken.add(attr)
        where = f"{spec.qname[1]}.{item.wire}"
        if item.json_only:
            return self.read_only(item, attr, spec, everything, where)
        ty = item.ty
        assert ty is not None
        annotation, default, value_type = self.annotation(ty, spec)
        if item.nullable or not value_type:
            annotation, default = f"{annotation} | None", "None"
        required = "Required" in item.annotations
        if required:
            self.report(
                where,
                "page_required",
                "[Required]: declared IsRequired (a document without it is refused)",
            )
        note = ""
        if item.undecided:
            other = "not nullable" if item.nullable else "nullable"
            note = f"the page does not tell its nullability: it may be {other}"
        return MemberSpec(item.wire, attr, annotation, default, None, item.doc, required, note=note)

    def annotation(self, ty: _Ty, spec: ClassSpec) -> tuple[str, str, bool]:
        if ty.kind in ("prim", "object"):
            value = VALUE_TYPES[ty.qname]
            self.imports.update(value.imports)
            return value.annotation, value.default, value.is_value_type
        if ty.kind == "enum":
            enum = self.enums[ty.qname]
            spec.needs.add(ty.qname)
            zero = next((n for n, v, _ in enum.members if v == 0), enum.members[0][0])
            return enum.py_name, f"{enum.py_name}.{zero}", True
        if ty.kind == "class":
            return class_name(ty.qname[1]), "None", False
        assert ty.item is not None
        item, _, value_type = self.annotation(ty.item, spec)
        if ty.item.kind in ("prim", "object") and not value_type:
            item += " | None"
        return f"list[{item}]", "None", False

    def read_only(
        self, item: _Member, attr: str, spec: ClassSpec, everything: list[_Member], where: str
    ) -> MemberSpec:
        value = item.value
        if isinstance(value, str):
            parts = _template(value, everything)
            if parts is not None:
                func = f"_{attribute_name(spec.qname[1])}_{attr}"
                shown = " + ".join(repr(p) if isinstance(p, str) else p.wire for p in parts)
                spec.functions.append(_function(func, class_name(spec.qname[1]), parts))
                self.report(
                    where,
                    "page_read_only",
                    f"computed as {shown} (the sample's value {value!r}); check the rule",
                )
                return MemberSpec(
                    item.wire,
                    attr,
                    "str",
                    "",
                    None,
                    item.doc,
                    computed=func,
                    note="read-only on the server; computed as the sample value suggests",
                )
            default, annotation = py_string(value), "str | None"
        elif isinstance(value, bool):
            default, annotation = repr(value), "bool"
        elif isinstance(value, int):
            default, annotation = str(value), "nc.Int32"
        elif isinstance(value, _Float):
            default, annotation = str(value), "float"
        else:
            default, annotation = "None", "object | None"
        self.report(
            where,
            "page_read_only",
            f"its rule is unknown: a value read from JSON is kept, {default} when none was read",
        )
        return MemberSpec(
            item.wire,
            attr,
            annotation,
            default,
            None,
            item.doc,
            json_only=True,
            note="read-only on the server, rule unknown; the sample value is the default",
        )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _is_date_time_offset(children: list[etree._Element]) -> bool:
    names = [etree.QName(c) for c in children]
    return [n.localname for n in names] == ["DateTime", "OffsetMinutes"] and all(
        n.namespace == SYSTEM for n in names
    )


def _sample_type(value: Any, text: str) -> QName:
    if isinstance(value, bool):
        return (XS, "boolean")
    if isinstance(value, _Float):
        return (XS, "double")
    if isinstance(value, int):
        return (XS, "int")
    if isinstance(value, str):
        if _is_guid(value):
            return (SER, "guid")
        if _is_datetime(value):
            return (XS, "dateTime")
        if text.startswith("P") and ":" in value:
            return (SER, "duration")
        if len(value) == 1 and text.isdigit():
            return (SER, "char")
    return (XS, "string")


def _role(item: _Member) -> str:
    ty = item.ty
    if ty is None or ty.kind in ("enum", "class", "list"):
        return "none"
    if ty.kind == "object" or not VALUE_TYPES[ty.qname].is_value_type:
        return "ref"
    return "value"


def _shows(item: _Member, counter: int) -> bool:
    """Whether the member's sample value is what ObjectGenerator shows at ``counter``."""
    ty = item.ty
    assert ty is not None
    value = item.value
    local = ty.qname[1]
    if local in ("int", "long", "decimal"):
        return value == counter and not isinstance(value, bool)
    if local == "double":
        return isinstance(value, _Float) and value == f"{counter}.1"
    return True


def _cost(item: _Member) -> int:
    assert item.ty is not None
    if "null" in item.doc.lower():
        return 100
    return _PLAIN_COST.get(item.ty.qname[1], 1)


def _steps(item: _Member, role: str, counter: int) -> list[tuple[bool, int]]:
    """(nullable, next counter) for each choice the member's sample value allows at
    ``counter`` (the value of the object's counter before it)."""
    if role == "none":
        return [(False, counter)]
    if role == "ref":
        shown = _sample_number(item.value)
        return [(False, counter + 1)] if shown is None or shown == counter + 1 else []
    steps = []
    if _shows(item, counter + 1):
        steps.append((False, counter + 1))
    if _shows(item, 1):  # a Nullable<T> is made by a fresh generator
        steps.append((True, counter))
    return steps


def _solve(plan: list[_Member], roles: list[str]) -> list[bool] | None:
    """The cheapest nullability (True: nullable) the counter values allow, or None; among
    equal costs, the earliest members plain."""
    # state: counter value -> (cost, choices); the counter never exceeds len(plan)
    states: dict[int, tuple[int, tuple[bool, ...]]] = {0: (0, ())}
    for item, role in zip(plan, roles, strict=True):
        nxt: dict[int, tuple[int, tuple[bool, ...]]] = {}
        for counter, (cost, choices) in states.items():
            for nullable, after in _steps(item, role, counter):
                candidate = (
                    cost + (0 if nullable or role != "value" else _cost(item)),
                    (*choices, nullable),
                )
                known = nxt.get(after)
                if known is None or candidate < known:
                    nxt[after] = candidate
        states = nxt
        if not states:
            return None
    return list(min(states.values())[1])


def _undecided(plan: list[_Member], roles: list[str]) -> set[int]:
    """The members for which both choices fit some solution (forward and backward reach)."""
    n = len(plan)
    forward: list[set[int]] = [{0}]
    for item, role in zip(plan, roles, strict=True):
        forward.append({a for c in forward[-1] for _, a in _steps(item, role, c)})
    backward: list[set[int]] = [set() for _ in range(n)] + [set(range(n + 1))]
    for index in range(n - 1, -1, -1):
        backward[index] = {
            c
            for c in range(n + 1)
            if any(a in backward[index + 1] for _, a in _steps(plan[index], roles[index], c))
        }
    found: set[int] = set()
    for index in range(n):
        if roles[index] != "value":
            continue
        options = {
            nullable
            for c in forward[index]
            for nullable, after in _steps(plan[index], roles[index], c)
            if after in backward[index + 1]
        }
        if len(options) == 2:
            found.add(index)
    return found


def _template(value: str, members: list[_Member]) -> list[str | _Member] | None:
    """``value`` as literal text and other string members' sample values, or None."""
    candidates = [
        m
        for m in members
        if not m.json_only
        and m.ty is not None
        and m.ty.qname == (XS, "string")
        and isinstance(m.value, str)
        and m.value
    ]
    parts: list[str | _Member] = []
    index = 0
    literal = ""
    while index < len(value):
        match = max(
            (m for m in candidates if value.startswith(m.value, index)),
            key=lambda m: len(m.value),
            default=None,
        )
        if match is None:
            literal += value[index]
            index += 1
            continue
        if literal:
            parts.append(literal)
            literal = ""
        parts.append(match)
        index += len(match.value)
    if literal:
        parts.append(literal)
    if not any(isinstance(p, _Member) for p in parts):
        return None
    return parts


def _function(name: str, cls: str, parts: list[str | _Member]) -> list[str]:
    lines = [
        f"def {name}(obj: {cls}) -> str:",
        "    # netcontract: inferred from the help page's sample value; C# string",
        '    # concatenation prints null as "" (check the rule against the server)',
    ]
    first = True
    for part in parts:
        expr = (
            py_string(part) if isinstance(part, str) else f'obj.{attribute_name(part.wire)} or ""'
        )
        line = f"    text {'=' if first else '+='} {expr}"
        if len(line) > 100:
            line += "  # noqa: E501"
        lines.append(line)
        first = False
    lines.append("    return text")
    return lines


def map_pages(pages: list[Page], names: Mapping[str, str] | None = None) -> Specs:
    """Contract declarations (and reports) for the types the pages show."""
    return _PageMapper(pages, names or {}).run()

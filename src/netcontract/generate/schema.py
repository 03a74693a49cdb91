"""From XML Schema components to contract declarations, as XsdDataContractImporter maps them.

The rules (DataContract schema reference; checked against Mono's XsdDataContractExporter and
XsdDataContractImporter, see ``tests/interop/test_generate_interop.py``):

- a named ``complexType`` whose content is a ``sequence`` of local elements (optionally in a
  ``complexContent/extension`` of another such type) is a data contract class; each element is
  a member, its ``type`` the member's type; ``nillable="true"`` on a value type makes it
  ``Nullable<T>`` (``T | None``); reference types are always nullable;
- a ``complexType`` whose sequence holds one element with ``maxOccurs="unbounded"`` is a
  collection: ``ArrayOfX`` is ``list[X]`` (the item element named after the item type);
- a ``simpleType`` restricting ``xs:string`` with ``enumeration`` facets is an enum, its
  values numbered by position unless a ``ser:EnumerationValue`` annotation says otherwise; an
  ``xs:list`` of such an anonymous type is a ``[Flags]`` enum, its values 1, 2, 4... by
  position unless annotated; each enumeration value is the
  member's wire name, the member named as the importer names it (``in-progress`` ->
  ``inprogress = nc.enum_member(0, "in-progress")``);
- ``xs:float`` is ``nc.Single``, System's ``DateTimeOffset`` complex type ``nc.DateTimeOffset``
  (svcutil reuses mscorlib's type; the complex type itself is not generated);
- ``http://schemas.datacontract.org/2004/07/A.B`` is CLR namespace ``A.B``;
- an element without ``minOccurs="0"`` is ``IsRequired``; a ``ser:DefaultValue
  EmitDefaultValue="false"`` annotation, or a reference type's element without
  ``nillable="true"``, is ``EmitDefaultValue=false`` (Mono's importer); from the first element
  whose name sorts before the previous one, each member's ``Order`` is its index in the sequence;
- ``xs:documentation`` becomes the class docstring or the member's ``#:`` comment;
- ``known_types``, as the importer declares ``[KnownType]``: on a base class, each class
  derived from it (at any depth, in any namespace); on a class with an ``xs:anyType`` member
  (or a list of them), every type of the set but itself.

Everything else is described by :data:`~netcontract.generate.mapping.FEATURES` and reported.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from typing import Final

import attrs
from lxml import etree

from netcontract.clr.namespaces import DATACONTRACT_BASE
from netcontract.errors import Problem, SchemaError
from netcontract.generate.mapping import (
    ARR,
    FEATURES,
    SER,
    SYSTEM,
    UNSUPPORTED_TYPES,
    VALUE_TYPES,
    XS,
    Action,
)
from netcontract.generate.sources import SchemaDoc
from netcontract.model.enums import ContractEnum
from netcontract.model.names import encode_local_name
from netcontract.model.wire import generic_digest

__all__ = [
    "ClassSpec",
    "CollectionSpec",
    "EnumSpec",
    "MemberSpec",
    "Report",
    "Specs",
    "map_schemas",
]

#: components (named types) in all the given schemas
MAX_COMPONENTS: Final = 50_000
#: names the generated module itself uses: no attribute may shadow them in a class body
RESERVED: Final = frozenset(
    {
        "nc",
        "uuid",
        "decimal",
        "annotations",
        "str",
        "bool",
        "float",
        "object",
        "list",
        "int",
        "bytes",
    }
)
_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4}|[0-9A-Fa-f]{8})_")
_CAMEL_1: Final = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2: Final = re.compile(r"([a-z0-9])([A-Z])")
_WORD_SPLIT: Final = re.compile(r"[^0-9A-Za-z]+")
_ENUM_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENUM_TAKEN: Final = frozenset(dir(ContractEnum))
_INT64: Final = 2**63


QName = tuple[str, str]


@attrs.frozen
class Report:
    """One construct that could not be mapped exactly, where it is."""

    location: str  #: ``file.xsd, line 12, complexType 'Foo'``
    feature: str  #: a key of :data:`~netcontract.generate.mapping.FEATURES`
    message: str

    @property
    def action(self) -> Action:
        return FEATURES[self.feature].action

    def __str__(self) -> str:
        feature = FEATURES[self.feature]
        tail = feature.action.value + (f"; {feature.issue}" if feature.issue else "")
        return f"{self.location}: {self.message} ({tail})"


@attrs.define
class EnumSpec:
    qname: QName
    py_name: str
    doc: str
    #: (name, value, documentation) in schema order
    members: list[tuple[str, int, str]]
    #: what the user must check, as a comment above the enum (help pages)
    note: str = ""
    #: Python name -> the enumeration value (EnumMember Value), when they differ
    wire_names: dict[str, str] = attrs.field(factory=dict)
    #: a [Flags] enum (``xs:list``): ``nc.ContractFlag``
    flags: bool = False


@attrs.define
class MemberSpec:
    wire_name: str
    attr: str
    annotation: str
    default: str  #: Python source of the default ("" when ``factory`` is used)
    factory: str | None
    doc: str
    #: ``IsRequired``: the element has no ``minOccurs="0"``
    is_required: bool = False
    #: ``EmitDefaultValue``: false when a ``ser:DefaultValue`` annotation says so
    emit_default_value: bool = True
    #: ``Order``, as the importer numbers it (None: the member keeps ordinal order)
    order: int | None = None
    #: a .NET read-only property Json.NET writes (help pages)
    json_only: bool = False
    #: the module function computing a read-only member (help pages)
    computed: str | None = None
    #: what the user must check, as a comment above the member (help pages)
    note: str = ""


@attrs.define
class ClassSpec:
    qname: QName
    py_name: str
    base: QName | None
    doc: str
    members: list[MemberSpec] = attrs.field(factory=list)
    #: classes and enums that must be defined before this one (base, defaults, factories)
    needs: set[QName] = attrs.field(factory=set)
    #: module functions written just before the class (computed members), as lines
    functions: list[list[str]] = attrs.field(factory=list)
    #: what the user must check, as a comment above the class (help pages)
    note: str = ""
    #: ser:Id / ser:Ref attributes: [DataContract(IsReference = true)]
    is_reference: bool = False
    #: a [CollectionDataContract] (a collection type of its own name, or item names)
    collection: CollectionSpec | None = None
    #: [KnownType]s, as the importer adds them: each class derived from this one (at any
    #: depth), and every type of the set when a member holds ``object``
    known_types: set[QName] = attrs.field(factory=set)
    #: a member of type ``object`` (or a list of them)
    holds_object: bool = False


@attrs.define
class CollectionSpec:
    """``@nc.collection_contract(...)`` on ``class X(base)``: what differs from the defaults."""

    base: str  #: ``list[Item | None]``, ``dict[str, int]``
    item_name: str | None = None
    key_name: str | None = None
    value_name: str | None = None
    is_reference: bool = False


@attrs.define
class Specs:
    enums: list[EnumSpec]
    classes: list[ClassSpec]
    reports: list[Report]
    #: operation messages and other global elements that are no data contracts (not reported)
    skipped_elements: int
    imports: set[str]


@attrs.frozen
class _Component:
    el: etree._Element
    doc: SchemaDoc
    qname: QName

    @property
    def kind(self) -> str:
        return etree.QName(self.el).localname

    def where(self, element: etree._Element | None = None) -> str:
        head = f"{self.doc.file}, line {self.el.sourceline}, {self.kind} {self.qname[1]!r}"
        if element is not None:
            head = (
                f"{self.doc.file}, line {element.sourceline}, {self.kind} {self.qname[1]!r}, "
                f"element {element.get('name')!r}"
            )
        return head


@attrs.frozen
class _TypeRef:
    annotation: str
    default: str
    is_value_type: bool
    contract: QName  #: the data contract name (what a list of it is named after)
    factory: str | None = None
    needs: QName | None = None  #: an enum or struct the default refers to
    #: ``object`` or a list of them (lists of lists...): .NET's ``IsObjectContract``
    holds_object: bool = False


@attrs.frozen
class _Failure:
    feature: str
    message: str


def _tag(local: str) -> str:
    return f"{{{XS}}}{local}"


def decode_name(name: str) -> str:
    """``XmlConvert.DecodeName``: ``_xHHHH_`` escapes back to characters."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name)


def _ascii_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name)
    text = "".join(c if c.isascii() else " " for c in folded if not unicodedata.combining(c))
    text = _CAMEL_2.sub(r"\1_\2", _CAMEL_1.sub(r"\1_\2", text))
    return [w for w in _WORD_SPLIT.split(text) if w]


def attribute_name(wire_name: str) -> str:
    """A snake_case attribute for a wire name (``IDByGovernment`` -> ``id_by_government``)."""
    name = "_".join(_ascii_words(wire_name)).lower() or "member"
    if name[0].isdigit():
        name = "m" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED:
        name += "_"
    return name


def class_name(contract_name: str) -> str:
    """A CapWords Python class name for a contract name (``file`` -> ``File``)."""
    words = [w for w in _WORD_SPLIT.split(unicodedata.normalize("NFKD", contract_name)) if w]
    words = [w for w in ("".join(c for c in w if c.isascii()) for w in words) if w]
    name = "".join(w[0].upper() + w[1:] for w in words) or "Contract"
    if name[0].isdigit():
        name = "T" + name
    if keyword.iskeyword(name):  # None, True, False
        name += "Contract"
    return name


def clr_namespace(xml_namespace: str) -> str | None:
    """The CLR namespace of a DataContract XML namespace, when it is one."""
    if not xml_namespace.startswith(DATACONTRACT_BASE):
        return None
    rest = xml_namespace[len(DATACONTRACT_BASE) :]
    if all(part.isidentifier() and part.isascii() for part in rest.split(".")) or rest == "":
        return rest
    return None


def _documentation(el: etree._Element) -> str:
    texts = []
    for annotation in el.iterchildren(_tag("annotation")):
        for doc in annotation.iterchildren(_tag("documentation")):
            texts.append(" ".join("".join(doc.itertext()).split()))
    return "\n\n".join(t for t in texts if t)


def _appinfo(el: etree._Element, local: str) -> list[etree._Element]:
    found: list[etree._Element] = []
    for annotation in el.iterchildren(_tag("annotation")):
        for appinfo in annotation.iterchildren(_tag("appinfo")):
            found.extend(appinfo.iterchildren(f"{{{SER}}}{local}"))
    return found


def _children(el: etree._Element) -> list[etree._Element]:
    """Element children other than annotations (comments are removed by the parser)."""
    return [c for c in el if isinstance(c.tag, str) and c.tag != _tag("annotation")]


class _Mapper:
    def __init__(self, docs: list[SchemaDoc]) -> None:
        self.reports: list[Report] = []
        self.types: dict[QName, _Component] = {}
        self.skipped_elements = 0
        self.imports: set[str] = set()
        self.enum_specs: dict[QName, EnumSpec | _Failure] = {}
        self.shapes: dict[QName, _Shape | _Failure] = {}
        self.refs: dict[QName, _TypeRef | _Failure] = {}
        self.in_progress: set[QName] = set()  #: shapes being computed (base cycles)
        self.refs_in_progress: set[QName] = set()  #: type refs being computed (list cycles)
        self.py_names: dict[QName, str] = {}
        #: the collection contracts met so far (made when a type refers to one)
        self.collections: dict[QName, ClassSpec] = {}
        for doc in docs:
            self._index(doc)

    # -- reading the components --------------------------------------------------------------

    def _index(self, doc: SchemaDoc) -> None:
        if doc.target_namespace == SER:
            return  # the serialization schema: its types are in the mapping tables
        for el in doc.root:
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if el.tag.startswith(f"{{{XS}}}") and local in ("complexType", "simpleType"):
                name = el.get("name")
                if name is None:
                    continue
                qname = (doc.target_namespace, name)
                if qname not in self.types:
                    if len(self.types) >= MAX_COMPONENTS:
                        msg = f"more than {MAX_COMPONENTS} types"
                        raise _TooManyError(msg)
                    self.types[qname] = _Component(el, doc, qname)
            elif el.tag == _tag("element") and el.get("type") is None:
                # an operation's request or response wrapper (svcutil maps them to message
                # contracts, not data contracts)
                self.skipped_elements += 1

    def resolve_qname(self, el: etree._Element, value: str, doc: SchemaDoc) -> QName | None:
        prefix, _, local = value.rpartition(":")
        namespace = el.nsmap.get(prefix or None)
        if namespace is None:
            if prefix:
                return None
            # an unprefixed name without a default namespace: no namespace, or the includer's
            namespace = doc.target_namespace if doc.root.get("targetNamespace") is None else ""
        return namespace, local

    # -- what a complexType is ---------------------------------------------------------------

    def shape(self, qname: QName) -> _Shape | _Failure:
        known = self.shapes.get(qname)
        if known is not None:
            return known
        if qname in self.in_progress:
            return _Failure("xml_serializer", f"{qname[1]!r} derives from itself")
        self.in_progress.add(qname)
        try:
            shape = self._shape(self.types[qname])
        finally:
            self.in_progress.discard(qname)
        self.shapes[qname] = shape
        return shape

    def _shape(self, comp: _Component) -> _Shape | _Failure:
        el = comp.el
        if el.get("mixed") == "true":
            return _Failure("xml_serializer", "mixed content")
        children = _children(el)
        base: QName | None = None
        holder = el
        if children and children[0].tag == _tag("complexContent"):
            content = children[0]
            if content.get("mixed") == "true":
                return _Failure("xml_serializer", "mixed content")
            inner = _children(content)
            if len(inner) != 1 or inner[0].tag != _tag("extension"):
                return _Failure("xml_serializer", "complexContent other than an extension")
            holder = inner[0]
            base = self.resolve_qname(holder, holder.get("base") or "", comp.doc)
            if base is None:
                return _Failure("unknown_type", f"base {holder.get('base')!r} cannot be resolved")
            children = _children(holder)
        features: list[tuple[str, str]] = []
        sequence: etree._Element | None = None
        for child in children:
            tag = etree.QName(child)
            local = tag.localname if tag.namespace == XS else ""
            if local == "sequence" and sequence is None:
                sequence = child
            elif local == "attribute" and child.get("ref") in ("ser:Id", "ser:Ref"):
                ref = self.resolve_qname(child, child.get("ref") or "", comp.doc)
                if ref in ((SER, "Id"), (SER, "Ref")):
                    if not any(f == "is_reference" for f, _ in features):
                        features.append(("is_reference", "IsReference=true"))
                    continue
                return _Failure("xml_serializer", "an XML attribute")
            elif local == "choice":
                return _Failure("choice", "xs:choice")
            elif local in ("attribute", "attributeGroup", "anyAttribute"):
                return _Failure("xml_serializer", f"xs:{local}")
            else:
                return _Failure("xml_serializer", f"xs:{local or etree.QName(child).localname}")
        elements: list[etree._Element] = []
        if sequence is not None:
            if sequence.get("minOccurs", "1") != "1" or sequence.get("maxOccurs", "1") != "1":
                return _Failure("xml_serializer", "a repeated or optional xs:sequence")
            for item in _children(sequence):
                local = etree.QName(item).localname
                if item.tag == _tag("any"):
                    return _Failure("any", "xs:any")
                if item.tag == _tag("choice"):
                    return _Failure("choice", "xs:choice")
                if item.tag != _tag("element"):
                    return _Failure("xml_serializer", f"xs:{local} in a sequence")
                elements.append(item)
        if _appinfo(el, "IsDictionary"):
            return _Shape("dictionary", base, elements, features)
        if (
            base is None
            and len(elements) == 1
            and elements[0].get("maxOccurs", "1") not in ("1", "0")
        ):
            return _Shape("collection", None, elements, features)
        if base is not None:
            if base[0] in (XS, SER) or base not in self.types:
                return _Failure("unknown_type", f"base type {base[1]!r} ({base[0]}) is not given")
            base_comp = self.types[base]
            if base_comp.kind != "complexType":
                return _Failure("xml_serializer", "an extension of a simple type")
            base_shape = self.shape(base)
            if isinstance(base_shape, _Failure) or base_shape.kind != "class":
                return _Failure("left_out_type", f"its base type {base[1]!r} is left out")
        form_default = comp.doc.root.get("elementFormDefault", "unqualified")
        for item in elements:
            problem = self._element_problem(item, form_default)
            if problem is not None:
                return _Failure("xml_serializer", problem)
        if _appinfo(el, "IsValueType") and any(
            a.text == "true" for a in _appinfo(el, "IsValueType")
        ):
            features.append(("value_type", "IsValueType=true"))
        generic = _appinfo(el, "GenericType")
        if generic:
            features.append(("generic", f"generic {generic[0].get('Name')!r}"))
        return _Shape("class", base, elements, features)

    @staticmethod
    def _element_problem(el: etree._Element, form_default: str) -> str | None:
        name = el.get("name")
        if el.get("ref") is not None or name is None:
            return "an element reference"
        allowed = {"name", "type", "minOccurs", "maxOccurs", "nillable", "form"}
        extra = sorted(a for a in el.attrib if not a.startswith("{") and a not in allowed)
        if extra:
            return f"element {name!r} with {', '.join(extra)}"
        if el.get("form", form_default) != "qualified":
            return f"element {name!r} is unqualified"
        if el.get("maxOccurs", "1") != "1":
            return f"element {name!r} repeats (maxOccurs)"
        if el.get("minOccurs", "1") not in ("0", "1"):
            return f"element {name!r} has minOccurs {el.get('minOccurs')}"
        if _children(el):
            return f"element {name!r} has an anonymous type"
        return None

    # -- types of members --------------------------------------------------------------------

    def type_ref(self, qname: QName) -> _TypeRef | _Failure:
        known = self.refs.get(qname)
        if known is not None:
            return known
        if qname in self.refs_in_progress:
            return _Failure("xml_serializer", f"collection {qname[1]!r} contains itself")
        self.refs_in_progress.add(qname)
        try:
            ref = self._type_ref(qname)
        finally:
            self.refs_in_progress.discard(qname)
        self.refs[qname] = ref
        return ref

    def _type_ref(self, qname: QName) -> _TypeRef | _Failure:
        value = VALUE_TYPES.get(qname)
        if value is not None:
            self.imports.update(value.imports)
            return _TypeRef(
                value.annotation,
                value.default,
                value.is_value_type,
                qname,
                holds_object=qname == (XS, "anyType"),
            )
        unsupported = UNSUPPORTED_TYPES.get(qname)
        if unsupported is not None:
            clr, issue = unsupported
            prefix = "ser" if qname[0] == SER else ("xs" if qname[0] == XS else qname[0])
            return _Failure(
                "unsupported_type",
                f"type {prefix}:{qname[1]} is .NET's {clr}, which netcontract cannot "
                f"declare yet ({issue})",
            )
        if qname[0] in (XS, SER):
            return _Failure(
                "unsupported_type", f"type {qname[1]!r} of {qname[0]} has no DataContract mapping"
            )
        comp = self.types.get(qname)
        if comp is None:
            synthesized = self._arrays_type(qname)
            if synthesized is not None:
                return synthesized
            return _Failure(
                "unknown_type",
                f"type {qname[1]!r} of namespace {qname[0]!r} is in none of the given schemas",
            )
        if comp.kind == "simpleType":
            spec = self.enum_spec(qname)
            if isinstance(spec, _Failure):
                return _Failure("left_out_type", f"its type {qname[1]!r} is left out")
            zero = next((name for name, value, _ in spec.members if value == 0), None)
            default = f"{spec.py_name}.{zero}" if zero is not None else f"{spec.py_name}(0)"
            return _TypeRef(spec.py_name, default, True, qname, needs=qname)
        shape = self.shape(qname)
        if isinstance(shape, _Failure):
            return _Failure("left_out_type", f"its type {qname[1]!r} is left out")
        if shape.kind == "dictionary":
            return self._dictionary_ref(comp, shape.elements)
        if shape.kind == "collection":
            return self._collection_ref(comp, shape.elements[0])
        py_name = self.py_names[qname]
        if any(feature == "value_type" for feature, _ in shape.features):
            return _TypeRef(py_name, "", True, qname, factory=py_name, needs=qname)
        return _TypeRef(py_name, "None", False, qname)

    def _arrays_type(self, qname: QName) -> _TypeRef | _Failure | None:
        """``ArrayOf<primitive>`` of the Arrays namespace, when its schema was not given: the
        namespace holds nothing else than lists and dictionaries of primitives."""
        namespace, name = qname
        if namespace != ARR or not name.startswith("ArrayOf"):
            return None
        if name.startswith("ArrayOfKeyValueOf"):
            return self._arrays_dictionary(qname)
        item = name[len("ArrayOf") :]
        for item_ns in (XS, SER):
            if (item_ns, item) in VALUE_TYPES or (item_ns, item) in UNSUPPORTED_TYPES:
                ref = self.type_ref((item_ns, item))
                if isinstance(ref, _Failure):
                    return _Failure(ref.feature, f"its item type: {ref.message}")
                nullable = " | None" if not ref.is_value_type else ""
                return _TypeRef(
                    f"list[{ref.annotation}{nullable}]",
                    "None",
                    False,
                    qname,
                    holds_object=ref.holds_object,
                )
        return None

    def _arrays_dictionary(self, qname: QName) -> _TypeRef | _Failure:
        """``ArrayOfKeyValueOf{K}{V}`` of two built-in types, when its schema was not given
        (both in XS or SER: no digest, so the name alone tells them)."""
        rest = qname[1][len("ArrayOfKeyValueOf") :]
        builtin = [q for q in VALUE_TYPES if q[0] in (XS, SER)]
        for key in builtin:
            if rest.startswith(key[1]):
                value = next((q for q in builtin if q[1] == rest[len(key[1]) :]), None)
                if value is not None:
                    return self._dictionary_of(qname, key, value, nillable=None)
        return _Failure("dictionary", f"type {qname[1]!r} is a dictionary of unknown types")

    def _dictionary_ref(
        self, comp: _Component, elements: list[etree._Element]
    ) -> _TypeRef | _Failure:
        """``ArrayOfKeyValueOf...`` (``IsDictionary``): one repeated item element whose
        anonymous type is a sequence of ``Key`` and ``Value``, as XsdDataContractExporter
        writes it."""
        parts: list[etree._Element] = []
        if len(elements) == 1:
            inner = _children(elements[0])
            if len(inner) == 1 and inner[0].tag == _tag("complexType"):
                sequence = _children(inner[0])
                if len(sequence) == 1 and sequence[0].tag == _tag("sequence"):
                    parts = _children(sequence[0])
        names = [decode_name(p.get("name") or "") for p in parts]
        if (
            len(parts) != 2
            or any(p.get("type") is None for p in parts)
            or any(encode_local_name(n) != n or not n for n in names)
        ):
            return _Failure("dictionary", f"dictionary {comp.qname[1]!r} has an unusual item")
        key = self.resolve_qname(parts[0], parts[0].get("type") or "", comp.doc)
        value = self.resolve_qname(parts[1], parts[1].get("type") or "", comp.doc)
        if key is None or value is None:
            return _Failure("unknown_type", f"dictionary {comp.qname[1]!r}: unresolved types")
        nillable = parts[1].get("nillable") == "true"
        plain = self._dictionary_of(comp.qname, key, value, nillable=nillable)
        if isinstance(plain, _Failure):
            return plain
        key_ref, value_ref = self.type_ref(key), self.type_ref(value)
        assert not isinstance(key_ref, _Failure) and not isinstance(value_ref, _Failure)
        item_name = (
            "KeyValueOf" + _argument_name(key_ref, False) + _argument_name(value_ref, nillable)
        )
        namespaces = [_argument_ns(key_ref, False), _argument_ns(value_ref, nillable)]
        if not all(ns in (XS, SER) for ns in namespaces):
            item_name += generic_digest(namespaces)
        element_name = decode_name(elements[0].get("name") or "")
        default_names = names == ["Key", "Value"] and element_name == item_name
        is_reference = self._is_reference(comp.qname)
        if default_names and comp.qname == (ARR, "ArrayOf" + item_name) and not is_reference:
            return plain
        if encode_local_name(element_name) != element_name:
            return _Failure("dictionary", f"dictionary {comp.qname[1]!r} has an unusual item")
        # a name, an item name or key and value names of its own: [CollectionDataContract]
        named = CollectionSpec(
            plain.annotation,
            element_name if element_name != item_name else None,
            names[0] if names[0] != "Key" else None,
            names[1] if names[1] != "Value" else None,
            is_reference,
        )
        return self._collection_class(comp, named, [key_ref, value_ref])

    def _dictionary_of(
        self, qname: QName, key: QName, value: QName, *, nillable: bool | None
    ) -> _TypeRef | _Failure:
        key_ref = self.type_ref(key)
        if isinstance(key_ref, _Failure):
            return _Failure(key_ref.feature, f"its key type: {key_ref.message}")
        is_enum = key_ref.needs is not None and key_ref.factory is None
        if key not in _KEY_TYPES and not (is_enum and not self._flags(key)):
            return _Failure(
                "dictionary",
                f"dictionary {qname[1]!r}: netcontract cannot declare {key[1]!r} as a key",
            )
        value_ref = self.type_ref(value)
        if isinstance(value_ref, _Failure):
            return _Failure(value_ref.feature, f"its value type: {value_ref.message}")
        if value_ref.factory is not None:
            return _Failure("struct_collection", "a dictionary of struct contracts")
        if nillable is None:  # (a synthesized Arrays type: .NET's own rule)
            nillable = not value_ref.is_value_type
        optional = " | None" if (nillable or not value_ref.is_value_type) else ""
        return _TypeRef(
            f"dict[{key_ref.annotation}, {value_ref.annotation}{optional}]", "None", False, qname
        )

    def _flags(self, qname: QName) -> bool:
        spec = self.enum_spec(qname)
        return not isinstance(spec, _Failure) and spec.flags

    def _collection_ref(self, comp: _Component, item: etree._Element) -> _TypeRef | _Failure:
        if item.get("minOccurs", "1") != "0" or _children(item) or item.get("type") is None:
            return _Failure("xml_serializer", f"collection {comp.qname[1]!r} has an unusual item")
        item_qname = self.resolve_qname(item, item.get("type") or "", comp.doc)
        if item_qname is None:
            return _Failure("unknown_type", f"item type {item.get('type')!r} cannot be resolved")
        ref = self.type_ref(item_qname)
        if isinstance(ref, _Failure):
            return _Failure(ref.feature, f"its item type: {ref.message}")
        if ref.factory is not None:
            # the engine's class items may be nil, a struct's cannot: left out (issue 13)
            return _Failure("struct_collection", "a collection of struct contracts")
        nillable = item.get("nillable") == "true"
        item_ns, item_name = ref.contract
        list_name = item_name
        if nillable and ref.is_value_type:
            list_name = "NullableOf" + item_name
            if item_ns not in (XS, SER):
                list_name += generic_digest([item_ns])
            item_ns = SYSTEM
        if item_ns in (XS, SER):
            item_ns = ARR
        element_name = decode_name(item.get("name") or "")
        optional = " | None" if (nillable or not ref.is_value_type) else ""
        annotation = f"list[{ref.annotation}{optional}]"
        is_reference = self._is_reference(comp.qname)
        default = element_name == item_name and (item_ns, "ArrayOf" + list_name) == comp.qname
        if default and not is_reference:
            return _TypeRef(annotation, "None", False, comp.qname, holds_object=ref.holds_object)
        # a name or an item name of its own: [CollectionDataContract] on a List<T> subclass
        if encode_local_name(element_name) != element_name:
            return _Failure(
                "collection_item_name",
                f"collection {comp.qname[1]!r} names its items {item.get('name')!r}, "
                "which is not an XML name",
            )
        named = CollectionSpec(
            annotation,
            element_name if element_name != item_name else None,
            is_reference=is_reference,
        )
        made = self._collection_class(comp, named, [ref])
        return attrs.evolve(made, holds_object=ref.holds_object)

    def _is_reference(self, qname: QName) -> bool:
        """Whether the type has the ``ser:Id``/``ser:Ref`` attributes (IsReference=true)."""
        shape = self.shape(qname)
        return isinstance(shape, _Shape) and any(f == "is_reference" for f, _ in shape.features)

    def _collection_class(
        self, comp: _Component, collection: CollectionSpec, refs: list[_TypeRef]
    ) -> _TypeRef:
        """A collection contract class, declared after the classes its items are."""
        spec = self.collections.get(comp.qname)
        if spec is None:
            py_name = self.py_names[comp.qname]
            spec = ClassSpec(comp.qname, py_name, None, _documentation(comp.el))
            spec.collection = collection
            spec.needs.update(ref.contract for ref in refs)
            self.collections[comp.qname] = spec
        return _TypeRef(spec.py_name, "None", False, comp.qname)

    # -- enums -------------------------------------------------------------------------------

    def enum_spec(self, qname: QName) -> EnumSpec | _Failure:
        known = self.enum_specs.get(qname)
        if known is None:
            known = self.enum_specs[qname] = self._enum_spec(self.types[qname])
        return known

    def _enum_spec(self, comp: _Component) -> EnumSpec | _Failure:
        children = _children(comp.el)
        if len(children) != 1:
            return _Failure("simple_type", "a simple type without one restriction")
        (content,) = children
        local = etree.QName(content).localname
        flags = local == "list"
        if flags:
            # [Flags]: a list of an anonymous enumeration (XsdDataContractExporter's form)
            inner = _children(content)
            if content.get("itemType") is not None or len(inner) != 1:
                return _Failure("simple_type", "a list without an anonymous item type")
            inner = _children(inner[0])
            if len(inner) != 1:
                return _Failure("simple_type", "a list item type without one restriction")
            content, local = inner[0], etree.QName(inner[0]).localname
        if local != "restriction":
            return _Failure("simple_type", f"xs:{local}")
        base = self.resolve_qname(content, content.get("base") or "", comp.doc)
        if base != (XS, "string"):
            return _Failure("simple_type", f"a restriction of {content.get('base')!r}")
        if _appinfo(comp.el, "ActualType"):
            actual = _appinfo(comp.el, "ActualType")[0].get("Name")
            self.report(comp.where(), "enum_actual_type", f"underlying type {actual!r}")
        members: list[tuple[str, int, str]] = []
        wire_names: dict[str, str] = {}
        seen_values: dict[int, str] = {}
        taken: set[str] = set()
        for index, facet in enumerate(_children(content)):
            if facet.tag != _tag("enumeration"):
                return _Failure("simple_type", f"facet xs:{etree.QName(facet).localname}")
            wire = facet.get("value") or ""
            # without an annotation, .NET's importer numbers the value as its exporter left it
            # out (SchemaExporter.GetDefaultEnumValue): the index, or 2**index in [Flags]
            value = 1 << index if flags else index
            annotated = _appinfo(facet, "EnumerationValue")
            if annotated:
                text = (annotated[0].text or "").strip()
                if not re.fullmatch(r"-?[0-9]{1,20}", text) or not (
                    -_INT64 <= int(text) < 2 * _INT64
                ):
                    return _Failure("simple_type", f"EnumerationValue {text!r} of {wire!r}")
                value = int(text)
            where = (
                f"{comp.doc.file}, line {facet.sourceline}, simpleType {comp.qname[1]!r}, "
                f"value {wire!r}"
            )
            if value in seen_values:
                self.report(
                    where, "enum_alias", f"{wire!r} has the number of {seen_values[value]!r}"
                )
                continue
            seen_values[value] = wire
            name = _enum_member_name(wire, taken)
            if not self._enum_name_ok(name):
                mangled = _enum_member_name(_python_enum_name(name), taken)
                self.report(
                    where,
                    "enum_name",
                    f".NET's member {name!r} cannot be a Python enum member: named {mangled!r}",
                )
                name = mangled
            taken.add(name)
            if name != wire:
                wire_names[name] = wire
            members.append((name, value, _documentation(facet)))
        return EnumSpec(
            comp.qname,
            self.py_names[comp.qname],
            _documentation(comp.el),
            members,
            wire_names=wire_names,
            flags=flags,
        )

    @staticmethod
    def _enum_name_ok(name: str) -> bool:
        if not _ENUM_NAME.fullmatch(name) or keyword.iskeyword(name):
            return False
        if name in _ENUM_TAKEN or (name.startswith("_") and name.endswith("_")):
            return False
        return not name.startswith("__")

    # -- the whole set -----------------------------------------------------------------------

    def report(self, location: str, feature: str, message: str) -> None:
        self.reports.append(Report(location, feature, message))

    def run(self) -> Specs:
        ordered = sorted(self.types)
        taken: set[str] = set()
        for qname in ordered:
            base_name = class_name(qname[1])
            name, counter = base_name, 2
            while name in taken:
                name, counter = f"{base_name}{counter}", counter + 1
            taken.add(name)
            self.py_names[qname] = name
        enums: list[EnumSpec] = []
        classes: list[ClassSpec] = []
        for qname in ordered:
            comp = self.types[qname]
            if qname in UNSUPPORTED_TYPES or qname in VALUE_TYPES:
                continue  # a .NET type (System's DateTimeOffset): never generated
            if comp.kind == "simpleType":
                spec = self.enum_spec(qname)
                if isinstance(spec, _Failure):
                    self.report(comp.where(), spec.feature, spec.message)
                else:
                    enums.append(spec)
                continue
            if qname[0] == ARR:
                continue  # Arrays holds lists and dictionaries only: they are never classes
            shape = self.shape(qname)
            if isinstance(shape, _Failure):
                self.report(comp.where(), shape.feature, shape.message)
                continue
            if shape.kind in ("dictionary", "collection"):
                # reported where a member uses it; a collection contract becomes a class
                self.type_ref(qname)
                continue
            for feature, message in shape.features:
                if feature != "is_reference":  # mapped exactly: @nc.contract(is_reference=True)
                    self.report(comp.where(), feature, message)
            classes.append(
                ClassSpec(
                    qname,
                    self.py_names[qname],
                    shape.base,
                    _documentation(comp.el),
                    is_reference=any(f == "is_reference" for f, _ in shape.features),
                )
            )
        by_qname = {c.qname: c for c in classes}
        for class_spec in classes:
            self._members(class_spec, by_qname)
        classes.extend(self.collections[q] for q in sorted(self.collections))
        # a .NET type in the set is one type more an object member knows (Mono's importer:
        # [KnownType(typeof(System.DateTimeOffset))])
        dotnet = [q for q in ordered if q in KNOWN_DOTNET_TYPES]
        _add_known_types(classes, [e.qname for e in enums] + dotnet)
        # reports in the order of the schemas: file, then line
        self.reports.sort(key=_report_key)
        return Specs(enums, classes, self.reports, self.skipped_elements, self.imports)

    def _members(self, spec: ClassSpec, by_qname: dict[QName, ClassSpec]) -> None:
        comp = self.types[spec.qname]
        shape = self.shape(spec.qname)
        assert isinstance(shape, _Shape)
        taken: set[str] = set()
        inherited: set[str] = set()
        base = spec.base
        while base is not None:
            base_spec = by_qname[base]
            base_shape = self.shape(base)
            assert isinstance(base_shape, _Shape)
            inherited.update(decode_name(e.get("name") or "") for e in base_shape.elements)
            taken.update(
                attribute_name(decode_name(e.get("name") or "")) for e in base_shape.elements
            )
            base = base_spec.base
        if spec.base is not None:
            spec.needs.add(spec.base)
        previous = ""
        ordered = False
        for index, el in enumerate(shape.elements):
            wire = decode_name(el.get("name") or "")
            where = comp.where(el)
            # XsdDataContractImporter (Mono: Order = the element's index in its sequence): from
            # the first element whose name sorts before the one before it (ordinal, UTF-16),
            # every element gets an Order, so the class writes the schema's order
            key = (el.get("name") or "").encode("utf-16-be").decode("latin-1")
            if index and (ordered or key <= previous):
                ordered = True
            previous = key
            if wire in inherited:
                self.report(
                    where,
                    "xml_serializer",
                    f"member {wire!r} repeats the name of a member before it or of a base "
                    "member (.NET's `new` members are not modelled)",
                )
                continue
            inherited.add(wire)
            type_qname = (
                self.resolve_qname(el, el.get("type") or "", comp.doc)
                if el.get("type") is not None
                else (XS, "anyType")
            )
            if type_qname is None:
                self.report(where, "unknown_type", f"type {el.get('type')!r} cannot be resolved")
                continue
            ref = self.type_ref(type_qname)
            if isinstance(ref, _Failure):
                self.report(where, ref.feature, ref.message)
                continue
            spec.holds_object |= ref.holds_object
            nillable = el.get("nillable") == "true"
            # EmitDefaultValue=false: the annotation says so, or (Mono's importer) a reference
            # type's element is not nillable, as XmlSerializer-style schemas write them
            emit_default = not any(
                dv.get("EmitDefaultValue") == "false" for dv in _appinfo(el, "DefaultValue")
            ) and (nillable or ref.is_value_type)
            attr = attribute_name(wire)
            stem, counter = attr, 2
            while attr in taken:
                attr, counter = f"{stem}_{counter}", counter + 1
            taken.add(attr)
            factory = None
            if ref.is_value_type and not nillable:
                annotation, default, factory = ref.annotation, ref.default, ref.factory
                if ref.needs is not None:
                    spec.needs.add(ref.needs)
            else:
                annotation, default = f"{ref.annotation} | None", "None"
            spec.members.append(
                MemberSpec(
                    wire,
                    attr,
                    annotation,
                    default,
                    factory,
                    _documentation(el),
                    is_required=el.get("minOccurs", "1") != "0",
                    emit_default_value=emit_default,
                    order=index if ordered else None,
                )
            )


#: the .NET types of a schema set that a known-types list names by netcontract's value type
#: (their schema types are never generated), as Python source
KNOWN_DOTNET_TYPES: Final[dict[QName, str]] = {(SYSTEM, "DateTimeOffset"): "nc.DateTimeOffset"}


def _add_known_types(classes: list[ClassSpec], enums: list[QName]) -> None:
    """The [KnownType]s XsdDataContractImporter declares (checked against Mono's importer,
    ``tests/interop/test_generate_interop.py``): a base class knows each class derived from
    it, at any depth, in any namespace; a class with an ``object`` member (or a list of them,
    not a dictionary) knows every type of the schema set but itself, enums, collection
    contracts and System's DateTimeOffset included (its ``KnownTypesForObject``). Types the
    generator maps to no class of their own (``list[X]``, ``dict[K, V]``) cannot be named:
    see the README."""
    by_qname = {c.qname: c for c in classes}
    for spec in classes:
        base = spec.base
        while base is not None and base in by_qname:
            by_qname[base].known_types.add(spec.qname)
            base = by_qname[base].base
    every = set(enums) | set(by_qname)
    for spec in classes:
        if spec.holds_object:
            spec.known_types |= every - {spec.qname}


def _argument_name(ref: _TypeRef, nillable: bool) -> str:
    """A generic argument's name in ``KeyValueOf{K}{V}`` (``NullableOf...`` for ``T?``)."""
    namespace, name = ref.contract
    if nillable and ref.is_value_type:
        return "NullableOf" + name + ("" if namespace in (XS, SER) else generic_digest([namespace]))
    return name


def _argument_ns(ref: _TypeRef, nillable: bool) -> str:
    return SYSTEM if nillable and ref.is_value_type else ref.contract[0]


#: the XSD types of the dictionary keys netcontract declares (model/wire.py KEY_TYPES)
_KEY_TYPES: Final = frozenset(
    {
        (XS, "string"),
        (XS, "boolean"),
        (SER, "char"),
        (XS, "byte"),
        (XS, "unsignedByte"),
        (XS, "short"),
        (XS, "unsignedShort"),
        (XS, "int"),
        (XS, "unsignedInt"),
        (XS, "long"),
        (XS, "unsignedLong"),
        (SER, "guid"),
        (XS, "dateTime"),
        (XS, "double"),
        (XS, "float"),
        (XS, "decimal"),
        (SER, "duration"),
        (SYSTEM, "DateTimeOffset"),
    }
)


@attrs.define
class _Shape:
    kind: str  #: "class", "collection" or "dictionary"
    base: QName | None
    elements: list[etree._Element]
    features: list[tuple[str, str]]


def _enum_member_name(wire: str, taken: set[str]) -> str:
    """The member name XsdDataContractImporter gives an enumeration value (Mono: characters
    that cannot be in an identifier removed, ``_`` before a digit, ``GeneratedMember`` for
    nothing left, a counter from 1 after a name taken: ``in-progress`` -> ``inprogress``)."""
    name = "".join(c for c in wire if c.isalnum() or c == "_") or "GeneratedMember"
    if name[0].isdigit():
        name = "_" + name
    stem, counter = name, 1
    while name in taken:
        name, counter = f"{stem}{counter}", counter + 1
    return name


def _python_enum_name(name: str) -> str:
    """An ASCII Python name for a .NET member name Python cannot take (``None`` -> ``None_``)."""
    name = "".join(c for c in name if c.isascii()).strip("_") or "member"
    if name[0].isdigit():
        name = "v" + name
    return name + "_" if keyword.iskeyword(name) or name in _ENUM_TAKEN else name


def _report_key(report: Report) -> tuple[str, int, str]:
    file, _, rest = report.location.partition(", line ")
    line = rest.split(",", 1)[0]
    return file, int(line) if line.isdigit() else 0, report.message


class _TooManyError(Exception):
    pass


def map_schemas(docs: list[SchemaDoc]) -> Specs:
    """Map the components of ``docs`` to contract declarations (and reports)."""
    try:
        return _Mapper(docs).run()
    except _TooManyError as exc:
        raise SchemaError([Problem("", str(exc))]) from None

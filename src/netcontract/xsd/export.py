"""XSD export: the schema documents ``XsdDataContractExporter`` writes for a set of contracts.

The rules are those of ``docs/xsd-rules.md`` (read in .NET's
``SchemaExporter``/``DataContractSet`` source, checked on Mono 6.8):

- the contracts are collected as ``DataContractSet`` does: a pre-order walk from each exported
  class (the class, its base contract, then each member's contract in DataContract order),
  skipping built-in types and contracts already collected; each one is then exported in that
  order into the schema of its namespace, followed by its global element;
- one document per namespace, in the order the schemas were created, after the serialization
  schema (docs/xsd-rules.md §6, a constant) which is always first;
- ``xs:import`` (no ``schemaLocation``) the first time a document refers to another namespace,
  in .NET's order: a class's members first, then its base class, then annotations;
- ``xmlns:ser`` on the root when an element's type is in the serialization namespace; any
  other foreign namespace gets a ``q1``, ``q2``... prefix (one counter per document) declared
  on the element that uses it, just before the attribute that needs it, and in scope for its
  descendants (``XmlSchema.Write`` through ``XmlSerializationWriter``);
- the text is ``XmlSchema.Write`` through ``XmlWriter.Create(Indent=true, OmitXmlDeclaration)``:
  two spaces per level, ``\\n``, ``<x />``, no trailing newline.

What Python contracts cannot express has no branch here: non-``int``
enum bases (``ActualType``), ``IsRequired``/``EmitDefaultValue=false`` members, dictionaries,
value-type classes and generic type names (``ResponseDto[T]`` stands
for a .NET class whose ``Data`` is declared ``object``).
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any, Final

import attrs

from netcontract.clr.value_types import SER, SYSTEM, XS, XSI
from netcontract.errors import ContractDefinitionError
from netcontract.model.contract import ContractMeta
from netcontract.model.known import own_known
from netcontract.model.plan import ContractInfo, Member, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    WireType,
    generic_argument,
    resolve_annotation,
)

__all__ = ["SERIALIZATION_SCHEMA", "export_schemas", "schema_file_name"]

#: ``Globals.SerializationSchema`` as ``XsdDataContractExporter`` writes it back (docs/xsd-rules.md
#: §6; byte-identical to Mono 6.8's export, checked by tests/interop/test_xsd_interop.py)
SERIALIZATION_SCHEMA: Final = (
    f'<xs:schema xmlns:tns="{SER}" attributeFormDefault="qualified" '
    f'elementFormDefault="qualified" targetNamespace="{SER}" xmlns:xs="{XS}">\n'
    + "".join(
        f'  <xs:element name="{name}" nillable="true" type="xs:{name}" />\n'
        for name in (
            "anyType",
            "anyURI",
            "base64Binary",
            "boolean",
            "byte",
            "dateTime",
            "decimal",
            "double",
            "float",
            "int",
            "long",
            "QName",
            "short",
            "string",
            "unsignedByte",
            "unsignedInt",
            "unsignedLong",
            "unsignedShort",
        )
    )
    + '  <xs:element name="char" nillable="true" type="tns:char" />\n'
    '  <xs:simpleType name="char">\n'
    '    <xs:restriction base="xs:int" />\n'
    "  </xs:simpleType>\n"
    '  <xs:element name="duration" nillable="true" type="tns:duration" />\n'
    '  <xs:simpleType name="duration">\n'
    '    <xs:restriction base="xs:duration">\n'
    '      <xs:pattern value="\\-?P(\\d*D)?(T(\\d*H)?(\\d*M)?(\\d*(\\.\\d*)?S)?)?" />\n'
    '      <xs:minInclusive value="-P10675199DT2H48M5.4775808S" />\n'
    '      <xs:maxInclusive value="P10675199DT2H48M5.4775807S" />\n'
    "    </xs:restriction>\n"
    "  </xs:simpleType>\n"
    '  <xs:element name="guid" nillable="true" type="tns:guid" />\n'
    '  <xs:simpleType name="guid">\n'
    '    <xs:restriction base="xs:string">\n'
    '      <xs:pattern value="[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-'
    '[\\da-fA-F]{12}" />\n'
    "    </xs:restriction>\n"
    "  </xs:simpleType>\n"
    '  <xs:attribute name="FactoryType" type="xs:QName" />\n'
    '  <xs:attribute name="Id" type="xs:ID" />\n'
    '  <xs:attribute name="Ref" type="xs:IDREF" />\n'
    "</xs:schema>"
)

#: namespaces never imported (SchemaHelper.AddSchemaImport skips them)
_NEVER_IMPORTED: Final = frozenset({XS, XSI})
_ANY_TYPE: Final = (XS, "anyType")


def _attr(value: str) -> str:
    """An attribute value as XmlWriter escapes it."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#xA;")
        .replace("\r", "&#xD;")
        .replace("\t", "&#x9;")
    )


def _type_qname(wire: WireType) -> tuple[str, str]:
    """The XSD type of a wire type: ``object`` is ``xs:anyType``, the rest their contract."""
    if isinstance(wire, ObjectType):
        return _ANY_TYPE
    return wire.contract_namespace, wire.contract_name


class _Document:
    """One ``xs:schema`` being written: its imports, its items and its prefix counter."""

    __slots__ = ("imports", "items", "namespace", "prefixes", "uses_ser")

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self.imports: list[str] = []
        self.items: list[str] = []
        self.uses_ser = False
        self.prefixes = 0

    def add_import(self, namespace: str) -> None:
        if (
            namespace != self.namespace
            and namespace not in _NEVER_IMPORTED
            and namespace not in self.imports
        ):
            self.imports.append(namespace)

    def qname(self, qname: tuple[str, str], scope: dict[str, str]) -> tuple[str, str]:
        """``(declaration, prefixed name)``; a new ``qN`` prefix is added to ``scope``."""
        namespace, name = qname
        if not namespace:  # .NET: a name in no namespace is written without a prefix
            return "", name
        if namespace == self.namespace:
            return "", f"tns:{name}"
        if namespace == XS:
            return "", f"xs:{name}"
        if namespace == SER:
            self.uses_ser = True
            return "", f"ser:{name}"
        prefix = scope.get(namespace)
        if prefix is not None:
            return "", f"{prefix}:{name}"
        self.prefixes += 1
        prefix = scope[namespace] = f"q{self.prefixes}"
        return f' xmlns:{prefix}="{_attr(namespace)}"', f"{prefix}:{name}"

    def element(
        self,
        indent: str,
        name: str,
        qname: tuple[str, str],
        *,
        nillable: bool,
        scope: dict[str, str],
        item: bool = False,
        required: bool = False,
        emit_default_value: bool = True,
    ) -> str:
        """A member (or collection item) ``xs:element``: optional unless IsRequired."""
        declaration, type_name = self.qname(qname, dict(scope))
        occurs = 'minOccurs="0" maxOccurs="unbounded" ' if item else 'minOccurs="0" '
        if required:  # Mono: an IsRequired member has no minOccurs (1)
            occurs = ""
        nil = ' nillable="true"' if nillable else ""
        start = (
            f'{indent}<xs:element {occurs}name="{_attr(name)}"{nil}{declaration} '
            f'type="{_attr(type_name)}"'
        )
        if emit_default_value:
            return start + " />\n"
        # Mono: EmitDefaultValue=false is an annotation of the element
        return (
            f"{start}>\n{indent}  <xs:annotation>\n{indent}    <xs:appinfo>\n"
            f'{indent}      <DefaultValue EmitDefaultValue="false" xmlns="{SER}" />\n'
            f"{indent}    </xs:appinfo>\n{indent}  </xs:annotation>\n{indent}</xs:element>\n"
        )

    def text(self) -> str:
        ser = f' xmlns:ser="{SER}"' if self.uses_ser else ""
        ns = _attr(self.namespace)
        if ns:
            head = (
                f'<xs:schema{ser} xmlns:tns="{ns}" elementFormDefault="qualified" '
                f'targetNamespace="{ns}" xmlns:xs="{XS}">\n'
            )
        else:  # .NET's schema of no namespace: no targetNamespace and no tns prefix
            head = f'<xs:schema{ser} elementFormDefault="qualified" xmlns:xs="{XS}">\n'
        imports = "".join(
            f'  <xs:import namespace="{_attr(i)}" />\n' if i else "  <xs:import />\n"
            for i in self.imports
        )
        return head + imports + "".join(self.items) + "</xs:schema>"


def _contract_tp(wire: ContractType) -> Any:
    return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]


def _base_contract(cls: type) -> type | None:
    """The nearest base class that is itself a contract (DataContract's BaseContract); an
    open generic is not (a closed one, ``ApiResponse[Customer]``, is .NET's class)."""
    for klass in cls.__mro__[1:]:
        meta = klass.__dict__.get("__netcontract__")
        if meta is not None and attrs.has(klass) and not _is_open_generic(meta):
            return klass
    return None


def _is_open_generic(meta: ContractMeta) -> bool:
    return meta.generic_pattern is not None and meta.generic_origin is None


def _own_members(info: ContractInfo) -> list[Member]:
    """The members the class declares (a closed generic: those of its open class)."""
    origin = info.cls.__dict__["__netcontract__"].generic_origin
    return [m for m in info.xml_members if m.declaring_class in (info.cls, origin)]


def _generic_annotation(info: ContractInfo) -> str:
    """Mono's ``GenericType`` appinfo of a closed generic: the name pattern and namespace,
    then each argument, nested for an argument that is generic itself (``PairOf{0}{1}{#}``,
    ``NullableOf{0}{#}``)."""
    meta: ContractMeta = info.cls.__dict__["__netcontract__"]
    if meta.generic_origin is None:
        return ""
    pattern = meta.generic_origin.__dict__["__netcontract__"].generic_pattern
    lines = [
        "    <xs:annotation>\n      <xs:appinfo>\n",
        f'        <GenericType Name="{_attr(pattern)}" Namespace="{_attr(info.namespace)}"'
        f' xmlns="{SER}">\n',
    ]
    for arg in meta.generic_args:
        _generic_parameter(resolve_annotation(arg), "          ", lines)
    lines.append("        </GenericType>\n      </xs:appinfo>\n    </xs:annotation>\n")
    return "".join(lines)


def _generic_parameter(slot: Slot, pad: str, lines: list[str]) -> None:
    wire = slot.wire
    inner: list[Slot] = []
    if slot.optional and wire.is_value_type:
        name, ns = "NullableOf{0}{#}", SYSTEM
        inner = [Slot(wire, optional=False)]
    elif isinstance(wire, DictType):
        # Mono: Dictionary<K,V> is the generic KeyValue collection (List<T> is not)
        name, ns = "ArrayOfKeyValueOf{0}{1}{#}", wire.contract_namespace
        inner = [wire.key, wire.value]
    elif isinstance(wire, ContractType) and not wire.type_args:
        meta = wire.cls.__dict__["__netcontract__"]
        name, ns = wire.contract_name, wire.contract_namespace
        if meta.generic_origin is not None:
            name = meta.generic_origin.__dict__["__netcontract__"].generic_pattern
            inner = [resolve_annotation(a) for a in meta.generic_args]
    else:
        name, ns = generic_argument(slot)
    start = f'{pad}<GenericParameter Name="{_attr(name)}" Namespace="{_attr(ns)}"'
    if not inner:
        lines.append(start + " />\n")
        return
    lines.append(start + ">\n")
    for item in inner:
        _generic_parameter(item, pad + "  ", lines)
    lines.append(f"{pad}</GenericParameter>\n")


def _identity(wire: WireType) -> object:
    """What must agree when two wire types carry the same contract name."""
    if isinstance(wire, ContractType | EnumType):
        return wire.cls
    if isinstance(wire, ListType | DictType) and wire.cls not in (list, dict):
        return wire.cls  # a collection contract
    if isinstance(wire, ListType):
        item = wire.item.wire
        return ("list", _type_qname(item), wire.item.clr_nillable, wire.item_name)
    if isinstance(wire, DictType):
        return ("dict", _identity(wire.key.wire), _identity(wire.value.wire), wire.value.optional)
    return type(wire)


def _collect(roots: Iterable[WireType]) -> list[WireType]:
    """The contracts in ``DataContractSet`` insertion order (built-in types left out)."""
    found: dict[tuple[str, str], WireType] = {}

    def add(wire: WireType) -> None:
        if isinstance(wire, ObjectType) or (
            isinstance(wire, PrimitiveType) and wire.primitive.xml_children is None
        ):
            return
        key = (wire.contract_namespace, wire.contract_name)
        known = found.get(key)
        if known is not None:
            if _identity(known) != _identity(wire):
                raise ContractDefinitionError(
                    f"two different types have the data contract name {key[1]!r} in "
                    f"namespace {key[0]!r}; .NET refuses to export such a set"
                )
            return
        found[key] = wire
        if isinstance(wire, ContractType):
            info = contract_info(_contract_tp(wire))
            base = _base_contract(info.cls)
            if base is not None:
                add(contract_info(base).wire)
            for member in _own_members(info):
                add(member.slot.wire)
            # DataContractSet adds a class's known types after its members (Mono)
            for known in own_known(info.cls).values():
                add(resolve_annotation(known).wire)
        elif isinstance(wire, ListType):
            add(wire.item.wire)
        elif isinstance(wire, DictType):
            add(wire.key.wire)
            add(wire.value.wire)

    for root in roots:
        add(root)
    return list(found.values())


def _export_class(doc: _Document, wire: ContractType) -> None:
    info = contract_info(_contract_tp(wire))
    own = _own_members(info)
    base = _base_contract(info.cls)
    base_qname = None
    # imports in SchemaExporter.ExportClassDataContract's order: members, then the base
    for member in own:
        doc.add_import(_type_qname(member.slot.wire)[0])
    if base is not None:
        base_info = contract_info(base)
        base_qname = (base_info.namespace, base_info.name)
        doc.add_import(base_qname[0])

    out = [f'  <xs:complexType name="{_attr(info.name)}">\n', _generic_annotation(info)]
    scope: dict[str, str] = {}
    indent = "      "
    if base_qname is not None:
        declaration, base_name = doc.qname(base_qname, scope)
        out.append('    <xs:complexContent mixed="false">\n')
        out.append(f'      <xs:extension{declaration} base="{_attr(base_name)}">\n')
        indent = "          "
    sequence_indent = indent[:-2]
    if own:
        out.append(f"{sequence_indent}<xs:sequence>\n")
        for member in own:
            out.append(
                doc.element(
                    indent,
                    member.xml_name,
                    _type_qname(member.slot.wire),
                    nillable=member.slot.clr_nillable,
                    scope=scope,
                    required=member.is_required,
                    emit_default_value=member.emit_default_value,
                )
            )
        out.append(f"{sequence_indent}</xs:sequence>\n")
    else:
        out.append(f"{sequence_indent}<xs:sequence />\n")
    if info.is_reference and base_qname is None:
        # Mono's XsdDataContractExporter: IsReference=true is the two attributes, after the
        # sequence (no appinfo); a derived contract inherits them from its base
        doc.add_import(SER)
        doc.uses_ser = True
        out.append('    <xs:attribute ref="ser:Id" />\n    <xs:attribute ref="ser:Ref" />\n')
    if base_qname is not None:
        out.append("      </xs:extension>\n    </xs:complexContent>\n")
    out.append("  </xs:complexType>\n")
    doc.items.extend(out)


def _export_complex_value(doc: _Document, wire: PrimitiveType) -> None:
    """A complex value type (DateTimeOffset) as .NET exports its surrogate contract: an
    ``IsValueType`` annotation, then its children, required and not nillable."""
    primitive = wire.primitive
    assert primitive.xml_children is not None
    for _, type_ns, _ in primitive.xml_children:
        doc.add_import(type_ns)
    doc.add_import(SER)
    scope: dict[str, str] = {}
    out = [
        f'  <xs:complexType name="{_attr(primitive.contract_name)}">\n'
        "    <xs:annotation>\n"
        "      <xs:appinfo>\n"
        f'        <IsValueType xmlns="{SER}">true</IsValueType>\n'
        "      </xs:appinfo>\n"
        "    </xs:annotation>\n"
        "    <xs:sequence>\n"
    ]
    for child, type_ns, type_name in primitive.xml_children:
        out.append(
            doc.element(
                "      ", child, (type_ns, type_name), nillable=False, scope=scope, required=True
            )
        )
    out.append("    </xs:sequence>\n  </xs:complexType>\n")
    doc.items.extend(out)


def _export_list(doc: _Document, wire: ListType) -> None:
    item = wire.item
    qname = _type_qname(item.wire)
    doc.add_import(qname[0])
    element = doc.element(
        "      ", wire.item_name, qname, nillable=item.clr_nillable, scope={}, item=True
    )
    doc.items.append(
        f'  <xs:complexType name="{_attr(wire.contract_name)}">\n'
        f"    <xs:sequence>\n{element}    </xs:sequence>\n"
        f"{_reference_attributes(doc, wire)}"
        "  </xs:complexType>\n"
    )


def _reference_attributes(doc: _Document, wire: ListType | DictType) -> str:
    """Mono: an is_reference collection contract's ``ser:Id`` and ``ser:Ref`` attributes,
    after its sequence (as a class's)."""
    if not wire.is_reference:
        return ""
    doc.add_import(SER)
    doc.uses_ser = True
    return '    <xs:attribute ref="ser:Id" />\n    <xs:attribute ref="ser:Ref" />\n'


def _export_dict(doc: _Document, wire: DictType) -> None:
    """Mono: an ``IsDictionary`` annotation, then the items as an anonymous complex type of a
    required ``Key`` and ``Value`` (nillable where .NET allows null)."""
    key, value = wire.key, wire.value
    key_qname, value_qname = _type_qname(key.wire), _type_qname(value.wire)
    doc.add_import(key_qname[0])
    doc.add_import(value_qname[0])
    scope: dict[str, str] = {}
    pad = "            "
    key_element = doc.element(
        pad, wire.key_name, key_qname, nillable=key.clr_nillable, scope=scope, required=True
    )
    value_element = doc.element(
        pad, wire.value_name, value_qname, nillable=value.clr_nillable, scope=scope, required=True
    )
    name = _attr(wire.contract_name)
    doc.items.append(
        f'  <xs:complexType name="{name}">\n'
        "    <xs:annotation>\n"
        "      <xs:appinfo>\n"
        f'        <IsDictionary xmlns="{SER}">true</IsDictionary>\n'
        "      </xs:appinfo>\n"
        "    </xs:annotation>\n"
        "    <xs:sequence>\n"
        f'      <xs:element minOccurs="0" maxOccurs="unbounded" name="{_attr(wire.item_name)}">\n'
        "        <xs:complexType>\n"
        "          <xs:sequence>\n"
        f"{key_element}{value_element}"
        "          </xs:sequence>\n"
        "        </xs:complexType>\n"
        "      </xs:element>\n"
        "    </xs:sequence>\n"
        f"{_reference_attributes(doc, wire)}"
        "  </xs:complexType>\n"
    )


def _export_enum(doc: _Document, wire: EnumType) -> None:
    """Mono: the serializable members under their wire names, in declaration order; each
    value other than the one .NET would give it (its index, 2**index in a [Flags] enum) in an
    ``EnumerationValue`` annotation; a [Flags] enum is an ``xs:list`` of the enumeration."""
    members = wire.flag_parts
    pad = "    " if wire.flags else ""
    out = [f'  <xs:simpleType name="{_attr(wire.contract_name)}">\n']
    if wire.flags:
        out.append("    <xs:list>\n      <xs:simpleType>\n")
    if not members:
        out.append(f'{pad}    <xs:restriction base="xs:string" />\n')
    else:
        out.append(f'{pad}    <xs:restriction base="xs:string">\n')
        for index, (value, wire_name) in enumerate(members):
            name = _attr(wire_name)
            if value == (1 << index if wire.flags else index):  # .NET's default: no annotation
                out.append(f'{pad}      <xs:enumeration value="{name}" />\n')
                continue
            doc.add_import(SER)
            out.append(
                f'{pad}      <xs:enumeration value="{name}">\n'
                f"{pad}        <xs:annotation>\n"
                f"{pad}          <xs:appinfo>\n"
                f'{pad}            <EnumerationValue xmlns="{SER}">{value}</EnumerationValue>\n'
                f"{pad}          </xs:appinfo>\n"
                f"{pad}        </xs:annotation>\n"
                f"{pad}      </xs:enumeration>\n"
            )
        out.append(f"{pad}    </xs:restriction>\n")
    if wire.flags:
        out.append("      </xs:simpleType>\n    </xs:list>\n")
    out.append("  </xs:simpleType>\n")
    doc.items.extend(out)


def _export(roots: tuple[Any, ...]) -> tuple[tuple[str, str], ...]:
    wires = [resolve_annotation(root).wire for root in roots]
    docs: dict[str, _Document] = {}
    for wire in _collect(wires):
        namespace = wire.contract_namespace
        doc = docs.get(namespace)
        if doc is None:
            doc = docs[namespace] = _Document(namespace)
        if isinstance(wire, ContractType):
            _export_class(doc, wire)
        elif isinstance(wire, ListType):
            _export_list(doc, wire)
        elif isinstance(wire, DictType):
            _export_dict(doc, wire)
        elif isinstance(wire, EnumType):
            _export_enum(doc, wire)
        elif isinstance(wire, PrimitiveType):
            _export_complex_value(doc, wire)
        name = _attr(wire.contract_name)
        type_name = f"tns:{name}" if namespace else name
        doc.items.append(f'  <xs:element name="{name}" nillable="true" type="{type_name}" />\n')
    return ((SER, SERIALIZATION_SCHEMA), *((ns, doc.text()) for ns, doc in docs.items()))


_CACHE: dict[tuple[Any, ...], tuple[tuple[str, str], ...]] = {}


def export_schemas(*classes: Any) -> dict[str, str]:
    """The XSD documents ``XsdDataContractExporter.Export`` writes for ``classes``.

    Returns ``{target namespace: schema text}``: the serialization schema first, then one
    document per contract namespace in the order .NET creates them. The text is what
    ``XmlSchema.Write`` gives through ``XmlWriter.Create(Indent=true, OmitXmlDeclaration)``
    (two-space indentation, ``\\n`` newlines, no declaration, no trailing newline).

    ``classes`` are contract classes (``CustomerGroupDto``), parametrized generic contracts,
    :class:`~netcontract.ContractEnum` contracts, or ``list[...]`` of them. Each set of classes
    is exported once and cached.
    """
    if not classes:
        raise TypeError("export_schemas() needs at least one contract class")
    for cls in classes:
        origin = typing.get_origin(cls) or cls
        if not isinstance(origin, type):
            raise ContractDefinitionError(f"{cls!r} is not a contract class")
    cached = _CACHE.get(classes)
    if cached is None:
        cached = _CACHE[classes] = _export(classes)
    return dict(cached)


def schema_file_name(namespace: str) -> str:
    """The file name ``svcutil`` gives the schema of ``namespace``.

    ``http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto`` →
    ``schemas.datacontract.org.2004.07.Vehizen.Domain.Dto.xsd``.
    """
    name = namespace
    for scheme in ("http://", "https://", "urn:"):
        if name.startswith(scheme):
            name = name[len(scheme) :]
            break
    name = name.strip("/").replace("/", ".").replace(":", ".")
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    return (safe or "schema") + ".xsd"

"""The mapping tables of ``netcontract generate``: XSD types and DataContract features.

Everything the generator knows about what netcontract can declare is data here, so that a
feature landing in the engine (issues 13 and 14) is one entry moved from an "unsupported"
table to a "supported" one, not new code paths:

- :data:`VALUE_TYPES`: the XSD types that map to a netcontract value type (the Python
  annotation, the .NET default, whether it is a CLR value type);
- :data:`UNSUPPORTED_TYPES`: XSD types .NET maps to a CLR type netcontract cannot declare yet;
  a member of such a type is left out and reported;
- :data:`FEATURES`: the schema constructs (DataContract annotations, XmlSerializer-only
  constructs) and what the generator does with each: map it to the closest honest form, leave
  out the member, or leave out the whole type; each is reported with its schema location.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from netcontract.clr.namespaces import ARR, SER, SYSTEM, XS

__all__ = [
    "ARR",
    "FEATURES",
    "SER",
    "SYSTEM",
    "UNSUPPORTED_TYPES",
    "VALUE_TYPES",
    "XS",
    "Action",
    "Feature",
    "ValueType",
]


@attrs.frozen
class ValueType:
    """A schema type netcontract declares directly."""

    annotation: str  #: Python annotation in the generated module (``nc.Int32``)
    default: str  #: the .NET default, as Python source (``0``)
    is_value_type: bool  #: a CLR value type: never nil unless declared ``Nullable<T>``
    imports: tuple[str, ...] = ()  #: standard modules the annotation needs


#: XSD type (namespace, name) -> what netcontract declares for it (XsdDataContractImporter's
#: primitive mapping, restricted to the types the engine supports today)
VALUE_TYPES: Final[dict[tuple[str, str], ValueType]] = {
    (XS, "string"): ValueType("str", "None", is_value_type=False),
    (XS, "boolean"): ValueType("bool", "False", is_value_type=True),
    (XS, "int"): ValueType("nc.Int32", "0", is_value_type=True),
    (XS, "long"): ValueType("nc.Int64", "0", is_value_type=True),
    (XS, "short"): ValueType("nc.Int16", "0", is_value_type=True),
    (XS, "byte"): ValueType("nc.SByte", "0", is_value_type=True),
    (XS, "unsignedByte"): ValueType("nc.Byte", "0", is_value_type=True),
    (XS, "unsignedShort"): ValueType("nc.UInt16", "0", is_value_type=True),
    (XS, "unsignedInt"): ValueType("nc.UInt32", "0", is_value_type=True),
    (XS, "unsignedLong"): ValueType("nc.UInt64", "0", is_value_type=True),
    (XS, "double"): ValueType("float", "0.0", is_value_type=True),
    (XS, "float"): ValueType("nc.Single", "0.0", is_value_type=True),
    (XS, "decimal"): ValueType(
        "decimal.Decimal", "decimal.Decimal(0)", is_value_type=True, imports=("decimal",)
    ),
    (XS, "dateTime"): ValueType("nc.DateTime", "nc.MIN_DATETIME", is_value_type=True),
    (SER, "guid"): ValueType("uuid.UUID", "nc.EMPTY_GUID", is_value_type=True, imports=("uuid",)),
    (SER, "char"): ValueType("nc.Char", '"\\x00"', is_value_type=True),
    (SER, "duration"): ValueType("nc.TimeSpan", "nc.TimeSpan.ZERO", is_value_type=True),
    # a complex type of the System namespace ({DateTime, OffsetMinutes}, IsValueType): svcutil
    # reuses mscorlib's System.DateTimeOffset for it rather than generating a struct
    (SYSTEM, "DateTimeOffset"): ValueType(
        "nc.DateTimeOffset", "nc.DateTimeOffset.MIN_VALUE", is_value_type=True
    ),
    # byte[]: a reference type (null and empty stay different)
    (XS, "base64Binary"): ValueType("bytes", "None", is_value_type=False),
    # System.Uri: a reference type (nc.Uri keeps the original string)
    (XS, "anyURI"): ValueType("nc.Uri", "None", is_value_type=False),
    # System.Xml.XmlQualifiedName: a reference type
    (XS, "QName"): ValueType("nc.XmlQualifiedName", "None", is_value_type=False),
    # a member declared `object`: its runtime type travels as i:type
    (XS, "anyType"): ValueType("object", "None", is_value_type=False),
}

#: XSD types .NET maps to a CLR type netcontract cannot declare yet -> (CLR type, issue)
UNSUPPORTED_TYPES: Final[dict[tuple[str, str], tuple[str, str]]] = {}


class Action(enum.Enum):
    """What the generator does with a construct it cannot reproduce exactly."""

    #: the member or type is generated without the feature (its effect is described)
    MAPPED = "mapped without it"
    #: the member is left out of its class (reading ignores the element, as .NET does for
    #: unknown elements; writing never produces it)
    MEMBER_LEFT_OUT = "member left out"
    #: the whole type is left out; members of that type are left out too
    TYPE_LEFT_OUT = "type left out"
    #: a help page does not tell it: the generator chose, and marks the choice in the module
    INFERRED = "inferred: check it against the server"


@attrs.frozen
class Feature:
    what: str  #: the construct, as a user would search for it
    action: Action
    consequence: str  #: what the generated code does differently from .NET
    issue: str = ""  #: where netcontract tracks it ("" when it is outside DataContract)


#: every construct the generator reports, by key
FEATURES: Final[dict[str, Feature]] = {
    "generic": Feature(
        "generic contract (ser:GenericType annotation)",
        Action.MAPPED,
        "a plain class with the generic instance's contract name; export_schemas does not "
        "write the GenericType annotation",
        "issue 13",
    ),
    "value_type": Feature(
        "struct contract (ser:IsValueType annotation)",
        Action.MAPPED,
        "a class whose members of its type are never nil and default to a new instance; "
        "export_schemas writes them nillable",
        "issue 13",
    ),
    "struct_collection": Feature(
        "list or dictionary of struct contracts (items with ser:IsValueType)",
        Action.MEMBER_LEFT_OUT,
        "a class's list items may be nil where a struct's cannot",
        "issue 13",
    ),
    "enum_actual_type": Feature(
        "enum with a non-int underlying type (ser:ActualType annotation)",
        Action.MAPPED,
        "an enum whose export_schemas has no ActualType annotation",
        "issue 14",
    ),
    "collection_item_name": Feature(
        "collection contract whose item name is not an XML name (CollectionDataContract "
        "ItemName); other names of its own are mapped to nc.collection_contract",
        Action.MEMBER_LEFT_OUT,
        "nc.collection_contract takes XML names only",
        "issue 13",
    ),
    "dictionary": Feature(
        "dictionary (ser:IsDictionary, ArrayOfKeyValueOf...) whose key netcontract cannot "
        "declare (a Double, a contract...) or whose item is not Key then Value",
        Action.MEMBER_LEFT_OUT,
        "",
        "issue 14",
    ),
    "enum_name": Feature(
        "enum value whose .NET name cannot be a Python enum member name (a keyword such as "
        "None, or a name ContractEnum uses)",
        Action.MAPPED,
        "the member is named with a trailing _ and keeps its wire name (nc.enum_member): "
        "XML is the same, but a JSON string holding the .NET name is refused",
    ),
    "enum_alias": Feature(
        "enum values sharing one number",
        Action.MAPPED,
        "only the first name is kept: a document holding another one is refused",
    ),
    "unsupported_type": Feature(
        "a .NET type netcontract cannot declare yet", Action.MEMBER_LEFT_OUT, ""
    ),
    "unknown_type": Feature("a type not defined in the given schemas", Action.MEMBER_LEFT_OUT, ""),
    "left_out_type": Feature("a type that was left out", Action.MEMBER_LEFT_OUT, ""),
    "unresolved_location": Feature(
        "a schemaLocation or wsdl:import that is neither a given file nor one next to the "
        "schema that refers to it (locations are resolved by file name only, never fetched)",
        Action.TYPE_LEFT_OUT,
        "",
    ),
    "any": Feature("xs:any (XmlElement, DataSet, ISerializable)", Action.TYPE_LEFT_OUT, ""),
    "choice": Feature("xs:choice (XmlSerializer only)", Action.TYPE_LEFT_OUT, ""),
    "xml_serializer": Feature(
        "a construct only XmlSerializer uses (attributes, xs:all, groups, element refs, "
        "repeated elements, anonymous types, mixed or simple content, unqualified elements)",
        Action.TYPE_LEFT_OUT,
        "",
    ),
    # help pages (netcontract.generate.helppage): what a page cannot tell
    "page_base_class": Feature(
        "a base class the samples show but the page does not name",
        Action.INFERRED,
        "named <Derived>Base (rename it with names= / --name); export_schemas and i:type use "
        "that name",
    ),
    "page_type_name": Feature(
        "a type only its member's name hints at (no table names it)",
        Action.INFERRED,
        "named after the member, in the namespace the sample suggests",
    ),
    "page_enum_values": Feature(
        "an enum whose values the page shows only in part (no model page with its values)",
        Action.INFERRED,
        "a document holding another value is refused",
    ),
    "page_read_only": Feature(
        "a read-only property (in the JSON sample, not in the XML one)",
        Action.INFERRED,
        "JSON only: computed as its sample value suggests, or a read value is kept",
    ),
    "page_nullability": Feature(
        "value members whose nullability the samples cannot tell",
        Action.INFERRED,
        "declared as listed (docs/vehizen.md §3's rule)",
    ),
    "page_required": Feature(
        "a [Required] member (Web API model validation)",
        Action.INFERRED,
        "IsRequired: a document without the member is refused on reading",
    ),
    "page_unsupported": Feature(
        "a member of a type netcontract cannot declare yet (a dictionary...)",
        Action.MEMBER_LEFT_OUT,
        "",
        "issue 14",
    ),
    "page_no_sample": Feature(
        "a body type without a readable XML and JSON sample", Action.TYPE_LEFT_OUT, ""
    ),
    "simple_type": Feature(
        "a simple type that is not an enum (restriction facets, unions)",
        Action.TYPE_LEFT_OUT,
        "",
    ),
}

"""netcontract: WCF DataContract XML and Json.NET JSON, byte for byte, for attrs classes.

Declare contracts with :func:`contract` and :func:`member`, then convert with
:func:`from_json`, :func:`to_json`, :func:`from_xml` and :func:`to_xml`.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Final

from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.objects import AnyObject, Boxed, BoxedCollection
from netcontract.clr.own_types import register_value_type
from netcontract.clr.qname import XmlQualifiedName
from netcontract.clr.single import to_single
from netcontract.clr.timespan import TimeSpan
from netcontract.clr.uri import Uri
from netcontract.clr.value_types import (
    Byte,
    Char,
    Int16,
    Int32,
    Int64,
    SByte,
    Single,
    UInt16,
    UInt32,
    UInt64,
)
from netcontract.conversions import (
    from_json,
    from_wcf_json,
    from_xml,
    to_json,
    to_wcf_json,
    to_xml,
)
from netcontract.converters import JsonConverter, XmlConverter, json_converter, xml_converter
from netcontract.errors import (
    ApiError,
    ContractDefinitionError,
    FormPayloadError,
    FormSyntaxError,
    InputTypeError,
    JsonPayloadError,
    JsonSyntaxError,
    NetContractError,
    PayloadError,
    Problem,
    QuotaExceededError,
    SchemaError,
    SerializationError,
    UnreadableBodyError,
    UnsupportedMediaTypeError,
    XmlPayloadError,
    XmlSyntaxError,
)
from netcontract.generate import generate
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, Limits
from netcontract.model.contract import (
    collection_contract,
    computed,
    contract,
    known_contracts,
    member,
)
from netcontract.model.enums import ContractEnum, ContractFlag, enum_member
from netcontract.model.extension import ExtensionData
from netcontract.model.plan import ContractInfo, Member, contract_info
from netcontract.stream import (
    JsonListWriter,
    XmlListWriter,
    iter_json,
    iter_xml,
    write_json_items,
    write_xml_items,
)
from netcontract.testing.corpus import draw_corpus, write_corpus
from netcontract.webapi.forms import from_form, to_form
from netcontract.webapi.help_page import HELP_PAGE_NOW, help_page_sample
from netcontract.webapi.media import Negotiated, decode_body, encode_body, negotiate
from netcontract.xsd.export import export_schemas
from netcontract.xsd.validate import validate_xml

__all__ = [
    "DEFAULT_LIMITS",
    "EMPTY_GUID",
    "HELP_PAGE_NOW",
    "MIN_DATETIME",
    "AnyObject",
    "ApiError",
    "Boxed",
    "BoxedCollection",
    "Byte",
    "Char",
    "ContractDefinitionError",
    "ContractEnum",
    "ContractFlag",
    "ContractInfo",
    "DateTime",
    "DateTimeKind",
    "DateTimeOffset",
    "Double",
    "ExtensionData",
    "FormPayloadError",
    "FormSyntaxError",
    "InputTypeError",
    "Int16",
    "Int32",
    "Int64",
    "JsonConverter",
    "JsonListWriter",
    "JsonPayloadError",
    "JsonSettings",
    "JsonSyntaxError",
    "Limits",
    "Member",
    "Negotiated",
    "NetContractError",
    "PayloadError",
    "Problem",
    "QuotaExceededError",
    "SByte",
    "SchemaError",
    "SerializationError",
    "Single",
    "TimeSpan",
    "UInt16",
    "UInt32",
    "UInt64",
    "UnreadableBodyError",
    "UnsupportedMediaTypeError",
    "Uri",
    "XmlConverter",
    "XmlListWriter",
    "XmlPayloadError",
    "XmlQualifiedName",
    "XmlSyntaxError",
    "collection_contract",
    "computed",
    "contract",
    "contract_info",
    "decode_body",
    "draw_corpus",
    "encode_body",
    "enum_member",
    "export_schemas",
    "from_form",
    "from_json",
    "from_wcf_json",
    "from_xml",
    "generate",
    "help_page_sample",
    "iter_json",
    "iter_xml",
    "json_converter",
    "known_contracts",
    "member",
    "negotiate",
    "register_value_type",
    "to_form",
    "to_json",
    "to_single",
    "to_wcf_json",
    "to_xml",
    "validate_xml",
    "write_corpus",
    "write_json_items",
    "write_xml_items",
    "xml_converter",
]

#: ``Guid.Empty``, the default of a ``Guid`` member
EMPTY_GUID: Final = uuid.UUID(int=0)
#: ``DateTime.MinValue`` (0001-01-01T00:00:00, Unspecified), the default of a ``DateTime`` member
MIN_DATETIME: Final = DateTime(0)
#: a ``System.Double`` member (Python's float; the alias exists for symmetry with Int32 and co.)
Double = float

for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("netcontract."):
        with contextlib.suppress(AttributeError, TypeError):  # aliases and builtins
            _obj.__module__ = "netcontract"

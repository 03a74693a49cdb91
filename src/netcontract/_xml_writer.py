"""DataContract XML writer: the bytes ASP.NET Web API writes (DataContractSerializer over
``XmlWriter.Create``, "path B" in ``shared/design/dotnet-serialization-rules.md``).

- root ``<Name xmlns:i="XSI" xmlns="NS">``; no XML declaration
- members base class first, ordinal by name within a class, each in its declaring class's
  namespace; an element in an unbound namespace gets ``xmlns="…"`` (written last)
- a member whose declared type is a class or collection from another namespace declares it
  as ``xmlns:d{depth}p{n}`` (even when null); so does an ``i:type`` from an unbound namespace
- ``<X i:nil="true" />``, ``<X />`` for an empty collection, ``<Data />`` for a bare object
- indented layout: two spaces per level, ``\\n``; text stays on the element's line
- text escapes ``& < >`` and keeps a carriage return as ``&#xD;``; characters XML 1.0 cannot
  carry are refused
"""

from __future__ import annotations

import decimal
import enum
import re
import uuid
from typing import Any, Final

from netcontract import _paths
from netcontract._clr import (
    BOOLEAN,
    DATETIME,
    DECIMAL,
    DOUBLE,
    GUID,
    INT64,
    STRING,
    XSI,
)
from netcontract._contract import ContractInfo, contract_info, is_contract
from netcontract._datetime import DateTime
from netcontract._errors import Problem
from netcontract._json_codec import Boxed
from netcontract._types import (
    AnyObject,
    ContractType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    WireType,
)

__all__ = ["write_xml"]

_INVALID_XML_CHAR: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEEDS_ESCAPE: Final = re.compile("[&<>\r]")
_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"}

Scope = dict[str, str]  # namespace -> prefix in scope ("" = default namespace)


def _escape_match(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def escape_text(text: str) -> str:
    """Element text as XmlWriter writes it; raises ValueError for characters XML cannot carry."""
    bad = _INVALID_XML_CHAR.search(text)
    if bad is not None:
        char = bad.group()
        raise ValueError(
            f"character U+{ord(char):04X} at index {bad.start()} cannot be written in XML 1.0"
        )
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return _NEEDS_ESCAPE.sub(_escape_match, text)


class _Writer:
    __slots__ = ("indent", "parts", "problems")

    def __init__(self, indent: bool) -> None:
        self.parts: list[str] = []
        self.indent = indent
        self.problems: list[Problem] = []

    # -- element start -------------------------------------------------------------
    def start(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        nil: bool,
    ) -> tuple[str, Scope]:
        """Open a start tag (without its closing ``>``); returns (qualified name, scope)."""
        prefix = scope.get(ns)
        implicit = None
        if prefix is None:
            implicit = ns
            new_scope = {k: v for k, v in scope.items() if v != ""}
            new_scope[ns] = ""
            scope = new_scope
            prefix = ""
        qname = f"{prefix}:{local}" if prefix else local
        attrs = ""
        count = 0
        if declare is not None and declare not in scope:
            count += 1
            new_prefix = f"d{depth}p{count}"
            attrs += f' xmlns:{new_prefix}="{declare}"'
            scope = {**scope, declare: new_prefix}
        if xsi_type is not None:
            type_ns, type_name = xsi_type
            type_prefix = scope.get(type_ns)
            if type_prefix is None:
                count += 1
                type_prefix = f"d{depth}p{count}"
                attrs += f' xmlns:{type_prefix}="{type_ns}"'
                scope = {**scope, type_ns: type_prefix}
            attrs += (
                f' i:type="{type_prefix}:{type_name}"' if type_prefix else f' i:type="{type_name}"'
            )
        if nil:
            attrs += ' i:nil="true"'
        if implicit is not None:
            attrs += f' xmlns="{implicit}"'
        if self.indent and depth > 1:
            self.parts.append("\n" + "  " * (depth - 1))
        self.parts.append(f"<{qname}{attrs}")
        return qname, scope

    # -- values ----------------------------------------------------------------------
    def member(
        self,
        local: str,
        ns: str,
        slot: Slot,
        value: Any,
        scope: Scope,
        depth: int,
        path: str,
    ) -> None:
        """Write one member or item element whose declared type is ``slot``."""
        declared = slot.wire
        declare = None
        if isinstance(declared, ContractType | ListType) and declared.contract_namespace not in (
            ns,
            "",
        ):
            declare = declared.contract_namespace
        if value is None:
            if slot.optional or not declared.is_value_type:
                self.start(local, ns, scope, depth, declare, None, nil=True)
                self.parts.append(" />")
            else:
                self.problems.append(
                    Problem(path, f"None is not allowed: {_clr_name(declared)} is a value type")
                )
            return
        runtime, needs_type = self._runtime_wire(declared, value, path)
        if runtime is None:
            return
        xsi_type = (runtime.contract_namespace, runtime.contract_name) if needs_type else None
        if isinstance(runtime, PrimitiveType):
            try:
                text = runtime.primitive.xml_text(runtime.primitive.check(_unbox(value)))
                if runtime.primitive is STRING:
                    text = escape_text(text)
            except (ValueError, TypeError) as exc:
                self.problems.append(Problem(path, str(exc)))
                return
            self._text_element(local, ns, scope, depth, declare, xsi_type, text)
        elif isinstance(runtime, EnumType):
            name = runtime.names.get(int(value))
            if name is None:
                self.problems.append(
                    Problem(
                        path,
                        f"enum value '{int(value)}' is invalid for type {runtime.cls.__name__}: "
                        "DataContractSerializer can only write named values",
                    )
                )
                return
            self._text_element(local, ns, scope, depth, declare, xsi_type, name)
        elif isinstance(runtime, ContractType):
            qname, inner = self.start(local, ns, scope, depth, declare, xsi_type, nil=False)
            info = contract_info(type(value))
            self._children_of_contract(qname, info, value, inner, depth, path)
        elif isinstance(runtime, ListType):
            qname, inner = self.start(local, ns, scope, depth, declare, xsi_type, nil=False)
            if not value:
                self.parts.append(" />")
                return
            self.parts.append(">")
            item_slot = runtime.item
            item_ns = runtime.contract_namespace
            item_name = runtime.item_name
            for index, item in enumerate(value):
                self.member(
                    item_name, item_ns, item_slot, item, inner, depth + 1, _paths.item(path, index)
                )
            self._end(qname, depth)
        elif isinstance(runtime, ObjectType):
            # a bare System.Object: no type attribute and no content (.NET writes <Data />)
            self.start(local, ns, scope, depth, declare, None, nil=False)
            self.parts.append(" />")
        else:  # pragma: no cover
            raise AssertionError(runtime)

    def _text_element(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        text: str,
    ) -> None:
        qname, _ = self.start(local, ns, scope, depth, declare, xsi_type, nil=False)
        if text:
            self.parts.append(f">{text}</{qname}>")
        else:
            self.parts.append(f"></{qname}>")

    def _children_of_contract(
        self, qname: str, info: ContractInfo, obj: Any, scope: Scope, depth: int, path: str
    ) -> None:
        members = info.xml_members
        if not members:
            self.parts.append(" />")
            return
        self.parts.append(">")
        child_depth = depth + 1
        for m in members:
            self.member(
                m.xml_name,
                m.xml_namespace,
                m.slot,
                getattr(obj, m.attr),
                scope,
                child_depth,
                _paths.join(path, m.wire_name),
            )
        self._end(qname, depth)

    def _end(self, qname: str, depth: int) -> None:
        if self.indent:
            self.parts.append("\n" + "  " * (depth - 1) + f"</{qname}>")
        else:
            self.parts.append(f"</{qname}>")

    def _runtime_wire(
        self, declared: WireType, value: Any, path: str
    ) -> tuple[WireType | None, bool]:
        """The wire type of ``value`` and whether it differs from the declared one (i:type)."""
        if isinstance(declared, ContractType):
            kind = type(value)
            if kind is declared.cls:
                return declared, False
            if isinstance(value, declared.cls) and is_contract(kind):
                return contract_info(kind).wire, True
            self.problems.append(
                Problem(path, f"expected a {declared.cls.__name__}, got {kind.__name__}")
            )
            return None, False
        if isinstance(declared, ObjectType):
            if declared.expected is not None and not isinstance(value, AnyObject | Boxed):
                expected = declared.expected.wire
                if isinstance(expected, ContractType):
                    runtime, _ = self._runtime_wire(expected, value, path)
                    return runtime, runtime is not None
                return expected, True
            runtime = _wire_of_python_value(value)
            if runtime is None:
                self.problems.append(Problem(path, _untyped_problem(value)))
                return None, False
            return runtime, not isinstance(runtime, ObjectType)
        if isinstance(declared, ListType) and not isinstance(value, list | tuple):
            self.problems.append(Problem(path, f"expected a list, got {type(value).__name__}"))
            return None, False
        if isinstance(declared, EnumType) and not (
            isinstance(value, declared.cls) or type(value) is int
        ):
            self.problems.append(
                Problem(path, f"expected a {declared.cls.__name__}, got {value!r}")
            )
            return None, False
        return declared, False


_BARE_OBJECT: Final = ObjectType()
_WIRE_OF_PYTHON_TYPE: Final[dict[type, WireType]] = {
    str: PrimitiveType(STRING),
    bool: PrimitiveType(BOOLEAN),
    # Json.NET reads any JSON integer into an object member as Int64, so a plain int is a long
    int: PrimitiveType(INT64),
    float: PrimitiveType(DOUBLE),
    decimal.Decimal: PrimitiveType(DECIMAL),
    uuid.UUID: PrimitiveType(GUID),
    DateTime: PrimitiveType(DATETIME),
    AnyObject: _BARE_OBJECT,
}


def _wire_of_python_value(value: Any) -> WireType | None:
    kind = type(value)
    wire = _WIRE_OF_PYTHON_TYPE.get(kind)
    if wire is not None:
        return wire
    if kind is Boxed:
        return PrimitiveType(value.primitive)
    if is_contract(kind):
        return contract_info(kind).wire
    if isinstance(value, enum.IntEnum) and "__netcontract__" in kind.__dict__:
        meta = kind.__dict__["__netcontract__"]
        return EnumType(
            kind,
            meta.name,
            meta.xml_namespace,
            names={int(m): m.name for m in kind},
            values={m.name: m for m in kind},
        )
    return None


def _untyped_problem(value: Any) -> str:
    if isinstance(value, dict | list):
        return (
            "an untyped JSON value cannot be written as XML: its .NET type is unknown; "
            "read the JSON with a parametrized contract (e.g. ResponseDto[CustomerGroupDto])"
        )
    return f"a {type(value).__name__} has no data-contract type"


def _unbox(value: Any) -> Any:
    return value.value if type(value) is Boxed else value


def _clr_name(wire: WireType) -> str:
    if isinstance(wire, PrimitiveType):
        return wire.primitive.clr_name
    return wire.contract_name


def write_xml(obj: Any, *, indent: bool = False) -> tuple[str, list[Problem]]:
    """Serialize a contract instance as its root element; returns the text and any problems."""
    info = contract_info(type(obj))
    writer = _Writer(indent)
    ns = info.namespace
    scope: Scope = {XSI: "i"}
    if ns:
        writer.parts.append(f'<{info.name} xmlns:i="{XSI}" xmlns="{ns}"')
        scope[ns] = ""
    else:
        writer.parts.append(f'<{info.name} xmlns:i="{XSI}"')
    writer._children_of_contract(info.name, info, obj, scope, 1, "")
    return "".join(writer.parts), writer.problems

"""DataContract XML writer: the bytes ASP.NET Web API writes (DataContractSerializer over
``XmlWriter.Create``, "path B" in ``docs/xml-rules.md`` §1).

- root ``<Name xmlns:i="XSI" xmlns="NS">``; no XML declaration
- members base class first, ordinal by name within a class, each in its declaring class's
  namespace; an element in an unbound namespace gets ``xmlns="…"`` (written last)
- a member whose declared type is a class or collection from another namespace declares it
  as ``xmlns:d{depth}p{n}`` (even when null); so does an ``i:type`` from an unbound namespace
- ``<X i:nil="true" />``, ``<X />`` for an empty collection, ``<Data />`` for a bare object
- indented layout: two spaces per level, ``\\n``; text stays on the element's line
- text escapes ``& < >`` and keeps a carriage return as ``&#xD;``; characters XML 1.0 cannot
  carry are refused

``stream=True`` is the layout of ``WriteObject(Stream)`` (XmlDictionaryWriter's text writer,
Mono): ``xmlns`` before ``xmlns:i`` on the root, prefixes ``a``, ``b``... (the first letter not
bound in scope), every namespace declaration after the other attributes, ``<X/>`` (also for an
empty string); never indented.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.namespaces import SER, XSI
from netcontract.clr.objects import AnyObject, Boxed, BoxedCollection
from netcontract.clr.value_types import (
    ValueType,
    check_no_lone_surrogate,
    for_untyped_value,
)
from netcontract.codegen import Fallback, Source, fell_back, generated_paths
from netcontract.errors import NetContractError, Problem
from netcontract.model import paths as _paths
from netcontract.model.contract import is_contract
from netcontract.model.defaults import omitted
from netcontract.model.extension import EXTENSION_ATTR, ExtensionData
from netcontract.model.keys import key_problems
from netcontract.model.known import (
    EMPTY,
    carries_offset,
    initial_scope,
    is_known,
    is_known_collection,
    is_known_offset,
    not_expected_message,
    own_known,
    with_own,
)
from netcontract.model.known import (
    Scope as KnownScope,
)
from netcontract.model.names import encode_local_name
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
    collection_of,
    enum_type,
)
from netcontract.xml.extension import attribute_text as _attribute_text
from netcontract.xml.extension import write_member

__all__ = ["readable_namespace", "write_xml"]

_INVALID_XML_CHAR: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEEDS_ESCAPE: Final = re.compile("[&<>\r]")
_ATTRIBUTE_ESCAPES: Final = re.compile('[&<>"\t\n\r]')
_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"}

Scope = dict[str, str]  # namespace -> prefix in scope ("" = default namespace)

#: the prefixes bound without a declaration (XmlWriter's LookupPrefix finds them last)
_PREDEFINED: Final = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/2000/xmlns/": "xmlns",
}


@functools.lru_cache(maxsize=1024)
def readable_namespace(namespace: str) -> bool:
    """A namespace the XML parser reads back from a declaration (libxml2 refuses some URIs
    .NET writes: spaces, non-ASCII, ``<``, a ``%`` that starts no escape...)."""
    from netcontract.xml.parse import parse_xml  # noqa: PLC0415 - only for this check

    if _INVALID_XML_CHAR.search(namespace):
        return False
    try:
        parse_xml(f'<a xmlns:p="{_attribute_text(namespace)}"/>'.encode())
    except NetContractError:
        return False
    return True


class _Qualified:
    """What an XmlQualifiedName element needs from :meth:`_Writer.start`: the value's
    namespace to declare (None: none, the empty name) and whether the element is ``q:``
    prefixed (declared XmlQualifiedName); ``prefix`` is set to the text's prefix."""

    __slots__ = ("element_prefix", "namespace", "prefix")

    def __init__(self, namespace: str | None, element_prefix: bool) -> None:
        self.namespace = namespace
        self.element_prefix = element_prefix
        self.prefix = ""


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


PURE: Final = {"escape_text": escape_text}
"""The pure-Python reference of each function that has a compiled version."""

if _extension is not None:  # registered even when not in use, for the differential tests
    _extension.set_fallback("escape_text", escape_text)
if _speedups is not None:
    escape_text = _speedups.escape_text


class _Writer:
    __slots__ = ("empty", "ids", "indent", "known", "parts", "problems", "stream")

    def __init__(self, indent: bool, stream: bool = False, known: KnownScope = EMPTY) -> None:
        #: the types known here (netcontract.model.known): the document's, then those of
        #: each contract on the path being written
        self.known = known
        self.parts: list[str] = []
        self.indent = indent
        #: the "stream" layout (WriteObject(Stream)): prefixes a, b..., namespace declarations
        #: after the other attributes, "/>"; never indented
        self.stream = stream
        self.empty = "/>" if stream else " />"
        self.problems: list[Problem] = []
        #: is_reference objects written so far: id() -> (z:Id, the object, kept alive so
        #: that its id() is not reused)
        self.ids: dict[int, tuple[str, Any]] = {}

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
        ser: str = "",
        type_first: bool = False,
        qualified: _Qualified | None = None,
        items_declare: str | None = None,
    ) -> tuple[str, Scope]:
        """Open a start tag (without its closing ``>``); returns (qualified name, scope).

        ``ser`` is a ``z:Id``/``z:Ref`` attribute (is_reference); Mono writes it after a
        ``xmlns:d2p1`` declaration, before ``i:type`` (after it in an ``object`` member:
        ``type_first``), and declares ``xmlns:z`` after both where it is not in scope.

        ``qualified``: the element holds an XmlQualifiedName, whose namespace it declares
        (:class:`_Qualified`, which receives the prefix of its text)."""
        if self.stream:
            return self._stream_start(
                local,
                ns,
                scope,
                depth,
                declare,
                xsi_type,
                nil,
                ser,
                type_first,
                qualified,
                items_declare,
            )
        prefix = scope.get(ns)
        implicit = None
        own = ""
        if qualified is not None and qualified.element_prefix and ns:
            # .NET (XmlFormatWriterGenerator's NeedsPrefix) writes a member declared
            # XmlQualifiedName as q:Name, declaring q last: its namespace may be the one the
            # value needs (q:name) and the empty one can then be declared
            prefix = "q"
            own = f' xmlns:q="{_attribute_text(ns)}"'
            scope = {k: v for k, v in scope.items() if v != "q"}
            scope[ns] = "q"
        elif prefix is None:
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
        if ser and not type_first:
            attrs += ser
        if xsi_type is not None:
            type_ns, type_name = xsi_type
            type_prefix = scope.get(type_ns)
            if type_ns == "" and implicit is None:
                # Mono declares the empty namespace again before an i:type in it, even where
                # it is the default already (write_value refuses where it is not)
                attrs += ' xmlns=""'
                type_prefix = ""
            elif type_prefix is None:
                count += 1
                type_prefix = f"d{depth}p{count}"
                attrs += f' xmlns:{type_prefix}="{type_ns}"'
                scope = {**scope, type_ns: type_prefix}
            attrs += (
                f' i:type="{type_prefix}:{type_name}"' if type_prefix else f' i:type="{type_name}"'
            )
        if qualified is not None and qualified.namespace is not None:
            # XmlWriterDelegator.WriteQName: xmlns="" for the empty namespace, else the
            # prefix in scope (LookupPrefix: the latest declaration), else d{depth}p{n}
            value_ns = qualified.namespace
            if value_ns == "":
                attrs += ' xmlns=""'
                qualified.prefix = ""
            else:
                found = scope.get(value_ns, _PREDEFINED.get(value_ns))
                if found is None:
                    count += 1
                    found = f"d{depth}p{count}"
                    attrs += f' xmlns:{found}="{_attribute_text(value_ns)}"'
                    scope = {**scope, value_ns: found}
                qualified.prefix = found
        if items_declare is not None and items_declare not in scope:
            # Mono: after the collection's own namespace, and after an i:type naming it
            # (<O xmlns:d2p1="urn:n" i:type="d2p1:OtherItems" xmlns:d2p2="urn:x">)
            count += 1
            new_prefix = f"d{depth}p{count}"
            attrs += f' xmlns:{new_prefix}="{items_declare}"'
            scope = {**scope, items_declare: new_prefix}
        if ser:
            if type_first:
                attrs += ser
            if SER not in scope:
                attrs += f' xmlns:z="{SER}"'
                scope = {**scope, SER: "z"}
        if nil:
            attrs += ' i:nil="true"'
        if implicit is not None:
            attrs += f' xmlns="{implicit}"'
        attrs += own
        if self.indent and depth > 1:
            self.parts.append("\n" + "  " * (depth - 1))
        self.parts.append(f"<{qname}{attrs}")
        return qname, scope

    def _stream_start(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        nil: bool,
        ser: str,
        type_first: bool,
        qualified: _Qualified | None = None,
        items_declare: str | None = None,
    ) -> tuple[str, Scope]:
        """:meth:`start` in the stream layout (Mono's XmlDictionaryWriter text writer): the
        attributes in the order path B writes them, then every namespace declaration in the
        order it was made (the element's own namespace first: its default or, for a member
        declared XmlQualifiedName, ``xmlns:q``); a new prefix is the first of ``a``...``z``
        not bound in scope."""
        decls = ""
        prefix = scope.get(ns)
        #: a prefix still bound in scope though its namespace now has "q" (Mono makes up
        #: another: <a:L xmlns:a="ARR"><q:QName xmlns:q="ARR" xmlns:b="urn:o">b:n)
        shadowed = ""
        if qualified is not None and qualified.element_prefix and ns:
            # Mono: <q:Q xmlns:q="ns" xmlns:a="urn:o">a:n</q:Q>, q declared first
            shadowed = prefix or ""
            prefix = "q"
            decls += f' xmlns:q="{_attribute_text(ns)}"'
            scope = {k: v for k, v in scope.items() if v != "q"}
            scope[ns] = "q"
        elif prefix is None:
            scope = {k: v for k, v in scope.items() if v != ""}
            scope[ns] = ""
            prefix = ""
            decls += f' xmlns="{ns}"'
        qname = f"{prefix}:{local}" if prefix else local
        attrs = ser if ser and not type_first else ""
        if declare is not None and declare not in scope:
            new_prefix = _free_prefix(scope, depth)
            decls += f' xmlns:{new_prefix}="{declare}"'
            scope = {**scope, declare: new_prefix}
        if xsi_type is not None:
            type_ns, type_name = xsi_type
            type_prefix = scope.get(type_ns)
            if type_prefix is None:
                type_prefix = _free_prefix(scope, depth)
                decls += f' xmlns:{type_prefix}="{type_ns}"'
                scope = {**scope, type_ns: type_prefix}
            attrs += (
                f' i:type="{type_prefix}:{type_name}"' if type_prefix else f' i:type="{type_name}"'
            )
        if qualified is not None and qualified.namespace is not None:
            # the prefix in scope (the latest declaration), else a new letter; the empty
            # namespace where it is the default already needs nothing (Mono: <Q>a</Q>)
            value_ns = qualified.namespace
            found = scope.get(value_ns, _PREDEFINED.get(value_ns))
            if found is None:
                if value_ns == "":
                    decls += ' xmlns=""'
                    found = ""
                    scope = {k: v for k, v in scope.items() if v != ""}
                else:
                    found = _free_prefix(scope, depth, shadowed)
                    decls += f' xmlns:{found}="{_attribute_text(value_ns)}"'
                scope = {**scope, value_ns: found}
            qualified.prefix = found
        if items_declare is not None and items_declare not in scope:
            # Mono: after the collection's own namespace and an i:type naming it
            # (<O i:type="a:OtherItems" xmlns:a="urn:n" xmlns:b="urn:x">)
            new_prefix = _free_prefix(scope, depth)
            decls += f' xmlns:{new_prefix}="{items_declare}"'
            scope = {**scope, items_declare: new_prefix}
        if ser:
            if type_first:
                attrs += ser
            if SER not in scope:
                decls += f' xmlns:z="{SER}"'
                scope = {**scope, SER: "z"}
        if nil:
            attrs += ' i:nil="true"'
        self.parts.append(f"<{qname}{attrs}{decls}")
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
        declare = _declared_namespace(slot, ns)
        if value is None:
            if slot.optional or not declared.is_value_type:
                self.start(local, ns, scope, depth, declare, None, nil=True)
                self.parts.append(self.empty)
            else:
                self.problems.append(
                    Problem(path, f"None is not allowed: {_clr_name(declared)} is a value type")
                )
            return
        runtime, needs_type = self._runtime_wire(declared, value, path)
        if runtime is None:
            return
        if type(value) is BoxedCollection:
            value = value.value
        xsi_type = (runtime.contract_namespace, runtime.contract_name) if needs_type else None
        if xsi_type is not None and xsi_type[0] == "" and ns != "":
            # an i:type in no namespace needs xmlns="" on an element of another namespace (its
            # default): the same tag cannot declare both (Mono: "The prefix '' cannot be
            # redefined from 'urn:box' to '' within the same start element tag")
            self.problems.append(
                Problem(
                    path,
                    f'{runtime.contract_name} is in no namespace (Namespace=""): .NET cannot '
                    "write it as an i:type inside an element of a namespace",
                )
            )
            return
        if isinstance(runtime, PrimitiveType) and runtime.primitive.xml_qualified:
            prefixed = isinstance(declared, PrimitiveType) and declared.primitive.xml_qualified
            self._qualified_name(
                local, ns, scope, depth, declare, xsi_type, runtime, value, path, prefixed
            )
        elif isinstance(runtime, PrimitiveType) and runtime.primitive.xml_children is not None:
            self._complex_value(local, ns, scope, depth, declare, xsi_type, runtime, value, path)
        elif isinstance(runtime, PrimitiveType):
            try:
                text = runtime.primitive.xml_text(runtime.primitive.check(_unbox(value)))
                if runtime.primitive.xml_escapes:
                    text = escape_text(text)
            except (ValueError, TypeError) as exc:
                self.problems.append(Problem(path, str(exc)))
                return
            self._text_element(
                local, ns, scope, depth, declare, xsi_type, text, runtime.primitive.xml_empty_closes
            )
        elif isinstance(runtime, EnumType):
            name = runtime.xml_text(int(value))
            if name is None:
                self.problems.append(Problem(path, runtime.unwritable(int(value))))
                return
            # Mono: a [Flags] 0 without a zero member is an empty, self-closed element
            self._text_element(local, ns, scope, depth, declare, xsi_type, escape_text(name), True)
        elif isinstance(runtime, ContractType):
            info = contract_info(type(value))
            ser = ""
            type_first = isinstance(declared, ObjectType)
            if info.is_reference:
                seen = self.ids.get(id(value))
                if seen is not None:
                    # Mono: <B z:Ref="i1" />, without i:nil (its preserveObjectReferences mode adds
                    # i:nil="true"; both are read), i:type only in an object member
                    ref_type = xsi_type if type_first else None
                    ref = f' z:Ref="{seen[0]}"'
                    self.start(local, ns, scope, depth, declare, ref_type, False, ref, type_first)
                    self.parts.append(self.empty)
                    return
                ser = f' z:Id="{self.new_id(value)}"'
            qname, inner = self.start(
                local, ns, scope, depth, declare, xsi_type, False, ser, type_first
            )
            self._children_of_contract(qname, info, value, inner, depth, path)
        elif isinstance(runtime, ListType | DictType) and runtime.is_reference:
            type_first = isinstance(declared, ObjectType)
            seen = self.ids.get(id(value))
            if seen is not None:  # Mono: <B z:Ref="i1" xmlns:z="..." />, as for a contract
                ref = f' z:Ref="{seen[0]}"'
                ref_type = xsi_type if type_first else None
                self.start(local, ns, scope, depth, declare, ref_type, False, ref, type_first)
                self.parts.append(self.empty)
                return
            ser = f' z:Id="{self.new_id(value)}"'
            self._collection(
                local, ns, scope, depth, declare, xsi_type, runtime, value, path, ser, type_first
            )
        elif isinstance(runtime, ListType):
            self._collection(local, ns, scope, depth, declare, xsi_type, runtime, value, path)
        elif isinstance(runtime, DictType):
            self._dictionary(local, ns, scope, depth, declare, xsi_type, runtime, value, path)
        elif isinstance(runtime, ObjectType):
            # a bare System.Object: no type attribute and no content (.NET writes <Data />)
            self.start(local, ns, scope, depth, declare, None, nil=False)
            self.parts.append(self.empty)
        else:  # pragma: no cover
            raise AssertionError(runtime)

    def _collection(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        runtime: ListType | DictType,
        value: Any,
        path: str,
        ser: str = "",
        type_first: bool = False,
    ) -> None:
        """A list (or, through ``_dictionary``, a dictionary) element and its items."""
        if isinstance(runtime, DictType):
            self._dictionary(
                local, ns, scope, depth, declare, xsi_type, runtime, value, path, ser, type_first
            )
            return
        # Mono: a collection contract whose items' type is in another namespace declares
        # it too (<X xmlns:d2p1="urn:n" xmlns:d2p2="urn:x">), before writing any item
        items_declare = _declared_namespace(runtime.item, runtime.contract_namespace)
        qname, inner = self.start(
            local,
            ns,
            scope,
            depth,
            declare,
            xsi_type,
            nil=False,
            ser=ser,
            type_first=type_first,
            items_declare=items_declare,
        )
        if not value:
            self.parts.append(self.empty)
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

    def _dictionary(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        runtime: DictType,
        value: dict[Any, Any],
        path: str,
        ser: str = "",
        type_first: bool = False,
    ) -> None:
        """A ``Dictionary<K,V>``: one ``KeyValueOf...`` item per entry, in insertion order,
        each with its ``Key`` and ``Value`` (Mono), all in the Arrays namespace."""
        qname, inner = self.start(
            local, ns, scope, depth, declare, xsi_type, nil=False, ser=ser, type_first=type_first
        )
        if not value:
            self.parts.append(self.empty)
            return
        self.parts.append(">")
        item_ns = runtime.contract_namespace
        _check_distinct_keys(runtime, value, path, self.problems)
        self.problems.extend(key_problems(runtime, value, path))
        for key, item in value.items():
            item_path = _paths.key(path, key)
            item_qname, item_scope = self.start(
                runtime.item_name, item_ns, inner, depth + 1, None, None, nil=False
            )
            self.parts.append(">")
            key_name, value_name = runtime.key_name, runtime.value_name
            self.member(key_name, item_ns, runtime.key, key, item_scope, depth + 2, item_path)
            self.member(value_name, item_ns, runtime.value, item, item_scope, depth + 2, item_path)
            self._end(item_qname, depth + 1)
        self._end(qname, depth)

    def new_id(self, value: Any) -> str:
        """The z:Id of an is_reference object written for the first time: i1, i2... in the
        order the objects are written (depth first, as Mono numbers them)."""
        ident = f"i{len(self.ids) + 1}"
        self.ids[id(value)] = (ident, value)
        return ident

    def _complex_value(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        runtime: PrimitiveType,
        value: Any,
        path: str,
    ) -> None:
        """A complex value (DateTimeOffset): its child elements, in its namespace."""
        primitive = runtime.primitive
        assert primitive.xml_children is not None
        try:
            texts = primitive.xml_child_texts(primitive.check(_unbox(value)))
        except (ValueError, TypeError) as exc:
            self.problems.append(Problem(path, str(exc)))
            return
        qname, inner = self.start(local, ns, scope, depth, declare, xsi_type, nil=False)
        self.parts.append(">")
        for (child, _, _), text in zip(primitive.xml_children, texts, strict=True):
            self._text_element(child, primitive.namespace, inner, depth + 1, None, None, text)
        self._end(qname, depth)

    def _qualified_name(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        runtime: PrimitiveType,
        value: Any,
        path: str,
        prefixed: bool,
    ) -> None:
        """An XmlQualifiedName (``xs:QName``): ``prefix:name``, its namespace declared on the
        element unless in scope; ``Empty`` is an empty element declaring nothing (Mono)."""
        primitive = runtime.primitive
        try:
            name, value_ns = primitive.xml_qname_parts(primitive.check(_unbox(value)))
        except (ValueError, TypeError) as exc:
            self.problems.append(Problem(path, str(exc)))
            return
        if value_ns and value_ns not in _PREDEFINED and not readable_namespace(value_ns):
            self.problems.append(
                Problem(
                    path,
                    f"the namespace {value_ns!r} is not a URI netcontract's XML parser reads "
                    "back (libxml2 refuses it in a declaration): not written",
                )
            )
            return
        declared: str | None = value_ns
        if name == "":
            declared = None  # XmlQualifiedName.Empty: no declaration, no text
        elif value_ns == "" and (scope.get("") != "" if ns == "" else not prefixed):
            # the element itself is in the default namespace (an object member) or declares
            # it: Mono refuses ("The prefix '' cannot be redefined ... within the same start
            # element tag"); netcontract refuses alike where it is not proven
            self.problems.append(
                Problem(
                    path,
                    "an XmlQualifiedName in no namespace cannot be written here: .NET would "
                    'declare xmlns="" on an element whose own namespace is the default one',
                )
            )
            return
        qualified = _Qualified(declared, prefixed)
        qname, _ = self.start(
            local, ns, scope, depth, declare, xsi_type, nil=False, qualified=qualified
        )
        if name == "":
            self.parts.append(self.empty)
            return
        text = f"{qualified.prefix}:{name}" if qualified.prefix else name
        self.parts.append(f">{text}</{qname}>")

    def _text_element(
        self,
        local: str,
        ns: str,
        scope: Scope,
        depth: int,
        declare: str | None,
        xsi_type: tuple[str, str] | None,
        text: str,
        empty_closes: bool = False,
    ) -> None:
        qname, _ = self.start(local, ns, scope, depth, declare, xsi_type, nil=False)
        if text:
            self.parts.append(f">{text}</{qname}>")
        elif empty_closes or self.stream:  # the stream layout: <S/> for "" (Mono)
            self.parts.append(self.empty)
        else:
            self.parts.append(f"></{qname}>")

    def _children_of_contract(
        self, qname: str, info: ContractInfo, obj: Any, scope: Scope, depth: int, path: str
    ) -> None:
        outer = self.known
        self.known = with_own(outer, info.cls)
        try:
            self._members_of_contract(qname, info, obj, scope, depth, path)
        finally:
            self.known = outer

    def _members_of_contract(
        self, qname: str, info: ContractInfo, obj: Any, scope: Scope, depth: int, path: str
    ) -> None:
        members = info.xml_members
        if not info.emits_all:
            members = tuple(m for m in members if self._emitted(m, obj, path))
        kept = self._extension(info, obj, path)
        if kept:
            self._children_keeping(qname, info, obj, members, kept, scope, depth, path)
            return
        if not members:
            self.parts.append(self.empty)
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

    def _extension(self, info: ContractInfo, obj: Any, path: str) -> dict[int, list[Any]]:
        """The object's extension data (IExtensibleDataObject), by the index of the member
        each unknown member follows; a problem when it was read from another format."""
        if not info.extension_data:
            return {}
        data: object = getattr(obj, EXTENSION_ATTR, None)
        if not data:
            return {}
        if not isinstance(data, ExtensionData) or data.format != "xml":
            shown = data.format if isinstance(data, ExtensionData) else type(data).__name__
            self.problems.append(
                Problem(
                    path,
                    f"extension_data read from {shown} cannot be written as XML (clear it"
                    " with extension_data=None to write the known members only)",
                )
            )
            return {}
        by_index: dict[int, list[Any]] = {}
        for kept in data.members:
            by_index.setdefault(kept.after, []).append(kept)
        return by_index

    def _children_keeping(
        self,
        qname: str,
        info: ContractInfo,
        obj: Any,
        members: tuple[Member, ...],
        kept: dict[int, list[Any]],
        scope: Scope,
        depth: int,
        path: str,
    ) -> None:
        """The members and, after the member each followed when read (Mono: after the
        member of that index, written or left out), the unknown members."""
        self.parts.append(">")
        child_depth = depth + 1
        written = {id(m) for m in members}
        for kept_member in kept.get(-1, ()):
            write_member(self, kept_member, scope, child_depth)
        for index, m in enumerate(info.xml_members):
            if id(m) in written:
                self.member(
                    m.xml_name,
                    m.xml_namespace,
                    m.slot,
                    getattr(obj, m.attr),
                    scope,
                    child_depth,
                    _paths.join(path, m.wire_name),
                )
            for kept_member in kept.get(index, ()):
                write_member(self, kept_member, scope, child_depth)
        self._end(qname, depth)

    def _emitted(self, m: Member, obj: Any, path: str) -> bool:
        """Whether member ``m`` is written (EmitDefaultValue=false leaves a default out)."""
        if m.emit_default_value or not omitted(m.slot, getattr(obj, m.attr), xml=True):
            return True
        if m.is_required:
            # Mono: SerializationException "Member ... cannot be serialized ... This
            # conflict cannot be resolved"
            self.problems.append(
                Problem(
                    _paths.join(path, m.wire_name),
                    "holds its default value, which emit_default_value=False leaves out,"
                    " but it is required (is_required=True); .NET refuses to write it",
                )
            )
        return False

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
                return self._known_wire(kind, path)
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
            if isinstance(runtime, ContractType | EnumType):
                return self._known_wire(type(value), path)
            if (
                isinstance(runtime, PrimitiveType)
                and carries_offset(runtime.primitive)
                and not is_known_offset(self.known)
            ):
                # DateTimeOffset is a contract to .NET, known like any (Mono's reader refuses
                # it unknown; Microsoft's writer and Mono's WCF JSON writer too)
                self.problems.append(Problem(path, not_expected_message(DateTimeOffset)))
                return None, False
            if type(value) is BoxedCollection:
                # List<T> / Dictionary<K,V>: known like any type (Microsoft's .NET refuses it
                # otherwise; Mono's XML writer checks no object member, its reader refuses)
                if not is_known_collection(self.known, value.clr_type):
                    self.problems.append(Problem(path, not_expected_message(value.clr_type)))
                    return None, False
                return runtime, True
            if isinstance(runtime, ListType | DictType) and not is_known(self.known, type(value)):
                # a collection contract: known like any contract (Microsoft's .NET refuses it;
                # Mono's XML writer checks no object member)
                self.problems.append(Problem(path, not_expected_message(type(value))))
                return None, False
            return runtime, not isinstance(runtime, ObjectType)
        if isinstance(declared, DictType) and not isinstance(value, dict):
            self.problems.append(Problem(path, f"expected a dict, got {type(value).__name__}"))
            return None, False
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

    def _known_wire(self, kind: type, path: str) -> tuple[WireType | None, bool]:
        """The wire type of a contract or enum written with its i:type, when .NET knows it
        there: in scope, or by its own known_types (.NET pushes the runtime type's list
        before its check); a problem otherwise."""
        if not is_known(self.known, kind):
            self.problems.append(Problem(path, not_expected_message(kind)))
            return None, False
        wire: WireType
        if is_contract(kind):
            wire = contract_info(kind).wire
        else:
            meta = kind.__dict__["__netcontract__"]
            wire = enum_type(kind, meta.name, meta.xml_namespace)
        return wire, True


_BARE_OBJECT: Final = ObjectType()
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"


def _free_prefix(scope: Scope, depth: int, shadowed: str = "") -> str:
    """The prefix XmlDictionaryWriter's text writer makes up for a namespace: the first letter
    no namespace in scope has (nor ``shadowed``), then ``d{depth}p0``, ``d{depth}p1``... (Mono)."""
    taken = {*scope.values(), shadowed}
    for prefix in _LETTERS:
        if prefix not in taken:
            return prefix
    number = 0
    while f"d{depth}p{number}" in taken:
        number += 1
    return f"d{depth}p{number}"


def _check_distinct_keys(
    wire: DictType, value: dict[Any, Any], path: str, problems: list[Problem]
) -> None:
    """Refuse keys that are one key in .NET: DateTime equality ignores the kind (Mono:
    "An item with the same key has already been added" for 03:04:05 Utc and Local)."""
    key_wire = wire.key.wire
    if not (isinstance(key_wire, PrimitiveType) and key_wire.primitive.clr_name == "DateTime"):
        return
    seen: dict[int, Any] = {}
    for key in value:
        ticks = getattr(key, "ticks", None)
        if ticks is None:
            continue
        if ticks in seen:
            problems.append(
                Problem(
                    _paths.key(path, key),
                    f"is the key {seen[ticks]} in .NET (DateTime keys are equal when their"
                    " ticks are, whatever their kind): a Dictionary cannot hold both",
                )
            )
        else:
            seen[ticks] = key


def _flag_element(
    wire: EnumType, start: str, close: str, empty: str
) -> Callable[[int], str | None]:
    """The whole element of a [Flags] value no single member names, or None (refused)."""

    def element(value: int) -> str | None:
        text = wire.xml_text(int(value))
        if text is None:
            return None
        return start + ">" + escape_text(text) + close if text else start + empty

    return element


def _wire_of_python_value(value: Any) -> WireType | None:
    kind = type(value)
    value_type = for_untyped_value(kind)
    if value_type is not None:
        return _primitive_wire(value_type)
    if kind is AnyObject:
        return _BARE_OBJECT
    if kind is Boxed:
        return PrimitiveType(value.primitive)
    if kind is BoxedCollection:
        return collection_of(value.clr_type)
    if is_contract(kind):
        return contract_info(kind).wire
    if isinstance(value, enum.IntEnum) and "__netcontract__" in kind.__dict__:
        meta = kind.__dict__["__netcontract__"]
        return enum_type(kind, meta.name, meta.xml_namespace)
    return collection_of(kind)  # a collection contract: i:type names it (Mono)


@functools.cache
def _primitive_wire(value_type: ValueType) -> PrimitiveType:
    return PrimitiveType(value_type)


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


def write_xml(
    obj: Any,
    *,
    indent: bool = False,
    root: tuple[str, str] | None = None,
    stream: bool = False,
    known_types: Iterable[Any] | None = None,
    root_type: type | None = None,
) -> tuple[str, list[Problem]]:
    """Serialize a contract instance as its root element; returns the text and any problems.

    ``stream`` is the layout of ``DataContractSerializer.WriteObject(Stream)`` (never
    indented: the caller refuses ``indent`` with it).

    ``root`` is ``(name, namespace)`` of the document element when it is not the contract's
    (``new DataContractSerializer(type, name, namespace)``); ``known_types`` the serializer's
    known types; ``root_type`` the serializer's type when ``obj`` is of a class derived from
    it (``new DataContractSerializer(typeof(Base))`` writing a ``Derived``: the root is
    ``<Base i:type="Derived">``).

    The generated writer of the object's class runs first; when it meets anything it does not
    handle itself (a value of an unexpected type, a value that cannot be written), it raises
    :class:`~netcontract.codegen.Fallback` and the reference writer below writes the whole
    document again and reports every problem.
    """
    collection = collection_of(type(obj))
    if type(obj) is BoxedCollection:  # List<T> / Dictionary<K,V> as the document
        collection, obj = collection_of(obj.clr_type), obj.value
    if collection is not None:  # (to_xml refuses a root name for it)
        known = initial_scope(None, known_types)
        return _write_collection_root(collection, obj, indent, stream, known)
    info = contract_info(type(obj))
    if root is not None:
        problem = _root_problem(*root)
        if problem is not None:
            return "", [Problem("", problem)]
    declared: ContractInfo | None = None
    if root_type is not None and root_type is not type(obj):
        declared = contract_info(root_type)
        # .NET: the serializer's known types and the declared type's [KnownType]s
        known = with_own(initial_scope(declared.tp, known_types), declared.cls)
        problem = _typed_root_problem(info, declared, known)
        if problem is not None:
            return "", [Problem("", problem)]
    else:
        known = initial_scope(info.tp, known_types)
    if generated_paths():
        try:
            return _fast_write(info, obj, indent, root, stream, known, declared), []
        except Fallback as signal:
            fell_back(info.cls, signal)
    return _reference_write_xml(info, obj, indent, root, stream, known, declared)


def _typed_root_problem(
    info: ContractInfo, declared: ContractInfo, known: KnownScope
) -> str | None:
    """Why ``info``'s value cannot be written as a root of type ``declared``, or None."""
    if not issubclass(info.cls, declared.cls):
        return f"root_type: a {info.cls.__name__} is not a {declared.cls.__name__}"
    if not is_known(known, info.cls):
        return not_expected_message(info.cls)
    if not info.namespace or not declared.namespace:
        # (Mono's layout of a contract in no namespace there is not proven)
        return "root_type: a contract in no namespace is not supported as a typed root yet"
    return None


def _root_problem(name: str, namespace: str) -> str | None:
    if not isinstance(name, str) or not isinstance(namespace, str):  # type: ignore[redundant-expr]
        return "root_name and root_namespace must be str"
    if not name or encode_local_name(name) != name:
        # .NET's XmlWriter throws on such a name (DataContractSerializer does not encode it)
        return f"root_name {name!r} is not an XML name"
    if _INVALID_XML_CHAR.search(namespace) or _ATTRIBUTE_ESCAPES.search(namespace):
        return f"root_namespace {namespace!r} holds characters an XML namespace is not written with"
    return None


def _root_start(
    info: ContractInfo,
    root: tuple[str, str] | None,
    stream: bool = False,
    declared: ContractInfo | None = None,
) -> tuple[str, str, Scope]:
    """The root's name, its start tag (without ``>``) and the namespace scope inside it."""
    if declared is not None:
        return _typed_root_start(info, declared, stream)
    ns = info.namespace
    name, root_ns = (info.name, ns) if root is None else root
    if stream:
        return _stream_root_start(info, name, root_ns)
    # Mono: an is_reference root is <Node xmlns:i="..." z:Id="i1" xmlns:z="..." xmlns="...">
    # and its descendants use that z prefix (after xmlns:d1p1 under a root of its own)
    ser = f' z:Id="i1" xmlns:z="{SER}"' if info.is_reference else ""
    scope = {XSI: "i", SER: "z"} if info.is_reference else {XSI: "i"}
    if root_ns == ns:
        if ns:
            return name, f'<{name} xmlns:i="{XSI}"{ser} xmlns="{ns}"', {**scope, ns: ""}
        # no namespace: the default namespace is "" already (its members declare nothing; Mono)
        return name, f'<{name} xmlns:i="{XSI}"{ser}', {**scope, "": ""}
    default = f' xmlns="{root_ns}"' if root_ns else ""
    if not ns:
        # Mono: members in no namespace under a root in one each declare xmlns=""
        return name, f'<{name} xmlns:i="{XSI}"{ser}{default}', {**scope, root_ns: ""}
    # Mono: the contract's namespace gets the prefix d1p1 on the root, declared first
    start = f'<{name} xmlns:d1p1="{ns}" xmlns:i="{XSI}"{ser}{default}'
    return name, start, {ns: "d1p1", **scope, root_ns: ""}


def _typed_root_start(
    info: ContractInfo, declared: ContractInfo, stream: bool
) -> tuple[str, str, Scope]:
    """The root of a ``declared`` type holding a value of a derived contract ``info`` (Mono):
    ``<Shape xmlns:i="…" xmlns:d1p1="urn:more" i:type="d1p1:Circle" xmlns="urn:shapes">``
    (``z:Id`` after ``xmlns:i``, ``xmlns:z`` after ``i:type``); in the stream layout
    ``<Shape i:type="a:Circle" xmlns="urn:shapes" xmlns:i="…" xmlns:a="urn:more">``
    (``z:Id`` first, ``xmlns:z`` before ``xmlns:a``). No prefix where the namespaces are one."""
    name, root_ns, ns = declared.name, declared.namespace, info.namespace
    prefix = "a" if stream else "d1p1"
    own = ns != root_ns
    type_name = f"{prefix}:{info.name}" if own else info.name
    scope: Scope = {XSI: "i", root_ns: ""}
    if info.is_reference:
        scope[SER] = "z"
    if own:
        scope[ns] = prefix
    if stream:
        start = f"<{name}" + (' z:Id="i1"' if info.is_reference else "")
        start += f' i:type="{type_name}" xmlns="{root_ns}" xmlns:i="{XSI}"'
        start += f' xmlns:z="{SER}"' if info.is_reference else ""
        start += f' xmlns:{prefix}="{ns}"' if own else ""
        return name, start, scope
    start = f'<{name} xmlns:i="{XSI}"' + (' z:Id="i1"' if info.is_reference else "")
    start += f' xmlns:{prefix}="{ns}"' if own else ""
    start += f' i:type="{type_name}"'
    start += f' xmlns:z="{SER}"' if info.is_reference else ""
    return name, start + f' xmlns="{root_ns}"', scope


def _stream_root_start(info: ContractInfo, name: str, root_ns: str) -> tuple[str, str, Scope]:
    """The stream layout's root (Mono): ``z:Id``, then the declarations: the root's default
    namespace, the contract's namespace where it is another (prefix ``a``), ``i``, ``z``."""
    ns = info.namespace
    start = f"<{name}"
    scope: Scope = {}
    if info.is_reference:
        start += ' z:Id="i1"'
    if root_ns:
        start += f' xmlns="{root_ns}"'
    scope[root_ns] = ""
    if ns != root_ns and ns:
        start += f' xmlns:a="{ns}"'
        scope[ns] = "a"
    start += f' xmlns:i="{XSI}"'
    scope[XSI] = "i"
    if info.is_reference:
        start += f' xmlns:z="{SER}"'
        scope[SER] = "z"
    return name, start, scope


def _empty(stream: bool) -> str:
    """How an element without content ends."""
    return "/>" if stream else " />"


def _write_collection_root(
    wire: ListType | DictType,
    obj: Any,
    indent: bool,
    stream: bool = False,
    known: KnownScope = EMPTY,
) -> tuple[str, list[Problem]]:
    """A collection contract as the document: its element as a member of its type would be,
    with ``xmlns:i`` declared first (Mono: ``<Items xmlns:i="..." xmlns:d1p1="..." xmlns=...>``,
    no ``xmlns=""`` in no namespace); in the stream layout after the default namespace (Mono:
    ``<Items xmlns="urn:n" xmlns:i="..." xmlns:a="...">``), and ``xmlns:z`` right after it."""
    fell_back(wire.cls, "a collection contract as the document: the reference writer")
    writer = _Writer(indent, stream, known)
    name, ns = wire.contract_name, wire.contract_namespace
    # no namespace: the default namespace is "" already at the root (Mono writes no xmlns="")
    scope: Scope = {XSI: "i"} if ns else {XSI: "i", "": ""}
    writer.member(name, ns, Slot(wire, optional=False), obj, scope, 1, "")
    if writer.problems:
        return "", writer.problems
    first = writer.parts[0]
    declare_i = f' xmlns:i="{XSI}"'
    if not stream:
        writer.parts[0] = f"<{name}{declare_i}" + first[len(name) + 1 :]
        return "".join(writer.parts), []
    declare_z = f' xmlns:z="{SER}"'
    if declare_z in first:
        # Mono: the root declares z right after i, before its items' namespace
        # (<RL z:Id="i1" xmlns="urn:n" xmlns:i="…" xmlns:z="…" xmlns:a="urn:x">, and without
        # xmlns="urn:n" in no namespace)
        first = first.replace(declare_z, "", 1)
        declare_i += declare_z
    if ns:
        own = f' xmlns="{ns}"'
        writer.parts[0] = first.replace(own, own + declare_i, 1)
    else:
        at = first.find(" xmlns")
        at = len(first) if at < 0 else at
        writer.parts[0] = first[:at] + declare_i + first[at:]
    return "".join(writer.parts), []


def _reference_write_xml(
    info: ContractInfo,
    obj: Any,
    indent: bool,
    root: tuple[str, str] | None,
    stream: bool,
    known: KnownScope = EMPTY,
    declared: ContractInfo | None = None,
) -> tuple[str, list[Problem]]:
    writer = _Writer(indent, stream, known)
    if info.is_reference:
        writer.new_id(obj)
    name, start, scope = _root_start(info, root, stream, declared)
    writer.parts.append(start)
    writer._children_of_contract(name, info, obj, scope, 1, "")
    return "".join(writer.parts), writer.problems


# ------------------------------------------------------------------------------ fast path
#
# For each (contract class, namespace scope, depth, indent) a function is generated that
# writes the member elements of an instance. The scope (which prefix each namespace has) and
# the depth only depend on the path from the root, so every start tag, nil element, end tag
# and enum element is a constant string, computed once by the reference writer itself.


def _fast_write(
    info: ContractInfo,
    obj: Any,
    indent: bool,
    root: tuple[str, str] | None,
    stream: bool,
    known: KnownScope = EMPTY,
    declared: ContractInfo | None = None,
) -> str:
    name, start, scope = _root_start(info, root, stream, declared)
    if info.extension_data and getattr(obj, EXTENSION_ATTR, None):
        raise Fallback("extension data: the reference writer writes it")
    if not info.xml_members:
        return start + _empty(stream)
    writer = _Writer(indent, stream, known)
    if info.is_reference:
        writer.new_id(obj)
    parts = writer.parts
    parts.append(start + ">")
    _fast_writer(info.cls, scope, 1, indent, stream)(obj, parts.append, writer)
    parts.append(_static_end(name, 1, indent))
    return "".join(parts)


def _scope_key(scope: Scope) -> frozenset[tuple[str, str]]:
    return frozenset(scope.items())


def _fast_writer(
    cls: type, scope: Scope, depth: int, indent: bool, stream: bool
) -> Callable[..., None]:
    """The writer of the members of a ``cls`` element at ``depth`` whose scope is ``scope``."""
    return contract_info(cls).xml_writer(
        (_scope_key(scope), depth, indent, stream),
        lambda: _in_known_scope(cls, _generate_writer(cls, dict(scope), depth, indent, stream)),
    )


def _in_known_scope(cls: type, generated: Callable[..., None]) -> Callable[..., None]:
    """``generated``, with the types the contract's known_types make known known inside it
    (for the reference writer's member, which writes a value of a derived type)."""
    if not own_known(cls):
        return generated

    def write_in_scope(obj: Any, append: Callable[[str], None], writer: _Writer) -> None:
        outer = writer.known
        writer.known = with_own(outer, cls)
        try:
            generated(obj, append, writer)
        finally:
            writer.known = outer

    return write_in_scope


def _lazy_writer(
    namespace: dict[str, Any],
    name: str,
    cls: type,
    scope: Scope,
    depth: int,
    indent: bool,
    stream: bool,
) -> Callable[..., None]:
    """A stand-in that generates the real writer on first use (contracts may be recursive)."""

    def stub(obj: Any, append: Callable[[str], None], writer: _Writer) -> None:
        real = _fast_writer(cls, scope, depth, indent, stream)
        namespace[name] = real
        real(obj, append, writer)

    return stub


def _static_start(
    local: str,
    ns: str,
    scope: Scope,
    depth: int,
    declare: str | None,
    nil: bool,
    indent: bool,
    stream: bool,
) -> tuple[str, str, Scope]:
    """(start tag without its closing ``>``, qualified name, scope inside) as written."""
    scratch = _Writer(indent, stream)
    qname, inner = scratch.start(local, ns, scope, depth, declare, None, nil)
    return "".join(scratch.parts), qname, inner


def _static_end(qname: str, depth: int, indent: bool) -> str:
    scratch = _Writer(indent)
    scratch._end(qname, depth)
    return "".join(scratch.parts)


def _declared_namespace(slot: Slot, ns: str) -> str | None:
    """The namespace a member element declares (``xmlns:d2p1``) for its children: a contract's,
    a list's or a complex value's (DateTimeOffset) when it differs from the element's."""
    declared = slot.wire
    if (
        isinstance(declared, ContractType | ListType | DictType)
        or (isinstance(declared, PrimitiveType) and declared.primitive.xml_children is not None)
    ) and declared.contract_namespace not in (ns, ""):
        return declared.contract_namespace
    return None


def _string_text(value: str) -> str:
    """Text of a str that is not printable: refused characters raise, others are escaped."""
    return escape_text(check_no_lone_surrogate(value))


def _generate_writer(
    cls: type, scope: Scope, depth: int, indent: bool, stream: bool
) -> Callable[..., None]:
    info = contract_info(cls)
    src = Source("xml writer", f"{cls.__qualname__} depth {depth}")
    src.line(0, "def write(obj, a, w):")
    if not info.emits_all:
        # the members left out at their default change the element (" />" when none is
        # left): the reference writer writes such contracts
        fallback = src.const(Fallback, "Fallback")
        src.line(1, f"raise {fallback}('emit_default_value=False: the reference writer writes it')")
        return src.compile("write")
    if info.extension_data:
        fallback = src.const(Fallback, "Fallback")
        src.line(1, f"if obj.{EXTENSION_ATTR}:")
        src.line(2, f"raise {fallback}('extension data: the reference writer writes it')")
    for m in info.xml_members:
        src.line(1, f"v = obj.{m.attr}")
        _emit_member(
            src, 1, "v", m.xml_name, m.xml_namespace, m.slot, scope, depth + 1, indent, stream
        )
    if not info.xml_members:  # pragma: no cover - the caller writes " />" instead
        src.line(1, "pass")
    return src.compile("write")


def _emit_member(
    src: Source,
    lvl: int,
    var: str,
    local: str,
    ns: str,
    slot: Slot,
    scope: Scope,
    depth: int,
    indent: bool,
    stream: bool,
) -> None:
    """Lines writing the element of one member or item whose value is in ``var``."""
    wire = slot.wire
    declare = _declared_namespace(slot, ns)
    nil_text, _, _ = _static_start(local, ns, scope, depth, declare, True, indent, stream)
    start, qname, inner = _static_start(local, ns, scope, depth, declare, False, indent, stream)
    empty = _empty(stream)
    close = f"</{qname}>"
    nillable = slot.optional or not wire.is_value_type
    if nillable:
        src.line(lvl, f"if {var} is None:")
        src.line(lvl + 1, f"a({src.const(nil_text + empty, 'nil')})")
    keyword = "elif" if nillable else "if"
    o = src.const(start + ">", "open")
    c = src.const(close, "close")
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        snippet = p.xml_fast_text(src, var)
        if snippet is None:  # the reference writer
            src.line(lvl, f"{keyword} False:")
            src.line(lvl + 1, "pass")
        else:
            src.line(lvl, f"{keyword} {snippet.condition}:")
            text = snippet.expression or var
            # the stream layout closes every element without text: <S/> for "" (Mono)
            closes_empty = p.xml_empty_closes or stream
            if text != var and ('"' in text or "\\" in text or closes_empty):
                # not inside the f-string below (Python 3.11)
                t = src.name("t")
                text, statements = t, [*snippet.setup, f"{t} = {snippet.expression}"]
            else:
                statements = list(snippet.setup)
            if p.xml_escapes and snippet.expression is not None:
                # a user's own type carried by String: its text first, escaped below
                conversion = [*snippet.setup, f"{var} = {snippet.expression}"]
                src.guarded(lvl + 1, conversion, f"{p.clr_name} refused")
                text, statements = var, []
            if p.xml_escapes:  # the text is the value (String): escaped, or refused
                src.line(lvl + 1, f"if not {var}.isprintable():")
                src.guarded(
                    lvl + 2,
                    f"{var} = {src.const(_string_text, 'text')}({var})",
                    f"{p.clr_name} refused",
                )
                src.line(lvl + 1, f"elif '&' in {var} or '<' in {var} or '>' in {var}:")
                src.line(
                    lvl + 2,
                    f"{var} = {var}.replace('&', '&amp;').replace('<', '&lt;')"
                    ".replace('>', '&gt;')",
                )
            write = f'a(f"{{{o}}}{{{text}}}{{{c}}}")'
            if closes_empty:  # no text: a self-closing element (byte[])
                e = src.const(start + empty, "empty")
                write = f'a(f"{{{o}}}{{{text}}}{{{c}}}" if {text} != "" else {e})'
            if text == var and not statements:
                src.line(lvl + 1, write)
            else:
                src.guarded(lvl + 1, [*statements, write], f"{p.clr_name} refused")
    elif isinstance(wire, EnumType):
        texts = {
            value: start + ">" + escape_text(name) + close for value, name in wire.names.items()
        }
        table = src.const(texts, "enum")
        t = src.name("t")
        lookup = f"{table}.get({var})"
        if wire.flags:  # combined values: the reference rule, inline (None where refused)
            flags = _flag_element(wire, start, close, _empty(stream))
            lookup += f" or {src.const(flags, 'flags')}({var})"
        src.line(
            lvl,
            f"{keyword} (type({var}) is {src.const(wire.cls, 'enum')} or type({var}) is int)"
            f" and ({t} := {lookup}) is not None:",
        )
        src.line(lvl + 1, f"a({t})")
    elif isinstance(wire, ContractType) and contract_info(wire.cls).is_reference:
        # z:Id or z:Ref depends on what was written before: the reference writer's member,
        # whose ids (w.ids) every is_reference object of the document goes through
        src.line(lvl, f"{keyword} False:")
        src.line(lvl + 1, "pass")
    elif isinstance(wire, ContractType):
        src.line(lvl, f"{keyword} type({var}) is {src.const(wire.cls, wire.cls.__name__)}:")
        if contract_info(wire.cls).xml_members:
            fn = src.name("w_" + wire.cls.__name__)
            src.globals[fn] = _lazy_writer(src.globals, fn, wire.cls, inner, depth, indent, stream)
            src.line(lvl + 1, f"a({o})")
            src.line(lvl + 1, f"{fn}({var}, a, w)")
            src.line(lvl + 1, f"a({src.const(_static_end(qname, depth, indent), 'end')})")
        else:
            if contract_info(wire.cls).extension_data:
                # no members: an empty element (<E />, as .NET writes it) unless unknown
                # members were kept, which the reference writer writes
                fallback = src.const(Fallback, "Fallback")
                src.line(lvl + 1, f"if {var}.{EXTENSION_ATTR}:")
                src.line(
                    lvl + 2, f"raise {fallback}('extension data: the reference writer writes it')"
                )
            src.line(lvl + 1, f"a({src.const(start + empty, 'empty')})")
    elif isinstance(wire, ListType):
        src.line(lvl, f"{keyword} type({var}) is list:")
        src.line(lvl + 1, f"if not {var}:")
        src.line(lvl + 2, f"a({src.const(start + empty, 'empty')})")
        src.line(lvl + 1, "else:")
        src.line(lvl + 2, f"a({o})")
        item = src.name("item")
        src.line(lvl + 2, f"for {item} in {var}:")
        _emit_member(
            src,
            lvl + 3,
            item,
            wire.item_name,
            wire.contract_namespace,
            wire.item,
            inner,
            depth + 1,
            indent,
            stream,
        )
        src.line(lvl + 2, f"a({src.const(_static_end(qname, depth, indent), 'end')})")
    elif not nillable:  # pragma: no cover - object members are reference types
        src.line(lvl, "if False:")
        src.line(lvl + 1, "pass")
    # anything else (None for a value type, a subclass, a Boxed value, an object member):
    # the reference writer, which records a problem instead of raising
    src.line(lvl, "else:")
    src.line(
        lvl + 1,
        f"w.member({src.const(local, 'local')}, {src.const(ns, 'ns')}, {src.const(slot, 'slot')},"
        f" {var}, {src.const(scope, 'scope')}, {depth}, '')",
    )
    src.line(
        lvl + 1,
        f"if w.problems: raise {src.const(Fallback, 'Fallback')}(w.problems[0].message)",
    )

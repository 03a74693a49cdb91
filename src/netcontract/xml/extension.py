"""Extension data in DataContract XML: unknown members read into data nodes, and written back.

What .NET keeps of an unknown member (Mono's DataContractSerializer, checked by
``tests/interop/test_extension_data_interop.py``):

- ``i:nil="true"``: a null (its other attributes and content are not kept);
- an element with attributes of its own (not ``xmlns``, ``i:``): kept as XML (``XmlDataNode``):
  prefixes, attributes in order, mixed content; text of white space only is dropped;
- an element holding elements, or nothing: an object whose members are read the same way;
  prefixes are not kept (each element is written again in its namespace), ``i:type`` is;
- an element holding text: the text; when its ``i:type`` names a primitive (``xs:double``),
  the value, written again as .NET writes it (``1.50`` as ``1.5``), refused when invalid.

Refused where .NET is lossy or dangerous: ``z:Id``/``z:Ref`` (.NET writes each reference out
in full again: a small document could become a huge one) and the other ``z:`` attributes;
text beside elements in an element without attributes (.NET refuses it too).
"""

from __future__ import annotations

from typing import Any, Final

from netcontract.clr.namespaces import SER, XSI
from netcontract.clr.value_types import by_contract_name
from netcontract.limits import FAILED, ReadContext
from netcontract.model import paths as _paths
from netcontract.model.extension import ExtensionMember, ExtensionNode, RawElement
from netcontract.xml import scope as _scope

__all__ = ["attribute_text", "read_member", "split_tag"]

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"
_XML_WS: Final = " \t\r\n"
_XSI_PREFIX: Final = f"{{{XSI}}}"
_SER_PREFIX: Final = f"{{{SER}}}"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"


def split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark tag."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def read_member(element: Any, after: int, path: str, ctx: ReadContext) -> Any:
    """The :class:`ExtensionMember` of an unknown element, or FAILED (problem recorded)."""
    ns, local = split_tag(element.tag)
    node = _node(element, _paths.join(path, local), ctx)
    if node is FAILED:
        return FAILED
    return ExtensionMember(local, ns, node, after)


def _has_content(element: Any) -> bool:
    return len(element) > 0 or bool(element.text and element.text.strip(_XML_WS))


def _node(element: Any, path: str, ctx: ReadContext) -> Any:
    attrib = element.attrib
    for key in attrib:
        if key.startswith(_SER_PREFIX):
            ctx.problem(
                path,
                f"z:{split_tag(key)[1]} in an unknown member: extension data keeps no"
                " z: attributes (.NET would write each z:Ref out in full again)",
                element,
            )
            return FAILED
    nil = attrib.get(_NIL)
    if nil is not None:
        value = nil.strip(_XML_WS)
        if value not in ("true", "1", "false", "0"):
            ctx.problem(path, f"i:nil={nil!r} is not an xs:boolean (true, false, 1 or 0)", element)
            return FAILED
        if value in ("true", "1"):
            if _has_content(element):
                ctx.problem(path, 'an element with i:nil="true" must be empty', element)
                return FAILED
            return ExtensionNode("nil")  # Mono: its other attributes are not kept
    xsi_type = None
    type_attr = attrib.get(_TYPE)
    if type_attr is not None:
        prefix, _, type_name = type_attr.strip(_XML_WS).rpartition(":")
        in_scope = _scope.namespaces(element, path, ctx)
        type_ns = in_scope.get(prefix or None, None if prefix else "")
        if type_ns is None:
            ctx.problem(path, f"i:type {type_attr!r} uses an undeclared prefix", element)
            return FAILED
        xsi_type = (type_ns, type_name)
    if any(not key.startswith(_XSI_PREFIX) for key in attrib):
        # Mono writes its i:type again after the attributes (not where it was)
        ctx.enter(path, 0, element)
        raw = _raw(element, None, path, ctx)
        ctx.leave()
        return ExtensionNode("xml", xsi_type, raw=raw) if raw is not FAILED else FAILED
    children = list(element)
    ctx.enter(path, len(children), element)
    try:
        if children:
            return _object_node(element, children, xsi_type, path, ctx)
        text = element.text or ""
        ctx.check_string(path, text, element)
        if not text.strip(_XML_WS):
            # Mono reads white space alone as an empty object: written back <N />
            return ExtensionNode("class", xsi_type)
        primitive = None if xsi_type is None else by_contract_name(*xsi_type)
        if primitive is not None and primitive.xml_qualified:
            # its text's prefix needs the declarations around it, which are not kept
            ctx.problem(
                path,
                "an unknown member holding an XmlQualifiedName (i:type QName) cannot be kept "
                "as extension data (not supported)",
                element,
            )
            return FAILED
        if primitive is not None and primitive.xml_children is None:
            try:
                # .NET reads the value and writes it again as it writes that type
                text = primitive.xml_text(primitive.xml_parse(text))
            except (ValueError, TypeError) as exc:
                ctx.problem(path, str(exc), element)
                return FAILED
        return ExtensionNode("text", xsi_type, text=text)
    finally:
        ctx.leave()


def _object_node(
    element: Any, children: list[Any], xsi_type: tuple[str, str] | None, path: str, ctx: ReadContext
) -> Any:
    text = element.text
    if text and text.strip(_XML_WS):
        ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r} beside elements", element)
        return FAILED
    members: list[ExtensionMember] = []
    failed = False
    for child in children:
        tail = child.tail
        if tail and tail.strip(_XML_WS):
            ctx.problem(
                path, f"unexpected text {tail.strip(_XML_WS)[:40]!r} beside elements", child
            )
            failed = True
        member = read_member(child, -1, path, ctx)
        if member is FAILED:
            failed = True
        else:
            members.append(member)
    if failed:
        return FAILED
    return ExtensionNode("class", xsi_type, members=tuple(members))


def _attribute_prefix(in_scope: dict[str | None, str], ns: str) -> str:
    if ns == XML_NS:
        return "xml"
    for prefix, uri in in_scope.items():
        if uri == ns and prefix is not None:
            return str(prefix)
    return ""  # pragma: no cover - a parsed attribute's namespace has a prefix


def _raw(
    element: Any,
    parent: Any,
    path: str,
    ctx: ReadContext,
    inherited: dict[str | None, str] | None = None,
) -> Any:
    """The element as XML: what .NET's XmlDataNode keeps (comments and processing
    instructions are not: netcontract's parser drops them). ``inherited``: the parent's
    declarations in scope, known when the parent is read here."""
    ns, local = split_tag(element.tag)
    if inherited is None:
        parent_el = element.getparent() if parent is None else parent
        inherited = {} if parent_el is None else _scope.namespaces(parent_el, path, ctx)
    # the declarations in scope, counted and capped (xml/scope.py): lxml's nsmap copies
    # them all, per element
    in_scope = _scope.namespaces(element, path, ctx)
    declarations = tuple(
        (prefix or "", uri) for prefix, uri in in_scope.items() if inherited.get(prefix) != uri
    )
    attributes = []
    for key, value in element.attrib.items():
        if parent is None and key.startswith(_XSI_PREFIX):
            continue  # the member's i:type is written by the serializer; i:nil is not kept
        a_ns, a_local = split_tag(key)
        ctx.check_string(path, value, element)
        prefix = _attribute_prefix(in_scope, a_ns) if a_ns else ""
        attributes.append((a_ns, prefix, a_local, value))
    content: list[RawElement | str] = []
    # .NET's XmlDocument drops text of white space alone
    if element.text and element.text.strip(_XML_WS):
        ctx.check_string(path, element.text, element)
        content.append(element.text)
    for child in element:
        child_path = _paths.join(path, split_tag(child.tag)[1])
        ctx.enter(child_path, 0, child)
        raw = _raw(child, element, child_path, ctx, in_scope)
        ctx.leave()
        if raw is FAILED:
            return FAILED
        content.append(raw)
        if child.tail and child.tail.strip(_XML_WS):
            ctx.check_string(path, child.tail, child)
            content.append(child.tail)
    return RawElement(
        ns, local, element.prefix or "", declarations, tuple(attributes), tuple(content)
    )


# ---------------------------------------------------------------------------------- writing


_ATTRIBUTE_ESCAPES: Final = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#x9;",
    "\n": "&#xA;",
    "\r": "&#xD;",
}


def attribute_text(value: str) -> str:
    """An attribute value as XmlWriter escapes it."""
    return "".join(_ATTRIBUTE_ESCAPES.get(char, char) for char in value)


def write_member(writer: Any, member: ExtensionMember, scope: dict[str, str], depth: int) -> None:
    """Write an unknown member as .NET writes its data node back (``writer`` is the XML
    writer of ``xml/write.py``; ``scope`` maps each namespace in scope to its prefix)."""
    from netcontract.xml.write import escape_text  # noqa: PLC0415 - write.py imports this module

    node = member.value
    name, ns = member.name, member.namespace
    if node.kind == "nil":
        writer.start(name, ns, scope, depth, None, None, nil=True)
        writer.parts.append(writer.empty)
    elif node.kind == "text":
        text = node.text
        if writer.stream:
            # Mono's stream writer drops the white space that begins a kept text (path B
            # keeps it; text of white space only was read as an empty object)
            text = text.lstrip(_XML_WS)
        writer._text_element(name, ns, scope, depth, None, node.type, escape_text(text), True)
    elif node.kind == "class":
        qname, inner = writer.start(name, ns, scope, depth, None, node.type, nil=False)
        if not node.members:
            writer.parts.append(writer.empty)
            return
        writer.parts.append(">")
        for child in node.members:
            write_member(writer, child, inner, depth + 1)
        writer._end(qname, depth)
    else:
        assert node.raw is not None
        _RawWriter(writer.parts, writer.indent, escape_text, writer.stream).element(
            node.raw, name, ns, scope, depth, top=True, mixed=False, xsi_type=node.type
        )


class _RawWriter:
    """Writes a :class:`RawElement` as .NET's XmlDataNode writes it through XmlWriter: the
    attributes as they were, then the namespace declarations the names need that are not in
    scope; indented (``indent``) until text is met in an element (mixed content). In the
    stream layout (``stream``), every namespace declaration follows the other attributes, in
    the order it was made, and a made-up prefix is a letter."""

    def __init__(self, parts: list[str], indent: bool, escape: Any, stream: bool = False) -> None:
        self.parts = parts
        self.indent = indent
        self.escape = escape
        self.stream = stream

    def element(
        self,
        raw: RawElement,
        name: str,
        ns: str,
        scope: dict[str, str],
        depth: int,
        top: bool,
        mixed: bool,
        xsi_type: tuple[str, str] | None = None,
    ) -> None:
        # prefix -> namespace in scope, as XmlWriter looks prefixes up
        bound = {prefix: uri for uri, prefix in scope.items()}
        bound.setdefault("xml", XML_NS)
        bound.setdefault("", "")
        if top:
            # DataContractSerializer writes the member element: a prefix of its namespace in
            # scope, else the default namespace
            prefix = ""
            if bound.get("") != ns:
                prefix = next((p for p, u in bound.items() if u == ns and p != "xml"), "")
        else:
            prefix = raw.prefix
        # XmlWriter declares the element's namespace after the attributes where it is not in
        # scope, and a declaration of the same among them is that one (Mono)
        implicit: list[tuple[str, str]] = []
        if bound.get(prefix) != ns:
            implicit.append((prefix, ns))
            bound[prefix] = ns
        attrs: list[str] = []
        decls: list[str] = []
        own = list(implicit)
        if self.stream:
            decls.extend(_declaration(p, u) for p, u in implicit)
            implicit.clear()
        for declared, uri in raw.declarations:
            if (declared, uri) in own:
                continue
            (decls if self.stream else attrs).append(
                f' xmlns:{declared}="{attribute_text(uri)}"'
                if declared
                else f' xmlns="{attribute_text(uri)}"'
            )
            bound[declared] = uri
        for a_ns, a_prefix, a_name, value in raw.attributes:
            attrs.append(
                f' {a_prefix}:{a_name}="{attribute_text(value)}"'
                if a_prefix
                else f' {a_name}="{attribute_text(value)}"'
            )
            if a_prefix and bound.get(a_prefix) != a_ns:
                implicit.append((a_prefix, a_ns))
                bound[a_prefix] = a_ns
        if self.stream:
            decls.extend(_declaration(p, u) for p, u in implicit)
            implicit.clear()
        if xsi_type is not None:
            type_ns, type_name = xsi_type
            type_prefix = next((p for p, u in bound.items() if u == type_ns), None)
            if type_prefix is None:
                type_prefix = self._new_prefix(bound, depth)
                (decls if self.stream else attrs).append(
                    f' xmlns:{type_prefix}="{attribute_text(type_ns)}"'
                )
                bound[type_prefix] = type_ns
            shown = f"{type_prefix}:{type_name}" if type_prefix else type_name
            attrs.append(f' i:type="{shown}"')
        attrs.extend(_declaration(p, u) for p, u in implicit)
        attrs.extend(decls)
        qname = f"{prefix}:{name}" if prefix else name
        if self.indent and not mixed and depth > 1:
            self.parts.append("\n" + "  " * (depth - 1))
        self.parts.append(f"<{qname}{''.join(attrs)}")
        if not raw.content:
            self.parts.append("/>" if self.stream else " />")
            return
        self.parts.append(">")
        inner = {uri: p for p, uri in bound.items() if p != "xml"}
        here_mixed = mixed
        for item in raw.content:
            if isinstance(item, RawElement):
                self.element(item, item.name, item.namespace, inner, depth + 1, False, here_mixed)
            else:
                here_mixed = True  # XmlWriter indents no more in this element
                self.parts.append(self.escape(item))
        if self.indent and not here_mixed:
            self.parts.append("\n" + "  " * (depth - 1))
        self.parts.append(f"</{qname}>")

    def _new_prefix(self, bound: dict[str, str], depth: int) -> str:
        """A prefix for an ``i:type`` namespace not in scope."""
        if not self.stream:
            return f"d{depth}p1"
        return next(letter for letter in "abcdefghijklmnopqrstuvwxyz" if letter not in bound)


def _declaration(prefix: str, uri: str) -> str:
    return f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"'

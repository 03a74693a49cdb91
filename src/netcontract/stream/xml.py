"""Streaming DataContract XML: the items of a collection read one by one (``iter_xml``) and
written one by one (``XmlListWriter``, ``write_xml_items``), in bounded memory.

Reading parses with lxml's pull parser under the options of ``xml/parse.py`` (no DTD, no
entities, no network, ``huge_tree`` off; a DOCTYPE is refused before libxml2 sees it) and
reads each item, once it is parsed completely, with the readers ``from_xml`` uses for the
items of a list (the generated contract reader, else the reference reader), so values,
checks, messages and paths are the same. Each item is then cleared and dropped from the tree.
"""

from __future__ import annotations

import codecs
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final, Literal

from lxml import etree

from netcontract.clr.namespaces import SER, XSI
from netcontract.codegen import (
    Fallback,
    conversion_done,
    conversion_started,
    fell_back,
    generated_paths,
)
from netcontract.errors import (
    ContractDefinitionError,
    Problem,
    QuotaExceededError,
    SerializationError,
    XmlPayloadError,
    XmlSyntaxError,
)
from netcontract.limits import (
    DEFAULT_LIMITS,
    FAILED,
    Limits,
    ReadContext,
    kept_references_exceeded,
)
from netcontract.model import paths as _paths
from netcontract.model.contract import find_contract, is_contract, unknown_root_message
from netcontract.model.cycles import graph_problem
from netcontract.model.known import (
    EMPTY,
    initial_scope,
    resolve_known,
    unknown_type_message,
    with_own,
)
from netcontract.model.known import Scope as KnownScope
from netcontract.model.names import clark
from netcontract.model.plan import ContractInfo, contract_info
from netcontract.model.wire import (
    ContractType,
    ListType,
    ObjectType,
    Slot,
    list_type,
    resolve_annotation,
)
from netcontract.stream._source import opened, read_chunk
from netcontract.xml import walk as _walk
from netcontract.xml.parse import (
    PARSER_OPTIONS,
    RefuseExternal,
    check_declaration,
    check_prolog,
    detect_encoding,
    syntax_error,
)
from netcontract.xml.read import (
    _bad_nil,
    _fast_reader,
    _names_list,
    _nil,
    _resolve_qname,
    _typed_target,
    _walked_reader,
    reader_for,
)
from netcontract.xml.walk import Document
from netcontract.xml.write import Scope, _fast_writer, _static_end, _static_start, _Writer

__all__ = ["XmlListWriter", "iter_xml", "write_xml_items"]

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"
_ZREF: Final = f"{{{SER}}}Ref"
#: the chain entry of a null element on the path: its content is refused, as from_xml refuses it
_NULL: Final = object()
_XML_WS: Final = " \t\r\n"
_UTF8_BOM: Final = b"\xef\xbb\xbf"


def _item_slot(item_cls: Any) -> tuple[Slot, ListType]:
    slot = resolve_annotation(item_cls)
    return slot, list_type(slot)


# ------------------------------------------------------------------------------ reading


def iter_xml(
    source: Any,
    item_cls: Any,
    *,
    path: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    known_types: Iterable[Any] | None = None,
) -> Iterator[Any]:
    """Yield the items of a collection document one by one, in bounded memory.

    ``source`` is a binary file object or a path. Without ``path`` the document is the
    collection itself (``<ArrayOfVehicleLightDto>``, as .NET writes a ``List<T>``); with
    ``path`` (``"Vehicles"``, ``"Group.Vehicles"``: member names) it is a contract document
    whose list member at that path holds the items (its other members are not read). Each
    item is read as ``from_xml`` reads the items of a list: the same values, problems and
    paths (``[12345].Tolerance``, ``Vehicles[12].Tolerance``). A refused item raises
    :class:`~netcontract.XmlPayloadError` after the items before it were yielded.
    ``max_bytes`` does not apply; ``max_item_bytes`` bounds each item (and each stretch of
    the document between two items); the other quotas apply to each item. ``known_types``:
    the serializer's known types, as for ``from_xml`` (an item's ``i:type`` must name a type
    known there: its declared class, a type its ``known_types`` or this list make known).
    """
    slot, wire = _item_slot(item_cls)
    segments = tuple(path.split(".")) if path else ()
    if any(not s for s in segments):
        raise ContractDefinitionError(f"path {path!r} has an empty member name")
    known = initial_scope(_item_contract(slot), known_types)
    return _Reader(slot, wire, segments, strict, limits, known).run(source)


def _item_contract(slot: Slot) -> Any:
    """The items' contract (known where they are), or None for other items."""
    wire = slot.wire
    if isinstance(wire, ContractType):
        return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    return None


class _Reader:
    """One streaming read: the state kept between the parser's events."""

    def __init__(
        self,
        slot: Slot,
        wire: ListType,
        segments: tuple[str, ...],
        strict: bool,
        limits: Limits,
        known: KnownScope = EMPTY,
    ) -> None:
        #: the types an item's i:type may name (netcontract.model.known)
        self.known = known
        self.slot = slot
        self.wire = wire
        self.segments = segments
        self.strict = strict
        #: the z:Id of the is_reference objects read so far, for the z:Ref of later items
        self._refs: dict[str, Any] = {}
        self.limits = limits
        self.item_tag = clark(wire.contract_namespace, wire.item_name)
        self.reference = reader_for(slot)
        self.fast: Any = None
        self.walked: Any = None
        self.walked_tp: Any = None
        if generated_paths() and isinstance(slot.wire, ContractType):
            target = slot.wire
            tp = target.cls[target.type_args] if target.type_args else target.cls  # type: ignore[index]
            self.fast = _fast_reader(tp)
            self.walked_tp = tp
            if _walk.ACTIVE:
                self.walked = _walked_reader(tp)
        # the elements from the root to the list: (element, path, plan of a contract or None)
        self.chain: list[tuple[Any, str, Any]] = []  # info: ContractInfo, None or _NULL
        self.list_el: Any = None  # the list element, while it is open
        self.list_path = ""
        self.list_done = False
        # (the list's parent, tag and path: the same element again is refused, as from_xml)
        self.list_key: tuple[Any, str, str] | None = None
        self.index = 0  # of the next item
        self.kept: Any = None  # the last item read (its tail is checked with the next one)
        #: a collection document: the last child of the root looked at (kept in the tree)
        self.cursor: Any = None
        self.text_checked = False
        self.fed = 0  # UTF-8 bytes given to the parser
        self.boundary = 0  # bytes fed when the last item (or path element) was seen

    def _context(self) -> ReadContext:
        ctx = ReadContext(self.strict, self.limits)
        ctx.known = self.known
        return ctx

    # -- the byte stream ---------------------------------------------------------------
    def run(self, source: Any) -> Iterator[Any]:
        with opened(source, "iter_xml") as fp:
            tags = (
                None
                if self.segments
                else [clark(self.wire.contract_namespace, self.wire.contract_name), self.item_tag]
            )
            # a collection document: the root's start event only, and its items found in the
            # tree once complete (lxml takes the GIL back for each parser callback it hooks
            # for events: hooking the end of every element cost about a tenth of the read);
            # the probe checks the root. A list member on a path: start and end events.
            parser = etree.XMLPullParser(
                events=("start",) if tags else ("start", "end"),
                tag=tags[:1] if tags else None,
                encoding="utf-8",
                **PARSER_OPTIONS,
            )
            parser.resolvers.add(RefuseExternal())
            # the filtered events do not show a root of another name: a second parser sees
            # the root's start tag (checked before any item) and is dropped
            probe: Any = None
            if tags is not None:
                probe = etree.XMLPullParser(events=("start",), encoding="utf-8", **PARSER_OPTIONS)
                probe.resolvers.add(RefuseExternal())
            for view in self._utf8_chunks(fp):
                if probe is not None:
                    try:
                        probe.feed(view)
                    except etree.XMLSyntaxError:
                        probe = None  # the parser reports it
                    else:
                        for _, element in probe.read_events():
                            self._root(element, check_only=True)
                            probe = None
                            break
                try:
                    parser.feed(view)
                except etree.XMLSyntaxError as exc:
                    yield from self._items_before_error(parser)
                    raise syntax_error(exc, self._open_path()) from None
                self.fed += len(view)
                if tags is None:
                    yield from self._events(parser)
                else:
                    yield from self._complete_items(parser, closed=False)
                if self.fed - self.boundary > self.limits.max_item_bytes:
                    self._over_item_bytes()
            try:
                parser.close()
            except etree.XMLSyntaxError as exc:
                yield from self._items_before_error(parser)
                raise syntax_error(exc, self._open_path()) from None
            if tags is None:
                yield from self._events(parser)
            else:
                yield from self._complete_items(parser, closed=True)

    def _complete_items(self, parser: etree.XMLPullParser, closed: bool) -> Iterator[Any]:
        """A collection document: read the items of the root parsed completely so far, in
        order. An element is complete once it has a next sibling or text after it (or the
        document is closed); the last one may be held back until the next chunk."""
        if self.list_el is None:
            for _, element in parser.read_events():
                if element.getparent() is None and not self.list_done:
                    self.chain.append((element, "", None))
                    self.list_el = element
                    break
            else:
                return
        else:
            # (a nested element of the root's name: its start event is not the root's)
            for _ in parser.read_events():
                pass
        root = self.list_el
        item_tag = self.item_tag
        # after the last child looked at (still in the tree)
        child = next(iter(root), None) if self.cursor is None else self.cursor.getnext()
        while child is not None:
            after = child.getnext()
            if after is None and not closed and child.tail is None:
                break  # maybe not complete yet
            if child.tag == item_tag:
                yield self._item(child)
            self.cursor = child
            child = after
        if closed:
            self._list_end(root)

    def _items_before_error(self, parser: etree.XMLPullParser) -> Iterator[Any]:
        """The items queued with a syntax error that were complete before it: lxml ends the
        elements left open, so an item cut short looks complete; an item followed by another
        element is not one of them (the last one may be: it is not read)."""
        if not self.segments:
            # a collection document: the children of the root followed by another element
            for _, element in parser.read_events():
                if self.list_el is None and element.getparent() is None:
                    self.chain.append((element, "", None))
                    self.list_el = element
            if self.list_el is None or self.list_done:
                return
            root = self.list_el
            child = next(iter(root), None) if self.cursor is None else self.cursor.getnext()
            while child is not None and (after := child.getnext()) is not None:
                if child.tag == self.item_tag:
                    yield self._item(child)
                self.cursor = child
                child = after
            return
        for event, element in parser.read_events():
            if event == "start":  # (only end events are made up)
                self._start(element)
                continue
            if (
                event == "end"
                and self.list_el is not None
                and element.getparent() is self.list_el
                and element.tag == self.item_tag
                and element.getnext() is not None
            ):
                yield self._item(element)

    def _open_path(self) -> str:
        """The path of the first item not yielded while the list is open (where a syntax
        error or a quota is reported), else the document's."""
        return _paths.item(self.list_path, self.index) if self.list_el is not None else ""

    def _over_item_bytes(self) -> None:
        where = self._open_path()
        ReadContext(limits=self.limits).exceeded(
            where, "max_item_bytes", self.limits.max_item_bytes, "bytes"
        )

    def _utf8_chunks(self, fp: Any) -> Iterator[bytes]:
        """The document as UTF-8, chunk by chunk, once its encoding and prolog are checked."""
        head = b""
        while len(head) < 4:
            chunk = read_chunk(fp, "iter_xml")
            if not chunk:
                break
            head += chunk
        if not head or head.isspace():
            raise XmlSyntaxError("the document is empty")
        encoding, bom = detect_encoding(head)
        decoder = None
        if encoding != "UTF-8":
            decoder = codecs.getincrementaldecoder(
                "utf-16-le" if encoding == "UTF-16LE" else "utf-16-be"
            )()
        offset = 0  # bytes of the source decoded so far

        def view_of(data: bytes, final: bool) -> bytes:
            nonlocal offset
            if decoder is None:
                return data
            try:
                text = decoder.decode(data[bom:] if offset == 0 else data, final)
            except UnicodeDecodeError as exc:
                position = offset + exc.start + (bom if offset == 0 else 0)
                raise XmlSyntaxError(f"invalid {encoding} at byte {position}") from None
            offset += len(data)
            return text.encode("utf-8")

        # the prolog is read whole before libxml2 sees anything (within max_item_bytes)
        view = view_of(head, False)
        while True:
            end = _prolog_end(view)
            if end is not None or len(view) > self.limits.max_item_bytes:
                break
            chunk = read_chunk(fp, "iter_xml")
            if not chunk:
                break
            view += view_of(chunk, False)
        if end is None and len(view) > self.limits.max_item_bytes:
            self._over_item_bytes()
        check_declaration(view, encoding, bom)
        check_prolog(view)
        yield view
        while True:
            chunk = read_chunk(fp, "iter_xml")
            if not chunk:
                break
            yield view_of(chunk, False)
        if decoder is not None:
            rest = view_of(b"", True)
            if rest:
                yield rest

    # -- the parser's events -----------------------------------------------------------
    def _events(self, parser: etree.XMLPullParser) -> Iterator[Any]:
        for event, element in parser.read_events():
            if event == "start":
                self._start(element)
                continue
            parent = element.getparent()
            if parent is not None and parent is self.list_el:
                if element.tag == self.item_tag:
                    yield self._item(element)
                continue
            if element is self.list_el:
                self._list_end(element)
            elif self.chain and element is self.chain[-1][0]:
                self.chain.pop()
                self.boundary = self.fed
            elif parent is not None and self.chain and parent is self.chain[-1][0]:
                # another member of a contract on the path: not read
                element.clear()
                while (prev := element.getprevious()) is not None:
                    parent.remove(prev)

    def _start(self, element: Any) -> None:
        parent = element.getparent()
        if parent is None:
            self._root(element)
            return
        key = self.list_key
        if self.list_done and key is not None and parent is key[0] and element.tag == key[1]:
            self._refuse(
                self._context(),
                key[2],
                "element given twice (.NET would keep the first and drop this one)",
                element,
            )
        if self.chain and parent is self.chain[-1][0] and self.chain[-1][2] is _NULL:
            self._refuse(
                self._context(),
                self.chain[-1][1],
                'an element with i:nil="true" must be empty',
                element,
            )
        if self.list_done or not self.chain or parent is not self.chain[-1][0]:
            return
        _, parent_path, info = self.chain[-1]
        if info is None:
            return
        level = len(self.chain)  # the segment this element may be
        name = self.segments[level - 1]
        member = next((m for m in info.xml_members if m.wire_name == name), None)
        if member is None:
            raise ContractDefinitionError(f"{info.name} has no member {name!r} (path)")
        if element.tag != clark(member.xml_namespace, member.xml_name):
            return
        # members before the one on the path are not read
        while (prev := element.getprevious()) is not None:
            parent.remove(prev)
        self.boundary = self.fed
        element_path = _paths.join(parent_path, name)
        ctx = self._context()
        nil = _nil(element)
        if nil is None:
            self._refuse(ctx, element_path, _bad_nil(element), element)
        if element.get(_ZREF) is not None:
            # from_xml refuses a z:Ref but on an is_reference member, and the object it would
            # name is in a member not read here (Mono: "Deserialized object with reference id
            # not found in stream" where there is none; an empty list is no answer)
            self._refuse(
                ctx,
                element_path,
                "z:Ref on the path to the streamed list (its object is not read here)",
                element,
            )
        last = level == len(self.segments)
        wire = member.slot.wire
        if last:
            self.list_key = (parent, element.tag, element_path)
        if nil:
            # a null list (or contract on the path): no items, as from_xml gives None
            self.chain.append((element, element_path, _NULL))
            if last:
                self.list_done = True
            return
        if last:
            if not isinstance(wire, ListType) or (wire.contract_namespace, wire.contract_name) != (
                self.wire.contract_namespace,
                self.wire.contract_name,
            ):
                raise ContractDefinitionError(
                    f"{element_path} is not a list of {self.wire.item_name} "
                    f"({self.wire.contract_name})"
                )
            type_attr = element.get(_TYPE)
            if type_attr is not None and not _names_list(
                element, type_attr, wire, element_path, ctx
            ):
                raise XmlPayloadError(ctx.problems)
            self.chain.append((element, element_path, None))
            self.list_el = element
            self.list_path = element_path
            return
        if isinstance(wire, ObjectType):
            # an object member (ResponseDto.Data): the contract its i:type names, known there
            self.chain.append((element, element_path, self._object_target(element, element_path)))
            return
        if not isinstance(wire, ContractType):
            raise ContractDefinitionError(f"{element_path} is not a contract member (path)")
        tp = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
        target = _typed_target(element, tp, wire.cls, element_path, ctx)
        if target is FAILED:
            raise XmlPayloadError(ctx.problems)
        self.chain.append((element, element_path, contract_info(target)))

    def _object_target(self, element: Any, path: str) -> ContractInfo:
        """The plan of the contract an ``object`` member on the path holds: the one its
        ``i:type`` names, when it is known there (as from_xml reads the member)."""
        ctx = self._context()
        for _, _, info in self.chain:  # the known types of the contracts on the path
            if isinstance(info, ContractInfo):
                ctx.known = with_own(ctx.known, info.tp or info.cls)
        type_attr = element.get(_TYPE)
        if type_attr is None:
            self._refuse(
                ctx, path, "an object member with content needs an i:type attribute", element
            )
        try:
            ns, local = _resolve_qname(element, type_attr, path, ctx)
        except QuotaExceededError:
            raise
        except ValueError as exc:
            self._refuse(ctx, path, str(exc), element)
        found = resolve_known(ctx.known, object, ns, local)
        if found is None:
            self._refuse(ctx, path, unknown_type_message(ns, local), element)
        if not is_contract(typing.get_origin(found) or found):
            raise ContractDefinitionError(
                f"{path} holds i:type {local!r}, not a contract: no list member inside (path)"
            )
        return contract_info(found)

    def _root(self, root: Any, check_only: bool = False) -> None:
        ctx = self._context()
        info_doc = root.getroottree().docinfo
        if info_doc.doctype or info_doc.internalDTD is not None:
            raise XmlSyntaxError(
                "a DOCTYPE (DTD) is not allowed: DataContract XML never has one", 1
            )
        tag = str(root.tag)
        ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        nil = _nil(root)
        if nil is None:
            self._refuse(ctx, "", _bad_nil(root), root)
        if nil:
            self._refuse(ctx, "", "the document is null (i:nil) where an object was expected", root)
        if not self.segments:
            wire = self.wire
            if (wire.contract_namespace, wire.contract_name) != (ns, local):
                self._refuse(
                    ctx,
                    "",
                    f"expecting element {wire.contract_name!r} from namespace "
                    f"{wire.contract_namespace!r}, found {local!r} from namespace {ns!r}",
                    root,
                )
            type_attr = root.get(_TYPE)
            if type_attr is not None and not _names_list(root, type_attr, wire, "", ctx):
                raise XmlPayloadError(ctx.problems)
            if check_only:
                return
            self.chain.append((root, "", None))
            self.list_el = root
            return
        found = find_contract(ns, local)
        if found is None or not is_contract(found):
            self._refuse(ctx, "", unknown_root_message(ns, local), root)
        target = _typed_target(root, found, typing.get_origin(found) or found, "", ctx)
        if target is FAILED:
            raise XmlPayloadError(ctx.problems)
        self.chain.append((root, "", contract_info(target)))

    @staticmethod
    def _refuse(ctx: ReadContext, path: str, message: str, element: Any) -> typing.NoReturn:
        ctx.problem(path, message, element)
        raise XmlPayloadError(ctx.problems)

    def _siblings_before(self, element: Any | None, ctx: ReadContext) -> None:
        """Check and drop the list's children before ``element`` (None: all of them): the
        last item read, and elements that are not items (ignored, or refused when strict)."""
        parent = self.list_el
        path = self.list_path
        if not self.text_checked:
            self.text_checked = True
            text = parent.text
            if text and text.strip(_XML_WS):
                ctx.problem(path, f"unexpected text {text.strip(_XML_WS)[:40]!r}", parent)
        # the children before ``element``: from the first (the tree holds the items parsed
        # ahead of the events too, so the list is not copied whole)
        if element is not None and self.text_checked:
            # the usual case: only the item read last is before this one
            prev = element.getprevious()
            if prev is not None and prev is self.kept and prev.getprevious() is None:
                tail = prev.tail
                if tail and tail.strip(_XML_WS):
                    ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", prev)
                    raise XmlPayloadError(ctx.problems)
                parent.remove(prev)
                return
        before = []
        last = parent[-1] if len(parent) else None
        child = last if element is None else element.getprevious()
        while child is not None:
            before.append(child)
            child = child.getprevious()
        for child in reversed(before):
            tail = child.tail
            if tail and tail.strip(_XML_WS):
                ctx.problem(path, f"unexpected text {tail.strip(_XML_WS)[:40]!r}", child)
            if (
                child is not self.kept
                and child.tag != self.item_tag
                and (ctx.strict or not isinstance(child.tag, str))
            ):
                ctx.problem(
                    path,
                    f"unexpected element {child.tag!r}, expected {self.item_tag!r}",
                    child,
                )
            parent.remove(child)
        if ctx.problems:
            raise XmlPayloadError(ctx.problems)

    def _item(self, element: Any) -> Any:
        ctx = self._context()
        # a z:Ref may name an object of an earlier item (DataContractSerializer's List<T>)
        ctx.refs = self._refs
        self._siblings_before(element, ctx)
        # the levels above the item count toward max_depth as in from_xml: the contracts on
        # the path and the list
        ctx.depth = len(self.segments) + 1
        conversion_started()
        item_path = _paths.item(self.list_path, self.index)
        # an attribute (i:nil, i:type, z:Id, z:Ref) is the reference reader's to read
        if self.fast is not None and not element.attrib:
            walked: Any = self.walked if _walk.ACTIVE else None
            node = None if walked is None else _walk.walk(element, self.limits, ctx.depth)
            if type(node) is tuple:
                # the compiled walk of the item (as from_xml reads a document with it)
                value = walked(node, ctx, item_path, Document(element))
            else:
                if node is not None:  # what the walk does not read: lxml's elements
                    fell_back(self.walked_tp, f"the compiled walk declined: {node}")
                value = self.fast(element, ctx, item_path)
        else:
            value = self.reference(element, item_path, ctx)
        if ctx.problems or value is FAILED:
            raise XmlPayloadError(ctx.problems)
        if len(self._refs) > self.limits.max_total_items:
            kept_references_exceeded(item_path, self.limits)
        conversion_done()
        self.index += 1
        element.clear(keep_tail=True)
        self.kept = element
        self.boundary = self.fed
        return value

    def _list_end(self, element: Any) -> None:
        self._siblings_before(None, self._context())
        self.kept = None
        self.cursor = None
        self.list_el = None
        self.list_done = True
        if self.chain and self.chain[-1][0] is element:
            self.chain.pop()
        self.boundary = self.fed


def _prolog_end(view: bytes) -> int | None:
    """Where the prolog of ``view`` ends (declaration, comments, processing instructions and
    blanks), or None while it may go on past ``view``."""
    position = 3 if view.startswith(_UTF8_BOM) else 0
    while True:
        while position < len(view) and view[position] in b" \t\r\n":
            position += 1
        if view.startswith(b"<?", position):
            closer = b"?>"
        elif view.startswith(b"<!--", position):
            closer = b"-->"
        elif len(view) - position < 9:  # len(b"<!DOCTYPE"): not yet sure
            return None
        else:
            return position
        end = view.find(closer, position)
        if end < 0:
            return None
        position = end + len(closer)


# ------------------------------------------------------------------------------ writing


def _list_root_start(wire: ListType, stream: bool = False) -> tuple[str, Scope]:
    """The collection's root start tag (without ``>``) as DataContractSerializer writes a
    ``List<T>`` (Mono: ``<ArrayOfVehicleLightDto xmlns:i="…" xmlns="…">``; in the stream
    layout ``xmlns`` first), and its scope."""
    ns = wire.contract_namespace
    if ns and stream:
        return f'<{wire.contract_name} xmlns="{ns}" xmlns:i="{XSI}"', {ns: "", XSI: "i"}
    if ns:
        return f'<{wire.contract_name} xmlns:i="{XSI}" xmlns="{ns}"', {XSI: "i", ns: ""}
    return f'<{wire.contract_name} xmlns:i="{XSI}"', {XSI: "i", "": ""}


class XmlListWriter:
    """Write a collection document item by item to a binary file object: the bytes
    ``to_xml`` writes for a contract are those of each item, and the whole is what
    DataContractSerializer writes for the ``List<T>`` (no XML declaration; ``indent`` as
    ``XmlWriterSettings.Indent``). ``close()`` (or leaving the ``with`` block without an
    exception) ends the document; an empty list is the self-closed root. ``layout="stream"``
    writes what ``WriteObject(Stream)`` writes for the ``List<T>`` (as ``to_xml``; never
    indented)."""

    def __init__(
        self,
        fp: Any,
        item_cls: Any,
        *,
        indent: bool = False,
        layout: Literal["writer", "stream"] = "writer",
        known_types: Iterable[Any] | None = None,
    ) -> None:
        if layout not in ("writer", "stream"):
            raise ValueError(f"layout must be 'writer' or 'stream', not {layout!r}")
        if layout == "stream" and indent:
            raise ValueError(
                "layout='stream' cannot be indented: WriteObject(Stream) writes through"
                " XmlDictionaryWriter's text writer, which has no indentation"
            )
        self._fp = fp
        self._slot, self._wire = _item_slot(item_cls)
        #: the serializer's known types (``known_types``, as for ``to_xml``) and the items'
        self._known = initial_scope(_item_contract(self._slot), known_types)
        self._indent = indent
        self._stream = stream = layout == "stream"
        start, self._scope = _list_root_start(self._wire, stream)
        self._start = start
        self._count = 0
        self._closed = False
        wire = self._slot.wire
        self._fast: tuple[type, str, str, Any] | None = None
        #: the z:Id of the is_reference objects written so far: one numbering for the whole
        #: document, as DataContractSerializer numbers the List<T> it writes (Mono)
        self._ids: dict[int, tuple[str, Any]] = {}
        if isinstance(wire, ContractType) and not wire.type_args:
            info = contract_info(wire.cls)
            # an is_reference item's own z:Id is written by the reference writer's member()
            if info.xml_members and info.emits_all and not info.is_reference:
                item_start, qname, inner = _static_start(
                    self._wire.item_name,
                    self._wire.contract_namespace,
                    self._scope,
                    2,
                    None,
                    False,
                    indent,
                    stream,
                )
                self._fast = (
                    wire.cls,
                    item_start + ">",
                    _static_end(qname, 2, indent),
                    _fast_writer(wire.cls, inner, 2, indent, stream),
                )

    def write(self, item: Any) -> None:
        """Write one item (a problem raises :class:`~netcontract.SerializationError` with
        the item's path, ``[12].Name``; what was written before it stays written)."""
        if self._closed:
            raise ValueError("the XmlListWriter is closed")
        conversion_started()
        try:
            text = self._item_text(item)
        except RecursionError:  # a cycle (or a graph too deep), as to_xml refuses it
            problem = graph_problem(item)
            path = _paths.item("", self._count)
            joined = (
                _paths.join(path, problem.path)
                if problem.path[:1] not in ("", "[")
                else path + problem.path
            )
            raise SerializationError([Problem(joined, problem.message)]) from None
        if self._count == 0:
            text = self._start + ">" + text
        self._count += 1
        self._fp.write(text.encode("utf-8"))
        conversion_done()

    def _item_text(self, item: Any) -> str:
        path = _paths.item("", self._count)
        fast = self._fast
        if fast is not None and generated_paths() and type(item) is fast[0]:
            writer = _Writer(self._indent, self._stream, self._known)
            writer.ids = self._ids
            parts = writer.parts
            parts.append(fast[1])
            try:
                fast[3](item, parts.append, writer)
            except Fallback:
                pass
            else:
                parts.append(fast[2])
                return "".join(parts)
        writer = _Writer(self._indent, self._stream, self._known)
        writer.ids = self._ids
        writer.member(
            self._wire.item_name,
            self._wire.contract_namespace,
            self._slot,
            item,
            self._scope,
            2,
            path,
        )
        if writer.problems:
            raise SerializationError(writer.problems)
        return "".join(writer.parts)

    def close(self) -> None:
        """End the document (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._count == 0:
            self._fp.write((self._start + ("/>" if self._stream else " />")).encode("utf-8"))
        else:
            end = f"</{self._wire.contract_name}>"
            self._fp.write((("\n" + end) if self._indent else end).encode("utf-8"))

    def __enter__(self) -> XmlListWriter:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:  # an error leaves the document unfinished, as it is
            self.close()


def write_xml_items(
    fp: Any,
    items: Iterable[Any],
    item_cls: Any,
    *,
    indent: bool = False,
    layout: Literal["writer", "stream"] = "writer",
    known_types: Iterable[Any] | None = None,
) -> int:
    """Write ``items`` as one collection document to ``fp`` (see :class:`XmlListWriter`);
    returns the number of items written."""
    writer = XmlListWriter(fp, item_cls, indent=indent, layout=layout, known_types=known_types)
    for item in items:
        writer.write(item)
    writer.close()
    return writer._count

"""The compiled walk of a parsed document (``walk_tree`` in ``clr/_speedups.c``).

The generated XML readers spend most of their time in lxml: a proxy object per element and
its ``tag``, ``text``, ``tail``, ``get`` and ``len`` calls. ``walk_tree`` reads libxml2's tree
behind the root element in C, in one pass, and gives each element as a tuple ``(tag, text,
nil, children, serial, other)``: see :func:`walk_proxies`, the same walk over lxml's proxies,
which is its definition (the tests compare the two; this module compares them on a sample at
import). The generated readers read the tuples (``xml/read.py``) and hand an element to the
reference reader as lxml's element (:meth:`Document.element`), so results and problems are
the reference's.

The children of a list with more than :data:`DEFER` items are deferred: a sequence whose
iterator walks each item when a reader gets to it (:func:`expanded` makes them tuples), so
the tuples of one item at a time are alive while the objects are made, and the walk's peak
memory is not above the proxies' reader's. The walk declines a tree deeper than the reader's
``max_depth`` allows, or an element with more child elements than ``max_collection_items``:
the reader of lxml's proxies then meets the quota before it reads an item, and raises the
reference's error, without the walk making a tuple for each of the items first.

The walk is used when the compiled codecs are (``netcontract.clr.compiled``), lxml is a version
whose ``_Element`` layout the C code mirrors, and the sample agrees; else ``ACTIVE`` is False,
``REASON`` says why, and the readers walk lxml's proxies as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from lxml import etree

from netcontract.clr import compiled
from netcontract.clr.namespaces import XSI
from netcontract.limits import Limits

__all__ = [
    "ACTIVE",
    "DEFER",
    "MAX_DEPTH",
    "MIXED",
    "REASON",
    "SHAPES",
    "Document",
    "expanded",
    "full",
    "leaf",
    "shape",
    "walk",
    "walk_proxies",
    "walker",
]

_NIL: Final = f"{{{XSI}}}nil"
_TYPE: Final = f"{{{XSI}}}type"
_XML_WS: Final = " \t\r\n"
MIXED: Final = "text beside elements"
"""The text of an element with child elements and text that is not XML white space."""
MAX_DEPTH: Final = 1000
"""Deeper trees are declined (libxml2 refuses trees deeper than 256 without huge_tree)."""
DEFER: int = 16
"""A list of more items than this (child elements of one name) has its items walked one at a
time, as a reader iterates them (the tests lower it to defer every list)."""
_NO_LIMIT: Final = 2**62

Node = tuple[
    str, str | None, str | None, tuple[Any, ...], int, int, tuple[str, ...], tuple[str | None, ...]
]
SHAPES: Final[dict[tuple[str, ...], tuple[str, ...]]] = {}
"""Each tuple of child tags seen (the walk's ``shape``), to itself: readers compare with ``is``."""


def shape(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The tuple the walk gives as ``shape`` for children with these tags."""
    return SHAPES.setdefault(tags, tags)


def walk_proxies(
    root: Any,
    max_depth: int = MAX_DEPTH,
    max_length: int = _NO_LIMIT,
    max_items: int = _NO_LIMIT,
    defer: int = _NO_LIMIT,
) -> Node | str:
    """The walk over lxml's proxies: per element ``(tag, text, nil, children, serial, other,
    shape, plain)``, or a str saying why the tree is declined.

    ``tag`` is lxml's; ``text`` lxml's ``.text`` for an element without child elements, else
    None when all its text (``.text`` and the children's ``.tail``) is XML white space and
    :data:`MIXED` when not; ``nil`` the ``i:nil`` attribute or None; ``children`` the child
    elements' tuples; ``serial`` the element's index in ``root.iter()``; ``other`` 0 when it
    has no attribute but ``i:nil``, 2 when ``i:type`` is among them, else 1; ``shape`` the
    tuple of the children's tags (:func:`shape`); ``plain`` per child its text (``""`` for
    none) when it has no attribute, no child element and at most ``max_length`` characters
    (a plain leaf, whose entry in ``children`` is then None: no tuple is made), else None.
    Comments,
    processing instructions and entity references (which the hardened parser removes or
    refuses) decline the walk, and so do an element with more than ``max_items`` child
    elements and one deeper than ``max_depth``. An element with more than ``defer`` child
    elements, all of one tag, and not inside such an element, has them deferred:
    ``children`` is then the tuple of every child's own walk (as the compiled walk's
    sequence gives them), ``shape`` None and ``plain`` ()."""
    serial = 0
    inside = False  # in a deferred element: its lists are not deferred

    def node(el: Any, depth: int) -> Node | str:
        nonlocal serial, inside
        if depth > max_depth:
            return "a tree deeper than max_depth"
        nil = None
        other = 0
        for key, value in el.attrib.items():
            if key == _NIL:
                nil = value
            elif key == _TYPE:
                other = 2
            elif other == 0:
                other = 1
        children = list(el)
        if any(type(child.tag) is not str for child in children):
            return "a comment, processing instruction or entity reference"
        if len(children) > max_items:
            return "more child elements than max_collection_items"
        mine = serial
        serial += 1
        if not children:
            return (el.tag, el.text, nil, (), mine, other, (), ())
        texts = [el.text, *(child.tail for child in children)]
        mixed = any(t and t.strip(_XML_WS) for t in texts)
        if not inside and len(children) > defer and len({child.tag for child in children}) == 1:
            deferred: list[Node] = []
            inside = True
            for child in children:
                kid = node(child, depth + 1)
                if isinstance(kid, str):
                    return kid
                deferred.append(kid)
            inside = False
            text = MIXED if mixed else None
            return (el.tag, text, nil, tuple(deferred), mine, other, None, ())  # type: ignore[return-value]
        kids: list[Node | None] = []
        plain: list[str | None] = []
        for child in children:
            text = child.text or ""
            if (
                not child.attrib
                and not len(child)
                and depth < max_depth
                and len(text) <= max_length
            ):
                serial += 1
                kids.append(None)
                plain.append(text)
                continue
            kid = node(child, depth + 1)
            if isinstance(kid, str):
                return kid
            kids.append(kid)
            plain.append(None)
        tags = shape(tuple(child.tag for child in children))
        return (
            el.tag,
            MIXED if mixed else None,
            nil,
            tuple(kids),
            mine,
            other,
            tags,
            tuple(plain),
        )

    return node(root, 0)


class Document:
    """The lxml elements of a walked tree by serial, listed when a reader first asks."""

    __slots__ = ("_elements", "root")

    def __init__(self, root: Any) -> None:
        self.root = root
        self._elements: list[Any] | None = None

    def element(self, serial: int | tuple[int, int]) -> Any:
        """The lxml element of the tuple whose serial this is, or (parent's serial, index)
        of a plain leaf."""
        if isinstance(serial, tuple):
            return self.element(serial[0])[serial[1]]
        elements = self._elements
        if elements is None:
            elements = self._elements = list(self.root.iter())
        return elements[serial]


def expanded(node: Node | str) -> Node | str:
    """A walk's result with every deferred sequence of children made a tuple, at every level
    (to compare the compiled walk with :func:`walk_proxies`)."""
    if isinstance(node, str):
        return node
    kids = tuple(None if kid is None else expanded(kid) for kid in node[3])
    return (node[0], node[1], node[2], kids, *node[4:])


def full(node: Node) -> tuple[Node, ...]:
    """The children of a walked element, a tuple made for each plain leaf (its serial is
    its parent's and its index, which :meth:`Document.element` finds)."""
    kids, tags, texts, serial = node[3], node[6], node[7], node[4]
    return tuple(
        kid
        if kid is not None
        else (tags[index], texts[index], None, (), (serial, index), 0, (), ())  # type: ignore[misc]
        for index, kid in enumerate(kids)
    )


def leaf(node: Node, index: int) -> Node:
    """The child ``index`` of a walked element as a tuple, made if it is a plain leaf."""
    kid = node[3][index]
    if kid is not None:
        return kid  # type: ignore[no-any-return]
    return (node[6][index], node[7][index], None, (), (node[4], index), 0, (), ())  # type: ignore[return-value]


_SAMPLE: Final = (
    b'<a xmlns="urn:a" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" x="1">\n'
    b' <b i:nil="true"/><c i:type="d">t&amp;\xc3\xa9<![CDATA[<]]></c><e/>\n'
    b' <f xmlns="">z<g/>w</f><h></h><l><i>1</i><i x="2"/><i><j/></i></l></a>'
)


def _checked() -> tuple[Callable[..., Any] | None, str]:
    ext = compiled.extension
    if ext is None:
        return None, compiled.REASON
    if not hasattr(ext, "walk_tree"):  # pragma: no cover - an extension built before the walk
        return None, "pure Python: the extension has no walk_tree (rebuild it)"
    # lxml's _Element has begun with (_doc, _c_node) since lxml 2; libxml2's node structs are
    # the same since 2.0. A later major version is declined until it is checked.
    if not 4 <= etree.LXML_VERSION[0] <= 6 or etree.LIBXML_VERSION[0] != 2:
        return None, f"lxml walk: lxml {etree.__version__} is not a version it was checked with"
    try:
        ext.setup_walk(etree._Element, MIXED, SHAPES)
    except TypeError:  # pragma: no cover - an extension built from an older _speedups.c
        return None, "pure Python: the extension's walk_tree is out of date (rebuild it)"
    parser = etree.XMLParser(strip_cdata=True, resolve_entities=False)
    sample = etree.fromstring(_SAMPLE, parser)
    for defer in (_NO_LIMIT, 1):  # the items of <l> deferred by the second
        compiled_view = expanded(ext.walk_tree(sample, MAX_DEPTH, 2, _NO_LIMIT, defer))
        proxies_view = walk_proxies(sample, MAX_DEPTH, 2, _NO_LIMIT, defer)
        if compiled_view != proxies_view:  # pragma: no cover
            return None, "lxml walk: the compiled walk disagrees with lxml on a sample"
    return ext.walk_tree, "compiled: walk_tree over libxml2's nodes"


walker, _why = _checked()
"""The compiled walk when it is built and fits this lxml (in use or not: tests compare it)."""
ACTIVE: bool = walker is not None and compiled.ACTIVE
"""True when the generated XML readers read the compiled walk's tuples."""
REASON: Final = _why if compiled.ACTIVE else compiled.REASON


def walk(root: Any, limits: Limits, depth: int = 0) -> Node | str:
    """The compiled walk of ``root`` (only when :data:`ACTIVE`), or why it is declined:
    texts longer than ``limits.max_string_length`` are not given as ``plain``, and a tree
    that could exceed ``max_depth`` (``root`` read at ``depth`` levels of nesting) or holds
    more child elements in one element than ``max_collection_items`` is declined, so the
    reader of lxml's proxies meets the quota as soon as the reference reader would."""
    assert walker is not None
    max_depth = max(0, min(MAX_DEPTH, limits.max_depth - depth))
    result: Node | str = walker(
        root, max_depth, limits.max_string_length, limits.max_collection_items, DEFER
    )
    return result

"""The compiled walk (``walk_tree`` in clr/_speedups.c, xml/walk.py) against lxml's proxies.

The walk must give exactly :func:`walk_proxies`'s tuples, and ``from_xml`` over the walk the
same objects, problems and errors as over lxml's proxies: on the documents netcontract
writes for random values of every Vehizen contract (compact and indented), and on those
documents edited at random (attributes, text, comments, CDATA, elements dropped, repeated or
moved), which take every way out of the walked readers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import netcontract as nc
from netcontract.clr import compiled
from netcontract.codegen import _FALLBACKS, _no_fallback
from netcontract.strategies import for_type
from netcontract.xml import walk
from netcontract.xml.parse import parse_xml_bytes
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from generate import make_group

NO_SKIPS = os.environ.get("NETCONTRACT_NO_SKIPS") == "1"
pytestmark = pytest.mark.skipif(
    walk.walker is None and not NO_SKIPS, reason=f"no compiled walk: {walk.REASON}"
)
TYPES: list[Any] = [CustomerGroupDto, VehicleLightDto, ResponseDto, ResponseDto[VehicleLightDto]]
XSI = "http://www.w3.org/2001/XMLSchema-instance"
KEEPING = etree.XMLParser(remove_comments=False, remove_pis=False, strip_cdata=False)


def compiled_walk(root: Any) -> Any:
    assert walk.walker is not None
    return walk.walker(root, walk.MAX_DEPTH, 2**62)


def outcome(data: bytes, tp: Any, walked: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(walk, "ACTIVE", walked)
    try:
        return nc.to_xml(nc.from_xml(data, tp)), None
    except nc.NetContractError as exc:
        return None, (type(exc).__name__, str(exc))


def test_in_use_with_the_compiled_codecs() -> None:
    if NO_SKIPS:
        assert walk.walker is not None, "CI must build the walk"
    assert walk.ACTIVE is (walk.walker is not None and compiled.ACTIVE)
    assert walk.REASON.startswith("compiled" if walk.ACTIVE else "pure Python")


def test_the_tuples_of_a_sample() -> None:
    root = etree.fromstring(
        b'<a xmlns="urn:a" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
        b'<b i:nil=" true " i:type="x"/><c xml:lang="en">t&amp;<![CDATA[<]]></c>'
        b"<d>  <e/> z </d><f>\n</f></a>"
    )
    # e and f are plain leaves: None among the children, their text in `plain`
    assert compiled_walk(root) == (
        "{urn:a}a",
        None,
        None,
        (
            ("{urn:a}b", None, " true ", (), 1, 2, (), ()),
            ("{urn:a}c", "t&<", None, (), 2, 1, (), ()),
            ("{urn:a}d", walk.MIXED, None, (None,), 3, 0, ("{urn:a}e",), ("",)),
            None,
        ),
        0,
        0,
        ("{urn:a}b", "{urn:a}c", "{urn:a}d", "{urn:a}f"),
        (None, None, None, "\n"),
    )
    assert walk.full(compiled_walk(root))[3] == ("{urn:a}f", "\n", None, (), (0, 3), 0, (), ())
    # the shapes are kept: a reader compares them with `is`
    assert compiled_walk(root)[6] is walk.shape(("{urn:a}b", "{urn:a}c", "{urn:a}d", "{urn:a}f"))
    assert walk.walker is not None
    assert walk.walker(root, walk.MAX_DEPTH, 0)[7] == (None, None, None, None)
    assert walk.walker(root, walk.MAX_DEPTH, 0)[3][3] == ("{urn:a}f", "\n", None, (), 5, 0, (), ())
    assert compiled_walk(root) == walk.walk_proxies(root)


@pytest.mark.parametrize(
    "doc",
    [
        b"<a><!-- c --><b/></a>",
        b"<a><b/><?pi x?></a>",
        b"<a><b><c><!-- deep --></c></b></a>",
    ],
)
def test_what_the_walk_declines(doc: bytes) -> None:
    root = etree.fromstring(doc, KEEPING)
    assert isinstance(compiled_walk(root), str)
    assert compiled_walk(root) == walk.walk_proxies(root)


def test_what_is_not_an_lxml_element_is_declined() -> None:
    assert walk.walker is not None
    assert walk.walker("<a/>", walk.MAX_DEPTH, 9) == "not an lxml element"
    comment = etree.fromstring(b"<a><!-- c --></a>", KEEPING)[0]
    assert isinstance(walk.walker(comment, walk.MAX_DEPTH, 9), str)


def test_a_tree_deeper_than_max_depth_is_declined() -> None:
    root = etree.fromstring(b"<a>" * 20 + b"</a>" * 20)
    assert walk.walker is not None
    assert walk.walker(root, 5, 9) == walk.walk_proxies(root, 5) == "a tree deeper than max_depth"
    assert walk.walker(root, 19, 9) == walk.walk_proxies(root, 19)


@pytest.mark.parametrize("defer", [2**62, 1])
def test_serials_are_the_positions_in_iter(defer: int) -> None:
    root = parse_xml_bytes(nc.to_xml(make_group(3, 1)))
    doc = walk.Document(root)
    assert walk.walker is not None
    stack = [walk.walker(root, walk.MAX_DEPTH, 2**62, 2**62, defer)]
    deferred = 0
    while stack:
        node = stack.pop()
        assert doc.element(node[4]).tag == node[0]
        if not node[3]:  # a plain leaf's text is "" where lxml's is None
            assert (doc.element(node[4]).text or "") == (node[1] or "")
        if type(node[3]) is tuple:
            stack.extend(walk.full(node))
        else:
            deferred += 1
            assert None not in node[3] and len(node[3]) == len(list(node[3]))
            stack.extend(node[3])
    assert (deferred > 0) is (defer == 1)


def test_a_lists_items_are_deferred_and_walked_when_iterated() -> None:
    root = etree.fromstring(b"<a><l>" + b"<i>1</i>" * 5 + b"</l><m><i/><j/><i/></m><b>x</b></a>")
    assert walk.walker is not None
    node = walk.walker(root, walk.MAX_DEPTH, 9, 2**62, 2)
    items = node[3][0][3]
    # the five items of one tag are deferred; m's children (two tags) are not
    assert type(items) is not tuple and len(items) == 5 and None not in items
    assert node[3][0][6] is None and node[3][0][7] == ()
    assert list(items) == list(items) == [("i", "1", None, (), n, 0, (), ()) for n in range(2, 7)]
    assert items.__contains__(("i", "1", None, (), 3, 0, (), ()))
    assert node[3][1][6] == ("i", "j", "i")
    assert node[4] == 0 and node[7] == (None, None, "x")  # b's serial: 11, after l's items
    assert walk.Document(root).element((0, 2)).text == "x"
    assert walk.expanded(node) == walk.walk_proxies(root, walk.MAX_DEPTH, 9, 2**62, 2)
    # a list inside a deferred item is walked with its item (its elements checked once)
    nested = etree.fromstring(b"<a><l>" + b"<i><m><j/><j/><j/></m></i>" * 3 + b"</l></a>")
    item = next(iter(walk.walker(nested, walk.MAX_DEPTH, 9, 2**62, 2)[3][0][3]))
    assert item[3][0][3] == (None, None, None) and item[3][0][6] == ("j", "j", "j")
    expanded = walk.expanded(walk.walker(nested, walk.MAX_DEPTH, 9, 2**62, 2))
    assert expanded == walk.walk_proxies(nested, defer=2)
    # what would decline the walk in a deferred item declines it when the list is deferred
    kept = etree.fromstring(b"<a><l>" + b"<i>1</i>" * 3 + b"<i><!-- c --></i></l></a>", KEEPING)
    assert walk.walker(kept, walk.MAX_DEPTH, 9, 2**62, 2) == walk.walk_proxies(kept, defer=2)
    assert isinstance(walk.walk_proxies(kept, defer=2), str)


def test_more_child_elements_than_max_collection_items_are_declined() -> None:
    root = etree.fromstring(b"<a><l>" + b"<i>1</i>" * 5 + b"</l></a>")
    assert walk.walker is not None
    declined = "more child elements than max_collection_items"
    assert walk.walker(root, walk.MAX_DEPTH, 9, 4) == walk.walk_proxies(root, max_items=4)
    assert walk.walker(root, walk.MAX_DEPTH, 9, 4) == declined
    assert walk.walker(root, walk.MAX_DEPTH, 9, 5) == walk.walk_proxies(root, max_items=5)
    assert walk.walk(root, nc.Limits(max_collection_items=4)) == declined
    assert walk.walk(root, nc.Limits(max_depth=1)) == "a tree deeper than max_depth"
    assert walk.walk(root, nc.Limits(max_depth=3), depth=2) == "a tree deeper than max_depth"
    assert isinstance(walk.walk(root, nc.Limits(max_depth=2)), tuple)


@pytest.mark.falls_back
@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (nc.Limits(max_collection_items=3), "Vehicles: quota max_collection_items"),
        (nc.Limits(max_depth=2), "quota max_depth"),
    ],
)
def test_a_quota_is_met_by_the_walk_declining(
    monkeypatch: pytest.MonkeyPatch, limits: nc.Limits, message: str
) -> None:
    data = nc.to_xml(make_group(5, 2))
    errors = []
    for walked in (True, False):
        monkeypatch.setattr(walk, "ACTIVE", walked)
        with pytest.raises(nc.QuotaExceededError, match=message) as caught:
            nc.from_xml(data, CustomerGroupDto, limits=limits)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    if walk.walker is not None:
        monkeypatch.setattr(walk, "ACTIVE", True)
        root = parse_xml_bytes(data)
        assert isinstance(walk.walk(root, limits), str)  # declined: no tuple made
        with pytest.raises(nc.QuotaExceededError), _no_fallback():
            nc.from_xml(data, CustomerGroupDto, limits=limits)
        assert any("the compiled walk declined" in reason for reason in _FALLBACKS.reasons)


@pytest.mark.falls_back
def test_a_declined_walk_is_a_visible_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(walk, "ACTIVE", True)  # under NETCONTRACT_PURE=1 too
    monkeypatch.setattr(walk, "walk", lambda root, limits: "a comment")
    data = nc.to_xml(make_group(2, 3))
    declined = pytest.raises(AssertionError, match="the compiled walk declined: a comment")
    with declined, _no_fallback():
        nc.from_xml(data, CustomerGroupDto)
    monkeypatch.setattr(walk, "ACTIVE", True)
    assert nc.to_xml(nc.from_xml(data, CustomerGroupDto)) == data


def test_the_bench_document_is_read_walked_without_fallback() -> None:
    group = make_group(20, 4)
    for indent in (False, True):
        data = nc.to_xml(group, indent=indent)
        with _no_fallback():
            assert nc.to_xml(nc.from_xml(data, CustomerGroupDto), indent=indent) == data


# ----------------------------------------------------------------- random documents, edited


@st.composite
def documents(draw: st.DrawFn) -> tuple[Any, bytes]:
    tp = draw(st.sampled_from(TYPES))
    obj = draw(for_type(tp))
    return tp, nc.to_xml(obj, indent=draw(st.booleans()))


EDITS = ["attribute", "nil", "type", "text", "tail", "comment", "cdata", "drop", "repeat", "move"]


def edit(data: bytes, edits: list[tuple[str, int, int]]) -> bytes:
    root = etree.fromstring(data, KEEPING)
    for kind, at, pick in edits:
        elements = list(root.iter(etree.Element))
        el = elements[at % len(elements)]
        parent = el.getparent()
        if kind == "attribute":
            el.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
        elif kind == "nil":
            el.set(f"{{{XSI}}}nil", ["true", "1", "false", " true", "TRUE"][pick % 5])
        elif kind == "type":
            el.set(f"{{{XSI}}}type", "VehicleLightDto")
        elif kind == "text":
            el.text = ["x", " ", "", "\n\t"][pick % 4] + (el.text or "")
        elif kind == "tail" and parent is not None:
            el.tail = ["y", "  "][pick % 2]
        elif kind == "comment":
            el.append(etree.Comment("c"))
        elif kind == "cdata" and not len(el):
            el.text = etree.CDATA(el.text or "c")
        elif parent is not None and kind == "drop":
            parent.remove(el)
        elif parent is not None and kind == "repeat":
            el.addnext(etree.fromstring(etree.tostring(el)))
        elif parent is not None and kind == "move":
            parent.remove(el)
            parent.insert(pick % (len(parent) + 1), el)
    return etree.tostring(root)


@pytest.mark.falls_back  # edited documents go to the reference reader by design
@settings(max_examples=40, deadline=None)
@given(
    doc=documents(),
    edits=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 500), st.integers(0, 10)), max_size=4
    ),
)
def test_walked_reading_is_reading_lxml(
    monkeypatch: pytest.MonkeyPatch, doc: tuple[Any, bytes], edits: list[tuple[str, int, int]]
) -> None:
    tp, data = doc
    data = edit(data, edits)
    kept = etree.fromstring(data, KEEPING)
    assert compiled_walk(kept) == walk.walk_proxies(kept)
    assert walk.walker is not None
    assert walk.walker(kept, walk.MAX_DEPTH, 3) == walk.walk_proxies(kept, walk.MAX_DEPTH, 3)
    every_list_deferred = walk.walker(kept, walk.MAX_DEPTH, 3, 2**62, 1)
    assert walk.expanded(every_list_deferred) == walk.walk_proxies(kept, walk.MAX_DEPTH, 3, defer=1)
    try:
        hardened = parse_xml_bytes(data)
    except nc.NetContractError:
        return
    assert compiled_walk(hardened) == walk.walk_proxies(hardened)
    with monkeypatch.context() as patch:
        walked = outcome(data, tp, True, patch)
        patch.setattr(walk, "DEFER", 1)  # every list's items walked one at a time
        deferred = outcome(data, tp, True, patch)
        proxies = outcome(data, tp, False, patch)
    assert walked == deferred == proxies

"""Namespace declarations in scope, counted in bounded time.

lxml's ``element.nsmap`` copies every declaration in scope at each call: a document
declaring thousands of namespaces on its root made every prefix lookup (``i:type``, an
``xs:QName``, extension data) cost that much, reading in time quadratic in its size. The
declarations in scope are counted once per containing element and capped past
``max_attributes``; more than that around one element exceed the quota (as in
``validate_xml``), so each lookup after the check copies at most that many.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from netcontract.limits import ReadContext

__all__ = ["namespaces", "scope_size"]

_UNIT = "namespace declarations in scope"


def _own(element: Any, size: int, limit: int) -> int:
    """``size`` plus the element's own declarations, stopping past ``limit``."""
    # start-ns events are the element's own declarations; its children are not walked
    for event, _ in etree.iterwalk(element, events=("start", "start-ns")):
        if event == "start" or size > limit:
            break
        size += 1
    return size


def scope_size(node: Any, limit: int, scopes: dict[Any, int]) -> int:
    """The namespace declarations in scope at ``node`` (its own and its ancestors'; more
    than ``limit`` counted as ``limit + 1``), each element counted once per ``scopes``."""
    chain = []
    while node is not None and node not in scopes:
        chain.append(node)
        node = node.getparent()
    size = 0 if node is None else scopes[node]
    for element in reversed(chain):
        if size <= limit:
            size = _own(element, size, limit)
        scopes[element] = size
    return size


def namespaces(element: Any, path: str, ctx: ReadContext) -> dict[str | None, str]:
    """``element.nsmap``, once the declarations in scope there are known to be at most
    ``max_attributes`` (else :class:`QuotaExceededError` naming it).

    The parent's count is kept in ``ctx.scopes``; the element's own declarations are counted
    afresh, so that a leaf (an ``i:type`` value, an ``xs:QName``) adds no entry."""
    limit = ctx.limits.max_attributes
    parent = element.getparent()
    size = 0 if parent is None else scope_size(parent, limit, ctx.scopes)
    if size > limit or _own(element, size, limit) > limit:
        ctx.exceeded(path, "max_attributes", limit, _UNIT, element)
    found: dict[str | None, str] = element.nsmap
    return found

"""What a writer that ran out of Python's stack met: a cycle, or a graph nested too deeply.

The writers recurse through the object graph. A graph that holds itself (``a.o = a``, a list
holding itself) through objects that are not ``is_reference`` has no document: .NET refuses it
(Mono: DataContractSerializer and DataContractJsonSerializer throw SerializationException
"Object graph for type 'A' contains cycles and cannot be serialized if references are not
tracked", Json.NET JsonSerializationException "Self referencing loop detected"). Rather than
slow every write with a check, the conversions catch the ``RecursionError`` and ask
:func:`graph_problem` where the cycle is (an iterative walk, linear in the graph), so the
caller gets a ``SerializationError`` naming the path, never a ``RecursionError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netcontract.clr.objects import Boxed
from netcontract.errors import Problem
from netcontract.model import paths as _paths
from netcontract.model.contract import is_contract
from netcontract.model.plan import contract_info
from netcontract.model.wire import CollectionMeta

__all__ = ["graph_problem"]


def _is_reference_collection(obj: Any) -> bool:
    meta = type(obj).__dict__.get("__netcontract_collection__")
    return isinstance(meta, CollectionMeta) and meta.is_reference


def _children(obj: Any, path: str) -> Iterator[tuple[Any, str]] | None:
    """The values inside ``obj`` with their paths (None: a leaf, or an is_reference object,
    which .NET writes once and then refers to, so a cycle through it is a document)."""
    if isinstance(obj, Boxed):
        return iter(((obj.value, path),))
    if isinstance(obj, list | tuple):
        if _is_reference_collection(obj):
            return None
        return ((v, _paths.item(path, i)) for i, v in enumerate(obj))
    if isinstance(obj, dict):
        if _is_reference_collection(obj):
            return None
        return ((v, _paths.key(path, k)) for k, v in obj.items())
    if is_contract(type(obj)):
        try:
            info = contract_info(type(obj))
        except Exception:
            return None
        if info.is_reference:
            return None
        members = {m.attr: m.wire_name for m in (*info.xml_members, *info.json_members)}
        return (
            (getattr(obj, attr, None), _paths.join(path, name)) for attr, name in members.items()
        )
    return None


def _find_cycle(root: Any) -> tuple[str, type] | None:
    """The path where an object is met again inside itself, and its type; None if none."""
    on_path: set[int] = set()
    done: set[int] = set()
    first = _children(root, "")
    if first is None:
        return None
    stack: list[tuple[int, Iterator[tuple[Any, str]]]] = [(id(root), first)]
    on_path.add(id(root))
    while stack:
        key, kids = stack[-1]
        for value, path in kids:
            ident = id(value)
            if ident in on_path:
                return path, type(value)
            if ident in done:
                continue
            grandkids = _children(value, path)
            if grandkids is None:
                continue
            on_path.add(ident)
            stack.append((ident, grandkids))
            break
        else:
            stack.pop()
            on_path.discard(key)
            done.add(key)
    return None


def graph_problem(obj: Any) -> Problem:
    """The problem to report when writing ``obj`` raised RecursionError."""
    found = _find_cycle(obj)
    if found is None:
        return Problem(
            "",
            "the object graph is nested too deeply to be written (Python's recursion limit;"
            " .NET overflows its stack on such a graph)",
        )
    path, cls = found
    return Problem(
        path,
        f"the object graph contains a cycle: this {cls.__name__} holds itself; .NET refuses"
        f" it (\"Object graph for type '{cls.__name__}' contains cycles and cannot be"
        ' serialized if references are not tracked"; Json.NET: "Self referencing loop'
        ' detected"): declare the contract is_reference=True to share it',
    )

"""What the command line and :mod:`netcontract.dask` share when they convert a document: the
known types a ``--type`` names as arguments, and the collection a plain list or dict read as
a ``list[T]``/``dict[K,V]`` root stands for."""

from __future__ import annotations

import types
import typing
from typing import Any

from netcontract.clr.objects import Boxed
from netcontract.model.wire import is_plain_collection

__all__ = ["as_document", "type_arguments"]


def type_arguments(cls: Any) -> list[Any]:
    """The contracts and enums a ``--type ResponseDto[X]`` names as arguments: X is known
    (the Python-side view of an ``object`` member), as the serializer's known types."""
    found: list[Any] = []
    pending = list(typing.get_args(cls))
    while pending:
        arg = pending.pop(0)
        origin = typing.get_origin(arg)
        if origin is typing.Union or origin is types.UnionType:  # X? is X | None
            pending.extend(typing.get_args(arg))
        elif isinstance(origin or arg, type) and "__netcontract__" in (origin or arg).__dict__:
            found.append(arg)
    return found


def as_document(obj: Any, cls: Any) -> Any:
    """What the writers take for ``obj``: a list or dict read as a ``list[T]`` /
    ``dict[K,V]`` root says which .NET collection it is (``Boxed``)."""
    if cls is not None and is_plain_collection(cls) and isinstance(obj, list | dict):
        return Boxed(obj, cls)
    return obj

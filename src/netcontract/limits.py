"""Reading limits (quotas) and the state of one document read.

The defaults let real payloads through (a customer group with thousands of vehicles) while
bounding what a hostile document can make the reader do. They mirror the spirit of WCF's
``XmlDictionaryReaderQuotas`` and Json.NET's ``MaxDepth``; see docs/safety.md §4.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, NoReturn

import attrs

from netcontract.errors import InputTypeError, Problem, QuotaExceededError

__all__ = [
    "DEFAULT_LIMITS",
    "FAILED",
    "Limits",
    "ReadContext",
    "as_document",
    "kept_references_exceeded",
]

#: returned by a reader or writer that recorded a problem (a value no reader returns)
FAILED: Final = object()


def as_document(data: object, function: str) -> bytes | str:
    """``data`` as the bytes or text a reading function takes: a ``bytearray`` or
    ``memoryview`` is copied to bytes; anything else raises :class:`InputTypeError` naming
    ``function`` (it was an AttributeError or "object of type 'int' has no len()")."""
    if isinstance(data, bytes | str):
        return data
    if isinstance(data, bytearray | memoryview):
        return bytes(data)
    raise InputTypeError(
        f"{function}() reads a document given as bytes or str, not {type(data).__name__}"
    )


@attrs.frozen
class Limits:
    """Quotas applied while reading a document; every one is checked (see the tests)."""

    #: size of the document in bytes, checked before parsing
    max_bytes: int = 32 * 1024 * 1024
    #: nesting of objects and collections (Json.NET 13 defaults to 64; WCF to 32)
    max_depth: int = 64
    #: characters in one string value (WCF: MaxStringContentLength)
    max_string_length: int = 1024 * 1024
    #: items in one collection (WCF: MaxArrayLength)
    max_collection_items: int = 65_536
    #: objects and collection items in the whole document (WCF: MaxItemsInObjectGraph)
    max_total_items: int = 1_000_000
    #: attributes on one element, checked before schema validation (xmlschema's error
    #: reporting is quadratic in them; DataContract XML needs at most a few)
    max_attributes: int = 64
    #: bytes of one item of a streamed collection (iter_xml, iter_json), and of the stretch
    #: between two items; the whole-document max_bytes does not apply to a streamed read
    max_item_bytes: int = 32 * 1024 * 1024


DEFAULT_LIMITS: Final = Limits()


class ReadContext:
    """State of one document read: options, limits, counters and the problems found."""

    __slots__ = (
        "depth",
        "items",
        "known",
        "limits",
        "problems",
        "refs",
        "scopes",
        "simple_dictionaries",
        "strict",
    )

    def __init__(self, strict: bool = False, limits: Limits = DEFAULT_LIMITS) -> None:
        self.strict = strict
        self.limits = limits
        self.problems: list[Problem] = []
        self.depth = 0
        self.items = 0
        #: the objects of the document's z:Id / $id so far, by id, in reading order (a fast
        #: path that declines an element forgets the ones it registered: forget_refs)
        self.refs: dict[str, Any] = {}
        #: XML elements an xs:QName was read under -> namespace declarations in scope there,
        #: counted once per element (xml/read.py) and capped past max_attributes
        self.scopes: dict[Any, int] = {}
        #: the types an i:type / __type may name here (netcontract.model.known): the
        #: document's, then those of each contract on the path being read
        self.known: Mapping[tuple[str, str], Any] = {}
        #: WCF JSON only: dictionaries are JSON objects (DataContractJsonSerializerSettings
        #: .UseSimpleDictionaryFormat), not arrays of Key/Value objects
        self.simple_dictionaries = False

    def forget_refs(self, count: int) -> None:
        """Forget the references registered after the first ``count`` (an element re-read)."""
        refs = self.refs
        if len(refs) > count:
            for key in list(refs)[count:]:
                del refs[key]

    def problem(self, path: str, message: str, element: Any = None) -> None:
        self.problems.append(Problem(path, message, getattr(element, "sourceline", None)))

    def enter(self, path: str, items: int, element: Any = None) -> None:
        """Account for one object or collection of ``items`` items; raise past a quota."""
        limits = self.limits
        self.depth += 1
        self.items += items + 1
        if self.depth > limits.max_depth:
            self.exceeded(path, "max_depth", limits.max_depth, "levels of nesting", element)
        if items > limits.max_collection_items:
            self.exceeded(
                path, "max_collection_items", limits.max_collection_items, "items", element
            )
        if self.items > limits.max_total_items:
            self.exceeded(path, "max_total_items", limits.max_total_items, "items", element)

    def leave(self) -> None:
        self.depth -= 1

    def check_string(self, path: str, text: str, element: Any = None) -> None:
        if len(text) > self.limits.max_string_length:
            self.exceeded(
                path, "max_string_length", self.limits.max_string_length, "characters", element
            )

    def exceeded(self, path: str, quota: str, limit: int, unit: str, element: Any = None) -> None:
        problem = Problem(
            path,
            f"quota {quota} exceeded (more than {limit:,} {unit})",
            getattr(element, "sourceline", None),
        )
        raise QuotaExceededError([problem], quota=quota)


def kept_references_exceeded(path: str, limits: Limits) -> NoReturn:
    """Raise past ``max_total_items`` objects kept for later references in a streamed read:
    each ``is_reference`` object stays alive until the stream ends, as the object graph .NET
    reads whole (MaxItemsInObjectGraph), so a stream of them is bounded by that quota."""
    ReadContext(limits=limits).exceeded(
        path, "max_total_items", limits.max_total_items, "objects kept for later references"
    )
    raise AssertionError("exceeded() raises")  # pragma: no cover

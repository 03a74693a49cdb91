"""``application/x-www-form-urlencoded`` bodies as ASP.NET Web API binds them.

Web API reads a form into a complex type with ``JQueryMvcFormUrlEncodedFormatter``: the
jQuery keys (``Vehicles[0][IdWS]``) are rewritten to MVC keys (``Vehicles[0].IdWS``) and the
object is built by *model binding* over those keys (not by Json.NET). :func:`to_form` writes
the keys jQuery's ``$.param`` writes; :func:`from_form` reads both spellings and builds the
object Web API's model binding builds. Every rule below was observed on Mono's copy of Web
API (``tests/interop/dotnet/FORMS.md``).

What a form cannot say, and what :func:`to_form` does about it (it refuses by default, with
one :class:`~netcontract.Problem` per value; ``lossy=True`` writes what Web API will bind):

- **an empty or white-space string**: Web API binds ``Name=`` and ``Name=%20%0D`` as null
  (``String.IsNullOrWhiteSpace``, see :func:`is_blank`). ``lossy=True`` writes them; they
  arrive as null.
- **an empty list**: jQuery writes nothing for ``[]``, and Web API binds a missing list as
  null. ``lossy=True`` leaves it out; it arrives as null.
- **a DateTime of kind Utc**: Web API parses ``…Z`` into kind Local (the same instant, in
  the server's time zone). ``lossy=True`` writes ``…Z``; :func:`from_form` reads it as Local
  with offset ``+00:00``.
- **a null item in a list of objects**: ``Vehicles[0]=`` binds a default object, not null.
- **a value of a derived class in a member of a base class**: Web API binds the declared
  class (the derived members are lost); **an** ``object`` **member** holding a value: a
  form carries no type (Web API binds a ``string[]``). ``lossy=True`` writes the declared
  members only, or leaves the ``object`` member out.
- **an empty or null list inside a list of lists**: the binder stops at the first missing
  index, so the items after it would vanish: always refused.
- **a class with two members whose names differ only in case** (``z`` and ``Z``): Web API's
  binding fails on the class and gives null: always refused, by both functions.

Dictionaries (``dict[K, V]``, ``Dictionary<K,V>``): Web API binds them as a list of
``KeyValuePair<K,V>``, so both functions use ``Map[0][Key]=k&Map[0][Value]=v`` (MVC:
``Map[0].Key``), indexes from 0 to the first missing one; jQuery's own spelling of an object
(``Map[k]=v``) binds an empty dictionary and is refused by :func:`from_form`. A null value is
``Map[0][Value]=``. Losses (``lossy=True`` leaves the entry out): a key Web API binds as
another (blank: null, the entry dropped; a Utc DateTime), an empty or null list or dictionary
value, an ``object`` value; a null object value arrives as a default object (``Value=``);
an empty dictionary arrives null (left out). Always refused: a dictionary item of a list that
writes nothing (the outer list would stop there). A ``[CollectionDataContract]`` dictionary or
list class binds empty in Web API whatever the form says: a loss (left out, arrives null)
for :func:`to_form`, refused by :func:`from_form`.

Not losses: ``None`` is written as nothing (Web API leaves the .NET default, null); an object
whose members are all ``None`` is written as ``Key=`` (Web API then makes a default object);
read-only members (``json_only`` and computed) are not written, as Web API ignores them.

Web API refuses a form with more than ``MediaTypeFormatter.MaxHttpCollectionKeys`` pairs
(1000 by default, ASP.NET's ``aspnet:MaxHttpCollectionKeys``): both functions refuse more
than ``max_keys`` pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final, Literal, TypeVar
from urllib.parse import quote_plus, unquote_plus, unquote_to_bytes

from netcontract.clr.numbers import parse_int_xml, show_text
from netcontract.clr.value_types import ValueType, is_blank, net_trim
from netcontract.errors import (
    FormPayloadError,
    FormSyntaxError,
    Problem,
    QuotaExceededError,
    SerializationError,
)
from netcontract.limits import DEFAULT_LIMITS, Limits, as_document
from netcontract.model import paths as _paths
from netcontract.model.cycles import graph_problem
from netcontract.model.keys import key_problems
from netcontract.model.plan import ContractInfo, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
)

__all__ = [
    "FORM_MEDIA_TYPE",
    "MAX_FORM_KEYS",
    "FormPayloadError",
    "FormStyle",
    "FormSyntaxError",
    "from_form",
    "is_blank",
    "to_form",
]

T = TypeVar("T")

#: the media type of a form body
FORM_MEDIA_TYPE: Final = "application/x-www-form-urlencoded"
#: ``MediaTypeFormatter.MaxHttpCollectionKeys``: Web API's default limit of pairs in a form
MAX_FORM_KEYS: Final = 1000

#: ``"jquery"``: ``Vehicles[0][IdWS]=5`` (``$.param``); ``"mvc"``: ``Vehicles[0].IdWS=5``
FormStyle = Literal["jquery", "mvc"]


# ----------------------------------------------------------------------------- values


def _primitive_text(primitive: ValueType, value: Any) -> str:
    primitive.check(value)
    return primitive.form_text(value)


def _enum_text(wire: EnumType, value: Any) -> str:
    number = int(value)
    # EnumConverter reads the C# names (never EnumMember's wire names) and numbers
    member = wire.cls._value2member_map_.get(number)
    name = None if member is None else member.name
    return name if name is not None else str(number)


def _parse_enum(wire: EnumType, text: str) -> Any:
    if wire.flags and "," in text:
        # Mono: EnumConverter reads "Exec, Read" (each name as below, values or-ed)
        result = 0
        for part in text.split(","):
            result |= int(_parse_enum(wire, part))
        return wire.cls(result)
    word = net_trim(text)  # EnumConverter: String.Trim (Mono: "\xa07" -> 7)
    for name, member in wire.clr_names.items():
        if name.lower() == word.lower():  # EnumConverter ignores case
            return member
    try:
        number = parse_int_xml(word, -(2**63), 2**64 - 1, wire.cls.__name__)
    except ValueError:
        names = ", ".join(wire.clr_names) or "none"
        raise ValueError(
            f"{show_text(text)} is not a {wire.cls.__name__} (names: {names}; or a number)"
        ) from None
    try:
        return wire.cls(number)
    except ValueError:
        raise ValueError(f"{number} is not a value of {wire.cls.__name__}") from None


# ----------------------------------------------------------------------------- writing


def _contract_type(wire: ContractType) -> Any:
    cls: Any = wire.cls
    return cls[wire.type_args] if wire.type_args else cls


def _bindable(info: ContractInfo) -> Iterator[Any]:
    # Web API binds public read/write properties: not the read-only (JSON-only) ones
    for m in info.json_members:
        if m.computed is None and m.in_xml:
            yield m


def _case_clash(info: ContractInfo) -> str | None:
    """Why Web API cannot bind this class from a form, if two members differ only in case."""
    seen: dict[str, str] = {}
    for m in _bindable(info):
        other = seen.setdefault(m.wire_name.lower(), m.wire_name)
        if other != m.wire_name:
            return (
                f"{info.cls.__name__} has members {other!r} and {m.wire_name!r}, which differ "
                "only in case: Web API's model binding fails on such a class (\"An item with "
                'the same key has already been added") and binds null'
            )
    return None


class _Writer:
    def __init__(self, style: FormStyle, lossy: bool) -> None:
        self.style = style
        self.lossy = lossy
        self.pairs: list[tuple[str, str]] = []
        self.problems: list[Problem] = []

    def child(self, key: str, name: str) -> str:
        if not key:
            return name
        return f"{key}[{name}]" if self.style == "jquery" else f"{key}.{name}"

    def loss(self, path: str, message: str, lossy_does: str = "sends it") -> None:
        if not self.lossy:
            self.problems.append(
                Problem(path, f"{message} (to_form(..., lossy=True) {lossy_does})")
            )

    def refuse(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def contract(self, info: ContractInfo, obj: Any, key: str, path: str) -> None:
        clash = _case_clash(info)
        if clash:
            self.refuse(path, clash)
            return
        before = len(self.pairs)
        for m in _bindable(info):
            sub_path = f"{path}.{m.wire_name}" if path else m.wire_name
            self.slot(m.slot, getattr(obj, m.attr), self.child(key, m.wire_name), sub_path)
        if len(self.pairs) == before and key:
            # no member to write: "Key=" makes Web API create a default object
            self.pairs.append((key, ""))

    def slot(self, slot: Slot, value: Any, key: str, path: str) -> None:
        if value is None:
            return  # nothing written: Web API leaves the .NET default, null
        wire = slot.wire
        if isinstance(wire, PrimitiveType):
            self.primitive(wire.primitive, value, key, path, slot.clr_nillable)
        elif isinstance(wire, EnumType):
            self.pairs.append((key, _enum_text(wire, value)))
        elif isinstance(wire, ContractType):
            self.nested(wire, value, key, path)
        elif isinstance(wire, ListType | DictType) and wire.cls not in (list, dict):
            self.loss(path, _collection_contract(wire), "leaves it out")
        elif isinstance(wire, ListType):
            self.list(wire, value, key, path)
        elif isinstance(wire, ObjectType):
            self.loss(path, "an object member cannot be written in a form (it carries no type)")
        elif isinstance(wire, DictType):
            self.dict(wire, value, key, path)
        else:  # pragma: no cover - every wire type is handled above
            raise TypeError(f"no form writer for {wire!r}")

    def primitive(
        self, primitive: ValueType, value: Any, key: str, path: str, nillable: bool
    ) -> None:
        try:
            text = _primitive_text(primitive, value)
        except (TypeError, ValueError) as exc:
            self.refuse(path, str(exc))
            return
        loss = primitive.form_loss(value)  # blank strings and chars, Utc dates...
        if loss is not None:
            self.loss(path, loss)
            text = primitive.form_lossy_text(value, nillable)  # what Web API will bind
        self.pairs.append((key, text))

    def nested(self, wire: ContractType, value: Any, key: str, path: str) -> None:
        info = contract_info(_contract_type(wire))
        if type(value) is not info.cls:
            if isinstance(value, info.cls):
                self.loss(
                    path,
                    f"a {type(value).__name__} in a {info.cls.__name__} member: Web API binds "
                    f"a {info.cls.__name__} (a form carries no type)",
                )
            else:
                self.refuse(path, f"expected a {info.cls.__name__}, got {type(value).__name__}")
                return
        self.contract(info, value, key, path)

    def list(self, wire: ListType, value: Any, key: str, path: str) -> None:
        if not isinstance(value, list):
            self.refuse(path, f"expected a list, got {type(value).__name__}")
            return
        if not value:
            self.loss(path, "an empty list cannot be written in a form: Web API binds null")
            return
        item_wire = wire.item.wire
        simple = isinstance(item_wire, PrimitiveType | EnumType)
        for i, item in enumerate(value):
            item_path = f"{path}[{i}]"
            if simple:
                # $.param writes "Key[]=v" for every value; MVC style indexes them
                item_key = f"{key}[]" if self.style == "jquery" else f"{key}[{i}]"
                if item is None:
                    self.pairs.append((item_key, ""))
                else:
                    self.slot(wire.item, item, item_key, item_path)
                continue
            item_key = f"{key}[{i}]"
            if isinstance(item_wire, ListType | DictType) and not item:
                kind = "list" if isinstance(item_wire, ListType) else "dictionary"
                self.refuse(
                    item_path,
                    f"an empty or null {kind} inside a list cannot be written in a form: "
                    "Web API stops the outer list there",
                )
            elif item is None:
                self.loss(
                    item_path,
                    "a null item cannot be written in a form: Web API binds a default object",
                )
                self.pairs.append((item_key, ""))
            else:
                before = len(self.pairs)
                self.slot(wire.item, item, item_key, item_path)
                if len(self.pairs) == before and isinstance(item_wire, DictType):
                    self.refuse(
                        item_path,
                        "every entry of this dictionary is left out of the form: Web API "
                        "would stop the outer list there",
                    )

    def dict(self, wire: DictType, value: Any, key: str, path: str) -> None:
        # Web API binds a Dictionary<K,V> as a list of KeyValuePair<K,V>: Map[0][Key]=k and
        # Map[0][Value]=v, indexed from 0 up to the first missing index. jQuery's own spelling
        # of an object (Map[k]=v) binds an empty dictionary: never written.
        if not isinstance(value, dict):
            self.refuse(path, f"expected a dict, got {type(value).__name__}")
            return
        if not value:
            self.loss(
                path,
                "an empty dictionary cannot be written in a form: Web API binds null",
                "leaves it out",
            )
            return
        problems = key_problems(wire, value, path)
        if problems:
            self.problems.extend(problems)
            return
        written = 0
        for k, v in value.items():
            entry_path = _paths.key(path, k)
            key_text = self.dict_key(wire.key, k, entry_path)
            if key_text is None or not self.dict_value_written(wire.value, v, entry_path):
                continue
            entry = f"{key}[{written}]"
            self.pairs.append((self.child(entry, "Key"), key_text))
            value_key = self.child(entry, "Value")
            if v is None:
                self.pairs.append((value_key, ""))
            else:
                before = len(self.pairs)
                self.slot(wire.value, v, value_key, entry_path)
                if len(self.pairs) == before:
                    # nothing written for the value (a dictionary whose entries were all
                    # left out): Web API would bind no entry, so none is written
                    self.pairs.pop()
                    continue
            written += 1

    def dict_key(self, slot: Slot, k: Any, path: str) -> str | None:
        """The text of a dictionary key, or None when the entry is not written."""
        wire = slot.wire
        if isinstance(wire, EnumType):
            return _enum_text(wire, k)
        assert isinstance(wire, PrimitiveType)
        try:
            text = _primitive_text(wire.primitive, k)
        except (TypeError, ValueError) as exc:
            self.refuse(path, str(exc))
            return None
        loss = wire.primitive.form_loss(k)
        if loss is not None:
            # a key that Web API binds as another (null: the entry is dropped; a Utc DateTime:
            # a Local one) could meet another key: the entry is left out
            self.loss(path, f"a dictionary key: {loss}", _LEFT_OUT)
            return None
        return text

    def dict_value_written(self, slot: Slot, v: Any, path: str) -> bool:
        """Whether an entry whose value is ``v`` is written (else a loss is recorded)."""
        wire = slot.wire
        if isinstance(wire, ObjectType):
            why = "a form carries no type (Web API binds a string[])"
            self.loss(
                path,
                f"an object value in a dictionary cannot be written in a form: {why}",
                _LEFT_OUT,
            )
            return False
        if v is None:
            if not slot.clr_nillable:
                self.refuse(path, slot.null_problem)
                return False
            if isinstance(wire, PrimitiveType | EnumType):
                return True  # Value= binds null (a string, an int?...)
            if isinstance(wire, ContractType):
                self.loss(
                    path,
                    "a null object in a dictionary cannot be written in a form: Web API binds "
                    "a default object",
                    "writes Value=",
                )
                return True
        elif not (isinstance(wire, ListType | DictType) and not v):
            return True
        kind = "list" if isinstance(wire, ListType) else "dictionary"
        self.loss(
            path,
            f"an empty or null {kind} in a dictionary cannot be written in a form: jQuery "
            "writes nothing for it, and Web API then binds no entry",
            _LEFT_OUT,
        )
        return False


#: what to_form(lossy=True) does with an entry of a dictionary it cannot write
_LEFT_OUT: Final = "leaves the entry out"


def _collection_contract(wire: ListType | DictType) -> str:
    kind = "list" if isinstance(wire, ListType) else "dictionary"
    return (
        f"a {wire.cls.__name__} (a [CollectionDataContract] {kind} class) cannot be carried "
        f"in a form: Web API (Mono) binds an empty {kind} whatever the form says"
    )


def _quote(text: str, safe: str) -> str:
    return quote_plus(text, safe=safe, encoding="utf-8", errors="strict")


def to_form(
    obj: Any,
    *,
    lossy: bool = False,
    style: FormStyle = "jquery",
    max_keys: int = MAX_FORM_KEYS,
) -> bytes:
    """Write ``obj`` as an ``application/x-www-form-urlencoded`` body (ASCII bytes).

    Keys as jQuery's ``$.param`` writes them (``Vehicles[0][ExternalInterfaces][0][Name]``,
    brackets left unescaped) or, with ``style="mvc"``, as MVC names (``Vehicles[0].IdWS``);
    Web API binds both. Values in the invariant forms Web API parses: Guids ``D``, dates as
    DataContractSerializer writes them, enums by name (by number when unnamed), doubles in
    .NET's ``R`` format (``Infinity``, ``NaN``), decimals keeping their scale.

    Raises :class:`~netcontract.SerializationError` listing every value a form cannot carry
    (see the module documentation) unless ``lossy=True``, and when the body would have more
    than ``max_keys`` pairs (Web API refuses those).
    """
    info = contract_info(type(obj))
    writer = _Writer(style, lossy)
    try:
        writer.contract(info, obj, "", "")
    except RecursionError:  # a cycle (or a graph too deep): no form holds it
        raise SerializationError([graph_problem(obj)]) from None
    if not writer.pairs and not writer.problems:
        writer.loss("", "an object with nothing to write is an empty form: Web API binds null")
    if len(writer.pairs) > max_keys:
        writer.refuse(
            "",
            f"the form would have {len(writer.pairs)} pairs; Web API refuses more than "
            f"{max_keys} (MediaTypeFormatter.MaxHttpCollectionKeys)",
        )
    if writer.problems:
        raise SerializationError(writer.problems)
    key_safe = "[]" if style == "jquery" else "[]."
    return "&".join(f"{_quote(k, key_safe)}={_quote(v, '')}" for k, v in writer.pairs).encode(
        "ascii"
    )


# ----------------------------------------------------------------------------- reading

_MISSING: Final[Any] = object()


#: where a key is split into nodes: before each ``.`` or ``[`` but the first character
_SEGMENTS: Final = re.compile(r"(?<!^)(?=[.\[])")
#: the longest key or key prefix shown in a problem
_SHOWN_KEY: Final = 120


def _shown_key(key: str) -> str:
    return key if len(key) <= _SHOWN_KEY else key[: _SHOWN_KEY - 3] + "..."


def _exceeded(path: str, quota: str, limit: int, unit: str) -> QuotaExceededError:
    message = f"quota {quota} exceeded (more than {limit:,} {unit})"
    return QuotaExceededError([Problem(path, message)], quota=quota)


def normalize_key(key: str) -> str:
    """A jQuery key as Web API's ``NormalizeJQueryToMvc`` rewrites it.

    ``a[b]`` -> ``a.b``; ``a[0]`` (a digit first) is kept; ``a[]`` -> ``a``. Raises
    ValueError for a ``[`` without its ``]``.
    """
    if "[" not in key:
        return key
    out: list[str] = []
    i = 0
    while True:
        open_at = key.find("[", i)
        if open_at < 0:
            out.append(key[i:])
            break
        out.append(key[i:open_at])
        close_at = key.find("]", open_at)
        if close_at < 0:
            raise ValueError(f"the key {_shown_key(key)!r} has a '[' without its ']'")
        inner = key[open_at + 1 : close_at]
        if inner and inner[0].isdigit():
            out.append(f"[{inner}]")
        elif inner:
            out.append("." + inner)
        i = close_at + 1
        if i >= len(key):
            break
    return "".join(out)


def parse_form_pairs(data: bytes | str) -> list[tuple[str, str]]:
    """The (key, value) pairs of a form body, decoded as Web API decodes them (UTF-8).

    ``+`` is a space, ``%XX`` a UTF-8 byte (invalid sequences become U+FFFD), a piece without
    ``=`` is a key with an empty value, and every ``&`` separates a pair, even an empty one
    (``a=1&`` is two pairs; the empty key binds nothing); an empty body has no pair.
    """
    data = as_document(data, "parse_form_pairs")
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if not text:
        return []
    pairs = []
    for piece in text.split("&"):
        key, _, value = piece.partition("=")
        pairs.append((unquote_plus(key, errors="replace"), unquote_plus(value, errors="replace")))
    return pairs


class _Node:
    """One key prefix (``vehicles``, ``vehicles[0]``, ``vehicles[0].idws``): its values, if
    the prefix is itself a key, and the longer prefixes below it, by their last segment."""

    __slots__ = ("children", "values")

    def __init__(self) -> None:
        # most nodes are leaves: they share one empty dict until a child comes
        self.children: dict[str, _Node] = _NO_CHILDREN
        self.values: list[str] | None = None


_NO_CHILDREN: Final[dict[str, _Node]] = {}


class _Binder:
    """Model binding over MVC keys, as Web API's binders walk a NameValueCollection.

    The keys are kept as a tree of their segments (a prefix tree), so memory stays linear in
    the body: storing every prefix of every key as a string was quadratic in the key length.
    Each key prefix counts as one item of ``max_total_items``; a key of more than
    ``max_depth`` segments exceeds ``max_depth``.
    """

    def __init__(self, pairs: list[tuple[str, str]], limits: Limits) -> None:
        self.root = _Node()
        self.limits = limits
        self.problems: list[Problem] = []
        nodes = 0
        for key, value in pairs:
            if not key:
                continue
            segments = _SEGMENTS.split(key.lower())
            if len(segments) > limits.max_depth:
                shown = _shown_key(key[: sum(map(len, segments[: limits.max_depth + 1]))])
                raise _exceeded(shown, "max_depth", limits.max_depth, "levels of nesting")
            node, at = self.root, 0
            for segment in segments:
                at += len(segment)
                child = node.children.get(segment)
                if child is None:
                    nodes += 1
                    if nodes > limits.max_total_items:
                        raise _exceeded("", "max_total_items", limits.max_total_items, "items")
                    if len(node.children) >= limits.max_collection_items:
                        # more list items (or distinct members) than one collection may have
                        shown = _shown_key(key[: at - len(segment)])
                        limit = limits.max_collection_items
                        raise _exceeded(shown, "max_collection_items", limit, "items")
                    if node.children is _NO_CHILDREN:
                        node.children = {}
                    child = node.children[segment] = _Node()
                node = child
            if node.values is None:
                node.values = []
            node.values.append(value)

    @staticmethod
    def child(node: _Node | None, text: str) -> _Node | None:
        """The node of ``key + text`` below ``node`` (the key's), or None."""
        if node is None:
            return None
        if "." not in text[1:] and "[" not in text[1:]:  # one segment: the usual case
            return node.children.get(text)
        for segment in _SEGMENTS.split(text):
            node = node.children.get(segment) if node is not None else None
        return node

    def too_many(self, path: str, count: int) -> None:
        """Raise if a list of ``count`` items is over ``max_collection_items``."""
        if count > self.limits.max_collection_items:
            limit = self.limits.max_collection_items
            raise _exceeded(path, "max_collection_items", limit, "items")

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def contract(self, tp: Any, node: _Node, path: str) -> Any:
        info = contract_info(tp)
        clash = _case_clash(info)
        if clash:
            self.problem(path, clash)
            return _MISSING
        kwargs: dict[str, Any] = {}
        for m in _bindable(info):
            name = m.wire_name.lower()
            sub_node = self.child(node, "." + name if path else name)
            sub_path = f"{path}.{m.wire_name}" if path else m.wire_name
            value = self.slot(m.slot, sub_node, sub_path)
            if value is not _MISSING:
                kwargs[m.attr] = value
        try:
            return info.cls(**info.init_kwargs(kwargs))
        except MemoryError:
            raise
        except Exception as exc:  # the class's own code refusing the values: a problem
            self.problem(
                path, f"{info.cls.__name__} refused the value: {type(exc).__name__}: {exc}"
            )
            return _MISSING

    def slot(self, slot: Slot, node: _Node | None, path: str) -> Any:
        if node is None:
            return _MISSING  # no key is, or starts with, this member's
        wire = slot.wire
        if isinstance(wire, ContractType):
            return self.contract(_contract_type(wire), node, path)
        if isinstance(wire, ListType | DictType) and wire.cls not in (list, dict):
            self.problem(path, _collection_contract(wire))
            return _MISSING
        if isinstance(wire, ListType):
            return self.list(wire, node, path)
        if isinstance(wire, ObjectType):
            self.problem(path, "an object member cannot be given in a form (no type)")
            return _MISSING
        if isinstance(wire, DictType):
            return self.dict(wire, node, path)
        if node.values is None:
            self.problem(path, "expected a value, found only keys below it")
            return _MISSING
        return self.scalar(slot, node.values[0], path)  # the first value wins, as in Web API

    def scalar(self, slot: Slot, text: str, path: str) -> Any:
        if is_blank(text):
            if slot.clr_nillable:
                return None  # ValueProviderResult / ConvertEmptyStringToNull
            self.problem(path, "a value is required (the form gives an empty one)")
            return _MISSING
        wire = slot.wire
        try:
            if isinstance(wire, EnumType):
                return _parse_enum(wire, text)
            assert isinstance(wire, PrimitiveType)
            value = wire.primitive.form_parse(text)
        except (ValueError, TypeError) as exc:
            self.problem(path, str(exc))
            return _MISSING
        return value

    def list(self, wire: ListType, node: _Node, path: str) -> Any:
        item_slot = wire.item
        simple = isinstance(item_slot.wire, PrimitiveType | EnumType)
        values = node.values
        if values is not None:
            # the key itself ("Ints=1&Ints=2", "Ints[]=1"): every value is an item
            if not simple:
                self.problem(
                    path,
                    "a list of objects or lists cannot be given as values of its own key "
                    "(Mono's Web API never answers such a form); use indexes: Key[0][...]",
                )
                return _MISSING
            self.too_many(path, len(values))
            items = [self.scalar(item_slot, v, f"{path}[{i}]") for i, v in enumerate(values)]
            return [None if v is _MISSING else v for v in items]
        index = self.child(node, ".index")
        if index is not None and index.values is not None:
            self.problem(path, "explicit list indexes (Key.index) are not supported")
            return _MISSING
        result = []
        i = 0
        # the binder stops at the first missing index
        while (item_node := self.child(node, f"[{i}]")) is not None:
            item_path = f"{path}[{i}]"
            self.too_many(path, i + 1)
            if isinstance(item_slot.wire, ContractType):
                item = self.contract(_contract_type(item_slot.wire), item_node, item_path)
            else:
                item = self.slot(item_slot, item_node, item_path)
            result.append(None if item is _MISSING else item)
            i += 1
        return result

    def dict(self, wire: DictType, node: _Node, path: str) -> Any:
        """``Map[0].Key=k&Map[0].Value=v``..., as Web API binds a list of KeyValuePair."""
        if node.values is not None:
            self.problem(
                path,
                "a dictionary cannot be given as values of its own key (Web API binds one "
                "default entry per value); use indexes: Key[0][Key]=k&Key[0][Value]=v",
            )
            return _MISSING
        index = node.children.get(".index")
        if index is not None and index.values is not None:
            self.problem(path, "explicit dictionary indexes (Key.index) are not supported")
            return _MISSING
        named = next((s for s in node.children if s.startswith(".")), None)
        if named is not None:
            self.problem(
                path,
                f"Web API does not bind {path}[{named[1:]}] (jQuery's spelling of an object) "
                "into a dictionary: it binds an empty one; write the entries as "
                f"{path}[0][Key]=k&{path}[0][Value]=v",
            )
            return _MISSING
        result: dict[Any, Any] = {}
        where: dict[Any, int] = {}
        i = 0
        while (entry := self.child(node, f"[{i}]")) is not None:
            entry_path = f"{path}[{i}]"
            self.too_many(path, i + 1)
            i += 1
            key_node = self.child(entry, ".key")
            value_node = self.child(entry, ".value")
            if key_node is None or key_node.values is None or value_node is None:
                missing = "Key" if key_node is None or key_node.values is None else "Value"
                self.problem(
                    entry_path,
                    f"the entry has no {missing} (Web API binds no entry, or a default one)",
                )
                continue
            k = self.dict_key(wire.key, key_node.values[0], f"{entry_path}.Key")
            v = self.slot(wire.value, value_node, f"{entry_path}.Value")
            if k is _MISSING or v is _MISSING:
                continue
            if k in where:
                self.problem(
                    f"{entry_path}.Key",
                    f"the key is given twice (also at [{where[k]}]): Web API keeps the last",
                )
                continue
            where[k] = i - 1
            result[k] = v
        # a NaN key, two DateTimeOffset keys of one instant
        self.problems.extend(key_problems(wire, result, path))
        return result

    def dict_key(self, slot: Slot, text: str, path: str) -> Any:
        if is_blank(text):
            # a null key: Web API drops the entry; a value type's: its default
            self.problem(path, "a dictionary key cannot be empty (Web API drops the entry)")
            return _MISSING
        return self.scalar(slot, text, path)


def from_form(
    data: bytes | str,
    cls: type[T] | Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    max_keys: int = MAX_FORM_KEYS,
) -> T:
    """Read a form body into ``cls`` as Web API's ``JQueryMvcFormUrlEncodedFormatter`` does.

    Keys in jQuery (``Vehicles[0][IdWS]``) or MVC (``Vehicles[0].IdWS``) style, matched
    without regard to case; unknown keys are ignored; the first of repeated values wins;
    an empty value is null; lists run from index 0 to the first missing index; ``Key=`` (or
    any key below ``Key``) makes a default object. Dates: see the module documentation.

    Stricter than Web API, which binds what it can and leaves the .NET default where a value
    does not convert (reporting it in ``ModelState`` only): every such value is refused here,
    with its path, in one :class:`FormPayloadError`. Also refused: an empty form (Web API
    binds null), more than ``max_keys`` pairs, a ``[`` without ``]`` and a non-empty form
    none of whose keys names a member (both :class:`FormSyntaxError`), a list of objects
    given as a single key (``Vehicles=``: Mono's Web API never answers), ``Key.index``
    indexes, ``object`` members, enum names joined by commas (but in a ``[Flags]`` enum) and
    hexadecimal numbers. Dictionaries: an entry without its ``Key`` or ``Value``, an empty
    key, a key given twice (Web API keeps the last), ``Map[k]=v`` keys and ``Map=`` values.

    ``limits`` apply as to the other formats (:class:`~netcontract.QuotaExceededError`):
    ``max_bytes`` (the body, before anything is decoded); ``max_total_items`` (the pairs,
    counted before they are split, and every distinct key prefix); ``max_depth`` (the
    segments of one key: ``Vehicles[0][IdWS]`` has three); ``max_string_length`` (one key
    or value, decoded); ``max_collection_items`` (the items of one list, the entries of one
    dictionary).
    """
    pairs = _read_pairs(as_document(data, "from_form"), limits, max_keys)
    binder = _Binder(pairs, limits)
    if not binder.root.children:
        raise FormPayloadError([Problem("", "the form is empty: Web API binds null")])
    info = contract_info(cls)
    if not any(binder.child(binder.root, m.wire_name.lower()) for m in _bindable(info)):
        raise FormSyntaxError([Problem("", _binds_nothing(data, info))])
    result = binder.contract(cls, binder.root, "")
    if binder.problems:
        raise FormPayloadError(binder.problems)
    return result  # type: ignore[no-any-return]


def _read_pairs(data: bytes | str, limits: Limits, max_keys: int) -> list[tuple[str, str]]:
    """:func:`parse_form_pairs` with MVC keys, refusing early what is over a quota."""
    if len(data) > limits.max_bytes:
        raise _exceeded("", "max_bytes", limits.max_bytes, "bytes")
    if isinstance(data, str) and not data.isascii():
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as exc:
            message = f"the form holds a lone surrogate (at character {exc.start})"
            raise FormPayloadError([Problem("", message)]) from None
        if size > limits.max_bytes:
            raise _exceeded("", "max_bytes", limits.max_bytes, "bytes")
    # Count the pairs before splitting anything: refusing a body of a million pairs then
    # costs no memory beyond the body itself. Every "&" separates a pair (see above).
    count = (data.count(b"&") if isinstance(data, bytes) else data.count("&")) + 1 if data else 0
    if count > limits.max_total_items:
        raise _exceeded("", "max_total_items", limits.max_total_items, "items")
    if count > max_keys:
        raise FormPayloadError(
            [Problem("", f"the form has {count} pairs; Web API refuses more than {max_keys}")]
        )
    at = _control_at(data)
    if at is not None:
        raise FormSyntaxError([Problem("", _not_encoded(data, at))])
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if not text:
        return []
    max_length = limits.max_string_length
    pairs = []
    for piece in text.split("&"):
        raw_key, _, raw_value = piece.partition("=")
        key = _unquote_plus(raw_key, max_length)
        if key is None:
            shown = _shown_key(raw_key)
            raise _exceeded(shown, "max_string_length", max_length, "characters in a key")
        # at least this many segments once normalized ("[]" adds none): refused before the
        # key is cut in pieces
        if key.count(".") + key.count("[") - key.count("[]") > limits.max_depth:
            raise _exceeded(_shown_key(key), "max_depth", limits.max_depth, "levels of nesting")
        try:
            key = normalize_key(key)
        except ValueError as exc:
            raise FormSyntaxError([Problem("", str(exc))]) from None
        value = _unquote_plus(raw_value, max_length)
        if value is None:
            raise _exceeded(_shown_key(key), "max_string_length", max_length, "characters")
        pairs.append((key, value))
    return pairs


#: characters of text decoded at a time by :func:`_unquote_plus`
_WINDOW: Final = 1 << 16
_HEX: Final = frozenset("0123456789abcdefABCDEF")


def _splits_escape(text: str, at: int) -> bool:
    """Whether cutting ``text`` at ``at`` would cut a ``%XX`` escape in two.

    Every ``%`` followed by two hexadecimal digits is an escape, whatever comes before it
    (a ``%`` is never a digit of another escape), so two characters back are enough.
    """
    for i in (at - 2, at - 1):
        if i >= 0 and text[i] == "%":
            digits = text[i + 1 : i + 3]
            if len(digits) == 2 and digits[0] in _HEX and digits[1] in _HEX:
                return True
    return False


def _unquote_plus(text: str, limit: int) -> str | None:
    """``unquote_plus(text, errors="replace")`` in memory linear in the result; None when
    the result would have more than ``limit`` characters.

    urllib splits its input at every ``%`` into a list of small objects: about 250 bytes
    of memory for each escape of a 3-byte ``%XX``. Here the escapes are decoded a window at
    a time into one buffer, which is decoded as UTF-8 once: the same text, as the raw
    non-ASCII characters that urllib keeps apart are whole UTF-8 sequences.
    """
    text = text.replace("+", " ")
    if "%" not in text:
        return text if len(text) <= limit else None
    # each character of the result takes at most 12 characters of text (four %XX)
    if len(text) > 12 * limit:
        return None
    buffer = bytearray()
    start, end_of_text = 0, len(text)
    while start < end_of_text:
        end = min(start + _WINDOW, end_of_text)
        while end < end_of_text and _splits_escape(text, end):
            end += 1
        buffer += unquote_to_bytes(text[start:end])
        if len(buffer) > 4 * limit:  # each character is at most 4 bytes of UTF-8
            return None
        start = end
    result = buffer.decode("utf-8", "replace")
    return result if len(result) <= limit else None


#: what an encoder never leaves raw in a form body (it writes %0D%0A for a line break)
_CONTROL_BYTE: Final = re.compile(rb"[\x00-\x1f\x7f]")
_CONTROL_CHAR: Final = re.compile(r"[\x00-\x1f\x7f]")


def _control_at(data: bytes | str) -> int | None:
    found = _CONTROL_BYTE.search(data) if isinstance(data, bytes) else _CONTROL_CHAR.search(data)
    return None if found is None else found.start()


def _not_encoded(data: bytes | str, at: int) -> str:
    looks = _looks_like(data)
    if looks:
        return f"the body is not a form: {looks}"
    code = data[at] if isinstance(data, bytes) else ord(data[at])
    return (
        f"the body is not form-encoded: a raw control character (U+{code:04X}) at "
        f"{'byte' if isinstance(data, bytes) else 'character'} {at}, which an encoder writes "
        f"%{code:02X} (Web API would keep it in a value); a form file for curl goes with "
        "--data, which drops line breaks, or each pair with --data-urlencode"
    )


def _binds_nothing(data: bytes | str, info: ContractInfo) -> str:
    message = (
        f"no key of the form names a member of {info.cls.__name__} "
        "(Web API would silently bind a default object)"
    )
    looks = _looks_like(data)
    return f"{message}; {looks}" if looks else message


def _looks_like(data: bytes | str) -> str | None:
    """A hint for a body in another format posted as a form (curl's default)."""
    start = data.lstrip()[:1]
    start = start.decode("latin-1") if isinstance(start, bytes) else start
    if start == "<":
        return "the body looks like XML: send it as application/xml"
    if start in ("{", "["):
        return "the body looks like JSON: send it as application/json"
    return None

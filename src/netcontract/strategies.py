"""Hypothesis strategies for contracts: valid values, inside .NET's ranges, with their edges.

``for_type(CustomerGroupDto)`` draws instances that netcontract can write and that .NET can
read and write back: every member gets a value of its CLR type, with a bias towards the values
where serializers break (range ends, ``-0.0``, NaN, subnormals, 100 ns ticks, ``]]>``, ``\\r``,
astral characters, empty and ``None`` lists...). It works for contract classes, parametrized
generics (``ResponseDto[uuid.UUID]``), contract enums and member annotations
(``list[str | None] | None``, ``Int64``); strategies are built once per resolved slot.

With this module imported (hypothesis loads it through its ``hypothesis`` entry point),
``st.from_type(CustomerGroupDto)`` uses :func:`for_type`: :func:`register_known` registers
every contract declared so far and :func:`register` registers one class.

The values stay what .NET can carry, and no more; each value type gives its own strategy
(:meth:`netcontract.clr.value_types.ValueType.strategy`), built from the blocks below:

- integers: the type's range, ends included
- Double: any float (``-0.0``, NaN, ±inf, subnormals, ``Double.MaxValue``...)
- Decimal: a coefficient below 2**96 with a scale of 0..28 (trailing zeros kept)
- DateTime: ticks 0001-01-01..9999-12-31T23:59:59.9999999, each kind; Local values take
  their UTC offset from ``local_offsets`` (default: any whole minute in -14:00..+14:00)
- String: only characters XML 1.0 can carry (no C0 control but tab, LF and CR, no lone
  surrogate, no U+FFFE/U+FFFF), with XML-special text and non-ASCII/astral characters
- Char: any UTF-16 code unit but a surrogate half (U+0000..U+D7FF, U+E000..U+FFFF): its
  XML form is a number, so controls and U+FFFF are drawn too
- Uri: http(s)/ws(s)/ftp URIs and relative ones with escapes, IPv6 and Unicode text, of
  the forms netcontract proves .NET's XML text for; by default only texts that are their own
  XML text, so that every format gives them back unchanged (``uris(normalized=False)``: any)
- XmlQualifiedName: the empty name, NCNames as .NET verifies them (4th edition classes) in
  no namespace, the built-in ones or URIs the XML parser reads back from a declaration
- ``None`` wherever .NET allows null (``X | None`` members and reference types), lists empty
  or not, enums by member (and unnamed values with ``unnamed_enums=True``)
- ``object`` members: ``None``, a bare :class:`~netcontract.AnyObject`, a Guid, a string, a
  bool, an Int64-range int, a float, a DateTime or a small contract instance: of a type the
  owner's ``known_types`` make known (.NET refuses any other there), or of ``object_contracts``
  when given (known to the serializer: pass them as ``known_types`` when writing); a
  ``list[T]`` / ``dict[K, V]`` the owner's ``known_types`` hold, as a ``Boxed`` collection
  (WCF JSON refuses a dictionary there, and a list of contracts not known themselves)
- dictionary keys every format writes and reads back: no NaN, Double (Single) keys whose
  15 (7) digits Json.NET keeps, DateTimeOffset keys of distinct instants in whole
  milliseconds, DateTime keys of distinct ticks
"""

# ruff: noqa: E402 - _hypothesis_setup_hook must exist before hypothesis is imported

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Run by hypothesis when it is imported (entry point group ``hypothesis``).

    Loading the entry point imports this module, whose last statement registers the known
    contracts; the hook repeats that when the module is complete. It is defined before the
    imports because ``import hypothesis`` below runs the entry points while this module is
    still being imported (the hook then finds the module half-built and does nothing).
    """
    registrar = globals().get("register_known")
    if registrar is not None:
        registrar()


import decimal
import math
import typing
import uuid
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from netcontract.clr.datetime import (
    MAX_TICKS,
    MIN_TICKS,
    TICKS_PER_MINUTE,
    TICKS_PER_SECOND,
    DateTime,
    DateTimeKind,
)
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.numbers import (
    DECIMAL_MAX,
    DECIMAL_MAX_SCALE,
    INT64_MAX,
    INT64_MIN,
    format_double_r,
)
from netcontract.clr.objects import AnyObject, Boxed
from netcontract.clr.single import SINGLE_MAX, format_single_r
from netcontract.clr.uri import Uri, serialization_text
from netcontract.clr.value_types import DATETIME, DATETIMEOFFSET, DOUBLE, SINGLE, ValueType
from netcontract.errors import ContractDefinitionError
from netcontract.model.contract import is_contract, known_contracts
from netcontract.model.defaults import omitted
from netcontract.model.enums import ContractEnum
from netcontract.model.known import own_known
from netcontract.model.plan import Member, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    collection_of,
    is_plain_collection,
    resolve_annotation,
)

__all__ = [
    "datetimeoffsets",
    "datetimes",
    "decimals",
    "doubles",
    "for_type",
    "guids",
    "register",
    "register_known",
    "singles",
    "uris",
    "xml_strings",
]

# ----------------------------------------------------------------------------- strings

#: C0 controls XML 1.0 cannot carry (tab, LF and CR are fine), and the two non-characters
_XML_FORBIDDEN: Final = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + (
    "\ufffe\uffff"
)

#: pieces where XML writers, JSON escapers and line-ending handling go wrong
_TRICKY_PIECES: Final = (
    "&",
    "<",
    ">",
    '"',
    "'",
    "]]>",
    "&amp;",
    "<![CDATA[x]]>",
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    "\t",
    " ",
    "  ",
    "\\",
    "/",
    "</",
    "\u007f",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u200b",
    "\ufeff",
    "\ud7ff",
    "\ue000",
    "\ufffd",
    "\ufdd0",
    "é",
    "€",
    "\U0001f600",
    "\U00010000",
    "\U0010ffff",
    "2024-01-02T03:04:05",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "null",
    "NaN",
    "-0",
)


def xml_strings(*, max_pieces: int = 6) -> SearchStrategy[str]:
    """Strings XML 1.0 can carry, biased towards text that serializers get wrong.

    Any code point but the C0 controls other than tab/LF/CR, lone surrogates and
    U+FFFE/U+FFFF; often built from pieces such as ``]]>``, ``&``, ``\\r\\n``, U+2028 or an
    astral character, and sometimes empty or only white space.
    """
    chars = st.characters(exclude_categories=["Cs"], exclude_characters=_XML_FORBIDDEN)
    piece = st.one_of(st.sampled_from(_TRICKY_PIECES), st.text(chars, min_size=1, max_size=8))
    return st.one_of(
        st.just(""),
        st.text(chars, max_size=20),
        st.lists(piece, min_size=1, max_size=max_pieces).map("".join),
    )


# ----------------------------------------------------------------------------- numbers

_DOUBLE_EDGES: Final = (
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    1 / 3,
    100.0,
    1e15,
    1e16,
    -1e15,
    1e-5,
    123456789.123,
    0.000407575,  # .NET's own decimal-to-double conversion is not correctly rounded here
    3e-25,
    5e-324,  # the smallest subnormal
    -5e-324,
    2.225073858507201e-308,  # the largest subnormal
    2.2250738585072014e-308,  # the smallest normal
    1.7976931348623157e308,  # Double.MaxValue
    -1.7976931348623157e308,
    9007199254740993.0,
    math.nan,
    math.inf,
    -math.inf,
)


def doubles() -> SearchStrategy[float]:
    """Any ``System.Double``: ``-0.0``, NaN, ±inf, subnormals, huge and tiny values."""
    return st.one_of(
        st.sampled_from(_DOUBLE_EDGES),
        st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True),
        st.integers(-(2**53), 2**53).map(float),
        st.floats(width=32).map(float),
    )


_SINGLE_EDGES: Final = (
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.10000000149011612,  # 0.1f
    0.3333333432674408,  # 1/3f: "0.333333343", nine digits
    100.0,
    1e7,  # "1E+07"
    16777216.0,  # 2**24, the last integer after which a Single skips
    123456792.0,
    1.4999999621068127e-05,  # 1.5E-05f
    9.999999747378752e-05,  # 0.0001f
    1.401298464324817e-45,  # Single.Epsilon, the smallest subnormal
    -1.401298464324817e-45,
    1.1754942106924411e-38,  # the largest subnormal
    1.1754943508222875e-38,  # the smallest normal
    SINGLE_MAX,
    -SINGLE_MAX,
    math.nan,
    math.inf,
    -math.inf,
)


def _make_datetimeoffset(utc_ticks: int, offset: int) -> DateTimeOffset:
    local = utc_ticks + offset * TICKS_PER_MINUTE
    if not MIN_TICKS <= local <= MAX_TICKS:
        offset = 0  # that clock time does not exist: .NET refuses it too
        local = utc_ticks
    return DateTimeOffset(local, offset)


def datetimeoffsets() -> SearchStrategy[DateTimeOffset]:
    """Any ``System.DateTimeOffset``: UTC ticks over the whole range (its ends included), any
    offset within ±14:00 (whole hours, half hours and odd minutes), MinValue and MaxValue."""
    offsets = st.one_of(
        st.sampled_from((0, 60, -60, 330, -210, 840, -840, 345, -1)),
        st.integers(-840, 840),
    )
    utc = st.one_of(
        st.sampled_from((MIN_TICKS, MAX_TICKS, 638_505_927_071_234_567, 621_355_968_000_000_000)),
        st.integers(MIN_TICKS, MAX_TICKS),
    )
    return st.one_of(
        st.sampled_from((DateTimeOffset.MIN_VALUE, DateTimeOffset.MAX_VALUE)),
        st.builds(_make_datetimeoffset, utc, offsets),
    )


_URI_HOSTS: Final = (
    "example.com",
    "Example.COM",
    "h",
    "a-b.c_d",
    "127.0.0.1",
    "[::1]",
    "[2001:DB8::0:1]",
    "münchen.de",
    "xn--mnchen-3ya.de",
)
_URI_PIECES: Final = (
    *"aZ09-._~!$&'()*+,;=:@/",
    "%20",
    "%41",
    "%2F",
    "%C3%A4",
    "%zz",
    " ",
    "ä",
    "€",
    "\U0001f600",
    "..",
    "<",
    '"',
    "{",
    "|",
    "\\",
    "^",
    "`",
)


def _uri_text(draw: Callable[[SearchStrategy[Any]], Any]) -> str:
    def piece(n: int) -> str:
        return "".join(draw(st.lists(st.sampled_from(_URI_PIECES), max_size=n)))

    start: str = draw(st.sampled_from(("", "a", "../", "./x/", "seg")))
    if draw(st.booleans()):
        return start + piece(8)
    text: str = draw(st.sampled_from(("http", "https", "HTTP", "ws", "wss", "ftp"))) + "://"
    text += draw(st.sampled_from(("", "", "", "user:pass@")))
    text += draw(st.sampled_from(_URI_HOSTS))
    text += draw(st.sampled_from(("", "", ":80", ":443", ":8080", ":21")))
    text += draw(st.sampled_from(("", "/"))) + piece(8)
    if draw(st.booleans()):
        text += "?" + piece(5).replace("#", "")
    if draw(st.booleans()):
        text += "#" + piece(5)
    lead: str = draw(st.sampled_from(("", "", " ")))
    return lead + text


@st.composite
def _drawn_uri(draw: Callable[[SearchStrategy[Any]], Any], normalized: bool) -> Uri:
    for _ in range(10):  # a list of Uris stays valid: retry here rather than reject it all
        text = _uri_text(draw)
        if not text:  # the empty Uri: Json.NET writes "" and reads it back as null (Mono)
            continue
        try:
            written = serialization_text(text)
        except ValueError:
            continue
        if not normalized or serialization_text(written) == written:
            break
    else:
        reject()  # not a form netcontract writes
    return Uri(written if normalized else text)


def uris(*, normalized: bool = True) -> SearchStrategy[Uri]:
    """``System.Uri`` values whose DataContract XML text netcontract proves (absolute http,
    https, ws, wss, ftp and relative URIs, escapes, IPv6, Unicode). ``normalized``: only texts
    that are their own XML text (reading the XML gives them back); otherwise any original
    text (Json.NET keeps it, XML writes .NET's normalized text). Never the empty Uri, which
    Json.NET writes as ``""`` and reads back as null."""
    return _drawn_uri(normalized)


def singles() -> SearchStrategy[float]:
    """Any ``System.Single`` (a float that float32 holds exactly): ``-0.0``, NaN, ±inf,
    subnormals, Single.MaxValue."""
    return st.one_of(
        st.sampled_from(_SINGLE_EDGES),
        st.floats(width=32, allow_nan=True, allow_infinity=True, allow_subnormal=True),
        st.integers(-(2**24), 2**24).map(float),
    )


def _make_decimal(negative: bool, coefficient: int, scale: int) -> decimal.Decimal:
    digits = tuple(int(d) for d in str(coefficient))
    return decimal.Decimal((int(negative), digits, -scale))


def decimals() -> SearchStrategy[decimal.Decimal]:
    """Any ``System.Decimal``: a coefficient in 0..2**96-1, a sign, a scale in 0..28.

    The scale is kept as .NET keeps it (``1.50`` is not ``1.5``); negative zeros are included
    (.NET has them too).
    """
    coefficients = st.one_of(
        st.sampled_from((0, 1, 5, 10, DECIMAL_MAX, DECIMAL_MAX - 1, 10**28, 2**64)),
        st.integers(0, 10**6),
        st.integers(0, DECIMAL_MAX),
    )
    scales = st.one_of(
        st.sampled_from((0, 1, 2, DECIMAL_MAX_SCALE)), st.integers(0, DECIMAL_MAX_SCALE)
    )
    return st.builds(_make_decimal, st.booleans(), coefficients, scales)


# ----------------------------------------------------------------------------- guids, dates


def guids() -> SearchStrategy[uuid.UUID]:
    """Any ``System.Guid``, ``Guid.Empty`` and the all-ones value included."""
    return st.one_of(
        st.sampled_from((uuid.UUID(int=0), uuid.UUID(int=2**128 - 1))),
        st.uuids(allow_nil=True),
    )


_SECONDS_MAX: Final = MAX_TICKS // TICKS_PER_SECOND
_TICK_EDGES: Final = (
    MIN_TICKS,
    MIN_TICKS + 1,
    MAX_TICKS,
    MAX_TICKS - 1,
    _SECONDS_MAX * TICKS_PER_SECOND,  # 9999-12-31T23:59:59
    638_397_758_450_000_000,  # 2024-01-02T03:04:05
    638_397_758_451_234_567,  # 2024-01-02T03:04:05.1234567
    638_397_758_451_200_000,  # 2024-01-02T03:04:05.12
    621_355_968_000_000_000,  # 1970-01-01
)
_OFFSET_EDGES: Final = (0, -840, 840, 60, -300, 330, 345, -1, 1)


def _ticks() -> SearchStrategy[int]:
    return st.one_of(
        st.sampled_from(_TICK_EDGES),
        st.integers(MIN_TICKS, MAX_TICKS),
        # whole seconds, whole milliseconds: the fraction is written without trailing zeros
        st.integers(0, _SECONDS_MAX).map(lambda s: s * TICKS_PER_SECOND),
        st.integers(0, MAX_TICKS // 10_000).map(lambda ms: ms * 10_000),
    )


def default_local_offsets() -> SearchStrategy[int]:
    """Any whole-minute UTC offset .NET allows (-14:00..+14:00), often a common one."""
    return st.one_of(st.sampled_from(_OFFSET_EDGES), st.integers(-840, 840))


def datetimes(
    *,
    local_offsets: SearchStrategy[int] | None = None,
    kinds: Sequence[DateTimeKind] = tuple(DateTimeKind),
) -> SearchStrategy[DateTime]:
    """Any ``System.DateTime`` (0001-01-01..9999-12-31T23:59:59.9999999, 100 ns ticks).

    ``kinds`` limits the kinds drawn; a LOCAL value takes its offset (minutes) from
    ``local_offsets`` (default :func:`default_local_offsets`; pass ``st.just(0)`` to compare
    with a .NET process running at ``TZ=UTC``).
    """
    offsets = default_local_offsets() if local_offsets is None else local_offsets
    options: list[SearchStrategy[DateTime]] = []
    plain = [k for k in kinds if k is not DateTimeKind.LOCAL]
    if plain:
        options.append(st.builds(DateTime, _ticks(), st.sampled_from(plain)))
    if DateTimeKind.LOCAL in kinds:
        options.append(st.builds(_local_datetime, _ticks(), offsets))
    if not options:
        raise ValueError("datetimes() needs at least one kind")
    return st.one_of(options)


def _local_datetime(ticks: int, offset: int) -> DateTime:
    return DateTime(ticks, DateTimeKind.LOCAL, offset)


# ----------------------------------------------------------------------------- contracts


@attrs.frozen
class _Options:
    local_offsets: SearchStrategy[int] | None
    max_items: int
    unnamed_enums: bool
    object_contracts: tuple[type, ...] | None
    #: top-level package of the requested type: the default family of ``object`` contracts
    family: str | None


class _Builder:
    """Strategies for one set of options, built once per slot and per contract."""

    def __init__(self, options: _Options) -> None:
        self.options = options
        self._slots: dict[Slot, SearchStrategy[Any]] = {}
        self._contracts: dict[Any, SearchStrategy[Any]] = {}
        self._annotations: dict[Any, SearchStrategy[Any]] = {}
        self._enums: dict[type, SearchStrategy[Any]] = {}
        self._values: dict[ValueType, SearchStrategy[Any]] = {}
        self._objects: dict[type | None, SearchStrategy[Any]] = {}
        #: the contract whose members are being built: an object member draws only the
        #: contracts its known_types make known (.NET refuses any other)
        self._owner: type | None = None

    # -- entry points ------------------------------------------------------------------
    def for_annotation(self, tp: Any) -> SearchStrategy[Any]:
        try:
            cached = self._annotations.get(tp)
        except TypeError:  # an unhashable annotation: resolve it every time
            return self.slot(resolve_annotation(tp))
        if cached is None:
            cached = self._annotations[tp] = self.slot(resolve_annotation(tp))
        return cached

    def contract(self, tp: Any) -> SearchStrategy[Any]:
        strategy = self._contracts.get(tp)
        if strategy is None:
            info = contract_info(tp)  # raise ContractDefinitionError now, not at draw time
            cls = info.cls
            # deferred: members are resolved at the first draw, so contracts may refer to
            # themselves or to classes declared later
            strategy = st.deferred(lambda: self._members(tp, cls))
            if info.is_reference:
                # shared references (z:Ref, $ref): some draws of one example give the same
                # instance (st.shared: one value per example and key); no cycles are drawn
                key = f"netcontract.is_reference:{cls.__module__}.{cls.__qualname__}:{id(self)}"
                strategy = st.one_of(strategy, st.shared(strategy, key=key))
            self._contracts[tp] = strategy
        return strategy

    def _members(self, tp: Any, cls: type) -> SearchStrategy[Any]:
        info = contract_info(tp)
        outer, self._owner = self._owner, cls
        try:
            members = {
                m.attr: self.slot(m.slot) if m.emit_default_value else self._emit_default(m)
                for m in info.json_members
                if m.computed is None
            }
        finally:
            self._owner = outer

        def build(values: dict[str, Any]) -> Any:
            try:
                return cls(**info.init_kwargs(values))
            except (TypeError, ValueError):
                # the class's own checks (attrs validators, __attrs_post_init__) refuse these
                # values: draw others (a class refusing every draw fails hypothesis's health
                # check, which names it)
                reject()

        return st.fixed_dictionaries(members).map(build)

    def _emit_default(self, m: Member) -> SearchStrategy[Any]:
        """Values of an ``emit_default_value=False`` member that read back as written: the
        member's own default, or a value neither format leaves out (``-0.0``, ``0.00`` or a UTC
        DateTime of 0 ticks would come back as the default); a required member's default only
        when XML does not leave it out (.NET refuses to write it)."""
        field = attrs.fields_dict(m.declaring_class)[m.attr]
        default = field.default

        def kept(value: Any) -> bool:
            in_xml, in_json = omitted(m.slot, value, xml=True), omitted(m.slot, value, xml=False)
            if not (in_xml or in_json):
                return True
            same = type(value) is type(default) and repr(value) == repr(default)
            return same and not (m.is_required and in_xml)

        return self.slot(m.slot).filter(kept)

    # -- slots -------------------------------------------------------------------------
    def slot(self, slot: Slot) -> SearchStrategy[Any]:
        strategy = self._slots.get(slot)
        if strategy is None:
            strategy = self._wire(slot)
            if slot.clr_nillable:
                strategy = st.none() | strategy
            self._slots[slot] = strategy
        return strategy

    def _wire(self, slot: Slot) -> SearchStrategy[Any]:
        wire = slot.wire
        if isinstance(wire, PrimitiveType):
            return self._primitive(wire.primitive)
        if isinstance(wire, EnumType):
            return self._enum(wire)
        if isinstance(wire, ContractType):
            return self.contract(_parametrized(wire))
        if isinstance(wire, ListType):
            made = wire.cls  # a collection contract: instances of its class
            if self.options.max_items == 0:
                return st.builds(made) if made is not list else st.just([])
            items = self.slot(wire.item)
            lists = st.one_of(
                st.just([]), st.lists(items, min_size=1, max_size=self.options.max_items)
            )
            return lists if made is list else lists.map(made)
        if isinstance(wire, DictType):
            if self.options.max_items == 0:
                return st.just({}) if wire.cls is dict else st.builds(wire.cls)
            # the key's own values (never None: a key cannot be null), those every format
            # writes and reads back (model/keys.py, json/dict_keys.py)
            keys = self._wire(wire.key)
            key_wire = wire.key.wire
            if isinstance(key_wire, PrimitiveType) and key_wire.primitive in _KEY_FILTERS:
                keys = keys.filter(_KEY_FILTERS[key_wire.primitive])
            entries = st.dictionaries(keys, self.slot(wire.value), max_size=self.options.max_items)
            if isinstance(key_wire, PrimitiveType) and key_wire.primitive is DATETIME:
                # DateTime keys are equal in .NET when their ticks are, whatever their kind
                entries = entries.map(_distinct_ticks)
            if isinstance(key_wire, PrimitiveType) and key_wire.primitive is DATETIMEOFFSET:
                # DateTimeOffset keys are equal in .NET when their instants are
                entries = entries.map(_distinct_instants)
            return entries if wire.cls is dict else entries.map(wire.cls)
        if isinstance(wire, ObjectType):
            if wire.expected is not None:
                # a bound type variable (ResponseDto[uuid.UUID]): values of that type only
                return self._wire(wire.expected)
            return self._object(self._owner)
        raise TypeError(f"no strategy for {wire!r}")  # pragma: no cover - every wire type

    def _primitive(self, value_type: ValueType) -> SearchStrategy[Any]:
        """The value type's own strategy, made once (members and object members share it)."""
        strategy = self._values.get(value_type)
        if strategy is None:
            strategy = value_type.strategy(local_offsets=self.options.local_offsets)
            self._values[value_type] = strategy
        return strategy

    def _enum(self, wire: EnumType) -> SearchStrategy[Any]:
        cls = wire.cls
        strategy = self._enums.get(cls)
        if strategy is None:
            # the values both formats carry: serializable members (and, in a [Flags] enum,
            # their combinations); the rest only with unnamed_enums
            named = [cls(value) for value in wire.names]
            options: list[SearchStrategy[Any]] = [st.sampled_from(named)] if named else []
            if wire.flags:
                parts = [value for value, _ in wire.flag_parts]
                # members sharing bits (Bing Ads' CampaignTypeReportFilter: 1, 3, 4, 6...) or
                # to values the greedy writer cannot take apart (1 | 6 | 8): kept out
                combined = st.lists(st.sampled_from(parts or [0])).map(_or_of(cls))
                options.append(combined.filter(lambda v: wire.xml_text(v) is not None))
            if self.options.unnamed_enums and issubclass(cls, ContractEnum):
                unwritable = wire.xml_text  # what DataContractSerializer refuses to write
                # (a [Flags] enum whose members make every bit has no such value)
                bits = [1 << k for k in range(31)] + [-(2**31)]
                if any(unwritable(v) is None for v in bits):
                    unnamed = st.integers(-(2**31), 2**31 - 1).filter(
                        lambda v: unwritable(v) is None
                    )
                    options.append(unnamed.map(cls))
            if not options:
                raise TypeError(f"{cls.__qualname__} has no members and unnamed values are off")
            strategy = self._enums[cls] = st.one_of(options)
        return strategy

    # -- object members ----------------------------------------------------------------
    def _object(self, owner: type | None) -> SearchStrategy[Any]:
        strategy = self._objects.get(owner)
        if strategy is None:
            strategy = self._objects[owner] = st.one_of(
                st.just(AnyObject()),
                guids(),
                xml_strings(),
                st.booleans(),
                st.one_of(
                    st.sampled_from((0, INT64_MIN, INT64_MAX)), st.integers(INT64_MIN, INT64_MAX)
                ),
                doubles(),
                self._primitive(DATETIME),
                st.deferred(lambda: self._small_contracts(owner)),
            )
        return strategy

    def _small_contracts(self, owner: type | None) -> SearchStrategy[Any]:
        classes = self.options.object_contracts
        # a List<T> / Dictionary<K,V> the owner's known_types hold
        plain = [] if owner is None else [t for t in _own_known(owner).values() if _plain(t)]
        if classes is None and owner is None:
            classes = _contract_family(self.options.family)
        elif classes is None:
            # only the contracts the owner's known_types make known: .NET refuses others
            # there (``object_contracts`` given: the caller's serializer knows them)
            known: set[Any] = set()
            for tp in own_known(owner).values():
                origin: Any = typing.get_origin(tp)
                known.add(origin or tp)
            classes = tuple(c for c in _contract_family(self.options.family) if c in known)
        if not classes and not plain:
            return st.nothing()
        # nested object members hold no further contract, and lists have at most one item
        small = _builder(
            attrs.evolve(
                self.options, max_items=min(1, self.options.max_items), object_contracts=()
            )
        )
        drawn = [small.contract(cls) for cls in classes]
        # a List<T> / Dictionary<K,V> the owner knows, boxed with its type (a plain list or
        # dict has no .NET type to write)
        drawn += [
            small._wire(Slot(_plain_wire(tp), optional=False)).map(_boxer(tp)) for tp in plain
        ]
        return st.one_of(drawn)


def _plain_wire(tp: Any) -> ListType | DictType:
    wire = collection_of(tp)
    assert wire is not None
    return wire


def _own_known(owner: type) -> Any:
    """The owner's known types; none when they are declared wrongly (``for_type`` of such a
    contract fails on its own members' strategies instead)."""
    try:
        return own_known(owner)
    except ContractDefinitionError:
        return {}


def _plain(tp: Any) -> bool:
    return is_plain_collection(tp)


def _boxer(tp: Any) -> Callable[[Any], Any]:
    return lambda value: Boxed(value, tp)


def _parametrized(wire: ContractType) -> Any:
    """The class of a contract wire type, parametrized as declared (``ResponseDto[Guid]``)."""
    cls: Any = wire.cls
    return cls[wire.type_args] if wire.type_args else cls


def _top_package(tp: Any) -> str | None:
    origin = typing.get_origin(tp) or tp
    module = getattr(origin, "__module__", None)
    return module.split(".")[0] if isinstance(module, str) else None


def _usable(tp: Any, seen: set[Any] | None = None) -> bool:
    """Whether every member of contract ``tp`` can be drawn (named enums only)."""
    seen = set() if seen is None else seen
    if tp in seen:
        return True
    seen.add(tp)
    try:
        info = contract_info(tp)
        own_known(typing.get_origin(tp) or tp)  # (its known_types too)
    except ContractDefinitionError:  # declared wrongly (a test of that, say): not drawn
        return False
    return all(_slot_usable(m.slot, seen) for m in info.json_members if m.computed is None)


def _or_of(cls: type[Any]) -> Callable[[list[int]], Any]:
    """The [Flags] value of some members' values or-ed together."""

    def combine(values: list[int]) -> Any:
        result = 0
        for value in values:
            result |= value
        return cls(result)

    return combine


def _json_key_keeps(digits: int, formatter: Callable[[float], str]) -> Callable[[float], bool]:
    """Whether a Double (Single) key survives Json.NET's key text (G15, G7) and is no NaN."""

    def keeps(value: float) -> bool:
        if value != value:
            return False
        text = formatter(value)
        return (
            "Infinity" in text
            or len(text.partition("E")[0].lstrip("-").replace(".", "").strip("0")) <= digits
        )

    return keeps


#: the keys drawn for these key types: those Json.NET's property names keep (json/dict_keys.py)
_KEY_FILTERS: Final[dict[Any, Callable[[Any], bool]]] = {
    DOUBLE: _json_key_keeps(15, format_double_r),
    SINGLE: _json_key_keeps(7, format_single_r),
    # MicrosoftDateFormat writes milliseconds: keys without sub-millisecond ticks
    DATETIMEOFFSET: lambda key: key.ticks % 10_000 == 0,
}


def _distinct_instants(entries: dict[Any, Any]) -> dict[Any, Any]:
    """The entries whose DateTimeOffset key is an instant no earlier key is."""
    seen: set[int] = set()
    result = {}
    for key, value in entries.items():
        if key.utc_ticks not in seen:
            seen.add(key.utc_ticks)
            result[key] = value
    return result


def _distinct_ticks(entries: dict[Any, Any]) -> dict[Any, Any]:
    """The entries whose DateTime key has ticks no earlier key has."""
    seen: set[int] = set()
    result = {}
    for key, value in entries.items():
        if key.ticks not in seen:
            seen.add(key.ticks)
            result[key] = value
    return result


def _slot_usable(slot: Slot, seen: set[Any]) -> bool:
    wire = slot.wire
    if isinstance(wire, PrimitiveType):
        return True  # every value type has its strategy
    if isinstance(wire, EnumType):
        return bool(wire.names) or wire.flags  # (a [Flags] 0 is written: the empty text)
    if isinstance(wire, ContractType):
        return _usable(_parametrized(wire), seen)
    if isinstance(wire, ListType):
        return _slot_usable(wire.item, seen)
    if isinstance(wire, DictType):
        return _slot_usable(wire.key, seen) and _slot_usable(wire.value, seen)
    if isinstance(wire, ObjectType):
        return wire.expected is None or _slot_usable(wire.expected, seen)
    return False  # pragma: no cover - every wire type


def _contract_family(family: str | None) -> tuple[type, ...]:
    """Non-generic contract classes of the package ``family`` (all of them when None)."""
    found = [
        cls
        for cls in known_contracts().values()
        if is_contract(cls)
        and not getattr(cls, "__parameters__", ())
        and (family is None or _top_package(cls) == family)
        and _usable(cls)
    ]
    return tuple(sorted(found, key=lambda c: (c.__module__, c.__qualname__)))


_BUILDERS: dict[_Options, _Builder] = {}
_MAX_BUILDERS: Final = 64


def _builder(options: _Options) -> _Builder:
    try:
        builder = _BUILDERS.get(options)
    except TypeError:  # an unhashable local_offsets strategy: no sharing
        return _Builder(options)
    if builder is None:
        if len(_BUILDERS) >= _MAX_BUILDERS:  # options built on the fly (a new st.just(0) per call)
            _BUILDERS.clear()
        builder = _BUILDERS[options] = _Builder(options)
    return builder


def for_type(
    tp: Any,
    *,
    local_offsets: SearchStrategy[int] | None = None,
    max_items: int = 3,
    unnamed_enums: bool = False,
    object_contracts: Sequence[type] | None = None,
) -> SearchStrategy[Any]:
    """A strategy of valid values for a contract, a contract enum or a member annotation.

    :param tp: a contract class (``CustomerGroupDto``), a collection contract (instances of
        its class), a parametrized generic contract
        (``ResponseDto[uuid.UUID]``: ``Data`` then holds Guids), a contract enum, or an
        annotation as written on a member (``list[str | None] | None``, ``Int64``,
        ``DateTime | None``, ``object``). A contract or enum gives instances, never None;
        an annotation gives None too where .NET allows null.
    :param local_offsets: UTC offsets (minutes) of DateTimes of kind Local; default any
        whole minute in -840..840. Use ``st.just(0)`` against a .NET process at ``TZ=UTC``,
        which converts Local dates into its own zone.
    :param max_items: the longest list drawn.
    :param unnamed_enums: also draw enum values that have no name (``CameraType(7)``);
        Json.NET writes them, DataContractSerializer (and netcontract's XML writer) refuses.
    :param object_contracts: the contract classes an ``object`` member may hold (drawn
        small: lists of at most one item, no nested contract in their ``object`` members).
        Default: the non-generic contracts declared in the top-level package of ``tp``
        (``vehizen`` for the Vehizen contracts), or every known non-generic contract when
        ``tp`` is not a contract; looked up at the first draw.

    Computed members are not drawn (they are not ``__init__`` arguments); JSON-only stored
    members are drawn like any other member (XML does not carry them).
    """
    if max_items < 0:
        raise ValueError("max_items must be >= 0")
    options = _Options(
        local_offsets,
        max_items,
        unnamed_enums,
        None if object_contracts is None else tuple(object_contracts),
        _top_package(tp) if object_contracts is None and is_contract(tp) else None,
    )
    builder = _builder(options)
    if is_contract(tp):
        return builder.contract(tp)
    collection = collection_of(tp)
    if collection is not None:  # a collection contract: instances, never None
        return builder._wire(Slot(collection, optional=False))
    # an enum is a value type: its slot never holds None
    return builder.for_annotation(tp)


# ----------------------------------------------------------------------------- registration


def _registered_strategy(tp: Any) -> SearchStrategy[Any]:
    return for_type(tp)


def register(tp: type) -> None:
    """Make ``hypothesis.strategies.from_type(tp)`` use :func:`for_type` for this class.

    ``tp`` is a contract class, a contract enum or a collection contract; for a generic
    contract the strategy is resolved per parametrization
    (``from_type(ResponseDto[uuid.UUID])``). Nothing is resolved until hypothesis asks, so
    classes may refer to classes declared later.
    """
    origin = typing.get_origin(tp) or tp
    if not isinstance(origin, type) or not (
        "__netcontract__" in origin.__dict__ or "__netcontract_collection__" in origin.__dict__
    ):
        raise TypeError(f"{tp!r} is not a contract class, contract enum or collection contract")
    st.register_type_strategy(origin, _registered_strategy)


def register_known() -> None:
    """:func:`register` every contract and contract enum in ``netcontract.known_contracts()``."""
    for cls in known_contracts().values():
        register(cls)


# Importing this module registers the contracts declared so far; ``@contract`` registers the
# ones declared afterwards (it calls register() once this module is in sys.modules).
register_known()

"""The .NET value types: one object per CLR type, knowing everything about its values.

Each CLR type a member can hold (``String``, ``Boolean``, the eight integers, ``Double``,
``Single``, ``Decimal``, ``Guid``, ``DateTime``, ``DateTimeOffset``, ``Char``, ``TimeSpan``,
``byte[]``, ``Uri``, ``XmlQualifiedName``) is one instance of a :class:`ValueType` subclass.
It knows, in one place:

- its names: CLR name, data-contract name and namespace (also its XSD type and its ``i:type``
  in ``object`` members), whether .NET's type is a value type;
- its values: the Python type that holds them and :meth:`~ValueType.check` (range, kind);
- its wire forms: XML text (:meth:`~ValueType.xml_text` / :meth:`~ValueType.xml_parse`),
  Json.NET value (:meth:`~ValueType.json_value` / :meth:`~ValueType.json_parse`), form text as
  Web API binds it (:meth:`~ValueType.form_text` / :meth:`~ValueType.form_parse`, and
  :meth:`~ValueType.form_loss` for what a form cannot carry);
- its help-page sample (:meth:`~ValueType.help_sample`) and hypothesis strategy
  (:meth:`~ValueType.strategy`);
- the Python source the generated readers and writers inline for it (the ``*_fast_*`` methods,
  each returning a :class:`Snippet` or None where the value goes to the reference code).

The registry maps Python annotations (``int`` means Int32; ``Annotated[int, INT64]`` Int64) and
data-contract names (``i:type``) to these objects. Adding a value type means one new subclass,
one instance passed to :func:`register`, and its tests.

The codec attributes are plain functions where the hot paths call them (``DOUBLE.xml_parse`` is
``numbers.parse_double_xml`` itself, a ``staticmethod``), so that looking them up through the
registry costs no extra call.
"""

from __future__ import annotations

import binascii
import decimal
import math
import re
import types
import uuid
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Protocol

import attrs
import msgspec

from netcontract.clr import compiled as _compiled
from netcontract.clr import datetimeoffset as _dto
from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr import single as _single
from netcontract.clr.datetime import (
    DateTime,
    DateTimeKind,
    format_datetime,
    parse_datetime,
    parse_datetime_json,
    parse_datetime_json_rounded,
    parse_datetime_xml,
)
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.namespaces import ARR, DATACONTRACT_BASE, SER, SYSTEM, XS, XSI
from netcontract.clr.objects import Boxed
from netcontract.clr.qname import XmlQualifiedName, ncname_pattern
from netcontract.clr.timespan import (
    MAX_TICKS as _TS_MAX,
)
from netcontract.clr.timespan import (
    MIN_TICKS as _TS_MIN,
)
from netcontract.clr.timespan import (
    TimeSpan,
    format_timespan_json,
    format_timespan_xml,
    parse_timespan_json,
    parse_timespan_xml,
)
from netcontract.clr.uri import Uri, serialization_text

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from netcontract.codegen import Source

__all__ = [
    "ARR",
    "BOOLEAN",
    "BYTE",
    "BYTES",
    "CHAR",
    "CONTRACT_NAMES",
    "DATACONTRACT_BASE",
    "DATETIME",
    "DATETIMEOFFSET",
    "DECIMAL",
    "DOUBLE",
    "GUID",
    "INT16",
    "INT32",
    "INT64",
    "SBYTE",
    "SER",
    "SINGLE",
    "STRING",
    "SYSTEM",
    "TIMESPAN",
    "UINT16",
    "UINT32",
    "UINT64",
    "URI",
    "XMLQNAME",
    "XS",
    "XSI",
    "Byte",
    "Char",
    "Int16",
    "Int32",
    "Int64",
    "IntegerType",
    "SByte",
    "SampleSource",
    "Single",
    "Snippet",
    "UInt16",
    "UInt32",
    "UInt64",
    "ValueType",
    "box",
    "by_contract_name",
    "check_no_lone_surrogate",
    "for_annotation",
    "for_untyped_value",
    "is_blank",
    "net_trim",
    "register",
    "register_own",
    "value_types",
]


#: what .NET's number and Boolean parsers trim (Char.IsWhiteSpace among ASCII, Number.IsWhite)
NET_WHITE_SPACE: Final = " \t\n\v\f\r"


# ----------------------------------------------------------------------------- helpers


def _describe(value: object) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal | int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"{type(value).__name__} {value!r}"


def _type_error(expected: str, value: object) -> TypeError:
    return TypeError(f"expected {expected}, got {_describe(value)}")


def is_blank(text: str) -> bool:
    """``String.IsNullOrWhiteSpace``: empty, or only what ``Char.IsWhiteSpace`` calls white.

    Web API binds such a form value as null (Python's ``str.isspace`` differs: it also takes
    U+001C..U+001F, which .NET does not).
    """
    return not text.strip(_numbers.NET_TRIM)


def net_trim(text: str) -> str:
    """``String.Trim()``: ``text`` without the white space (``Char.IsWhiteSpace``) around it."""
    return text.strip(_numbers.NET_TRIM)


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def check_no_lone_surrogate(value: str) -> str:
    """Refuse a str holding a lone surrogate: no UTF-8 or UTF-16 encoder can write it."""
    if not value.isascii() and _LONE_SURROGATE.search(value):
        # "\ud800" is valid JSON, but no encoder can write it back
        raise ValueError("the string holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape)")
    return value


@attrs.frozen
class Snippet:
    """Python source a generated reader or writer inlines for one value held in a variable.

    Where ``condition`` (an expression over that variable) is true, the value is converted by
    ``expression`` (None: the value itself, unchanged), after the statements of ``setup``;
    where it is false, the generated code leaves the value to the reference reader or writer
    (which reports the problem, if there is one). The expression may also raise
    ``ValueError``/``TypeError``, which means the same. Constants (codec functions, types) are
    bound through the :class:`~netcontract.codegen.Source` the snippet was made for.

    ``text``: the value is a JSON string taken as it is (reading: the caller counts its colons
    and may check it against ``max_string_length``; writing: the caller escapes what msgspec
    would not escape as Json.NET does). ``raw``: the expression gives the JSON token text, to
    be written as it is (``msgspec.Raw``).
    """

    condition: str
    expression: str | None = None
    setup: tuple[str, ...] = ()
    text: bool = False
    raw: bool = False


class SampleSource(Protocol):
    """What a help-page sample takes from the machine (``DateTime.Now``, ``Guid.NewGuid()``)."""

    @property
    def now(self) -> DateTime: ...

    def new_guid(self) -> uuid.UUID: ...


# ----------------------------------------------------------------------------- the base


class ValueType:
    """One CLR value type (``String`` counts too): names, range, wire forms, samples, code.

    ``xml_text``/``json_value``/``form_text`` assume a value that :meth:`check` accepted;
    the ``*_parse`` methods and :meth:`check` raise ``ValueError``/``TypeError`` with a message
    meant for users (the caller adds the member path).
    """

    clr_name: str  #: e.g. ``Int32``
    contract_name: str  #: e.g. ``int``: the XSD type, list item and ``i:type`` name
    namespace: str = XS  #: of the contract name: XS or SER
    python_type: type  #: the Python type of its values
    is_value_type: bool = True  #: a .NET value type (null only as ``Nullable<T>``)
    #: the XML text may hold ``&``, ``<``, ``>`` or characters XML 1.0 cannot carry: the XML
    #: writer escapes and checks it (only strings)
    xml_escapes: bool = False
    #: a hint added to an XSD validation message about an invalid value
    xsd_hint: str | None = None
    #: an empty text is written as a self-closing element (``XmlWriter.WriteBase64`` of no
    #: bytes writes nothing, so ``<B />``; an empty string is ``<S></S>``)
    xml_empty_closes: bool = False
    #: a complex value (DateTimeOffset): its XML is these child elements, in :attr:`namespace`,
    #: each ``(local name, XSD type namespace, XSD type name)``, instead of text; the element
    #: declares :attr:`namespace` as a contract member in another namespace does
    xml_children: tuple[tuple[str, str, str], ...] | None = None
    #: the XML text is a qualified name (XmlQualifiedName, ``xs:QName``): the writer declares
    #: the value's namespace on the element (:meth:`xml_qname_parts`) and the reader resolves
    #: the text's prefix in scope (:meth:`xml_from_qname`); :meth:`xml_text` and
    #: :meth:`xml_parse` are not used
    xml_qualified: bool = False

    def __repr__(self) -> str:
        return f"<CLR {self.clr_name}>"

    @property
    def carrier(self) -> ValueType:
        """The CLR type the values travel as: itself, or for a user's own type
        (:func:`~netcontract.register_value_type`) the primitive it is carried by."""
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # one object per CLR type: a pickled value type comes back as the registered one
        return (by_contract_name, (self.namespace, self.contract_name))

    # -- values ------------------------------------------------------------------------

    def check(self, value: Any, /) -> Any:
        """``value`` if it is a value of this type (raises ``TypeError``/``ValueError``)."""
        raise NotImplementedError

    def xml_text(self, value: Any, /) -> str:
        """The element text DataContractSerializer writes (not yet escaped)."""
        raise NotImplementedError

    def xml_parse(self, text: str, /) -> Any:
        """The value of an element's text, as DataContractSerializer reads it."""
        raise NotImplementedError

    def xml_child_texts(self, value: Any, /) -> tuple[str, ...]:
        """The texts of the :attr:`xml_children` (a complex value), not yet escaped."""
        raise NotImplementedError

    def xml_from_children(self, texts: tuple[str, ...], /) -> Any:
        """The value of the :attr:`xml_children` texts (a complex value)."""
        raise NotImplementedError

    def xml_qname_parts(self, value: Any, /) -> tuple[str, str]:
        """(name, namespace) of a qualified-name value (:attr:`xml_qualified`)."""
        raise NotImplementedError

    def xml_from_qname(self, name: str, namespace: str, /) -> Any:
        """The qualified-name value of a resolved ``xs:QName`` (:attr:`xml_qualified`)."""
        raise NotImplementedError

    def json_value(self, value: Any, /) -> Any:
        """The JSON-ready value (str, int, float, Decimal, bool) Json.NET's text is made of."""
        raise NotImplementedError

    def json_parse(self, value: Any, /) -> Any:
        """The value of a parsed JSON value (a Decimal for a number with a fraction)."""
        raise NotImplementedError

    # -- forms (Web API model binding) --------------------------------------------------

    def form_text(self, value: Any, /) -> str:
        """The form value Web API's model binding reads back as ``value``."""
        return self.xml_text(value)

    def form_parse(self, text: str, /) -> Any:
        """The value Web API binds from a non-blank form value (its TypeConverter)."""
        raise NotImplementedError

    def form_loss(self, value: Any) -> str | None:
        """Why a form cannot carry ``value`` as it is (Web API binds something else), if so."""
        return None

    def form_lossy_text(self, value: Any, nillable: bool) -> str:
        """What ``to_form(..., lossy=True)`` sends for a value :meth:`form_loss` refuses: text
        whose binding (by Web API and by ``from_form``) is what Web API makes of the value."""
        return self.form_text(value)

    # -- samples -------------------------------------------------------------------------

    def help_sample(self, index: int, source: SampleSource) -> Any:
        """The help page's sample (``ObjectGenerator``), given the generator's counter value."""
        raise NotImplementedError

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        """A hypothesis strategy over the whole range both formats carry, biased to its edges."""
        raise NotImplementedError

    # -- generated code -----------------------------------------------------------------
    #
    # Each method returns the Snippet a generated reader or writer inlines for the value in
    # ``var`` (a local name), or None where the value always goes to the reference code.

    def xml_fast_parse(self, src: Source, text: str) -> str:
        """An expression reading the element text in ``text`` (no ``i:nil``, no child, not
        longer than ``max_string_length``); it raises ``ValueError``/``TypeError`` where the
        reference reader would report a problem."""
        return f"{src.const(self.xml_parse, 'parse')}({text})"

    def xml_fast_text(self, src: Source, var: str) -> Snippet | None:
        """The element text of the value in ``var`` (escaped by the caller when
        :attr:`xml_escapes`); where ``condition`` is false, the reference writer."""
        check = src.const(self.check, "check")
        return Snippet(
            f"type({var}) is {src.const(self.python_type, 'type')}",
            f"{src.const(self.xml_text, 'text')}({check}({var}))",
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet | None:
        """The JSON-ready value msgspec encodes as Json.NET writes it."""
        return None

    def json_fast_read(self, src: Source, var: str) -> Snippet | None:
        """The value of the JSON value in ``var`` as msgspec (``float_hook=Decimal``) decoded it."""
        return None

    def json_raw_read(self, src: Source, var: str) -> str | None:
        """An expression giving the value of the ``msgspec.Raw`` in ``var`` where it can do so
        quickly (a compiled codec), else ``var`` itself unchanged; None: no such expression.
        The value must not be a ``msgspec.Raw``: :meth:`json_fast_read` reads what is left."""
        return None

    def msgspec_type(self) -> Any:
        """The msgspec field type that checks a JSON value in C exactly as :meth:`json_parse`
        would accept it (None: the field is ``msgspec.Raw``, read by :meth:`json_fast_read`)."""
        return None

    def msgspec_convert(self, src: Source, var: str) -> Snippet | None:
        """The conversion of a non-null value msgspec decoded with :meth:`msgspec_type`
        (None: the decoded value is the value)."""
        return None


# ----------------------------------------------------------------------------- the registry

_ALL: list[ValueType] = []
_BY_CONTRACT_NAME: dict[tuple[str, str], ValueType] = {}
_BY_PYTHON_TYPE: dict[type, ValueType] = {}
_UNTYPED: dict[type, ValueType] = {}
#: the registry by (namespace, data-contract name), read-only and live
CONTRACT_NAMES: Final[Mapping[tuple[str, str], ValueType]] = types.MappingProxyType(
    _BY_CONTRACT_NAME
)


def register(
    value_type: ValueType, *, annotation: type | None = None, untyped: type | None = None
) -> ValueType:
    """Add ``value_type`` to the registry.

    ``annotation``: the plain Python annotation that means this CLR type (``int`` -> Int32);
    ``untyped``: the Python type whose values an ``object`` member writes as this CLR type
    without a :class:`~netcontract.Boxed` (``int`` -> Int64, as Json.NET reads integers).
    """
    key = (value_type.namespace, value_type.contract_name)
    if key in _BY_CONTRACT_NAME:
        raise ValueError(f"{value_type!r}: the contract name {key} is taken")
    _ALL.append(value_type)
    _BY_CONTRACT_NAME[key] = value_type
    if annotation is not None:
        _BY_PYTHON_TYPE[annotation] = value_type
    if untyped is not None:
        _UNTYPED[untyped] = value_type
    return value_type


def register_own(value_type: ValueType) -> None:
    """Add a user's own type (``register_value_type``): found by its Python type, in
    annotations and in ``object`` members; never by contract name (that is its carrier's)."""
    _BY_PYTHON_TYPE[value_type.python_type] = value_type
    _UNTYPED[value_type.python_type] = value_type


def value_types() -> Iterator[ValueType]:
    """Every registered value type, in registration order."""
    return iter(tuple(_ALL))


def by_contract_name(namespace: str, name: str) -> ValueType | None:
    """The value type an ``i:type`` (or an XSD type) names, if any."""
    return _BY_CONTRACT_NAME.get((namespace, name))


def for_annotation(tp: Any) -> ValueType | None:
    """The value type a plain Python annotation stands for (``float`` -> Double), if any."""
    return _BY_PYTHON_TYPE.get(tp)


def for_untyped_value(kind: type) -> ValueType | None:
    """The CLR type of a value of Python type ``kind`` in an ``object`` member, if any."""
    return _UNTYPED.get(kind)


def box(value: Any, value_type: ValueType) -> Any:
    """A value read from an ``object`` member: ``value`` itself when its Python type alone
    says ``value_type``, else a :class:`~netcontract.Boxed` keeping it (``int`` vs ``Int32``)."""
    if _UNTYPED.get(type(value)) is value_type:
        return value
    return Boxed(value, value_type)


# ----------------------------------------------------------------------------- String


class StringType(ValueType):
    """``System.String``: a reference type; no lone surrogate (no encoder writes one)."""

    clr_name = "String"
    contract_name = "string"
    python_type = str
    is_value_type = False
    xml_escapes = True

    @staticmethod
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _type_error("a str", value)
        return check_no_lone_surrogate(value)

    xml_text = staticmethod(str)
    xml_parse = staticmethod(str)
    json_value = staticmethod(str)

    @staticmethod
    def json_parse(value: Any) -> str:
        if type(value) is str:
            return check_no_lone_surrogate(value)
        # Json.NET would turn true into "True" and 5.0 into "5": netcontract refuses instead
        raise _type_error("a string", value)

    form_parse = staticmethod(str)

    def form_loss(self, value: Any) -> str | None:
        if is_blank(value):
            return (
                "an empty or white-space string cannot be written in a form: "
                "Web API binds it as null"
            )
        return None

    def help_sample(self, index: int, source: SampleSource) -> str:
        return f"sample string {index}"

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import xml_strings  # noqa: PLC0415 - hypothesis is optional

        return xml_strings()

    def xml_fast_parse(self, src: Source, text: str) -> str:
        return text

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        return Snippet(f"type({var}) is str")

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        return Snippet(f"type({var}) is str", text=True)

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(f"type({var}) is str", text=True)

    def msgspec_type(self) -> Any:
        return str

    def msgspec_convert(self, src: Source, var: str) -> Snippet:
        return Snippet("True", text=True)


# ----------------------------------------------------------------------------- Boolean


class BooleanType(ValueType):
    clr_name = "Boolean"
    contract_name = "boolean"
    python_type = bool

    @staticmethod
    def check(value: Any) -> bool:
        if type(value) is not bool:
            raise _type_error("a bool", value)
        return value

    @staticmethod
    def xml_text(value: bool) -> str:
        return "true" if value else "false"

    xml_parse = staticmethod(_numbers.parse_bool_xml)
    json_value = staticmethod(bool)

    @staticmethod
    def json_parse(value: Any) -> bool:
        if type(value) is bool:
            return value
        raise _type_error("true or false", value)

    @staticmethod
    def form_parse(text: str) -> bool:
        # BooleanConverter: String.Trim, then Boolean.Parse: "true"/"false" in any case
        word = net_trim(text).lower()
        if word == "true":
            return True
        if word == "false":
            return False
        raise ValueError(f"{_numbers.show_text(text)} is not a valid Boolean (true or false)")

    def help_sample(self, index: int, source: SampleSource) -> bool:
        return True

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        return st.booleans()

    def xml_fast_parse(self, src: Source, text: str) -> str:
        parse = src.const(self.xml_parse, "parse")
        return f"(True if {text} == 'true' else False if {text} == 'false' else {parse}({text}))"

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        return Snippet(f"{var} is True or {var} is False", f"('true' if {var} else 'false')")

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        return Snippet(f"{var} is True or {var} is False")

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(f"{var} is True or {var} is False")

    def msgspec_type(self) -> Any:
        return bool


# ----------------------------------------------------------------------------- integers


class IntegerType(ValueType):
    """One of the eight CLR integers, given its range: refused outside it, never wrapped."""

    def __init__(
        self,
        clr_name: str,
        contract_name: str,
        lo: int,
        hi: int,
        sample: Literal["modulo", "index", "64"],
    ) -> None:
        self.clr_name = clr_name
        self.contract_name = contract_name
        self.python_type = int
        self.lo = lo
        self.hi = hi
        #: any run of fewer ASCII digits than this is in range (Int32: 10)
        self.digits = len(str(hi))
        self._sample = sample

    def check(self, value: Any) -> int:
        if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
            raise _type_error(f"an integer ({self.clr_name})", value)
        return _numbers.check_int(value, self.lo, self.hi, self.clr_name)

    xml_text = staticmethod(str)

    def xml_parse(self, text: str) -> int:
        return _numbers.parse_int_xml(text, self.lo, self.hi, self.clr_name)

    json_value = staticmethod(int)

    def json_parse(self, value: Any) -> int:
        if type(value) is int:
            return _numbers.check_int(value, self.lo, self.hi, self.clr_name)
        if type(value) is str:
            # Json.NET reads a numeric string ("5") into an integer member: Int32.TryParse
            # (NumberStyles.Integer): .NET's white space around, then trailing NULs (Mono)
            return _numbers.parse_int_xml(
                value.rstrip("\x00").strip(_numbers.NET_WS), self.lo, self.hi, self.clr_name
            )
        raise _type_error(f"an integer ({self.clr_name})", value)

    def form_parse(self, text: str) -> int:
        return _numbers.parse_int_xml(net_trim(text), self.lo, self.hi, self.clr_name)

    def help_sample(self, index: int, source: SampleSource) -> int:
        # ObjectGenerator: (Int16)(index % Int16.MaxValue), (Byte)64, (Int64)index...
        if self._sample == "modulo":
            return index % self.hi
        if self._sample == "index":
            return index
        return int(self._sample)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        lo, hi = self.lo, self.hi
        edges = sorted({v for v in (lo, lo + 1, -1, 0, 1, hi - 1, hi) if lo <= v <= hi})
        return st.one_of(st.sampled_from(edges), st.integers(lo, hi))

    def _in_range(self, var: str) -> str:
        return f"type({var}) is int and {self.lo} <= {var} <= {self.hi}"

    def xml_fast_parse(self, src: Source, text: str) -> str:
        # digits only, few enough to be in range: int() gives what the codec gives; other
        # text (a sign, white space) straight to parse_int_xml, compiled when it is built
        parse = src.const(_numbers.parse_int_xml, "parse_int")
        name = src.const(self.clr_name, "clr_name")
        return (
            f"(int({text}) if len({text}) < {self.digits} and {text}.isdigit()"
            f" and {text}.isascii() else {parse}({text}, {self.lo}, {self.hi}, {name}))"
        )

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        return Snippet(self._in_range(var))

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        return Snippet(self._in_range(var))

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(self._in_range(var))

    def msgspec_type(self) -> Any:
        if self.hi > _numbers.INT64_MAX:
            # msgspec checks no bound outside int64 (defstruct refuses the field): UInt64
            # is left to json_fast_read
            return None
        return Annotated[int, msgspec.Meta(ge=self.lo, le=self.hi)]


# ----------------------------------------------------------------------------- Double


def _check_double(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        as_float = float(value)
        if int(as_float) != value:
            raise ValueError(f"{value} cannot be held exactly by a Double")
        return as_float
    raise _type_error("a float (Double)", value)


class DoubleType(ValueType):
    """``System.Double``: .NET Framework's "R" text, and the CLR's own decimal conversion."""

    clr_name = "Double"
    contract_name = "double"
    python_type = float

    check = staticmethod(_check_double)
    xml_text = staticmethod(_numbers.format_double_xml)
    xml_parse = staticmethod(_numbers.parse_double_xml)
    json_value = staticmethod(float)

    @staticmethod
    def json_parse(value: Any) -> float:
        if type(value) is float:
            return value
        if type(value) is decimal.Decimal:
            # the JSON parser keeps number tokens exact: convert them as the CLR does, which
            # is not always the correctly rounded double (see clr.numbers)
            return _numbers.parse_double_json_number(str(value))
        if type(value) is int:
            return _check_double(value)
        if type(value) is str:
            # Convert.ToDouble ignores NULs at the very end (Mono: "1 \x00" is 1)
            return _numbers.parse_double_json_string(_numbers.strip_number_nuls(value))
        raise _type_error("a number (Double)", value)

    @staticmethod
    def form_text(value: float) -> str:
        # .NET's "R" text; Double.Parse reads "Infinity", "-Infinity" and "NaN" (not XML's INF)
        if value == 0.0 and math.copysign(1.0, value) < 0.0:
            return "-0"
        return _numbers.format_double_r(value)

    @staticmethod
    def form_parse(text: str) -> float:
        # Double.Parse(text, NumberStyles.Float, InvariantCulture): no group separators
        if "," in text:
            raise ValueError(f"{_numbers.show_text(text)} is not a valid Double")
        return _numbers.parse_double_json_string(net_trim(text))

    def help_sample(self, index: int, source: SampleSource) -> float:
        return float(index + 0.1)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import doubles  # noqa: PLC0415 - hypothesis is optional

        return doubles()

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        # check() passes a float unchanged
        return Snippet(f"type({var}) is float", f"{src.const(self.xml_text, 'text')}({var})")

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        text = src.const(_numbers.format_double_json, "double")
        return Snippet(f"type({var}) is float", f"{text}({var})", raw=True)

    def json_raw_read(self, src: Source, var: str) -> str | None:
        # a number with a fraction and no exponent, read from its bytes (the others return
        # unchanged and take json_fast_read's way); only compiled: the pure function is the
        # long way itself
        if not _compiled.ACTIVE:
            return None
        return f"{src.const(_numbers.parse_double_json_plain, 'parse_plain')}({var})"

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        # the conversion json_parse makes of a Decimal, called directly
        parse = src.const(_numbers.parse_double_json_number, "parse_double")
        return Snippet(
            f"type({var}) is {src.const(decimal.Decimal, 'Decimal')}", f"{parse}(str({var}))"
        )


# ----------------------------------------------------------------------------- Single


class SingleType(ValueType):
    """``System.Single``: a ``float`` that float32 holds exactly (:mod:`netcontract.clr.single`).

    Mono's "R" (7 digits, else 9), ``xs:float``; reading rounds as .NET does (through Double,
    then to float32) and refuses values beyond Single.MaxValue; writing refuses a float that
    is not a Single (no silent rounding). Facts: ``tests/netcontract/clr/test_single.py``.
    """

    clr_name = "Single"
    contract_name = "float"
    python_type = float

    check = staticmethod(_single.check_single)
    xml_text = staticmethod(_single.format_single_xml)
    xml_parse = staticmethod(_single.parse_single_xml)

    @staticmethod
    def json_value(value: float) -> msgspec.Raw:
        # the token itself: a float in the tree would be written with Double's 15/17 digits
        return msgspec.Raw(_single.format_single_json(value).encode("ascii"))

    @staticmethod
    def json_parse(value: Any) -> float:
        if type(value) is decimal.Decimal:
            return _single.parse_single_json_number(str(value))
        if type(value) is int:
            return _single.parse_single_json_number(str(value))
        if type(value) is float:
            # the reference parser gives NaN and the infinities (Json.NET's bare tokens) as
            # floats; any other float came from Python and must be a Single already
            return _single.check_single(value)
        if type(value) is str:
            # Convert.ToSingle ignores NULs at the very end (Mono: "1 \x00" is 1)
            return _single.parse_single_json_string(_numbers.strip_number_nuls(value))
        raise _type_error("a number (Single)", value)

    @staticmethod
    def form_text(value: float) -> str:
        # Single.Parse reads "Infinity", "-Infinity" and "NaN" (not XML's INF)
        if value == 0.0 and math.copysign(1.0, value) < 0.0:
            return "-0"
        return _single.format_single_r(value)

    @staticmethod
    def form_parse(text: str) -> float:
        # Single.Parse(text, NumberStyles.Float, InvariantCulture): no group separators
        if "," in text:
            raise ValueError(f"{_numbers.show_text(text)} is not a valid Single")
        return _single.parse_single_json_string(net_trim(text))

    def help_sample(self, index: int, source: SampleSource) -> float:
        # ObjectGenerator: (Single)(index + 0.1)
        return _single.to_single(index + 0.1)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import singles  # noqa: PLC0415 - hypothesis is optional

        return singles()

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        check = src.const(_single.check_single, "check_single")
        text = src.const(_single.format_single_xml, "text")
        return Snippet(f"type({var}) is float", f"{text}({check}({var}))")

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        check = src.const(_single.check_single, "check_single")
        text = src.const(_single.format_single_json, "single")
        return Snippet(f"type({var}) is float", f"{text}({check}({var}))", raw=True)

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        parse = src.const(_single.parse_single_json_number, "parse_single")
        return Snippet(
            f"type({var}) is {src.const(decimal.Decimal, 'Decimal')} or type({var}) is int",
            f"{parse}(str({var}))",
        )


# ----------------------------------------------------------------------------- Decimal


class DecimalType(ValueType):
    """``System.Decimal``: 96-bit coefficient, scale 0..28, kept as written (``1.50``)."""

    clr_name = "Decimal"
    contract_name = "decimal"
    python_type = decimal.Decimal

    @staticmethod
    def check(value: Any) -> decimal.Decimal:
        if type(value) is not decimal.Decimal:
            raise _type_error("a decimal.Decimal", value)
        return _numbers.check_decimal(value)

    xml_text = staticmethod(_numbers.format_decimal_xml)
    xml_parse = staticmethod(_numbers.parse_decimal_xml)

    @staticmethod
    def json_value(value: decimal.Decimal) -> decimal.Decimal:
        return value

    @staticmethod
    def json_parse(value: Any) -> decimal.Decimal:
        if type(value) is decimal.Decimal:
            return _numbers.check_decimal(value)
        if type(value) is int:
            return _numbers.check_decimal(decimal.Decimal(value))
        if type(value) is str:
            # Json.NET: decimal.Parse(s, NumberStyles.Number): " 1.50 ", "1,000", "1-"
            return _numbers.parse_decimal_json_string(value)
        raise _type_error("a number (Decimal)", value)

    @staticmethod
    def form_parse(text: str) -> decimal.Decimal:
        return _numbers.parse_decimal_xml(net_trim(text))

    def help_sample(self, index: int, source: SampleSource) -> decimal.Decimal:
        return decimal.Decimal(index)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import decimals  # noqa: PLC0415 - hypothesis is optional

        return decimals()

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        check = src.const(self.check, "check")
        return Snippet(
            f"type({var}) is {src.const(decimal.Decimal, 'Decimal')}",
            f"{src.const(self.xml_text, 'text')}({check}({var}))",
        )


# ----------------------------------------------------------------------------- Guid


class GuidType(ValueType):
    """``System.Guid``: written lowercase "D"; read in the D, N, B and P forms, any case."""

    clr_name = "Guid"
    contract_name = "guid"
    namespace = SER
    python_type = uuid.UUID
    xsd_hint = "expected 32 hexadecimal digits as 8-4-4-4-12"

    @staticmethod
    def check(value: Any) -> uuid.UUID:
        if not isinstance(value, uuid.UUID):
            raise _type_error("a uuid.UUID", value)
        return value

    xml_text = staticmethod(_guid.format_guid)

    @staticmethod
    def xml_parse(text: str) -> uuid.UUID:
        return _guid.parse_guid(text.strip(" \t\r\n"))

    json_value = staticmethod(_guid.format_guid)

    @staticmethod
    def json_parse(value: Any) -> uuid.UUID:
        if type(value) is str:
            return _guid.parse_guid(value)
        raise _type_error("a GUID string", value)

    @staticmethod
    def form_parse(text: str) -> uuid.UUID:
        return _guid.parse_guid(text)  # it trims as Guid.Parse does (String.Trim)

    def help_sample(self, index: int, source: SampleSource) -> uuid.UUID:
        return source.new_guid()

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import guids  # noqa: PLC0415 - hypothesis is optional

        return guids()

    def xml_fast_parse(self, src: Source, text: str) -> str:
        # parse_guid trims .NET's white space itself, as the reference reader's strip does
        return f"{src.const(_guid.parse_guid, 'parse_guid')}({text})"

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        # str(uuid) for an exact uuid.UUID (its __str__, inlined): the "D" format
        h = src.name("h")
        return Snippet(
            f"type({var}) is {src.const(uuid.UUID, 'UUID')}",
            f"f'{{{h}[:8]}}-{{{h}[8:12]}}-{{{h}[12:16]}}-{{{h}[16:20]}}-{{{h}[20:]}}'",
            setup=(f"{h} = '%032x' % {var}.int",),
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # msgspec writes a uuid.UUID as .NET does (lowercase "D" format), in C
        return Snippet(f"type({var}) is {src.const(uuid.UUID, 'UUID')}")

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        # the formats a Guid is read in have no colon
        return Snippet(
            f"type({var}) is str and {var}", f"{src.const(_guid.parse_guid, 'parse_guid')}({var})"
        )

    def msgspec_type(self) -> Any:
        # msgspec reads the D and N formats (any case) in C, to the value parse_guid gives;
        # the B and P formats, "" and anything else decline the document
        return uuid.UUID


# ----------------------------------------------------------------------------- DateTime


def _check_datetime(value: Any) -> DateTime:
    if type(value) is not DateTime:
        raise _type_error("a netcontract.DateTime (use DateTime.from_datetime)", value)
    return value


_DATE_ONLY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DateTimeType(ValueType):
    """``System.DateTime``: 100 ns ticks and the kind (see :mod:`netcontract.clr.datetime`)."""

    clr_name = "DateTime"
    contract_name = "dateTime"
    python_type = DateTime

    check = staticmethod(_check_datetime)
    xml_text = staticmethod(format_datetime)

    @staticmethod
    def xml_parse(text: str) -> DateTime:
        return parse_datetime_xml(text.strip(" \t\r\n"))

    json_value = staticmethod(format_datetime)

    @staticmethod
    def json_parse(value: Any) -> DateTime:
        if type(value) is str:
            # the ISO text (more than 7 fraction digits rounded as DateTime.TryParse rounds
            # them), or "\/Date(ms)\/" as Json.NET reads it by default
            return parse_datetime_json_rounded(value)
        raise _type_error("a date string", value)

    @staticmethod
    def form_parse(text: str) -> DateTime:
        """DateTime.Parse as Web API's DateTimeConverter calls it (no RoundtripKind).

        ``Z`` and offsets give kind Local (.NET converts them into the server's zone; the
        offset read is kept, ``Z`` becoming ``+00:00``); no suffix gives Unspecified; a date
        alone is midnight; a space may stand for ``T``.
        """
        text = net_trim(text)
        if _DATE_ONLY.fullmatch(text):
            text += "T00:00:00"
        elif len(text) > 10 and text[10] == " ":
            text = text[:10] + "T" + text[11:]
        value = parse_datetime(text)
        if value.kind is DateTimeKind.UTC:
            return DateTime(value.ticks, DateTimeKind.LOCAL, offset_minutes=0)
        return value

    def form_loss(self, value: Any) -> str | None:
        if value.kind is DateTimeKind.UTC:
            return (
                "a DateTime of kind Utc cannot be written in a form: "
                "Web API binds it as kind Local (the same instant)"
            )
        return None

    def help_sample(self, index: int, source: SampleSource) -> DateTime:
        return source.now

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import datetimes  # noqa: PLC0415 - hypothesis is optional

        return datetimes(local_offsets=local_offsets)

    def xml_fast_parse(self, src: Source, text: str) -> str:
        # parse_datetime wants no surrounding white space (the reference strips it)
        return f"{src.const(parse_datetime, 'parse_datetime')}({text})"

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        # check() passes a DateTime unchanged
        return Snippet(
            f"type({var}) is {src.const(DateTime, 'DateTime')}",
            f"{src.const(self.xml_text, 'text')}({var})",
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # ASCII text without anything to escape
        return Snippet(
            f"type({var}) is {src.const(DateTime, 'DateTime')}",
            f"{src.const(self.json_value, 'text')}({var})",
        )

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is str and {var}",
            f"{src.const(parse_datetime_json, 'parse_datetime_json')}({var})",
            text=True,
        )

    def msgspec_type(self) -> Any:
        return str

    def msgspec_convert(self, src: Source, var: str) -> Snippet:
        # a non-empty string goes to the codec as in the dict readers; "" to the reference
        parse = src.const(parse_datetime_json, "parse_datetime_json")
        return Snippet(var, f"{parse}({var})", text=True)


# ----------------------------------------------------------------------------- DateTimeOffset


class DateTimeOffsetType(ValueType):
    """``System.DateTimeOffset`` (:mod:`netcontract.clr.datetimeoffset`): a complex type in
    DataContract XML (``<DateTime>`` UTC and ``<OffsetMinutes>``, in the System namespace),
    the clock time with its offset in Json.NET. Facts: ``tests/netcontract/clr/
    test_datetimeoffset.py`` (Mono)."""

    clr_name = "DateTimeOffset"
    contract_name = "DateTimeOffset"
    namespace = SYSTEM
    python_type = DateTimeOffset
    xml_children = (("DateTime", XS, "dateTime"), ("OffsetMinutes", XS, "short"))
    xsd_hint = (
        "expected <DateTime> (ending in Z, or without a zone: the clock time of the offset;"
        " not ±HH:mm) and <OffsetMinutes> (-840..840)"
    )

    @staticmethod
    def check(value: Any) -> DateTimeOffset:
        if type(value) is not DateTimeOffset:
            raise _type_error("a netcontract.DateTimeOffset (use from_datetime)", value)
        return value

    def xml_text(self, value: Any, /) -> str:  # pragma: no cover - complex: see xml_children
        raise NotImplementedError

    @staticmethod
    def xml_parse(text: str) -> DateTimeOffset:
        raise ValueError("expected the elements DateTime and OffsetMinutes, found text")

    @staticmethod
    def xml_child_texts(value: DateTimeOffset) -> tuple[str, ...]:
        return _dto.utc_text(value), str(value.offset_minutes)

    @staticmethod
    def xml_from_children(texts: tuple[str, ...]) -> DateTimeOffset:
        date_time, offset = texts
        minutes = _numbers.parse_int_xml(offset, -(2**15), 2**15 - 1, "Int16")
        return _dto.parse_datetimeoffset_parts(date_time, minutes)

    json_value = staticmethod(_dto.format_datetimeoffset_json)

    @staticmethod
    def json_parse(value: Any) -> DateTimeOffset:
        if type(value) is str:
            return _dto.parse_datetimeoffset_json(value)
        # Mono: Json.NET refuses numbers and null in a DateTimeOffset member
        raise _type_error("a date string with an offset (DateTimeOffset)", value)

    form_text = staticmethod(_dto.format_datetimeoffset_json)

    @staticmethod
    def form_parse(text: str) -> DateTimeOffset:
        # Web API: DateTimeOffsetConverter (String.Trim, DateTimeOffset.Parse, invariant)
        return _dto.parse_datetimeoffset_converter(text)

    def help_sample(self, index: int, source: SampleSource) -> DateTimeOffset:
        # ObjectGenerator: new DateTimeOffset(DateTime.Now)
        now = source.now
        return DateTimeOffset(now.ticks, now.offset_minutes or 0)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import datetimeoffsets  # noqa: PLC0415 - optional

        return datetimeoffsets()

    def xml_fast_text(self, src: Source, var: str) -> Snippet | None:
        return None  # child elements: the reference writer, called inline (no fallback)

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # ASCII digits, '-', ':', '.', '+', 'T': nothing to escape
        return Snippet(
            f"type({var}) is {src.const(DateTimeOffset, 'DateTimeOffset')}",
            f"{src.const(_dto.format_datetimeoffset_json, 'text')}({var})",
        )

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is str",
            f"{src.const(_dto.parse_datetimeoffset_json, 'parse_dto')}({var})",
            text=True,
        )

    def msgspec_type(self) -> Any:
        return str

    def msgspec_convert(self, src: Source, var: str) -> Snippet:
        parse = src.const(_dto.parse_datetimeoffset_json, "parse_dto")
        return Snippet("True", f"{parse}({var})", text=True)


# ----------------------------------------------------------------------------- Char


class CharType(ValueType):
    """``System.Char``: one UTF-16 code unit, held as a one-character ``str``.

    DataContractSerializer writes its code as a number (``<C>65</C>``, type ``ser:char``, a
    restriction of ``xs:int``) and reads it as ``XmlConvert.ToInt32`` then a range check;
    Json.NET writes a one-character string (``"A"``, escaped as strings are) and reads a
    one-character string or an integer 0..65535 (``65``). Refused everywhere: a surrogate half
    on its own (U+D800..U+DFFF), which .NET holds but Json.NET writes as U+FFFD, the same
    rule as for strings. Facts: ``tests/interop/test_char_interop.py`` (Mono).
    """

    clr_name = "Char"
    contract_name = "char"
    namespace = SER
    python_type = str
    xsd_hint = "expected the character's UTF-16 code, 0 to 65535"

    @staticmethod
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _type_error("a one-character str (Char)", value)
        if len(value) != 1:
            raise ValueError(
                f"{_numbers.show_text(value)} is not one character: a Char is one UTF-16 code unit"
            )
        return _check_code(ord(value), value)

    @staticmethod
    def xml_text(value: str) -> str:
        return str(ord(value))

    @staticmethod
    def xml_parse(text: str) -> str:
        code = _numbers.parse_int_xml(text, 0, 0xFFFF, "Char")
        return _check_code(code, chr(code))

    @staticmethod
    def json_value(value: str) -> str:
        return value

    @classmethod
    def json_parse(cls, value: Any) -> str:
        if type(value) is str:
            return cls.check(value)
        if type(value) is int:
            # Json.NET reads an integer into a Char member as its UTF-16 code (Convert.ToChar)
            if not 0 <= value <= 0xFFFF:
                raise ValueError(f"{value} is outside the Char range [0, 65535]")
            return _check_code(value, chr(value))
        raise _type_error("a one-character string (Char)", value)

    @staticmethod
    def form_text(value: str) -> str:
        return value

    @classmethod
    def form_parse(cls, text: str) -> str:
        # CharConverter: a longer text is trimmed (String.Trim: Char.IsWhiteSpace) first,
        # then it must be one character (Web API binds the default, U+0000, otherwise)
        if len(text) > 1:
            text = net_trim(text)
        return cls.check(text)

    def form_loss(self, value: Any) -> str | None:
        if is_blank(value):
            return (
                f"the white-space Char U+{ord(value):04X} cannot be written in a form: "
                "Web API binds it as null (a Char member keeps U+0000)"
            )
        return None

    def form_lossy_text(self, value: Any, nillable: bool) -> str:
        # what Web API binds from white space: null in a Char?, the default U+0000 in a Char
        return "" if nillable else "\x00"

    def help_sample(self, index: int, source: SampleSource) -> str:
        return "A"  # ObjectGenerator: (Char)65

    @staticmethod
    def _one_code_unit(var: str) -> str:
        # what check() accepts: one character of the BMP that is no surrogate half
        return (
            f"type({var}) is str and len({var}) == 1"
            f" and ({var} < '\\ud800' or '\\udfff' < {var} <= '\\uffff')"
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # the character as a string, escaped as strings are (the caller's text rule)
        return Snippet(self._one_code_unit(var), text=True)

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        # the one-character string Json.NET writes; the code as a number (65) goes to the
        # reference reader. msgspec_type stays None: a str field would decline documents
        # holding the number form, which the dict readers read
        return Snippet(self._one_code_unit(var), text=True)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        return st.one_of(
            st.sampled_from(_CHAR_EDGES),
            st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]),
        )


def _check_code(code: int, value: str) -> str:
    if code > 0xFFFF:
        raise ValueError(
            f"U+{code:04X} needs two UTF-16 code units (a surrogate pair): a Char holds one"
        )
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(
            f"U+{code:04X} is a surrogate half on its own (Json.NET would write it as U+FFFD)"
        )
    return value


#: where writers and escapers go wrong: controls, escapes, separators, ends of the range
_CHAR_EDGES: Final = (
    "\x00",
    "\x01",
    "\t",
    "\n",
    "\r",
    " ",
    '"',
    "\\",
    "&",
    "<",
    "A",
    "\x7f",
    "\x85",
    "\xa0",
    "é",
    "\u2028",
    "\u2029",
    "\ud7ff",
    "\ue000",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\uffff",
)


# ----------------------------------------------------------------------------- TimeSpan


class TimeSpanType(ValueType):
    """``System.TimeSpan``: 100 ns ticks, negative durations (see :mod:`netcontract.clr.timespan`).

    DataContract XML: ``ser:duration`` (``P1DT2H3M4.567S``); Json.NET and forms:
    ``1.02:03:04.5670000``. Facts: ``tests/netcontract/clr/test_timespan.py``.
    """

    clr_name = "TimeSpan"
    contract_name = "duration"
    namespace = SER
    python_type = TimeSpan
    xsd_hint = "expected an xs:duration with days, hours, minutes and seconds (P1DT2H3M4.567S)"

    @staticmethod
    def check(value: Any) -> TimeSpan:
        if type(value) is not TimeSpan:
            raise _type_error("a netcontract.TimeSpan (use TimeSpan.from_timedelta)", value)
        return value

    xml_text = staticmethod(format_timespan_xml)
    xml_parse = staticmethod(parse_timespan_xml)
    json_value = staticmethod(format_timespan_json)

    @staticmethod
    def json_parse(value: Any) -> TimeSpan:
        if type(value) is str:
            return parse_timespan_json(value)
        # Mono: Json.NET refuses numbers (123, 1.5) and null in a TimeSpan member
        raise _type_error("a TimeSpan string ([-][d.]hh:mm:ss[.fffffff])", value)

    # Web API (Mono): TimeSpanConverter reads the text Json.NET writes; text it cannot read
    # binds the default (00:00:00) without an error, which from_form refuses instead
    form_text = staticmethod(format_timespan_json)
    form_parse = staticmethod(parse_timespan_json)

    def help_sample(self, index: int, source: SampleSource) -> TimeSpan:
        return TimeSpan(1234567)  # ObjectGenerator: TimeSpan.FromTicks(1234567)

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        edges = st.sampled_from(_TIMESPAN_EDGES)
        return st.one_of(edges, st.integers(_TS_MIN, _TS_MAX)).map(TimeSpan)

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is {src.const(TimeSpan, 'TimeSpan')}",
            f"{src.const(format_timespan_xml, 'text')}({var})",
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # ASCII digits, '.', ':' and '-': nothing to escape
        return Snippet(
            f"type({var}) is {src.const(TimeSpan, 'TimeSpan')}",
            f"{src.const(format_timespan_json, 'text')}({var})",
        )

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is str",
            f"{src.const(parse_timespan_json, 'parse_timespan')}({var})",
            text=True,
        )

    def msgspec_type(self) -> Any:
        return str

    def msgspec_convert(self, src: Source, var: str) -> Snippet:
        return Snippet(
            "True", f"{src.const(parse_timespan_json, 'parse_timespan')}({var})", text=True
        )


#: where formats go wrong: zero, one tick either side, whole units, the ends of the range
_TIMESPAN_EDGES: Final = (
    0,
    1,
    -1,
    9,
    10,
    -15_000_000,
    10_000_000,
    600_000_000,
    36_000_000_000,
    864_000_000_000,
    -864_000_000_001,
    937_845_670_000,
    _TS_MIN,
    _TS_MIN + 1,
    _TS_MAX,
    _TS_MAX - 1,
)


# ----------------------------------------------------------------------------- byte[]


_XML_B64_WHITE: Final = re.compile("[ \t\r\n]+")
_B64_CANONICAL: Final = re.compile(
    "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", re.ASCII
)
_B64_QUAD: Final = re.compile("[A-Za-z0-9+/]{2}(?:==|[A-Za-z0-9+/]=|[A-Za-z0-9+/]{2})", re.ASCII)


def _b64_decode(text: str, what: str) -> bytes:
    """Base64 as .NET decodes it: white space anywhere is skipped, the length must be a
    multiple of 4, non-zero bits after the last character are ignored (``AB==`` is 0x00), and
    a padded group may be followed by more groups (``AAE=AA==``: DataContractSerializer)."""
    packed = _XML_B64_WHITE.sub("", text)
    if len(packed) % 4:
        raise ValueError(f"{what}: base64 length ({len(packed)}) is not a multiple of 4")
    if _B64_CANONICAL.fullmatch(packed):
        return binascii.a2b_base64(packed)
    out = bytearray()
    for start in range(0, len(packed), 4):
        quad = packed[start : start + 4]
        if not _B64_QUAD.fullmatch(quad):
            raise ValueError(f"{what}: {quad!r} at offset {start} is not valid base64")
        out += binascii.a2b_base64(quad)
    return bytes(out)


class BytesType(ValueType):
    """``byte[]``: base64 in both formats (``xs:base64Binary``), a reference type (null and
    empty are different values). Json.NET also reads an array of integers 0..255.
    Facts: ``tests/netcontract/clr/test_bytes.py`` (Mono)."""

    clr_name = "Byte[]"
    contract_name = "base64Binary"
    python_type = bytes
    is_value_type = False
    xsd_hint = "expected base64 text"
    xml_empty_closes = True

    @staticmethod
    def check(value: Any) -> bytes:
        if type(value) is not bytes:
            raise _type_error("bytes (byte[])", value)
        return value

    @staticmethod
    def xml_text(value: bytes) -> str:
        return binascii.b2a_base64(value, newline=False).decode("ascii")

    @staticmethod
    def xml_parse(text: str) -> bytes:
        return _b64_decode(text, "not base64")

    json_value = xml_text

    @staticmethod
    def json_parse(value: Any) -> bytes:
        if type(value) is str:
            # Convert.FromBase64String; a padded group followed by more is not proven: refused
            packed = _XML_B64_WHITE.sub("", value)
            if not _B64_CANONICAL.fullmatch(packed):
                raise ValueError("the string is not valid base64 (byte[])")
            return binascii.a2b_base64(packed)
        if type(value) is list:
            # Json.NET reads an array of integers 0..255 (Mono); no floats, strings or nulls
            for item in value:
                if type(item) is not int:
                    raise _type_error("an integer 0..255 in a byte[] array", item)
                if not 0 <= item <= 255:
                    raise ValueError(f"{item} is outside the Byte range [0, 255]")
            return bytes(value)
        raise _type_error("a base64 string (byte[])", value)

    @staticmethod
    def form_text(value: bytes) -> str:
        return binascii.b2a_base64(value, newline=False).decode("ascii")

    @classmethod
    def form_parse(cls, text: str) -> bytes:
        # Web API (Mono): Convert.FromBase64String; text it cannot read binds null silently,
        # which from_form refuses instead
        return cls.json_parse(text)

    def form_loss(self, value: Any) -> str | None:
        if not value:
            return "an empty byte[] cannot be written in a form: Web API binds it as null"
        return None

    def form_lossy_text(self, value: Any, nillable: bool) -> str:
        return ""  # what Web API binds as null

    def help_sample(self, index: int, source: SampleSource) -> bytes:
        # ObjectGenerator: byte[] is an array of two generated bytes, (byte)64 each
        return b"@@"

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        return st.one_of(
            st.sampled_from((b"", b"\x00", b"\xff", b"\x00\x01\x02\xfa\xff", bytes(range(256)))),
            st.binary(max_size=300),
        )

    def xml_fast_text(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is bytes",
            f"{src.const(self.xml_text, 'text')}({var})",
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        # base64 is ASCII with nothing to escape
        return Snippet(
            f"type({var}) is bytes",
            f"{src.const(self.xml_text, 'text')}({var})",
        )

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        # the canonical base64 Json.NET writes; anything else to the reference reader
        return Snippet(
            f"type({var}) is str and {src.const(_B64_CANONICAL, 'b64')}.fullmatch({var})",
            f"{src.const(binascii.a2b_base64, 'a2b')}({var})",
            text=True,
        )


# ----------------------------------------------------------------------------- Uri


def _check_uri(value: Any) -> Uri:
    if type(value) is not Uri:
        raise _type_error("a netcontract.Uri", value)
    return value


def _uri_of_text(value: Any) -> Uri:
    """A Uri read from a string: any text ``new Uri(s, RelativeOrAbsolute)`` accepts."""
    if type(value) is not str:
        # Mono: Json.NET refuses numbers and booleans in a Uri member
        raise _type_error("a URI string", value)
    return Uri(check_no_lone_surrogate(value))


class UriType(ValueType):
    """``System.Uri``: a reference type, held as a :class:`~netcontract.Uri` keeping the
    original string (see :mod:`netcontract.clr.uri`).

    Json.NET writes the original string and reads it back unchanged; DataContractSerializer
    (``xs:anyURI``) and WCF JSON write .NET's normalized, escaped text, which netcontract writes
    where it can prove it and refuses otherwise; reading XML keeps the element text as the
    original string. Facts: ``tests/netcontract/clr/test_uri.py`` (Mono).
    """

    clr_name = "Uri"
    contract_name = "anyURI"
    python_type = Uri
    is_value_type = False
    xml_escapes = True

    check = staticmethod(_check_uri)

    @staticmethod
    def xml_text(value: Uri) -> str:
        return serialization_text(value.original_string)

    xml_parse = staticmethod(_uri_of_text)

    @staticmethod
    def json_value(value: Uri) -> str:
        return value.original_string

    json_parse = staticmethod(_uri_of_text)

    @staticmethod
    def form_text(value: Uri) -> str:
        return value.original_string

    form_parse = staticmethod(_uri_of_text)

    def form_loss(self, value: Any) -> str | None:
        if is_blank(value.original_string):
            return "an empty or white-space Uri cannot be written in a form: Web API binds null"
        return None

    def help_sample(self, index: int, source: SampleSource) -> Uri:
        # ObjectGenerator: new Uri(String.Format("http://webapihelppage{0}.com", index))
        return Uri(f"http://webapihelppage{index}.com")

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from netcontract.strategies import uris  # noqa: PLC0415 - hypothesis is optional

        return uris()

    def json_fast_value(self, src: Source, var: str) -> Snippet:
        return Snippet(
            f"type({var}) is {src.const(Uri, 'Uri')}", f"{var}.original_string", text=True
        )

    def json_fast_read(self, src: Source, var: str) -> Snippet:
        # "" is left to the reference reader: Json.NET reads it as null
        return Snippet(
            f"type({var}) is str and {var}", f"{src.const(_uri_of_text, 'uri')}({var})", text=True
        )

    def msgspec_type(self) -> Any:
        return str

    def msgspec_convert(self, src: Source, var: str) -> Snippet:
        return Snippet(var, f"{src.const(_uri_of_text, 'uri')}({var})", text=True)


# ----------------------------------------------------------------------------- XmlQualifiedName


def _check_qname(value: Any) -> XmlQualifiedName:
    if type(value) is not XmlQualifiedName:
        raise _type_error("a netcontract.XmlQualifiedName", value)
    return value


#: the members of Json.NET's object, in the order it writes them (Mono, Json.NET 6.0.8)
_QNAME_MEMBERS: Final = ("Namespace", "Name", "IsEmpty")
_QNAME_MEMBER_NAMES: Final = {name.lower(): name for name in _QNAME_MEMBERS}


class QNameType(ValueType):
    """``System.Xml.XmlQualifiedName``: a reference type, held as a
    :class:`~netcontract.XmlQualifiedName` (see :mod:`netcontract.clr.qname`).

    DataContract XML (``xs:QName``): ``prefix:name``, the value's namespace declared on the
    element (``xml/write.py``), the prefix resolved in scope on reading. Json.NET writes the
    object ``{"Namespace":…,"Name":…,"IsEmpty":…}`` (and reads it back as an empty name, having
    no setters: netcontract reads the name and the namespace instead); WCF JSON the text
    ``name:namespace``. Facts: ``tests/netcontract/clr/test_qname.py`` (Mono).
    """

    clr_name = "XmlQualifiedName"
    contract_name = "QName"
    python_type = XmlQualifiedName
    is_value_type = False
    xml_qualified = True
    xsd_hint = "expected a qualified name (prefix:name) whose prefix is declared"

    check = staticmethod(_check_qname)

    @staticmethod
    def xml_text(value: Any) -> str:
        raise ValueError("an xs:QName's text depends on the namespaces declared around it")

    @staticmethod
    def xml_parse(text: str) -> Any:
        raise ValueError("an xs:QName's text depends on the namespaces declared around it")

    def xml_fast_text(self, src: Source, var: str) -> Snippet | None:
        return None  # the prefix depends on the scope: the reference writer's member

    @staticmethod
    def xml_qname_parts(value: XmlQualifiedName) -> tuple[str, str]:
        return value.name, value.namespace

    @staticmethod
    def xml_from_qname(name: str, namespace: str) -> XmlQualifiedName:
        return XmlQualifiedName(name, namespace)

    @staticmethod
    def json_value(value: XmlQualifiedName) -> dict[str, Any]:
        return {"Namespace": value.namespace, "Name": value.name, "IsEmpty": value.is_empty}

    @staticmethod
    def json_parse(value: Any) -> XmlQualifiedName:
        if type(value) is not dict:
            # Mono: Json.NET refuses a string ("Error converting value")
            raise _type_error('an object {"Namespace":…,"Name":…} (XmlQualifiedName)', value)
        # member names in any case (Json.NET's matching; a camel-casing resolver writes
        # "namespace", "name", "isEmpty"); IsEmpty may be left out (DefaultValueHandling)
        members: dict[str, Any] = {}
        for key, item in value.items():
            known = _QNAME_MEMBER_NAMES.get(key.lower())
            if known is None:
                raise ValueError(f"unknown member {key!r} in an XmlQualifiedName")
            if known in members:
                raise ValueError(f"{known} given twice in an XmlQualifiedName")
            members[known] = item
        name, namespace = members.get("Name"), members.get("Namespace")
        if type(name) is not str or type(namespace) is not str:
            raise ValueError("an XmlQualifiedName needs the strings Name and Namespace")
        made = XmlQualifiedName(name, namespace)
        empty = members.get("IsEmpty", made.is_empty)
        if empty is not made.is_empty:
            raise ValueError(f"IsEmpty is {_describe(empty)} for {made!r}")
        return made

    # Web API has no TypeConverter for it (a complex type without setters): not proven on
    # Mono, refused by name
    @staticmethod
    def form_text(value: Any) -> str:
        raise ValueError("an XmlQualifiedName cannot be written in a form (not supported)")

    @staticmethod
    def form_parse(text: str) -> Any:
        raise ValueError("an XmlQualifiedName cannot be given in a form (not supported)")

    def help_sample(self, index: int, source: SampleSource) -> XmlQualifiedName:
        # ObjectGenerator (from its source): no simple-type generator for it; a complex
        # object made by its parameterless constructor, no settable property: Empty
        return XmlQualifiedName.EMPTY

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

        names = st.one_of(
            st.sampled_from(("a", "Order", "_x", "a.b-c_d", "\u00e9t\u00e9", "x\u00b79")),
            st.from_regex(ncname_pattern(), fullmatch=True),
        )
        from netcontract.xml.write import readable_namespace  # noqa: PLC0415 - a cycle

        # URIs the XML parser reads back from a declaration (libxml2 refuses some)
        namespaces = st.one_of(
            st.sampled_from(_QNAME_NAMESPACES),
            st.from_regex(
                r"(urn|http):[A-Za-z0-9._~:/?@!$&'()*+,;=-]{0,20}", fullmatch=True
            ).filter(readable_namespace),
        )
        return st.one_of(
            st.just(XmlQualifiedName.EMPTY), st.builds(XmlQualifiedName, names, namespaces)
        )


#: namespaces where the prefix chosen differs: none, the contracts', the built-in ones
_QNAME_NAMESPACES: Final = (
    "",
    "urn:x",
    "http://tempuri.org/",
    XS,
    XSI,
    SER,
    ARR,
    SYSTEM,
    "http://www.w3.org/XML/1998/namespace",
)


# ----------------------------------------------------------------------------- the instances

STRING: Final = register(StringType(), annotation=str, untyped=str)
BOOLEAN: Final = register(BooleanType(), annotation=bool, untyped=bool)
INT16: Final = register(IntegerType("Int16", "short", -(2**15), 2**15 - 1, "modulo"))
INT32: Final = register(
    IntegerType("Int32", "int", _numbers.INT32_MIN, _numbers.INT32_MAX, "modulo"), annotation=int
)
# Json.NET reads any JSON integer into an object member as Int64, so a plain int is a long
INT64: Final = register(
    IntegerType("Int64", "long", _numbers.INT64_MIN, _numbers.INT64_MAX, "index"), untyped=int
)
SBYTE: Final = register(IntegerType("SByte", "byte", -128, 127, "64"))
BYTE: Final = register(IntegerType("Byte", "unsignedByte", 0, 255, "64"))
UINT16: Final = register(IntegerType("UInt16", "unsignedShort", 0, 2**16 - 1, "modulo"))
UINT32: Final = register(IntegerType("UInt32", "unsignedInt", 0, 2**32 - 1, "modulo"))
UINT64: Final = register(IntegerType("UInt64", "unsignedLong", 0, 2**64 - 1, "index"))
DOUBLE: Final = register(DoubleType(), annotation=float, untyped=float)
SINGLE: Final = register(SingleType())  # a float alone is a Double: a Single in an object is Boxed
DECIMAL: Final = register(DecimalType(), annotation=decimal.Decimal, untyped=decimal.Decimal)
GUID: Final = register(GuidType(), annotation=uuid.UUID, untyped=uuid.UUID)
DATETIME: Final = register(DateTimeType(), annotation=DateTime, untyped=DateTime)
CHAR: Final = register(CharType())  # a str alone is a String: a Char in an object is Boxed
TIMESPAN: Final = register(TimeSpanType(), annotation=TimeSpan, untyped=TimeSpan)
BYTES: Final = register(BytesType(), annotation=bytes, untyped=bytes)
DATETIMEOFFSET: Final = register(
    DateTimeOffsetType(), annotation=DateTimeOffset, untyped=DateTimeOffset
)
URI: Final = register(UriType(), annotation=Uri, untyped=Uri)
XMLQNAME: Final = register(QNameType(), annotation=XmlQualifiedName, untyped=XmlQualifiedName)

Int16 = Annotated[int, INT16]
Int32 = Annotated[int, INT32]
Int64 = Annotated[int, INT64]
SByte = Annotated[int, SBYTE]
Byte = Annotated[int, BYTE]
UInt16 = Annotated[int, UINT16]
UInt32 = Annotated[int, UINT32]
UInt64 = Annotated[int, UINT64]
#: a ``System.Char`` member: a one-character ``str`` (one UTF-16 code unit, no surrogate half)
Char = Annotated[str, CHAR]
#: a ``System.Single`` member: a ``float`` that a float32 holds exactly
Single = Annotated[float, SINGLE]

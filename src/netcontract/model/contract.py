"""Declaring contracts: ``@contract``, ``member``, ``computed``; and their cached plans.

A contract is an attrs class (or a :class:`ContractEnum`) with a data-contract name and
namespace. Everything the readers and writers need (wire names, namespaces, member order,
resolved types) is computed once per class by :func:`contract_info` and cached.
"""

from __future__ import annotations

import enum
import inspect
import sys
import typing
from collections.abc import Callable
from typing import Any, Final, Literal, TypeVar, dataclass_transform, overload

import attrs

from netcontract.clr.primitives import DATACONTRACT_BASE
from netcontract.errors import ContractDefinitionError
from netcontract.model.names import encode_local_name
from netcontract.model.wire import ContractType, Slot, resolve_annotation

__all__ = [
    "ContractInfo",
    "ContractMeta",
    "Member",
    "computed",
    "contract",
    "contract_info",
    "find_contract",
    "is_contract",
    "known_contracts",
    "member",
]

T = TypeVar("T")
C = TypeVar("C", bound=type)

_MEMBER_KEY: Final = "netcontract.member"


@attrs.frozen
class _MemberSpec:
    wire_name: str | None
    json_only: bool


@attrs.frozen(eq=False)
class _Computed:
    wire_name: str
    func: Callable[[Any], Any]
    annotation: Any = Any


@attrs.frozen
class ContractMeta:
    """What ``@contract`` records on a class (as ``__netcontract__``)."""

    name: str
    xml_namespace: str
    clr_namespace: str | None
    #: own members and computed members in declaration order (Python attribute names)
    declaration_order: tuple[str, ...] = ()
    computed: dict[str, _Computed] = attrs.field(factory=dict)
    #: names visible where the class was declared (for string annotations of local classes)
    local_names: dict[str, Any] = attrs.field(factory=dict, repr=False)


@attrs.frozen(eq=False)
class Member:
    """One member of a contract, resolved."""

    attr: str  #: Python attribute name (``id_ws``)
    wire_name: str  #: name on the wire (``IdWS``); the JSON member name
    xml_name: str  #: the XML element name: ``wire_name`` as XmlConvert.EncodeLocalName encodes it
    slot: Slot
    xml_namespace: str  #: namespace of the declaring class
    in_xml: bool  #: False for JSON-only members (read-only properties in .NET)
    computed: Callable[[Any], Any] | None  #: value getter of a computed JSON-only member
    declaring_class: type


@attrs.frozen(eq=False)
class ContractInfo:
    """The cached plan of one contract class (or one parametrization of a generic one)."""

    cls: type
    wire: ContractType
    #: members in DataContractSerializer order: base class first, ordinal by name within a class
    xml_members: tuple[Member, ...]
    #: members in Json.NET order: most-derived class first, declaration order within a class
    json_members: tuple[Member, ...]

    @property
    def name(self) -> str:
        return self.wire.contract_name

    @property
    def namespace(self) -> str:
        return self.wire.contract_namespace


def member(
    name: str | None = None,
    *,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
    json_only: bool = False,
) -> Any:
    """Declare a contract member.

    :param name: the wire name (``"IdWS"``); defaults to the attribute name in PascalCase.
    :param default: the value a missing member takes (.NET's default: 0, None, False...).
    :param json_only: a .NET read-only property: Json.NET writes and reads it, the
        DataContractSerializer never sees it.
    """
    return attrs.field(
        default=default,
        factory=factory,
        kw_only=True,
        metadata={_MEMBER_KEY: _MemberSpec(name, json_only)},
    )


def computed(name: str, func: Callable[[Any], T], *, init: Literal[False] = False) -> T:
    """Declare a JSON-only member computed from the others (a .NET get-only property).

    It is written in JSON at its declaration position, never in XML, and ignored on input.
    """
    del init  # only here so type checkers keep the member out of __init__
    return typing.cast(T, _Computed(name, func))


def _pascal(attr: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in attr.split("_"))


@overload
def contract(cls: C, /) -> C: ...
@overload
def contract(
    namespace: str | None = None,
    /,
    *,
    name: str | None = None,
    xml_namespace: str | None = None,
) -> Callable[[C], C]: ...


@dataclass_transform(kw_only_default=True, field_specifiers=(member, computed, attrs.field))
def contract(
    namespace: Any = None,
    /,
    *,
    name: str | None = None,
    xml_namespace: str | None = None,
) -> Any:
    """Make a class a data contract.

    ``namespace`` is the CLR namespace (``"Vehizen.Domain.Dto"``); the XML namespace is
    ``http://schemas.datacontract.org/2004/07/`` + it, unless ``xml_namespace`` is given.
    ``name`` defaults to the class name. A plain class becomes an attrs class (slotted,
    keyword-only); a :class:`ContractEnum` subclass only gets its wire name.
    """
    # Classes declared inside a function refer to names local to it: keep them for resolving
    # string annotations later (as typing.get_type_hints cannot see them).
    caller_locals = dict(sys._getframe(1).f_locals)
    if isinstance(namespace, type):
        return _make_contract(namespace, None, name, xml_namespace, caller_locals)

    def decorate(cls: C) -> C:
        return _make_contract(cls, namespace, name, xml_namespace, caller_locals)

    return decorate


def _make_contract(
    cls: C,
    clr_namespace: str | None,
    name: str | None,
    xml_namespace: str | None,
    caller_locals: dict[str, Any],
) -> C:
    if xml_namespace is None:
        xml_namespace = DATACONTRACT_BASE + (clr_namespace or "")
    contract_name = name or cls.__name__
    if issubclass(cls, enum.Enum):
        if not issubclass(cls, enum.IntEnum):
            raise ContractDefinitionError(f"{cls.__qualname__}: enums must be IntEnum subclasses")
        cls.__netcontract__ = ContractMeta(contract_name, xml_namespace, clr_namespace)  # type: ignore[attr-defined]
        _register(cls, contract_name, xml_namespace)
        return cls

    own_annotations = dict(inspect.get_annotations(cls))
    order = tuple(own_annotations)
    computed_members: dict[str, _Computed] = {}
    for attr in order:
        value = cls.__dict__.get(attr)
        if isinstance(value, _Computed):
            computed_members[attr] = attrs.evolve(value, annotation=own_annotations[attr])
            delattr(cls, attr)
            del own_annotations[attr]
    cls.__annotations__ = own_annotations
    new_cls = attrs.define(cls, slots=True, kw_only=True, eq=True, order=False)
    for attr, spec in computed_members.items():
        setattr(new_cls, attr, property(spec.func, doc=f"{spec.wire_name} (computed, JSON only)"))
    new_cls.__netcontract__ = ContractMeta(  # type: ignore[attr-defined]
        contract_name, xml_namespace, clr_namespace, order, computed_members, caller_locals
    )
    _register(new_cls, contract_name, xml_namespace)
    return typing.cast(C, new_cls)


_REGISTRY: dict[tuple[str, str], type] = {}
_INFO_CACHE: dict[Any, ContractInfo] = {}


def _register(cls: type, name: str, xml_namespace: str) -> None:
    _REGISTRY[(xml_namespace, name)] = cls
    # when hypothesis is in use, st.from_type(cls) then draws valid .NET values; the module is
    # looked up, never imported, so the core does not pull hypothesis in
    strategies = sys.modules.get("netcontract.strategies")
    if strategies is not None:
        strategies.register(cls)


def is_contract(tp: Any) -> bool:
    """Whether ``tp`` (a class or a parametrized generic) is a contract class (not an enum)."""
    origin = typing.get_origin(tp) or tp
    return (
        isinstance(origin, type)
        and "__netcontract__" in origin.__dict__
        and not issubclass(origin, enum.Enum)
    )


def known_contracts() -> dict[tuple[str, str], type]:
    """All contracts declared so far, by (XML namespace, contract name)."""
    return dict(_REGISTRY)


def find_contract(xml_namespace: str, name: str) -> type | None:
    """The contract declared with this XML namespace and name, if any."""
    return _REGISTRY.get((xml_namespace, name))


def contract_info(tp: Any) -> ContractInfo:
    """The cached plan of a contract class or of a parametrized generic contract."""
    info = _INFO_CACHE.get(tp)
    if info is None:
        info = _INFO_CACHE[tp] = _build_info(tp)
    return info


def _build_info(tp: Any) -> ContractInfo:
    origin = typing.get_origin(tp) or tp
    if not is_contract(origin):
        raise ContractDefinitionError(f"{tp!r} is not a contract class (use @contract)")
    args = typing.get_args(tp)
    params = getattr(origin, "__parameters__", ())
    typevars = dict(zip(params, args, strict=False)) if args else {}
    meta: ContractMeta = origin.__dict__["__netcontract__"]

    levels: list[list[Member]] = []  # base-most first
    for klass in reversed(origin.__mro__):
        kmeta = klass.__dict__.get("__netcontract__")
        if kmeta is None or not attrs.has(klass):
            continue
        levels.append(_own_members(klass, kmeta, typevars))

    xml_members: list[Member] = []
    for level in levels:
        own_xml = [m for m in level if m.in_xml]
        # DataContractSerializer sorts by String.CompareOrdinal of the encoded element name,
        # i.e. by UTF-16 code units
        own_xml.sort(key=lambda m: m.xml_name.encode("utf-16-be"))
        xml_members.extend(own_xml)
    json_members = [m for level in reversed(levels) for m in level]
    _check_unique(origin, xml_members, json_members)
    wire = ContractType(origin, meta.name, meta.xml_namespace, args)
    return ContractInfo(origin, wire, tuple(xml_members), tuple(json_members))


def _own_members(klass: type, meta: ContractMeta, typevars: dict[Any, Any]) -> list[Member]:
    try:
        hints = typing.get_type_hints(klass, localns=meta.local_names, include_extras=True)
    except NameError as exc:
        raise ContractDefinitionError(f"{klass.__qualname__}: cannot resolve {exc}") from exc
    fields = {f.name: f for f in attrs.fields(klass) if not f.inherited}
    members: list[Member] = []
    for attr in meta.declaration_order:
        spec_computed = meta.computed.get(attr)
        if spec_computed is not None:
            members.append(
                Member(
                    attr,
                    spec_computed.wire_name,
                    encode_local_name(spec_computed.wire_name),
                    resolve_annotation(_computed_hint(klass, meta, spec_computed), typevars),
                    meta.xml_namespace,
                    in_xml=False,
                    computed=spec_computed.func,
                    declaring_class=klass,
                )
            )
            continue
        field = fields.get(attr)
        if field is None:  # a ClassVar or an attribute attrs did not turn into a field
            continue
        spec = field.metadata.get(_MEMBER_KEY) or _MemberSpec(None, json_only=False)
        wire_name = spec.wire_name or _pascal(attr)
        members.append(
            Member(
                attr,
                wire_name,
                encode_local_name(wire_name),
                resolve_annotation(hints[attr], typevars),
                meta.xml_namespace,
                in_xml=not spec.json_only,
                computed=None,
                declaring_class=klass,
            )
        )
    return members


def _computed_hint(klass: type, meta: ContractMeta, spec: _Computed) -> Any:
    # the annotation was taken off the class (attrs must not see it): resolve it the same way
    holder = type(
        "_", (), {"__annotations__": {"v": spec.annotation}, "__module__": klass.__module__}
    )
    return typing.get_type_hints(holder, localns=meta.local_names, include_extras=True)["v"]


def _check_unique(cls: type, xml_members: list[Member], json_members: list[Member]) -> None:
    seen: set[tuple[str, str]] = set()
    for m in xml_members:
        key = (m.xml_namespace, m.xml_name)
        if key in seen:
            raise ContractDefinitionError(f"{cls.__qualname__}: two members named {m.wire_name}")
        seen.add(key)
    names = [m.wire_name for m in json_members]
    if len(set(names)) != len(names):
        # .NET allows a `new` member to hide a base one; netcontract does not model that yet
        raise ContractDefinitionError(f"{cls.__qualname__}: duplicate JSON member names")

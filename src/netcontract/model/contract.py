"""Declaring contracts: ``@contract``, ``member``, ``computed``, and the registry of them.

A contract is an attrs class (or a :class:`ContractEnum`) with a data-contract name and
namespace. Everything the readers and writers need (wire names, namespaces, member order,
resolved types) is computed once per contract by :func:`netcontract.model.plan.contract_info`.
"""

from __future__ import annotations

import enum
import inspect
import sys
import typing
from collections.abc import Callable
from typing import Any, Final, Literal, TypeVar, dataclass_transform, overload

import attrs

from netcontract.clr.namespaces import DATACONTRACT_BASE
from netcontract.errors import ContractDefinitionError

__all__ = [
    "ContractMeta",
    "computed",
    "contract",
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
    # the class's own name is not bound yet where it is declared: a recursive member
    # (``child: Node | None`` in a function's local ``Node``) resolves it here
    local_names = {**caller_locals, cls.__name__: new_cls}
    new_cls.__netcontract__ = ContractMeta(  # type: ignore[attr-defined]
        contract_name, xml_namespace, clr_namespace, order, computed_members, local_names
    )
    _register(new_cls, contract_name, xml_namespace)
    return typing.cast(C, new_cls)


_REGISTRY: dict[tuple[str, str], type] = {}


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


def __getattr__(name: str) -> Any:
    # contract_info, ContractInfo and Member live in netcontract.model.plan; still importable here
    if name in ("ContractInfo", "Member", "contract_info"):
        from netcontract.model import plan  # noqa: PLC0415 - plan imports this module

        return getattr(plan, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

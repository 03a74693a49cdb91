"""One plan per contract: everything the readers, writers and exporters need, built once.

:func:`contract_info` gives the plan of a contract class, or of one parametrization of a
generic contract (``ResponseDto[CustomerGroupDto]``): its members resolved (wire names, XML and
JSON order, wire types), and slots for what each conversion builds from them on first use
(member tables, generated functions). Each such artifact is built by the module that uses it,
through :meth:`ContractInfo.built`, once, under one re-entrant lock: a plan being built may
ask for the plans of the contracts it contains on the same thread, and another thread waits
rather than seeing half a plan. A per-thread set of the artifacts being built catches a
contract that contains itself (:class:`PlanCycle`).
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from netcontract.codegen import init_names
from netcontract.errors import ContractDefinitionError
from netcontract.model.contract import (
    _MEMBER_KEY,
    ContractMeta,
    JsonMemberSpec,
    _Computed,
    _member_error,
    _MemberSpec,
    _pascal,
    closed_generic,
    is_contract,
)
from netcontract.model.names import encode_local_name
from netcontract.model.wire import ContractType, Slot, resolve_annotation

__all__ = ["BUILD_LOCK", "ContractInfo", "Member", "PlanCycle", "contract_info"]

T = TypeVar("T")

#: held while any plan or artifact is built (re-entrant: building one builds others)
BUILD_LOCK: Final = threading.RLock()
_UNBUILT: Final[Any] = object()


class PlanCycle(Exception):  # noqa: N818 - a signal for the builders, not an error
    """An artifact asked for itself while being built (a contract that contains itself)."""


class _Building(threading.local):
    def __init__(self) -> None:
        self.keys: set[tuple[ContractInfo, str]] = set()


_BUILDING: Final = _Building()


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
    #: .NET's DataMember.Order; -1 when not given (as .NET)
    order: int = -1
    #: .NET's DataMember.IsRequired: a document without the member is refused
    is_required: bool = False
    #: .NET's DataMember.EmitDefaultValue: False leaves the member out at its default
    emit_default_value: bool = True
    #: Json.NET's Required, in ``json_net_members`` only ("Default", "AllowNull", "Always",
    #: "DisallowNull"; from [JsonProperty(Required)], else from ``is_required``)
    json_required: str = "Default"
    #: [JsonProperty(NullValueHandling)]: this member's null handling (None: the settings')
    json_null_value_handling: str | None = None


@attrs.frozen(eq=False)
class ContractInfo:
    """The plan of one contract class (or one parametrization of a generic one)."""

    cls: type
    wire: ContractType
    #: members in DataContractSerializer order: base class first, ordinal by name within a class
    xml_members: tuple[Member, ...]
    #: members in Json.NET order: most-derived class first, declaration order within a class
    json_members: tuple[Member, ...]
    #: the contract this plan is for (``cls`` or a parametrization of it)
    tp: Any = attrs.field(default=None, repr=False)
    #: the members as Json.NET reads and writes them: ``json_members`` with the Json.NET
    #: attributes applied (``[JsonProperty]`` name and order, ``Required``, per-member null
    #: handling; ``[JsonIgnore]`` members left out). The JSON readers and writers use these
    json_net_members: tuple[Member, ...] = attrs.field(default=(), repr=False)

    # Artifacts, each built by the module named on first use (see built()):
    #: json/read.py: the reference reader's member table
    json_reading: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/read.py: the generated dict reader
    json_reader: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/read_struct.py: the msgspec Struct, its decoder and converter (or a refusal)
    json_struct: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/write.py: the reference writer's member table
    json_writing: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/write.py: the generated writer
    json_writer: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: xml/read.py: the reference reader's member table
    xml_reading: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: xml/read.py: the generated reader
    xml_reader: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: xml/read.py: the generated reader of the compiled walk's tuples (xml/walk.py)
    xml_walked_reader: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/wcf_read.py: DataContractJsonSerializer's member table (reference reader)
    wcf_json_reading: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: json/wcf_write.py: DataContractJsonSerializer's member table (reference writer)
    wcf_json_writing: Any = attrs.field(default=_UNBUILT, init=False, repr=False)
    #: xml/write.py: the generated member writers, by (namespace scope, depth, indent)
    xml_writers: dict[Any, Any] = attrs.field(factory=dict, init=False, repr=False)
    #: json/read.py, json/write.py: the reference member tables for non-default
    #: JsonSettings, by (artifact, settings)
    json_variants: dict[Any, Any] = attrs.field(factory=dict, init=False, repr=False)
    #: attrs fields whose ``__init__`` parameter is not their name (``_name`` is ``name``)
    renamed: dict[str, str] = attrs.field(init=False, repr=False)

    @renamed.default
    def _renamed(self) -> dict[str, str]:
        return init_names(self.cls)

    def init_kwargs(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """``kwargs`` keyed by attribute name, keyed by ``__init__`` parameter instead."""
        renamed = self.renamed
        if not renamed:
            return kwargs
        return {renamed.get(attr, attr): value for attr, value in kwargs.items()}

    @property
    def emits_all(self) -> bool:
        """No member has ``emit_default_value=False`` (the generated writers' case)."""
        return all(m.emit_default_value for m in self.json_members)

    @property
    def is_reference(self) -> bool:
        """.NET's [DataContract(IsReference = true)]: written once, then referred to."""
        meta: ContractMeta = self.cls.__dict__["__netcontract__"]
        return meta.is_reference

    @property
    def extension_data(self) -> bool:
        """.NET's IExtensibleDataObject: unknown members are kept and written back."""
        meta: ContractMeta = self.cls.__dict__["__netcontract__"]
        return meta.extension_data

    @property
    def name(self) -> str:
        return self.wire.contract_name

    @property
    def namespace(self) -> str:
        return self.wire.contract_namespace

    def built(self, artifact: str, build: Callable[[ContractInfo], T]) -> T:
        """The artifact of this name, made by ``build(self)`` the first time (once, under
        :data:`BUILD_LOCK`); raises :class:`PlanCycle` if it is asked for while being built."""
        value = getattr(self, artifact)
        if value is not _UNBUILT:
            return value  # type: ignore[no-any-return]
        with BUILD_LOCK:
            value = getattr(self, artifact)
            if value is _UNBUILT:
                value = _build_once(self, artifact, lambda: build(self))
                object.__setattr__(self, artifact, value)
        return value  # type: ignore[no-any-return]

    def json_variant(self, key: Any, build: Callable[[ContractInfo], T]) -> T:
        """The artifact for ``key`` (an artifact name and a ``JsonSettings``), made by
        ``build(self)`` the first time, as :meth:`built` makes its artifacts."""
        value = self.json_variants.get(key)
        if value is None:
            with BUILD_LOCK:
                value = self.json_variants.get(key)
                if value is None:
                    value = _build_once(self, f"json_variants{key}", lambda: build(self))
                    self.json_variants[key] = value
        return value

    def xml_writer(self, key: Any, build: Callable[[], T]) -> T:
        """The generated XML member writer for ``key``, made by ``build()`` the first time."""
        value = self.xml_writers.get(key)
        if value is None:
            with BUILD_LOCK:
                value = self.xml_writers.get(key)
                if value is None:
                    value = self.xml_writers[key] = _build_once(self, f"xml_writers{key}", build)
        return value


def _build_once(plan: ContractInfo, artifact: str, build: Callable[[], T]) -> T:
    key = (plan, artifact)  # a plan hashes by identity
    if key in _BUILDING.keys:
        raise PlanCycle(f"{plan.cls.__qualname__}: {artifact} needs itself")
    _BUILDING.keys.add(key)
    try:
        return build()
    finally:
        _BUILDING.keys.discard(key)


_PLANS: dict[Any, ContractInfo] = {}


def contract_info(tp: Any) -> ContractInfo:
    """The plan of a contract class or of a parametrized generic contract."""
    plan = _PLANS.get(tp)
    if plan is None:
        with BUILD_LOCK:
            plan = _PLANS.get(tp)
            if plan is None:
                plan = _PLANS[tp] = _build_info(tp)
    return plan


def _build_info(tp: Any) -> ContractInfo:
    origin = typing.get_origin(tp) or tp
    if not is_contract(origin):
        raise ContractDefinitionError(f"{tp!r} is not a contract class (use @contract)")
    args = typing.get_args(tp)
    meta: ContractMeta = origin.__dict__["__netcontract__"]
    if meta.generic_pattern is not None and meta.generic_origin is None:
        if args:  # ApiResponse[T] bound later (an alias typing made): the closed class
            return contract_info(closed_generic(origin, args))
        raise ContractDefinitionError(
            f"{origin.__qualname__} is a .NET generic contract: use a closed one,"
            f" {origin.__qualname__}[X] (its instances are made by {origin.__qualname__}[X](...))"
        )
    closed = next(
        (
            m
            for k in origin.__mro__
            if (m := k.__dict__.get("__netcontract__")) is not None
            and getattr(m, "generic_origin", None) is not None
        ),
        None,
    )
    if closed is not None:
        # a closed generic, or a contract derived from one (Special : ApiResponse<Customer>)
        params = closed.generic_origin.__dict__.get("__parameters__", ())
        typevars = dict(zip(params, closed.generic_args, strict=True))
        args = ()
    else:
        params = getattr(origin, "__parameters__", ())
        typevars = dict(zip(params, args, strict=False)) if args else {}

    levels: list[list[Member]] = []  # base-most first
    specs: dict[int, JsonMemberSpec] = {}  # the Json.NET attributes, by id() of the Member
    for klass in reversed(origin.__mro__):
        kmeta = klass.__dict__.get("__netcontract__")
        if kmeta is None or not attrs.has(klass):
            continue
        levels.append(_own_members(klass, kmeta, typevars, specs))

    xml_members: list[Member] = []
    for level in levels:
        own_xml = [m for m in level if m.in_xml]
        # DataContractSerializer sorts by Order (-1 when not given), then by
        # String.CompareOrdinal of the encoded element name, i.e. by UTF-16 code units
        own_xml.sort(key=lambda m: (m.order, m.xml_name.encode("utf-16-be")))
        xml_members.extend(own_xml)
    # Json.NET: reflection order (most-derived class first), then a stable sort by Order
    reflection = [m for level in reversed(levels) for m in level]
    json_members = sorted(reflection, key=lambda m: m.order)
    _check_unique(origin, xml_members, json_members)
    json_net = sorted(
        (_json_net_member(m, specs.get(id(m))) for m in reflection if _in_json(specs.get(id(m)))),
        key=lambda m: m.order,
    )
    if len({m.wire_name for m in json_net}) != len(json_net):
        raise ContractDefinitionError(f"{origin.__qualname__}: duplicate JSON member names")
    wire = ContractType(origin, meta.name, meta.xml_namespace, args)
    return ContractInfo(origin, wire, tuple(xml_members), tuple(json_members), tp, tuple(json_net))


def _in_json(spec: JsonMemberSpec | None) -> bool:
    return spec is None or not spec.ignore


def _json_net_member(m: Member, spec: JsonMemberSpec | None) -> Member:
    """``m`` as Json.NET sees it: [JsonProperty] over [DataMember] (Mono: its name and order
    replace the DataMember's). IsRequired alone is Required.AllowNull; a [JsonProperty] (any
    ``json_*`` option but ``json_ignore``) replaces it with its own Required, Required.Default
    when it sets none: the member is then optional in JSON (Mono, Json.NET 6.0.8)."""
    if spec is None:
        return attrs.evolve(m, json_required="AllowNull") if m.is_required else m
    required = spec.required or "Default"
    return attrs.evolve(
        m,
        wire_name=spec.name or m.wire_name,
        order=m.order if spec.order is None else spec.order,
        is_required=required in ("AllowNull", "Always"),
        json_required=required,
        json_null_value_handling=spec.null_value_handling,
    )


def _own_members(
    klass: type, meta: ContractMeta, typevars: dict[Any, Any], specs: dict[int, JsonMemberSpec]
) -> list[Member]:
    try:
        hints = typing.get_type_hints(klass, localns=meta.local_names, include_extras=True)
    except NameError as exc:
        raise ContractDefinitionError(f"{klass.__qualname__}: cannot resolve {exc}") from exc
    fields = {f.name: f for f in attrs.fields(klass) if not f.inherited}
    members: list[Member] = []
    for attr in meta.declaration_order:
        spec_computed = meta.computed.get(attr)
        if spec_computed is not None:
            hint = _computed_hint(klass, meta, spec_computed)
            members.append(
                Member(
                    attr,
                    spec_computed.wire_name,
                    encode_local_name(spec_computed.wire_name),
                    _resolve_member(klass, attr, hint, typevars),
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
                _resolve_member(klass, attr, hints[attr], typevars, clr_object=spec.clr_object),
                meta.xml_namespace,
                in_xml=not spec.json_only,
                computed=None,
                declaring_class=klass,
                order=-1 if spec.order is None else spec.order,
                is_required=spec.is_required,
                emit_default_value=spec.emit_default_value,
            )
        )
        if spec.json is not None:
            specs[id(members[-1])] = spec.json
    return members


def _resolve_member(
    klass: type, attr: str, hint: Any, typevars: dict[Any, Any], *, clr_object: bool = False
) -> Slot:
    """The member's slot; a type without a mapping is reported as ``Class.member: ...``."""
    try:
        return resolve_annotation(hint, typevars, clr_object=clr_object)
    except ContractDefinitionError as exc:
        raise ContractDefinitionError(_member_error(klass.__qualname__, attr, hint, exc)) from None


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

"""Declaring contracts: ``@contract``, ``member``, ``computed``, and the registry of them.

A contract is an attrs class (or a :class:`ContractEnum`) with a data-contract name and
namespace. Everything the readers and writers need (wire names, namespaces, member order,
resolved types) is computed once per contract by :func:`netcontract.model.plan.contract_info`.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib.metadata
import inspect
import operator
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal, TypeVar, dataclass_transform, overload

import attrs

from netcontract.clr.namespaces import DATACONTRACT_BASE
from netcontract.clr.value_types import for_annotation
from netcontract.errors import ContractDefinitionError
from netcontract.model.extension import EXTENSION_ATTR, ExtensionData
from netcontract.model.names import encode_local_name
from netcontract.model.wire import (
    CollectionMeta,
    check_generic_pattern,
    expand_generic_pattern,
    generic_argument,
    resolve_annotation,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "ContractMeta",
    "closed_generic",
    "collection_contract",
    "computed",
    "contract",
    "find_contract",
    "is_contract",
    "known_contracts",
    "load_contract_entry_points",
    "member",
    "open_generic_contracts",
    "unknown_root_message",
]

T = TypeVar("T")
C = TypeVar("C", bound=type)

_MEMBER_KEY: Final = "netcontract.member"


@attrs.frozen
class _MemberSpec:
    wire_name: str | None
    json_only: bool
    #: .NET's DataMember.Order (None: not given, -1 in .NET)
    order: int | None = None
    #: .NET's DataMember.IsRequired
    is_required: bool = False
    #: .NET's DataMember.EmitDefaultValue
    emit_default_value: bool = True
    #: Json.NET's [JsonProperty(PropertyName, Order, Required, NullValueHandling)], [JsonIgnore]
    json: JsonMemberSpec | None = None
    #: ``clr_type=object``: declared ``object`` in .NET, the annotation a Python-side view
    clr_object: bool = False


#: Json.NET's Required (6.0.8 has the first three; DisallowNull came with Json.NET 8)
JSON_REQUIRED: Final = ("Default", "AllowNull", "Always", "DisallowNull")


@attrs.frozen
class JsonMemberSpec:
    """A member's Json.NET attributes, where they differ from its DataMember."""

    name: str | None = None
    order: int | None = None
    required: str | None = None
    null_value_handling: str | None = None
    ignore: bool = False


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
    #: .NET's [DataContract(IsReference = true)]: shared references and cycles on the wire
    is_reference: bool = False
    #: .NET's IExtensibleDataObject: unknown members kept on ``extension_data``
    extension_data: bool = False
    #: a .NET generic contract: its name pattern (``ApiResponseOf{0}{#}``, ``Page{0}``);
    #: None for other contracts
    generic_pattern: str | None = None
    #: a closed .NET generic (``ApiResponse[Customer]``): the open class and its arguments
    generic_origin: type | None = None
    generic_args: tuple[Any, ...] = ()
    #: .NET's [KnownType]: classes (or their names, resolved on first use), or a callable
    #: returning them (``[KnownType("MethodName")]``); see netcontract.model.known
    known_types: Any = ()


def member(
    name: str | None = None,
    *,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
    json_only: bool = False,
    order: int | None = None,
    is_required: bool = False,
    emit_default_value: bool = True,
    json_name: str | None = None,
    json_order: int | None = None,
    json_required: Literal["Default", "AllowNull", "Always", "DisallowNull"] | None = None,
    json_null_value_handling: Literal["Include", "Ignore"] | None = None,
    json_ignore: bool = False,
    clr_type: type | None = None,
) -> Any:
    """Declare a contract member.

    :param name: the wire name (``"IdWS"``); defaults to the attribute name in PascalCase.
    :param default: the value a missing member takes (.NET's default: 0, None, False...).
        It must be immutable: a list, dict or set default would be one object shared by
        every instance, so ``@contract`` refuses it; use ``factory=list`` instead.
    :param factory: makes the default for each instance (``factory=list``).
    :param json_only: a .NET read-only property: Json.NET writes and reads it, the
        DataContractSerializer never sees it.
    :param order: .NET's ``[DataMember(Order = n)]`` (n >= 0). Within a class, the
        DataContractSerializer writes the members without an order first, then by order;
        ordinal by name among equals. Json.NET writes the members without an order first
        (in its reflection order), then the others by order, stably, across the hierarchy.
    :param is_required: .NET's ``[DataMember(IsRequired = true)]``: a document without the
        member is refused (DataContractSerializer; Json.NET as ``Required.AllowNull``, so a
        null is still read, unless a ``json_*`` option makes a ``[JsonProperty]`` whose
        Required, ``json_required``, is then ``"Default"`` when not given), and the XSD
        element has no ``minOccurs="0"``. A member declared
        without a default is refused when missing too, but exported as optional.
    :param json_name: Json.NET's ``[JsonProperty(PropertyName = ...)]``: the JSON name, when
        it differs from the DataMember name (XML keeps ``name``).
    :param json_order: ``[JsonProperty(Order = n)]``: the JSON order, instead of ``order``.
    :param json_required: ``[JsonProperty(Required = ...)]``: ``"Default"`` (optional),
        ``"AllowNull"`` (must be present, may be null; what ``is_required`` gives),
        ``"Always"`` (present and not null, also on writing), ``"DisallowNull"`` (Json.NET 8:
        optional, but never null).
    :param json_null_value_handling: ``[JsonProperty(NullValueHandling = ...)]``: this
        member's null handling, over the settings' (``JsonSettings.null_value_handling``).
    :param json_ignore: ``[JsonIgnore]`` on a ``[DataMember]``: the member is in XML only;
        Json.NET neither writes nor reads it (a document holding it is not refused).
    :param clr_type: ``object``: the member is declared ``object`` on the server and its
        annotation only says what it holds (``data: T | None`` in a ``ResponseDto[T]`` that is
        not a .NET generic): XML writes its ``i:type``, and the member does not make its class
        a .NET generic contract.
    """
    if clr_type is not None and clr_type is not object:
        raise ContractDefinitionError(f"member {name or ''!r}: clr_type must be object (or None)")
    if order is not None and (type(order) is not int or order < 0):
        # .NET: "Property 'Order' in DataMemberAttribute attribute cannot be a negative number"
        raise ContractDefinitionError(f"member {name or ''!r}: order must be an int >= 0")
    if type(is_required) is not bool:
        raise ContractDefinitionError(f"member {name or ''!r}: is_required must be a bool")
    if type(emit_default_value) is not bool:
        raise ContractDefinitionError(f"member {name or ''!r}: emit_default_value must be a bool")
    json = _json_spec(
        name, json_name, json_order, json_required, json_null_value_handling, json_ignore
    )
    if json is not None and json.ignore and json_only:
        raise ContractDefinitionError(
            f"member {name or ''!r}: json_ignore and json_only leave it in no format"
        )
    return attrs.field(
        default=default,
        factory=factory,
        kw_only=True,
        metadata={
            _MEMBER_KEY: _MemberSpec(
                name, json_only, order, is_required, emit_default_value, json, clr_type is object
            )
        },
    )


def _json_spec(
    name: str | None,
    json_name: str | None,
    json_order: int | None,
    json_required: str | None,
    json_null_value_handling: str | None,
    json_ignore: bool,
) -> JsonMemberSpec | None:
    shown = repr(name or "")
    if json_name is not None and (type(json_name) is not str or not json_name):
        raise ContractDefinitionError(f"member {shown}: json_name must be a non-empty str")
    if json_order is not None and (type(json_order) is not int or json_order < 0):
        raise ContractDefinitionError(f"member {shown}: json_order must be an int >= 0")
    if json_required is not None and json_required not in JSON_REQUIRED:
        raise ContractDefinitionError(
            f"member {shown}: json_required must be one of {', '.join(JSON_REQUIRED)}"
        )
    if json_null_value_handling not in (None, "Include", "Ignore"):
        raise ContractDefinitionError(
            f"member {shown}: json_null_value_handling must be Include or Ignore"
        )
    if type(json_ignore) is not bool:
        raise ContractDefinitionError(f"member {shown}: json_ignore must be a bool")
    spec = JsonMemberSpec(
        json_name, json_order, json_required, json_null_value_handling, json_ignore
    )
    return None if spec == JsonMemberSpec() else spec


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
    is_reference: bool | None = None,
    extension_data: bool = False,
    known_types: Iterable[Any] | Callable[[], Iterable[Any]] = (),
) -> Callable[[C], C]: ...


@dataclass_transform(kw_only_default=True, field_specifiers=(member, computed, attrs.field))
def contract(
    namespace: Any = None,
    /,
    *,
    name: str | None = None,
    xml_namespace: str | None = None,
    is_reference: bool | None = None,
    extension_data: bool = False,
    known_types: Iterable[Any] | Callable[[], Iterable[Any]] = (),
) -> Any:
    """Make a class a data contract.

    ``namespace`` is the CLR namespace (``"Vehizen.Domain.Dto"``); the XML namespace is
    ``http://schemas.datacontract.org/2004/07/`` + it, unless ``xml_namespace`` is given.
    ``name`` defaults to the class name. A plain class becomes an attrs class (slotted,
    keyword-only); a :class:`ContractEnum` subclass only gets its wire name.

    ``is_reference=True`` is .NET's ``[DataContract(IsReference = true)]``: an instance met
    twice in one document is written once (``z:Id="i1"`` in XML, ``"$id":"1"`` in Json.NET)
    and then referred to (``z:Ref="i1"``, ``{"$ref":"1"}``), so shared objects and cycles
    survive a round trip; reading gives the same Python object (``is``) at each place. A
    derived contract takes its base's setting when it gives none, and must not give another
    (.NET refuses a mix).

    ``extension_data=True`` is .NET's ``IExtensibleDataObject``: the members a document holds
    that the contract does not know are kept on the instance's ``extension_data`` attribute
    (not a member; left out of ``==`` and ``repr``) and written back, where .NET writes them,
    by the writer of the format they were read from (DataContract XML or WCF JSON; Json.NET
    ignores them, as it does). Derived contracts inherit it.

    ``known_types=(Dog, "Cat")`` is .NET's ``[KnownType(typeof(Dog))]``: the contracts (or
    enums) a member of this class, or of a class derived from it, may hold in place of the
    declared type (XML ``i:type``, WCF JSON ``__type``). A name stands for a class declared
    later in the same module (a base naming its derived classes); a callable returning the
    classes is ``[KnownType("MethodName")]``. Resolved on first use.
    """
    if is_reference is not None and type(is_reference) is not bool:
        raise ContractDefinitionError("contract: is_reference must be a bool")
    if type(extension_data) is not bool:
        raise ContractDefinitionError("contract: extension_data must be a bool")
    # Classes declared inside a function refer to names local to it: keep them for resolving
    # string annotations later (as typing.get_type_hints cannot see them).
    caller_locals = dict(sys._getframe(1).f_locals)
    if isinstance(namespace, type):
        return _make_contract(namespace, None, name, xml_namespace, caller_locals)

    if isinstance(known_types, str) or not (
        callable(known_types) or isinstance(known_types, Iterable)
    ):
        raise ContractDefinitionError("contract: known_types must be a tuple of classes")
    known: Any = known_types if callable(known_types) else tuple(known_types)

    def decorate(cls: C) -> C:
        return _make_contract(
            cls, namespace, name, xml_namespace, caller_locals, is_reference, extension_data, known
        )

    return decorate


def collection_contract(
    namespace: str | None = None,
    /,
    *,
    name: str | None = None,
    xml_namespace: str | None = None,
    item_name: str | None = None,
    key_name: str | None = None,
    value_name: str | None = None,
    is_reference: bool = False,
) -> Callable[[C], C]:
    """.NET's ``[CollectionDataContract]`` on a ``list[T]`` or ``dict[K, V]`` subclass.

    ``class Items(list[Item])`` is ``class Items : List<Item>``: ``name`` defaults to the class
    name (not ``ArrayOfItem``), the XML namespace to ``http://schemas.datacontract.org/2004/07/``
    + ``namespace`` (the CLR namespace) unless ``xml_namespace`` is given; ``item_name`` names
    each item element (default: the item's contract name, ``KeyValueOf{K}{V}`` for a dict),
    ``key_name``/``value_name`` a dictionary entry's elements (default ``Key``/``Value``). The
    items, and a dictionary's keys and values, are in the collection's namespace (Mono).
    Reading makes an instance of the class. ``is_reference=True`` is IsReference: in XML, a
    collection met again is written as a ``z:Ref`` to its first ``z:Id`` (WCF JSON refuses it,
    Json.NET ignores it, as .NET does).
    """
    if type(is_reference) is not bool:
        raise ContractDefinitionError("collection_contract: is_reference must be a bool")

    def decorate(cls: C) -> C:
        args = _collection_args(cls)
        where = f"{cls.__qualname__}: CollectionDataContract"
        if len(args) == 1 and (key_name is not None or value_name is not None):
            # .NET: InvalidDataContractException (KeyName/ValueName need a dictionary)
            raise ContractDefinitionError(
                f"{where} key_name and value_name are for a dict[K, V] subclass only"
            )
        for label, given in (
            ("name", name),
            ("item_name", item_name),
            ("key_name", key_name),
            ("value_name", value_name),
        ):
            if given is not None and (
                type(given) is not str or not given or encode_local_name(given) != given
            ):
                raise ContractDefinitionError(f"{where} {label}={given!r} is not an XML name")
        if xml_namespace is not None and type(xml_namespace) is not str:
            raise ContractDefinitionError(f"{where} xml_namespace must be a str")
        contract_name = name or cls.__name__
        ns = DATACONTRACT_BASE + (namespace or "") if xml_namespace is None else xml_namespace
        cls.__netcontract_collection__ = CollectionMeta(  # type: ignore[attr-defined]
            contract_name, ns, namespace, args, item_name, key_name, value_name, is_reference
        )
        try:
            resolve_annotation(cls)
        except ContractDefinitionError as exc:
            del cls.__netcontract_collection__  # type: ignore[attr-defined]
            raise ContractDefinitionError(f"{cls.__qualname__}: {exc}") from None
        _register(cls, contract_name, ns)
        return cls

    return decorate


def _collection_args(cls: type) -> tuple[Any, ...]:
    """The item annotation (``list[T]`` base) or key and value annotations (``dict[K, V]``)."""
    for base in getattr(cls, "__orig_bases__", ()):
        origin = typing.get_origin(base)
        if origin in (list, dict):
            args = typing.get_args(base)
            if len(args) == (1 if origin is list else 2):
                if any(isinstance(a, str | typing.ForwardRef) for a in args):
                    raise ContractDefinitionError(
                        f"{cls.__qualname__}: a collection contract's item type must be declared"
                        " before it (not a string)"
                    )
                return args
    raise ContractDefinitionError(
        f"{cls.__qualname__}: a collection contract derives from list[T] or dict[K, V]"
    )


def _make_contract(
    cls: C,
    clr_namespace: str | None,
    name: str | None,
    xml_namespace: str | None,
    caller_locals: dict[str, Any],
    is_reference: bool | None = None,
    extension_data: bool = False,
    known_types: Any = (),
) -> C:
    if xml_namespace is None:
        xml_namespace = DATACONTRACT_BASE + (clr_namespace or "")
    contract_name = name or cls.__name__
    if issubclass(cls, enum.Enum):
        if is_reference or extension_data:
            raise ContractDefinitionError(
                f"{cls.__qualname__}: an enum cannot be is_reference or have extension_data"
            )
        if not issubclass(cls, enum.IntEnum):
            raise ContractDefinitionError(f"{cls.__qualname__}: enums must be IntEnum subclasses")
        _check_enum_wire_names(cls)
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
    inherited_extension = _inherits_extension_data(cls)
    if (extension_data or inherited_extension) and (
        EXTENSION_ATTR in own_annotations or EXTENSION_ATTR in cls.__dict__
    ):
        raise ContractDefinitionError(
            f"{cls.__qualname__}: {EXTENSION_ATTR!r} holds the extension data; a member"
            " cannot have that attribute name"
        )
    if extension_data and not inherited_extension and "__attrs_attrs__" in cls.__dict__:
        # attrs keeps an attrs class's own __init__ when it is defined again: the extension
        # data field would never be set, and writing the object would fail
        raise ContractDefinitionError(
            f"{cls.__qualname__}: extension_data=True needs a plain class (@nc.contract makes"
            " it an attrs class); remove @attrs.define"
        )
    if extension_data and not inherited_extension:
        # a field of attrs (so that the slotted class has room for it), outside __init__,
        # ==, repr and the members (not in declaration_order): .NET's ExtensionData property
        cls.__annotations__ = {**own_annotations, EXTENSION_ATTR: ExtensionData | None}
        setattr(
            cls,
            EXTENSION_ATTR,
            attrs.field(default=None, init=False, eq=False, repr=False, hash=False),
        )
    new_cls = attrs.define(cls, slots=True, kw_only=True, eq=True, order=False)
    _check_defaults(new_cls)
    _check_annotations(new_cls, own_annotations, computed_members, caller_locals)
    for attr, spec in computed_members.items():
        setattr(new_cls, attr, property(spec.func, doc=f"{spec.wire_name} (computed, JSON only)"))
    # the class's own name is not bound yet where it is declared: a recursive member
    # (``child: Node | None`` in a function's local ``Node``) resolves it here
    local_names = {**caller_locals, cls.__name__: new_cls}
    pattern = _generic_pattern(new_cls, name)
    new_cls.__netcontract__ = ContractMeta(  # type: ignore[attr-defined]
        contract_name,
        xml_namespace,
        clr_namespace,
        order,
        computed_members,
        local_names,
        _reference_setting(new_cls, is_reference),
        extension_data or inherited_extension,
        pattern,
        known_types=known_types,
    )
    if pattern is None:
        _register(new_cls, contract_name, xml_namespace)
    else:
        # an open generic has no wire name: ApiResponse[Customer] is the contract
        _install_class_getitem(new_cls)
        _OPEN_GENERICS[(xml_namespace, contract_name)] = new_cls
    return typing.cast(C, new_cls)


def _generic_pattern(cls: type, name: str | None) -> str | None:
    """The name pattern of a .NET generic contract (None for any other contract).

    A class with type parameters is a .NET generic when a member's .NET type uses one (a
    member declared ``clr_type=object`` does not: its annotation is a Python-side view, as in
    Vehizen's ``ResponseDto[T]``). .NET's default name is ``{Name}Of{0}{1}...{#}``; a given
    ``name`` is the ``[DataContract(Name = "Page{0}")]`` pattern.
    """
    params: tuple[Any, ...] = cls.__dict__.get("__parameters__", ())
    if not params or not any(
        not _spec_of(field).clr_object and _mentions(field.type, params)
        for field in attrs.fields(cls)
    ):
        return None
    if any(
        isinstance(meta := base.__dict__.get("__netcontract__"), ContractMeta)
        and meta.generic_pattern is not None
        for base in cls.__mro__[1:]
    ):
        raise ContractDefinitionError(
            f"{cls.__qualname__}: a generic contract derived from a generic contract is not"
            " supported yet; derive from a closed one (class X(ApiResponse[Customer]))"
        )
    pattern = name or cls.__name__ + "Of" + "".join(f"{{{i}}}" for i in range(len(params))) + "{#}"
    problem = check_generic_pattern(pattern, len(params))
    if problem is not None:
        raise ContractDefinitionError(f"{cls.__qualname__}: name {pattern!r}: {problem}")
    return pattern


def _spec_of(field: attrs.Attribute[Any]) -> _MemberSpec:
    return field.metadata.get(_MEMBER_KEY) or _MemberSpec(None, json_only=False)


_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _mentions(annotation: Any, params: tuple[Any, ...]) -> bool:
    """Whether an annotation (maybe still a string) uses one of the type parameters."""
    if isinstance(annotation, str):
        names = {p.__name__ for p in params}
        return any(word in names for word in _IDENTIFIER.findall(annotation))
    if isinstance(annotation, TypeVar):
        return annotation in params
    return any(p in params for p in getattr(annotation, "__parameters__", ()))


def _install_class_getitem(open_cls: type) -> None:
    """``ApiResponse[Customer]`` gives the closed generic contract, a class of its own (its
    instances carry their type arguments, as .NET objects do); with type variables still in
    the arguments it stays typing's alias (``ApiResponse[T]`` inside another generic)."""

    def class_getitem(cls: type, params: Any) -> Any:
        if cls is not open_cls:
            raise TypeError(f"{cls.__qualname__} is a closed generic contract")
        alias = super(open_cls, cls).__class_getitem__(params)  # type: ignore[arg-type]
        args = typing.get_args(alias)
        if any(_has_type_vars(a) for a in args):
            return alias
        return closed_generic(open_cls, args)

    open_cls.__class_getitem__ = classmethod(class_getitem)  # type: ignore[attr-defined]


def _has_type_vars(annotation: Any) -> bool:
    return isinstance(annotation, TypeVar) or bool(getattr(annotation, "__parameters__", ()))


_CLOSED: dict[tuple[type, tuple[Any, ...]], type] = {}
_CLOSED_LOCK: Final = threading.RLock()


def closed_generic(open_cls: type, args: tuple[Any, ...]) -> type:
    """The class of ``open_cls`` closed over ``args`` (made once): a slotted subclass with the
    contract name .NET gives it (``ApiResponseOfCustomeralC0efJL``), registered like any
    contract so that a root element or ``i:type`` naming it finds it."""
    args = tuple(_canonical(a) for a in args)
    key = (open_cls, args)
    closed = _CLOSED.get(key)
    if closed is not None:
        return closed
    with _CLOSED_LOCK:
        closed = _CLOSED.get(key)
        if closed is not None:
            return closed
        meta: ContractMeta = open_cls.__dict__["__netcontract__"]
        assert meta.generic_pattern is not None
        arguments: list[tuple[str, str]] = []
        for arg in args:
            try:
                arguments.append(generic_argument(resolve_annotation(arg)))
            except ContractDefinitionError as exc:
                raise ContractDefinitionError(
                    f"{open_cls.__qualname__}[{_shown(arg)}]: {exc}"
                ) from None
        name = expand_generic_pattern(meta.generic_pattern, arguments)
        shown = f"{open_cls.__qualname__}[{', '.join(_shown(a) for a in args)}]"
        namespace = {
            "__slots__": (),
            "__module__": open_cls.__module__,
            "__qualname__": shown,
            "__parameters__": (),
            "__doc__": open_cls.__doc__,
            "__reduce__": _reduce_closed,
        }
        closed = type(shown, (open_cls,), namespace)
        closed.__netcontract__ = attrs.evolve(  # type: ignore[attr-defined]
            meta,
            name=name,
            declaration_order=(),
            computed={},
            generic_origin=open_cls,
            generic_args=args,
        )
        _CLOSED[key] = closed
        _register(closed, name, meta.xml_namespace)
        return closed


def _canonical(annotation: Any) -> Any:
    """One spelling per .NET type argument, so that ``ApiResponse[nc.Int32]`` is
    ``ApiResponse[int]`` (one class) and ``Optional[X]`` is ``X | None``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base, *extras = args
        if len(extras) == 1 and isinstance(base, type) and for_annotation(base) is extras[0]:
            return base
        return annotation
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, (_canonical(a) for a in args))
    if origin in (list, dict):
        return origin[tuple(_canonical(a) for a in args)]
    return annotation


def _reduce_closed(self: Any) -> tuple[Any, ...]:
    # the closed class is made at run time: pickle its instances by (open class, arguments)
    meta: ContractMeta = type(self).__dict__["__netcontract__"]
    return (_new_closed, (meta.generic_origin, meta.generic_args), self.__getstate__())


def _new_closed(open_cls: type, args: tuple[Any, ...]) -> Any:
    """An uninitialized instance of ``open_cls[args]`` (unpickling sets its state)."""
    return object.__new__(closed_generic(open_cls, args))


def _shown(annotation: Any) -> str:
    if isinstance(annotation, type) and typing.get_origin(annotation) is None:
        return annotation.__qualname__
    if typing.get_origin(annotation) is typing.Annotated:  # nc.Int64: Int64
        clr_name = getattr(typing.get_args(annotation)[1], "clr_name", None)
        if isinstance(clr_name, str):
            return clr_name
    return repr(annotation).replace("typing.", "")


def _reference_setting(cls: type, given: bool | None) -> bool:
    """The contract's IsReference: ``given``, else its base contract's. A value other than the
    base's is refused, as .NET refuses it (Mono: InvalidDataContractException "Derived types
    must have the same value for IsReference as the base type")."""
    for base in cls.__mro__[1:]:
        meta = base.__dict__.get("__netcontract__")
        if isinstance(meta, ContractMeta):
            if given is not None and meta.is_reference != given:
                raise ContractDefinitionError(
                    f"{cls.__qualname__}: is_reference={given}, but its base"
                    f" {base.__qualname__} has is_reference={meta.is_reference}; .NET wants"
                    " derived types to have the same value as the base type"
                )
            return meta.is_reference
    return bool(given)


def _inherits_extension_data(cls: type) -> bool:
    """Whether a base contract keeps extension data (a derived class keeps it too, as a
    derived .NET class implements its base's IExtensibleDataObject)."""
    return any(
        isinstance(meta := base.__dict__.get("__netcontract__"), ContractMeta)
        and meta.extension_data
        for base in cls.__mro__[1:]
    )


def _check_enum_wire_names(cls: type[enum.Enum]) -> None:
    """Refuse two serializable members under one wire name, as .NET does when it first
    serializes the enum (InvalidDataContractException)."""
    seen: dict[str, str] = {}
    for member in cls:
        wire = getattr(member, "wire_name", member.name)
        if not isinstance(wire, str):
            continue
        if wire in seen:
            raise ContractDefinitionError(
                f"{cls.__qualname__}: members {seen[wire]} and {member.name} both have the"
                f" wire name {wire!r}"
            )
        seen[wire] = member.name


def _check_defaults(cls: type) -> None:
    """Refuse mutable defaults: attrs would share one list (dict, set...) between instances."""
    for field in attrs.fields(cls):
        default = field.default
        if field.inherited or default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            continue
        # unhashable is the mark of a mutable value: list, dict, set, bytearray, a contract
        if type(default).__hash__ is None:
            kind = type(default)
            factory = kind.__name__ if kind in (list, dict, set, bytearray) else "lambda: ..."
            raise ContractDefinitionError(
                f"{cls.__qualname__}.{field.name}: default={default!r} would be one"
                f" {kind.__name__} shared by every instance; use member(..., factory={factory})"
            )


# Hints for types people reach for that .NET data contracts cannot carry as such.
_MAPPING_HINTS: Final[dict[Any, str]] = {
    datetime.datetime: "use nc.DateTime (DateTime.from_datetime converts)",
    datetime.date: "use nc.DateTime",
    dict: "declare a contract class for the object",
    tuple: "use list[T]",
    set: "use list[T]",
    frozenset: "use list[T]",
}


def _leaves(annotation: Any) -> Iterator[Any]:
    """The classes an annotation is made of (``list[X] | None`` -> list, X, NoneType)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _leaves(typing.get_args(annotation)[0])
        return
    if origin in (list, typing.Union, types.UnionType):  # what the resolver takes apart
        for arg in typing.get_args(annotation):
            yield from _leaves(arg)
        return
    # any other generic (dict[str, int], tuple[int, ...]) has no mapping as a whole
    yield annotation if origin is None else origin


def _may_become_contract(leaf: Any) -> bool:
    # a class of the user's own that is not a contract (yet): it may be decorated later (an
    # enum is decorated in place), so only its first use can tell
    if not isinstance(leaf, type) or "__netcontract__" in leaf.__dict__:
        return False
    top = leaf.__module__.partition(".")[0]
    return top != "builtins" and top not in sys.stdlib_module_names


def _type_text(tp: Any) -> str:
    if isinstance(tp, type):
        if tp.__module__ == "builtins":
            return tp.__qualname__
        return f"{tp.__module__}.{tp.__qualname__}"
    return repr(tp)


def _member_error(owner: str, attr: str, annotation: Any, exc: ContractDefinitionError) -> str:
    """``Owner.member: <type> has no .NET data-contract mapping (hint)`` from a resolver error."""
    for leaf in _leaves(annotation):
        try:
            resolve_annotation(leaf)
        except ContractDefinitionError:
            if not str(exc).endswith("has no .NET data-contract mapping"):
                break
            whole = "" if leaf is annotation else f" (in {_type_text(annotation)})"
            hint = _MAPPING_HINTS.get(leaf)
            return (
                f"{owner}.{attr}: {_type_text(leaf)} has no .NET data-contract mapping{whole}"
                + (f"; {hint}" if hint else "")
            )
    return f"{owner}.{attr}: {exc}"


def _check_annotations(
    cls: type,
    annotations: dict[str, Any],
    computed_members: dict[str, _Computed],
    local_names: dict[str, Any],
) -> None:
    """Report a member type without a .NET mapping at declaration, where that is certain.

    An annotation that cannot be evaluated yet (a class declared later) or that names a
    class of the user's that is not a contract yet stays lazy: :func:`contract_info` checks
    it on first use, with the same message.
    """
    wanted = dict(annotations)
    wanted.update({attr: spec.annotation for attr, spec in computed_members.items()})
    for attr, annotation in wanted.items():
        holder = type("_", (), {"__annotations__": {"v": annotation}, "__module__": cls.__module__})
        try:
            hint = typing.get_type_hints(holder, localns=local_names, include_extras=True)["v"]
        except Exception:  # noqa: S112 - not resolvable yet (a forward reference): lazy
            continue
        if (
            typing.get_origin(hint) is typing.ClassVar
            or any(_may_become_contract(leaf) for leaf in _leaves(hint))
            or _has_type_vars(hint)  # bound per closed generic, checked then
        ):
            continue
        try:
            resolve_annotation(hint)
        except ContractDefinitionError as exc:
            raise ContractDefinitionError(
                _member_error(cls.__qualname__, attr, hint, exc)
            ) from None


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


#: the open .NET generic contracts (never on the wire), by (XML namespace, declared name)
_OPEN_GENERICS: dict[tuple[str, str], type] = {}


def open_generic_contracts() -> list[type]:
    """The open .NET generic contracts declared so far (``ApiResponse``, closed by
    ``ApiResponse[Customer]``): names the command line's ``--type`` accepts."""
    return list(_OPEN_GENERICS.values())


def known_contracts() -> dict[tuple[str, str], type]:
    """All contracts declared so far, by (XML namespace, contract name)."""
    return dict(_REGISTRY)


def find_contract(xml_namespace: str, name: str) -> type | None:
    """The contract declared with this XML namespace and name, if any.

    When none is known yet, the modules registered under the ``netcontract.contracts``
    entry point group are imported (once per process) and the name is looked up again.
    """
    found = _REGISTRY.get((xml_namespace, name))
    if found is None and not _entry_points_loaded:
        load_contract_entry_points()
        found = _REGISTRY.get((xml_namespace, name))
    return found


#: packages list the modules that declare their contracts in this entry point group
#: (``[project.entry-points."netcontract.contracts"] vehizen = "vehizen"``), so that a root
#: element or an ``i:type`` finds them without an import by the caller
ENTRY_POINT_GROUP: Final = "netcontract.contracts"
_entry_points_loaded = False
_entry_point_failures: dict[str, str] = {}
_entry_point_lock = threading.RLock()


def load_contract_entry_points() -> dict[str, str]:
    """Import every module registered under the ``netcontract.contracts`` entry point group.

    Done once per process (later calls return at once). A module that fails to import does
    not stop the others; the failures are returned, by entry point name, and named by
    :func:`unknown_root_message`.
    """
    global _entry_points_loaded  # noqa: PLW0603 - a once-per-process flag
    with _entry_point_lock:
        if _entry_points_loaded:
            return dict(_entry_point_failures)
        _entry_points_loaded = True  # first: a registered module may look contracts up itself
        for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                entry.load()
            except Exception as exc:  # one broken package must not hide others
                _entry_point_failures[entry.name] = f"{type(exc).__name__}: {exc}"
        return dict(_entry_point_failures)


def unknown_root_message(xml_namespace: str, name: str) -> str:
    """Why no contract was found for a root element, and what to do about it."""
    message = f"no known contract has the root element {name!r} from namespace {xml_namespace!r}"
    elsewhere = sorted(ns for (ns, local) in _REGISTRY if local == name)
    if elsewhere:
        listed = ", ".join(repr(ns) for ns in elsewhere[:3])
        more = f" and {len(elsewhere) - 3} more" if len(elsewhere) > 3 else ""
        message += f" (a contract {name!r} exists in namespace {listed}{more})"
    else:
        message += (
            "; import the module that declares it (or pass its class), or register that"
            f" module under the {ENTRY_POINT_GROUP!r} entry point group"
        )
    for entry, failure in sorted(_entry_point_failures.items()):
        message += f"; entry point {entry!r} failed to load: {failure}"
    return message


def __getattr__(name: str) -> Any:
    # contract_info, ContractInfo and Member live in netcontract.model.plan; still importable here
    if name in ("ContractInfo", "Member", "contract_info"):
        from netcontract.model import plan  # noqa: PLC0415 - plan imports this module

        return getattr(plan, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

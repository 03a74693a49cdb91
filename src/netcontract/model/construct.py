"""Making a contract instance on the reference paths, with the class's own code contained.

A contract class may run code of its own when it is made: attrs validators and converters,
``__attrs_post_init__``. Whatever they raise is the class refusing the values of a
document, so it becomes a :class:`~netcontract.Problem` of that document (at the member an
attrs validator names, else at the object), never an exception of another family.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

from netcontract.limits import FAILED, ReadContext
from netcontract.model import paths as _paths
from netcontract.model.plan import ContractInfo, Member

__all__ = ["allocate", "construct", "missing_required"]

_QUOTED_ATTRIBUTE: Final = re.compile(r"'(\w+)' ")
_MISSING: Final = re.compile(r"__init__\(\) missing \d+ required [\w-]* ?arguments?: (.*)")
_QUOTED: Final = re.compile(r"'(\w+)'")


def construct(
    info: ContractInfo,
    kwargs: dict[str, Any],
    path: str,
    ctx: ReadContext,
    element: Any = None,
    into: Any = None,
) -> Any:
    """``info.cls(**kwargs)``, or FAILED with the problem recorded when the class refuses.

    ``into`` (an is_reference object made by :func:`allocate` before its members were read,
    so that they may refer to it) is initialized in place instead: ``__init__`` on it, which
    sets frozen attrs classes too.
    """
    try:
        if into is not None:
            type(into).__init__(into, **info.init_kwargs(kwargs))
            return into
        return info.cls(**info.init_kwargs(kwargs))
    except MemoryError:
        raise
    except Exception as exc:  # any exception of the class's own code
        missing = _MISSING.search(str(exc)) if type(exc) is TypeError else None
        if missing is None:
            ctx.problem(*_where_and_what(info, exc, path), element)
            return FAILED
        for attr in _QUOTED.findall(missing.group(1)):  # a member without a default
            ctx.problem(
                _member_path(info, attr, path),
                f"missing, and {info.cls.__name__} declares no default for it",
                element,
            )
        return FAILED


def allocate(cls: type) -> Any:
    """An instance of ``cls`` before ``__init__`` (what a z:Id or ``$id`` names while its
    members are read: a cycle refers to it). attrs classes need nothing else."""
    return object.__new__(cls)


def missing_required(
    members: tuple[Member, ...],
    kwargs: dict[str, Any],
    path: str,
    ctx: ReadContext,
    element: Any = None,
) -> bool:
    """Record each ``is_required`` member of ``members`` absent from ``kwargs``; True if any."""
    missing = False
    for m in members:
        if m.is_required and m.computed is None and m.attr not in kwargs:
            # .NET refuses the document (DCS: "Expecting element ..."; Json.NET: "Required
            # property ... not found in JSON")
            ctx.problem(
                _paths.join(path, m.wire_name), "missing, and it is required (is_required)", element
            )
            missing = True
    return missing


def _where_and_what(info: ContractInfo, exc: Exception, path: str) -> tuple[str, str]:
    # attrs' validators raise (message, Attribute, ...) or "'attr' must be ...": the
    # attribute names the member
    message = exc.args[0] if len(exc.args) > 1 and isinstance(exc.args[0], str) else str(exc)
    named = next((a.name for a in exc.args if isinstance(a, attrs.Attribute)), None)
    if named is None:
        quoted = _QUOTED_ATTRIBUTE.match(message)
        named = None if quoted is None else quoted.group(1)
    where = path if named is None else _member_path(info, named, path)
    return where, f"{info.cls.__name__} refused the value: {type(exc).__name__}: {message}"


def _member_path(info: ContractInfo, attr: str, path: str) -> str:
    """The path of the member of attribute ``attr`` (``path`` itself if there is none)."""
    for m in (*info.json_members, *info.xml_members):
        if m.attr == attr:
            return _paths.join(path, m.wire_name)
    return path

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

from netcontract import _paths
from netcontract._contract import ContractInfo
from netcontract._limits import ReadContext

__all__ = ["FAILED", "construct"]

_QUOTED_ATTRIBUTE: Final = re.compile(r"'(\w+)' ")

#: returned by a reader or writer that recorded a problem
FAILED: Final = object()


def construct(
    info: ContractInfo, kwargs: dict[str, Any], path: str, ctx: ReadContext, element: Any = None
) -> Any:
    """``info.cls(**kwargs)``, or FAILED with the problem recorded when the class refuses."""
    try:
        return info.cls(**kwargs)
    except MemoryError:
        raise
    except Exception as exc:  # any exception of the class's own code
        ctx.problem(*_where_and_what(info, exc, path), element)
        return FAILED


def _where_and_what(info: ContractInfo, exc: Exception, path: str) -> tuple[str, str]:
    # attrs' validators raise (message, Attribute, ...) or "'attr' must be ...": the
    # attribute names the member
    message = exc.args[0] if len(exc.args) > 1 and isinstance(exc.args[0], str) else str(exc)
    named = next((a.name for a in exc.args if isinstance(a, attrs.Attribute)), None)
    if named is None:
        quoted = _QUOTED_ATTRIBUTE.match(message)
        named = None if quoted is None else quoted.group(1)
    where = path
    for m in (*info.json_members, *info.xml_members):
        if m.attr == named:
            where = _paths.join(path, m.wire_name)
            break
    return where, f"{info.cls.__name__} refused the value: {type(exc).__name__}: {message}"

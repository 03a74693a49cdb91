"""XML names of members: ``XmlConvert.EncodeLocalName`` as DataContractSerializer applies it.

A wire name that is not an XML NCName for System.Xml (a space, a leading digit, ``:``, a
character outside the XML 1.0 4th-edition name tables) travels as ``_xHHHH_`` escapes, and
DataContractSerializer sorts members by the encoded name (ENGINE_FINDINGS.md #3).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

__all__ = ["clark", "encode_local_name"]

_ASCII_START: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ASCII_NAME: Final = _ASCII_START | frozenset("0123456789.-")
_ESCAPE_LOOKALIKE: Final = re.compile(r"_x[0-9A-Fa-f]{4}_|_x[0-9A-Fa-f]{8}_")
# The 4th-edition tables (Unicode 2.0) stop before the compatibility and specials blocks.
_LAST_NAME_CHAR: Final = 0xF8FF
_START_CATEGORIES: Final = frozenset({"Ll", "Lu", "Lo", "Lt", "Nl"})
_NAME_CATEGORIES: Final = _START_CATEGORIES | {"Mc", "Mn", "Lm", "Nd"}


def _allowed(char: str, start: bool) -> bool:
    if char.isascii():
        return char in (_ASCII_START if start else _ASCII_NAME)
    code = ord(char)
    if code > _LAST_NAME_CHAR:
        return False
    if code == 0xB7 and not start:
        return True
    category = unicodedata.category(char)
    return category in (_START_CATEGORIES if start else _NAME_CATEGORIES)


def _escape(char: str) -> str:
    code = ord(char)
    return f"_x{code:04X}_" if code <= 0xFFFF else f"_x{code:08X}_"


@cache
def encode_local_name(name: str) -> str:
    """The element name .NET writes for a member called ``name``.

    DataContract.EncodeLocalName leaves a name that is already an NCName alone (``_x0041_``
    stays ``_x0041_``); only a name that needs an escape goes through
    ``XmlConvert.EncodeLocalName``, which then also escapes the underscores of look-alike
    escapes (``a b_x0041_`` -> ``a_x0020_b_x005F_x0041_``). Mono: test_byte_rules.py.
    """
    if name and all(_allowed(char, start=index == 0) for index, char in enumerate(name)):
        return name
    out: list[str] = []
    index = 0
    while index < len(name):
        char = name[index]
        if char == "_" and _ESCAPE_LOOKALIKE.match(name, index):
            # an underscore that would read as an escape is itself escaped
            out.append("_x005F_")
        elif _allowed(char, start=index == 0):
            out.append(char)
        else:
            out.append(_escape(char))
        index += 1
    return "".join(out)


def clark(namespace: str, name: str) -> str:
    """The name of an element as lxml gives it: ``{namespace}name``, or ``name`` alone in no
    namespace (a contract declared with ``Namespace=""``)."""
    return f"{{{namespace}}}{name}" if namespace else name

"""Extension data: the members a contract does not know, kept to be written back.

.NET's ``IExtensibleDataObject``: a contract declared ``@contract(..., extension_data=True)``
keeps, on its instances' ``extension_data`` attribute, the unknown members of the document
it was read from, as .NET's ``ExtensionDataObject`` keeps them (a tree of data nodes, not the
text), and the writer of the same format writes them back where .NET writes them. The
readers build these objects (``xml/read.py``, ``json/wcf_read.py``); the writers consume them.
"""

from __future__ import annotations

from typing import Final, Literal

import attrs

__all__ = [
    "EXTENSION_ATTR",
    "ExtensionData",
    "ExtensionMember",
    "ExtensionNode",
    "RawElement",
]

#: the instance attribute holding the extension data (not a member: no wire name)
EXTENSION_ATTR: Final = "extension_data"


@attrs.frozen
class RawElement:
    """An XML element kept as it was (.NET's ``XmlDataNode``: an unknown member carrying
    attributes of its own): its prefix, the namespaces it declared, attributes in document
    order and its content: text and elements (comments and processing instructions, which
    .NET keeps, are dropped by netcontract's parser)."""

    namespace: str
    name: str
    prefix: str
    #: (prefix, namespace) declared on the element in the document ("" prefix: default)
    declarations: tuple[tuple[str, str], ...] = ()
    #: (namespace, prefix, name, value)
    attributes: tuple[tuple[str, str, str, str], ...] = ()
    content: tuple[RawElement | str, ...] = ()


@attrs.frozen
class ExtensionNode:
    """One unknown value, as .NET's data nodes hold it.

    - ``nil``: ``i:nil="true"`` (.NET drops its other attributes and its type);
    - ``text``: an element holding text only (``type`` from its ``i:type``, when it names a
      primitive the text is the value as .NET writes it again: ``1.50`` as ``1.5``);
    - ``class``: an element holding elements (its ``members``), or nothing;
    - ``xml``: an element with attributes of its own, kept whole in ``raw``;
    - ``json``: a WCF JSON value (``value``: None, bool, the number's text, str, a list of
      nodes, or members for an object; ``type`` is its ``__type``).
    """

    kind: Literal["nil", "text", "class", "xml", "json"]
    #: the i:type (namespace, name); for ``json`` objects, the ``__type`` text
    type: tuple[str, str] | None = None
    text: str = ""
    members: tuple[ExtensionMember, ...] = ()
    raw: RawElement | None = None
    #: ``json``: "null", "bool", "number", "string", "array" or "object"
    json_kind: str = ""
    items: tuple[ExtensionNode, ...] = ()


@attrs.frozen
class ExtensionMember:
    """An unknown member: its element name and namespace, its value, and where it was."""

    name: str
    namespace: str
    value: ExtensionNode
    #: the index of the known member (in DataContractSerializer order, over the whole class
    #: hierarchy) it came after; -1 before the first. .NET writes it back after that member
    after: int = -1


@attrs.frozen
class ExtensionData:
    """The unknown members of one object, as read (``.NET ExtensionDataObject``).

    It is opaque, as .NET's is: not compared by ``==`` and not shown by ``repr`` of the
    contract. ``format`` is the format it was read from (``"xml"`` or ``"wcf_json"``): it is
    written back in that format only.
    """

    format: Literal["xml", "wcf_json"]
    members: tuple[ExtensionMember, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.members)

"""The Python twins of ``dotnet/ExtensionData.cs``'s Ext.V1 contracts (IExtensibleDataObject)."""

from __future__ import annotations

import netcontract as nc


@nc.contract("ExtData", extension_data=True)
class Base:
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0)


@nc.contract("ExtData")
class Derived(Base):  # inherits extension_data, as a derived .NET class its interface
    c: str | None = nc.member("C", default=None)
    p: nc.Int32 = nc.member("P", default=0)


@nc.contract("ExtData", extension_data=True, known_types=(Derived,))  # [KnownType]
class Holder:
    item: Base | None = nc.member("Item", default=None)
    items: list[Base | None] | None = nc.member("Items", default=None)
    name: str | None = nc.member("Name", default=None)


@nc.contract("ExtData")
class Plain:  # no extension data: unknown members are ignored, as before
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0)


@nc.contract("ExtData", extension_data=True)
class Quiet:  # M left out at its default: the unknown members after it stay in place
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0, emit_default_value=False)
    z: str | None = nc.member("Z", default=None)

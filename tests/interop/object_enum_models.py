"""The Python twins of ``dotnet/ObjectEnums.cs``: enums an ``object`` member holds, and
collection contracts of enums as the document, written with and without Json.NET's
StringEnumConverter; ``CASES`` are the values the twin writes, by the name it prints."""

from __future__ import annotations

import enum
from typing import Any

import netcontract as nc


@nc.contract("ObjectEnums.Test")
class Currency(nc.ContractEnum):
    Euro = nc.enum_member(1, "EUR")  # [EnumMember(Value = "EUR")]
    Dollar = nc.enum_member(2, "USD")
    Pound = 3  # [EnumMember]
    Hidden = nc.enum_member(4, serializable=False)  # no [EnumMember]


@nc.contract("ObjectEnums.Test")
class Channels(nc.ContractFlag):
    None_ = nc.enum_member(0, "None")
    Web = 1
    Mobile = nc.enum_member(2, "mobile-app")
    Store = 4
    All = nc.enum_member(7, "all")


# enums that are no contract: their Python names, as a C# enum without [DataContract]
Plain = enum.IntEnum("Plain", {"First": 1, "Second": 2})
PlainFlags = enum.IntFlag("PlainFlags", {"First": 1, "Second": 2, "Fourth": 4})


@nc.contract("ObjectEnums.Test")
class Holder:
    o: object = nc.member("O", default=None)


@nc.collection_contract("ObjectEnums.Test")
class Currencies(list[Currency]):
    pass


@nc.collection_contract("ObjectEnums.Test")
class ChannelsList(list[Channels]):
    pass


CASES: dict[str, Any] = {
    "currency-euro": Holder(o=Currency.Euro),
    "currency-pound": Holder(o=Currency.Pound),
    "currency-hidden": Holder(o=Currency.Hidden),
    "currency-9": Holder(o=Currency(9)),
    "channels-web-mobile": Holder(o=Channels.Web | Channels.Mobile),
    "channels-all": Holder(o=Channels.All),
    "channels-none": Holder(o=Channels.None_),
    "channels-15": Holder(o=Channels(15)),
    "plain-first": Holder(o=Plain(1)),
    "plain-3": Holder(o=3),
    "plain-flags-3": Holder(o=PlainFlags(3)),
    "plain-flags-7": Holder(o=PlainFlags(7)),
    "plain-flags-8": Holder(o=PlainFlags(8)),
    "currencies": Currencies([Currency.Euro, Currency.Pound, Currency(9)]),
    "channels-list": ChannelsList([Channels.Web | Channels.Store, Channels.None_]),
}

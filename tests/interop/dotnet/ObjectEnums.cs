// Json.NET 6.0.8's StringEnumConverter on enums an `object` member holds, and on a
// [CollectionDataContract] of enums written as the document (the twin of
// tests/interop/test_object_enum_interop.py; the bytes are pinned without Mono in
// tests/netcontract/json/test_object_member_enums.py).
// Prints one line per case: "<name> <converter> <camel text> <no converter>", each a document
// Json.NET wrote (no spaces but those inside the strings, so the line is split on " | ").
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace ObjectEnums.Test {
    [DataContract]
    public enum Currency {
        [EnumMember(Value = "EUR")] Euro = 1,
        [EnumMember(Value = "USD")] Dollar = 2,
        [EnumMember] Pound = 3,
        Hidden = 4,
    }

    [Flags]
    [DataContract]
    public enum Channels {
        [EnumMember(Value = "None")] None = 0,
        [EnumMember] Web = 1,
        [EnumMember(Value = "mobile-app")] Mobile = 2,
        [EnumMember] Store = 4,
        [EnumMember(Value = "all")] All = 7,
    }

    // an enum that is no data contract (what a Python IntEnum or IntFlag stands for)
    public enum Plain { First = 1, Second = 2 }

    [Flags]
    public enum PlainFlags { First = 1, Second = 2, Fourth = 4 }

    [DataContract]
    public class Holder { [DataMember(Name = "O")] public object O; }

    [CollectionDataContract]
    public class Currencies : List<Currency> {}

    [CollectionDataContract]
    public class ChannelsList : List<Channels> {}

    public static class ObjectEnums {
        static void Line(string name, object value) {
            var converter = new JsonSerializerSettings();
            converter.Converters.Add(new StringEnumConverter());
            var camel = new JsonSerializerSettings();
            camel.Converters.Add(new StringEnumConverter { CamelCaseText = true });
            Console.WriteLine(name + " | " + JsonConvert.SerializeObject(value, converter) + " | "
                + JsonConvert.SerializeObject(value, camel) + " | "
                + JsonConvert.SerializeObject(value, new JsonSerializerSettings()));
        }

        public static void Main() {
            Line("currency-euro", new Holder { O = Currency.Euro });
            Line("currency-pound", new Holder { O = Currency.Pound });
            Line("currency-hidden", new Holder { O = Currency.Hidden });
            Line("currency-9", new Holder { O = (Currency)9 });
            Line("channels-web-mobile", new Holder { O = Channels.Web | Channels.Mobile });
            Line("channels-all", new Holder { O = Channels.All });
            Line("channels-none", new Holder { O = Channels.None });
            Line("channels-15", new Holder { O = (Channels)15 });
            Line("plain-first", new Holder { O = Plain.First });
            Line("plain-3", new Holder { O = (Plain)3 });
            Line("plain-flags-3", new Holder { O = PlainFlags.First | PlainFlags.Second });
            Line("plain-flags-7", new Holder { O = (PlainFlags)7 });
            Line("plain-flags-8", new Holder { O = (PlainFlags)8 });
            Line("currencies", new Currencies { Currency.Euro, Currency.Pound, (Currency)9 });
            Line("channels-list", new ChannelsList { Channels.Web | Channels.Store, Channels.None });
        }
    }
}

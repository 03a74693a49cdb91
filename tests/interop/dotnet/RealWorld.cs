// Contracts declared as real WCF / Web API code declares them (tests/interop/test_real_world_interop.py,
// Python twins in ../real_world_models.py): a URI namespace, [DataMember(Name, Order, IsRequired,
// EmitDefaultValue)], [EnumMember(Value)] and [Flags] enums, a plain enum, three levels of
// inheritance, Result<List<Order>>, a dictionary of lists, nullable enums, byte[], char, TimeSpan,
// DateTimeOffset, Uri, decimals with a scale, object members. Built in C#, written as
// DataContractSerializer XML (path B, compact and indented), as Json.NET JSON under each settings
// name given as an argument (and read back by Json.NET, written as XML), exported as XSD; then
// the StringEnumConverter cases (Contoso.Probe). Run with TZ=UTC.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Contoso.Shop.Common
{
    [DataContract(Namespace = "http://contoso.com/shop/common/2024")]
    public enum Currency
    {
        [EnumMember(Value = "EUR")] Euro = 1,
        [EnumMember(Value = "USD")] Dollar = 2,
        [EnumMember] Pound = 3,
    }

    [Flags]
    [DataContract(Namespace = "http://contoso.com/shop/common/2024")]
    public enum Channels
    {
        [EnumMember] None = 0,
        [EnumMember] Web = 1,
        [EnumMember(Value = "mobile-app")] Mobile = 2,
        [EnumMember] Store = 4,
    }

    [DataContract(Namespace = "http://contoso.com/shop/common/2024")]
    public class Money
    {
        [DataMember(IsRequired = true, Order = 0)] public decimal Amount { get; set; }
        [DataMember(EmitDefaultValue = false, Order = 1)] public Currency? Currency { get; set; }
    }

    [DataContract(Name = "Entity", Namespace = "http://contoso.com/shop/common/2024")]
    public abstract class EntityBase
    {
        [DataMember(Name = "id", IsRequired = true, Order = 0)] public Guid Id { get; set; }
        [DataMember(Name = "created", Order = 1)] public DateTimeOffset Created { get; set; }
        [DataMember(EmitDefaultValue = false, Order = 2)] public long Version { get; set; }
    }
}

namespace Contoso.Shop.Orders
{
    using Contoso.Shop.Common;

    public enum OrderStatus { Draft = 0, Placed = 1, Shipped = 5, Cancelled = -1 }

    [DataContract]
    public class AuditedEntity : EntityBase
    {
        [DataMember(EmitDefaultValue = false)] public string ModifiedBy { get; set; }
        [DataMember] public DateTime? ModifiedAt { get; set; }
    }

    [DataContract(Name = "OrderLine")]
    public class Line
    {
        [DataMember(Order = 1)] public string Sku { get; set; }
        [DataMember(Order = 2)] public decimal UnitPrice { get; set; }
        [DataMember(Order = 2)] public int Quantity { get; set; }
        [DataMember(Order = 3, EmitDefaultValue = false)] public double Discount { get; set; }
        [DataMember] public char Grade { get; set; }
    }

    [DataContract]
    public class Order : AuditedEntity
    {
        [DataMember(Order = 1)] public List<Line> Lines { get; set; }
        [DataMember(Name = "total", Order = 2)] public Money Total { get; set; }
        [DataMember] public Channels Channel { get; set; }
        [DataMember] public OrderStatus? Status { get; set; }
        [DataMember] public byte[] Signature { get; set; }
        [DataMember] public TimeSpan HoldFor { get; set; }
        [DataMember] public Uri Link { get; set; }
        [DataMember] public object Tag { get; set; }
        [DataMember] public Dictionary<string, List<int>> Buckets { get; set; }
        [DataMember] public List<Currency> Accepted { get; set; }
    }

    [DataContract]
    public class PriorityOrder : Order
    {
        [DataMember(IsRequired = true)] public int Priority { get; set; }
    }

    [DataContract]
    public class Result<T>
    {
        [DataMember(Order = 0)] public bool Success { get; set; }
        [DataMember(Order = 1, EmitDefaultValue = false)] public T Value { get; set; }
        [DataMember(Order = 2)] public List<string> Errors { get; set; }
    }
}


namespace Contoso.Inventory
{
    using Contoso.Shop.Common;

    [DataContract(Namespace = "urn:contoso:inventory")]
    [KnownType(typeof(Money))]
    public class Stock
    {
        [DataMember] public Dictionary<Currency, decimal> Prices { get; set; }
        [DataMember] public Dictionary<Guid, List<string>> Tags { get; set; }
        [DataMember] public Dictionary<string, Dictionary<string, int>> Nested { get; set; }
        [DataMember(EmitDefaultValue = false)] public Channels Flags { get; set; }
        [DataMember] public List<Channels?> History { get; set; }
        [DataMember] public char? MaybeChar { get; set; }
        [DataMember] public DateTimeOffset? When { get; set; }
        [DataMember] public TimeSpan? Wait { get; set; }
        [DataMember] public List<byte[]> Blobs { get; set; }
        [DataMember] public object Any { get; set; }
        [DataMember] public string URLValue { get; set; }
        [DataMember(Name = "ID")] public int Id { get; set; }
        [DataMember] public DateTime Stamp { get; set; }
        [DataMember] public DateTime Plain { get; set; }
        [DataMember] public double Ratio { get; set; }
        [DataMember] public float? Weight { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:inventory")]
    [KnownType(typeof(Money))]
    public class Shared
    {
        [DataMember] public object Any { get; set; }
        [DataMember] public Money M { get; set; }
        [DataMember] public object L { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:inventory")]
    public class Links
    {
        [DataMember] public Uri Home { get; set; }
        [DataMember] public List<Uri> Mirrors { get; set; }
        [DataMember] public Dictionary<string, Uri> ByName { get; set; }
    }
}

namespace Contoso.Shapes
{
    using Contoso.Shop.Common;

    [DataContract(Name = "CurrencyCode", Namespace = "urn:contoso:shapes")]
    public enum Code { [EnumMember] Eur = 0, [EnumMember(Value = "usd")] Usd = 1 }

    [DataContract(Name = "PageOf{0}With{1}", Namespace = "urn:contoso:shapes")]
    public class Page<T, U>
    {
        [DataMember] public List<T> Items { get; set; }
        [DataMember] public U Extra { get; set; }
        [DataMember] public int Total { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:shapes")]
    public class Outer
    {
        [DataContract(Namespace = "urn:contoso:shapes")]
        public class Note { [DataMember] public string Text { get; set; } }

        [DataMember] public Note First { get; set; }
        [DataMember] public List<Note> Notes { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:shapes")]
    public class Maps
    {
        [DataMember] public List<Dictionary<string, Money>> ListOfMaps { get; set; }
        [DataMember] public Dictionary<string, List<Money>> MapOfArrays { get; set; }
        [DataMember] public Dictionary<int, Dictionary<Guid, Code?>> Deep { get; set; }
        [DataMember] public List<List<decimal?>> Grid { get; set; }
        [DataMember] public Dictionary<Code, string> ByCode { get; set; }
        [DataMember] public Contoso.Shop.Orders.Result<Contoso.Shop.Orders.Result<int>> Nested { get; set; }
        [DataMember] public Page<Money, Code?> Page { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:shapes")]
    [KnownType(typeof(Circle))]
    [KnownType(typeof(Square))]
    public class Shape { [DataMember] public string Name { get; set; } }

    [DataContract(Namespace = "urn:contoso:shapes")]
    public class Square : Shape { [DataMember] public int Side { get; set; } }

    // not a known type of Shape: a Shape serializer refuses it
    [DataContract(Namespace = "urn:contoso:shapes")]
    public class Triangle : Shape { [DataMember] public int Sides { get; set; } }

    [DataContract(Namespace = "urn:contoso:shapes", IsReference = true)]
    [KnownType(typeof(Node))]
    public class Entity { [DataMember] public string Key { get; set; } }

    [DataContract(Namespace = "urn:contoso:shapes:more")]
    public class Node : Entity { [DataMember] public Entity Parent { get; set; } }

    [DataContract(Namespace = "urn:contoso:shapes:more")]
    public class Circle : Shape { [DataMember] public double Radius { get; set; } }

    // a constructor: Json.NET runs it for a missing member, DataContractSerializer does not
    [DataContract(Namespace = "urn:contoso:shapes")]
    public class WithInit
    {
        public WithInit() { Quantity = 1; Lines = new List<string>(); }
        [DataMember] public int Quantity { get; set; }
        [DataMember] public List<string> Lines { get; set; }
    }

    [DataContract(Namespace = "urn:contoso:shapes")]
    public class Drawing
    {
        [DataMember] public Shape Main { get; set; }
        [DataMember] public List<Shape> All { get; set; }
    }
}

namespace Contoso.Probe
{
    [DataContract] public enum Currency { [EnumMember(Value = "EUR")] Euro = 1, [EnumMember(Value = "USD")] Dollar = 2, [EnumMember] Pound = 3, Hidden = 4 }
    [Flags] [DataContract] public enum Channels { [EnumMember] None = 0, [EnumMember] Web = 1, [EnumMember(Value = "mobile-app")] Mobile = 2, [EnumMember] Store = 4, [EnumMember(Value = "all")] All = 7 }
    [Flags] public enum NoZero { A = 1, B = 2, AB = 3, C = 8 }
    public class Holder { public Currency C; public Channels F; public NoZero N; public Currency? NC; }
}

public static class RealWorld
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    static Contoso.Shop.Orders.Order FullOrder()
    {
        return new Contoso.Shop.Orders.Order
        {
            Id = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            Created = new DateTimeOffset(2024, 3, 1, 10, 30, 0, 125, TimeSpan.FromHours(2)).AddTicks(4567),
            Version = 7,
            ModifiedBy = "alice <ops> & \"bob\"",
            ModifiedAt = new DateTime(2024, 3, 2, 8, 0, 0, DateTimeKind.Utc),
            Lines = new List<Contoso.Shop.Orders.Line>
            {
                new Contoso.Shop.Orders.Line { Sku = "A-1", UnitPrice = 19.90m, Quantity = 2, Discount = 0.15, Grade = 'A' },
                new Contoso.Shop.Orders.Line { Sku = "B-2", UnitPrice = 1.000m, Quantity = 0, Grade = '\u00e9' },
                null,
            },
            Total = new Contoso.Shop.Common.Money { Amount = 40.800m, Currency = Contoso.Shop.Common.Currency.Euro },
            Channel = Contoso.Shop.Common.Channels.Web | Contoso.Shop.Common.Channels.Mobile,
            Status = Contoso.Shop.Orders.OrderStatus.Cancelled,
            Signature = new byte[] { 0, 1, 2, 250, 255 },
            HoldFor = new TimeSpan(1, 2, 3, 4, 500),
            Link = new Uri("https://contoso.com/orders/42?x=1&y=%20z"),
            Tag = "urgent",
            Buckets = new Dictionary<string, List<int>> { { "a", new List<int> { 1, 2 } }, { "empty", new List<int>() }, { "none", null } },
            Accepted = new List<Contoso.Shop.Common.Currency> { Contoso.Shop.Common.Currency.Dollar, Contoso.Shop.Common.Currency.Pound },
        };
    }

    static Contoso.Shop.Orders.PriorityOrder Priority()
    {
        return new Contoso.Shop.Orders.PriorityOrder
        {
            Id = new Guid("00000000-0000-0000-0000-000000000001"),
            Created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-330)),
            ModifiedAt = new DateTime(2024, 3, 2, 8, 0, 0, DateTimeKind.Local),
            Total = new Contoso.Shop.Common.Money { Amount = 0m },
            Channel = Contoso.Shop.Common.Channels.None,
            Status = Contoso.Shop.Orders.OrderStatus.Draft,
            Signature = new byte[0],
            HoldFor = TimeSpan.FromTicks(-1),
            Tag = 5,
            Priority = 0,
        };
    }

    static object Sample(string name)
    {
        switch (name)
        {
            case "order_full": return FullOrder();
            case "order_empty": return new Contoso.Shop.Orders.Order();
            case "priority": return Priority();
            case "money": return new Contoso.Shop.Common.Money { Amount = -0.00m };
            case "line": return new Contoso.Shop.Orders.Line { Sku = "", UnitPrice = 79228162514264337593543950335m, Quantity = int.MinValue, Discount = -0.0, Grade = '\0' };
            case "stock":
                return new Contoso.Inventory.Stock
                {
                    Prices = new Dictionary<Contoso.Shop.Common.Currency, decimal> { { Contoso.Shop.Common.Currency.Euro, 1.50m }, { Contoso.Shop.Common.Currency.Pound, 2m } },
                    Tags = new Dictionary<Guid, List<string>> { { new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), new List<string> { "x", null } } },
                    Nested = new Dictionary<string, Dictionary<string, int>> { { "Outer", new Dictionary<string, int> { { "Inner", 1 } } }, { "e", null } },
                    Flags = Contoso.Shop.Common.Channels.Store,
                    History = new List<Contoso.Shop.Common.Channels?> { null, Contoso.Shop.Common.Channels.None, Contoso.Shop.Common.Channels.Web | Contoso.Shop.Common.Channels.Store },
                    MaybeChar = '"',
                    When = new DateTimeOffset(2024, 6, 30, 23, 59, 59, TimeSpan.Zero),
                    Wait = TimeSpan.FromMilliseconds(-1500),
                    Blobs = new List<byte[]> { new byte[] { 1 }, null, new byte[0] },
                    Any = new Contoso.Shop.Common.Money { Amount = 3.14m, Currency = Contoso.Shop.Common.Currency.Dollar },
                    URLValue = "http://x",
                    Id = 42,
                    Stamp = new DateTime(2024, 7, 1, 12, 0, 0, 500, DateTimeKind.Local),
                    Plain = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Unspecified),
                    Ratio = 1.0 / 3,
                    Weight = 0.1f,
                };
            case "stock_empty": return new Contoso.Inventory.Stock();
            case "maps":
            {
                // a new Money each time: Json.NET's PreserveReferencesHandling would share one
                Func<Contoso.Shop.Common.Money> money = () => new Contoso.Shop.Common.Money { Amount = 1.10m, Currency = Contoso.Shop.Common.Currency.Dollar };
                return new Contoso.Shapes.Maps
                {
                    ListOfMaps = new List<Dictionary<string, Contoso.Shop.Common.Money>> { new Dictionary<string, Contoso.Shop.Common.Money> { { "m", money() }, { "n", null } }, null },
                    MapOfArrays = new Dictionary<string, List<Contoso.Shop.Common.Money>> { { "a", new List<Contoso.Shop.Common.Money> { money(), null } }, { "b", new List<Contoso.Shop.Common.Money>() } },
                    Deep = new Dictionary<int, Dictionary<Guid, Contoso.Shapes.Code?>> { { -1, new Dictionary<Guid, Contoso.Shapes.Code?> { { Guid.Empty, null }, { new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Contoso.Shapes.Code.Usd } } } },
                    Grid = new List<List<decimal?>> { new List<decimal?> { 1.0m, null }, new List<decimal?>(), null },
                    ByCode = new Dictionary<Contoso.Shapes.Code, string> { { Contoso.Shapes.Code.Usd, "dollar" }, { Contoso.Shapes.Code.Eur, null } },
                    Nested = new Contoso.Shop.Orders.Result<Contoso.Shop.Orders.Result<int>> { Success = true, Value = new Contoso.Shop.Orders.Result<int> { Value = 3 } },
                    Page = new Contoso.Shapes.Page<Contoso.Shop.Common.Money, Contoso.Shapes.Code?> { Items = new List<Contoso.Shop.Common.Money> { money() }, Extra = Contoso.Shapes.Code.Eur, Total = 1 },
                };
            }
            case "outer":
                return new Contoso.Shapes.Outer { First = new Contoso.Shapes.Outer.Note { Text = "t" }, Notes = new List<Contoso.Shapes.Outer.Note> { null, new Contoso.Shapes.Outer.Note() } };
            case "drawing":
                return new Contoso.Shapes.Drawing
                {
                    Main = new Contoso.Shapes.Circle { Name = "base", Radius = 2.5 },
                    All = new List<Contoso.Shapes.Shape> { new Contoso.Shapes.Shape { Name = "s" }, new Contoso.Shapes.Circle { Radius = -1.5 }, null },
                };
            case "result_shape":
                return new Contoso.Shop.Orders.Result<Contoso.Shapes.Shape>
                {
                    Success = true,
                    Value = new Contoso.Shapes.Circle { Name = "c", Radius = 3 },
                    Errors = new List<string> { "" },
                };
            case "circle_as_shape": return new Contoso.Shapes.Circle { Name = "n", Radius = 1e-7 };
            case "result_orders":
                return new Contoso.Shop.Orders.Result<List<Contoso.Shop.Orders.Order>>
                {
                    Success = true,
                    Value = new List<Contoso.Shop.Orders.Order> { FullOrder(), new Contoso.Shop.Orders.Order() },
                    Errors = new List<string>(),
                };
            case "result_empty":
                return new Contoso.Shop.Orders.Result<List<Contoso.Shop.Orders.Order>> { Errors = new List<string> { "x", null } };
            case "result_int":
                return new Contoso.Shop.Orders.Result<int?> { Success = true, Value = 0 };
            case "result_money":
                return new Contoso.Shop.Orders.Result<Contoso.Shop.Common.Money> { Value = new Contoso.Shop.Common.Money { Amount = 2.5m, Currency = Contoso.Shop.Common.Currency.Pound } };
        }
        throw new ArgumentException(name);
    }

    static Type TypeOf(string name)
    {
        switch (name)
        {
            case "Order": return typeof(Contoso.Shop.Orders.Order);
            case "PriorityOrder": return typeof(Contoso.Shop.Orders.PriorityOrder);
            case "Money": return typeof(Contoso.Shop.Common.Money);
            case "Line": return typeof(Contoso.Shop.Orders.Line);
            case "ResultOfOrders": return typeof(Contoso.Shop.Orders.Result<List<Contoso.Shop.Orders.Order>>);
            case "Stock": return typeof(Contoso.Inventory.Stock);
            case "Links": return typeof(Contoso.Inventory.Links);
            case "Maps": return typeof(Contoso.Shapes.Maps);
            case "Outer": return typeof(Contoso.Shapes.Outer);
            case "Drawing": return typeof(Contoso.Shapes.Drawing);
            case "Shape": return typeof(Contoso.Shapes.Shape);
            case "WithInit": return typeof(Contoso.Shapes.WithInit);
            case "Shared": return typeof(Contoso.Inventory.Shared);
            case "ResultOfShape": return typeof(Contoso.Shop.Orders.Result<Contoso.Shapes.Shape>);
            case "ResultOfInt": return typeof(Contoso.Shop.Orders.Result<int?>);
            case "ResultOfMoney": return typeof(Contoso.Shop.Orders.Result<Contoso.Shop.Common.Money>);
        }
        throw new ArgumentException(name);
    }

    static JsonSerializerSettings Settings(string name)
    {
        var s = new JsonSerializerSettings();
        foreach (var part in name.Split('+'))
        {
            switch (part)
            {
                case "default": break;
                case "null_ignore": s.NullValueHandling = NullValueHandling.Ignore; break;
                case "default_ignore": s.DefaultValueHandling = DefaultValueHandling.Ignore; break;
                case "default_populate": s.DefaultValueHandling = DefaultValueHandling.Populate; break;
                case "default_ignore_populate": s.DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate; break;
                case "camel": s.ContractResolver = new CamelCasePropertyNamesContractResolver(); break;
                case "string_enums": s.Converters.Add(new StringEnumConverter()); break;
                case "string_enums_camel": s.Converters.Add(new StringEnumConverter { CamelCaseText = true }); break;
                case "ms_dates": s.DateFormatHandling = DateFormatHandling.MicrosoftDateFormat; break;
                case "utc": s.DateTimeZoneHandling = DateTimeZoneHandling.Utc; break;
                case "local": s.DateTimeZoneHandling = DateTimeZoneHandling.Local; break;
                case "unspecified": s.DateTimeZoneHandling = DateTimeZoneHandling.Unspecified; break;
                case "indented": s.Formatting = Newtonsoft.Json.Formatting.Indented; break;
                case "preserve_objects": s.PreserveReferencesHandling = PreserveReferencesHandling.Objects; break;
                case "preserve_all": s.PreserveReferencesHandling = PreserveReferencesHandling.All; break;
                case "float_symbol": s.FloatFormatHandling = FloatFormatHandling.Symbol; break;
                default: throw new ArgumentException(part);
            }
        }
        return s;
    }

    static byte[] Xml(object obj, Type type, bool indent)
    {
        var ms = new MemoryStream();
        var xs = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        using (var w = XmlWriter.Create(ms, xs)) new DataContractSerializer(type).WriteObject(w, obj);
        return ms.ToArray();
    }

    static string Try(Func<byte[]> f)
    {
        try { return "ok\t" + Convert.ToBase64String(f()); }
        catch (Exception e) { return "error\t" + Convert.ToBase64String(Utf8.GetBytes(e.GetType().Name + ": " + e.Message)); }
    }


    // Every sample, then the StringEnumConverter cases (test_real_world_interop.py): lines of
    // CASE TAB KIND TAB ok|error TAB base64(bytes or "Type: message").
    static readonly string[][] Samples =
    {
        new[] { "order_full", "Order" }, new[] { "order_empty", "Order" }, new[] { "priority", "PriorityOrder" },
        new[] { "money", "Money" }, new[] { "line", "Line" }, new[] { "stock", "Stock" }, new[] { "stock_empty", "Stock" },
        new[] { "result_orders", "ResultOfOrders" }, new[] { "result_empty", "ResultOfOrders" },
        new[] { "result_int", "ResultOfInt" }, new[] { "result_money", "ResultOfMoney" },
        new[] { "maps", "Maps" }, new[] { "outer", "Outer" }, new[] { "drawing", "Drawing" }, new[] { "circle_as_shape", "Shape" },
        new[] { "result_shape", "ResultOfShape" },
    };

    // type, settings name, JSON text
    static readonly string[][] Reads =
    {
        // "" into a Uri is null (Json.NET coerces "" to null for a nullable reference type)
        new[] { "Links", "default", "{\"Home\":\"\",\"Mirrors\":[\"\",\"a\"],\"ByName\":{\"x\":\"\"}}" },
        new[] { "Links", "default", "{\"Home\":\" \",\"Mirrors\":[\" \"]}" },
        new[] { "Links", "default", "{\"Home\":\"http://a/\",\"Mirrors\":[]}" },
        new[] { "WithInit", "default", "{}" },
        // what PreserveReferencesHandling writes in an object member: $id dropped (a JObject),
        // $ref resolved, $values unwrapped (a JArray); a $ref to the JObject reads as null
        new[] { "Shared", "preserve_objects", "{\"$id\":\"1\",\"Any\":{\"$id\":\"2\",\"Amount\":1.5}}" },
        new[] { "Shared", "preserve_objects", "{\"$id\":\"1\",\"M\":{\"$id\":\"2\",\"Amount\":1.5},\"Any\":{\"$ref\":\"2\"}}" },
        new[] { "Shared", "preserve_all", "{\"$id\":\"1\",\"L\":{\"$id\":\"2\",\"$values\":[1,2]}}" },
        new[] { "Shared", "preserve_objects", "{\"$id\":\"1\",\"Any\":{\"$id\":\"2\",\"Amount\":1.5},\"M\":{\"$ref\":\"2\"}}" },
    };

    // XML documents DataContractSerializer reads, written back
    static readonly string[][] XmlReads =
    {
        new[] { "WithInit", "<WithInit xmlns=\"urn:contoso:shapes\" />" },
    };

    static void Line(StreamWriter o, string key, string kind, string result) { o.Write(key + "\t" + kind + "\t" + result + "\n"); }

    static void WriteEnums(StreamWriter o)
    {
        var p = typeof(Contoso.Probe.Holder);
        var values = new[]
        {
            new Contoso.Probe.Holder { C = Contoso.Probe.Currency.Euro, F = Contoso.Probe.Channels.Web | Contoso.Probe.Channels.Mobile, N = Contoso.Probe.NoZero.A | Contoso.Probe.NoZero.B | Contoso.Probe.NoZero.C, NC = Contoso.Probe.Currency.Hidden },
            new Contoso.Probe.Holder { C = (Contoso.Probe.Currency)9, F = Contoso.Probe.Channels.All, N = (Contoso.Probe.NoZero)0, NC = Contoso.Probe.Currency.Dollar },
            new Contoso.Probe.Holder { C = Contoso.Probe.Currency.Pound, F = (Contoso.Probe.Channels)8, N = (Contoso.Probe.NoZero)4 },
            new Contoso.Probe.Holder { C = Contoso.Probe.Currency.Pound, F = (Contoso.Probe.Channels)15, N = (Contoso.Probe.NoZero)5 },
            new Contoso.Probe.Holder { C = Contoso.Probe.Currency.Pound, F = (Contoso.Probe.Channels)6, N = Contoso.Probe.NoZero.AB | Contoso.Probe.NoZero.C },
        };
        for (int i = 0; i < values.Length; i++)
            foreach (var camel in new[] { false, true })
                Line(o, "enum_write_" + i, camel ? "camel" : "plain", Try(() => Utf8.GetBytes(JsonConvert.SerializeObject(values[i], new StringEnumConverter { CamelCaseText = camel }))));
        string[] texts =
        {
            "{\"C\":\"EUR\"}", "{\"C\":\"eur\"}", "{\"C\":\"Euro\"}", "{\"C\":\"euro\"}", "{\"C\":\" EUR\"}", "{\"C\":\" Euro\"}", "{\"C\":\"USD, EUR\"}",
            "{\"C\":\"Hidden\"}", "{\"C\":\"hidden\"}", "{\"C\":\"3\"}", "{\"C\":9}", "{\"C\":\"\"}", "{\"NC\":\"\"}", "{\"NC\":\"USD\"}", "{\"C\":\"USD, 1\"}",
            "{\"F\":\"Web, mobile-app\"}", "{\"F\":\"web,MOBILE-APP\"}", "{\"F\":\"all\"}", "{\"F\":\"All\"}", "{\"F\":\"Mobile, Store\"}",
            "{\"F\":\" Web , Store \"}", "{\"F\":\"mobile-app,\"}", "{\"F\":\"Web Store\"}", "{\"F\":\"None\"}", "{\"F\":\"none, web\"}",
            "{\"N\":\"AB, C\"}", "{\"N\":\"a\"}", "{\"N\":\"5\"}",
        };
        for (int i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            Line(o, "enum_read_" + i, "json", "ok\t" + Convert.ToBase64String(Utf8.GetBytes(text)));
            Line(o, "enum_read_" + i, "read", Try(() =>
            {
                var h = (Contoso.Probe.Holder)JsonConvert.DeserializeObject(text, p, new StringEnumConverter());
                return Utf8.GetBytes("C=" + (int)h.C + " F=" + (int)h.F + " N=" + (int)h.N + " NC=" + (h.NC == null ? "null" : ((int)h.NC).ToString()));
            }));
        }
    }

    // "echo": stdin lines of TYPE TAB xml|json TAB base64(document); each is read (XML by
    // DataContractSerializer, JSON by Json.NET with default settings) and written back as
    // XML and JSON: TYPE TAB xml|json TAB ok|error TAB base64, twice per line
    static void Echo(StreamWriter o)
    {
        string line;
        var input = new StreamReader(Console.OpenStandardInput(), Utf8);
        while ((line = input.ReadLine()) != null)
        {
            var parts = line.Split('\t');
            var type = TypeOf(parts[0]);
            var data = Convert.FromBase64String(parts[2]);
            object obj = null;
            string error = null;
            try
            {
                obj = parts[1] == "xml"
                    ? new DataContractSerializer(type).ReadObject(XmlDictionaryReader.CreateTextReader(data, XmlDictionaryReaderQuotas.Max))
                    : JsonConvert.DeserializeObject(Utf8.GetString(data), type);
            }
            catch (Exception e) { error = "error\t" + Convert.ToBase64String(Utf8.GetBytes(e.GetType().Name + ": " + e.Message)); }
            Line(o, parts[0], "xml", error ?? Try(() => Xml(obj, type, false)));
            Line(o, parts[0], "json", error ?? Try(() => Utf8.GetBytes(JsonConvert.SerializeObject(obj, type, new JsonSerializerSettings()))));
        }
    }

    public static void Main(string[] args)
    {
        var o = new StreamWriter(Console.OpenStandardOutput(), Utf8);
        if (args.Length == 1 && args[0] == "echo")
        {
            Echo(o);
            o.Flush();
            return;
        }
        var settingsNames = args;
        foreach (var sample in Samples)
        {
            var obj = Sample(sample[0]);
            var type = TypeOf(sample[1]);
            Line(o, sample[0], "xml", Try(() => Xml(obj, type, false)));
            Line(o, sample[0], "xml_indent", Try(() => Xml(obj, type, true)));
            foreach (var name in settingsNames)
            {
                var s = Settings(name);
                string json = null;
                Line(o, sample[0], "json:" + name, Try(() => Utf8.GetBytes(json = JsonConvert.SerializeObject(obj, type, s))));
                if (json != null)
                    Line(o, sample[0], "back:" + name, Try(() => Xml(JsonConvert.DeserializeObject(json, type, s), type, false)));
            }
        }
        foreach (var typeName in new[] { "Order", "PriorityOrder", "Money", "Line", "Stock", "Links", "Shared", "Maps", "Outer", "Drawing", "Shape", "WithInit", "ResultOfShape", "ResultOfOrders", "ResultOfInt", "ResultOfMoney" })
        {
            var exporter = new XsdDataContractExporter();
            exporter.Export(TypeOf(typeName));
            foreach (XmlSchema schema in exporter.Schemas.Schemas())
            {
                var ms = new MemoryStream();
                var xs = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                using (var writer = XmlWriter.Create(ms, xs)) schema.Write(writer);
                Line(o, "xsd_" + typeName, schema.TargetNamespace, "ok\t" + Convert.ToBase64String(ms.ToArray()));
            }
        }
        WriteEnums(o);
        // roots of a base type holding a derived value: writer layout (compact, indented)
        // and WriteObject(Stream)
        var node = new Contoso.Shapes.Node { Key = "child" };
        node.Parent = node;
        var roots = new object[][]
        {
            new object[] { "circle", typeof(Contoso.Shapes.Shape), new Contoso.Shapes.Circle { Name = "c", Radius = 2 } },
            new object[] { "square", typeof(Contoso.Shapes.Shape), new Contoso.Shapes.Square { Name = "s", Side = 3 } },
            new object[] { "node", typeof(Contoso.Shapes.Entity), node },
            new object[] { "triangle", typeof(Contoso.Shapes.Shape), new Contoso.Shapes.Triangle { Sides = 3 } },
        };
        foreach (var r in roots)
        {
            var type = (Type)r[1];
            var obj = r[2];
            Line(o, "root_" + r[0], "xml", Try(() => Xml(obj, type, false)));
            Line(o, "root_" + r[0], "xml_indent", Try(() => Xml(obj, type, true)));
            Line(o, "root_" + r[0], "stream", Try(() => { var ms = new MemoryStream(); new DataContractSerializer(type).WriteObject(ms, obj); return ms.ToArray(); }));
            Line(o, "root_" + r[0], "wcf", Try(() => { var ms = new MemoryStream(); new System.Runtime.Serialization.Json.DataContractJsonSerializer(type).WriteObject(ms, obj); return ms.ToArray(); }));
        }
        // JSON documents Json.NET reads, written as XML and as JSON (the same settings)
        for (int i = 0; i < Reads.Length; i++)
        {
            var type = TypeOf(Reads[i][0]);
            var s = Settings(Reads[i][1]);
            var text = Reads[i][2];
            Line(o, "read_" + i, "json", "ok\t" + Convert.ToBase64String(Utf8.GetBytes(text)));
            Line(o, "read_" + i, "xml", Try(() => Xml(JsonConvert.DeserializeObject(text, type, s), type, false)));
            Line(o, "read_" + i, "rewritten", Try(() => Utf8.GetBytes(JsonConvert.SerializeObject(JsonConvert.DeserializeObject(text, type, s), type, s))));
        }
        for (int i = 0; i < XmlReads.Length; i++)
        {
            var type = TypeOf(XmlReads[i][0]);
            var text = XmlReads[i][1];
            Line(o, "xmlread_" + i, "xml", "ok\t" + Convert.ToBase64String(Utf8.GetBytes(text)));
            Line(o, "xmlread_" + i, "rewritten", Try(() => Xml(new DataContractSerializer(type).ReadObject(new MemoryStream(Utf8.GetBytes(text))), type, false)));
        }
        o.Flush();
    }
}

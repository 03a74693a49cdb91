// C# contracts that exercise the generic engine where the Vehizen DTOs do not: base classes in
// other namespaces, three-level inheritance, ordinal member order, every integer width, decimal
// scale, chars, lists of primitives/enums/Nullable<int>/contracts, nested namespaces (d4p1/d6p1
// prefixes), empty contracts, polymorphic members and `object` members.
// Python twins: tests/interop/edge_models.py (same names, namespaces and declaration order).
// Plain POCO classes: DataContractSerializer takes every public get/set property (base class
// first, String.CompareOrdinal within a class); Json.NET takes them most-derived class first, in
// declaration order. EdgeTypes.All lists them for the driver (type names + known types).
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Edge.A
{
    // No member has the value 0, so default(Color) has no name (DCS refuses to write it).
    public enum Color { Red = 1, Green = 2, Blue = 40, Minus = -7 }

    // Declared in an order that is neither ordinal nor case-insensitive.
    // Ordinal (DCS): B2, Beta, Zeta, _u, alpha, b1.
    public class Ordering
    {
        public int alpha { get; set; }
        public string Zeta { get; set; }
        public string b1 { get; set; }
        public string _u { get; set; }
        public string Beta { get; set; }
        public string B2 { get; set; }
    }

    // Non-ASCII member names (mcs refuses astral identifiers, so BMP only).
    // Ordinal: Z, z, \u00e9.
    public class Names
    {
        public string \u00e9 { get; set; }
        public string z { get; set; }
        public string Z { get; set; }
    }

    // U+FF21 (fullwidth A) is a letter for C# but not an XML name character for System.Xml:
    // DCS writes the element as XmlConvert.EncodeLocalName("\uff21") = "_xFF21_", and sorts by
    // that encoded name (before "b").
    public class Encoded
    {
        public string \uff21 { get; set; }
        public string b { get; set; }
    }

    public class Animal
    {
        public string Name { get; set; }
        public int Legs { get; set; }
    }

    public class Numbers
    {
        public int I { get; set; }
        public long L { get; set; }
        public short S { get; set; }
        public byte B { get; set; }
        public sbyte SB { get; set; }
        public ushort US { get; set; }
        public uint UI { get; set; }
        public ulong UL { get; set; }
        public long? NL { get; set; }
        public ulong? NUL { get; set; }
    }

    public class Decimals
    {
        public decimal D { get; set; }
        public decimal? ND { get; set; }
        public List<decimal> Many { get; set; }
    }

    public class Doubles
    {
        public double D { get; set; }
        public double? ND { get; set; }
        public List<double> Many { get; set; }
    }

    public class Texts
    {
        public string Plain { get; set; }
        public string Specials { get; set; }
        public string Unicode { get; set; }
        public string Empty { get; set; }
        public string Null { get; set; }
    }

    public class Dates
    {
        public DateTime At { get; set; }
        public DateTime? Maybe { get; set; }
        public Guid Id { get; set; }
        public Guid? MaybeId { get; set; }
    }

    public class Lists
    {
        public List<int> Ints { get; set; }
        public List<long> Longs { get; set; }
        public List<Guid> Guids { get; set; }
        public List<DateTime> Dates { get; set; }
        public List<double> Doubles { get; set; }
        public List<decimal> Decimals { get; set; }
        public List<bool> Bools { get; set; }
        public List<string> Strings { get; set; }
        public List<Color> Colors { get; set; }
        public List<Edge.B.Shade> Shades { get; set; }
        public List<int?> NullableInts { get; set; }
        public List<List<int>> Nested { get; set; }
    }

    // Dictionary<K,V> for each key type netcontract maps, values of every kind (dict[K, V]).
    public class Maps
    {
        public Dictionary<string, int> Counts { get; set; }
        public Dictionary<int, string> Names { get; set; }
        public Dictionary<Guid, Edge.B.Middle> Middles { get; set; }
        public Dictionary<Color, int?> ByColor { get; set; }
        public Dictionary<DateTime, string> ByDate { get; set; }
        public Dictionary<bool, double> ByBool { get; set; }
        public Dictionary<char, long> ByChar { get; set; }
        public Dictionary<long, decimal> ByLong { get; set; }
        public Dictionary<string, List<int>> Lists { get; set; }
        public Dictionary<string, Dictionary<string, int>> Nested { get; set; }
        public Dictionary<string, object> Objects { get; set; }
        public IDictionary<string, string> Interface { get; set; }
        public List<Dictionary<ushort, bool>> ListOfMaps { get; set; }
    }

    // Dictionary keys of the floating, decimal and time types (issue #14's last key types).
    public class KeyMaps
    {
        public Dictionary<double, string> ByDouble { get; set; }
        public Dictionary<float, int> BySingle { get; set; }
        public Dictionary<decimal, bool> ByDecimal { get; set; }
        public Dictionary<TimeSpan, string> BySpan { get; set; }
        public Dictionary<DateTimeOffset, int> ByOffset { get; set; }
    }

    // Nested lists of contracts from other namespaces.
    public class Holder
    {
        public string Title { get; set; }
        public List<Edge.B.Middle> Middles { get; set; }
        public Edge.C.Leaf Other { get; set; }
        public Edge.B.Nothing Empty { get; set; }
        public List<Edge.B.Nothing> Nothings { get; set; }
    }

    // System.Char: DCS writes the UTF-16 code (ser:char), Json.NET a one-character string.
    public class Chars
    {
        public char C { get; set; }
        public char? NC { get; set; }
        public List<char> Cs { get; set; }
        public List<char?> NCs { get; set; }
    }

    public class Durations
    {
        public TimeSpan D { get; set; }
        public TimeSpan? ND { get; set; }
        public List<TimeSpan> Ds { get; set; }
        public List<TimeSpan?> NDs { get; set; }
    }

    public class Blobs
    {
        public byte[] B { get; set; }
        public List<byte[]> Bs { get; set; }
    }

    // System.Single: "R" (7 digits, else 9), xs:float.
    public class Singles
    {
        public float F { get; set; }
        public float? NF { get; set; }
        public List<float> Fs { get; set; }
        public List<float?> NFs { get; set; }
    }

    // System.DateTimeOffset: a complex type {DateTime, OffsetMinutes} in the System namespace.
    public class Offsets
    {
        public DateTimeOffset D { get; set; }
        public DateTimeOffset? ND { get; set; }
        public List<DateTimeOffset> Ds { get; set; }
        public List<DateTimeOffset?> NDs { get; set; }
    }

    // A [DataContract] enum: EnumMember wire names (escaped in XML), a member without
    // [EnumMember] (not serializable), 0 under a wire name.
    [DataContract]
    public enum Progress
    {
        [EnumMember(Value = "in-progress")] InProgress = 1,
        [EnumMember] Done = 2,
        Legacy = 3,
        [EnumMember(Value = "zero & <none>")] Zero = 0,
    }

    // A [Flags] enum declared out of value order, with a combined member and the sign bit.
    [Flags]
    public enum Access
    {
        Nothing = 0,
        Exec = 4,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
        Sign = unchecked((int)0x80000000),
    }

    // A [Flags] [DataContract] enum without a zero member, with wire names and a member
    // without [EnumMember].
    [Flags]
    [DataContract]
    public enum Marks
    {
        [EnumMember(Value = "a")] A = 1,
        [EnumMember(Value = "b-b")] B = 2,
        Hidden = 4,
        [EnumMember] C = 8,
    }

    public class Enums
    {
        public Progress P { get; set; }
        public Progress? NP { get; set; }
        public List<Progress> Ps { get; set; }
        public Access F { get; set; }
        public Access? NF { get; set; }
        public List<Access> Fs { get; set; }
        public List<Access?> NFs { get; set; }
        public Marks M { get; set; }
        public List<Marks> Ms { get; set; }
    }

    // Users' own value types: in Python a Money (as decimal), a PhoneNumber (as string) and
    // a Ticket (as long), registered with register_value_type; .NET sees the primitives.
    public class Own
    {
        public decimal Price { get; set; }
        public decimal? Tip { get; set; }
        public string Phone { get; set; }
        public List<string> Phones { get; set; }
        public List<decimal?> Tips { get; set; }
        public long Ticket { get; set; }
    }

    // `object` member: the runtime type travels as i:type.
    public class Box
    {
        public object Thing { get; set; }
        public string After { get; set; }
    }
}

namespace Edge.B
{
    public enum Shade { Light = 3, Dark = 5, Deep = 500 }

    public class Dog : Edge.A.Animal
    {
        public string Bark { get; set; }
        public Edge.A.Color Coat { get; set; }
        public Edge.A.Color? Tint { get; set; }
        public Edge.A.Animal Friend { get; set; }
        public string _tag { get; set; }
    }

    public class Middle
    {
        public string Title { get; set; }
        public List<Edge.C.Leaf> Leaves { get; set; }
        public Edge.C.Leaf Single { get; set; }
    }

    public class Nothing
    {
    }

    // Members declared as a base contract hold derived instances.
    public class Zoo
    {
        public Edge.A.Animal Pet { get; set; }
        public Edge.A.Animal Other { get; set; }
        public List<Edge.A.Animal> Animals { get; set; }
        public Dog Dog { get; set; }
    }
}

namespace Edge.C
{
    // Three levels, three namespaces: Animal (Edge.A) <- Dog (Edge.B) <- Puppy (Edge.C).
    public class Puppy : Edge.B.Dog
    {
        public int AgeDays { get; set; }
        public string Zeta { get; set; }
        public string alpha { get; set; }
    }

    public class Leaf
    {
        public string Name { get; set; }
        public Edge.B.Middle Back { get; set; }
        public Edge.D.Far Far { get; set; }
        public List<Edge.A.Color> Colors { get; set; }
    }
}

namespace Edge.D
{
    public class Far
    {
        public string V { get; set; }
    }
}

// [DataContract] classes with [DataMember(Order = n)] (issue 13). Mono: DCS writes, within a
// class (base class first), the members without an Order, then by Order, ordinal by name among
// equals: OrderedBase: Ab, Yb, Xb(1), Zb(2); Ordered: Nd, Rq, Kd(0), Cd(1), Md(1). Json.NET
// takes them in reflection order (most-derived first, declaration order), then sorts stably by
// Order (-1 when not given): Nd, Rq, Yb, Ab, Kd, Md, Cd, Xb, Zb.
namespace Edge.E
{
    [DataContract]
    public class OrderedBase
    {
        [DataMember(Order = 2)] public int Zb { get; set; }
        [DataMember] public string Yb { get; set; }
        [DataMember(Order = 1)] public int Xb { get; set; }
        [DataMember] public string Ab { get; set; }
    }

    [DataContract]
    public class Ordered : OrderedBase
    {
        [DataMember(Order = 1)] public string Md { get; set; }
        [DataMember] public int Nd { get; set; }
        [DataMember(Order = 0)] public int Kd { get; set; }
        [DataMember(Order = 1)] public string Cd { get; set; }
        [DataMember] public string Rq { get; set; }
    }

    // IsRequired: Mono's DCS refuses a document without Name or Count; Json.NET reads it as
    // Required.AllowNull (missing refused, null read); the XSD elements have no minOccurs.
    [DataContract]
    public class Required
    {
        [DataMember(IsRequired = true)] public string Name { get; set; }
        [DataMember] public string Note { get; set; }
        [DataMember(IsRequired = true, Order = 1)] public int Count { get; set; }
    }

    // EmitDefaultValue = false. Mono: DCS leaves out null and a default Boolean, Int32, Int64,
    // Double (also -0.0), Decimal (any scale), DateTime (0 ticks, any kind); it writes a default
    // Int16, Byte, UInt64, Char, Guid and a Nullable<int> holding 0. Json.NET leaves out null
    // and every default value type but Char.
    [DataContract]
    public class Defaults
    {
        [DataMember(EmitDefaultValue = false)] public bool B { get; set; }
        [DataMember(EmitDefaultValue = false)] public short I16 { get; set; }
        [DataMember(EmitDefaultValue = false)] public int I32 { get; set; }
        [DataMember(EmitDefaultValue = false)] public long I64 { get; set; }
        [DataMember(EmitDefaultValue = false)] public byte U8 { get; set; }
        [DataMember(EmitDefaultValue = false)] public ulong U64 { get; set; }
        [DataMember(EmitDefaultValue = false)] public double D { get; set; }
        [DataMember(EmitDefaultValue = false)] public decimal M { get; set; }
        [DataMember(EmitDefaultValue = false)] public DateTime T { get; set; }
        [DataMember(EmitDefaultValue = false)] public Guid G { get; set; }
        [DataMember(EmitDefaultValue = false)] public char C { get; set; }
        [DataMember(EmitDefaultValue = false)] public string S { get; set; }
        [DataMember(EmitDefaultValue = false)] public int? N { get; set; }
        [DataMember(EmitDefaultValue = false)] public List<int> L { get; set; }
        [DataMember(EmitDefaultValue = false)] public Edge.D.Far F { get; set; }
        [DataMember] public int Kept { get; set; }
        [DataMember(EmitDefaultValue = false, IsRequired = true)] public string Must { get; set; }
    }

    [DataContract]
    public class AllDefault
    {
        [DataMember(EmitDefaultValue = false)] public string S { get; set; }
        [DataMember(EmitDefaultValue = false)] public int I { get; set; }
    }

    [DataContract]
    public class HoldsAllDefault
    {
        [DataMember] public AllDefault Inner { get; set; }
    }
}

namespace NetContractTwin
{
    public static class EdgeTypes
    {
        // Root types the driver resolves by full name; all are also known types, so that
        // polymorphic and `object` members can carry any of them.
        public static readonly Type[] All =
        {
            typeof(Edge.A.Color),
            typeof(Edge.A.Ordering),
            typeof(Edge.A.Names),
            typeof(Edge.A.Encoded),
            typeof(Edge.A.Animal),
            typeof(Edge.A.Numbers),
            typeof(Edge.A.Decimals),
            typeof(Edge.A.Doubles),
            typeof(Edge.A.Texts),
            typeof(Edge.A.Dates),
            typeof(Edge.A.Chars),
            typeof(Edge.A.Durations),
            typeof(Edge.A.Blobs),
            typeof(Edge.A.Singles),
            typeof(Edge.A.Offsets),
            typeof(Edge.A.Lists),
            typeof(Edge.A.Maps),
            typeof(Edge.A.Holder),
            typeof(Edge.A.Box),
            typeof(Edge.A.Progress),
            typeof(Edge.A.Access),
            typeof(Edge.A.Marks),
            typeof(Edge.A.Enums),
            typeof(Edge.A.Own),
            typeof(Edge.B.Shade),
            typeof(Edge.B.Dog),
            typeof(Edge.B.Middle),
            typeof(Edge.B.Nothing),
            typeof(Edge.B.Zoo),
            typeof(Edge.C.Puppy),
            typeof(Edge.C.Leaf),
            typeof(Edge.D.Far),
            typeof(Edge.E.OrderedBase),
            typeof(Edge.E.Ordered),
            typeof(Edge.E.Required),
            typeof(Edge.E.Defaults),
            typeof(Edge.E.AllDefault),
            typeof(Edge.E.HoldsAllDefault),
            typeof(Edge.A.KeyMaps),
        };
    }
}

// The bytes DataContractSerializer and Json.NET write for netcontract's core byte rules: the
// ordinal order of encoded member names, every JSON escape, the XML escapes and refusals, and the
// text of Double, Decimal, DateTime, Guid and integer bounds in both formats.
//
// tests/netcontract/test_byte_rules.py pins these bytes as literals (so the suite guards them
// without Mono); tests/interop/test_stored_tables.py runs this program and compares. Regenerate
// the literals with
//
//     .venv/bin/python -m tests.interop.byte_rules_mono > /tmp/rules.py
//
// and paste the printed MONO table over the one in test_byte_rules.py.
//
// Output: one line per (row, output): "label<TAB>output<TAB>B<TAB>base64(bytes)" or
// "label<TAB>output<TAB>E<TAB>ExceptionType", output = xml | xml_indent | json | json_indent.
// Writing XML = "path B" (XmlWriter.Create, no declaration, UTF-8 without BOM, NewLineChars "\n",
// NewLineHandling.Entitize, CheckCharacters = true) + DataContractSerializer.WriteObject, as
// Driver.cs; writing JSON = JsonConvert.SerializeObject(obj[, Formatting.Indented]).
// Run with TZ=UTC so that Local DateTimes print "+00:00".
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace ByteRules
{
    // Member names that XmlConvert.EncodeLocalName changes, declared in no particular order.
    // DCS sorts by String.CompareOrdinal of the *encoded* name; Json.NET keeps declaration order
    // and the raw names (escaped as JSON strings).
    [DataContract]
    public class Names
    {
        [DataMember(Name = "b")] public string M0 { get; set; }
        [DataMember(Name = "a b")] public string M1 { get; set; }
        [DataMember(Name = "aZ")] public string M2 { get; set; }
        [DataMember(Name = "a_b")] public string M3 { get; set; }
        [DataMember(Name = "1a")] public string M4 { get; set; }
        [DataMember(Name = "\u00e9")] public string M5 { get; set; }
        [DataMember(Name = "\uff21")] public string M6 { get; set; }
        [DataMember(Name = "-x")] public string M7 { get; set; }
        [DataMember(Name = "B")] public string M8 { get; set; }
        [DataMember(Name = "q\"")] public string M9 { get; set; }
        [DataMember(Name = "\u0391")] public string M10 { get; set; }
        [DataMember(Name = "x\u00b7")] public string M11 { get; set; }
        [DataMember(Name = "_")] public string M12 { get; set; }
        [DataMember(Name = "Z")] public string M13 { get; set; }
        [DataMember(Name = "\ud83d\ude00")] public string M14 { get; set; }
    }

    // Names holding "_xHHHH_", which would read as an escape. DataContract.EncodeLocalName
    // leaves a name that is a valid NCName as it is; only the others go through
    // XmlConvert.EncodeLocalName, which then also escapes the "_" of such a sequence (_x005F_).
    [DataContract]
    public class Lookalikes
    {
        [DataMember(Name = "_x0041_")] public string M0 { get; set; }
        [DataMember(Name = "_x0041_ b")] public string M1 { get; set; }
        [DataMember(Name = "c_x0041_")] public string M2 { get; set; }
        [DataMember(Name = "d_x0041_\u00e9")] public string M3 { get; set; }
        [DataMember(Name = "e_x0041_\uff21")] public string M4 { get; set; }
        [DataMember(Name = "f_x0001F600_ ")] public string M5 { get; set; }
    }

    // Names with characters Json.NET escapes in JSON (and EncodeLocalName in XML).
    [DataContract]
    public class NamesToEscape
    {
        [DataMember(Name = "p\u2028")] public string M0 { get; set; }
        [DataMember(Name = "q\u2029")] public string M1 { get; set; }
        [DataMember(Name = "r\u0085")] public string M2 { get; set; }
        [DataMember(Name = "s\\\u0001")] public string M3 { get; set; }
    }

    public class Texts
    {
        public string S { get; set; }
        public List<string> L { get; set; }
    }

    public class Doubles
    {
        public double D { get; set; }
        public double? N { get; set; }
        public List<double> L { get; set; }
    }

    public class Decimals
    {
        public decimal D { get; set; }
        public decimal? N { get; set; }
        public List<decimal> L { get; set; }
    }

    public class Dates
    {
        public DateTime D { get; set; }
        public DateTime? N { get; set; }
        public List<DateTime> L { get; set; }
    }

    public class Guids
    {
        public Guid D { get; set; }
        public Guid? N { get; set; }
        public List<Guid> L { get; set; }
    }

    // V = MinValue, N = MaxValue, L = {MinValue, MaxValue}, O = (object)MaxValue
    public class BoundsInt16 { public short V { get; set; } public short? N { get; set; } public List<short> L { get; set; } public object O { get; set; } }
    public class BoundsInt32 { public int V { get; set; } public int? N { get; set; } public List<int> L { get; set; } public object O { get; set; } }
    public class BoundsInt64 { public long V { get; set; } public long? N { get; set; } public List<long> L { get; set; } public object O { get; set; } }
    public class BoundsSByte { public sbyte V { get; set; } public sbyte? N { get; set; } public List<sbyte> L { get; set; } public object O { get; set; } }
    public class BoundsByte { public byte V { get; set; } public byte? N { get; set; } public List<byte> L { get; set; } public object O { get; set; } }
    public class BoundsUInt16 { public ushort V { get; set; } public ushort? N { get; set; } public List<ushort> L { get; set; } public object O { get; set; } }
    public class BoundsUInt32 { public uint V { get; set; } public uint? N { get; set; } public List<uint> L { get; set; } public object O { get; set; } }
    public class BoundsUInt64 { public ulong V { get; set; } public ulong? N { get; set; } public List<ulong> L { get; set; } public object O { get; set; } }

    public static class Program
    {
        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        static XmlWriterSettings Settings(bool indent)
        {
            return new XmlWriterSettings
            {
                OmitXmlDeclaration = true, Encoding = Utf8, Indent = indent,
                NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
            };
        }

        static byte[] Xml(object obj, bool indent)
        {
            var ms = new MemoryStream();
            using (var w = XmlWriter.Create(ms, Settings(indent)))
                new DataContractSerializer(obj.GetType()).WriteObject(w, obj);
            return ms.ToArray();
        }

        static void Emit(string label, string output, Func<byte[]> produce)
        {
            string line;
            try { line = "B\t" + Convert.ToBase64String(produce()); }
            catch (Exception e)
            {
                while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
                line = "E\t" + e.GetType().FullName;
            }
            Console.Out.Write(label + "\t" + output + "\t" + line + "\n");
        }

        // compact XML and JSON; indented too when asked
        static void Row(string label, object obj, bool indented = false)
        {
            Emit(label, "xml", () => Xml(obj, false));
            if (indented) Emit(label, "xml_indent", () => Xml(obj, true));
            Emit(label, "json", () => Utf8.GetBytes(JsonConvert.SerializeObject(obj)));
            if (indented)
                Emit(label, "json_indent", () => Utf8.GetBytes(JsonConvert.SerializeObject(obj, Newtonsoft.Json.Formatting.Indented)));
        }

        static Texts Chars(IEnumerable<string> items)
        {
            var list = new List<string>(items);
            return new Texts { S = string.Concat(list), L = list };
        }

        static IEnumerable<string> Controls()
        {
            for (int c = 0; c < 0x20; c++) yield return ((char)c).ToString();
        }

        static Doubles Dbl(double v) { return new Doubles { D = v, N = v, L = new List<double> { v } }; }
        static Decimals Dec(decimal v) { return new Decimals { D = v, N = v, L = new List<decimal> { v } }; }
        static Dates Dt(DateTime v) { return new Dates { D = v, N = v, L = new List<DateTime> { v } }; }

        static DateTime At(int y, int mo, int d, int h, int mi, int s, long fraction, DateTimeKind kind)
        {
            return new DateTime(new DateTime(y, mo, d, h, mi, s).Ticks + fraction, kind);
        }

        public static int Main()
        {
            var names = new Names();
            int i = 0;
            foreach (var p in typeof(Names).GetProperties()) p.SetValue(names, (i++).ToString(), null);
            Row("names", names, true);
            var lookalikes = new Lookalikes();
            i = 0;
            foreach (var p in typeof(Lookalikes).GetProperties()) p.SetValue(lookalikes, (i++).ToString(), null);
            Row("names: escape lookalikes", lookalikes);
            Row("names: escaped in JSON", new NamesToEscape { M0 = "0", M1 = "1", M2 = "2", M3 = "3" }, true);

            Row("json escapes: U+0000..U+001F", Chars(Controls()), true);
            Row("json escapes: specials", Chars(new[] { "\"", "\\", "\u007f", "\u0085", "\u2028", "\u2029" }), true);
            Row("json escapes: left as is", Chars(new[] { "<", ">", "&", "'", "/", "\u00e9", "\ud83d\ude00", "\u00a0", "\u200b", "\ufeff", "\ud7ff", "\ue000", "\ufffd", "\ufffe", "\uffff" }), true);
            Row("xml escapes", Chars(new[] { "&", "<", ">", "\r", "\n", "\t", "\"", "'", "]]>", " a ", "\u007f", "\u0085", "\u2028", "\u2029", "\u00e9", "\ud83d\ude00", "\ud7ff", "\ue000", "\ufffd", "" }), true);
            foreach (var c in new[] { "\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\ufffe", "\uffff" })
                Row(string.Format("xml refuses U+{0:X4}", (int)c[0]), Chars(new[] { c }));

            Row("double 0", Dbl(0.0));
            Row("double -0", Dbl(BitConverter.Int64BitsToDouble(unchecked((long)0x8000000000000000UL))));
            Row("double 1", Dbl(1.0));
            Row("double 100", Dbl(100.0));
            Row("double 0.1", Dbl(0.1));
            Row("double 1/3", Dbl(1 / 3.0));
            Row("double -1.5", Dbl(-1.5));
            Row("double 1e15", Dbl(1e15));
            Row("double 1e16", Dbl(1e16));
            Row("double 1e-5", Dbl(1e-5));
            Row("double 2^53", Dbl(9007199254740992.0));
            Row("double 123456789012345.6", Dbl(123456789012345.6));
            Row("double 0.8455124082255701", Dbl(0.8455124082255701));
            Row("double MaxValue", Dbl(double.MaxValue));
            Row("double -MaxValue", Dbl(-double.MaxValue));
            Row("double Epsilon", Dbl(double.Epsilon));
            Row("double NaN", Dbl(double.NaN));
            Row("double +Infinity", Dbl(double.PositiveInfinity));
            Row("double -Infinity", Dbl(double.NegativeInfinity));

            Row("decimal 0", Dec(0m));
            Row("decimal 1", Dec(1m));
            Row("decimal 1.0", Dec(1.0m));
            Row("decimal 1.50", Dec(1.50m));
            Row("decimal -0.001", Dec(-0.001m));
            Row("decimal 100", Dec(100m));
            Row("decimal 1E-28", Dec(0.0000000000000000000000000001m));
            Row("decimal MaxValue", Dec(decimal.MaxValue));
            Row("decimal MinValue", Dec(decimal.MinValue));
            Row("decimal 7.9228162514264337593543950335", Dec(7.9228162514264337593543950335m));

            var U = DateTimeKind.Unspecified; var Z = DateTimeKind.Utc; var L = DateTimeKind.Local;
            foreach (var kind in new[] { U, Z, L })
            {
                string k = kind.ToString();
                Row("datetime MinValue " + k, Dt(new DateTime(0, kind)));
                Row("datetime MaxValue " + k, Dt(new DateTime(DateTime.MaxValue.Ticks, kind)));
                Row("datetime 1899-12-31T23:59:59.9999999 " + k, Dt(At(1899, 12, 31, 23, 59, 59, 9999999, kind)));
                Row("datetime 1900-01-01 " + k, Dt(At(1900, 1, 1, 0, 0, 0, 0, kind)));
                Row("datetime 2199-12-31T23:59:59.9999999 " + k, Dt(At(2199, 12, 31, 23, 59, 59, 9999999, kind)));
                Row("datetime 2200-01-01 " + k, Dt(At(2200, 1, 1, 0, 0, 0, 0, kind)));
            }
            Row("datetime 1896-02-29 leap", Dt(At(1896, 2, 29, 0, 0, 0, 0, U)));
            Row("datetime 1900-02-28 no leap day", Dt(At(1900, 2, 28, 12, 0, 0, 0, U)));
            Row("datetime 1900-03-01", Dt(At(1900, 3, 1, 0, 0, 0, 0, U)));
            Row("datetime 2000-02-29 leap", Dt(At(2000, 2, 29, 0, 0, 0, 0, Z)));
            Row("datetime 2100-02-28 no leap day", Dt(At(2100, 2, 28, 23, 59, 59, 9999999, Z)));
            Row("datetime 2100-03-01", Dt(At(2100, 3, 1, 0, 0, 0, 0, Z)));
            Row("datetime 2196-02-29 leap", Dt(At(2196, 2, 29, 0, 0, 0, 0, L)));
            Row("datetime 2204-02-29 leap", Dt(At(2204, 2, 29, 0, 0, 0, 0, L)));
            Row("datetime fraction .1", Dt(At(2024, 1, 2, 3, 4, 5, 1000000, Z)));
            Row("datetime fraction .12", Dt(At(2024, 1, 2, 3, 4, 5, 1200000, Z)));
            Row("datetime fraction .0000001", Dt(At(2024, 1, 2, 3, 4, 5, 1, U)));
            Row("datetime fraction .1234567", Dt(At(2024, 1, 2, 3, 4, 5, 1234567, L)));

            Row("guid Empty", new Guids { D = Guid.Empty, N = Guid.Empty, L = new List<Guid> { Guid.Empty } });
            var g = new Guid("0F8FAD5B-D9CB-469F-A165-70867728950E");
            Row("guid 0f8fad5b", new Guids { D = g, N = g, L = new List<Guid> { g } });
            var ff = new Guid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF");
            Row("guid all ff", new Guids { D = ff, N = null, L = new List<Guid> { ff, g } });

            Row("Int16 bounds", new BoundsInt16 { V = short.MinValue, N = short.MaxValue, L = new List<short> { short.MinValue, short.MaxValue }, O = short.MaxValue });
            Row("Int32 bounds", new BoundsInt32 { V = int.MinValue, N = int.MaxValue, L = new List<int> { int.MinValue, int.MaxValue }, O = int.MaxValue });
            Row("Int64 bounds", new BoundsInt64 { V = long.MinValue, N = long.MaxValue, L = new List<long> { long.MinValue, long.MaxValue }, O = long.MaxValue });
            Row("SByte bounds", new BoundsSByte { V = sbyte.MinValue, N = sbyte.MaxValue, L = new List<sbyte> { sbyte.MinValue, sbyte.MaxValue }, O = sbyte.MaxValue });
            Row("Byte bounds", new BoundsByte { V = byte.MinValue, N = byte.MaxValue, L = new List<byte> { byte.MinValue, byte.MaxValue }, O = byte.MaxValue });
            Row("UInt16 bounds", new BoundsUInt16 { V = ushort.MinValue, N = ushort.MaxValue, L = new List<ushort> { ushort.MinValue, ushort.MaxValue }, O = ushort.MaxValue });
            Row("UInt32 bounds", new BoundsUInt32 { V = uint.MinValue, N = uint.MaxValue, L = new List<uint> { uint.MinValue, uint.MaxValue }, O = uint.MaxValue });
            Row("UInt64 bounds", new BoundsUInt64 { V = ulong.MinValue, N = ulong.MaxValue, L = new List<ulong> { ulong.MinValue, ulong.MaxValue }, O = ulong.MaxValue });
            return 0;
        }
    }
}

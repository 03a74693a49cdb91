// Answers the questions behind the tables marked "[Mono]" / "Mono:" in the unit tests, so that
// tests/interop/test_stored_tables.py can re-check every stored row against Mono at test time.
//
// stdin: one request per line, "op<TAB>arg<TAB>arg..." with every arg base64 of UTF-8 text.
// stdout: one answer per request, "OK<TAB>value" or "E<TAB>ExceptionType" (the innermost one).
//
//   xmlconvert TYPE TEXT   XmlConvert.ToXxx(TEXT) (Int16..UInt64, Boolean, Double, Guid)
//                          or XmlConvert.ToDateTime(TEXT, RoundtripKind) (DateTime)
//   dcs TYPE DOC           DataContractSerializer reads DOC (V<TYPE> below) as Web API does
//   json TYPE DOC          JsonConvert.DeserializeObject<V<TYPE>>(DOC)
//   guid TEXT              new Guid(TEXT)
//   dtformat TICKS KIND    new DateTime(TICKS, KIND): XmlConvert.ToString(RoundtripKind), the
//                          DCS element text and JsonConvert.SerializeObject, joined by TAB
//   double TEXT            double from its bit pattern (TEXT = Int64): ToString("R"),
//                          XmlConvert.ToString, JsonConvert.SerializeObject, joined by TAB
//   nil DOC                DCS reads DOC as Boundaries.Nils: each member described
//
// Values: integers and booleans as .NET prints them (invariant), doubles as their Int64 bit
// pattern, DateTime as "ticks kind" (kind: 0 Unspecified, 1 Utc, 2 Local), Guid in "D" format.
// Run with TZ set: the Local rows of the DateTime tables depend on it.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace Tables
{
    public class VInt16 { public short V { get; set; } }
    public class VInt32 { public int V { get; set; } }
    public class VInt64 { public long V { get; set; } }
    public class VSByte { public sbyte V { get; set; } }
    public class VByte { public byte V { get; set; } }
    public class VUInt16 { public ushort V { get; set; } }
    public class VUInt32 { public uint V { get; set; } }
    public class VUInt64 { public ulong V { get; set; } }
    public class VBoolean { public bool V { get; set; } }
    public class VDouble { public double V { get; set; } }
    public class VGuid { public Guid V { get; set; } }
    public class VDateTime { public DateTime V { get; set; } }
}

namespace Boundaries
{
    // the Nils contract of tests/netcontract/test_boundaries.py
    public class Item { public int A { get; set; } }

    public class Nils
    {
        public Item Child { get; set; }
        public List<int> Ints { get; set; }
        public int? N { get; set; }
        public string Name { get; set; }
        public object O { get; set; }
        public List<string> Strs { get; set; }
        public List<Item> Vehicles { get; set; }
    }
}

namespace Tables
{
    public static class Program
    {
        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        static string Show(object value)
        {
            if (value == null) return "null";
            if (value is bool) return (bool)value ? "true" : "false";
            if (value is double) return BitConverter.DoubleToInt64Bits((double)value).ToString(CultureInfo.InvariantCulture);
            if (value is DateTime) { var d = (DateTime)value; return d.Ticks + " " + (int)d.Kind; }
            if (value is Guid) return ((Guid)value).ToString("D");
            if (value is string) return "'" + value + "'";
            if (value is Boundaries.Item) return "Item(A=" + ((Boundaries.Item)value).A + ")";
            var list = value as System.Collections.IList;
            if (list != null)
            {
                var parts = new List<string>();
                foreach (var item in list) parts.Add(Show(item));
                return "[" + string.Join(", ", parts) + "]";
            }
            if (value.GetType() == typeof(object)) return "object()";
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        static object ToValue(string type, string text)
        {
            switch (type)
            {
                case "Int16": return XmlConvert.ToInt16(text);
                case "Int32": return XmlConvert.ToInt32(text);
                case "Int64": return XmlConvert.ToInt64(text);
                case "SByte": return XmlConvert.ToSByte(text);
                case "Byte": return XmlConvert.ToByte(text);
                case "UInt16": return XmlConvert.ToUInt16(text);
                case "UInt32": return XmlConvert.ToUInt32(text);
                case "UInt64": return XmlConvert.ToUInt64(text);
                case "Boolean": return XmlConvert.ToBoolean(text);
                case "Double": return XmlConvert.ToDouble(text);
                case "Guid": return XmlConvert.ToGuid(text);
                case "DateTime": return XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
            }
            throw new ArgumentException("unknown type " + type);
        }

        static Type Holder(string type)
        {
            var t = Type.GetType("Tables.V" + type);
            if (t == null) throw new ArgumentException("unknown type " + type);
            return t;
        }

        static object ReadXml(Type type, string doc)
        {
            var bytes = Utf8.GetBytes(doc);
            using (var reader = XmlDictionaryReader.CreateTextReader(new MemoryStream(bytes), Utf8, XmlDictionaryReaderQuotas.Max, null))
                return new DataContractSerializer(type).ReadObject(reader);
        }

        static string ElementText(object holder)
        {
            var ms = new MemoryStream();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8 };
            using (var w = XmlWriter.Create(ms, settings))
                new DataContractSerializer(holder.GetType()).WriteObject(w, holder);
            var doc = new XmlDocument();
            doc.LoadXml(Utf8.GetString(ms.ToArray()));
            return doc.DocumentElement.FirstChild.InnerText;
        }

        static string Answer(string[] f)
        {
            switch (f[0])
            {
                case "xmlconvert":
                    return Show(ToValue(f[1], f[2]));
                case "dcs":
                {
                    var type = Holder(f[1]);
                    return Show(type.GetProperty("V").GetValue(ReadXml(type, f[2]), null));
                }
                case "json":
                {
                    var type = Holder(f[1]);
                    return Show(type.GetProperty("V").GetValue(JsonConvert.DeserializeObject(f[2], type), null));
                }
                case "guid":
                    return Show(new Guid(f[1]));
                case "dtformat":
                {
                    var d = new DateTime(long.Parse(f[1], CultureInfo.InvariantCulture), (DateTimeKind)int.Parse(f[2], CultureInfo.InvariantCulture));
                    return XmlConvert.ToString(d, XmlDateTimeSerializationMode.RoundtripKind) + "\t"
                        + ElementText(new VDateTime { V = d }) + "\t" + JsonConvert.SerializeObject(d);
                }
                case "double":
                {
                    var d = BitConverter.Int64BitsToDouble(long.Parse(f[1], CultureInfo.InvariantCulture));
                    return d.ToString("R", CultureInfo.InvariantCulture) + "\t" + XmlConvert.ToString(d) + "\t"
                        + JsonConvert.SerializeObject(d);
                }
                case "nil":
                {
                    var n = (Boundaries.Nils)ReadXml(typeof(Boundaries.Nils), f[1]);
                    return "Child=" + Show(n.Child) + "\tInts=" + Show(n.Ints) + "\tN=" + Show(n.N)
                        + "\tName=" + Show(n.Name) + "\tO=" + Show(n.O) + "\tStrs=" + Show(n.Strs)
                        + "\tVehicles=" + Show(n.Vehicles);
                }
            }
            throw new ArgumentException("unknown op " + f[0]);
        }

        public static int Main()
        {
            var stdin = new StreamReader(Console.OpenStandardInput(), Utf8);
            var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8);
            string line;
            while ((line = stdin.ReadLine()) != null)
            {
                var raw = line.Split('\t');
                var f = new string[raw.Length];
                f[0] = raw[0];
                for (int i = 1; i < raw.Length; i++) f[i] = Utf8.GetString(Convert.FromBase64String(raw[i]));
                string answer;
                try { answer = "OK\t" + Answer(f); }
                catch (Exception e)
                {
                    while ((e is TargetInvocationException || e is SerializationException || e is JsonException)
                           && e.InnerException != null)
                        e = e.InnerException;
                    answer = "E\t" + e.GetType().FullName;
                }
                stdout.Write(answer.Replace("\n", "\\n").Replace("\r", "\\r") + "\n");
            }
            stdout.Flush();
            return 0;
        }
    }
}

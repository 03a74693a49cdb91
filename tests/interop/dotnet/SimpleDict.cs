// DataContractJsonSerializerSettings.UseSimpleDictionaryFormat = true on Mono: what it writes
// and reads. Read by tests/interop/test_simple_dict_interop.py.
// stdin lines: <label> <mode> <type> <base64 doc>; modes:
//   simple         read with UseSimpleDictionaryFormat, write it again the same way (compact)
//   simple-indent  the same, written through CreateJsonWriter(indent: true, "  ")
//   to-default     read with UseSimpleDictionaryFormat, write the default form (Key/Value arrays)
//   from-default   read the default form, write with UseSimpleDictionaryFormat (compact)
//   object-member  write Boxes { D = new Dictionary<string,int> { { "a", 1 } } } with the setting
// stdout lines: <label> OK|EXC <base64 text or "Type: message">. Run with TZ=UTC.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace SimpleDictNs
{
    [DataContract(Namespace = "urn:simple-dict")] public enum Color { [EnumMember] Red = 0, [EnumMember] Blue = 1 }

    [DataContract(Namespace = "urn:simple-dict")]
    [KnownType(typeof(SubItem))]
    public class Item { [DataMember] public int N; }

    [DataContract(Namespace = "urn:simple-dict")]
    public class SubItem : Item { [DataMember] public string S; }

    [CollectionDataContract(Name = "Map", Namespace = "urn:simple-dict", ItemName = "E", KeyName = "K", ValueName = "V")]
    public class Map : Dictionary<string, int> {}

    [CollectionDataContract(Namespace = "urn:simple-dict", IsReference = true)]
    public class RefMap : Dictionary<string, int> {}

    [DataContract(Namespace = "urn:simple-dict")]
    public class Maps
    {
        [DataMember] public Dictionary<string, int> S2I;
        [DataMember] public Dictionary<string, string> S2S;
        [DataMember] public Dictionary<string, int?> S2N;
        [DataMember] public Dictionary<string, Item> S2C;
        [DataMember] public Dictionary<string, Dictionary<string, int>> Nested;
        [DataMember] public List<Dictionary<string, int>> Listed;
        [DataMember] public Dictionary<string, DateTime> S2D;
        [DataMember] public Dictionary<string, DateTimeOffset> S2O;
        [DataMember] public Dictionary<string, Guid> S2G;
        [DataMember] public Dictionary<string, Color> S2E;
        [DataMember] public Dictionary<string, List<int>> S2L;
        [DataMember] public Dictionary<string, double> S2F;
        [DataMember] public IDictionary<string, byte[]> S2B;
        [DataMember] public Map CM;
    }

    // a dictionary in an object member (known to the serializer)
    [DataContract(Namespace = "urn:simple-dict")]
    [KnownType(typeof(Dictionary<string, int>))]
    public class Boxes { [DataMember] public object D; }
}

public static class SimpleDict
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    static Type Find(string name)
    {
        switch (name)
        {
            case "Maps": return typeof(SimpleDictNs.Maps);
            case "s2i": return typeof(Dictionary<string, int>);
            case "s2s": return typeof(Dictionary<string, string>);
            case "nested": return typeof(Dictionary<string, Dictionary<string, int>>);
            case "listed": return typeof(List<Dictionary<string, int>>);
            case "i2s": return typeof(Dictionary<int, string>);
            case "g2i": return typeof(Dictionary<Guid, int>);
            case "e2i": return typeof(Dictionary<SimpleDictNs.Color, int>);
            case "c2s": return typeof(Dictionary<char, string>);
            case "d2i": return typeof(Dictionary<DateTime, int>);
            case "b2i": return typeof(Dictionary<bool, int>);
            case "o2i": return typeof(Dictionary<DateTimeOffset, int>);
            case "l2i": return typeof(Dictionary<long, int>);
            case "y2i": return typeof(Dictionary<byte, int>);
            case "sb2i": return typeof(Dictionary<sbyte, int>);
            case "u2i": return typeof(Dictionary<ulong, int>);
            case "ui2i": return typeof(Dictionary<uint, int>);
            case "f2i": return typeof(Dictionary<double, int>);
            case "m2i": return typeof(Dictionary<decimal, int>);
            case "t2i": return typeof(Dictionary<TimeSpan, int>);
            case "Boxes": return typeof(SimpleDictNs.Boxes);
            case "Map": return typeof(SimpleDictNs.Map);
            case "RefMap": return typeof(SimpleDictNs.RefMap);
        }
        throw new ArgumentException(name);
    }

    static DataContractJsonSerializer Dcjs(Type t, bool simple)
    {
        return new DataContractJsonSerializer(t, new DataContractJsonSerializerSettings { UseSimpleDictionaryFormat = simple });
    }

    static object Read(byte[] doc, Type t, bool simple)
    {
        object o = Dcjs(t, simple).ReadObject(new MemoryStream(doc));
        if (o == null) throw new ArgumentException("the document is null");
        return o;
    }

    static string Write(object o, Type t, bool simple, bool indent)
    {
        var ms = new MemoryStream();
        if (indent)
        {
            using (var w = JsonReaderWriterFactory.CreateJsonWriter(ms, Utf8, false, true, "  "))
                Dcjs(t, simple).WriteObject(w, o);
        }
        else
            Dcjs(t, simple).WriteObject(ms, o);
        return Utf8.GetString(ms.ToArray());
    }

    public static void Main()
    {
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            if (line.Trim() == "") continue;
            var p = line.Split(' ');
            string label = p[0], mode = p[1];
            try
            {
                var t = Find(p[2]);
                var doc = Convert.FromBase64String(p[3]);
                string text;
                switch (mode)
                {
                    case "simple": text = Write(Read(doc, t, true), t, true, false); break;
                    case "simple-indent": text = Write(Read(doc, t, true), t, true, true); break;
                    case "to-default": text = Write(Read(doc, t, true), t, false, false); break;
                    case "from-default": text = Write(Read(doc, t, false), t, true, false); break;
                    case "object-member":  // the document is ignored: Boxes{D = {"a": 1}}
                        var boxes = new SimpleDictNs.Boxes { D = new Dictionary<string, int> { { "a", 1 } } };
                        text = Write(boxes, t, true, false);
                        break;
                    default: throw new ArgumentException(mode);
                }
                Console.WriteLine(label + " OK " + Convert.ToBase64String(Utf8.GetBytes(text)));
            }
            catch (Exception e)
            {
                while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
                Console.WriteLine(label + " EXC " + Convert.ToBase64String(Utf8.GetBytes(e.GetType().Name + ": " + e.Message)));
            }
        }
    }
}

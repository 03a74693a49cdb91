// The C# twin of tests/interop/test_collection_contract_interop.py: [CollectionDataContract]
// on List<T> and Dictionary<K,V> subclasses (the Python twins: collection_models.py).
// Modes:
//   samples   each sample object (Samples()) written by each serializer, one line per sample:
//             "<name> <b64 xml> <b64 xml indented> <b64 Json.NET> <b64 Json.NET indented> <b64 WCF JSON>"
//   xml|wcf|jsonnet   stdin "<type> <base64 document>" per line: read, written back (compact);
//             "<base64>" or "EXC <base64 message>"
//   xsd T     XsdDataContractExporter's schemas for Coll.T, one "<base64 schema>" per line
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;

namespace Coll {
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/Coll")]
    public class Item { [DataMember] public string A; [DataMember] public int B; }
    [DataContract(Namespace = "urn:x")]
    public class Other { [DataMember] public string A; }
    [CollectionDataContract(Namespace = "http://schemas.datacontract.org/2004/07/Coll")]
    public class ItemList : List<Item> {}
    [CollectionDataContract(Name = "Items", Namespace = "urn:n", ItemName = "It")]
    public class NamedItems : List<Item> {}
    [CollectionDataContract(Name = "OtherItems", Namespace = "urn:n")]
    public class OtherItems : List<Other> {}
    [CollectionDataContract(ItemName = "S")]
    public class Strs : List<string> {}
    [CollectionDataContract]
    public class Ints : List<int?> {}
    [CollectionDataContract]
    public class Nested : List<ItemList> {}
    [CollectionDataContract(Name = "Map", Namespace = "urn:m", ItemName = "E", KeyName = "K", ValueName = "V")]
    public class Map : Dictionary<string, int> {}
    [CollectionDataContract]
    public class DefMap : Dictionary<string, Item> {}
    [CollectionDataContract(Namespace = "urn:m2", KeyName = "Id")]
    public class OtherMap : Dictionary<int, Other> {}
    [CollectionDataContract(Namespace = "http://schemas.datacontract.org/2004/07/Coll", IsReference = true)]
    public class RefList : List<Item> {}
    [CollectionDataContract(IsReference = true, ItemName = "P")]
    public class RefMap : Dictionary<string, int> {}
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/Coll")]
    public class Shared {
        [DataMember] public RefList A; [DataMember] public RefList B; [DataMember] public RefMap M;
        [DataMember] public RefMap N; [DataMember] public List<RefList> L;
    }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/Coll")]
    [KnownType(typeof(ItemList))] [KnownType(typeof(Strs))] [KnownType(typeof(Map))] [KnownType(typeof(OtherItems))]
    public class Holder {
        [DataMember] public ItemList L; [DataMember] public Map M; [DataMember] public object O;
        [DataMember] public Strs S; [DataMember] public NamedItems N; [DataMember] public DefMap D;
        [DataMember] public Ints I; [DataMember] public List<ItemList> LL; [DataMember] public OtherItems X;
        [DataMember] public OtherMap OM; [DataMember] public Nested NE;
    }
}

public static class CollectionTwin {
    static string B64(string s) { return Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }
    static string Text(string b64) { return Encoding.UTF8.GetString(Convert.FromBase64String(b64)); }

    static string Xml(object o, Type t, bool indent) {
        var s = new DataContractSerializer(t);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings {
            OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
        };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return sb.ToString();
    }

    static string Wcf(object o, Type t) {
        var ms = new MemoryStream();
        try {
            new DataContractJsonSerializer(t).WriteObject(ms, o);
        } catch (SerializationException e) {
            return "EXC " + e.Message;
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    static Coll.Shared SharedSample() {
        var l = new Coll.RefList { new Coll.Item { A = "x" }, null };
        var m = new Coll.RefMap { { "k", 1 } };
        return new Coll.Shared { A = l, B = l, M = m, N = m, L = new List<Coll.RefList> { l, new Coll.RefList() } };
    }

    static Dictionary<string, object> Samples() {
        var full = new Coll.Holder {
            L = new Coll.ItemList { new Coll.Item { A = "a", B = 1 }, null },
            M = new Coll.Map { { "x", 1 }, { "y", 2 } },
            O = new Coll.ItemList { new Coll.Item() },
            S = new Coll.Strs { "s", null },
            N = new Coll.NamedItems { new Coll.Item { A = "n" } },
            D = new Coll.DefMap { { "k", new Coll.Item { A = "v" } }, { "nil", null } },
            I = new Coll.Ints { 1, null },
            LL = new List<Coll.ItemList> { new Coll.ItemList(), null, new Coll.ItemList { null } },
            X = new Coll.OtherItems { new Coll.Other { A = "o" }, null },
            OM = new Coll.OtherMap { { 7, new Coll.Other { A = "q" } } },
            NE = new Coll.Nested { new Coll.ItemList { new Coll.Item { B = 2 } }, null },
        };
        return new Dictionary<string, object> {
            { "holder", full },
            { "holder-empty", new Coll.Holder() },
            { "holder-empties", new Coll.Holder {
                L = new Coll.ItemList(), M = new Coll.Map(), S = new Coll.Strs(), N = new Coll.NamedItems(),
                D = new Coll.DefMap(), I = new Coll.Ints(), X = new Coll.OtherItems(), OM = new Coll.OtherMap(),
                NE = new Coll.Nested(), O = new Coll.Strs { "in-object" } } },
            { "root-itemlist", full.L },
            { "root-named", full.N },
            { "root-other", full.X },
            { "root-strs", full.S },
            { "root-ints", full.I },
            { "root-map", full.M },
            { "root-defmap", full.D },
            { "root-othermap", full.OM },
            { "root-nested", full.NE },
            { "root-empty-map", new Coll.Map() },
            { "shared", SharedSample() },
            { "root-reflist", SharedSample().A },
            { "holder-object-map", new Coll.Holder { O = new Coll.Map { { "a", 1 } } } },
            { "holder-object-otheritems", new Coll.Holder { O = new Coll.OtherItems { new Coll.Other { A = "o" }, null } } },
        };
    }

    public static void Main(string[] args) {
        if (args[0] == "samples") {
            foreach (var kv in Samples()) {
                var t = kv.Value.GetType();
                var indented = JsonConvert.SerializeObject(kv.Value, Newtonsoft.Json.Formatting.Indented);
                Console.WriteLine(kv.Key + " " + B64(Xml(kv.Value, t, false)) + " " + B64(Xml(kv.Value, t, true))
                    + " " + B64(JsonConvert.SerializeObject(kv.Value)) + " " + B64(indented) + " " + B64(Wcf(kv.Value, t)));
            }
            return;
        }
        if (args[0] == "xsd") {
            var ex = new XsdDataContractExporter();
            ex.Export(Type.GetType("Coll." + args[1]));
            foreach (XmlSchema sc in ex.Schemas.Schemas()) {
                var sw = new StringWriter();
                sc.Write(sw);
                Console.WriteLine(B64(sw.ToString()));
            }
            return;
        }
        string line;
        while ((line = Console.ReadLine()) != null) {
            var parts = line.Split(' ');
            var type = Type.GetType("Coll." + parts[0]);
            var doc = Text(parts[1]);
            try {
                if (args[0] == "xml") {
                    var o = new DataContractSerializer(type).ReadObject(XmlReader.Create(new StringReader(doc)));
                    Console.WriteLine(B64(Xml(o, type, false)));
                } else if (args[0] == "wcf") {
                    var s = new DataContractJsonSerializer(type);
                    var o = s.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(doc)));
                    Console.WriteLine(B64(Wcf(o, type)));
                } else {
                    var o = JsonConvert.DeserializeObject(doc, type);
                    Console.WriteLine(B64(JsonConvert.SerializeObject(o)));
                }
            } catch (Exception e) {
                Console.WriteLine("EXC " + B64(e.GetType().Name + ": " + e.Message));
            }
        }
    }
}

// List<T> and Dictionary<K,V> as the document and, as known types, in object members: what
// DataContractSerializer (XmlWriter compact and indented, WriteObject(Stream)),
// DataContractJsonSerializer (compact and indented) and Json.NET write, and what the two
// DataContract readers accept. Read by tests/interop/test_known_collections_interop.py.
// stdin lines: <label> <mode> <value|-> <rootType> <known|-> [<base64 doc>]
// stdout lines: <label> OK|EXC <base64 text or "Type: message">
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;

namespace KC
{
    [DataContract(Namespace = "urn:kc")]
    public class Item { [DataMember] public int N; }

    // [KnownType(typeof(Dictionary<string,int>))], [KnownType(typeof(List<int>))]
    [DataContract(Namespace = "urn:kc")]
    [KnownType(typeof(Dictionary<string, int>))]
    [KnownType(typeof(List<int>))]
    public class Holder { [DataMember] public object O; }

    [DataContract(Namespace = "urn:kc")]
    public class Bare { [DataMember] public object O; }

    public static class Program
    {
        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        static string B64(string s) { return Convert.ToBase64String(Utf8.GetBytes(s)); }

        static Type Find(string name) {
            switch (name) {
                case "Holder": return typeof(Holder);
                case "Bare": return typeof(Bare);
                case "DictStringInt": return typeof(Dictionary<string, int>);
                case "DictGuidString": return typeof(Dictionary<Guid, string>);
                case "DictStringItem": return typeof(Dictionary<string, Item>);
                case "ListInt": return typeof(List<int>);
                case "ListString": return typeof(List<string>);
                case "ListItem": return typeof(List<Item>);
                case "ListObject": return typeof(List<object>);
                case "Item": return typeof(Item);
            }
            throw new ArgumentException(name);
        }
        static Type[] Known(string names) {
            return names == "-" ? new Type[0] : names.Split(',').Select(Find).ToArray();
        }
        static object Value(string name) {
            switch (name) {
                case "dict": return new Dictionary<string, int> { { "a", 1 }, { "b", 2 } };
                case "dict-empty": return new Dictionary<string, int>();
                case "dict-guid": return new Dictionary<Guid, string> { { Guid.Empty, null }, { new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), "g" } };
                case "dict-item": return new Dictionary<string, Item> { { "x", new Item { N = 3 } }, { "y", null } };
                case "list": return new List<int> { 1, 2 };
                case "list-empty": return new List<int>();
                case "list-string": return new List<string> { "x", null, "" };
                case "list-item": return new List<Item> { new Item { N = 1 }, null };
                case "list-object": return new List<object> { new Item { N = 1 }, 5, null, "s" };
                case "holder-dict": return new Holder { O = Value("dict") };
                case "holder-dict-empty": return new Holder { O = Value("dict-empty") };
                case "holder-list": return new Holder { O = Value("list") };
                case "bare-dict": return new Bare { O = Value("dict") };
                case "bare-list": return new Bare { O = Value("list") };
                case "bare-list-item": return new Bare { O = Value("list-item") };
                case "bare-dict-item": return new Bare { O = Value("dict-item") };
                case "bare-item": return new Bare { O = new Item { N = 7 } };
            }
            throw new ArgumentException(name);
        }
        static string Xml(object o, Type t, Type[] known, bool indent) {
            var s = new DataContractSerializer(t, known);
            var sb = new StringBuilder();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n" };
            using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
            return sb.ToString();
        }
        static string Stream(object o, Type t, Type[] known) {
            var ms = new MemoryStream();
            new DataContractSerializer(t, known).WriteObject(ms, o);
            return Utf8.GetString(ms.ToArray());
        }
        static string Wcf(object o, Type t, Type[] known, bool indent) {
            var ms = new MemoryStream();
            var s = new DataContractJsonSerializer(t, known);
            if (indent) { using (var w = JsonReaderWriterFactory.CreateJsonWriter(ms, Encoding.UTF8, false, true, "  ")) s.WriteObject(w, o); }
            else s.WriteObject(ms, o);
            return Utf8.GetString(ms.ToArray());
        }
        static void Line(string name, Func<string> make) {
            try { Console.WriteLine(name + " OK " + B64(make())); }
            catch (Exception e) { Console.WriteLine(name + " EXC " + B64(e.GetType().Name + ": " + e.Message)); }
        }
        public static void Main() {
            string line;
            while ((line = Console.ReadLine()) != null) {
                if (line.Trim() == "") continue;
                var p = line.Split(' ');
                string name = p[0], mode = p[1];
                if (mode == "xsd") {
                    // XsdDataContractExporter: one line per schema, <label>/<namespace> OK base64
                    var exporter = new XsdDataContractExporter();
                    exporter.Export(Find(p[3]));
                    foreach (XmlSchema schema in exporter.Schemas.Schemas()) {
                        var ms = new MemoryStream();
                        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                        using (var writer = XmlWriter.Create(ms, settings)) schema.Write(writer);
                        Console.WriteLine(name + "/" + schema.TargetNamespace + " OK " + Convert.ToBase64String(ms.ToArray()));
                    }
                    continue;
                }
                Line(name, () => {
                    var type = Find(p[3]);
                    var known = Known(p[4]);
                    switch (mode) {
                        case "xml": return Xml(Value(p[2]), type, known, false);
                        case "xml-indent": return Xml(Value(p[2]), type, known, true);
                        case "stream": return Stream(Value(p[2]), type, known);
                        case "wcf": return Wcf(Value(p[2]), type, known, false);
                        case "wcf-indent": return Wcf(Value(p[2]), type, known, true);
                        case "json": return JsonConvert.SerializeObject(Value(p[2]));
                        case "json-indent": return JsonConvert.SerializeObject(Value(p[2]), Newtonsoft.Json.Formatting.Indented);
                        case "read-xml": {
                            var doc = Utf8.GetString(Convert.FromBase64String(p[5]));
                            var o = new DataContractSerializer(type, known).ReadObject(XmlReader.Create(new StringReader(doc)));
                            return Xml(o, type, known, false);
                        }
                        case "read-wcf": {
                            var o = new DataContractJsonSerializer(type, known).ReadObject(new MemoryStream(Convert.FromBase64String(p[5])));
                            return Wcf(o, type, known, false);
                        }
                        case "read-json": {
                            var o = JsonConvert.DeserializeObject(Utf8.GetString(Convert.FromBase64String(p[5])), type);
                            return JsonConvert.SerializeObject(o);
                        }
                    }
                    throw new ArgumentException(mode);
                });
            }
        }
    }
}

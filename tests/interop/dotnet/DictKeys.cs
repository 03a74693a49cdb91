// Dictionary<K,int> keys of Double, Single, Decimal, TimeSpan, DateTimeOffset, Byte and SByte:
// Mono reads a document and writes the dictionary again. Read by
// tests/interop/test_dict_keys_interop.py.
// stdin lines: <label> <mode> <keyType> <base64 doc>; modes: xml, xml-indent, stream, wcf,
// wcf-indent, json, json-indent (read that format, write it again), json-to-xml (read Json.NET,
// write XML compact), xml-to-json (read XML, write Json.NET compact), xml-to-json-camel (the
// same with CamelCasePropertyNamesContractResolver)
// stdout lines: <label> OK|EXC <base64 text or "Type: message">
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;

namespace DictKeysNs
{
    // members of every key type, for XsdDataContractExporter (mode "xsd")
    [DataContract(Namespace = "urn:dict-keys")]
    public class KeyHolder
    {
        [DataMember] public Dictionary<double, int> A;
        [DataMember] public Dictionary<float, int> B;
        [DataMember] public Dictionary<decimal, int> C;
        [DataMember] public Dictionary<TimeSpan, int> D;
        [DataMember] public Dictionary<DateTimeOffset, string> E;
        [DataMember] public Dictionary<byte, int> F;
        [DataMember] public Dictionary<sbyte, int> G;
    }
}

public static class DictKeys
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    static Type Find(string name) {
        switch (name) {
            case "double": return typeof(Dictionary<double, int>);
            case "float": return typeof(Dictionary<float, int>);
            case "decimal": return typeof(Dictionary<decimal, int>);
            case "duration": return typeof(Dictionary<TimeSpan, int>);
            case "DateTimeOffset": return typeof(Dictionary<DateTimeOffset, int>);
            case "unsignedByte": return typeof(Dictionary<byte, int>);
            case "byte": return typeof(Dictionary<sbyte, int>);
        }
        throw new ArgumentException(name);
    }
    static string Xml(object o, Type t, bool indent) {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(sb, settings)) new DataContractSerializer(t).WriteObject(w, o);
        return sb.ToString();
    }
    static string Stream(object o, Type t) {
        var ms = new MemoryStream();
        new DataContractSerializer(t).WriteObject(ms, o);
        return Utf8.GetString(ms.ToArray());
    }
    static string Wcf(object o, Type t, bool indent) {
        var ms = new MemoryStream();
        var s = new DataContractJsonSerializer(t);
        if (indent) { using (var w = JsonReaderWriterFactory.CreateJsonWriter(ms, Encoding.UTF8, false, true, "  ")) s.WriteObject(w, o); }
        else s.WriteObject(ms, o);
        return Utf8.GetString(ms.ToArray());
    }
    static object ReadXml(byte[] doc, Type t) {
        return new DataContractSerializer(t).ReadObject(XmlReader.Create(new MemoryStream(doc)));
    }
    static object ReadJson(byte[] doc, Type t) {
        return JsonConvert.DeserializeObject(Utf8.GetString(doc), t);
    }
    public static void Main() {
        string line;
        while ((line = Console.ReadLine()) != null) {
            if (line.Trim() == "") continue;
            var p = line.Split(' ');
            string label = p[0], mode = p[1];
            if (mode == "xsd") {
                // one line per schema: <label>/<namespace> OK base64(XSD)
                var exporter = new XsdDataContractExporter();
                exporter.Export(typeof(DictKeysNs.KeyHolder));
                foreach (XmlSchema schema in exporter.Schemas.Schemas()) {
                    var ms = new MemoryStream();
                    var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                    using (var writer = XmlWriter.Create(ms, settings)) schema.Write(writer);
                    Console.WriteLine(label + "/" + schema.TargetNamespace + " OK " + Convert.ToBase64String(ms.ToArray()));
                }
                continue;
            }
            try {
                var t = Find(p[2]);
                var doc = Convert.FromBase64String(p[3]);
                string text;
                switch (mode) {
                    case "xml": text = Xml(ReadXml(doc, t), t, false); break;
                    case "xml-indent": text = Xml(ReadXml(doc, t), t, true); break;
                    case "stream": text = Stream(ReadXml(doc, t), t); break;
                    case "wcf": text = Wcf(new DataContractJsonSerializer(t).ReadObject(new MemoryStream(doc)), t, false); break;
                    case "wcf-indent": text = Wcf(new DataContractJsonSerializer(t).ReadObject(new MemoryStream(doc)), t, true); break;
                    case "json": text = JsonConvert.SerializeObject(ReadJson(doc, t)); break;
                    case "json-indent": text = JsonConvert.SerializeObject(ReadJson(doc, t), Newtonsoft.Json.Formatting.Indented); break;
                    case "json-to-xml": text = Xml(ReadJson(doc, t), t, false); break;
                    case "xml-to-json": text = JsonConvert.SerializeObject(ReadXml(doc, t)); break;
                    case "xml-to-json-camel": text = JsonConvert.SerializeObject(ReadXml(doc, t), new JsonSerializerSettings { ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver() }); break;
                    default: throw new ArgumentException(mode);
                }
                Console.WriteLine(label + " OK " + Convert.ToBase64String(Utf8.GetBytes(text)));
            } catch (Exception e) {
                Console.WriteLine(label + " EXC " + Convert.ToBase64String(Utf8.GetBytes(e.GetType().Name + ": " + e.Message)));
            }
        }
    }
}

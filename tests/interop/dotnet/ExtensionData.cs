// The C# twin of tests/interop/test_extension_data_interop.py: IExtensibleDataObject.
// Ext.V1 is the Python models' twin (extension_data=True); Ext.V2 is the same contracts with
// members added in the middle and at the end, at the base and derived levels.
// Modes (stdin: one request per line, "<type> <base64 document>"; stdout: one answer per line):
//   v2                  the V2 documents: "<case> <base64>" per line
//   xml                 read by DataContractSerializer into Ext.V1.<type>, written back:
//                       "<base64 compact> <base64 indented>" or "EXC <base64 message>"
//   wcf                 the same through DataContractJsonSerializer: "<base64>" or "EXC ..."
//   jsonnet             the same through Json.NET 6.0.8: "<base64>" or "EXC ..."
//   typed               read and written by a DataContractSerializer of Ext.V1.<type> knowing
//                       Derived and EntSub (a derived value is a root <Base i:type="Derived">):
//                       "<base64 compact> <base64 indented> <base64 WriteObject(Stream)>"
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace Ext.V1 {
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Base : IExtensibleDataObject {
        [DataMember] public string A; [DataMember] public int M;
        public ExtensionDataObject ExtensionData { get; set; }
    }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Derived : Base { [DataMember] public string C; [DataMember] public int P; }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    [KnownType(typeof(Derived))]
    public class Holder : IExtensibleDataObject {
        [DataMember] public Base Item; [DataMember] public List<Base> Items; [DataMember] public string Name;
        public ExtensionDataObject ExtensionData { get; set; }
    }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Plain { [DataMember] public string A; [DataMember] public int M; }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData", IsReference = true)]
    public class Ent : IExtensibleDataObject {
        [DataMember] public string K; [DataMember] public Ent Next;
        public ExtensionDataObject ExtensionData { get; set; }
    }
    [DataContract(Namespace = "urn:ext:more")]
    public class EntSub : Ent { [DataMember] public string S; }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Quiet : IExtensibleDataObject {
        [DataMember] public string A; [DataMember(EmitDefaultValue = false)] public int M; [DataMember] public string Z;
        public ExtensionDataObject ExtensionData { get; set; }
    }
}

namespace Ext.V2 {
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Tag { [DataMember] public string Label; [DataMember] public List<int> Codes; }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    [KnownType(typeof(Derived))]
    public class Base {
        [DataMember] public string A; [DataMember] public string B; [DataMember] public int M; [DataMember] public Tag Z;
    }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Derived : Base {
        [DataMember] public string C; [DataMember] public double D; [DataMember] public int P; [DataMember] public List<string> Q;
    }
    [DataContract(Namespace = "http://schemas.datacontract.org/2004/07/ExtData")]
    public class Holder {
        [DataMember] public Base Item; [DataMember] public List<Base> Items; [DataMember] public string Mid;
        [DataMember] public string Name; [DataMember] public object Zed;
    }
}

public static class ExtensionDataTwin {
    static string B64(string s) { return Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }
    static string Text(string b64) { return Encoding.UTF8.GetString(Convert.FromBase64String(b64)); }

    static string Xml(object o, Type t, bool indent) {
        var s = new DataContractSerializer(t);
        var sb = new StringBuilder();
        // as Web API's writer with Driver.cs's settings
        var settings = new XmlWriterSettings {
            OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
        };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return sb.ToString();
    }

    static readonly Type[] Known = { typeof(Ext.V1.Derived), typeof(Ext.V1.EntSub) };
    static string Typed(object o, Type t, bool indent) {
        var s = new DataContractSerializer(t, Known);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings {
            OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
        };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return sb.ToString();
    }
    static Ext.V2.Holder V2() {
        var tag = new Ext.V2.Tag { Label = "t<&>", Codes = new List<int> { 1, 2 } };
        return new Ext.V2.Holder {
            Item = new Ext.V2.Derived { A = "a", B = "b", M = 1, Z = tag, C = "c", D = 1.5, P = 2, Q = new List<string> { "q1", null } },
            Items = new List<Ext.V2.Base> {
                new Ext.V2.Base { A = "x", B = "y", M = 3 },
                null,
                new Ext.V2.Derived { A = "d", M = 4, Z = new Ext.V2.Tag(), Q = new List<string>() },
            },
            Mid = "m", Name = "n", Zed = 42L,
        };
    }

    public static void Main(string[] args) {
        if (args[0] == "v2") {
            var t = typeof(Ext.V2.Holder);
            Console.WriteLine("holder " + B64(Xml(V2(), t, false)));
            Console.WriteLine("holder-indented " + B64(Xml(V2(), t, true)));
            var ms = new MemoryStream();
            new DataContractJsonSerializer(t).WriteObject(ms, V2());
            Console.WriteLine("holder-wcf " + Convert.ToBase64String(ms.ToArray()));
            Console.WriteLine("holder-jsonnet " + B64(JsonConvert.SerializeObject(V2())));
            return;
        }
        string line;
        while ((line = Console.ReadLine()) != null) {
            var parts = line.Split(' ');
            var type = Type.GetType("Ext.V1." + parts[0]);
            var doc = Text(parts[1]);
            try {
                if (args[0] == "typed") {
                    var s = new DataContractSerializer(type, Known);
                    var o = s.ReadObject(XmlReader.Create(new StringReader(doc)));
                    var ms = new MemoryStream();
                    s.WriteObject(ms, o);
                    Console.WriteLine(B64(Typed(o, type, false)) + " " + B64(Typed(o, type, true)) + " " + Convert.ToBase64String(ms.ToArray()));
                } else if (args[0] == "xml") {
                    var o = new DataContractSerializer(type).ReadObject(XmlReader.Create(new StringReader(doc)));
                    Console.WriteLine(B64(Xml(o, type, false)) + " " + B64(Xml(o, type, true)));
                } else if (args[0] == "wcf") {
                    var s = new DataContractJsonSerializer(type);
                    var o = s.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(doc)));
                    var ms = new MemoryStream();
                    s.WriteObject(ms, o);
                    Console.WriteLine(Convert.ToBase64String(ms.ToArray()));
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

// The C# twin of tests/interop/test_references_pinned.py: [DataContract(IsReference = true)].
// Modes (one line per output, base64 so that any bytes survive):
//   write                     every pinned document: "<case> <base64>" or "<case> EXC <message>"
//   read-xml <type>           stdin read by DataContractSerializer, written again (or EXC)
//   read-json <type> <prh>    stdin read by Json.NET with PreserveReferencesHandling, written again
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace R {
    [DataContract(IsReference = true)] [KnownType(typeof(Sub))]
    public class Node {
        [DataMember] public string Name; [DataMember] public Node Next; [DataMember] public List<Node> Kids;
    }
    [DataContract(IsReference = true)] public class Sub : Node { [DataMember] public int Extra; }
    [DataContract] public class Plain { [DataMember] public int X; }
    [DataContract] public class Holder {
        [DataMember] public Node A; [DataMember] public Node B; [DataMember] public List<Node> L;
        [DataMember] public Plain P; [DataMember] public Plain Q;
    }
    // not IsReference: a Chain that holds itself is refused by all three writers
    [DataContract] public class Chain { [DataMember] public Chain Next; [DataMember] public List<Chain> Kids; }
    // members that are not IsReference: a z:Ref there names nothing Mono reads back
    [DataContract] public class Leaves {
        [DataMember] public List<int> Ints; [DataMember] public int? N; [DataMember] public string Name;
        [DataMember] public List<Plain> Ps; [DataMember] public List<string> Strs;
    }
    [DataContract(Namespace = "urn:h")] [KnownType(typeof(Node))] [KnownType(typeof(Sub))]
    public class H2 { [DataMember] public Node A; [DataMember] public Node B; [DataMember] public object O; [DataMember] public object O2; }
}

public static class References {
    static string B64(string s) { return Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }

    static string Xml(object o, Type t, bool indent) {
        var s = new DataContractSerializer(t);
        var sb = new StringBuilder();
        // as Web API's writer with Driver.cs's settings: "\r" in text written "&#xD;"
        var settings = new XmlWriterSettings {
            OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
        };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return sb.ToString();
    }

    static string Json(object o, string prh, bool indent) {
        var settings = new JsonSerializerSettings {
            PreserveReferencesHandling = (PreserveReferencesHandling)Enum.Parse(typeof(PreserveReferencesHandling), prh),
            Formatting = indent ? Newtonsoft.Json.Formatting.Indented : Newtonsoft.Json.Formatting.None,
        };
        return JsonConvert.SerializeObject(o, settings);
    }

    static R.Holder Shared() {
        var shared = new R.Node { Name = "s" };
        var plain = new R.Plain { X = 1 };
        return new R.Holder { A = shared, B = shared, L = new List<R.Node> { shared, new R.Node { Name = "t" } }, P = plain, Q = plain };
    }

    static R.Node Cycle() {
        var a = new R.Node { Name = "a" };
        var b = new R.Node { Name = "b", Next = a };
        a.Next = b;
        a.Kids = new List<R.Node> { a, b };
        return a;
    }

    static void Line(string name, Func<string> make) {
        try { Console.WriteLine(name + " " + B64(make())); }
        catch (Exception e) { Console.WriteLine(name + " EXC " + B64(e.GetType().Name + ": " + e.Message)); }
    }

    static Type Find(string name) { return typeof(R.Holder).Assembly.GetType("R." + name, true); }

    public static void Main(string[] args) {
        if (args[0] == "write") {
            Line("xml-holder", () => Xml(Shared(), typeof(R.Holder), false));
            Line("xml-holder-indented", () => Xml(Shared(), typeof(R.Holder), true));
            Line("xml-cycle", () => Xml(Cycle(), typeof(R.Node), false));
            Line("xml-cycle-indented", () => Xml(Cycle(), typeof(R.Node), true));
            var sub = new R.Sub { Name = "s", Extra = 3 };
            var n2 = new R.Node { Name = "n2" };
            Line("xml-h2", () => Xml(new R.H2 { A = sub, B = sub, O = n2, O2 = n2 }, typeof(R.H2), false));
            // an IsReference object met again in an object member: {"$ref":"1"}, read back as it
            var na = new R.Node { Name = "a" };
            var nb = new R.Node { Name = "b" };
            Line("json-h2-refs", () => Json(new R.H2 { A = na, B = nb, O = na, O2 = nb }, "None", false));
            Line("json-h2-refs-read", () => {
                var h = JsonConvert.DeserializeObject<R.H2>(Json(new R.H2 { A = na, B = nb, O = na, O2 = nb }, "None", false));
                return (ReferenceEquals(h.O, h.A) && ReferenceEquals(h.O2, h.B)) + " " + h.O.GetType().Name;
            });
            foreach (var prh in new[] { "None", "Objects", "Arrays", "All" })
                Line("json-holder-" + prh, () => Json(Shared(), prh, false));
            Line("json-cycle", () => Json(Cycle(), "None", false));
            Line("json-cycle-indented", () => Json(Cycle(), "None", true));
            var loop = new R.Chain(); loop.Next = new R.Chain { Next = loop };
            var inList = new R.Chain(); inList.Kids = new List<R.Chain> { new R.Chain(), inList };
            foreach (var c in new[] { Tuple.Create("next", loop), Tuple.Create("kids", inList) }) {
                var chain = c.Item2;
                Line("xml-chain-" + c.Item1, () => Xml(chain, typeof(R.Chain), false));
                Line("json-chain-" + c.Item1, () => Json(chain, "None", false));
                Line("wcf-chain-" + c.Item1, () => {
                    var ms = new MemoryStream();
                    new DataContractJsonSerializer(typeof(R.Chain)).WriteObject(ms, chain);
                    return Encoding.UTF8.GetString(ms.ToArray());
                });
            }
            Line("wcf-holder", () => {
                var ms = new MemoryStream();
                new DataContractJsonSerializer(typeof(R.Holder)).WriteObject(ms, Shared());
                return Encoding.UTF8.GetString(ms.ToArray());
            });
            Line("xsd", () => {
                var exporter = new XsdDataContractExporter();
                exporter.Export(typeof(R.Holder));
                foreach (System.Xml.Schema.XmlSchema schema in exporter.Schemas.Schemas())
                    if (schema.TargetNamespace == "http://schemas.datacontract.org/2004/07/R") {
                        var sb = new StringBuilder();
                        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true })) schema.Write(w);
                        return sb.ToString();
                    }
                return "";
            });
            return;
        }
        var input = Console.In.ReadToEnd();
        var type = Find(args[1]);
        if (args[0] == "read-xml") {
            Line("read", () => {
                var o = new DataContractSerializer(type).ReadObject(XmlReader.Create(new StringReader(input)));
                return Xml(o, type, false);
            });
        } else {
            Line("read", () => {
                var settings = new JsonSerializerSettings {
                    PreserveReferencesHandling = (PreserveReferencesHandling)Enum.Parse(typeof(PreserveReferencesHandling), args[2]),
                };
                var o = JsonConvert.DeserializeObject(input, type, settings);
                return Json(o, args[2], false);
            });
        }
    }
}

// The C# twin of tests/interop/test_generic_contract_interop.py: generic [DataContract]s
// (ApiResponse<T>, Pair<A,B>, Name = "Page{0}" patterns). Python twins: generic_models.py.
// Modes (one line per output, base64 so that any bytes survive):
//   names                     "<case> <name> <namespace>" by XsdDataContractExporter.GetSchemaTypeName
//   write                     every pinned document: "<case> <base64>" or "<case> EXC <message>"
//   read-xml <case>           stdin read by DataContractSerializer, written again (or EXC)
//   read-json <case>          stdin read by Json.NET, written again
//   read-wcf <case>           stdin read by DataContractJsonSerializer, written again
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace G {
    [DataContract] public class Customer { [DataMember] public string Name; }
    [DataContract] public class ApiResponse<T> { [DataMember] public bool Ok; [DataMember] public T Data; }
    [DataContract] public class Pair<A, B> { [DataMember] public A First; [DataMember] public B Second; }
    [DataContract(Name = "Page{0}")] public class Page<T> { [DataMember] public List<T> Items; }
    [DataContract(Name = "Page2{0}{#}")] public class Page2<T> { [DataMember] public List<T> Items; }
    [DataContract(Name = "Swap{1}And{0}")] public class Swap<A, B> { [DataMember] public A X; [DataMember] public B Y; }
    [DataContract(Name = "Lit")] public class Lit<T> { [DataMember] public T V; }
    [DataContract(Namespace = "urn:x")] public class InX<T> { [DataMember] public T V; }
    [DataContract] [KnownType(typeof(ApiResponse<Customer>))]
    public class Holder {
        [DataMember] public ApiResponse<Customer> R;
        [DataMember] public object O;
        [DataMember] public List<ApiResponse<int>> L;
        [DataMember] public ApiResponse<Pair<int, string>> P;
        [DataMember] public ApiResponse<int?> N;
        [DataMember] public ApiResponse<List<Customer>> A;
        [DataMember] public ApiResponse<Dictionary<string, int>> D;
        [DataMember] public Swap<int, Customer> S;
        [DataMember] public Page<Customer> Pg;
        [DataMember] public ApiResponse<H.Other> X;
        [DataMember] public Lit<Guid> T;
        [DataMember] public InX<Customer> I;
    }
}
namespace G {
    [DataContract] public class Special : ApiResponse<Customer> { [DataMember] public int Extra; }
}
namespace H {
    [DataContract] public class Other { [DataMember] public int N; }
}

public static class Generic {
    static readonly Dictionary<string, Type> Cases = new Dictionary<string, Type> {
        { "customer", typeof(G.ApiResponse<G.Customer>) },
        { "other", typeof(G.ApiResponse<H.Other>) },
        { "int", typeof(G.ApiResponse<int>) },
        { "string", typeof(G.ApiResponse<string>) },
        { "guid", typeof(G.ApiResponse<Guid>) },
        { "nullable-int", typeof(G.ApiResponse<int?>) },
        { "object", typeof(G.ApiResponse<object>) },
        { "list-customer", typeof(G.ApiResponse<List<G.Customer>>) },
        { "list-int", typeof(G.ApiResponse<List<int>>) },
        { "dict", typeof(G.ApiResponse<Dictionary<string, int>>) },
        { "pair-in", typeof(G.ApiResponse<G.Pair<int, string>>) },
        { "nested", typeof(G.ApiResponse<G.ApiResponse<G.Customer>>) },
        { "pair", typeof(G.Pair<int, string>) },
        { "pair-customer", typeof(G.Pair<G.Customer, string>) },
        { "pair-two-ns", typeof(G.Pair<G.Customer, H.Other>) },
        { "page", typeof(G.Page<G.Customer>) },
        { "page-int", typeof(G.Page<int>) },
        { "page2", typeof(G.Page2<G.Customer>) },
        { "page2-int", typeof(G.Page2<int>) },
        { "swap", typeof(G.Swap<int, G.Customer>) },
        { "lit", typeof(G.Lit<int>) },
        { "inx", typeof(G.InX<G.Customer>) },
        { "offset", typeof(G.ApiResponse<DateTimeOffset>) },
        { "holder", typeof(G.Holder) },
        { "list-response", typeof(G.ApiResponse<List<G.ApiResponse<G.Customer>>>) },
        { "special", typeof(G.Special) },
    };

    static string B64(string s) { return Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }

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

    static string Json(object o, bool indent) {
        return JsonConvert.SerializeObject(o, indent ? Newtonsoft.Json.Formatting.Indented : Newtonsoft.Json.Formatting.None);
    }

    static string Wcf(object o, Type t) {
        var ms = new MemoryStream();
        new DataContractJsonSerializer(t).WriteObject(ms, o);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    static G.ApiResponse<G.Customer> Response() {
        return new G.ApiResponse<G.Customer> { Ok = true, Data = new G.Customer { Name = "a" } };
    }

    static G.Holder Holder() {
        return new G.Holder {
            R = Response(),
            O = Response(),
            L = new List<G.ApiResponse<int>> { new G.ApiResponse<int> { Data = 3 }, new G.ApiResponse<int> { Ok = true } },
            P = new G.ApiResponse<G.Pair<int, string>> { Data = new G.Pair<int, string> { First = 1, Second = "two" } },
            N = new G.ApiResponse<int?> { Ok = true },
            A = new G.ApiResponse<List<G.Customer>> { Data = new List<G.Customer> { new G.Customer { Name = "b" } } },
            D = new G.ApiResponse<Dictionary<string, int>> { Data = new Dictionary<string, int> { { "k", 7 } } },
            S = new G.Swap<int, G.Customer> { X = 5, Y = new G.Customer() },
            Pg = new G.Page<G.Customer> { Items = new List<G.Customer> { new G.Customer { Name = "c" } } },
            X = new G.ApiResponse<H.Other> { Data = new H.Other { N = 9 } },
            T = new G.Lit<Guid> { V = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
            I = new G.InX<G.Customer> { V = new G.Customer { Name = "d" } },
        };
    }

    static void Line(string name, Func<string> make) {
        try { Console.WriteLine(name + " " + B64(make())); }
        catch (Exception e) { Console.WriteLine(name + " EXC " + B64(e.GetType().Name + ": " + e.Message)); }
    }

    static string Schema(Type root, string ns) {
        var exporter = new XsdDataContractExporter();
        exporter.Export(root);
        foreach (System.Xml.Schema.XmlSchema schema in exporter.Schemas.Schemas())
            if (schema.TargetNamespace == ns) {
                var sb = new StringBuilder();
                using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true })) schema.Write(w);
                return sb.ToString();
            }
        return "";
    }

    public static void Main(string[] args) {
        if (args[0] == "names") {
            foreach (var pair in Cases) {
                var q = new XsdDataContractExporter().GetSchemaTypeName(pair.Value);
                Console.WriteLine(pair.Key + " " + q.Name + " " + q.Namespace);
            }
            return;
        }
        if (args[0] == "write") {
            Line("xml-response", () => Xml(Response(), typeof(G.ApiResponse<G.Customer>), false));
            Line("xml-response-indented", () => Xml(Response(), typeof(G.ApiResponse<G.Customer>), true));
            Line("xml-holder", () => Xml(Holder(), typeof(G.Holder), false));
            Line("xml-holder-indented", () => Xml(Holder(), typeof(G.Holder), true));
            Line("json-holder", () => Json(Holder(), false));
            Line("json-holder-indented", () => Json(Holder(), true));
            Line("wcf-holder", () => Wcf(Holder(), typeof(G.Holder)));
            Line("wcf-response", () => Wcf(Response(), typeof(G.ApiResponse<G.Customer>)));
            Line("xsd-g", () => Schema(typeof(G.Holder), "http://schemas.datacontract.org/2004/07/G"));
            Line("xsd-x", () => Schema(typeof(G.Holder), "urn:x"));
            var special = new G.Special { Ok = true, Data = new G.Customer { Name = "a" }, Extra = 4 };
            Line("xml-special", () => Xml(special, typeof(G.Special), false));
            Line("xml-special-indented", () => Xml(special, typeof(G.Special), true));
            Line("xsd-special", () => Schema(typeof(G.Special), "http://schemas.datacontract.org/2004/07/G"));
            return;
        }
        var input = Console.In.ReadToEnd();
        var type = Cases[args[1]];
        if (args[0] == "read-xml") {
            Line("read", () => Xml(new DataContractSerializer(type).ReadObject(XmlReader.Create(new StringReader(input))), type, false));
        } else if (args[0] == "read-json") {
            Line("read", () => Json(JsonConvert.DeserializeObject(input, type), false));
        } else {
            Line("read", () => {
                var o = new DataContractJsonSerializer(type).ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(input)));
                return Wcf(o, type);
            });
        }
    }
}

// The C# twin of tests/interop/test_generic_contract_interop.py: generic [DataContract]s
// (ApiResponse<T>, Pair<A,B>, Name = "Page{0}" patterns). Python twins: generic_models.py.
// Modes (one line per output, base64 so that any bytes survive):
//   names                     "<case> <name> <namespace>" by XsdDataContractExporter.GetSchemaTypeName
//   write                     every pinned document: "<case> <base64>" or "<case> EXC <message>"
//   read-xml <case>           stdin read by DataContractSerializer, written again (or EXC)
//   read-json <case>          stdin read by Json.NET, written again
//   read-wcf <case>           stdin read by DataContractJsonSerializer, written again
//   batch                     stdin "<read-xml|read-json> <case> <base64>" per line, each read and
//                             written again compact and indented (test_feature_conformance.py)
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace GI {
    [DataContract] public class Customer { [DataMember] public string Name; }
    [DataContract] public class ApiResponse<T> { [DataMember] public bool Ok; [DataMember] public T Data; }
    [DataContract] public class Pair<A, B> { [DataMember] public A First; [DataMember] public B Second; }
    [DataContract(Name = "Page{0}")] public class Page<T> { [DataMember] public List<T> Items; }
    [DataContract(Name = "Page2{0}{#}")] public class Page2<T> { [DataMember] public List<T> Items; }
    [DataContract(Name = "Swap{1}And{0}")] public class Swap<A, B> { [DataMember] public A X; [DataMember] public B Y; }
    [DataContract(Name = "Lit")] public class Lit<T> { [DataMember] public T V; }
    [DataContract(Namespace = "urn:x")] public class InX<T> { [DataMember] public T V; }
    // its members close other generics over its own parameter (netcontract substitutes it)
    [DataContract] public class Wrap<T> {
        [DataMember] public ApiResponse<T> R; [DataMember] public ApiResponse<List<T>> L; [DataMember] public Pair<T, List<T>> P;
    }
    // its members close other generics over concrete types beside its own parameter
    [DataContract] public class Mixed<T> {
        [DataMember] public T Own; [DataMember] public Pair<int, T> C; [DataMember] public Pair<List<int>, T> M;
    }
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
namespace GI {
    [DataContract] public class Special : ApiResponse<Customer> { [DataMember] public int Extra; }
}
namespace GI {
    // feature interactions: a collection contract of a closed generic item, a generic over a
    // collection contract, an XmlQualifiedName inside a generic
    [DataContract] public class Car { [DataMember] public string Model; }
    [CollectionDataContract] public class CarList : List<ApiResponse<Car>> {}
    [DataContract] [KnownType(typeof(CarList))]
    public class Garage {
        [DataMember] public CarList Cars;
        [DataMember] public ApiResponse<CarList> Wrapped;
        [DataMember] public ApiResponse<XmlQualifiedName> Q;
        [DataMember] public object O;
    }
}
namespace H {
    [DataContract] public class Other { [DataMember] public int N; }
}

public static class Generic {
    static readonly Dictionary<string, Type> Cases = new Dictionary<string, Type> {
        { "customer", typeof(GI.ApiResponse<GI.Customer>) },
        { "other", typeof(GI.ApiResponse<H.Other>) },
        { "int", typeof(GI.ApiResponse<int>) },
        { "string", typeof(GI.ApiResponse<string>) },
        { "guid", typeof(GI.ApiResponse<Guid>) },
        { "nullable-int", typeof(GI.ApiResponse<int?>) },
        { "object", typeof(GI.ApiResponse<object>) },
        { "list-customer", typeof(GI.ApiResponse<List<GI.Customer>>) },
        { "list-int", typeof(GI.ApiResponse<List<int>>) },
        { "dict", typeof(GI.ApiResponse<Dictionary<string, int>>) },
        { "pair-in", typeof(GI.ApiResponse<GI.Pair<int, string>>) },
        { "nested", typeof(GI.ApiResponse<GI.ApiResponse<GI.Customer>>) },
        { "pair", typeof(GI.Pair<int, string>) },
        { "pair-customer", typeof(GI.Pair<GI.Customer, string>) },
        { "pair-two-ns", typeof(GI.Pair<GI.Customer, H.Other>) },
        { "page", typeof(GI.Page<GI.Customer>) },
        { "page-int", typeof(GI.Page<int>) },
        { "page2", typeof(GI.Page2<GI.Customer>) },
        { "page2-int", typeof(GI.Page2<int>) },
        { "swap", typeof(GI.Swap<int, GI.Customer>) },
        { "lit", typeof(GI.Lit<int>) },
        { "inx", typeof(GI.InX<GI.Customer>) },
        { "offset", typeof(GI.ApiResponse<DateTimeOffset>) },
        { "holder", typeof(GI.Holder) },
        { "list-response", typeof(GI.ApiResponse<List<GI.ApiResponse<GI.Customer>>>) },
        { "special", typeof(GI.Special) },
        { "wrap", typeof(GI.Wrap<GI.Customer>) },
        { "wrap-int", typeof(GI.Wrap<int>) },
        { "pair-list", typeof(GI.Pair<List<int>, string>) },
        { "mixed", typeof(GI.Mixed<string>) },
        { "nullable-offset", typeof(GI.ApiResponse<DateTimeOffset?>) },
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

    static GI.ApiResponse<GI.Customer> Response() {
        return new GI.ApiResponse<GI.Customer> { Ok = true, Data = new GI.Customer { Name = "a" } };
    }

    static GI.Holder Holder() {
        return new GI.Holder {
            R = Response(),
            O = Response(),
            L = new List<GI.ApiResponse<int>> { new GI.ApiResponse<int> { Data = 3 }, new GI.ApiResponse<int> { Ok = true } },
            P = new GI.ApiResponse<GI.Pair<int, string>> { Data = new GI.Pair<int, string> { First = 1, Second = "two" } },
            N = new GI.ApiResponse<int?> { Ok = true },
            A = new GI.ApiResponse<List<GI.Customer>> { Data = new List<GI.Customer> { new GI.Customer { Name = "b" } } },
            D = new GI.ApiResponse<Dictionary<string, int>> { Data = new Dictionary<string, int> { { "k", 7 } } },
            S = new GI.Swap<int, GI.Customer> { X = 5, Y = new GI.Customer() },
            Pg = new GI.Page<GI.Customer> { Items = new List<GI.Customer> { new GI.Customer { Name = "c" } } },
            X = new GI.ApiResponse<H.Other> { Data = new H.Other { N = 9 } },
            T = new GI.Lit<Guid> { V = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
            I = new GI.InX<GI.Customer> { V = new GI.Customer { Name = "d" } },
        };
    }

    static GI.Garage Garage() {
        var cars = new GI.CarList { new GI.ApiResponse<GI.Car> { Ok = true, Data = new GI.Car { Model = "m" } }, null };
        return new GI.Garage {
            Cars = cars,
            Wrapped = new GI.ApiResponse<GI.CarList> { Ok = true, Data = cars },
            Q = new GI.ApiResponse<XmlQualifiedName> { Data = new XmlQualifiedName("n", "urn:o") },
            O = new GI.CarList { new GI.ApiResponse<GI.Car>() },
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
            Line("xml-response", () => Xml(Response(), typeof(GI.ApiResponse<GI.Customer>), false));
            Line("xml-response-indented", () => Xml(Response(), typeof(GI.ApiResponse<GI.Customer>), true));
            Line("xml-holder", () => Xml(Holder(), typeof(GI.Holder), false));
            Line("xml-holder-indented", () => Xml(Holder(), typeof(GI.Holder), true));
            Line("json-holder", () => Json(Holder(), false));
            Line("json-holder-indented", () => Json(Holder(), true));
            Line("wcf-holder", () => Wcf(Holder(), typeof(GI.Holder)));
            Line("wcf-response", () => Wcf(Response(), typeof(GI.ApiResponse<GI.Customer>)));
            Line("xsd-g", () => Schema(typeof(GI.Holder), "http://schemas.datacontract.org/2004/07/GI"));
            Line("xsd-x", () => Schema(typeof(GI.Holder), "urn:x"));
            var special = new GI.Special { Ok = true, Data = new GI.Customer { Name = "a" }, Extra = 4 };
            Line("xml-special", () => Xml(special, typeof(GI.Special), false));
            Line("xml-special-indented", () => Xml(special, typeof(GI.Special), true));
            Line("xsd-special", () => Schema(typeof(GI.Special), "http://schemas.datacontract.org/2004/07/GI"));
            Line("xml-garage", () => Xml(Garage(), typeof(GI.Garage), false));
            Line("xml-garage-indented", () => Xml(Garage(), typeof(GI.Garage), true));
            Line("json-garage", () => Json(Garage(), false));
            Line("json-garage-indented", () => Json(Garage(), true));
            Line("wcf-garage", () => Wcf(Garage(), typeof(GI.Garage)));
            Line("xsd-garage", () => Schema(typeof(GI.Garage), "http://schemas.datacontract.org/2004/07/GI"));
            return;
        }
        if (args[0] == "batch") {
            // stdin "<read-xml|read-json> <case> <base64 document>" per line; stdout per line:
            // "<base64 compact> <base64 indented>" (written back) or "EXC <base64 message>"
            string line;
            while ((line = Console.ReadLine()) != null) {
                var p = line.Split(' ');
                var t = Cases[p[1]];
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(p[2]));
                try {
                    string compact, indented;
                    if (p[0] == "read-xml") {
                        var o = new DataContractSerializer(t).ReadObject(XmlReader.Create(new StringReader(text)));
                        compact = Xml(o, t, false); indented = Xml(o, t, true);
                    } else {
                        var o = JsonConvert.DeserializeObject(text, t);
                        compact = Json(o, false); indented = Json(o, true);
                    }
                    Console.WriteLine(B64(compact) + " " + B64(indented));
                } catch (Exception e) {
                    Console.WriteLine("EXC " + B64(e.GetType().Name + ": " + e.Message));
                }
            }
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

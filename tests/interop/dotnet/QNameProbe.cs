// XmlQualifiedName as Mono's serializers write and read it (tests/interop/test_qname_interop.py).
// One request per line, one answer per line; every text is base64 ("-": none):
//   x <Type> <xml>    DataContractSerializer reads the document, then the value is written
//                     again: ok <DCS> <DCS indented> <Json.NET> <Json.NET indented> <WCF JSON>
//   w <Type> <json>   the same, reading WCF JSON (DataContractJsonSerializer)
//   j <Type> <json>   the same, reading Json.NET JSON (JsonConvert.DeserializeObject)
//   q <name> <ns>     new XmlQualifiedName(name, ns) in QH.Q and OH.O, written by
//                     DataContractSerializer: <ok DCS QH|err> <ok DCS OH|err>
//   qn <name> <ns>    new XmlQualifiedName(name, ns) in NoNsO.O (a contract in no namespace),
//                     written by DataContractSerializer: ok <DCS>
//   s <Type> -        XsdDataContractExporter: ok <namespace> <schema> ...
//   js <name> <ns>    QH holding new XmlQualifiedName(name, ns) written by Json.NET with
//                     CamelCasePropertyNamesContractResolver, then DefaultValueHandling.Ignore:
//                     ok <camel> <ignore>
// An exception answers err <type: message>. DCS writes through XmlWriter.Create (Web API's
// "path B", no declaration, UTF-8 without BOM, "\n" indentation).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using Newtonsoft.Json;

namespace QNameProbe {
[DataContract(Namespace = "http://netcontract/qname")] public class QH { [DataMember] public XmlQualifiedName Q; }
[DataContract(Namespace = "http://netcontract/qname")] public class LH { [DataMember] public List<XmlQualifiedName> L; }
[DataContract(Namespace = "http://netcontract/qname")] public class OH { [DataMember] public object O; }
[DataContract(Namespace = "http://netcontract/qbase")] public class QB { [DataMember] public XmlQualifiedName BQ; }
[DataContract(Namespace = "http://netcontract/qname")] public class QD : QB { [DataMember] public XmlQualifiedName DQ; }
[DataContract(Namespace = "urn:other")] public class Inner { [DataMember] public XmlQualifiedName IQ; [DataMember] public XmlQualifiedName JQ; }
[DataContract(Namespace = "http://netcontract/qname")] public class Outer { [DataMember] public Inner In; [DataMember] public XmlQualifiedName Z; }
[DataContract(Namespace = "")] public class NoNsO { [DataMember] public object O; }
[DataContract(Namespace = "")] public class NoNs { [DataMember] public XmlQualifiedName Q; [DataMember] public List<XmlQualifiedName> L; }

public static class Program {
  static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
  static string B(string s) { return s == null ? "-" : Convert.ToBase64String(Utf8.GetBytes(s)); }
  static string B(byte[] b) { return Convert.ToBase64String(b); }
  static string D(string b) { return b == "-" ? null : Utf8.GetString(Convert.FromBase64String(b)); }
  static Type T(string name) {
    if (name == "ListQ") return typeof(List<XmlQualifiedName>);  // a collection document
    var t = Type.GetType("QNameProbe." + name);
    if (t == null) throw new ArgumentException("unknown type " + name);
    return t;
  }
  static byte[] Dcs(object o, Type t, bool indent) {
    var ms = new MemoryStream();
    var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8, Indent = indent, NewLineChars = "\n" };
    using (var w = XmlWriter.Create(ms, settings)) new DataContractSerializer(t).WriteObject(w, o);
    return ms.ToArray();
  }
  static byte[] Wcf(object o, Type t) { var ms = new MemoryStream(); new DataContractJsonSerializer(t).WriteObject(ms, o); return ms.ToArray(); }
  static string Err(Exception e) {
    var m = e.GetType().Name + ": " + e.Message;
    for (var inner = e.InnerException; inner != null; inner = inner.InnerException) m += " / " + inner.GetType().Name + ": " + inner.Message;
    return "err " + B(m);
  }
  static string Step(Func<string> f) { try { return f(); } catch (Exception e) { return Err(e); } }
  static string All(object o, Type t) {
    return "ok " + B(Dcs(o, t, false)) + " " + B(Dcs(o, t, true)) + " " + B(JsonConvert.SerializeObject(o))
      + " " + B(JsonConvert.SerializeObject(o, Newtonsoft.Json.Formatting.Indented)) + " " + B(Wcf(o, t));
  }
  static string Schemas(Type t) {
    var exporter = new XsdDataContractExporter();
    exporter.Export(t);
    var sb = new StringBuilder("ok");
    foreach (XmlSchema schema in exporter.Schemas.Schemas()) {
      var ms = new MemoryStream();
      var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
      using (var writer = XmlWriter.Create(ms, settings)) schema.Write(writer);
      sb.Append(" " + B(schema.TargetNamespace) + " " + B(ms.ToArray()));
    }
    return sb.ToString();
  }
  public static void Main() {
    string line;
    var stdout = Console.Out;
    while ((line = Console.In.ReadLine()) != null) {
      var p = line.Split(' ');
      string res;
      switch (p[0]) {
        case "x": res = Step(() => { var t = T(p[1]); return All(new DataContractSerializer(t).ReadObject(new MemoryStream(Convert.FromBase64String(p[2]))), t); }); break;
        case "w": res = Step(() => { var t = T(p[1]); return All(new DataContractJsonSerializer(t).ReadObject(new MemoryStream(Convert.FromBase64String(p[2]))), t); }); break;
        case "j": res = Step(() => { var t = T(p[1]); return All(JsonConvert.DeserializeObject(D(p[2]), t), t); }); break;
        case "q": res = Step(() => {
            var q = new XmlQualifiedName(D(p[1]), D(p[2]));
            return Step(() => "ok " + B(Dcs(new QH { Q = q }, typeof(QH), false))) + " " + Step(() => "ok " + B(Dcs(new OH { O = q }, typeof(OH), false)));
          }); break;
        case "qn": res = Step(() => "ok " + B(Dcs(new NoNsO { O = new XmlQualifiedName(D(p[1]), D(p[2])) }, typeof(NoNsO), false))); break;
        case "js": res = Step(() => {
            var h = new QH { Q = new XmlQualifiedName(D(p[1]), D(p[2])) };
            var camel = new JsonSerializerSettings { ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver() };
            var ignore = new JsonSerializerSettings { DefaultValueHandling = DefaultValueHandling.Ignore };
            return "ok " + B(JsonConvert.SerializeObject(h, camel)) + " " + B(JsonConvert.SerializeObject(h, ignore));
          }); break;
        case "s": res = Step(() => Schemas(T(p[1]))); break;
        default: res = "err " + B("unknown op"); break;
      }
      stdout.WriteLine(res);
    }
    stdout.Flush();
  }
}
}

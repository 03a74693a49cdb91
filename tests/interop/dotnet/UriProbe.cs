// Uri and XmlQualifiedName as Mono's serializers write and read them (tests/interop/test_uri_interop.py).
// One request per line, one answer per line, base64 for every text ("-" is null):
//   w <s>        new Uri(s, RelativeOrAbsolute): ok <DCS UH> <ok Json.NET UH|err> <ok WCF UH|err>
//                <ok DCS OH|err> <OriginalString> <ToString()> <OriginalString read back from the DCS bytes>
//   n <s>        new Uri(s, RelativeOrAbsolute) alone: ok <IsAbsoluteUri> <AbsoluteUri or OriginalString>
//   rx/rj/rw <doc>  read a UH document (DCS, Json.NET, WCF JSON): ok <OriginalString>
//   rxo <doc>    read an OH document (DCS): ok <CLR type of O> <its text>
//   q <name> <ns>   an XmlQualifiedName in QH and OH: ok <DCS QH> <Json.NET QH> <WCF QH> <DCS OH>
//   rqx/rqj/rqw <doc>  read a QH document: ok <Name> <Namespace>
// An exception answers err <type: message>.
using System;
using System.IO;
using System.Text;
using System.Xml;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using Newtonsoft.Json;

namespace UriProbe {
[DataContract(Namespace = "http://netcontract/uri")] public class UH { [DataMember] public Uri U; }
[DataContract(Namespace = "http://netcontract/uri")] public class OH { [DataMember] public object O; }
[DataContract(Namespace = "http://netcontract/uri")] public class QH { [DataMember] public XmlQualifiedName Q; }

public static class Program {
  static string B(string s) { return s == null ? "-" : Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }
  static string B(byte[] b) { return Convert.ToBase64String(b); }
  static string D(string b) { return b == "-" ? null : Encoding.UTF8.GetString(Convert.FromBase64String(b)); }
  static byte[] Dcs(object o, Type t) {
    var ms = new MemoryStream();
    var w = XmlWriter.Create(ms, new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) });
    new DataContractSerializer(t).WriteObject(w, o); w.Flush(); return ms.ToArray();
  }
  static object DcsRead(byte[] b, Type t) { return new DataContractSerializer(t).ReadObject(new MemoryStream(b)); }
  static byte[] Wcf(object o, Type t) { var ms = new MemoryStream(); new DataContractJsonSerializer(t).WriteObject(ms, o); return ms.ToArray(); }
  static object WcfRead(byte[] b, Type t) { return new DataContractJsonSerializer(t).ReadObject(new MemoryStream(b)); }
  static string Err(Exception e) { var m = e.GetType().Name + ": " + e.Message; if (e.InnerException != null) m += " / " + e.InnerException.GetType().Name + ": " + e.InnerException.Message; return "err " + B(m); }
  static string Step(Func<string> f) { try { return f(); } catch (Exception e) { return Err(e); } }
  public static void Main() {
    string line;
    var stdout = Console.Out;
    while ((line = Console.In.ReadLine()) != null) {
      var p = line.Split(' ');
      string res;
      switch (p[0]) {
        case "w": res = Step(() => {
            var u = new Uri(D(p[1]), UriKind.RelativeOrAbsolute);
            var h = new UH { U = u }; var oh = new OH { O = u };
            return "ok " + B(Dcs(h, typeof(UH))) + " " + Step(() => "ok " + B(JsonConvert.SerializeObject(h))) + " " + Step(() => "ok " + B(Wcf(h, typeof(UH)))) + " " + Step(() => "ok " + B(Dcs(oh, typeof(OH)))) + " " + B(u.OriginalString) + " " + B(u.ToString()) + " " + B(((UH)DcsRead(Dcs(h, typeof(UH)), typeof(UH))).U.OriginalString);
          }); break;
        case "n": res = Step(() => { var u = new Uri(D(p[1]), UriKind.RelativeOrAbsolute); return "ok " + (u.IsAbsoluteUri ? "abs " + B(u.AbsoluteUri) : "rel " + B(u.OriginalString)); }); break;
        case "rx": res = Step(() => { var h = (UH)DcsRead(Convert.FromBase64String(p[1]), typeof(UH)); return "ok " + B(h.U == null ? null : h.U.OriginalString); }); break;
        case "rxo": res = Step(() => { var h = (OH)DcsRead(Convert.FromBase64String(p[1]), typeof(OH)); return "ok " + (h.O == null ? "null" : h.O.GetType().FullName) + " " + B(h.O is Uri ? ((Uri)h.O).OriginalString : h.O is XmlQualifiedName ? h.O.ToString() : null); }); break;
        case "rj": res = Step(() => { var h = JsonConvert.DeserializeObject<UH>(Encoding.UTF8.GetString(Convert.FromBase64String(p[1]))); return "ok " + B(h.U == null ? null : h.U.OriginalString); }); break;
        case "rw": res = Step(() => { var h = (UH)WcfRead(Convert.FromBase64String(p[1]), typeof(UH)); return "ok " + B(h.U == null ? null : h.U.OriginalString); }); break;
        case "q": res = Step(() => {
            var q = new XmlQualifiedName(D(p[1]), D(p[2]));
            var h = new QH { Q = q }; var oh = new OH { O = q };
            return "ok " + Step(() => "ok " + B(Dcs(h, typeof(QH)))) + " " + Step(() => "ok " + B(JsonConvert.SerializeObject(h))) + " " + Step(() => "ok " + B(Wcf(h, typeof(QH)))) + " " + Step(() => "ok " + B(Dcs(oh, typeof(OH))));
          }); break;
        case "rqx": res = Step(() => { var h = (QH)DcsRead(Convert.FromBase64String(p[1]), typeof(QH)); return "ok " + (h.Q == null ? "null" : B(h.Q.Name) + " " + B(h.Q.Namespace)); }); break;
        case "rqj": res = Step(() => { var h = JsonConvert.DeserializeObject<QH>(Encoding.UTF8.GetString(Convert.FromBase64String(p[1]))); return "ok " + (h.Q == null ? "null" : B(h.Q.Name) + " " + B(h.Q.Namespace)); }); break;
        case "rqw": res = Step(() => { var h = (QH)WcfRead(Convert.FromBase64String(p[1]), typeof(QH)); return "ok " + (h.Q == null ? "null" : B(h.Q.Name) + " " + B(h.Q.Namespace)); }); break;
        default: res = "err " + B("unknown op"); break;
      }
      stdout.WriteLine(res); stdout.Flush();
    }
  }
}
}

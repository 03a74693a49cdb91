// DateTimeOffset in an object member, with and without [KnownType(typeof(DateTimeOffset))]:
// what DataContractSerializer and DataContractJsonSerializer write and read. Read by
// tests/interop/test_datetimeoffset_interop.py.
// stdout lines: <case> OK <base64 text> | <case> EXC <base64 "Type: message">
using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace OK
{
    [DataContract(Namespace = "urn:ok")]
    public class Bare { [DataMember] public object O; }

    [DataContract(Namespace = "urn:ok")] [KnownType(typeof(DateTimeOffset))]
    public class Knows { [DataMember] public object O; }

    public static class Program
    {
        static string B64(string s) { return Convert.ToBase64String(new UTF8Encoding(false).GetBytes(s)); }

        static void Line(string name, Func<string> make) {
            try { Console.WriteLine(name + " OK " + B64(make())); }
            catch (Exception e) { Console.WriteLine(name + " EXC " + B64(e.GetType().Name + ": " + e.Message)); }
        }

        static string Xml(object o) {
            var sb = new StringBuilder();
            using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
                new DataContractSerializer(o.GetType()).WriteObject(w, o);
            return sb.ToString();
        }

        static string Wcf(object o) {
            var ms = new MemoryStream();
            new DataContractJsonSerializer(o.GetType()).WriteObject(ms, o);
            return Encoding.UTF8.GetString(ms.ToArray());
        }

        static string ReadXml(Type t, string doc) {
            var o = new DataContractSerializer(t).ReadObject(XmlReader.Create(new StringReader(doc)));
            return Xml(o);
        }

        static string ReadWcf(Type t, string doc) {
            var o = new DataContractJsonSerializer(t).ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(doc)));
            return Wcf(o);
        }

        public static void Main() {
            var v = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
            Line("xml-bare", () => Xml(new Bare { O = v }));
            Line("xml-knows", () => Xml(new Knows { O = v }));
            Line("wcf-bare", () => Wcf(new Bare { O = v }));
            Line("wcf-knows", () => Wcf(new Knows { O = v }));
            string xml = Xml(new Knows { O = v }), wcf = Wcf(new Knows { O = v });
            Line("read-xml-bare", () => ReadXml(typeof(Bare), xml.Replace("<Knows ", "<Bare ").Replace("</Knows>", "</Bare>")));
            Line("read-xml-knows", () => ReadXml(typeof(Knows), xml));
            Line("read-wcf-bare", () => ReadWcf(typeof(Bare), wcf));
            Line("read-wcf-knows", () => ReadWcf(typeof(Knows), wcf));
        }
    }
}

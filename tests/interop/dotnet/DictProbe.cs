// Dictionary<K,V> bytes pinned in tests/netcontract/test_dictionaries.py (MONO_*): one line per
// form, "name<TAB>text". Run with TZ=UTC. XML is "path B" (XmlWriter.Create), as the twin writes.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace DictTests
{
    [DataContract(Namespace = "urn:dict-tests")] public enum Color { [EnumMember] Red = 0, [EnumMember] Blue = 1 }
    [DataContract(Namespace = "urn:dict-tests")] public class Item { [DataMember] public int N; }

    [DataContract(Namespace = "urn:dict-tests")]
    public class Pinned
    {
        [DataMember] public Dictionary<string, int> S2I;
        [DataMember] public Dictionary<int, string> I2S;
        [DataMember] public Dictionary<Guid, Item> G2C;
        [DataMember] public Dictionary<Color, int?> E2N;
        [DataMember] public Dictionary<DateTime, string> D2S;
        [DataMember] public Dictionary<bool, double> B2D;
        [DataMember] public Dictionary<char, string> C2S;
        [DataMember] public Dictionary<string, Dictionary<string, int>> S2D;
        [DataMember] public Dictionary<string, int> Empty;
    }

    public static class DictProbe
    {
        static string Xml(object o)
        {
            var ms = new MemoryStream();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) };
            using (var w = XmlWriter.Create(ms, settings)) new DataContractSerializer(o.GetType()).WriteObject(w, o);
            return Encoding.UTF8.GetString(ms.ToArray());
        }

        static string Wcf(object o)
        {
            var ms = new MemoryStream();
            new DataContractJsonSerializer(o.GetType()).WriteObject(ms, o);
            return Encoding.UTF8.GetString(ms.ToArray());
        }

        public static void Main()
        {
            var p = new Pinned
            {
                S2I = new Dictionary<string, int> { { "Bee", 2 }, { "a", 1 } },
                I2S = new Dictionary<int, string> { { 3, "x" }, { -1, null } },
                G2C = new Dictionary<Guid, Item> { { new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), new Item { N = 5 } }, { Guid.Empty, null } },
                E2N = new Dictionary<Color, int?> { { Color.Blue, null }, { Color.Red, 4 } },
                D2S = new Dictionary<DateTime, string> { { new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), "u" }, { new DateTime(2020, 1, 2, 3, 4, 5, 678, DateTimeKind.Unspecified), "n" } },
                B2D = new Dictionary<bool, double> { { true, 1.5 }, { false, 0.1 } },
                C2S = new Dictionary<char, string> { { 'a', "c" } },
                S2D = new Dictionary<string, Dictionary<string, int>> { { "d", new Dictionary<string, int> { { "x", 1 } } } },
                Empty = new Dictionary<string, int>(),
            };
            Console.WriteLine("xml\t" + Xml(p));
            Console.WriteLine("json\t" + JsonConvert.SerializeObject(p));
            Console.WriteLine("camel\t" + JsonConvert.SerializeObject(p, new JsonSerializerSettings { ContractResolver = new CamelCasePropertyNamesContractResolver() }));
            Console.WriteLine("msdate\t" + JsonConvert.SerializeObject(p, new JsonSerializerSettings { DateFormatHandling = DateFormatHandling.MicrosoftDateFormat, NullValueHandling = NullValueHandling.Ignore }));
            Console.WriteLine("wcf\t" + Wcf(p));
        }
    }
}

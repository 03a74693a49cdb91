// Reads lines of hex (UTF-8 text) and prints, for each text, the Guid Mono reads from it in six
// places, space-separated, "err" where it refuses: new Guid(text), a DataContractSerializer
// member (<V>text</V>), a Json.NET member and Dictionary<Guid,int> key, a
// DataContractJsonSerializer member and simple-dictionary key. Read by
// tests/interop/test_guid_interop.py.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Security;
using System.Text;
using Newtonsoft.Json;

namespace GuidTextsNs
{
    [DataContract(Namespace = "urn:p")] public class G { [DataMember] public Guid V; }
    [DataContract(Namespace = "urn:p")] public class GK { [DataMember] public Dictionary<Guid, int> V; }
    public class JG { public Guid V; }
    public class JK { public Dictionary<Guid, int> V; }
}

public static class GuidTexts
{
    static byte[] FromHex(string h)
    {
        byte[] b = new byte[h.Length / 2];
        for (int i = 0; i < b.Length; i++) b[i] = Convert.ToByte(h.Substring(2 * i, 2), 16);
        return b;
    }

    static string Run(Func<Guid> read)
    {
        try { return read().ToString(); } catch (Exception) { return "err"; }
    }

    static Guid First(Dictionary<Guid, int> d)
    {
        foreach (Guid k in d.Keys) return k;
        throw new InvalidOperationException("empty");
    }

    static MemoryStream Utf8(string s) { return new MemoryStream(Encoding.UTF8.GetBytes(s)); }

    public static void Main()
    {
        var xml = new DataContractSerializer(typeof(GuidTextsNs.G));
        var wcf = new DataContractJsonSerializer(typeof(GuidTextsNs.G));
        var wcfKeys = new DataContractJsonSerializer(typeof(GuidTextsNs.GK),
            new DataContractJsonSerializerSettings { UseSimpleDictionaryFormat = true });
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string t = Encoding.UTF8.GetString(FromHex(line));
            string q = JsonConvert.ToString(t);
            Console.WriteLine(string.Join(" ", new[] {
                Run(() => new Guid(t)),
                Run(() => ((GuidTextsNs.G)xml.ReadObject(Utf8("<G xmlns=\"urn:p\"><V>" + SecurityElement.Escape(t) + "</V></G>"))).V),
                Run(() => JsonConvert.DeserializeObject<GuidTextsNs.JG>("{\"V\":" + q + "}").V),
                Run(() => First(JsonConvert.DeserializeObject<GuidTextsNs.JK>("{\"V\":{" + q + ":1}}").V)),
                Run(() => ((GuidTextsNs.G)wcf.ReadObject(Utf8("{\"V\":" + q + "}"))).V),
                Run(() => First(((GuidTextsNs.GK)wcfKeys.ReadObject(Utf8("{\"V\":{" + q + ":1}}"))).V)),
            }));
        }
    }
}

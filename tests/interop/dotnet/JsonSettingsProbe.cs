// The Json.NET facts tests/netcontract/json/test_settings.py pins, printed by Json.NET itself.
// Run by tests/interop/test_json_settings_interop.py::test_probe_prints_the_pinned_facts with
// TZ=Europe/Paris (UTC+1 in January), so that Local and Unspecified values show an offset.
using System;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

public enum Colour { Red = 0, DarkBlue = 1, URLKind = 2 }

[DataContract]
public class Probe
{
    [DataMember(Name = "ID")] public int Id;
    [DataMember(Name = "URLValue")] public string Url;
    [DataMember(Name = "IdWS")] public int? IdWs;
    [DataMember(Name = "Color")] public Colour Colour;
    [DataMember(Name = "Color2")] public Colour? Colour2;
    [DataMember(Name = "D")] public DateTime At;
    [DataMember(Name = "F")] public double F;
    [DataMember(Name = "G")] public double? G;
    [DataMember(Name = "O")] public object O;
}

[DataContract]
public class Names
{
    [DataMember(Name = "A")] public string A;
    [DataMember(Name = "_x")] public string X;
    [DataMember(Name = "ABCdef")] public string B;
    [DataMember(Name = "HTMLParser2")] public string C;
    [DataMember(Name = "IDs")] public string D;
}

public static class JsonSettingsProbe
{
    static void Read(string json, JsonSerializerSettings s)
    {
        try
        {
            var p = JsonConvert.DeserializeObject<Probe>(json, s);
            Console.WriteLine("read " + p.At.ToString("o") + " ID=" + p.Id);
        }
        catch (Exception e)
        {
            Console.WriteLine("refused " + e.Message);
        }
    }

    public static void Main()
    {
        var probe = new Probe
        {
            Id = 5, Url = "u", Colour = Colour.URLKind, Colour2 = (Colour)7,
            At = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            F = double.NaN, G = double.PositiveInfinity, O = double.NegativeInfinity,
        };
        var s = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            NullValueHandling = NullValueHandling.Ignore,
        };
        s.Converters.Add(new StringEnumConverter { CamelCaseText = true });
        Console.WriteLine(JsonConvert.SerializeObject(probe, s));
        Console.WriteLine(JsonConvert.SerializeObject(new Names(), new JsonSerializerSettings { ContractResolver = new CamelCasePropertyNamesContractResolver() }));
        s.FloatFormatHandling = FloatFormatHandling.Symbol;
        Console.WriteLine(JsonConvert.SerializeObject(probe, s));
        s.FloatFormatHandling = FloatFormatHandling.DefaultValue;
        Console.WriteLine(JsonConvert.SerializeObject(probe, s));

        var ms = new JsonSerializerSettings { DateFormatHandling = DateFormatHandling.MicrosoftDateFormat };
        var dates = new[]
        {
            new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local),
            new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            DateTime.MinValue,
            new DateTime(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(5000),
        };
        foreach (var d in dates) Console.WriteLine(JsonConvert.SerializeObject(d, ms));

        var texts = new[]
        {
            "\"2024-01-02T03:04:05Z\"", "\"2024-01-02T03:04:05+02:00\"", "\"2024-01-02T03:04:05\"",
            "\"\\/Date(1704164645000)\\/\"", "\"\\/Date(1704164645000+0200)\\/\"",
        };
        foreach (var zh in new[] { DateTimeZoneHandling.Utc, DateTimeZoneHandling.Local, DateTimeZoneHandling.Unspecified, DateTimeZoneHandling.RoundtripKind })
        {
            var z = new JsonSerializerSettings { DateTimeZoneHandling = zh };
            var line = zh + ":";
            foreach (var d in dates) if (d.Year == 2024) line += " " + JsonConvert.SerializeObject(d, z);
            Console.WriteLine(line);
            foreach (var t in texts) Read("{\"D\":" + t + "}", z);
        }
        var rules = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore, MissingMemberHandling = MissingMemberHandling.Error };
        Read("{\"ID\":null}", rules);
        Read("{\"idws\":3,\"Foo\":1}", rules);
        Read("{\"ID\":null}", new JsonSerializerSettings());
    }
}

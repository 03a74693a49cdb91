// Json.NET's member attributes on a [DataContract] ([JsonProperty(PropertyName, Order, Required,
// NullValueHandling)], [JsonIgnore] on a [DataMember]): each line is one write or read, as
// tests/interop/test_json_settings_interop.py::test_json_member_attributes_as_json_net compares.
using System;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

[DataContract]
public class M
{
    [DataMember(Name = "A")] [JsonProperty(PropertyName = "AJson", Order = 2)] public string A;
    [DataMember(Name = "B", Order = 1)] [JsonProperty(Order = 1)] public string B;
    [DataMember(Name = "C")] [JsonIgnore] public string C;
    [DataMember(Name = "D")] [JsonProperty(Required = Required.Always)] public string D;
    [DataMember(Name = "E", IsRequired = true)] [JsonProperty(Required = Required.Default)] public string E;
    [DataMember(Name = "F")] [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public string F;
    [DataMember(Name = "G")] [JsonProperty(NullValueHandling = NullValueHandling.Include)] public string G;
    [DataMember(Name = "H")] public string H;
    [DataMember(Name = "I")] [JsonProperty(Required = Required.AllowNull)] public int? I;
}

// IsRequired with a [JsonProperty] that sets no Required: Json.NET takes the attribute's
// Required (Default), the member is optional in JSON
[DataContract]
public class N
{
    [DataMember(Name = "J", IsRequired = true)] [JsonProperty(PropertyName = "JJson")] public string J;
    [DataMember(Name = "K", IsRequired = true)] [JsonProperty(NullValueHandling = NullValueHandling.Include)] public string K;
    [DataMember(Name = "L", IsRequired = true)] public string L;
    [DataMember(Name = "O", IsRequired = true)] [JsonProperty(Order = 1)] public string O;
}

public static class JsonMembersProbe
{
    static JsonSerializerSettings Settings(string name)
    {
        switch (name)
        {
            case "ignore-nulls": return new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore };
            case "camel-case": return new JsonSerializerSettings { ContractResolver = new CamelCasePropertyNamesContractResolver() };
            case "missing-member-error": return new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error };
            default: return new JsonSerializerSettings();
        }
    }

    public static void Main()
    {
        Console.WriteLine("Required: " + string.Join(",", Enum.GetNames(typeof(Required))));
        string line;
        // one case per stdin line: "write SETTINGS A B C D E F G H I" (- for null),
        // "read SETTINGS JSON" (an M) or "read-n SETTINGS JSON" (an N)
        while ((line = Console.ReadLine()) != null)
        {
            var parts = line.Split(new[] { ' ' }, 3);
            var s = Settings(parts[1]);
            try
            {
                if (parts[0] == "write")
                {
                    var v = parts[2].Split(' ');
                    Func<int, string> at = i => v[i] == "-" ? null : v[i];
                    var m = new M { A = at(0), B = at(1), C = at(2), D = at(3), E = at(4), F = at(5), G = at(6), H = at(7), I = v[8] == "-" ? (int?)null : int.Parse(v[8]) };
                    Console.WriteLine("ok " + JsonConvert.SerializeObject(m, s));
                }
                else if (parts[0] == "read-n")
                {
                    var n = JsonConvert.DeserializeObject<N>(parts[2], s);
                    Console.WriteLine("ok " + JsonConvert.SerializeObject(n, s) + " C=-");
                }
                else
                {
                    var m = JsonConvert.DeserializeObject<M>(parts[2], s);
                    Console.WriteLine("ok " + JsonConvert.SerializeObject(m, s) + " C=" + (m.C ?? "-"));
                }
            }
            catch (JsonSerializationException e)
            {
                Console.WriteLine("refused " + e.Message);
            }
        }
    }
}

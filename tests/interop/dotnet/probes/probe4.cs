// Probe 4: what Json.NET (JsonConvert.DeserializeObject, default settings) accepts per member type.
// Cells: the value read, re-serialized with JsonConvert.SerializeObject (DateTime: + its Kind),
// or the exception.
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Xml;
using Newtonsoft.Json;
using Vehizen.Domain.Dto;

namespace Probe
{
    public class J
    {
        public int I { get; set; }
        public int? NI { get; set; }
        public double Dbl { get; set; }
        public Guid G { get; set; }
        public Guid? NG { get; set; }
        public DateTime Dt { get; set; }
        public DateTime? NDt { get; set; }
        public CameraType Cam { get; set; }
        public bool B { get; set; }
        public List<string> L { get; set; }
        public string S { get; set; }
    }
    public class D { public DateTime Dt { get; set; } public DateTime? NDt { get; set; } public object O { get; set; } }
}

public static class Probe4
{
    static string Show(object v)
    {
        string s = JsonConvert.SerializeObject(v);
        if (v is DateTime) s += " Kind=" + ((DateTime)v).Kind;
        return s;
    }

    public static void Main()
    {
        var members = new[] { "I", "NI", "Dbl", "G", "NG", "Dt", "NDt", "Cam", "B", "L", "S" };
        var values = new[] {
            "\"5\"", "5", "5.0", "5.5", "2147483648", "1e400", "true", "null", "\"\"",
            "\"WITHOUT_CAMERA\"", "\"without_camera\"", "7", "\"abc\"", "[\"a\"]", "{}",
            "\"NaN\"", "NaN", "\"Infinity\"", "Infinity", "-0.0", "1e3",
            "\"2024-01-02\"", "\"2024-01-02T03:04:05.12345678Z\"", "\"/Date(0)/\"",
            "\"0f8fad5b-d9cb-469f-a165-70867728950e\"",
            "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\"",
            "\"0f8fad5bd9cb469fa16570867728950e\"",
            "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"",
        };
        foreach (var v in values)
            foreach (var m in members)
            {
                string label = "cell:" + v + "|" + m;
                try
                {
                    var j = JsonConvert.DeserializeObject<Probe.J>("{\"" + m + "\":" + v + "}");
                    P.Note(label, Show(typeof(Probe.J).GetProperty(m).GetValue(j, null)));
                }
                catch (Exception e) { P.Err(label, e); }
            }

        // Member names, duplicates, $type.
        var docs = new[] {
            "{\"idws\":5}", "{\"IDWS\":5}", "{\"IdWS\":1,\"IdWS\":2}", "{\"Name\":\"a\",\"Name\":null}",
            "{\"$type\":\"Vehizen.Domain.Dto.VehicleLightDto, Driver\",\"IdWS\":3}",
            "{\"$type\":\"Nope.Nope, Nope\",\"IdWS\":3}",
            "{\"IdWS\":3,\"$type\":\"Nope.Nope, Nope\"}",
            "{\"$id\":\"1\",\"IdWS\":3}", "{\"$ref\":\"1\"}",
            "{\"Unknown\":1,\"IdWS\":3}", "{\"IdWS\":3,}", "{\"IdWS\":3} trailing", "{'IdWS':3}", "{IdWS:3}",
            "{\"IdWS\":3}{\"IdWS\":4}", "", "null", "[]", "{\"IdWS\":3,\"ExternalInterfaces\":null}",
        };
        foreach (var d in docs)
        {
            try
            {
                var v = JsonConvert.DeserializeObject<VehicleLightDto>(d);
                P.Note("VehicleLightDto <- " + d, v == null ? "null" : "IdWS=" + v.IdWS + " Name=" + (v.Name ?? "null"));
            }
            catch (Exception e) { P.Err("VehicleLightDto <- " + d, e); }
        }
        foreach (var d in new[] {
            "{\"Data\":{\"$type\":\"Vehizen.Domain.Dto.VehicleLightDto, Driver\",\"IdWS\":3}}",
            "{\"Data\":{\"IdWS\":3}}", "{\"Data\":\"2024-01-02T03:04:05Z\"}", "{\"Data\":5}", "{\"Data\":1.5}",
            "{\"Data\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}", "{\"Data\":[1]}" })
        {
            try
            {
                var r = JsonConvert.DeserializeObject<ResponseDto>(d);
                P.Note("ResponseDto <- " + d, "Data is " + (r.Data == null ? "null" : r.Data.GetType().FullName) + "; JSON out " + JsonConvert.SerializeObject(r));
                P.TryBytes("ResponseDto <- " + d + " ; DCS out", () => P.PathB(typeof(ResponseDto), r, P.Settings(false, NewLineHandling.Entitize), null));
            }
            catch (Exception e) { P.Err("ResponseDto <- " + d, e); }
        }

        // DateTime kinds on the way back out.
        foreach (var text in new[] { "2024-01-02T03:04:05+05:00", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05",
                                     "2024-01-02T03:04:05.1234567-08:00", "2024-01-02T03:04:05.0000000Z" })
        {
            string doc = "{\"Dt\":\"" + text + "\",\"NDt\":\"" + text + "\",\"O\":\"" + text + "\"}";
            try
            {
                var d = JsonConvert.DeserializeObject<Probe.D>(doc);
                P.Note("dates <- " + text, "Dt Kind=" + d.Dt.Kind + " NDt Kind=" + d.NDt.Value.Kind + " O is " + d.O.GetType().Name
                       + (d.O is DateTime ? " Kind=" + ((DateTime)d.O).Kind : ""));
                P.Str("dates <- " + text + " ; JSON out", JsonConvert.SerializeObject(d));
                P.TryBytes("dates <- " + text + " ; DCS out", () => P.PathB(typeof(Probe.D), d, P.Settings(false, NewLineHandling.Entitize), new Type[0]));
            }
            catch (Exception e) { P.Err("dates <- " + text, e); }
        }
    }
}

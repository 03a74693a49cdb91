// Probe 1: doubles. Json.NET SerializeObject of {V: double} and DCS path B element text.
using System;
using System.Xml;
using Newtonsoft.Json;

namespace Probe { public class D { public double V { get; set; } } }

public static class Probe1
{
    public static void Main()
    {
        var values = new[] { -0.0, 0.0, 1e15, 1e-5, 0.1, 1 / 3.0, double.MaxValue, 5e-324,
                             double.NaN, double.PositiveInfinity, double.NegativeInfinity, 100.0 };
        var names = new[] { "-0.0", "0.0", "1e15", "1e-5", "0.1", "1/3.0", "MaxValue", "5e-324",
                            "NaN", "+Inf", "-Inf", "100.0" };
        for (int i = 0; i < values.Length; i++)
        {
            var d = new Probe.D { V = values[i] };
            P.TryStr("json " + names[i], () => JsonConvert.SerializeObject(d));
            byte[] xml = P.PathB(typeof(Probe.D), d, P.Settings(false, NewLineHandling.Entitize), new Type[0]);
            if (i == 0) P.Bytes("xml full " + names[i], xml);
            string text = P.Utf8.GetString(xml);
            int start = text.IndexOf("<V>") + 3;
            P.Str("xml <V> text " + names[i], text.Substring(start, text.IndexOf("</V>") - start));
        }
    }
}

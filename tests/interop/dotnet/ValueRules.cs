// What .NET reads where netcontract's value rules are decided (tests/interop/test_value_rules.py).
//
// Batch program: one request per stdin line, "kind<TAB>base64 payload", one answer per line
// on stdout, "ok<TAB>result" or "refused<TAB>Type: message". Kinds:
//   enum      payload = a JSON string value; Json.NET reads {"CameraType": value} into
//             VehicleLightDto; result = the enum's integer value
//   names     payload = a JSON document; Json.NET reads it into VehicleLightDto; result =
//             "IdWS=" and the member's value
//   meta      payload = a JSON document; Json.NET reads it into ResponseDto; result = Data
//             written back by Json.NET ("null" for null)
//   webapi    payload = an XML document (UTF-8) read as ASP.NET Web API does
//             (XmlDictionaryReader.CreateTextReader(stream, UTF-8, quotas)); result = Show()
//   stream    payload = XML bytes given to DataContractSerializer.ReadObject(Stream), which
//             detects their encoding (XmlDictionaryReader.CreateTextReader(stream, quotas))
//   text      payload = UTF-8 of a string read with XmlReader.Create(new StringReader(s))
//   roottype  payload = an XML document (UTF-8) read as Web API does, as the type named by the
//             root element (VehicleBaseDto, VehicleLightDto; else CustomerGroupDto)
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Vehizen.Domain.Dto;
using Vehizen.Domain.Dto.CustomerGroup;

public static class ValueRules
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);
    static readonly Type[] Known = { typeof(CustomerGroupDto), typeof(ResponseDto), typeof(VehicleBaseDto), typeof(VehicleLightDto) };

    static string Show(object o)
    {
        if (o == null) return "null";
        var g = o as CustomerGroupDto;
        if (g != null)
            return "CustomerGroupDto Id=" + (g.Id.HasValue ? g.Id.Value.ToString() : "null")
                + " CustomerId=" + g.CustomerId + " Name=" + (g.Name == null ? "null" : Quote(g.Name))
                + " Vehicles=" + (g.Vehicles == null ? "null" : g.Vehicles.Count.ToString());
        return o.GetType().Name;
    }

    // a JSON string literal in ASCII (the console's encoding cannot change what is shown)
    static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7e) sb.AppendFormat("\\u{0:x4}", (int)c);
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    static DataContractSerializer Serializer(Type t) { return new DataContractSerializer(t, Known); }

    static object ReadWebApi(Type t, byte[] b)
    {
        using (var r = XmlDictionaryReader.CreateTextReader(new MemoryStream(b), Utf8, XmlDictionaryReaderQuotas.Max, null))
            return Serializer(t).ReadObject(r);
    }

    static string Answer(string kind, byte[] payload)
    {
        switch (kind)
        {
            case "enum":
                var json = "{\"CameraType\":" + JsonConvert.ToString(Utf8.GetString(payload)) + "}";
                return ((int)JsonConvert.DeserializeObject<VehicleLightDto>(json).CameraType).ToString();
            case "names":
                return "IdWS=" + JsonConvert.DeserializeObject<VehicleLightDto>(Utf8.GetString(payload)).IdWS;
            case "meta":
                var data = JsonConvert.DeserializeObject<ResponseDto>(Utf8.GetString(payload)).Data;
                return data == null ? "null" : JsonConvert.SerializeObject(data);
            case "webapi":
                return Show(ReadWebApi(typeof(CustomerGroupDto), payload));
            case "stream":
                return Show(Serializer(typeof(CustomerGroupDto)).ReadObject(new MemoryStream(payload)));
            case "text":
                using (var r = XmlReader.Create(new StringReader(Utf8.GetString(payload))))
                    return Show(Serializer(typeof(CustomerGroupDto)).ReadObject(r));
            case "roottype":
                var text = Utf8.GetString(payload);
                var type = text.StartsWith("<VehicleBaseDto ") ? typeof(VehicleBaseDto)
                    : text.StartsWith("<VehicleLightDto ") ? typeof(VehicleLightDto) : typeof(CustomerGroupDto);
                return Show(ReadWebApi(type, payload));
        }
        throw new ArgumentException("unknown kind " + kind);
    }

    static string OneLine(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) { if (c < 0x20 && c != '\t' || c > 0x7e) sb.AppendFormat("\\u{0:x4}", (int)c); else sb.Append(c); }
        return sb.ToString();
    }

    public static void Main()
    {
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            var parts = line.Split('\t');
            string answer;
            try { answer = "ok\t" + Answer(parts[0], Convert.FromBase64String(parts[1])); }
            catch (Exception e)
            {
                while (e.InnerException != null) e = e.InnerException;
                answer = "refused\t" + e.GetType().Name + ": " + e.Message;
            }
            Console.Out.WriteLine(OneLine(answer));
        }
    }
}

// Probe 5: what DataContractSerializer accepts when reading XML (reader as in Driver.cs /
// ASP.NET Web API: XmlDictionaryReader.CreateTextReader). Each case is a VehicleLightDto with a
// single member element; the value read is shown as Json.NET writes it (DateTime: + Kind), then
// as DCS writes it back (element text).
using System;
using System.Reflection;
using System.Xml;
using Newtonsoft.Json;
using Vehizen.Domain.Dto;

public static class Probe5
{
    const string Head = "<VehicleLightDto xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto\">";

    static void Case(string member, string element)
    {
        string xml = Head + element + "</VehicleLightDto>";
        string label = member + " <- " + element;
        try
        {
            var v = (VehicleLightDto)P.ReadXml(typeof(VehicleLightDto), xml);
            object value = typeof(VehicleLightDto).GetProperty(member).GetValue(v, null);
            string shown = JsonConvert.SerializeObject(value);
            if (value is DateTime) shown += " Kind=" + ((DateTime)value).Kind;
            string back;
            try
            {
                string outXml = P.Utf8.GetString(P.PathB(typeof(VehicleLightDto), v, P.Settings(false, NewLineHandling.Entitize), null));
                int start = outXml.IndexOf("<" + member);
                int end = outXml.IndexOf("<", outXml.IndexOf(">", start) + 1);
                back = outXml.Substring(start, outXml.IndexOf(">", end) + 1 - start);
                if (outXml.IndexOf("<" + member + " ") == start && outXml.Substring(start).StartsWith("<" + member + " i:nil")) back = outXml.Substring(start, outXml.IndexOf("/>", start) + 2 - start);
            }
            catch (Exception e) { back = "write fails: " + P.Describe(e); }
            P.Note(label, "read " + shown + " ; DCS writes " + back);
        }
        catch (Exception e) { P.Err(label, e); }
    }

    static void Many(string member, params string[] texts)
    {
        foreach (var t in texts)
            Case(member, t == null ? "<" + member + " />" : "<" + member + ">" + t + "</" + member + ">");
    }

    public static void Main()
    {
        Many("Tolerance", "5", " 5 ", "\n5\n", "+5", "05", "-0", "5.0", "5e0", "2147483648", "0x5", "", null);
        Case("Tolerance", "<Tolerance i:nil=\"true\" />");
        Case("Tolerance", "<Tolerance i:nil=\"true\">5</Tolerance>");
        Case("KmEndOfLease", "<KmEndOfLease i:nil=\"true\" />");
        Case("KmEndOfLease", "<KmEndOfLease />");
        Case("KmEndOfLease", "<KmEndOfLease i:nil=\"false\">5</KmEndOfLease>");
        Many("NoGeoloc", "true", "1", "0", " true ", "True", "TRUE", "yes", "");
        Many("TotalFuelUsed", "1e3", "1E3", "-0", "INF", "-INF", "inf", "Infinity", "-Infinity", "NaN", "nan",
             "1,5", " 1.5 ", ".5", "5.", "+1.5", "1.7976931348623157E+309", "4.9E-325", "0.1000000000000000055511151231257827", "");
        Many("MobileUnitId", "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E",
             "{0f8fad5b-d9cb-469f-a165-70867728950e}", "(0f8fad5b-d9cb-469f-a165-70867728950e)",
             "0f8fad5bd9cb469fa16570867728950e", " 0f8fad5b-d9cb-469f-a165-70867728950e ", "", null);
        Many("InitialEntryIntoService", "2024-01-02T03:04:05", "2024-01-02T03:04", "2024-01-02T03:04:05.12345678Z",
             "2024-01-02T03:04:05.1234567Z", "2024-01-02", "2024-01-02Z", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05+05:00",
             "2024-01-02T03:04:05-00:00", " 2024-01-02T03:04:05 ", "2024-01-02 03:04:05", "2024-01-02T24:00:00", "");
        Many("CameraType", "WITHOUT_CAMERA", "7", "0", "without_camera", " WITHOUT_CAMERA ", "", null);
        Case("CameraType", "<CameraType i:nil=\"true\" />");
    }
}

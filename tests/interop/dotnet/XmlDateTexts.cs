// Reads lines "<dto|dt|wcf> <hex of UTF-8 text> <offset minutes>" and prints what Mono's
// DataContractSerializer reads from that text in the <DateTime> child of a DateTimeOffset
// member ("dto", with <OffsetMinutes> the number given) or in a DateTime member ("dt"), or
// what its DataContractJsonSerializer reads from {"D":{"DateTime":"<text>","OffsetMinutes":n}}
// ("wcf"): "ok <ticks> <offset minutes>", "ok <ticks> <kind>", or "err <exception type>".
// Run it under several TZ values to see what depends on the server's zone.
using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

[DataContract(Namespace = "urn:p")]
public class OffsetBox { [DataMember] public DateTimeOffset D; }

[DataContract(Namespace = "urn:p")]
public class DateBox { [DataMember] public DateTime D; }

public static class XmlDateTexts
{
    static byte[] FromHex(string h)
    {
        byte[] b = new byte[h.Length / 2];
        for (int i = 0; i < b.Length; i++) b[i] = Convert.ToByte(h.Substring(2 * i, 2), 16);
        return b;
    }

    static object Read(DataContractSerializer s, string xml)
    {
        return s.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
    }

    public static void Main()
    {
        var offsets = new DataContractSerializer(typeof(OffsetBox));
        var dates = new DataContractSerializer(typeof(DateBox));
        var wcf = new DataContractJsonSerializer(typeof(OffsetBox));
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] parts = line.Split(' ');
            string text = Encoding.UTF8.GetString(FromHex(parts[1]));
            string answer;
            try
            {
                if (parts[0] == "dto")
                {
                    var box = (OffsetBox)Read(offsets,
                        "<OffsetBox xmlns=\"urn:p\"><D xmlns:s=\"http://schemas.datacontract.org/2004/07/System\">"
                        + "<s:DateTime>" + text + "</s:DateTime><s:OffsetMinutes>" + parts[2]
                        + "</s:OffsetMinutes></D></OffsetBox>");
                    answer = "ok " + box.D.Ticks + " " + (int)box.D.Offset.TotalMinutes;
                }
                else if (parts[0] == "wcf")
                {
                    string json = "{\"D\":{\"DateTime\":\"" + text + "\",\"OffsetMinutes\":" + parts[2] + "}}";
                    var box = (OffsetBox)wcf.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(json)));
                    answer = "ok " + box.D.Ticks + " " + (int)box.D.Offset.TotalMinutes;
                }
                else
                {
                    var box = (DateBox)Read(dates, "<DateBox xmlns=\"urn:p\"><D>" + text + "</D></DateBox>");
                    answer = "ok " + box.D.Ticks + " " + box.D.Kind;
                }
            }
            catch (Exception e)
            {
                answer = "err " + e.GetType().Name;
            }
            Console.WriteLine(answer);
        }
    }
}

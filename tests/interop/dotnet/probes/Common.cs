// Helpers shared by the probe programs. Each probe prints lines "label<TAB>kind<TAB>payload":
//   kind B = bytes (payload base64), S = a .NET string (payload base64 of its UTF-16LE code
//   units, so lone surrogates survive), E = an exception (payload "Type: message"),
//   T = plain text note.  run_probes.py renders them.
using System;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

public static class P
{
    public static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    public static readonly Type[] KnownTypes =
    {
        typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto),
        typeof(Vehizen.Domain.Dto.ResponseDto),
        typeof(Vehizen.Domain.Dto.VehicleBaseDto),
        typeof(Vehizen.Domain.Dto.VehicleLightDto),
        typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto),
        typeof(Vehizen.Domain.Dto.CameraType),
        typeof(Vehizen.Domain.Dto.VehicleState),
        typeof(Vehizen.Domain.Dto.State),
        typeof(Vehizen.Domain.Dto.MalfunctionLevel),
    };

    static string Clean(string s) { return s.Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n"); }

    public static void Bytes(string label, byte[] b) { Console.WriteLine(Clean(label) + "\tB\t" + Convert.ToBase64String(b)); }
    public static void Str(string label, string s)
    {
        // Code units by hand: Encoding.Unicode would replace a lone surrogate with U+FFFD.
        var units = new byte[s.Length * 2];
        for (int i = 0; i < s.Length; i++) { units[2 * i] = (byte)(s[i] & 0xFF); units[2 * i + 1] = (byte)(s[i] >> 8); }
        Console.WriteLine(Clean(label) + "\tS\t" + Convert.ToBase64String(units));
    }
    public static void Note(string label, string s) { Console.WriteLine(Clean(label) + "\tT\t" + Clean(s)); }
    public static void Err(string label, Exception e) { Console.WriteLine(Clean(label) + "\tE\t" + Clean(Describe(e))); }

    public static string Describe(Exception e)
    {
        while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
        var sb = new StringBuilder(e.GetType().FullName + ": " + e.Message);
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
            sb.Append(" ---> " + inner.GetType().FullName + ": " + inner.Message);
        return sb.ToString();
    }

    public static XmlWriterSettings Settings(bool indent, NewLineHandling nl)
    {
        return new XmlWriterSettings
        {
            OmitXmlDeclaration = true, Encoding = Utf8, Indent = indent,
            NewLineChars = "\n", NewLineHandling = nl,
        };
    }

    // Path B: XmlWriter.Create(stream, settings) + DataContractSerializer.WriteObject.
    public static byte[] PathB(Type type, object obj, XmlWriterSettings settings, Type[] known)
    {
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, settings))
            new DataContractSerializer(type, known ?? KnownTypes).WriteObject(w, obj);
        return ms.ToArray();
    }

    public static void TryBytes(string label, Func<byte[]> f)
    {
        try { Bytes(label, f()); } catch (Exception e) { Err(label, e); }
    }

    public static void TryStr(string label, Func<string> f)
    {
        try { Str(label, f()); } catch (Exception e) { Err(label, e); }
    }

    // Reading as the driver (and ASP.NET Web API) does.
    public static object ReadXml(Type type, string xml)
    {
        var bytes = Utf8.GetBytes(xml);
        using (var r = XmlDictionaryReader.CreateTextReader(new MemoryStream(bytes), Utf8, XmlDictionaryReaderQuotas.Max, null))
            return new DataContractSerializer(type, KnownTypes).ReadObject(r);
    }
}

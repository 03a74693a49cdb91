// Probe 2: ResponseDto.Data (object) and Errors variants, DCS path B, Indent false and true.
using System;
using System.Collections.Generic;
using System.Xml;
using Vehizen.Domain.Dto;
using Vehizen.Domain.Dto.CustomerGroup;

public static class Probe2
{
    static void Show(string label, ResponseDto r, Type[] known)
    {
        P.TryBytes(label + " | indent=false", () => P.PathB(typeof(ResponseDto), r, P.Settings(false, NewLineHandling.Entitize), known));
        P.TryBytes(label + " | indent=true", () => P.PathB(typeof(ResponseDto), r, P.Settings(true, NewLineHandling.Entitize), known));
    }

    public static void Main()
    {
        var errors = new List<string> { "e" };
        var group = new CustomerGroupDto { CustomerId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), Name = "n" };
        var cases = new List<KeyValuePair<string, object>>
        {
            new KeyValuePair<string, object>("Data=Guid", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e")),
            new KeyValuePair<string, object>("Data=\"text\"", "text"),
            new KeyValuePair<string, object>("Data=5 (int)", 5),
            new KeyValuePair<string, object>("Data=5L", 5L),
            new KeyValuePair<string, object>("Data=1.5", 1.5),
            new KeyValuePair<string, object>("Data=true", true),
            new KeyValuePair<string, object>("Data=CustomerGroupDto", group),
            new KeyValuePair<string, object>("Data=List<string>{a}", new List<string> { "a" }),
            new KeyValuePair<string, object>("Data=null", null),
            new KeyValuePair<string, object>("Data=new object()", new object()),
            new KeyValuePair<string, object>("Data=CameraType.WITHOUT_CAMERA", CameraType.WITHOUT_CAMERA),
            new KeyValuePair<string, object>("Data=DateTime Utc", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
        };
        foreach (var c in cases)
            Show(c.Key + " (Errors={e}, twin knownTypes)", new ResponseDto { IsValid = true, Errors = errors, Data = c.Value }, null);
        Show("Data=List<string>{a} (knownTypes = twin + List<string>)",
             new ResponseDto { IsValid = true, Errors = errors, Data = new List<string> { "a" } },
             new List<Type>(P.KnownTypes) { typeof(List<string>) }.ToArray());
        Show("Data=CustomerGroupDto (no knownTypes)",
             new ResponseDto { IsValid = true, Errors = errors, Data = group }, new Type[0]);
        // Reading Data with an i:type the serializer was not told about.
        byte[] withGroup = P.PathB(typeof(ResponseDto), new ResponseDto { IsValid = true, Errors = errors, Data = group }, P.Settings(false, NewLineHandling.Entitize), null);
        foreach (var known in new[] { "twin knownTypes", "no knownTypes" })
        {
            try
            {
                var ser = known == "no knownTypes" ? new System.Runtime.Serialization.DataContractSerializer(typeof(ResponseDto))
                                                   : new System.Runtime.Serialization.DataContractSerializer(typeof(ResponseDto), P.KnownTypes);
                var back = (ResponseDto)ser.ReadObject(new System.IO.MemoryStream(withGroup));
                P.Note("read back Data=CustomerGroupDto with " + known, "Data type = " + (back.Data == null ? "null" : back.Data.GetType().FullName));
            }
            catch (Exception e) { P.Err("read back Data=CustomerGroupDto with " + known, e); }
        }
        Show("Errors=null, Data=null", new ResponseDto { IsValid = false, Errors = null, Data = null }, null);
        Show("Errors=empty, Data=null", new ResponseDto { IsValid = false, Errors = new List<string>(), Data = null }, null);
    }
}

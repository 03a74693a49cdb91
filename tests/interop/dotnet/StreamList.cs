// tests/interop/test_stream_interop.py: a large List<VehicleLightDto> as Web API writes it
// (DataContractSerializer over XmlWriter.Create, no declaration; Driver.cs's settings).
//   StreamList.exe write N indent|none   N varied vehicles to stdout
//   StreamList.exe read indent|none      reads a list from stdin and writes it back
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Vehizen.Domain.Dto;

public static class StreamList
{
    static XmlWriterSettings Settings(bool indent)
    {
        return new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false),
            Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
    }
    public static int Main(string[] args)
    {
        var dcs = new DataContractSerializer(typeof(List<VehicleLightDto>));
        var stdout = Console.OpenStandardOutput();
        if (args[0] == "write")
        {
            int n = int.Parse(args[1]);
            var list = new List<VehicleLightDto>();
            for (int i = 0; i < n; i++)
            {
                var v = new VehicleLightDto();
                v.IdWS = i; v.Tolerance = i % 17 - 8; v.Name = i % 5 == 0 ? null : "Véhicule <" + i + "> & \r\n";
                v.VehicleId = i % 3 == 0 ? (Guid?)null : new Guid(i, (short)i, 7, 1, 2, 3, 4, 5, 6, 7, 8);
                v.TotalFuelUsed = i * 0.1 + 1e-7 * i; v.InitialEntryIntoService = new DateTime(630000000000000000L + 123456789L * i, DateTimeKind.Utc);
                v.TheoreticalConsumption = i % 4 == 0 ? (double?)null : i / 3.0;
                v.Renting = i % 2 == 0;
                list.Add(v);
            }
            using (var w = XmlWriter.Create(stdout, Settings(args[2] == "indent"))) dcs.WriteObject(w, list);
            return 0;
        }
        var quotas = XmlDictionaryReaderQuotas.Max;
        List<VehicleLightDto> read;
        using (var r = XmlDictionaryReader.CreateTextReader(Console.OpenStandardInput(), new UTF8Encoding(false), quotas, null))
            read = (List<VehicleLightDto>)dcs.ReadObject(r);
        using (var w = XmlWriter.Create(stdout, Settings(args[1] == "indent"))) dcs.WriteObject(w, read);
        return 0;
    }
}

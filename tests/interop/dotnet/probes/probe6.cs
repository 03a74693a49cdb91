// Probe 6: Json.NET indented (and compact) output for empty/null collections.
using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Vehizen.Domain.Dto;
using Vehizen.Domain.Dto.CustomerGroup;

public static class Probe6
{
    static void Both(string label, object o)
    {
        P.Str(label + " | Indented", JsonConvert.SerializeObject(o, Formatting.Indented));
        P.Str(label + " | None", JsonConvert.SerializeObject(o));
    }

    public static void Main()
    {
        var g = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        Both("ResponseDto{IsValid=false, Errors=[], Data=null}", new ResponseDto { Errors = new List<string>() });
        Both("ResponseDto{IsValid=true, Errors=null, Data=null}", new ResponseDto { IsValid = true });
        Both("ResponseDto{Errors=[], Data=new object()}", new ResponseDto { Errors = new List<string>(), Data = new object() });
        Both("ResponseDto{Errors=[], Data=new List<string>()}", new ResponseDto { Errors = new List<string>(), Data = new List<string>() });
        Both("CustomerGroupDto{Vehicles=null}", new CustomerGroupDto { CustomerId = g, Name = "n" });
        Both("CustomerGroupDto{Vehicles=[]}", new CustomerGroupDto { CustomerId = g, Name = "n", Vehicles = new List<VehicleLightDto>() });
    }
}

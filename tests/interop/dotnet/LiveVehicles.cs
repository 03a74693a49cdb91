// The customer group live data looks like, seeded (the same values every run), shared by
// bench/DotnetDocument.cs (the benchmark's .NET-written document) and StreamDocument.cs
// (tests/interop/test_stream_document_interop.py): DateTimes with all 7 tick digits (Utc, and
// Local written with the zone's offset), doubles computed (17 significant digits), nulls, empty
// lists, and text with XML and JSON specials. Group(n) draws from one Random(6), so a program
// that calls it once gets the same group as the other.
using System;
using System.Collections.Generic;
using Vehizen.Domain.Dto;
using Vehizen.Domain.Dto.CustomerGroup;
using Vehizen.Domain.Dto.ExternalInterface;

public static class LiveVehicles
{
    static readonly string[] Words = {
        "Renault", "Iveco", "Mercedes-Benz", "Citroën", "Škoda", "Ford Transit", "Peugeot & fils",
        "<Volvo>", "camion \"frigo\"", "benne\tà ordures", "ligne 1\r\nligne 2",
        "C:\\flotte\\véhicules", "🚚 livraison", "Łódź depot", "" };
    static Random rng = new Random(6);

    static string Text(double nullRate = 0.15)
    {
        if (rng.NextDouble() < nullRate) return null;
        var w = Words[rng.Next(Words.Length)];
        return w.Length == 0 ? w : w + " " + rng.Next(100000);
    }
    static Guid NewGuid() { var b = new byte[16]; rng.NextBytes(b); return new Guid(b); }
    static Guid? Guid_(double nullRate) { return rng.NextDouble() < nullRate ? (Guid?)null : NewGuid(); }
    static DateTime Date()
    {
        // 2015-2030, any tick; a third Local (this process runs with TZ=UTC: "+00:00")
        long ticks = 635556672000000000L + (long)(rng.NextDouble() * 4733856000000000L);
        var kind = rng.Next(3) == 0 ? DateTimeKind.Local : DateTimeKind.Utc;
        return new DateTime(ticks, kind);
    }
    static DateTime? Date_(double nullRate) { return rng.NextDouble() < nullRate ? (DateTime?)null : Date(); }
    static int? Int_(double nullRate, int max) { return rng.NextDouble() < nullRate ? (int?)null : rng.Next(max); }

    public static VehicleLightDto Vehicle(int i)
    {
        var v = new VehicleLightDto();
        v.IdWS = i; v.AgencyAffiliationName = Text(); v.AgencyAffiliationId = Guid_(0.3);
        v.CustomerGroupId = Guid_(0.1); v.CustomerGroupName = Text(); v.VIN = Text(0.05);
        v.ExternalInterfaceId = Guid_(0.5); v.InitialEntryIntoService = Date();
        int interfaces = rng.Next(5);
        if (interfaces > 0 || rng.Next(2) == 0)
        {
            v.ExternalInterfaces = new List<ExternalInterfaceHeaderDto>();
            for (int k = 1; k < interfaces; k++)
                v.ExternalInterfaces.Add(new ExternalInterfaceHeaderDto { Id = NewGuid(), CustomerId = NewGuid(), Name = Text() });
        }
        v.JobActivity = Text(); v.Renting = rng.Next(2) == 0;
        v.UtcEndOfLease = Date_(0.4); v.UtcStartOfLease = Date_(0.4);
        v.KmEndOfLease = Int_(0.4, 400000); v.KmStartOfLease = Int_(0.4, 100000);
        v.TheoreticalConsumption = rng.NextDouble() < 0.2 ? (double?)null : rng.NextDouble() * 40;
        v.ReservoirVolume = Int_(0.2, 1000); v.Tolerance = rng.Next(-10, 10);
        v.MobileUnitId = Guid_(0.2); v.MobileUnitName = Text(); v.Imei = Text(0.3);
        v.TotalFuelUsed = rng.NextDouble() * 1e6 / 7; v.CANFuelReportUtc = Date_(0.3);
        v.Milestone = rng.Next(1000000); v.UtcMileageReport = Date_(0.3);
        v.MilestoneAtAssignment = rng.Next(100000); v.TachySpeedLimit = Int_(0.5, 130);
        v.NoGeoloc = rng.Next(4) == 0;
        v.VehicleId = Guid_(0.05); v.CustomerId = Guid_(0.05); v.LicencePlate = Text(0.05);
        v.IDByGovernment = Text(); v.Name = Text(0.05); v.VehicleType = Text(); v.Brand = Text();
        v.Model = Text(); v.DateUtcChangeMalfunctionLevel = Date_(0.5);
        v.HasMalfunctionHistory = rng.Next(2) == 0; v.IsVehicleCallForMaintenance = rng.Next(5) == 0;
        v.FuelName = Text(); v.FuelTypeId = Int_(0.3, 20); v.FuelTypeIdSynthesis = Int_(0.3, 20);
        v.IsFuelTypeConflict = rng.Next(10) == 0; v.IsActive = rng.Next(10) != 0;
        v.CompatibleDownload = rng.Next(2) == 0;
        return v;
    }

    public static CustomerGroupDto Group(int n)
    {
        var group = new CustomerGroupDto { Id = NewGuid(), CustomerId = NewGuid(), Name = "Groupe Nord & Est", ProfilEcoDriveId = null, Vehicles = new List<VehicleLightDto>() };
        for (int i = 0; i < n; i++) group.Vehicles.Add(Vehicle(i));
        return group;
    }
}

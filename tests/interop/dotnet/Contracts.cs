// C# twin of the Vehizen server DTOs, as reconstructed in docs/vehizen.md.
// Plain POCO classes (no [DataContract]): DataContractSerializer takes every public
// read/write property (base class first, ordinal name order); Json.NET takes every public
// property with a public getter (derived class first, declaration order).
// Nullability = the choice of docs/vehizen.md §3 (VehicleId, CustomerId, DateUtcChangeMalfunctionLevel
// nullable; NoGeoloc, HasMalfunctionHistory, IsVehicleCallForMaintenance plain bool).
using System;
using System.Collections.Generic;

namespace Vehizen.Domain.Dto
{
    public enum CameraType { WITHOUT_CAMERA = 0 }
    public enum VehicleState { Active = 0 }
    public enum State { Active = 0 }
    public enum MalfunctionLevel { Null = 0 }

    public class VehicleBaseDto
    {
        public Guid? VehicleId { get; set; }
        public Guid? CustomerId { get; set; }
        public string LicencePlate { get; set; }
        public string IDByGovernment { get; set; }
        public string Name { get; set; }
        public string VehicleType { get; set; }
        public string Brand { get; set; }
        public string Model { get; set; }
        public State State { get; set; }
        public MalfunctionLevel MalfunctionLevel { get; set; }
        public DateTime? DateUtcChangeMalfunctionLevel { get; set; }
        public bool HasMalfunctionHistory { get; set; }
        public bool IsVehicleCallForMaintenance { get; set; }
        public string FuelName { get; set; }

        // Read-only: JSON only; a value read from JSON is ignored.
        public string FullName { get { return Name + " (" + LicencePlate + ")"; } }

        // JSON only (the private setter hides it from DataContractSerializer, which needs a
        // public setter); Json.NET uses the private setter because of [JsonProperty].
        // Keeps a value read from JSON (even null); "Porteur" when none was read.
        private string _utility;
        private bool _utilitySet;
        [Newtonsoft.Json.JsonProperty]
        public string Utility
        {
            get { return _utilitySet ? _utility : "Porteur"; }
            private set { _utility = value; _utilitySet = true; }
        }

        public int? FuelTypeId { get; set; }
        public int? FuelTypeIdSynthesis { get; set; }
        public bool IsFuelTypeConflict { get; set; }
        public bool IsActive { get; set; }
        public bool CompatibleDownload { get; set; }
    }

    public class VehicleLightDto : VehicleBaseDto
    {
        public int IdWS { get; set; }
        public string AgencyAffiliationName { get; set; }
        public Guid? AgencyAffiliationId { get; set; }
        public Guid? CustomerGroupId { get; set; }
        public string CustomerGroupName { get; set; }
        public string VIN { get; set; }
        public Guid? ExternalInterfaceId { get; set; }
        public DateTime InitialEntryIntoService { get; set; }
        public List<Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto> ExternalInterfaces { get; set; }
        public string JobActivity { get; set; }
        public bool Renting { get; set; }
        public DateTime? UtcEndOfLease { get; set; }
        public DateTime? UtcStartOfLease { get; set; }
        public int? KmEndOfLease { get; set; }
        public int? KmStartOfLease { get; set; }
        public double? TheoreticalConsumption { get; set; }
        public int? ReservoirVolume { get; set; }
        public int Tolerance { get; set; }
        public Guid? MobileUnitId { get; set; }
        public string MobileUnitName { get; set; }
        public string Imei { get; set; }
        public double TotalFuelUsed { get; set; }
        public DateTime? CANFuelReportUtc { get; set; }
        public int Milestone { get; set; }
        public DateTime? UtcMileageReport { get; set; }
        public int MilestoneAtAssignment { get; set; }
        public int? TachySpeedLimit { get; set; }
        public CameraType CameraType { get; set; }
        public bool NoGeoloc { get; set; }
        public VehicleState VehicleState { get; set; }
    }

    // Data may hold any Vehizen DTO or enum: a server returning them as XML must make them
    // known to DataContractSerializer (the help page cannot tell how; netcontract's
    // vehizen.ResponseDto declares the same list; probes/ compile without it)
#if !PROBE_NO_RESPONSE_KNOWN_TYPES
    [System.Runtime.Serialization.KnownType(typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto))]
    [System.Runtime.Serialization.KnownType(typeof(VehicleBaseDto))]
    [System.Runtime.Serialization.KnownType(typeof(VehicleLightDto))]
    [System.Runtime.Serialization.KnownType(typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto))]
    [System.Runtime.Serialization.KnownType(typeof(CameraType))]
    [System.Runtime.Serialization.KnownType(typeof(VehicleState))]
    [System.Runtime.Serialization.KnownType(typeof(State))]
    [System.Runtime.Serialization.KnownType(typeof(MalfunctionLevel))]
#endif
    public class ResponseDto
    {
        public bool IsValid { get; set; }
        public List<string> Errors { get; set; }
        public object Data { get; set; }
    }
}

namespace Vehizen.Domain.Dto.ExternalInterface
{
    public class ExternalInterfaceHeaderDto
    {
        public Guid Id { get; set; }
        public Guid CustomerId { get; set; }
        public string Name { get; set; }
    }
}

namespace Vehizen.Domain.Dto.CustomerGroup
{
    public class CustomerGroupDto
    {
        public Guid? Id { get; set; }
        public Guid CustomerId { get; set; }
        public string Name { get; set; }
        public Guid? ProfilEcoDriveId { get; set; }
        public List<Vehizen.Domain.Dto.VehicleLightDto> Vehicles { get; set; }
    }
}

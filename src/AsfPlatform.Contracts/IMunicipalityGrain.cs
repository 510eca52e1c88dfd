

namespace AsfPlatform.Contracts;

/// <summary>One per municipality and owner (key: <see cref="GrainKeys.Municipality"/>).</summary>
[Alias("asf.IMunicipalityGrain")]
public interface IMunicipalityGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the municipality.</summary>
    Task<MunicipalitySnapshot> Register(RegisterMunicipality command);

    /// <summary>
    /// The owner no longer works with the municipality: it leaves the owner's list and plans; the municipality's own
    /// facts stay for the other owners. Expects the version read.
    /// </summary>
    Task<MunicipalitySnapshot> Remove(long expectedVersion, AuditNote? audit = null);

    /// <summary>Records or replaces a milestone; the plans that count municipalities are updated at once.</summary>
    Task<MunicipalitySnapshot> RecordMilestone(RecordMunicipalMilestone command);

    /// <summary>Removes a milestone by id.</summary>
    Task<MunicipalitySnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null, AuditNote? audit = null);

    /// <summary>The municipality with its milestones.</summary>
    Task<MunicipalitySnapshot> GetSnapshot();
}

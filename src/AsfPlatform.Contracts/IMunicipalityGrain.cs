

namespace AsfPlatform.Contracts;

/// <summary>One per municipality and owner (key: <see cref="GrainKeys.Municipality"/>).</summary>
[Alias("asf.IMunicipalityGrain")]
public interface IMunicipalityGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the municipality.</summary>
    Task<MunicipalitySnapshot> Register(RegisterMunicipality command);

    /// <summary>Records or replaces a milestone; the plans that count municipalities are updated at once.</summary>
    Task<MunicipalitySnapshot> RecordMilestone(RecordMunicipalMilestone command);

    /// <summary>Removes a milestone by id.</summary>
    Task<MunicipalitySnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null);

    /// <summary>The municipality with its milestones.</summary>
    Task<MunicipalitySnapshot> GetSnapshot();
}

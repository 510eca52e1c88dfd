

namespace AsfPlatform.Contracts;

/// <summary>One per ASF company and owner (key: <see cref="GrainKeys.Company"/>).</summary>
[Alias("asf.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the company.</summary>
    Task<CompanySnapshot> Register(RegisterCompany command);

    /// <summary>Closes the company at a date (not before it was registered); it keeps its figures and stays listed.</summary>
    Task<CompanySnapshot> Close(CloseCompany command);

    /// <summary>Records or replaces (by date) the company's figures; affected plans are updated at once.</summary>
    Task<CompanySnapshot> RecordFigures(RecordCompanyFigures command);

    /// <summary>
    /// Removes the figures of one date; the plans that read company figures are updated at once. Removing figures of
    /// a date that has none changes nothing.
    /// </summary>
    Task<CompanySnapshot> RemoveFigures(DateOnly date, long? expectedVersion = null, AuditNote? audit = null);

    /// <summary>The company with its figures.</summary>
    Task<CompanySnapshot> GetSnapshot();
}

using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Contracts;

// Commands: each carries an optional expected version (ETag). A mismatch throws ConcurrencyConflictException;
// invalid input throws Domain.Validation.ValidationException; in both cases nothing is stored. Recording the same
// thing twice (same id, same content) changes nothing, which makes imports idempotent. A command of a user's change
// carries its audit entry (Audit): the grain stores it with the change, in the same state write (AuditNote).

/// <summary>Registers or renames an owner. <paramref name="Subregions"/> that the owner does not have yet are added
/// (the dataset seeds them so; subregions the owner already has keep the names its administrator gave them).</summary>
[GenerateSerializer, Immutable, Alias("asf.RegisterOwner")]
public sealed record RegisterOwner(string Name, OwnerKind Kind, long? ExpectedVersion = null, IReadOnlyList<Subregion>? Subregions = null);

/// <summary>
/// Creates an owner (<paramref name="CreateOnly"/>: fails with <see cref="AlreadyExistsException"/> when the id is
/// taken) or replaces its profile: name, kind, organisation number, subregions and partner organisations.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.SaveOwnerProfile")]
public sealed record SaveOwnerProfile(OwnerProfile Profile, long? ExpectedVersion = null, bool CreateOnly = false, AuditNote? Audit = null);

/// <summary>Records (or replaces) the county survey of a year. Stated totals that differ from their parts are
/// accepted and reported as data-quality findings.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordCountySurvey")]
public sealed record RecordCountySurvey(CountySurvey Survey, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Registers or updates a municipality (the kommunkod is the key).</summary>
[GenerateSerializer, Immutable, Alias("asf.RegisterMunicipality")]
public sealed record RegisterMunicipality(string Name, string? Subregion, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Records or replaces (by id) a municipal milestone.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordMunicipalMilestone")]
public sealed record RecordMunicipalMilestone(MunicipalMilestone Milestone, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Registers or updates a company (the id must match the grain key). With <paramref name="CreateOnly"/> it
/// only registers a new company (HTTP <c>If-None-Match: *</c>) and fails with <see cref="AlreadyExistsException"/>
/// when the id is taken.</summary>
[GenerateSerializer, Immutable, Alias("asf.RegisterCompany")]
public sealed record RegisterCompany(Company Company, long? ExpectedVersion = null, bool CreateOnly = false, AuditNote? Audit = null);

/// <summary>Closes a company: sets its registered-to date; the company and its figures stay (history).</summary>
[GenerateSerializer, Immutable, Alias("asf.CloseCompany")]
public sealed record CloseCompany(DateOnly Date, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Records or replaces (by date) a company's figures.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordCompanyFigures")]
public sealed record RecordCompanyFigures(CompanyFigures Figures, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Defines or updates an insats (the id must match the grain key). Its closing date is not changed here (see
/// <see cref="CloseInsats"/>). With <paramref name="CreateOnly"/> it fails with <see cref="AlreadyExistsException"/>
/// when the insats exists.</summary>
[GenerateSerializer, Immutable, Alias("asf.DefineInsats")]
public sealed record DefineInsats(Insats Insats, long? ExpectedVersion = null, bool CreateOnly = false, AuditNote? Audit = null);

/// <summary>Closes an insats at a date inside its period; facts dated after it are refused from then on.</summary>
[GenerateSerializer, Immutable, Alias("asf.CloseInsats")]
public sealed record CloseInsats(DateOnly Date, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Records or replaces (by id) a narrative milestone.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordNarrativeMilestone")]
public sealed record RecordNarrativeMilestone(NarrativeMilestone Milestone, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>
/// Records or replaces (by id) an information event performed. With <paramref name="CreateOnly"/> it only records a
/// new event (HTTP <c>If-None-Match: *</c>): it fails with <see cref="AlreadyExistsException"/> when the id is taken and
/// does not depend on any version, so offices recording events at once do not invalidate each other. Otherwise
/// <paramref name="ExpectedVersion"/> is the event's own version (<see cref="EventSnapshot.Version"/>), not the insats'.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.RecordInformationEvent")]
public sealed record RecordInformationEvent(InformationEvent Event, long? ExpectedVersion = null, bool CreateOnly = false, AuditNote? Audit = null);

/// <summary>Records or replaces (by id) a placement grant with its use and outcomes.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordPlacement")]
public sealed record RecordPlacement(Placement Placement, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Records or replaces (by id) a total stated in a source document, to be checked against the facts.</summary>
[GenerateSerializer, Immutable, Alias("asf.RecordStatedTotal")]
public sealed record RecordStatedTotal(StatedTotal Total, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Creates or replaces the content of a yearly plan.</summary>
[GenerateSerializer, Immutable, Alias("asf.SavePlan")]
public sealed record SavePlan(PlanContent Content, long? ExpectedVersion = null, AuditNote? Audit = null);

/// <summary>Creates a yearly plan; fails with <see cref="AlreadyExistsException"/> when the plan exists.</summary>
[GenerateSerializer, Immutable, Alias("asf.CreatePlan")]
public sealed record CreatePlan(PlanContent Content, AuditNote? Audit = null);

/// <summary>Marks an activity of the plan done or not done.</summary>
[GenerateSerializer, Immutable, Alias("asf.SetActivityDone")]
public sealed record SetActivityDone(string ActivityId, bool Done, long? ExpectedVersion = null);

/// <summary>Replaces the insats' own texts (background, assignment, analysis, conclusions, lessons, year narratives)
/// as a whole; <paramref name="ExpectedVersion"/> is the insats' version.</summary>
[GenerateSerializer, Immutable, Alias("asf.SetInsatsNarrative")]
public sealed record SetInsatsNarrative(InsatsNarrative Narrative, long? ExpectedVersion = null, AuditNote? Audit = null);

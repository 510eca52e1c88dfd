using AsfPlatform.Contracts;

namespace AsfPlatform.Backup;

/// <summary>
/// One write of a replace: what it changes, in the audit log's terms (entity type and path as the domain writer names
/// them, before and after), and the grain call that makes it. The call reads the version it expects just before writing,
/// so a change by someone else since the plan was made is refused rather than overwritten.
/// </summary>
/// <param name="EntityType">"organisation", "kommun", "företag", "insats" or "handlingsplan".</param>
/// <param name="EntityPath">The thing's path ("finsam-gavleborg/company/x").</param>
/// <param name="Action">What happens, in Swedish.</param>
/// <param name="Before">The record before (null when new).</param>
/// <param name="After">The record after (null when removed).</param>
/// <param name="Apply">The grain call; it hands the grain the change's audit note, so the change and its entry are stored
/// in one transaction (the grain's audit outbox).</param>
public sealed record ReplaceStep(string EntityType, string EntityPath, string Action, object? Before, object? After,
    Func<IGrainFactory, AuditNote, Task> Apply);

namespace AsfPlatform.Host.Api;

/// <summary>Closes a company or an insats at <paramref name="Date"/> (a company: today, an insats: its period's end, when null).</summary>
public sealed record CloseRequest(DateOnly? Date);

/// <summary>Creates the plan of <paramref name="Year"/>, starting from "empty", "template" or "previous".</summary>
public sealed record NewPlanRequest(int Year, string? From);

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using Microsoft.AspNetCore.Routing;

namespace AsfPlatform.Host.Api.Json;

/// <summary>
/// How the API reads request bodies: a property it does not know is refused (a misspelt <c>employedWomen</c> would
/// otherwise be dropped silently and stored as 0), and the properties listed in <see cref="Required"/> must be sent.
/// Binding failures are thrown (not answered with a bare 400) so <see cref="RequestBodyProblems"/> can name the field.
/// The same options describe the bodies in the OpenAPI document, so its <c>required</c> lists are these.
/// </summary>
internal static class ApiJson
{
    /// <summary>
    /// The properties a request must send, by body type. Listed rather than derived from nullability: ids are made from
    /// names when left out and lists default to empty, though the records declare them non-nullable.
    /// </summary>
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(Company)] = ["name", "legalForm", "kommunkod", "criteria"],
        [typeof(DefinitionCriteria)] = ["integrationAim", "participation", "profitsReinvested", "independent"],
        [typeof(CompanyFigures)] = ["date", "employedWomen", "employedMen", "participantsAf", "participantsMunicipality", "participantsOther"],
        [typeof(Insats)] = ["title", "periodStart", "periodEnd"],
        [typeof(InformationEvent)] = ["date", "type", "title"],
        [typeof(Placement)] = ["id", "year", "kommunkod", "placesGranted", "targetGroup", "dailyRate"],
        [typeof(PlacementUse)] = ["placesUsed", "participants", "participantsWomen", "participantsMen"],
        [typeof(MunicipalMilestone)] = ["id", "kind", "date", "title"],
        [typeof(NarrativeMilestone)] = ["id", "year", "text"],
        [typeof(PlanContent)] = ["title", "sections", "goals", "activities", "indicators", "budget", "organisation"],
        [typeof(NewOwnerRequest)] = ["name", "kind"],
        [typeof(OwnerRequest)] = ["name", "kind"],
        [typeof(NewPlanRequest)] = ["year"],
        [typeof(CreateUserRequest)] = ["userName", "displayName", "role", "password"],
        [typeof(ResetPasswordRequest)] = ["password"],
        [typeof(ChangePasswordRequest)] = ["currentPassword", "newPassword"],
        [typeof(IssueTokenRequest)] = ["name"],
    };

    /// <summary>Applies the API's reading rules to the host's JSON options and throws binding failures.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Enums are read by name only: a number ("kind": 3) is a wrong type, not the third kind.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.TypeInfoResolver = (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(MarkRequired);
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    private static void MarkRequired(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !Required.TryGetValue(type.Type, out var names))
            return;
        foreach (var property in type.Properties)
            if (names.Contains(property.Name, StringComparer.Ordinal))
                property.IsRequired = true;
    }
}

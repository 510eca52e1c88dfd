namespace AsfPlatform.Contracts;

/// <summary>
/// Every owner registered in this installation (key: <see cref="GrainKeys.OwnerList"/>). An owner's directory adds
/// itself when it is registered, so the start page and the API list owners created from the web, the API, the CLI
/// or the dataset alike.
/// </summary>
[Alias("asf.IOwnerListGrain")]
public interface IOwnerListGrain : IGrainWithStringKey
{
    /// <summary>Adds an owner id (adding one already listed changes nothing).</summary>
    Task Add(string ownerId);

    /// <summary>The owner ids, in order.</summary>
    Task<IReadOnlyList<string>> GetOwners();
}

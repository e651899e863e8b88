namespace Cabinet.People;

/// <summary>A People's Committee office: the province office or a commune.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.organization-profile")]
public sealed record OrganizationProfile(string Id, string Name, string? ParentId);

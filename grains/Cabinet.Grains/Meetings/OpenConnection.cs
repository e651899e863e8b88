namespace Cabinet.Meetings;

/// <summary>One open connection (tab, app, circuit) of a person, and the host (silo address) that holds it.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenConnection([property: Id(0)] string UserName, [property: Id(1)] string Host);

namespace Cabinet.Errors;

/// <summary>A refused request: a stable machine-readable code and a message for people (Vietnamese).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.error")]
public sealed record CabinetError(string Code, string Message);

namespace Cabinet.Testing;

public sealed record CabinetServerOptions
{
    public string DataPath { get; init; } = RepositoryPaths.NewTempFolder("data");

    public string? RedisConnectionString { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}

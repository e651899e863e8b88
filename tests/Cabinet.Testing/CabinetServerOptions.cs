namespace Cabinet.Testing;

public sealed record CabinetServerOptions
{
    public string DataPath { get; init; } = RepositoryPaths.NewTempFolder("data");

    public string? RedisConnectionString { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>A host of the cluster on <paramref name="redis"/>; only the first host seeds the demo data.</summary>
    public static CabinetServerOptions OnRedis(string redis, bool first = true) => new()
    {
        RedisConnectionString = redis,
        ExtraArguments = first ? [] : ["--Cabinet:SeedDemoData=false"],
    };
}

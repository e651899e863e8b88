namespace Cabinet.Testing;

public sealed record CabinetServerOptions
{
    public string DataPath { get; init; } = RepositoryPaths.NewTempFolder("data");

    public string? RedisConnectionString { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The loopback port to listen on, when a test must know it before the start (a provider's redirect URI); a free one otherwise.</summary>
    public int? Port { get; init; }

    /// <summary>ASPNETCORE_ENVIRONMENT of the process: Development (demo data, development CA) unless a test says Production.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>
    /// Tests play many people from one address, and the harness drives a chair far faster than a person: by default the
    /// sign-in and hub-command rates, and the open sessions per person, are lifted. Tests of the limits themselves set this to false and get the shipped defaults.
    /// </summary>
    public bool RelaxedRateLimits { get; init; } = true;

    /// <summary>
    /// False for tests: the process starts with workstation GC, without tiered PGO and without watching its configuration
    /// files, which takes a start from ≈ 7.5 to ≈ 5 s of CPU here — the suites start over a hundred servers on 2 cores,
    /// and none of the three changes what a test checks. The harness sets it, so what it measures runs as shipped.
    /// </summary>
    public bool AsShipped { get; init; }

    /// <summary>
    /// Development hosts started for tests hash passwords with 1,000 PBKDF2 iterations instead of 100,000
    /// (<c>Cabinet:Passwords:Iterations</c>): a hash is ≈ 0.1 s of CPU here, and each start seeds 31 accounts and the tests
    /// sign in thousands of times. Tests of the password check's cost set this to false; the harness runs as shipped.
    /// </summary>
    public bool CheapPasswordHashes { get; init; } = true;

    /// <summary>The PBKDF2 iterations of <see cref="CheapPasswordHashes"/>.</summary>
    public const int CheapPasswordIterations = 1_000;

    /// <summary>When set, Kestrel also listens with TLS on this loopback port, with this PKCS#12 certificate (path, password).</summary>
    public (int Port, string CertificatePath, string Password)? Https { get; init; }

    /// <summary>A host of the cluster on <paramref name="redis"/>; only the first host seeds the demo data.</summary>
    public static CabinetServerOptions OnRedis(string redis, bool first = true) => new()
    {
        RedisConnectionString = redis,
        ExtraArguments = first ? [] : ["--Cabinet:SeedDemoData=false"],
    };
}

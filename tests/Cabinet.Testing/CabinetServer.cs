namespace Cabinet.Testing;

/// <summary>
/// A real Cabinet process (the built web app) on a free loopback port, with its own data folder, stopping by
/// itself if the test run dies. Restart it on the same data folder or Redis to test durability.
/// </summary>
public sealed class CabinetServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private CabinetServer(ChildProcess process, Uri baseAddress, CabinetServerOptions options)
    {
        (_process, BaseAddress, Options) = (process, baseAddress, options);
    }

    public Uri BaseAddress { get; }

    public CabinetServerOptions Options { get; }

    public string Output => _process.Output;

    public int ProcessId => _process.Id;

    public static async Task<CabinetServer> StartAsync(CabinetServerOptions? options = null)
    {
        options ??= new CabinetServerOptions();
        var port = options.Port ?? FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var arguments = new List<string>
        {
            RepositoryPaths.WebAssembly,
            "--urls", baseAddress.ToString().TrimEnd('/') + (options.Https is { } tls ? $";https://127.0.0.1:{tls.Port}" : ""),
            $"--Cabinet:DataPath={options.DataPath}",
            $"--Cabinet:ParentProcessId={Environment.ProcessId}",
            $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        };
        if (options.RedisConnectionString is { } redis)
        {
            arguments.Add($"--ConnectionStrings:Redis={redis}");
            if (options.Environment == "Development" && !options.ExtraArguments.Any(a => a.StartsWith("--Cabinet:Encryption:", StringComparison.Ordinal)))
            {
                // Hosts of one Redis share its data keys, so they share the key-encryption key as an installation would
                // (a development host would otherwise make a key file of its own in its own data folder).
                arguments.Add($"--Cabinet:Encryption:KeyFile={SharedKeys.For(redis)}");
            }
        }

        if (options.Https is { } https)
        {
            arguments.AddRange([$"--Kestrel:Certificates:Default:Path={https.CertificatePath}", $"--Kestrel:Certificates:Default:Password={https.Password}"]);
        }

        if (options.RelaxedRateLimits)
        {
            arguments.AddRange(["--Cabinet:RateLimits:SignInPerMinutePerAddress=1000000", "--Cabinet:RateLimits:HubCommandsPerMinute=1000000",
                "--Cabinet:RateLimits:HubCommandBurst=1000000", "--Cabinet:Sessions:MaxPerPerson=1000"]);
        }

        arguments.AddRange(options.ExtraArguments);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = options.Environment,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        if (!options.AsShipped)
        {
            (environment["DOTNET_gcServer"], environment["DOTNET_TieredPGO"], environment["DOTNET_hostBuilder__reloadConfigOnChange"]) = ("0", "0", "false");
            if (options.CheapPasswordHashes && options.Environment == "Development")
            {
                // An environment variable, so a test's own --Cabinet:Passwords:Iterations argument still wins.
                environment["Cabinet__Passwords__Iterations"] = CabinetServerOptions.CheapPasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var process = ChildProcess.Start("dotnet", arguments, environment, Path.GetDirectoryName(RepositoryPaths.WebAssembly));
        var server = new CabinetServer(process, baseAddress, options);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Stops gracefully and starts a new process on the same data folder, Redis and address.</summary>
    public async Task<CabinetServer> RestartAsync()
    {
        await _process.StopAsync();
        return await StartAgainAsync();
    }

    /// <summary>
    /// After <see cref="StopAsync"/>: a new process on the same data folder, Redis and address, so the browsers and clients
    /// that were connected to this one find it again (a host coming back after an outage).
    /// </summary>
    public Task<CabinetServer> StartAgainAsync() => StartAsync(Options with { Port = BaseAddress.Port });

    public Task StopAsync() => _process.StopAsync();

    /// <summary>Ends the process at once, as a crash or power loss of the host would.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private Task WaitUntilHealthyAsync() => _process.WaitUntilServingAsync("Cabinet", BaseAddress, "/health", TimeSpan.FromSeconds(90),
        () => Output.Contains("Cabinet is running", StringComparison.Ordinal));
}

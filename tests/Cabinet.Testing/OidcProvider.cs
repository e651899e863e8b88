namespace Cabinet.Testing;

/// <summary>
/// The tests' real OpenID provider (tests/Cabinet.OidcProvider, OpenIddict) as a process on a free loopback port, with
/// one client whose redirect URI is the given Cabinet's callback. It stops by itself when the test run's process is gone.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "cabinet";

    private readonly ChildProcess _process;

    private OidcProvider(ChildProcess process, Uri authority, string clientSecret) => (_process, Authority, ClientSecret) = (process, authority, clientSecret);

    public Uri Authority { get; }

    public string ClientSecret { get; }

    public string Output => _process.Output;

    /// <param name="cabinetPort">The port Cabinet will listen on (see <see cref="CabinetServerOptions.Port"/>).</param>
    /// <param name="user">The name the provider's sign-in form offers first.</param>
    public static async Task<OidcProvider> StartAsync(int cabinetPort, string user)
    {
        var authority = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var process = ChildProcess.Start("dotnet",
        [
            RepositoryPaths.OidcProviderAssembly,
            "--urls", authority.ToString().TrimEnd('/'),
            $"--Client:Id={ClientId}",
            $"--Client:Secret={secret}",
            $"--Client:RedirectUri=http://127.0.0.1:{cabinetPort}/account/login/sso/callback",
            $"--User={user}",
            $"--ParentProcessId={Environment.ProcessId}",
            "--Logging:LogLevel:Default=Warning",
        ], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            Path.GetDirectoryName(RepositoryPaths.OidcProviderAssembly));
        var provider = new OidcProvider(process, authority, secret);
        await provider.WaitUntilServingAsync();
        return provider;
    }

    /// <summary>Cabinet's arguments for this provider; the secret goes in a file, as operators give it.</summary>
    public IReadOnlyList<string> CabinetArguments(string displayName)
    {
        var secretFile = Path.Combine(RepositoryPaths.NewTempFolder("oidc"), "client-secret");
        File.WriteAllText(secretFile, ClientSecret + "\n");
        return
        [
            $"--Cabinet:Oidc:Authority={Authority}",
            $"--Cabinet:Oidc:ClientId={ClientId}",
            $"--Cabinet:Oidc:ClientSecretFile={secretFile}",
            "--Cabinet:Oidc:MatchClaim=preferred_username",
            $"--Cabinet:Oidc:DisplayName={displayName}",
            "--Cabinet:Oidc:AllowHttpAuthority=true",
        ];
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private Task WaitUntilServingAsync() =>
        _process.WaitUntilServingAsync("The OpenID provider", Authority, ".well-known/openid-configuration", TimeSpan.FromSeconds(60));
}

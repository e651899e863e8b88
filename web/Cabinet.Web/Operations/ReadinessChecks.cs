using Cabinet.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Cabinet.Web.Operations;

/// <summary>
/// What <c>/health/ready</c> asks: storage reachable, the seal certificate loadable, the silo active. <c>/health</c>
/// stays the bare liveness probe.
/// </summary>
public static class ReadinessChecks
{
    public const string Tag = "ready";

    /// <summary>The name of the probe file the storage check writes and deletes; a backup leaves it out.</summary>
    public const string ProbePrefix = ".ready-";

    public static IHealthChecksBuilder AddCabinetReadiness(this IHealthChecksBuilder checks)
    {
        // Singletons, or the health service would make a new check (and a new Redis connection) for every request.
        checks.Services.AddSingleton<StorageCheck>().AddSingleton<SigningCheck>().AddSingleton<SiloCheck>();
        return checks
            .AddCheck<StorageCheck>("storage", tags: [Tag])
            .AddCheck<SigningCheck>("signing", tags: [Tag])
            .AddCheck<SiloCheck>("silo", tags: [Tag]);
    }

    /// <summary>Embedded: the data folder takes a write. Redis: it answers PING.</summary>
    private sealed class StorageCheck(CabinetSiloOptions options) : IHealthCheck, IDisposable
    {
        private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => Connect(options.RedisConnectionString!));

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (options.UsesRedis)
                {
                    var redis = await _redis.Value;
                    await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
                    return HealthCheckResult.Healthy("Redis answers.");
                }

                var probe = Path.Combine(options.DataPath, $"{ProbePrefix}{Guid.NewGuid():N}");
                await File.WriteAllBytesAsync(probe, [], cancellationToken);
                File.Delete(probe);
                return HealthCheckResult.Healthy("The data folder takes writes.");
            }
            catch (Exception ex) when (ex is RedisException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                // The reason stays in the server's log (the health middleware logs it), not in an anonymous answer.
                return HealthCheckResult.Unhealthy(options.UsesRedis ? "Redis does not answer." : "The data folder does not take writes.", ex);
            }
        }

        private static async Task<ConnectionMultiplexer> Connect(string connectionString)
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false; // keeps reconnecting, so the check turns healthy again by itself
            return await ConnectionMultiplexer.ConnectAsync(configuration);
        }

        public void Dispose()
        {
            if (_redis.IsValueCreated && _redis.Value.IsCompletedSuccessfully)
            {
                _redis.Value.Result.Dispose();
            }
        }
    }

    /// <summary>The seal certificate loads (configured PKCS#12 or the development CA) and names a trust anchor.</summary>
    private sealed class SigningCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var signers = services.GetRequiredService<Signing.OrganizationSigners>();
                return Task.FromResult(signers.TrustAnchorPem.Length > 0
                    ? HealthCheckResult.Healthy("The seal certificate is available.")
                    : HealthCheckResult.Unhealthy("The seal certificate has no trust anchor."));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The seal certificate cannot be loaded.", ex));
            }
        }
    }

    /// <summary>This host's silo is an active member of its cluster.</summary>
    private sealed class SiloCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
                ? HealthCheckResult.Healthy("The silo is active.")
                : HealthCheckResult.Unhealthy("The silo is not active."));
    }
}

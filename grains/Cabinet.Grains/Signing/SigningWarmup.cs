using Cabinet.People;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cabinet.Signing;

/// <summary>
/// Loads (or, in development, creates) the signing certificates in the background at start-up, so the first poll
/// result or minutes of a new installation does not wait for key generation.
/// </summary>
public sealed partial class SigningWarmup(OrganizationSigners signers, IGrainFactory grains, ILogger<SigningWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            _ = signers.TrustAnchorPem;
            foreach (var organizationId in await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).GetOrganizationsAsync())
            {
                var profile = await grains.GetGrain<IOrganizationGrain>(organizationId).GetProfileAsync();
                signers.For(organizationId, profile?.Name ?? organizationId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the signing certificates failed; they are prepared on first use")]
    private partial void LogFailed(Exception exception);
}

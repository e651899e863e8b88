using System.Text;
using Cabinet.Hosting;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Seed;

/// <summary>Prints where Cabinet listens, its storage mode and (with demo data) the sign-in accounts.</summary>
public sealed class StartupBanner(
    IServer server, IHostApplicationLifetime lifetime, CabinetSiloOptions silo, IOptions<CabinetOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Console.WriteLine(Describe()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Describe()
    {
        var text = new StringBuilder();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        text.AppendLine().AppendLine("Cabinet is running.");
        foreach (var address in addresses)
        {
            text.AppendLine($"  Open {address}");
        }

        text.AppendLine(silo.UsesRedis ? "  Storage: Redis (cluster mode)" : $"  Storage: embedded, data in {silo.DataPath}");
        if (options.Value.SeedDemoData)
        {
            text.AppendLine($"  Demo accounts (password {DemoData.Password}):");
            foreach (var account in DemoData.Accounts)
            {
                text.AppendLine($"    {account.UserName,-16} {account.Position}");
            }
        }

        return text.ToString();
    }
}

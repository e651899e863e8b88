using Cabinet.Hub;
using Cabinet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cabinet.Bench;

/// <summary>A minimal SignalR hub on Kestrel in this process, with Cabinet's JSON settings, on a loopback port.</summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri hub) => (_app, Hub) = (app, hub);

    public Uri Hub { get; }

    public BaselinePayload Payload => _app.Services.GetRequiredService<BaselinePayload>();

    public static async Task<BaselineServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        builder.WebHost.UseUrls(address);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<BaselinePayload>();
        builder.Services.AddSignalR().AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<BaselineHub>(BaselineHub.Path);
        await app.StartAsync();
        return new BaselineServer(app, new Uri(address + BaselineHub.Path));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

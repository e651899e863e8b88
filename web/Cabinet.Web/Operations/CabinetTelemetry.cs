using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cabinet.Diagnostics;
using Cabinet.Web.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cabinet.Web.Operations;

/// <summary>
/// OpenTelemetry for the whole process: ASP.NET Core, Kestrel, SignalR connections, Orleans, the .NET runtime and
/// Cabinet's own <c>cabinet_*</c> meters, scraped by Prometheus at <c>/metrics</c>; traces (and metrics) also go to an
/// OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class CabinetTelemetry
{
    private static readonly string[] Meters =
    [
        CabinetMetrics.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.SignalR",
    ];

    public static WebApplicationBuilder AddCabinetTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cabinet"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(Meters).AddPrometheusExporter());
        if (otlp)
        {
            // Without a collector nobody reads the spans, so they are not even recorded.
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.AspNetCore.SignalR.Server"));
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when switched on; a caller that is neither loopback nor holds the token gets 404, as if it were off.</summary>
    public static WebApplication MapCabinetMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!(options.Enabled ?? app.Environment.IsDevelopment()))
        {
            return app;
        }

        var token = SecretSetting.Read(options.BearerToken, options.BearerTokenFile);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(MetricsOptions.Path) && !MayScrape(c, token), refused => refused.Run(c =>
        {
            c.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path);
        return app;
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
        }

        var sent = context.Request.Headers.Authorization.ToString();
        return sent.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
    }
}

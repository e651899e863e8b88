using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cabinet.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, Caddy) that terminates TLS, the client's address and scheme come from
/// X-Forwarded-For and X-Forwarded-Proto — believed only from loopback and the configured proxies and networks.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCabinetForwardedHeaders(this IServiceCollection services, CabinetOptions cabinet)
    {
        ArgumentNullException.ThrowIfNull(cabinet);
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in cabinet.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in cabinet.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}

using System.IO.Compression;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cabinet.Web.Api;

/// <summary>
/// The OpenAPI document of every <c>/api</c> endpoint at <see cref="DocumentPath"/>, and the reference page at
/// <see cref="PagePath"/>: Scalar's standalone script from the Scalar.AspNetCore package, served here (no CDN), started
/// by a script file of Cabinet's own, so the page keeps the site's CSP (no inline script). On in Development, and
/// elsewhere when <c>Cabinet:Api:Reference</c> is true.
/// </summary>
public static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api-docs";
    public const string Setting = "Cabinet:Api:Reference";

    public static IServiceCollection AddApiReference(this IServiceCollection services) => services.AddOpenApi("v1", o =>
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Cabinet API",
                Version = "v1",
                Description = "Cabinet's HTTP API. Integrations use /api/v1 with a client's token (POST /api/v1/token); refusals are "
                    + "RFC 9457 problems whose `code` is Cabinet's stable error code (docs/protocol.md).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "A person's access token (POST /api/auth/token) or an integration client's (POST /api/v1/token).",
                },
                ["cookie"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "cabinet",
                    Description = "A browser's sign-in cookie.",
                },
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()
                || !metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                return Task.CompletedTask;
            }

            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", context.Document)] = [] },
            ];
            var scope = metadata.OfType<RequiredScope>().LastOrDefault();
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + (scope is null
                ? "People only (an integration client is refused with auth.not_a_person)."
                : $"Integration clients: {(scope.Scope is null ? "any scope" : $"scope `{scope.Scope}`")}.");
            return Task.CompletedTask;
        });
    });

    public static bool IsOn(WebApplication app) => app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(Setting);

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!IsOn(app))
        {
            return app;
        }

        app.MapOpenApi("/openapi/{documentName}.json").ExcludeFromDescription();
        app.MapGet(PagePath, () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(PagePath + "/scalar.js", () => Results.Bytes(Script.Value, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private const string Page = $$"""
        <!doctype html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Cabinet API</title>
        </head>
        <body>
          <div id="app" data-document="{{DocumentPath}}"></div>
          <script src="{{PagePath}}/scalar.js"></script>
          <script src="/js/api-docs.js"></script>
        </body>
        </html>
        """;

    /// <summary>Scalar's standalone script as the package embeds it (gzipped or not).</summary>
    private static readonly Lazy<byte[]> Script = new(() =>
    {
        var assembly = typeof(Scalar.AspNetCore.ScalarOptions).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith(".scalar.js", StringComparison.Ordinal) && !n.Contains("aspnetcore", StringComparison.Ordinal));
        using var resource = assembly.GetManifestResourceStream(name)!;
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        var raw = bytes.ToArray();
        if (raw is not [0x1f, 0x8b, ..])
        {
            return raw;
        }

        using var unzipped = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress))
        {
            gzip.CopyTo(unzipped);
        }

        return unzipped.ToArray();
    });
}

using Cabinet.Signing;

namespace Cabinet.Web.Identity;

public static class PkiEndpoints
{
    /// <summary>The certificate to trust when verifying Cabinet's signatures (poll results, minutes, archives) with openssl.</summary>
    public static IEndpointRouteBuilder MapPkiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pki/root.pem", (OrganizationSigners signers) => Results.Text(signers.TrustAnchorPem, "application/x-pem-file"))
            .WithTags("Signatures").WithSummary("The organisation's trust anchor (PEM), to check its signatures")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-pem-file").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/pki/crl/{name}.crl", (string name, OrganizationSigners signers) =>
            signers.Crl(name) is { } crl ? Results.File(crl, "application/pkix-crl") : Results.NotFound()).AllowAnonymous();
        return app;
    }
}

using Cabinet.Audit;
using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Mvc;

namespace Cabinet.Web.Identity;

/// <summary>
/// A signed-in person enrols an authenticator app: a new secret (QR code), confirmed by a first code, which makes ten
/// recovery codes shown once. As JSON for apps and as form posts for the /account page; enrolment is audited.
/// </summary>
public static class SecondFactorEndpoints
{
    public static IEndpointRouteBuilder MapSecondFactorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account/second-factor").RequireAuthorization(Hub.MeetingHubPolicy.Name).DisableAntiforgery();
        api.MapPost("", async (HttpContext http, IGrainFactory grains) =>
            await Me(http, grains).BeginSecondFactorEnrolmentAsync() is var e ? Results.Json(new { e.Secret, e.Uri }) : Results.BadRequest())
            .WithTags("Account").WithSummary("Begins enrolling an authenticator app (secret and otpauth URI)").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/confirm", async (SecondFactorRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
            await ConfirmAsync(http, grains, audit, request.Code) is { Ok: false } refused
                ? Api.ApiProblem.Of(refused.Error!)
                : Results.Json(new { recoveryCodes = await Me(http, grains).TakeFreshRecoveryCodesAsync() }))
            .WithTags("Account").WithSummary("Confirms the enrolment with a first code; the recovery codes, once").ProducesProblem(StatusCodes.Status400BadRequest);

        var forms = app.MapGroup("/account/second-factor").RequireAuthorization();
        forms.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            await Me(http, grains).BeginSecondFactorEnrolmentAsync();
            return Results.LocalRedirect("/account?enrol=1");
        });
        forms.MapPost("/confirm", async ([FromForm] string? code, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
            (await ConfirmAsync(http, grains, audit, code)).Ok
                ? Results.LocalRedirect("/account?done=enrolled")
                : Results.LocalRedirect("/account?enrol=1&error=auth.mfa_failed"));
        return app;
    }

    /// <summary>Confirms the enrolment; the recovery codes stay with the grain until the page (or this answer) takes them.</summary>
    private static async Task<Errors.CommandResult> ConfirmAsync(
        HttpContext http, IGrainFactory grains, AuditTrail audit, string? code)
    {
        var confirmed = await Me(http, grains).ConfirmSecondFactorEnrolmentAsync(code is { Length: <= 20 } ? code : "");
        await audit.RecordAsync(http, confirmed.Ok ? AuditKinds.SecondFactorEnrolled : AuditKinds.SecondFactorFailed,
            confirmed.Ok ? "from the account page" : $"enrolment refused: {confirmed.Error!.Code}");
        return confirmed;
    }

    private static IUserGrain Me(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IUserGrain>(CabinetClaims.SessionOf(http.User)?.UserName ?? throw new InvalidOperationException("An authorized request has a session."));
}

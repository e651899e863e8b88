using System.Globalization;
using Cabinet.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Cabinet.Web.Api;

/// <summary>
/// Every refusal an HTTP endpoint answers, as an RFC 9457 problem (<c>application/problem+json</c>): <c>type</c>
/// names the stable code (<c>urn:cabinet:error:{code}</c>), <c>detail</c> is the Vietnamese message, and the extension
/// members <c>code</c> and <c>message</c> carry the same as Cabinet's other answers (hub, earlier clients). The HTTP
/// status comes from the code, in one table.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";
    public const string TypePrefix = "urn:cabinet:error:";

    /// <summary>How long a refusal by <c>rate.limited</c> asks to wait when its limiter did not say.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(5);

    public static IResult Of(CabinetError error) => new ProblemResult(error, StatusOf(error.Code), null);

    /// <summary>A refusal that tells the caller how to go on (e.g. a sign-in's second-factor challenge), in further extension members.</summary>
    public static IResult Of(CabinetError error, IReadOnlyDictionary<string, object?> more) => new ProblemResult(error, StatusOf(error.Code), null, more);

    /// <summary>A refusal over a limit: 429 with <c>Retry-After</c>.</summary>
    public static IResult RateLimited(CabinetError error, TimeSpan retryAfter) => new ProblemResult(error, StatusCodes.Status429TooManyRequests, retryAfter);

    /// <summary>The answer of a command: <paramref name="ok"/> when accepted, else its refusal.</summary>
    public static IResult Of(CommandResult result, Func<IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Ok ? ok() : Of(result.Error!);
    }

    public static IResult Of<T>(Result<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Ok ? ok(result.Value!) : Of(result.Error!);
    }

    /// <summary>For middleware that answers before any endpoint runs.</summary>
    public static Task WriteAsync(HttpContext http, CabinetError error, TimeSpan? retryAfter = null) =>
        new ProblemResult(error, retryAfter is null ? StatusOf(error.Code) : StatusCodes.Status429TooManyRequests, retryAfter).ExecuteAsync(http);

    /// <summary>The HTTP status of a refusal. A code not named here is the caller's mistake: 400.</summary>
    public static int StatusOf(string code) => code switch
    {
        "auth.not_signed_in" or "auth.sign_in_failed" or "auth.locked" or "auth.account_disabled" or "auth.password_change_required"
            or "auth.mfa_required" or "auth.mfa_failed" or "auth.mfa_challenge_invalid" or "auth.refresh_invalid" or "auth.refresh_reused"
            or "auth.client_invalid" => StatusCodes.Status401Unauthorized,
        "auth.forbidden" or "auth.origin_forbidden" or "auth.scope_missing" or "auth.not_a_person" or "documents.classified"
            or "documents.download_forbidden" or "invitation.not_invited" => StatusCodes.Status403Forbidden,
        "meeting.not_found" or "documents.not_found" or "documents.version_not_found" or "documents.file_missing" or "agenda.item_not_found"
            or "participant.unknown_user" or "organization.not_found" or "poll.not_found" or "archive.not_ready" or "minutes.not_ready"
            or "session.not_found" or "client.not_found" or "api.not_found" or "webhook.not_found" or "webhook.delivery_not_found" or "calendar.not_found" or "opinion.not_found" or "opinion.report_not_ready" => StatusCodes.Status404NotFound,
        "api.method_not_allowed" => StatusCodes.Status405MethodNotAllowed,
        "account.exists" or "organization.exists" or "meeting.exists" or "webhook.too_many" => StatusCodes.Status409Conflict,
        "documents.too_large" or "import.too_large" => StatusCodes.Status413PayloadTooLarge,
        "documents.too_complex" or "documents.copy_failed" => StatusCodes.Status422UnprocessableEntity,
        "rate.limited" or "auth.throttled" => StatusCodes.Status429TooManyRequests,
        "storage.failed" or "server.error" or "signing.unavailable" or "seal.timestamp_unavailable" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The problem document itself (also what the OpenAPI document describes).</summary>
    public static ProblemDetails Describe(CabinetError error, int status, string? instance, IReadOnlyDictionary<string, object?>? more = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = new ProblemDetails
        {
            Type = TypePrefix + error.Code,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = error.Message,
            Instance = instance,
            Extensions = { ["code"] = error.Code, ["message"] = error.Message },
        };
        foreach (var (name, value) in more ?? new Dictionary<string, object?>())
        {
            problem.Extensions.TryAdd(name, value);
        }

        return problem;
    }

    private sealed class ProblemResult(CabinetError error, int status, TimeSpan? retryAfter, IReadOnlyDictionary<string, object?>? more = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var wait = retryAfter ?? (status == StatusCodes.Status429TooManyRequests ? DefaultRetryAfter : null);
            if (wait is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(seconds.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            httpContext.Response.StatusCode = status;
            return httpContext.Response.WriteAsJsonAsync(Describe(error, status, httpContext.Request.Path.Value, more), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
        }
    }
}

using Cabinet.Errors;

namespace Cabinet.Web.Administration;

/// <summary>The HTTP status of an admin API refusal, from its code.</summary>
public static class AdminResults
{
    public static IResult Refused(CabinetError error) => Results.Json(error, statusCode: error.Code switch
    {
        "auth.forbidden" => StatusCodes.Status403Forbidden,
        "participant.unknown_user" or "organization.not_found" or "webhook.not_found" or "webhook.delivery_not_found" => StatusCodes.Status404NotFound,
        "account.exists" or "organization.exists" => StatusCodes.Status409Conflict,
        "import.too_large" => StatusCodes.Status413PayloadTooLarge,
        "webhook.too_many" => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    });

    public static IResult Of(CommandResult result, Func<IResult> ok) => result.Ok ? ok() : Refused(result.Error!);

    public static IResult Of<T>(Result<T> result, Func<T, IResult> ok) => result.Ok ? ok(result.Value!) : Refused(result.Error!);
}

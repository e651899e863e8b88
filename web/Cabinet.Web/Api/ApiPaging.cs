using System.Globalization;
using Cabinet.Errors;

namespace Cabinet.Web.Api;

/// <summary>
/// Paging of API lists: <c>?size=</c> (1–<see cref="MaxSize"/>, <see cref="DefaultSize"/> when absent) and
/// <c>?page=</c>, an opaque token taken from the previous answer's <c>next</c> link (absent: the first page).
/// </summary>
public static class ApiPaging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static Result<int> Size(int? size) => size switch
    {
        null => Result<int>.Of(DefaultSize),
        >= 1 and <= MaxSize => Result<int>.Of(size.Value),
        _ => Result<int>.Refused(ErrorCodes.Invalid($"size phải từ 1 đến {MaxSize}.")),
    };

    /// <summary>The position of an offset-paged list (people): the token is the offset.</summary>
    public static Result<int> Offset(string? page) =>
        page is null ? Result<int>.Of(0)
        : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? Result<int>.Of(offset)
        : Result<int>.Refused(InvalidPage);

    /// <summary>A <c>page</c> token that is none of ours.</summary>
    public static CabinetError InvalidPage => ErrorCodes.Invalid("page không hợp lệ (dùng liên kết next của trang trước).");

    /// <summary>The link to the page after this one, or null on the last page.</summary>
    public static string? Next(HttpRequest request, string? token, int size) =>
        token is null ? null : $"{request.PathBase}{request.Path}?size={size}&page={Uri.EscapeDataString(token)}";

    /// <summary>A list page as every API list answers it.</summary>
    public static IResult Page<T>(HttpRequest request, IEnumerable<T> items, string? nextToken, int size) =>
        Results.Json(new ApiPage<T>([.. items], Next(request, nextToken, size)));
}

/// <summary>One page of a list and the link to the next (null on the last).</summary>
public sealed record ApiPage<T>(T[] Items, string? Next);

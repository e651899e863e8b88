using Cabinet.Errors;
using Microsoft.Extensions.Localization;

namespace Cabinet.Web.Localization;

/// <summary>
/// A refusal as the person reads it: in Vietnamese the server's own message (it may name the field or the limit); in
/// another language the resource entry of its stable code (<c>error:{code}</c> in Text.en.resx), else the server's message.
/// </summary>
public static class Refusals
{
    public static string Key(string code) => $"error:{code}";

    public static string Refusal(this IStringLocalizer<Text> localizer, CabinetError error)
    {
        if (!UiCultures.IsEnglish)
        {
            return error.Message;
        }

        var text = localizer[Key(error.Code)];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}

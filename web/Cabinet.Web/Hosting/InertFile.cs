using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Cabinet.Web.Hosting;

/// <summary>
/// How Cabinet hands out a stored file (a meeting document, minutes, an archive): under a sandbox policy so a PDF's
/// scripts never run at Cabinet's origin, never sniffed as another type, with a file name that cannot break the header.
/// </summary>
public static class InertFile
{
    public static void Describe(HttpResponse response, string fileName, bool download)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = SecurityHeaders.FilePolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(SafeName(fileName));
        response.Headers.ContentDisposition = disposition.ToString();
    }

    /// <summary>Letters, digits and a few marks kept (Vietnamese letters too, sent as filename*); the rest becomes '-'.</summary>
    public static string SafeName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = new StringBuilder(Math.Min(fileName.Length, 120));
        foreach (var c in fileName.Normalize(NormalizationForm.FormC))
        {
            if (name.Length == 120)
            {
                break;
            }

            var category = char.GetUnicodeCategory(c);
            var keep = char.IsLetterOrDigit(c) || c is '.' or '-' or '_' || category is UnicodeCategory.NonSpacingMark;
            name.Append(keep ? c : '-');
        }

        var safe = name.ToString().Trim('.', '-');
        return safe.Length == 0 ? "tai-lieu" : safe;
    }
}

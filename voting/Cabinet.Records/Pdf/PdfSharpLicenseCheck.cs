using PdfSharp.Pdf;

namespace Cabinet.Records.Pdf;

/// <summary>
/// PDFsharp 6.5 is dual-licensed (AGPL-3.0 or commercial) and refuses to run until the application chooses one.
/// That choice binds the whole product, so this library never makes it: the host calls
/// <c>PdfSharpLicense.SetAgplLicense()</c> or <c>PdfSharpLicense.LoadLicense(key)</c> at start-up.
/// </summary>
internal static class PdfSharpLicenseCheck
{
    public static PdfDocument NewDocument()
    {
        try
        {
            return new PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException e)
        {
            throw new InvalidOperationException(
                "PDFsharp 6.5 needs a license choice before the minutes can be printed: call PdfSharpLicense.SetAgplLicense() "
                + "(AGPL-3.0 obligations then apply to the whole application) or PdfSharpLicense.LoadLicense(commercialKey) at start-up.", e);
        }
    }
}

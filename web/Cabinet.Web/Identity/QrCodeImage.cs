using QRCoder;

namespace Cabinet.Web.Identity;

/// <summary>A QR code as an inline PNG (a data URI: no request leaves the page, and the CSP allows <c>img-src data:</c>).</summary>
public static class QrCodeImage
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return $"data:image/png;base64,{Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5))}";
    }
}

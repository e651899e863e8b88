namespace Cabinet.Testing;

/// <summary>A small valid one-page PDF whose document-open action runs JavaScript (app.alert), as a hostile upload would carry.</summary>
public static class ScriptedPdf
{
    public static byte[] Create(string script = "app.alert('pwned');")
    {
        const string content = "BT /F1 24 Tf 72 700 Td (Tai lieu co kich ban) Tj ET";
        return HostilePdf.Build(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /JavaScript << /Names [(open) 4 0 R] >> >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> /AA << /O 4 0 R >> >>",
            $"<< /Type /Action /S /JavaScript /JS ({script}) >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }
}

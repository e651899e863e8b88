namespace Cabinet.Web.Hosting;

/// <summary>A secret given either as a setting or, better for operators, as a file that holds it (a mounted secret).</summary>
public static class SecretSetting
{
    public static string? Read(string? value, string? file) =>
        string.IsNullOrWhiteSpace(file) ? value : File.ReadAllText(file).TrimEnd('\r', '\n');
}

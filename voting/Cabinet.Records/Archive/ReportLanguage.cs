namespace Cabinet.Records.Archive;

/// <summary>
/// The language of the verifier's report, Vietnamese unless a caller asks for English around the check:
/// <c>using (ReportLanguage.English()) { ... }</c>. Ambient (it flows with the check's async context), so every detail line
/// is said in one language without threading it through each check; codes, file names and fingerprints never change.
/// </summary>
public static class ReportLanguage
{
    private static readonly AsyncLocal<bool> InEnglish = new();

    public static bool IsEnglish => InEnglish.Value;

    /// <summary>English until the returned scope is disposed.</summary>
    public static IDisposable English() => new Scope(english: true);

    /// <summary>The Vietnamese or the English wording, whichever is in force.</summary>
    internal static string Say(string vi, string en) => InEnglish.Value ? en : vi;

    private sealed class Scope : IDisposable
    {
        private readonly bool _previous;

        public Scope(bool english)
        {
            _previous = InEnglish.Value;
            InEnglish.Value = english;
        }

        public void Dispose() => InEnglish.Value = _previous;
    }
}

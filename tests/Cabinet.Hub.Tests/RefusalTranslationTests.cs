using System.Reflection;
using System.Xml.Linq;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Testing;
using Cabinet.Voting.Errors;

namespace Cabinet.Hub.Tests;

/// <summary>Every stable refusal code has an English text (error:{code} in Text.en.resx), so no refusal shows Vietnamese in the English UI.</summary>
public sealed class RefusalTranslationTests
{
    [Fact]
    public void Every_refusal_code_has_an_English_text()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryPaths.Root, "web", "Cabinet.Web", "Resources", "Localization", "Text.en.resx"));
        var english = resx.Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var codes = StaticValues<CabinetError>(typeof(ErrorCodes)).Select(e => e.Code)
            .Concat(StaticValues<DocumentError>(typeof(DocumentErrors)).Select(e => e.Code))
            .Concat(typeof(VotingErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!))
            .Distinct()
            .ToList();

        Assert.True(codes.Count > 100, $"only {codes.Count} codes found");
        var untranslated = codes.Where(code => !english.Contains($"error:{code}")).ToList();
        Assert.True(untranslated.Count == 0, "no English text for " + string.Join(", ", untranslated));
    }

    private static IEnumerable<T> StaticValues<T>(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(T)).Select(f => (T)f.GetValue(null)!);
}

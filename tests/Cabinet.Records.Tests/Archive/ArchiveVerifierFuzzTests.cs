using System.Diagnostics;
using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Archive;

/// <summary>
/// Thousands of hostile variants of a genuine sealed archive (fixed seed, so a failure replays): every one must end in
/// a report with a reason, never an exception. About a third are sealed again with the trusted key, so the parsers
/// behind the manifest's signature are reached with content every signature vouches for.
/// </summary>
public sealed class ArchiveVerifierFuzzTests(CertificatesFixture certificates)
{
    private const int Seed = 20261130;
    private const int Cases = 3000;

    [Fact]
    public async Task Thousands_of_mutated_archives_each_end_in_a_report()
    {
        var original = await ChainedSampleArchive.GetAsync(certificates);
        Assert.True(Verify(original).IsValid, Verify(original).Failure);
        var files = ArchiveResealer.Entries(original);
        var seeds = PdfSeeds(files["minutes.pdf"]);
        var random = new Random(Seed);
        var verdicts = new Dictionary<string, int>();
        var lastResort = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var (what, archive) = Mutate(random, files, seeds);
            ArchiveVerificationReport report;
            try
            {
                report = Verify(archive);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} ({what}) threw {e}");
                throw;
            }

            Assert.True(report.IsValid || !string.IsNullOrWhiteSpace(report.Failure), $"case {i} ({what}): invalid without a reason");
            var colon = report.Failure?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            var key = report.IsValid ? "valid" : colon > 0 ? report.Failure![..colon] : "the whole file";
            verdicts[key] = verdicts.GetValueOrDefault(key) + 1;
            if (report.Failure?.StartsWith("unreadable", StringComparison.Ordinal) == true)
            {
                lastResort.Add($"case {i} ({what}): {report.Failure}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", verdicts.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}")));
        Assert.True(verdicts.Count > 5, "the mutations should fail in many different files");
        Assert.True(lastResort.Count == 0, "reached the verifier's last-resort catch:\n" + string.Join("\n", lastResort.Take(20)));
    }

    [Fact]
    public async Task Mutated_standalone_minutes_each_end_in_a_verdict_with_a_code()
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var random = new Random(Seed + 2);
        var codes = new Dictionary<string, int>();
        for (var i = 0; i < 600; i++)
        {
            var (what, pdf) = random.Next(2) == 0 ? ByteMutator.Pdf(random, minutes) : ByteMutator.Any(random, minutes);
            var report = MinutesFileVerifier.Verify(pdf, certificates.Authority.RootCertificate);
            Assert.True(report.IsValid || (report.Code is not null && report.Failure is not null), $"case {i} ({what}): no code or reason");
            var key = report.Code ?? "valid";
            codes[key] = codes.GetValueOrDefault(key) + 1;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(codes.Count >= 3, "the mutations should fail in different ways");
    }

    [Fact]
    public async Task The_verify_command_exits_0_1_or_2_for_hostile_archives()
    {
        var original = await ChainedSampleArchive.GetAsync(certificates);
        var random = new Random(Seed + 1);
        var files = ArchiveResealer.Entries(original);
        var cases = new List<(string What, byte[] Archive, int Expected)>
        {
            ("original", original, 0),
            ("self-referencing /Length", ArchiveResealer.Reseal(original, certificates.Organisation, new Dictionary<string, byte[]> { ["minutes.pdf"] = HostilePdf.SelfReferencingLength() }), 1),
            ("deep nesting", ArchiveResealer.Reseal(original, certificates.Organisation, new Dictionary<string, byte[]> { ["minutes.pdf"] = HostilePdf.DeepNesting() }), 1),
            ("result.json without chainHead", ArchiveResealer.Reseal(original, certificates.Organisation, new Dictionary<string, byte[]> { ["polls/poll-1/result.json"] = "{}"u8.ToArray() }), 1),
            ("result.json not JSON", ArchiveResealer.Reseal(original, certificates.Organisation, new Dictionary<string, byte[]> { ["polls/poll-1/result.json"] = "nope"u8.ToArray() }), 1),
            ("not a zip", Encoding.ASCII.GetBytes(new string('x', 3000)), 1),
        };
        for (var i = 0; i < 4; i++)
        {
            var (what, archive) = Mutate(random, files, PdfSeeds(files["minutes.pdf"]));
            cases.Add((what, archive, -1));
        }

        foreach (var (what, archive, expected) in cases)
        {
            var path = certificates.NewPath("command.zip");
            await File.WriteAllBytesAsync(path, archive, TestContext.Current.CancellationToken);
            var run = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", path, "--root", certificates.CaPemPath);
            Assert.True(run.ExitCode is 0 or 1 or 2, $"{what}: exit {run.ExitCode}\n{run.Output}");
            Assert.True(expected < 0 || run.ExitCode == expected, $"{what}: exit {run.ExitCode}, expected {expected}\n{run.Output}");
            Assert.True(run.ExitCode == 0 ? run.Output.Contains("HỢP LỆ: mọi kiểm tra đều đạt.", StringComparison.Ordinal) : run.Output.Contains("KHÔNG HỢP LỆ [", StringComparison.Ordinal) || run.Output.Contains("Không kiểm tra được", StringComparison.Ordinal), run.Output);
        }

        var missingRoot = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", certificates.CaPemPath, "--root");
        Assert.Equal(2, missingRoot.ExitCode);
        var badRoot = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", certificates.CaPemPath, "--root", certificates.CaPemPath + ".missing");
        Assert.Equal(2, badRoot.ExitCode);
        Assert.Contains("Không kiểm tra được", badRoot.Output);
    }

    private (string What, byte[] Archive) Mutate(Random random, SortedDictionary<string, byte[]> files, IReadOnlyList<(string Name, byte[] Pdf)> seeds)
    {
        if (random.Next(12) == 0)
        {
            var (whole, bytes) = ByteMutator.Any(random, ArchiveResealer.Write(files));
            return ($"whole ZIP: {whole}", bytes);
        }

        var paths = files.Keys.ToList();
        var path = paths[random.Next(paths.Count)];
        var content = files[path];
        string what;
        byte[] changed;
        if (path.EndsWith(".pdf", StringComparison.Ordinal))
        {
            var seed = seeds[random.Next(seeds.Count)];
            (what, changed) = random.Next(5) == 0 ? ("unchanged", seed.Pdf) : ByteMutator.Pdf(random, seed.Pdf);
            what = $"{seed.Name}: {what}";
        }
        else if (path.EndsWith(".json", StringComparison.Ordinal) && random.Next(3) > 0 && JsonMutator.Mutate(random, Encoding.UTF8.GetString(content)) is { } json)
        {
            (what, changed) = (json.What, JsonMutator.Bytes(json.Text));
        }
        else if (path.EndsWith(".jsonl", StringComparison.Ordinal) && random.Next(3) > 0 && JsonMutator.MutateLine(random, Encoding.UTF8.GetString(content)) is { } line)
        {
            (what, changed) = (line.What, JsonMutator.Bytes(line.Text));
        }
        else
        {
            (what, changed) = ByteMutator.Any(random, content);
        }

        what = $"{path}: {what}";
        if (path == ArchiveManifest.FileName)
        {
            // Signed again after the change, so the manifest's own parser sees it.
            return random.Next(2) == 0 ? (what, ArchiveResealer.Reseal(ArchiveResealer.Write(files), certificates.Organisation, new Dictionary<string, byte[]>(), _ => changed))
                : (what, ArchiveResealer.Write(files.Select(f => f.Key == path ? new KeyValuePair<string, byte[]>(path, changed) : f)));
        }

        return random.Next(3) == 0 && path != ArchiveManifest.SignatureFileName
            ? ($"{what} (sealed again)", ArchiveResealer.Reseal(ArchiveResealer.Write(files), certificates.Organisation, new Dictionary<string, byte[]> { [path] = changed }))
            : (what, ArchiveResealer.Write(files.Select(f => f.Key == path ? new KeyValuePair<string, byte[]>(path, changed) : f)));
    }

    private static List<(string Name, byte[] Pdf)> PdfSeeds(byte[] minutes) =>
    [
        ("signed minutes", minutes),
        ("signed minutes", minutes),
        ("xref-stream PDF", XrefStreamPdf.Create()),
        ("self-referencing /Length", HostilePdf.SelfReferencingLength()),
        ("cycle of lengths", HostilePdf.LengthCycle()),
        ("deep nesting", HostilePdf.DeepNesting(5_000)),
    ];

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, BallotChainCheck.All);
}

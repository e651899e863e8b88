using System.Diagnostics;
using System.Globalization;
using Cabinet.Bench;
using Cabinet.Testing;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Thousands of WebSocket clients in one process: do not let the thread pool ramp up one thread at a time.
ThreadPool.SetMinThreads(200, 200);

var options = BenchOptions.Parse(args);
var limit = options.EncryptionOnly ? TimeSpan.FromMinutes(15) : options.Quick ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(120);
_ = Task.Delay(limit).ContinueWith(_ =>
{
    Console.Error.WriteLine($"Cabinet.Bench: gave up after {limit.TotalMinutes} minutes.");
    Environment.Exit(3);
}, TaskScheduler.Default);

if (options.EncryptionOnly)
{
    var costFailures = new Failures();
    var cost = await EncryptionCost.RunAsync(options, costFailures);
    var costFolder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, options.OutputFolder)).FullName;
    await File.WriteAllTextAsync(Path.Combine(costFolder, $"encryption-{(options.Redis ? "redis" : "embedded")}{(options.NoReadCache ? "-no-read-cache" : "")}.md"), cost);
    Console.WriteLine(cost);
    Console.WriteLine(costFailures.Total == 0 ? "No failures." : $"FAILED: {costFailures.Total} failed or refused operations: {string.Join("; ", costFailures.Examples)}");
    return costFailures.Total == 0 ? 0 : 1;
}

var started = Stopwatch.GetTimestamp();
var loadBefore = MachineInfo.LoadAverage();
var failures = new Failures();
var (rows, listing, many, longMeetings) = await BenchRun.RunAsync(options, failures);
var machine = MachineInfo.Read();
var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, options.OutputFolder)).FullName;
var load = $"{loadBefore} at the start, {MachineInfo.LoadAverage()} at the end";
foreach (var run in longMeetings)
{
    var longReport = LongMeetingReport.Markdown(options, machine, run, failures);
    await File.WriteAllTextAsync(Path.Combine(folder, run.FileName + ".md"), longReport);
    await File.WriteAllTextAsync(Path.Combine(folder, run.FileName + ".csv"), LongMeetingReport.Csv(run));
    Console.WriteLine(longReport);
}

if (many is not null)
{
    var manyReport = ManyMeetingsReport.Markdown(options, machine, load, many, failures);
    await File.WriteAllTextAsync(Path.Combine(folder, "many-meetings.md"), manyReport);
    await File.WriteAllTextAsync(Path.Combine(folder, "many-meetings.csv"), ManyMeetingsReport.Csv(many));
    Console.WriteLine(manyReport);
}

if (listing is not null)
{
    var markdown = MarkdownReport.Write(options, machine, load, rows, listing, failures, Stopwatch.GetElapsedTime(started));
    await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), markdown);
    await File.WriteAllTextAsync(Path.Combine(folder, "latest.csv"), CsvReport.Write(rows));
    await File.WriteAllTextAsync(Path.Combine(folder, "latest-lists.csv"), listing.ToCsv());
    await File.WriteAllBytesAsync(Path.Combine(folder, "latest.png"),
        LatencyChart.Draw(rows, $"{(options.Redis ? "Redis" : "embedded")} mode, {options.Moves} moves per size, {machine.Cores} cores, {machine.Cpu}"));
    Console.WriteLine(markdown);
    Console.WriteLine($"Report: {Path.Combine(folder, "latest.md")}");
}

Console.WriteLine(failures.Total == 0 ? "No failures." : $"FAILED: {failures.Total} failed or refused operations.");
return failures.Total == 0 ? 0 : 1;

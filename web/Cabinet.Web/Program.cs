using Cabinet.Web.Archive;
using Cabinet.Web.Hosting;
using Cabinet.Web.Isolation;
using Cabinet.Web.Operations;

Cabinet.Storage.PrivateFiles.UseOwnerOnlyByDefault();
if (args is ["verify", .. var verifyArgs])
{
    return VerifyCommand.Run(verifyArgs);
}

if (args is [BackupCommand.Backup or BackupCommand.Restore, ..])
{
    return await BackupCommand.RunAsync(args);
}

if (args is [RotateKeysCommand.Name, ..])
{
    return RotateKeysCommand.Run(args);
}

if (args is [InspectPdfCommand.Name, ..])
{
    return InspectPdfCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
if (ProductionReadiness.Problems(builder.Configuration, builder.Environment) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"crit: Cabinet cannot start ({builder.Environment.EnvironmentName}): {problem}");
    }

    return 3;
}

try
{
    builder.AddCabinet();
}
catch (Cabinet.Encryption.EncryptionKeyException ex)
{
    Console.Error.WriteLine($"crit: Cabinet cannot start ({builder.Environment.EnvironmentName}): {ex.Message}");
    return 3;
}

var app = builder.Build();
app.UseCabinet();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can find the assembly.</summary>
public partial class Program;

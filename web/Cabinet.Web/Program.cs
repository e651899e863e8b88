using Cabinet.Web.Archive;
using Cabinet.Web.Hosting;
using Cabinet.Web.Isolation;

if (args is ["verify", .. var verifyArgs])
{
    return VerifyCommand.Run(verifyArgs, [.. verifyArgs.Where(a => a.StartsWith("--Cabinet:", StringComparison.Ordinal))]);
}

if (args is [InspectPdfCommand.Name, ..])
{
    return InspectPdfCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCabinet();

var app = builder.Build();
app.UseCabinet();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can find the assembly.</summary>
public partial class Program;

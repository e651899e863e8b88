using Cabinet.Web.Archive;
using Cabinet.Web.Hosting;

if (args is ["verify", .. var verifyArgs])
{
    return VerifyCommand.Run(verifyArgs, [.. verifyArgs.Where(a => a.StartsWith("--Cabinet:", StringComparison.Ordinal))]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCabinet();

var app = builder.Build();
app.UseCabinet();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can find the assembly.</summary>
public partial class Program;

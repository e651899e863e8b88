using Cabinet.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCabinet();

var app = builder.Build();
app.UseCabinet();
await app.RunAsync();

/// <summary>Entry point; public so tests can find the assembly.</summary>
public partial class Program;

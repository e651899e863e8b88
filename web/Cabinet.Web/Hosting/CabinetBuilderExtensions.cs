using Cabinet.Hosting;
using Cabinet.Hub;
using Cabinet.Hub.Feeds;
using Cabinet.Hub.Limits;
using Microsoft.AspNetCore.SignalR;
using Cabinet.Web.Archive;
using Cabinet.Web.Components;
using Cabinet.Web.Documents;
using Cabinet.Web.Opinions;
using Cabinet.Web.Identity;
using Cabinet.Web.Seed;
using Cabinet.Web.Sessions;
using Cabinet.Web.Invitations;
using Cabinet.Web.Administration;
using Cabinet.Web.Conclusions;
using Cabinet.Web.Integration;
using Cabinet.Web.Exports;
using Cabinet.Web.Localization;
using Cabinet.Web.Polls;
using Cabinet.Web.Operations;
using Cabinet.Web.Api;

namespace Cabinet.Web.Hosting;

public static class CabinetBuilderExtensions
{
    /// <summary>The Cabinet:Signing section with its secret files read.</summary>
    private static SigningSettings Signing(IConfiguration configuration)
    {
        var signing = configuration.GetSection(SigningSettings.Section).Get<SigningSettings>() ?? new();
        return signing with
        {
            TimestampPassword = SecretSetting.Read(signing.TimestampPassword, signing.TimestampPasswordFile),
            Pkcs11 = signing.Pkcs11 is { } token ? token with { Pin = SecretSetting.Read(token.Pin, token.PinFile) } : null,
            IssuingCaPassword = SecretSetting.Read(signing.IssuingCaPassword, signing.IssuingCaPasswordFile),
        };
    }

    /// <summary>
    /// Where and how the silo keeps its state, exactly as Cabinet reads it from configuration (also for the commands that
    /// work on a stopped installation: backup, restore, rotate-keys).
    /// </summary>
    public static CabinetSiloOptions SiloOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var cabinet = configuration.GetSection(CabinetOptions.Section).Get<CabinetOptions>() ?? new CabinetOptions();
        var dataPath = Path.GetFullPath(cabinet.DataPath, environment.ContentRootPath);
        return new CabinetSiloOptions
        {
            RedisConnectionString = configuration.GetConnectionString("Redis"),
            DataPath = dataPath,
            SiloPort = configuration.GetValue("Orleans:SiloPort", 11111),
            GatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000),
            SigningCertificatePath = cabinet.SigningCertificatePath,
            SigningCertificatePassword = SecretSetting.Read(cabinet.SigningCertificatePassword, cabinet.SigningCertificatePasswordFile),
            AllowDevelopmentAuthority = environment.IsDevelopment(),
            PublicBaseUrl = cabinet.PublicBaseUrl,
            Signing = Signing(configuration),
            Notifications = Notifications(configuration),
            Encryption = Encryption(configuration, environment, dataPath),
            CrashWhileSealing = configuration["Cabinet:FaultInjection:CrashWhileSealing"],
            Documents = configuration.GetSection(Cabinet.Documents.DocumentLimits.Section).Get<Cabinet.Documents.DocumentLimits>() ?? new(),
            Opinions = configuration.GetSection(Cabinet.Opinions.OpinionLimits.Section).Get<Cabinet.Opinions.OpinionLimits>() ?? new(),
            Sessions = Validated(configuration.GetSection(Cabinet.People.SessionLimits.Section).Get<Cabinet.People.SessionLimits>() ?? new()),
            Passwords = Validated(configuration.GetSection(Cabinet.People.PasswordHashSettings.Section).Get<Cabinet.People.PasswordHashSettings>() ?? new()),
            Audit = Validated(configuration.GetSection(Cabinet.Audit.AuditRetention.Section).Get<Cabinet.Audit.AuditRetention>() ?? new()),
            Webhooks = Validated(configuration.GetSection(Cabinet.Integration.WebhookSettings.Section).Get<Cabinet.Integration.WebhookSettings>() ?? new()),
            Retention = Validated(configuration.GetSection(Cabinet.Integration.RetentionSettings.Section).Get<Cabinet.Integration.RetentionSettings>() ?? new()),
        };
    }

    /// <summary>
    /// The Cabinet:Encryption section with its PIN file read. Development without a configured key uses (and makes, the
    /// first time) a key file in the data folder; nothing else ever makes a key-encryption key.
    /// </summary>
    private static EncryptionSettings Encryption(IConfiguration configuration, IHostEnvironment environment, string dataPath)
    {
        var settings = configuration.GetSection(EncryptionSettings.Section).Get<EncryptionSettings>() ?? new();
        settings = settings with
        {
            Pkcs11 = settings.Pkcs11 is { } token ? token with { Pin = SecretSetting.Read(token.Pin, token.PinFile) } : null,
            CreateMissingKeyFile = false,
        };
        return environment.IsDevelopment() && !settings.IsConfigured
            ? settings with { KeyFile = Cabinet.Encryption.EncryptionAtRest.DevelopmentKeyFile(dataPath), CreateMissingKeyFile = true }
            : settings;
    }

    /// <summary>The Cabinet:Notifications, Cabinet:Email and Cabinet:Sms sections with their secret files read.</summary>
    private static NotificationSettings Notifications(IConfiguration configuration)
    {
        var notifications = configuration.GetSection(NotificationSettings.Section).Get<NotificationSettings>() ?? new();
        var email = configuration.GetSection(EmailSettings.Section).Get<EmailSettings>() ?? new();
        var sms = configuration.GetSection(SmsSettings.Section).Get<SmsSettings>() ?? new();
        return notifications with
        {
            Email = email with { Password = SecretSetting.Read(email.Password, email.PasswordFile) },
            Sms = sms with { Password = SecretSetting.Read(sms.Password, sms.PasswordFile) },
        };
    }

    /// <summary>Everything Cabinet registers: the co-hosted silo, sign-in, the hub, the UI.</summary>
    /// <exception cref="Cabinet.Encryption.EncryptionKeyException">The key-encryption key is missing or wrong: Cabinet must not start.</exception>
    public static WebApplicationBuilder AddCabinet(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CabinetOptions>().BindConfiguration(CabinetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var cabinet = builder.Configuration.GetSection(CabinetOptions.Section).Get<CabinetOptions>() ?? new CabinetOptions();
        var silo = SiloOptions(builder.Configuration, builder.Environment);
        Cabinet.Storage.PrivateFiles.Tighten(silo.DataPath);
        if (!silo.UsesRedis)
        {
            // Held for the process's life (a singleton is never collected): keeps backup, restore and a second host out.
            builder.Services.AddSingleton(new HeldDataFolder(DataFolderLock.Take(silo.DataPath)));
        }

        // Opened before anything starts: a missing or wrong key-encryption key stops the host here, with nothing written.
        silo = silo with { Cipher = Cabinet.Encryption.EncryptionAtRest.Open(silo) };

        builder.UseOrleans(s => s.UseCabinet(silo));

        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, SharedBufferPoolFactory>();
        builder.Services.AddCabinetForwardedHeaders(cabinet);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.AddCabinetIdentity(silo.Sessions);
        builder.Services.AddCabinetDataProtection(silo, cabinet);
        builder.Services.AddCabinetRateLimits(builder.Configuration);
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024)
            // The meeting hub's filters only: Blazor's own circuit hub serves anonymous pages (/verify), checks its
            // session by revalidation and must not spend a person's command or connection quota on renders.
            .AddHubOptions<MeetingHub>(o =>
            {
                o.AddFilter<HubErrorFilter>();
                o.AddFilter<Cabinet.Identity.SessionGuardFilter>();
                o.AddFilter<Cabinet.Identity.ForgetCredentialsFilter>();
                o.AddFilter<HubRateLimitFilter>();
            })
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new ThisHost(sp.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString()));
        builder.Services.AddSingleton<MeetingFeeds>();
        builder.Services.AddSingleton<NoticeFeeds>();
        builder.Services.AddSingleton<OpinionFeeds>();
        builder.Services.AddSingleton<MyMeetings>();
        builder.Services.AddSingleton<Cabinet.Web.Invitations.DirectorySearch>();
        builder.Services.AddSingleton<Cabinet.Web.Invitations.CalendarFeed>();
        builder.Services.AddSingleton<Exports.MeetingExports>();
        builder.Services.AddSingleton<Administration.OrganizationTree>();
        builder.Services.AddSingleton<Administration.PeopleAdministration>();
        builder.Services.AddSingleton<Conclusions.PublishedConclusions>();
        builder.Services.AddSingleton<Integration.WebhookAdministration>();
        // No redirects (a receiver could bounce Cabinet's signed request anywhere), no cookies; the timeout is per attempt.
        builder.Services.AddHttpClient(Integration.WebhookDispatcher.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        builder.Services.AddTransient<MeetingSession>();
        builder.Services.AddSingleton<DocumentIntake>();
        builder.Services.AddSingleton<DocumentCopies>();
        builder.Services.AddOptions<VerifyOptions>().BindConfiguration(VerifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ArchiveCheckLimiter>();
        builder.Services.AddSingleton<Isolation.IsolatedInspection>();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // After Blazor's own registration, so circuits get this one: it re-checks the session (SessionRevalidation).
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionEndedRedirect>();
        builder.Services.AddHealthChecks().AddCabinetReadiness();
        builder.Services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
        builder.Services.AddApiProblems();
        builder.Services.AddApiReference();
        builder.AddCabinetTelemetry();

        // After the silo (hosted services start in order): seeding needs grains, the banner needs the seed.
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<FirstAdministrator>();
        builder.Services.AddHostedService<Cabinet.Closing.SealRecovery>();
        builder.Services.AddHostedService<Integration.WebhookDispatcher>();
        builder.Services.AddHostedService<Cabinet.Signing.SigningWarmup>();
        builder.Services.AddHostedService<StartupBanner>();
        if (cabinet.ParentProcessId is { } parent)
        {
            builder.Services.AddHostedService(sp => new ParentProcessWatch(parent, sp.GetRequiredService<IHostApplicationLifetime>()));
        }

        return builder;
    }

    /// <summary>A configuration section's values, refused at start-up (with the setting's name) when out of range.</summary>
    private static T Validated<T>(T options)
        where T : notnull
    {
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        return options;
    }

    public static WebApplication UseCabinet(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();

            // Load balancers and local probes ask /health over plain HTTP; everything else moves to HTTPS.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseSecurityHeaders();
        app.UseRequestLocalization(UiCultures.Options());
        app.UseNotFoundPage();
        app.UseApiStatusProblems();
        app.UseRouting(); // after the not-found page, so its re-executed request is routed to it
        app.UseMiddleware<OriginCheck>();
        app.UseAuthentication();
        app.UseHubConnectionQuota();
        app.UseRateLimiter();
        app.UseForbiddenAudit();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapCabinetHealth();
        app.MapCabinetMetrics();
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapSingleSignOnEndpoints();
        app.MapPkiEndpoints();
        app.MapArchiveEndpoints();
        app.MapPollResultEndpoints();
        app.MapDocumentEndpoints();
        app.MapOpinionEndpoints();
        app.MapInvitationEndpoints();
        app.MapExportEndpoints();
        app.MapConclusionEndpoints();
        app.MapSelfServiceEndpoints();
        app.MapSecondFactorEndpoints();
        app.MapAdminEndpoints();
        app.MapAdminAccountEndpoints();
        app.MapOrganizationEndpoints();
        app.MapWebhookEndpoints();
        app.MapAdminFormEndpoints();
        app.MapAuditEndpoints();
        app.MapApiV1();
        app.MapApiReference();
        app.MapHub<MeetingHub>(MeetingHub.Path);
        // Our own policy (SecurityHeaders) already says frame-ancestors 'none'; Blazor's narrower header would replace it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}

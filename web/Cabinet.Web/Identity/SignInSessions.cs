using System.Collections.Immutable;
using System.Security.Claims;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Identity;

/// <summary>
/// Opens and ends sessions for the endpoints: a browser session behind the cookie, an app's token family (short access
/// token, rotating refresh token). Each opening, rotation and ending is written to the audit log, and an ending is
/// made known to <see cref="SessionCheck"/> on this host at once.
/// </summary>
public sealed class SignInSessions(
    IGrainFactory grains, IOptionsMonitor<BearerTokenOptions> bearer, SessionLimits limits, SessionCheck check, AuditTrail audit, TimeProvider clock)
{
    public async Task SignInBrowserAsync(HttpContext http, SignInOutcome outcome)
    {
        var profile = outcome.Profile!;
        var opened = await Sessions(profile.UserName).StartAsync(new SessionStart(SessionKind.Browser, Address(http), UserAgent(http), null));
        await audit.RecordAsync(http, AuditKinds.SignIn, $"browser session {opened.SessionId} ({outcome.Reason}){Replaced(opened)}", profile.UserName, profile.OrganizationId);
        var identity = CabinetClaims.ToIdentity(profile, opened.SessionId, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public async Task<AccessTokenResponse> IssueTokensAsync(HttpContext http, SignInOutcome outcome)
    {
        var profile = outcome.Profile!;
        var opened = await Sessions(profile.UserName).StartAsync(new SessionStart(SessionKind.App, Address(http), UserAgent(http), null));
        await audit.RecordAsync(http, AuditKinds.TokenIssued, $"app session {opened.SessionId} ({outcome.Reason}){Replaced(opened)}", profile.UserName, profile.OrganizationId);
        return AccessToken(profile, opened.SessionId, opened.RefreshToken!);
    }

    public async Task<Result<AccessTokenResponse>> RefreshAsync(HttpContext http, string? refreshToken)
    {
        var token = RefreshToken.Parse(refreshToken);
        if (token is null || token.UserName.Length > SignInChecker.MaxUserName)
        {
            return Result<AccessTokenResponse>.Refused(ErrorCodes.RefreshInvalid);
        }

        var outcome = await Sessions(token.UserName).RefreshAsync(refreshToken!);
        var profile = outcome.Ok ? await grains.GetGrain<IUserGrain>(token.UserName).GetProfileAsync() : null;
        if (outcome.ReuseDetected)
        {
            check.Ended([outcome.SessionId!]);
            await audit.RecordAsync(http, AuditKinds.TokenReuseDetected, $"refresh token {token.Generation} of app session {outcome.SessionId} used again; the session is ended", token.UserName, "");
        }

        if (!outcome.Ok || profile is null)
        {
            return Result<AccessTokenResponse>.Refused(outcome.Error ?? ErrorCodes.RefreshInvalid);
        }

        await audit.RecordAsync(http, AuditKinds.TokenRefreshed, $"app session {outcome.SessionId}, refresh token {token.Generation + 1}", profile.UserName, profile.OrganizationId);
        return Result<AccessTokenResponse>.Of(AccessToken(profile, outcome.SessionId!, outcome.RefreshToken!));
    }

    /// <summary>Ends the app session of a refresh token, or else the caller's own session.</summary>
    public async Task<CabinetError?> RevokeAsync(HttpContext http, string? refreshToken)
    {
        if (RefreshToken.Parse(refreshToken) is { } token && token.UserName.Length <= SignInChecker.MaxUserName)
        {
            var revoked = await Sessions(token.UserName).RevokeAsync(refreshToken!);
            if (!revoked.Ok)
            {
                return revoked.Error;
            }

            check.Ended([revoked.Value!]);
            await audit.RecordAsync(http, AuditKinds.TokenRevoked, $"app session {revoked.Value}", token.UserName, "");
            return null;
        }

        if (CabinetClaims.SessionOf(http.User) is not var (userName, sessionId))
        {
            return ErrorCodes.RefreshInvalid;
        }

        await EndAsync(http, userName, sessionId, AuditKinds.TokenRevoked);
        return null;
    }

    public async Task<CommandResult> EndAsync(HttpContext http, string userName, string sessionId, string kind = AuditKinds.SessionEnded)
    {
        var ended = await Sessions(userName).EndAsync(sessionId);
        if (ended.Ok)
        {
            check.Ended([sessionId]);
            await audit.RecordAsync(http, kind, $"session {sessionId}", userName);
        }

        return ended;
    }

    public async Task<ImmutableArray<string>> EndAllAsync(HttpContext http, string userName)
    {
        var ended = await Sessions(userName).EndAllAsync();
        check.Ended(ended);
        await audit.RecordAsync(http, AuditKinds.SessionsEndedEverywhere, $"{ended.Length} sessions", userName);
        return ended;
    }

    private AccessTokenResponse AccessToken(UserProfile profile, string sessionId, string refreshToken)
    {
        var lifetime = TimeSpan.FromMinutes(limits.AccessTokenMinutes);
        var principal = new ClaimsPrincipal(CabinetClaims.ToIdentity(profile, sessionId, BearerTokenDefaults.AuthenticationScheme));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + lifetime }, BearerTokenDefaults.AuthenticationScheme);
        return new AccessTokenResponse
        {
            AccessToken = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)lifetime.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }

    private IUserSessionsGrain Sessions(string userName) => grains.GetGrain<IUserSessionsGrain>(userName);

    private static string Replaced(SessionOpened opened) => opened.Replaced is { } old ? $"; ended the least recently used session {old}" : "";

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    private static string UserAgent(HttpContext http) => http.Request.Headers.UserAgent.ToString() is var agent && agent.Length > 200 ? agent[..200] : agent;
}

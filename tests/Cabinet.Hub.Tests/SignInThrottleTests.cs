using System.Diagnostics;
using System.Net;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Wrong passwords cannot be turned against the owner, and sign-in does not tell which user names exist. Other clients
/// are played with X-Forwarded-For (the test server believes its loopback proxy), as a reverse proxy would report them.
/// </summary>
public sealed class SignInThrottleTests(SignInThrottleTests.ShippedPasswordCost fixture) : IClassFixture<SignInThrottleTests.ShippedPasswordCost>
{
    /// <summary>The timing comparison means something only with the password check's shipped cost.</summary>
    public sealed class ShippedPasswordCost : ServerFixture
    {
        protected override CabinetServerOptions Options => new() { CheapPasswordHashes = false };
    }

    private Uri Server => fixture.Server.BaseAddress;

    [Fact]
    public async Task Many_wrong_passwords_from_another_client_do_not_stop_the_owner_signing_in_from_their_known_browser()
    {
        var owner = await AccountSteps.NewPersonAsync(Server);
        var (ownerHttp, ownerBrowser) = await CookieSignIn.SignInAsync(Server, owner, AccountSteps.Password);
        ownerHttp.Dispose();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var guess = await AccountSteps.TokenResponseAsync(Server, owner, $"doan-mo-{i}-lan-nua", forwardedFor: "203.0.113.66");
            answers.Add(guess.StatusCode);
        }

        using var attackerWithTheRightPassword = await AccountSteps.TokenResponseAsync(Server, owner, AccountSteps.Password, forwardedFor: "203.0.113.67");
        var (newBrowserHttp, _, newBrowser) = await CookieSignIn.PostAsync(Server, owner, AccountSteps.Password);
        var (knownBrowserHttp, _, knownBrowser) = await CookieSignIn.PostAsync(Server, owner, AccountSteps.Password, browser: ownerBrowser);

        Assert.Equal(5, answers.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(25, answers.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithTheRightPassword.StatusCode);
        Assert.Equal("auth.throttled", await AccountSteps.ErrorCodeOf(attackerWithTheRightPassword));
        Assert.True(attackerWithTheRightPassword.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.StartsWith("/login?error=auth.throttled", newBrowser.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, knownBrowser.StatusCode);
        Assert.Equal("/", knownBrowser.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await knownBrowserHttp.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
        Assert.Contains(await AccountSteps.AuditAsync(Server, "auth.throttled", owner), e => e.Address == "203.0.113.66");
        Assert.Equal(5, (await AccountSteps.AuditAsync(Server, "auth.sign_in_failed", owner)).Length);
        Assert.Equal(2, (await AccountSteps.AuditAsync(Server, "auth.sign_in", owner)).Length);
        newBrowserHttp.Dispose();
        knownBrowserHttp.Dispose();
    }

    [Fact]
    public async Task Unknown_and_known_user_names_get_the_same_answer_in_comparable_time()
    {
        var known = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            known.Add(await AccountSteps.NewPersonAsync(Server));
        }

        var unknown = known.Select(_ => $"khong.co.{Guid.NewGuid():N}"[..20]).ToList();
        await AnswerAsync(known[0], "khoi-dong-may-chu", 0); // warm-up, not measured
        await AnswerAsync(unknown[0], "khoi-dong-may-chu", 0);

        // Four tries per name stay under the account's free failures, so every try runs the password check.
        var (knownTimes, unknownTimes, answers) = (new List<double>(), new List<double>(), new HashSet<string>());
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < known.Count; i++)
            {
                var (knownAnswer, knownMs) = await AnswerAsync(known[i], $"sai-mat-khau-{round}", (round * 20) + (2 * i) + 1);
                var (unknownAnswer, unknownMs) = await AnswerAsync(unknown[i], $"sai-mat-khau-{round}", (round * 20) + (2 * i) + 2);
                knownTimes.Add(knownMs);
                unknownTimes.Add(unknownMs);
                answers.Add(knownAnswer);
                answers.Add(unknownAnswer);
            }
        }

        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        TestContext.Current.TestOutputHelper?.WriteLine($"median answer: known {knownMedian:0.0} ms, unknown {unknownMedian:0.0} ms over {knownTimes.Count} tries each");
        Assert.Equal(["401 auth.sign_in_failed"], answers);
        Assert.InRange(knownMedian / unknownMedian, 0.5, 2.0);
    }

    private async Task<(string Answer, double Milliseconds)> AnswerAsync(string userName, string password, int client)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await AccountSteps.TokenResponseAsync(Server, userName, password, forwardedFor: $"198.51.100.{client % 250}");
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return ($"{(int)response.StatusCode} {await AccountSteps.ErrorCodeOf(response)}", elapsed);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>The chair leads everyone through a document; a delegate steps away and stays put, then rejoins.</summary>
public sealed class FollowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_chair_leads_both_delegates_to_page_3_one_steps_away_and_stays_then_rejoins()
    {
        var meeting = await LiveMeetingAsync(fixture, "theo-doi", "daibieu1", "daibieu2");
        var documentId = await UploadAsync(fixture, meeting, "ke-hoach-dich-vu-cong-truc-tuyen.pdf", "Kế hoạch dịch vụ công trực tuyến");
        var chair = await OpenMeetingAsync(fixture, "chutich", meeting);
        var follower = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        var wanderer = await OpenMeetingAsync(fixture, "daibieu2", meeting, new ViewportSize { Width = 375, Height = 812 });

        await OpenDocumentAsync(chair, documentId);
        await chair.GetByTestId("btn-follow-start").ClickAsync();
        await Expect(chair.GetByTestId("follow-bar")).ToHaveAttributeAsync("data-active", "true", Soon);
        // Nobody else had the document open: following opens it for them.
        foreach (var page in new[] { follower, wanderer })
        {
            await Expect(page.GetByTestId("viewer")).ToHaveAttributeAsync("data-document-id", documentId, Soon);
            await ExpectPageAsync(page, 1);
        }

        var turned = System.Diagnostics.Stopwatch.StartNew();
        await chair.GetByTestId("page-3").ClickAsync();
        await ExpectPageAsync(follower, 3);
        Measurements.Record("chair turns to page 3 while leading → a delegate's viewer shows page 3", turned.Elapsed);
        await ExpectPageAsync(wanderer, 3);
        await BrowserFixture.ScreenshotAsync(wanderer, "follow-phone-page3");

        await wanderer.GetByTestId("btn-follow-leave").ClickAsync();
        await Expect(wanderer.GetByTestId("btn-follow-rejoin")).ToBeVisibleAsync();
        await chair.GetByTestId("btn-next-page").ClickAsync();
        await ExpectPageAsync(follower, 4);
        await Expect(follower.GetByTestId("follow-status")).ToContainTextAsync("trang 4", new() { Timeout = 10_000 });
        await Expect(wanderer.GetByTestId("follow-status")).ToContainTextAsync("tạm rời");
        await ExpectPageAsync(wanderer, 3);

        await wanderer.GetByTestId("btn-follow-rejoin").ClickAsync();
        await ExpectPageAsync(wanderer, 4);

        await chair.GetByTestId("btn-follow-stop").ClickAsync();
        await Expect(follower.GetByTestId("follow-bar")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await follower.GetByTestId("page-6").ClickAsync();
        await ExpectPageAsync(follower, 6);
        await ExpectPageAsync(chair, 4);
        await BrowserFixture.ScreenshotAsync(chair, "follow-chair");
    }
}

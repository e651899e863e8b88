using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

public sealed class ParticipationPaceTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(20, 100)]
    [InlineData(300, 100)]
    [InlineData(1_000, 333)]
    [InlineData(2_400, 800)]
    [InlineData(3_000, 1_000)]
    [InlineData(50_000, 1_000)]
    public void A_bigger_audience_gets_the_count_less_often_never_slower_than_once_a_second(int screens, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ParticipationPace.For(screens));
}

using Cabinet.Documents;

namespace Cabinet.Grains.Tests;

/// <summary>Copy ids as people type them from paper: any case, dashes and spaces, O for 0 and I or L for 1.</summary>
public sealed class CopyIdsTests
{
    [Theory]
    [InlineData(1L, 0)]
    [InlineData(2L, 0xBEEF)]
    [InlineData(CopyIds.MaxSequence, 0xFFFF)]
    public void An_id_reads_back_as_its_place_in_the_log_and_its_check(long sequence, int check)
    {
        var id = CopyIds.Format(sequence, check);

        Assert.Equal(CopyIds.Length, id.Length);
        Assert.DoesNotContain(id, c => c is 'I' or 'L' or 'O' or 'U');
        Assert.True(CopyIds.TryParse(id, out var readSequence, out var readCheck));
        Assert.Equal((sequence, check), (readSequence, readCheck));
    }

    [Fact]
    public void A_typed_id_is_read_the_way_it_was_meant()
    {
        var id = CopyIds.Format(4242, 0x1234);
        var typed = $"{id[..4].ToLowerInvariant()}-{id[4..]}".Replace('0', 'O').Replace('1', 'l');

        Assert.Equal(id, CopyIds.Normalize(typed));
        Assert.Equal(id, CopyIds.Normalize($" {id[..4]} {id[4..]} "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFG")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFGU")]
    [InlineData("ABCD*FGH")]
    [InlineData("00000000")]
    public void What_is_not_an_id_is_refused(string text)
    {
        Assert.False(CopyIds.TryParse(text, out _, out _));
        Assert.Null(CopyIds.Normalize(text));
    }

    [Fact]
    public void A_place_past_the_log_s_24_bits_has_no_id() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CopyIds.Format(CopyIds.MaxSequence + 1, 0));
}

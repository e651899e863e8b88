namespace Cabinet.Opinions;

public enum OpinionQuestionKind
{
    /// <summary>Đồng ý / không đồng ý / ý kiến khác (with a written opinion).</summary>
    AgreeDisagree = 0,

    /// <summary>One of the question's options.</summary>
    Choice = 1,
}

using System.Collections.Immutable;
using Cabinet.Polls;

namespace Cabinet.Opinions;

/// <summary>
/// A member's answer as a client sends it: a signed ballot (the same signing as a poll's, see
/// <see cref="Voting.Ballots.BallotContent"/>) whose <c>meetingId</c> is the ballot's key, <c>pollId</c> is
/// <c>"opinion"</c> and whose choices are one token per question — <c>q1:agree</c>, <c>q1:disagree</c>,
/// <c>q1:other:&lt;sha-256 hex of the written opinion&gt;</c>, <c>q2:o3</c> — with the written opinions beside it, so the
/// signature covers their text through its hash while the signed bytes stay printable ASCII.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-answer-submission")]
public sealed record OpinionAnswerSubmission(BallotSubmission Signed, ImmutableArray<OpinionText> Texts);

/// <summary>The written opinion (ý kiến khác) on one question.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-text")]
public sealed record OpinionText(string QuestionId, string Text);

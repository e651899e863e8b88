using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Opinions;

/// <summary>
/// Members' answers: signed on their device like a poll ballot (the same content, signature and device keys), checked,
/// stored with the key that signed, and acknowledged with a receipt whose chain hash is the answer's ledger entry.
/// </summary>
public sealed partial class OpinionBallotGrain
{
    public async Task<Result<Receipt>> AnswerAsync(Actor actor, OpinionAnswerSubmission answer)
    {
        var now = clock.GetUtcNow();
        var signed = answer?.Signed;
        var refused = !S.Exists ? ErrorCodes.OpinionNotFound
            : !OpinionPermissions.IsAsked(actor, S.ToView(Key)) ? ErrorCodes.OpinionNotAsked
            : S.Status != OpinionStatus.Sent ? ErrorCodes.OpinionIllegalStep
            : now >= S.Deadline ? ErrorCodes.OpinionDeadlinePassed
            : !S.AnswersMayChange && S.Answers.Any(a => a.Member == actor.UserName) ? ErrorCodes.OpinionAnswerFinal
            : signed is null || signed.MeetingId != Key || signed.PollId != OpinionKey.AnswerPollId ? ErrorCodes.OpinionAnswerInvalid
            : null;
        if (refused is not null)
        {
            return Result<Receipt>.Refused(refused);
        }

        if (OpinionAnswerForm.Read(S.Questions, signed!.Choices, answer!.Texts, limits.MaxTextChars) is not { } texts)
        {
            return Result<Receipt>.Refused(ErrorCodes.OpinionAnswerInvalid);
        }

        var checkedAnswer = await BallotForm.CheckAsync(GrainFactory, actor, signed);
        if (checkedAnswer.Error is { } deviceError)
        {
            return Result<Receipt>.Refused(deviceError);
        }

        if (checkedAnswer.Value is not { Form: { } form, Verified: true, Device: var device })
        {
            return Result<Receipt>.Refused(ErrorCodes.OpinionSignatureInvalid);
        }

        var ballotHash = new SignedBallot(form.Content, form.Signature).ComputeHash();
        if (S.Answers.FirstOrDefault(a => a.Member == actor.UserName) is { } same && same.Receipt.BallotHash == ballotHash)
        {
            return Result<Receipt>.Of(same.Receipt); // the same signed answer again: its receipt, nothing stored twice
        }

        var position = S.AnswerCount + 1;
        var changed = S.Answers.Any(a => a.Member == actor.UserName);
        var detail = new { Position = position, BallotHash = ballotHash, signed.DeviceId, Changed = changed };
        var step = OpinionStep.Accept(S, OpinionEventKinds.Answered, detail);
        var record = new OpinionAnswerRecord(actor.UserName, signed.Choices, texts, signed.Nonce, signed.CastAt, signed.Signature, device.DeviceId, device.PublicKeySpki, now,
            new Receipt(Key, position, ballotHash, ""));
        // The receipt's chain hash is the answer's own ledger entry: known once the entry is made, so it is filled in here.
        var entryHash = Voting.Ledger.LedgerEntry.Next(S.LedgerHead, S.Version + 1, now, actor.UserName, step.Kind, step.Detail).Hash;
        record = record with { Receipt = record.Receipt with { ChainHash = entryHash } };
        var next = S with
        {
            Answers = [.. S.Answers.Where(a => a.Member != actor.UserName), record],
            AnswerCount = position,
        };
        if (await StoreAsync(actor, step with { Next = next }, now) is { } failed)
        {
            return Result<Receipt>.Refused(failed);
        }

        return Result<Receipt>.Of(record.Receipt);
    }

    public Task<Result<OpinionMyAnswer?>> GetMyAnswerAsync(Actor actor)
    {
        if (Viewable(actor) is { } refused)
        {
            return Task.FromResult(Result<OpinionMyAnswer?>.Refused(refused));
        }

        var mine = S.Answers.FirstOrDefault(a => a.Member == actor.UserName);
        return Task.FromResult(Result<OpinionMyAnswer?>.Of(mine is null ? null : new OpinionMyAnswer(mine.Choices, mine.Texts, mine.Receipt, mine.AnsweredAt)));
    }
}

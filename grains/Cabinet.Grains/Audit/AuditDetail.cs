using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Audit;

/// <summary>
/// How an audit record sits in a ledger entry: the actor and kind in the entry's own fields (Actor, Command), the rest
/// as canonical JSON in its Detail, so the meeting ledger's chain and verifier serve the audit log unchanged.
/// </summary>
internal sealed record AuditDetail(string Organization, string Address, string UserAgent, string Detail)
{
    public static string Of(AuditRecord record) =>
        CanonicalJson.SerializeToString(new AuditDetail(record.Organization, record.Address, record.UserAgent, record.Detail));

    public static AuditEntryView View(LedgerEntry entry)
    {
        AuditDetail detail;
        try
        {
            detail = CanonicalJson.Deserialize<AuditDetail>(System.Text.Encoding.UTF8.GetBytes(entry.Detail));
        }
        catch (System.Text.Json.JsonException)
        {
            detail = new AuditDetail("", "", "", entry.Detail); // altered by hand: shown as it is; verification names it
        }

        return new AuditEntryView(entry.Sequence, entry.At, entry.Command, entry.Actor, detail.Organization, detail.Address,
            detail.UserAgent, detail.Detail, entry.Hash);
    }
}

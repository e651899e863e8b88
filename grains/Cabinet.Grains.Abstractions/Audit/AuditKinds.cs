namespace Cabinet.Audit;

/// <summary>The kinds of security event in the audit log. Stable: filters and exports name them.</summary>
public static class AuditKinds
{
    public const string SignIn = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string Throttled = "auth.throttled";
    public const string SignOut = "auth.sign_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string PasswordReset = "admin.password_reset";
    public const string AccountDisabled = "admin.account_disabled";
    public const string AccountEnabled = "admin.account_enabled";
    public const string UsersCreated = "admin.users_created";
    public const string PeopleImported = "admin.people_imported";
    public const string UserUpdated = "admin.user_updated";
    public const string RoleChanged = "admin.role_changed";
    public const string AccountUnlocked = "admin.account_unlocked";
    public const string OrganizationCreated = "admin.organization_created";
    public const string SecondFactorPolicyChanged = "admin.second_factor_policy";
    public const string MeetingRulesChanged = "admin.meeting_rules";
    public const string WebhookChanged = "admin.webhook_changed";
    public const string SecondFactorEnrolled = "mfa.enrolled";
    public const string SecondFactorSucceeded = "mfa.succeeded";
    public const string SecondFactorFailed = "mfa.failed";
    public const string SessionEnded = "session.ended";
    public const string SessionsEndedEverywhere = "session.ended_everywhere";
    public const string TokenIssued = "token.issued";
    public const string TokenRefreshed = "token.refreshed";
    public const string TokenRevoked = "token.revoked";
    public const string TokenReuseDetected = "token.reuse_detected";
    public const string Forbidden = "access.forbidden";
    public const string ClientRegistered = "client.registered";
    public const string ClientSecretRotated = "client.secret_rotated";
    public const string ClientRevoked = "client.revoked";
    public const string ClientTokenIssued = "client.token_issued";
    public const string ClientTokenRefused = "client.token_refused";
    public const string AuditRead = "audit.read";
    public const string AuditExported = "audit.exported";
    public const string AuditVerified = "audit.verified";

    /// <summary>Written by the log itself when retention drops old entries: the cut (last dropped sequence and hash).</summary>
    public const string RetentionCut = "audit.retention_cut";
}

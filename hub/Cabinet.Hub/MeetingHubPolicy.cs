namespace Cabinet.Hub;

/// <summary>The authorization policy on the hub and the signed-in /api endpoints: any signed-in Cabinet user, by cookie or by bearer token.</summary>
public static class MeetingHubPolicy
{
    public const string Name = "cabinet-user";
}

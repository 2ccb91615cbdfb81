namespace CallGateway.Sandbox.Users;

/// <summary>What a simulated phone does when the business calls it.</summary>
public enum PhoneAnswerMode
{
    /// <summary>Picks up after the answer delay.</summary>
    Answer,

    /// <summary>Declines (REJECTED).</summary>
    Reject,

    /// <summary>Lets it ring until the ring timeout.</summary>
    Ignore,
}

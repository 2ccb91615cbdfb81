namespace CallGateway.Calls.Actors;

/// <summary>The actor already finished (its call ended and it went idle); post to a fresh one.</summary>
public sealed class CallActorClosedException : InvalidOperationException
{
    public CallActorClosedException()
        : base("The call actor is closed.")
    {
    }

    public CallActorClosedException(string message)
        : base(message)
    {
    }

    public CallActorClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

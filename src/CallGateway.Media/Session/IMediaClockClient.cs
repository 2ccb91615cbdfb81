namespace CallGateway.Media.Session;

/// <summary>Something the media clock ticks every 20 ms (a media session).</summary>
public interface IMediaClockClient
{
    /// <summary>Produces and consumes one 20 ms frame. Runs on a clock worker thread; must not block.</summary>
    /// <param name="lateBy">How far past its scheduled time this tick started.</param>
    void OnTick(TimeSpan lateBy);
}

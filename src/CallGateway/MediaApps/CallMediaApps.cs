using CallGateway.Media;
using CallGateway.Media.Audio;

namespace CallGateway.MediaApps;

/// <summary>
/// What internal systems do with one connected call's audio: a prompt or WAV playing, a recording, echo, media
/// streams. Everything that plays into the call goes through one mixer, which is the session's audio source.
/// </summary>
public sealed class CallMediaApps : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private WavPlayer? _player;
    private CallRecorder? _recorder;
    private IDisposable? _recorderSink;
    private EchoLoop? _echo;
    private IDisposable? _echoSink;

    public CallMediaApps(string callId, IMediaSession media, TimeProvider time)
    {
        CallId = callId;
        Media = media;
        _time = time;
        Mixer = new MixingSource(media.FrameSamples);
        media.SetSource(Mixer);
    }

    public string CallId { get; }

    public IMediaSession Media { get; }

    /// <summary>Everything the caller hears.</summary>
    public MixingSource Mixer { get; }

    public bool IsRecording
    {
        get
        {
            lock (_gate)
            {
                return _recorder is not null;
            }
        }
    }

    /// <summary>Plays <paramref name="player"/>, replacing what was playing.</summary>
    public void Play(WavPlayer player)
    {
        lock (_gate)
        {
            StopPlaybackLocked();
            _player = player;
            Mixer.Add(player);
        }
    }

    public bool StopPlayback()
    {
        lock (_gate)
        {
            return StopPlaybackLocked();
        }
    }

    public bool StartRecording(string path)
    {
        lock (_gate)
        {
            if (_recorder is not null)
            {
                return false;
            }

            _recorder = new CallRecorder(path, Media.SampleRate, _time);
            _recorderSink = Media.AddSink(_recorder);
            return true;
        }
    }

    /// <summary>Stops the recording and finishes the file; null when nothing was recording.</summary>
    public async Task<RecordingResult?> StopRecordingAsync()
    {
        CallRecorder? recorder;
        lock (_gate)
        {
            recorder = _recorder;
            _recorderSink?.Dispose();
            _recorder = null;
            _recorderSink = null;
        }

        return recorder is null ? null : await recorder.StopAsync().ConfigureAwait(false);
    }

    public void SetEcho(bool enabled)
    {
        lock (_gate)
        {
            if (enabled && _echo is null)
            {
                _echo = new EchoLoop(Media.FrameSamples);
                _echoSink = Media.AddSink(_echo);
                Mixer.Add(_echo);
            }
            else if (!enabled && _echo is not null)
            {
                _echoSink?.Dispose();
                Mixer.Remove(_echo);
                _echo = null;
                _echoSink = null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        SetEcho(false);
        StopPlayback();
        await StopRecordingAsync().ConfigureAwait(false);
    }

    private bool StopPlaybackLocked()
    {
        if (_player is null)
        {
            return false;
        }

        _player.Stop();
        Mixer.Remove(_player);
        _player = null;
        return true;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallGateway.EndToEnd.Tests.Support;
using CallGateway.Media.Audio;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Audio actions on live calls against the sandbox: what the simulated phone hears, what gets recorded.</summary>
public sealed class MediaAppsTests : IDisposable
{
    private readonly string _prompts = Directory.CreateTempSubdirectory("cg-prompts-").FullName;
    private readonly SandboxGateway _gateway;

    public MediaAppsTests()
    {
        File.WriteAllBytes(Path.Combine(_prompts, "welcome.wav"), Waves.Tone(800, 3, sampleRate: 16000));
        _gateway = new SandboxGateway(new() { ["MediaApps:PromptsFolder"] = _prompts });
    }

    public void Dispose()
    {
        _gateway.Dispose();
        Directory.Delete(_prompts, recursive: true);
    }

    [Fact]
    public async Task PlayPrompt_ThePhoneHearsItAtTheRightLevel()
    {
        var (id, wacid) = await ConnectAsync("15551240001", toneHz: 0);
        var played = await _gateway.PostJsonAsync($"/api/calls/{id}/play", new { prompt = "welcome" }, HttpStatusCode.Accepted);
        Assert.Equal(3.0, played.GetProperty("durationSeconds").GetDouble(), 2);

        await Task.Delay(1500);
        AudioAssert.PhoneHeard(await _gateway.GetJsonAsync($"/sandbox/calls/{wacid}"), 800);
    }

    [Fact]
    public async Task PlayUploadedStereo44kWav_IsConvertedAndHeard()
    {
        var (id, wacid) = await ConnectAsync("15551240002", toneHz: 0);
        using var content = new ByteArrayContent(Waves.Tone(500, 3, sampleRate: 44100, channels: 2));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var response = await _gateway.Http.PostAsync(new Uri($"/api/calls/{id}/play?loop=true", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Task.Delay(1500);
        AudioAssert.PhoneHeard(await _gateway.GetJsonAsync($"/sandbox/calls/{wacid}"), 500);
        Assert.Equal(HttpStatusCode.NoContent, (await _gateway.Http.DeleteAsync(new Uri($"/api/calls/{id}/play", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BadPlayRequests_AreClientErrors()
    {
        var (id, _) = await ConnectAsync("15551240003", toneHz: 0);
        await _gateway.PostJsonAsync($"/api/calls/{id}/play", new { prompt = "../secrets" }, HttpStatusCode.BadRequest);
        await _gateway.PostJsonAsync($"/api/calls/{id}/play", new { prompt = "missing" }, HttpStatusCode.NotFound);
        using var garbage = new ByteArrayContent("not a wav file at all"u8.ToArray());
        garbage.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        Assert.Equal(HttpStatusCode.BadRequest, (await _gateway.Http.PostAsync(new Uri($"/api/calls/{id}/play", UriKind.Relative), garbage)).StatusCode);
        await _gateway.PostJsonAsync("/api/calls/call_00000000000000000000000000000000/play", new { prompt = "welcome" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recording_HoldsTheCallerLeftAndTheBusinessRight()
    {
        var (id, _) = await ConnectAsync("15551240004", toneHz: 440);
        await _gateway.PostJsonAsync($"/api/calls/{id}/play", new { prompt = "welcome", loop = true }, HttpStatusCode.Accepted);
        await _gateway.PostJsonAsync($"/api/calls/{id}/recording", null, HttpStatusCode.Accepted);
        await Task.Delay(2500);
        using var stop = await _gateway.Http.DeleteAsync(new Uri($"/api/calls/{id}/recording", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);

        var wav = await _gateway.Http.GetByteArrayAsync(new Uri($"/api/calls/{id}/recording", UriKind.Relative));
        var audio = WavFile.Read(new MemoryStream(wav));
        Assert.Equal(2, audio.Format.Channels);
        Assert.InRange(audio.Samples.Length / 2.0 / audio.Format.SampleRate, 2.0, 3.0);
        var samples = audio.Samples.ToArray();
        var last = audio.Format.SampleRate; // the last second of each channel
        var left = Enumerable.Range(samples.Length / 2 - last, last).Select(i => samples[2 * i]).ToArray();
        var right = Enumerable.Range(samples.Length / 2 - last, last).Select(i => samples[(2 * i) + 1]).ToArray();
        AudioAssert.Tone(left, audio.Format.SampleRate, 440);
        AudioAssert.Tone(right, audio.Format.SampleRate, 800);
    }

    [Fact]
    public async Task Echo_ThePhoneHearsItself()
    {
        var (id, wacid) = await ConnectAsync("15551240005", toneHz: 660);
        var echo = await _gateway.Http.PutAsJsonAsync(new Uri($"/api/calls/{id}/echo", UriKind.Relative), new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        await Task.Delay(1500);
        AudioAssert.PhoneHeard(await _gateway.GetJsonAsync($"/sandbox/calls/{wacid}"), 660);
    }

    [Fact]
    public async Task SendDtmf_ThePhoneReceivesTheDigits()
    {
        var (id, wacid) = await ConnectAsync("15551240006", toneHz: 0);
        await _gateway.PostJsonAsync($"/api/calls/{id}/dtmf", new { digits = "9*1" }, HttpStatusCode.Accepted);
        await _gateway.PostJsonAsync($"/api/calls/{id}/dtmf", new { digits = "x" }, HttpStatusCode.BadRequest);
        await Eventually.HoldsAsync(async () => (await _gateway.GetJsonAsync($"/sandbox/calls/{wacid}")).GetProperty("dtmfHeard").GetString() == "9*1",
            "the phone to hear 9*1");
    }

    [Fact]
    public async Task AudioActions_OnARingingCall_Are409()
    {
        using var manual = new SandboxGateway(new() { ["Calls:InboundPolicy"] = "Manual", ["MediaApps:PromptsFolder"] = _prompts });
        var wacid = (await manual.PostJsonAsync("/sandbox/users/15551240007/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var id = (await manual.WaitForGatewayCallAsync(wacid, "PreAccepted")).GetProperty("id").GetString()!;
        await manual.PostJsonAsync($"/api/calls/{id}/play", new { prompt = "welcome" }, HttpStatusCode.Conflict);
    }

    private async Task<(string Id, string Wacid)> ConnectAsync(string user, double toneHz)
    {
        var wacid = (await _gateway.PostJsonAsync($"/sandbox/users/{user}/calls", new { toneHz }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var call = await _gateway.WaitForGatewayCallAsync(wacid, "Connected");
        return (call.GetProperty("id").GetString()!, wacid);
    }
}

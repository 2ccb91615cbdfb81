using System.Net;
using System.Text.Json;
using CallGateway.Meta.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace CallGateway.Meta.Tests.Graph;

public sealed class MetaGraphClientTests : IDisposable
{
    private const string Sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n";
    private readonly RecordingHandler _graph = new();
    private readonly AttemptLog _attempts = new();
    private readonly ServiceProvider _services;
    private readonly IMetaGraphClient _client;

    public MetaGraphClientTests()
    {
        // The production registration (resilience pipeline, auth, attempt recorder); only the network is replaced.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Meta:GraphApiBaseUrl"] = "https://graph.test/",
            ["Meta:ApiVersion"] = "v23.0",
            ["Meta:AccessToken"] = "EAAtoken",
            ["Meta:AppSecret"] = "secret",
            ["Meta:VerifyToken"] = "verify",
            ["Meta:PhoneNumberId"] = "105615555715855",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCallGatewayMeta();
        services.AddSingleton<IGraphAttemptObserver>(_attempts);
        services.Configure<HttpClientFactoryOptions>("IMetaGraphClient", o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = _graph));
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IMetaGraphClient>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _graph.Dispose();
    }

    [Fact]
    public async Task PreAccept_PostsTheReferenceBodyWithAnAnswer()
    {
        await _client.PreAcceptAsync("wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh", Sdp, default);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://graph.test/v23.0/105615555715855/calls", request.Uri.ToString());
        Assert.Equal("Bearer EAAtoken", request.Authorization);
        Assert.Equal("{\"messaging_product\":\"whatsapp\",\"call_id\":\"wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh\",\"action\":\"pre_accept\",\"session\":{\"sdp_type\":\"answer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}}", request.Body);
    }

    [Fact]
    public async Task Accept_CarriesAnswerAndCallbackData()
    {
        await _client.AcceptAsync("wacid.1", Sdp, "random_string", default);
        Assert.Equal("{\"messaging_product\":\"whatsapp\",\"call_id\":\"wacid.1\",\"action\":\"accept\",\"session\":{\"sdp_type\":\"answer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"},\"biz_opaque_callback_data\":\"random_string\"}",
            Assert.Single(_graph.Requests).Body);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("terminate")]
    public async Task RejectAndTerminate_PostOnlyTheAction(string action)
    {
        await (action == "reject" ? _client.RejectAsync("wacid.1", default) : _client.TerminateAsync("wacid.1", default));
        Assert.Equal($"{{\"messaging_product\":\"whatsapp\",\"call_id\":\"wacid.1\",\"action\":\"{action}\"}}", Assert.Single(_graph.Requests).Body);
    }

    [Fact]
    public async Task Connect_SendsAnOfferAndReturnsTheNewCallId()
    {
        _graph.Respond(HttpStatusCode.OK, "{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\"wacid.ABGGFjFVU2AfAgo6V\"}]}");
        var id = await _client.ConnectAsync("14085551234", Sdp, "0fS5cePMok", default);

        Assert.Equal("wacid.ABGGFjFVU2AfAgo6V", id);
        Assert.Equal("{\"messaging_product\":\"whatsapp\",\"to\":\"14085551234\",\"action\":\"connect\",\"session\":{\"sdp_type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"},\"biz_opaque_callback_data\":\"0fS5cePMok\"}",
            Assert.Single(_graph.Requests).Body);
    }

    [Fact]
    public async Task CallbackDataOver512_IsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.ConnectAsync("14085551234", Sdp, new string('x', 513), default));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task MetaError_IsSurfacedWithCodeAndMessage()
    {
        _graph.Respond(HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"No approved call permission from the recipient\",\"type\":\"OAuthException\",\"code\":138006,\"fbtrace_id\":\"AbCdEf\"}}");

        var ex = await Assert.ThrowsAsync<MetaGraphException>(() => _client.ConnectAsync("14085551234", Sdp, null, default));
        Assert.Equal(138006, ex.MetaCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("138006", ex.Message);
        Assert.Contains("No approved call permission", ex.Message);
        Assert.Contains("AbCdEf", ex.Message);
    }

    [Fact]
    public async Task Terminate_ServerErrors_AreRetried()
    {
        _graph.Respond(HttpStatusCode.ServiceUnavailable, "{}").Respond(HttpStatusCode.BadGateway, "{}");
        using (GraphCallContext.Begin("call_1"))
        {
            await _client.TerminateAsync("wacid.1", default);
        }

        Assert.Equal(3, _graph.Requests.Count);
        Assert.Equal([(1, 503), (2, 502), (3, 200)], _attempts.Entries.Select(a => (a.Attempt, a.Status ?? 0)));
        Assert.All(_attempts.Entries, a => Assert.Equal("call_1", a.CallId));
        Assert.All(_attempts.Entries, a => Assert.Equal("calls/terminate", a.Operation));
    }

    [Fact]
    public async Task Terminate_GivesUpAfterThreeAttempts()
    {
        _graph.Respond(HttpStatusCode.InternalServerError, "{}").Respond(HttpStatusCode.InternalServerError, "{}").Respond(HttpStatusCode.InternalServerError, "{}");
        var ex = await Assert.ThrowsAsync<MetaGraphException>(() => _client.TerminateAsync("wacid.1", default));
        Assert.True(ex.IsTransient);
        Assert.Equal(GraphRetryPolicy.MaxRetries + 1, _graph.Requests.Count);
    }

    [Fact]
    public async Task Connect_ServerError_IsNeverRetried()
    {
        _graph.Respond(HttpStatusCode.ServiceUnavailable, "{}");
        var ex = await Assert.ThrowsAsync<MetaGraphException>(() => _client.ConnectAsync("14085551234", Sdp, null, default));
        Assert.Single(_graph.Requests);
        Assert.True(ex.MayHaveReachedMeta);
    }

    [Fact]
    public async Task Connect_AmbiguousNetworkFailure_IsNeverRetried()
    {
        _graph.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset after send"));
        var ex = await Assert.ThrowsAsync<MetaGraphException>(() => _client.ConnectAsync("14085551234", Sdp, null, default));
        Assert.Single(_graph.Requests);
        Assert.True(ex.MayHaveReachedMeta);
    }

    [Fact]
    public async Task Connect_ConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        _graph.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            .Respond(HttpStatusCode.OK, "{\"calls\":[{\"id\":\"wacid.2\"}]}");
        Assert.Equal("wacid.2", await _client.ConnectAsync("14085551234", Sdp, null, default));
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task CallPermissions_ReadsTheReferenceSample()
    {
        // The reference's sample, with its trailing commas kept and its unbalanced closing brackets repaired.
        _graph.Respond(HttpStatusCode.OK, "{\"messaging_product\":\"whatsapp\",\"permission\":{\"status\":\"temporary\",\"expiration_time\":1745343479},\"actions\":[{\"action_name\":\"send_call_permission_request\",\"can_perform_action\":true,\"limits\":[{\"time_period\":\"PT24H\",\"max_allowed\":1,\"current_usage\":0,},{\"time_period\":\"P7D\",\"max_allowed\":2,\"current_usage\":1,}]},{\"action_name\":\"start_call\",\"can_perform_action\":false,\"limits\":[{\"time_period\":\"PT24H\",\"max_allowed\":5,\"current_usage\":5,\"limit_expiration_time\":1745622600,}]}]}");

        var permissions = await _client.GetCallPermissionsAsync("13057765456", default);
        Assert.Equal("https://graph.test/v23.0/105615555715855/call_permissions?user_wa_id=13057765456", Assert.Single(_graph.Requests).Uri.ToString());
        Assert.Equal("temporary", permissions.Permission!.Status);
        var start = permissions.Actions!.Single(a => a.ActionName == "start_call");
        Assert.False(start.CanPerformAction);
        Assert.Equal(1745622600, start.Limits![0].LimitExpirationTime);
    }

    [Fact]
    public async Task Settings_GetWithSipCredentials_AndPost()
    {
        _graph.Respond(HttpStatusCode.OK, "{\"calling\":{\"status\":\"ENABLED\"}}");
        var settings = await _client.GetSettingsAsync(includeSipCredentials: true, default);
        Assert.Equal("ENABLED", settings.GetProperty("calling").GetProperty("status").GetString());
        Assert.EndsWith("/settings?include_sip_credentials=true", _graph.Requests[0].Uri.ToString());

        await _client.UpdateSettingsAsync(JsonDocument.Parse("{\"calling\":{\"status\":\"DISABLED\"}}").RootElement, default);
        Assert.Equal(HttpMethod.Post, _graph.Requests[1].Method);
        Assert.Equal("{\"calling\":{\"status\":\"DISABLED\"}}", _graph.Requests[1].Body);
    }

    private sealed class AttemptLog : IGraphAttemptObserver
    {
        public List<GraphAttempt> Entries { get; } = [];

        public void OnAttempt(GraphAttempt attempt)
        {
            lock (Entries)
            {
                Entries.Add(attempt);
            }
        }
    }
}

using CallGateway.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallGateway.Tests.Settings;

/// <summary>A gateway (<see cref="GatewayFactory"/>) whose Graph API is a <see cref="ScriptedGraphHandler"/>, and a client for it.</summary>
internal sealed class ScriptedGateway : IDisposable
{
    public ScriptedGateway(Dictionary<string, string?>? settings = null)
    {
        Gateway = new GatewayFactory(settings);
        App = Graph.Attach(Gateway);
        Client = App.CreateClient();
    }

    public GatewayFactory Gateway { get; }

    public ScriptedGraphHandler Graph { get; } = new();

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        Gateway.Dispose();
        Graph.Dispose();
    }
}

using CallGateway.Calls.Commands;

namespace CallGateway.Calls.Tests;

internal static class CommandAssert
{
    /// <summary>Asserts the exact command sequence, by a short description of each command.</summary>
    public static void Sequence(CallTransitionResult result, params string[] expected) =>
        Assert.Equal(expected, result.Commands.Select(Describe).ToArray());

    public static string Describe(CallCommand command) => command switch
    {
        SendSignal s => $"Send {s.Action}",
        PublishNotification p => $"Publish {p.Type}",
        StartTimer => "StartTimer",
        CancelTimer => "CancelTimer",
        CreateMediaAnswer => "CreateAnswer",
        CreateMediaOffer => "CreateOffer",
        ApplyRemoteAnswer => "ApplyAnswer",
        StartMediaFlow => "StartMedia",
        CloseMedia => "CloseMedia",
        _ => command.GetType().Name,
    };
}

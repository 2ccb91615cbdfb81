using System.Text;
using System.Text.Json;

namespace CallGateway.TestSupport;

/// <summary>
/// Loads a webhook fixture (built from the reference's samples) and fills its <c>{{NAME}}</c> tokens.
/// Shared by the test projects as a linked source file.
/// </summary>
internal static class WebhookFixtures
{
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["WABA_ID"] = "112735964992110",
        ["BUSINESS_NUMBER"] = "16501230000",
        ["PHONE_NUMBER_ID"] = "105615555715855",
        ["USER_NUMBER"] = "15551112222",
        ["TO"] = "16501230000",
        ["FROM"] = "15551112222",
        ["DIRECTION"] = "USER_INITIATED",
        ["STATUS"] = "COMPLETED",
        ["START_TIME"] = "1671644824",
        ["END_TIME"] = "1671644944",
        ["DURATION"] = "120",
        ["MESSAGE_ID"] = "wamid.sH0kFlaCGg0xcvZbgmg90lHrg2dL",
        ["CONTEXT_ID"] = "wacid.gBGGFlaCmZ9plHrf2Mh-o",
        ["RESPONSE"] = "accept",
        ["IS_PERMANENT"] = "false",
        ["EXPIRATION"] = "1745343479",
        ["SOURCE"] = "user_action",
        ["SDP"] = "v=0\r\n",
    };

    public static string Load(string name, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Webhooks", name));
        var all = new Dictionary<string, string>(Defaults);
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            var replacement = key == "SDP" ? JsonEncodedText.Encode(value).ToString() : value;
            text = text.Replace("{{" + key + "}}", replacement, StringComparison.Ordinal);
        }

        return text;
    }

    public static byte[] Bytes(string name, IReadOnlyDictionary<string, string>? values = null) => Encoding.UTF8.GetBytes(Load(name, values));
}

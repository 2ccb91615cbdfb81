using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallGateway.Bench.Gateway;

/// <summary>
/// Distinct, correctly signed Meta "calls" webhooks for wrk to post (one per request, so every request is a new
/// event the inbox must commit, never a cheap duplicate), and the Lua script that posts them.
/// Each line of the corpus is <c>sha256=&lt;hex&gt;\t&lt;body&gt;</c>.
/// </summary>
internal static class SignedWebhookCorpus
{
    // A status webhook as Meta sends it (the shape of tests/Fixtures/Webhooks/status.json).
    private const string Template =
        """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wacid.{ID}","timestamp":"{TS}","type":"call","status":"RINGING","recipient_id":"14085551234","biz_opaque_callback_data":"bench"}]},"field":"calls"}]}]}""";

    public static void Write(string path, string prefix, int count, string appSecret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Encoding.UTF8.GetBytes(appSecret);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < count; i++)
        {
            var body = Template.Replace("{ID}", prefix + i.ToString("D8", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{TS}", timestamp, StringComparison.Ordinal);
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));
            writer.Write("sha256=");
            writer.Write(signature);
            writer.Write('\t');
            writer.Write(body);
            writer.Write('\n');
        }
    }

    /// <summary>wrk script: each thread loads its share of the corpus (args: file, thread count) and posts one line per request.</summary>
    public const string LuaScript = """
        local counter = 0
        function setup(thread)
          thread:set("id", counter)
          counter = counter + 1
        end
        function init(args)
          local file, threads = args[1], tonumber(args[2])
          sigs, bodies, total, index = {}, {}, 0, 1
          local line_no = 0
          for line in io.lines(file) do
            if line_no % threads == id then
              local tab = string.find(line, "\t", 1, true)
              total = total + 1
              sigs[total] = string.sub(line, 1, tab - 1)
              bodies[total] = string.sub(line, tab + 1)
            end
            line_no = line_no + 1
          end
        end
        function request()
          local i = index
          index = index + 1
          if index > total then index = 1 end
          return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = sigs[i] }, bodies[i])
        end
        """;
}

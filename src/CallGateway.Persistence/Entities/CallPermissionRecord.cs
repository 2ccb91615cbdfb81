namespace CallGateway.Persistence.Entities;

/// <summary>
/// Row of <c>call_permissions</c>, one per WhatsApp user (keyed by wa_id): what the gateway last learned about the
/// user's permission for the business to call them, from their reply webhook or from Meta's call_permissions API.
/// </summary>
public sealed class CallPermissionRecord
{
    /// <summary>The user's WhatsApp id (their number, digits only).</summary>
    public string WaId { get; set; } = "";

    /// <summary><c>no_permission</c>, <c>temporary</c> or <c>permanent</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>When a temporary permission ends.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Where <see cref="Status"/> came from: <c>call_permission_reply</c> (webhook) or <c>call_permissions</c> (Graph).</summary>
    public string Origin { get; set; } = "";

    /// <summary>The user's last reply: <c>accept</c> or <c>reject</c>.</summary>
    public string? Response { get; set; }

    /// <summary>Meta's <c>response_source</c> of the last reply: <c>user_action</c> or <c>automatic</c>.</summary>
    public string? ResponseSource { get; set; }

    /// <summary>The reply message's id (wamid).</summary>
    public string? ReplyMessageId { get; set; }

    /// <summary>What the reply answered: our request message's wamid, or the wacid of a missed business call.</summary>
    public string? ContextId { get; set; }

    /// <summary>The reply's webhook timestamp; an older reply arriving later does not overwrite a newer one.</summary>
    public DateTimeOffset? RepliedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

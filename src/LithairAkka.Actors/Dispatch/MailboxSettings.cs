using LithairAkka.Hocon;

namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// A mailbox configuration bound from HOCON (<c>akka.actor.default-mailbox</c> or the section a
/// <see cref="Props.WithMailbox"/> id names): <c>mailbox-type</c> is <c>unbounded</c> or <c>bounded</c>
/// (Akka's <c>Akka.Dispatch.UnboundedMailbox</c>/<c>BoundedMailbox</c> names are accepted too), and a bounded
/// mailbox sends messages beyond <c>mailbox-capacity</c> to dead letters instead of blocking the sender.
/// </summary>
/// <param name="Id">The configuration path the settings came from.</param>
/// <param name="Capacity">Maximum queued user messages, or 0 for unbounded.</param>
public sealed record MailboxSettings(string Id, int Capacity)
{
    /// <summary>The unbounded default.</summary>
    public static MailboxSettings Unbounded { get; } = new("akka.actor.default-mailbox", 0);

    /// <summary>Binds the section at <paramref name="id"/>.</summary>
    /// <exception cref="ConfigurationException">When the section is absent or a key is invalid; the message names the key.</exception>
    public static MailboxSettings Create(Config config, string id)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!config.HasPath(id))
        {
            throw new ConfigurationException($"Mailbox [{id}] is not configured: no section at '{id}'.");
        }

        var section = config.GetConfig(id);
        var type = section.GetString("mailbox-type", "unbounded");
        switch (type)
        {
            case "unbounded" or "LithairAkka.Actors.Dispatch.UnboundedMailbox" or "Akka.Dispatch.UnboundedMailbox":
                return new MailboxSettings(id, 0);
            case "bounded" or "LithairAkka.Actors.Dispatch.BoundedMailbox" or "Akka.Dispatch.BoundedMailbox":
                var capacity = section.GetInt("mailbox-capacity", 1000);
                if (capacity <= 0)
                {
                    throw new ConfigurationException($"'{id}.mailbox-capacity' must be positive, was {capacity}.");
                }

                return new MailboxSettings(id, capacity);
            default:
                throw new ConfigurationException($"'{id}.mailbox-type' must be 'unbounded' or 'bounded', was '{type}'.");
        }
    }
}

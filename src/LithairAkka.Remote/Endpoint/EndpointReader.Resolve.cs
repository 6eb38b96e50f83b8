using System.Text;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Endpoint;

internal sealed partial class EndpointReader
{
    // Live local actors are cached by the exact bytes of their path; a cached ref that has stopped is resolved again
    // (a path without uid may name a newer incarnation). Promises under /temp are resolved each time: each is used once.
    private IInternalActorRef? ResolveRecipient(ReadOnlySpan<byte> bytes, AssociationHandle from)
    {
        if (_recipients.TryGet(bytes, out var cached) && !cached.IsTerminated)
        {
            return cached;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (!ActorPath.TryParse(text, out var path))
        {
            return null;
        }

        IInternalActorRef resolved;
        if (_provider.IsOwnAddress(path.Address))
        {
            resolved = _provider.ResolveLocalActorRef(path) as IInternalActorRef ?? new EmptyLocalActorRef(_provider, path, _provider.DeadLetters);
        }
        else
        {
            EndpointLogMessages.NotForThisNode(_logger, from.RemoteAddress.ToString(), text, _provider.DefaultAddress.ToString());
            resolved = new EmptyLocalActorRef(_provider, path, _provider.DeadLetters);
        }

        if (resolved is LocalActorRef)
        {
            _recipients.Set(bytes, resolved);
        }
        else if (cached is not null)
        {
            _recipients.Remove(bytes);
        }

        return resolved;
    }

    private IActorRef ResolveSender(ReadOnlySpan<byte> bytes)
    {
        if (_senders.TryGet(bytes, out var cached))
        {
            return cached;
        }

        var resolved = _provider.ResolveActorRef(Encoding.UTF8.GetString(bytes));
        if (resolved is RemoteActorRef remote)
        {
            // Replies go back to exactly the bytes the peer sent.
            remote.SeedSerializedPath(bytes.ToArray());
            if (!IsTemporary(remote.Path))
            {
                _senders.Set(bytes, remote);
            }
        }

        return resolved;
    }

    private string ManifestOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        if (_manifests.TryGet(bytes, out var manifest))
        {
            return manifest;
        }

        manifest = Encoding.UTF8.GetString(bytes);
        _manifests.Set(bytes, manifest);
        return manifest;
    }

    private static bool IsTemporary(ActorPath path)
    {
        if (path.Depth == 0)
        {
            return false;
        }

        var top = path;
        while (top.Depth > 1)
        {
            top = top.Parent;
        }

        return top.Name == "temp";
    }
}

using System.Threading.Channels;
using LithairAkka.Actors;
using LithairAkka.Actors.Event;

namespace LithairAkka.Cmd.BuiltIn;

/// <summary>Subscribes to <see cref="LogEvent"/>s for one <c>log tail</c> and hands them to the command's channel.</summary>
internal sealed class LogTailActor : ReceiveActor
{
    private readonly ChannelWriter<LogEvent> _events;

    public LogTailActor(ChannelWriter<LogEvent> events)
    {
        _events = events;
        Receive<LogEvent>(e => _events.TryWrite(e));
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(LogEvent));

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _events.TryComplete();
    }
}

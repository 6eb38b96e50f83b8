using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Node.Hosting;

/// <summary>The state machine the node runs, resolved by <see cref="StateMachineLoader"/>. Immutable.</summary>
/// <param name="Type">A concrete <see cref="StateMachineActor"/> with a public parameterless constructor.</param>
internal sealed record ConfiguredStateMachine(Type Type)
{
    /// <summary>Whether it is the built-in key-value store, which alone serves <c>/kv</c>.</summary>
    public bool IsKeyValue => Type == typeof(KeyValueStateMachine);

    /// <summary>The props every replica of the group creates its state machine with.</summary>
    public Props Props => Props.Create(Type);
}

namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>An event System.Text.Json refuses to serialize (a <see cref="System.Type"/> member): journals must reject it.</summary>
public sealed record UnserializableEvent(Type Kind);

namespace LithairAkka.Chaos.Nemesis;

/// <summary>One command the nemesis ran.</summary>
/// <param name="At">When it was issued, on the history's clock (ticks of 100 ns since the run started).</param>
/// <param name="Action">The command, e.g. <c>kill 2</c> or <c>partition 0 1,2</c>.</param>
/// <param name="Error">Why it failed, or <see langword="null"/> when it succeeded.</param>
public sealed record NemesisEvent(long At, string Action, string? Error);

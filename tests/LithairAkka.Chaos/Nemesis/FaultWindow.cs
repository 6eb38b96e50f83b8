namespace LithairAkka.Chaos.Nemesis;

/// <summary>When one fault held, on the history's clock (ticks of 100 ns since the run started).</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Description">What was done, e.g. <c>kill leader 1</c>.</param>
/// <param name="Start">When the fault was injected.</param>
/// <param name="End">When it had been undone.</param>
public sealed record FaultWindow(NemesisFaultKind Kind, string Description, long Start, long End);

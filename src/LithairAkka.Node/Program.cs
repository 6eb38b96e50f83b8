namespace LithairAkka.Node; internal static class Program { private static int Main() => 0; }

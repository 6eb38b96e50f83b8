using LithairAkka.Hocon;

namespace LithairAkka.TestKit;

/// <summary>The <c>akka.test</c> settings, bound once from the test system's configuration. Immutable.</summary>
public sealed record TestKitSettings
{
    private static readonly Lazy<Config> ReferenceLazy = new(() => ConfigurationFactory.FromResource("testkit.conf", typeof(TestKitSettings).Assembly));

    /// <summary>The embedded defaults of <c>akka.test</c>.</summary>
    public static Config Reference => ReferenceLazy.Value;

    /// <summary><c>akka.test.timefactor</c>.</summary>
    public double TestTimeFactor { get; private init; } = 1.0;

    /// <summary><c>akka.test.single-expect-default</c>.</summary>
    public TimeSpan SingleExpectDefault { get; private init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>akka.test.filter-leeway</c>.</summary>
    public TimeSpan TestEventFilterLeeway { get; private init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>akka.test.default-timeout</c>.</summary>
    public TimeSpan DefaultTimeout { get; private init; } = TimeSpan.FromSeconds(5);

    /// <summary>Binds and validates the settings.</summary>
    /// <exception cref="ConfigurationException">When a value is invalid.</exception>
    public static TestKitSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(Reference);
        var factor = merged.GetDouble("akka.test.timefactor");
        if (factor <= 0 || double.IsNaN(factor) || double.IsInfinity(factor))
        {
            throw new ConfigurationException($"'akka.test.timefactor' must be a positive number, was {factor}.");
        }

        return new TestKitSettings
        {
            TestTimeFactor = factor,
            SingleExpectDefault = Positive(merged, "akka.test.single-expect-default"),
            TestEventFilterLeeway = Positive(merged, "akka.test.filter-leeway"),
            DefaultTimeout = Positive(merged, "akka.test.default-timeout"),
        };
    }

    private static TimeSpan Positive(Config config, string key)
    {
        var value = config.GetTimeSpan(key);
        return value > TimeSpan.Zero ? value : throw new ConfigurationException($"'{key}' must be a positive duration, was {value}.");
    }
}

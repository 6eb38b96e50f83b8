using Xunit.Abstractions;
using Xunit.Sdk;

namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>Discovers <see cref="SpecFactAttribute"/> tests as <see cref="SpecTestCase"/>s.</summary>
public sealed class SpecFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new SpecTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

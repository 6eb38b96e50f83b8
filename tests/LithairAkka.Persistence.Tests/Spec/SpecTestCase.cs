using Xunit.Abstractions;
using Xunit.Sdk;

namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>A contract-suite test whose skip reason also comes from the <see cref="SpecSkipAttribute"/> of its concrete class.</summary>
public sealed class SpecTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SpecTestCase()
    {
    }

    public SpecTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var reason = base.GetSkipReason(factAttribute);
        if (reason is not null)
        {
            return reason;
        }

        var type = TestMethod.TestClass.Class.ToRuntimeType();
        return type?.GetCustomAttributes(typeof(SpecSkipAttribute), inherit: true)
            .Cast<SpecSkipAttribute>()
            .Select(a => a.SkipReason)
            .FirstOrDefault(r => r is not null)!;
    }
}

namespace LithairAkka.Hocon.Tests.Resolution;

/// <summary>Self-references, <c>+=</c> and cycles, with the specification's own examples.</summary>
public partial class ResolverTests
{
    [Fact]
    public void Resolve_SelfReferentialString_LooksBack()
    {
        Assert.Equal("a:b:c:d", Hocon.Parse("path : \"a:b:c\"\npath : ${path}\":d\"").GetString("path"));
    }

    [Fact]
    public void Resolve_SelfReferentialArray_AppendsToTheEarlierValue()
    {
        var config = Hocon.Parse("path = [ \"/bin\" ]\npath = ${path} [ \"/usr/bin\" ]");

        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("path"));
    }

    [Fact]
    public void Resolve_SelfReferenceToEarlierArray_SpecExample()
    {
        Assert.Equal(["1", "2", "3", "4"], Hocon.Parse("a : [ 1, 2 ]\na : ${a} [ 3, 4 ]").GetStringList("a"));
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutEarlierValue_UsesTheEnvironment()
    {
        var config = Hocon.Parse("path = ${path}\":/more\"", ("path", "/usr/bin"));

        Assert.Equal("/usr/bin:/more", config.GetString("path"));
    }

    [Fact]
    public void Resolve_SelfReferenceInIsolation_IsAnError()
    {
        var error = Hocon.Fails("foo : ${foo}");

        Assert.Contains("cycle in substitutions: ${foo}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SelfReferenceToEarlierObject_ResolvesToIt()
    {
        var config = Hocon.Parse("foo : { a : 1 }\nfoo : ${foo}");

        Assert.Equal(1, config.GetInt("foo.a"));
    }

    [Fact]
    public void Resolve_SelfReferenceBeforeTheObject_IsUndefined()
    {
        Hocon.Fails("foo : ${foo}\nfoo : { a : 1 }");
    }

    [Fact]
    public void Resolve_OptionalSelfReference_DisappearsSilently()
    {
        Assert.False(Hocon.Parse("foo : ${?foo}").HasPath("foo"));
    }

    [Fact]
    public void Resolve_OptionalSelfReferenceInConcatenation_LooksBackToNothing()
    {
        Assert.Equal("foo", Hocon.Parse("a = ${?a}foo").GetString("a"));
    }

    [Fact]
    public void Resolve_SubstitutionHiddenByLaterValue_IsNeverEvaluated()
    {
        var config = Hocon.Parse("foo : ${does-not-exist}\nfoo : 42\nbar : ${bar}, bar : 43");

        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(43, config.GetInt("bar"));
    }

    [Fact]
    public void Resolve_SelfReferenceThroughAPath_LooksBelow()
    {
        var config = Hocon.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    [Fact]
    public void Resolve_ObjectReferringToItsOwnField_ResolvesOnlyThatField()
    {
        var config = Hocon.Parse("bar : { foo : 42,\n        baz : ${bar.foo}\n      }");

        Assert.Equal(42, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Resolve_ObjectReferringToItsOwnField_LooksForwardToTheMergedValue()
    {
        var config = Hocon.Parse("bar : { foo : 42,\n        baz : ${bar.foo}\n      }\nbar : { foo : 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Resolve_MutuallyReferringObjects_LookForward()
    {
        var config = Hocon.Parse("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void Resolve_TwoFieldCycle_IsAnError()
    {
        var error = Hocon.Fails("bar : ${foo}\nfoo : ${bar}");

        Assert.Contains("cycle in substitutions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ThreeFieldCycle_IsAnError()
    {
        var error = Hocon.Fails("a : ${b}\nb : ${c}\nc : ${a}");

        Assert.Contains("cycle in substitutions", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Theory]
    [InlineData("a : { b : ${a} }")]
    [InlineData("a : [ ${a} ]")]
    public void Resolve_ReferenceToTheContainingObjectOrArray_IsAnUnbreakableCycle(string text)
    {
        Assert.Contains("cycle in substitutions", Hocon.Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OrderDependentCase_GivesBothTheSameValue()
    {
        var config = Hocon.Parse("a : 1\nb : 2\na : ${b}\nb : ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void Resolve_ValueComputedDuringALookBack_IsNotReusedOutsideIt()
    {
        // While a's second definition is resolved, b sees a's first value (1); the final b must look
        // forward to a's final value instead of reusing that intermediate result.
        var config = Hocon.Parse("a : 1\nb : ${a}\na : ${b}2");

        Assert.Equal("12", config.GetString("a"));
        Assert.Equal("12", config.GetString("b"));
    }

    [Fact]
    public void Resolve_PlusEquals_AppendsToAnEarlierArray()
    {
        Assert.Equal(["x", "y", "z"], Hocon.Parse("a = [x]\na += y\na += z").GetStringList("a"));
    }

    [Fact]
    public void Resolve_PlusEquals_AsFirstMention_StartsAnArray()
    {
        var config = Hocon.Parse("a += b\nnested { list += 1, list += 2 }");

        Assert.Equal(["b"], config.GetStringList("a"));
        Assert.Equal(["1", "2"], config.GetStringList("nested.list"));
    }

    [Fact]
    public void Resolve_PlusEquals_OnANonArray_Throws()
    {
        Assert.Contains("cannot concatenate", Hocon.Fails("a = str\na += b").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PlusEqualsWithObjectElement_AppendsTheObject()
    {
        var config = Hocon.Parse("nodes += { host = a }\nnodes += { host = b }");

        Assert.Equal(["a", "b"], config.GetConfigList("nodes").Select(c => c.GetString("host")));
    }
}

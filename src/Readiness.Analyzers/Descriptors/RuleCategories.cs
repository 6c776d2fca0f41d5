namespace Readiness.Analyzers;

/// <summary>The categories of DESIGN §2, one per family.</summary>
public static class RuleCategories
{
    public const string Security = "Security";
    public const string Observability = "Observability";
    public const string Reliability = "Reliability";
}

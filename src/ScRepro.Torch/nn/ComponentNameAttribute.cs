namespace ScRepro.Torch;

/// <summary>Names a module field in state_dict keys (e.g. a private <c>_weight</c> field saved as <c>weight</c>).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ComponentNameAttribute : Attribute
{
    public string Name { get; set; } = "";
}

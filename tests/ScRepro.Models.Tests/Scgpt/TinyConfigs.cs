using ScRepro.Models.Scgpt.Config;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>The tiny configs of make_scgpt_fixtures.py (TINY: 23 tokens, d 16, 4 heads, d_hid 24, 2 layers, 3 cls layers).</summary>
internal static class TinyConfigs
{
    public static ScgptConfig Generator => new() { Variant = ScgptVariant.Generator, NToken = 23, DModel = 16, NHead = 4, DHid = 24, NLayers = 2, PadTokenId = 20 };

    public static ScgptConfig Generator2023 => Generator with { Variant = ScgptVariant.Generator2023, BatchNorm = true, PertPadId = 2 };

    public static ScgptConfig Classifier => Generator with { Variant = ScgptVariant.Classifier, NCls = 5, PadValue = -2 };
}

namespace ScRepro.Torch;

/// <summary>Device kinds; values are c10::DeviceType's codes.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

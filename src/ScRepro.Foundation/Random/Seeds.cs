using System.Text;

namespace ScRepro.Foundation.Random;

/// <summary>
/// The one seed stream: every random draw of a unit takes its seed from <see cref="Derive"/>(unit seed, purpose), never
/// from <c>seed + k</c>. Offsets overlap across seeds (seed k's "+1" stream is seed k+1's "+0" stream); a mix of the
/// seed and the purpose's name does not, and adding a purpose moves no other stream.
/// </summary>
/// <remarks>
/// Stable by construction (nothing here may change without changing every derived number): the purpose's UTF-8 bytes
/// are hashed with 64-bit FNV-1a, the seed goes through SplitMix64's finaliser, the two are XORed and finalised again,
/// and the high 32 bits are the derived seed. 32 bits because numpy's legacy RandomState (which the draws replicate)
/// takes a uint32 seed; libtorch's manual_seed takes the same value.
/// </remarks>
public static class Seeds
{
    /// <summary>The seed for <paramref name="purpose"/> (e.g. "init", "epoch/3", "validation_holdout"), in [0, 2^32).</summary>
    public static long Derive(long seed, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var mixed = Finalise(Finalise(unchecked((ulong)seed)) ^ Fnv1a(purpose));
        return (long)(mixed >> 32);
    }

    /// <summary>SplitMix64's output function (Steele, Lea and Flood 2014): a bijection of 64-bit values.</summary>
    private static ulong Finalise(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = unchecked((hash ^ b) * 0x100000001B3UL);
        return hash;
    }
}

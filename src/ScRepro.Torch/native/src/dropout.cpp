// Dropout on CPU with libtorch's own mask, drawn faster.
//
// libtorch's CPU dropout (aten _dropout_impl) fills a noise tensor with bernoulli_(1 - p), divides it by 1 - p and
// multiplies. Built without MKL (Debian's 1.13), bernoulli_ draws one element at a time, on one thread, through the
// generator's random64(): in the encoder bench (4 layers, 16 x 8 heads x 512 x 512 attention weights) torch.profiler
// put 1.17 s of a 1.84 s PyTorch step in bernoulli_. This file draws the same Mersenne Twister words in bulk and
// writes the divided noise in one pass, so the mask, the result and the generator's state afterwards are the ones
// at::dropout gives, bit for bit. Whether that holds on the libtorch at hand (an MKL build draws differently) is
// checked once, on first use, against at::dropout itself; where it does not, at::dropout runs.
#include "shim.h"
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/MT19937RNGEngine.h>
#include <cstring>
#include <cmath>
#include <mutex>
#include <vector>

namespace srt {
namespace {

constexpr int kStateN = 624, kShift = 397;
constexpr uint32_t kMatrixA = 0x9908b0df, kUpper = 0x80000000, kLower = 0x7fffffff;

inline uint32_t twisted(uint32_t u, uint32_t v) { return (((u & kUpper) | (v & kLower)) >> 1) ^ ((v & 1) ? kMatrixA : 0); }

// at::mt19937_engine::next_state: the state's next 624 words.
void refill(uint32_t* s)
{
    for (int j = 0; j < kStateN - kShift; j++) s[j] = s[j + kShift] ^ twisted(s[j], s[j + 1]);
    for (int j = kStateN - kShift; j < kStateN - 1; j++) s[j] = s[j + kShift - kStateN] ^ twisted(s[j], s[j + 1]);
    s[kStateN - 1] = s[kShift - 1] ^ twisted(s[kStateN - 1], s[0]);
}

inline uint32_t tempered(uint32_t y)
{
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return y ^ (y >> 18);
}

// The engine's next `count` state words, untempered, advancing `d` as that many operator() calls would. The engine
// keeps left_ + next_ == 625 between calls (after seeding left_ = 1, next_ = 0: the first call refills).
void draw_raw(at::mt19937_data_pod& d, uint32_t* out, int64_t count)
{
    while (count > 0)
    {
        int64_t ready = d.left_ - 1;
        if (ready == 0)
        {
            refill(d.state_.data());
            d.left_ = kStateN + 1;
            d.next_ = 0;
            ready = kStateN;
        }
        const int64_t take = std::min(ready, count);
        std::memcpy(out, d.state_.data() + d.next_, static_cast<size_t>(take) * sizeof(uint32_t));
        d.next_ += static_cast<uint32_t>(take);
        d.left_ -= static_cast<int>(take);
        out += take;
        count -= take;
    }
}

// The generator at::dropout draws from (it takes none of its own); it lives as long as the process.
at::CPUGeneratorImpl* default_generator()
{
    return at::check_generator<at::CPUGeneratorImpl>(at::detail::getDefaultCPUGenerator());
}

// noise = bernoulli_(keep) / keep, element by element in memory order: random64() is two words, high first; the
// uniform is its low 53 bits times 2^-53 and the element is kept when that is below `keep`. Scaling by 2^53 is exact,
// so the test is an integer compare against ceil(keep * 2^53).
at::Tensor noise_like(const at::Tensor& input, double p)
{
    const double keep = 1 - p;
    const uint64_t threshold = static_cast<uint64_t>(std::ceil(std::ldexp(keep, 53)));
    // _dropout_impl divides the float 1 by the float of 1 - p (a wrapped double scalar does not promote).
    const float kept = 1.0f / static_cast<float>(keep);
    auto noise = at::empty(input.sizes(), input.options().memory_format(at::MemoryFormat::Contiguous));
    float* out = noise.data_ptr<float>();
    const int64_t n = noise.numel();

    auto* impl = default_generator();
    std::lock_guard<std::mutex> lock(impl->mutex_);
    at::mt19937 engine = impl->engine();
    at::mt19937_data_pod d = engine.data();
    // Only the refill is sequential; tempering, the compare and the stores run on all intra-op threads, a block at a time.
    constexpr int64_t kBlock = 1 << 18;
    std::vector<uint32_t> words(2 * static_cast<size_t>(std::min(kBlock, n)));
    for (int64_t start = 0; start < n; start += kBlock)
    {
        const int64_t m = std::min(kBlock, n - start);
        draw_raw(d, words.data(), 2 * m);
        const uint32_t* w = words.data();
        float* o = out + start;
        at::parallel_for(0, m, 1 << 14, [&](int64_t begin, int64_t end)
        {
            for (int64_t i = begin; i < end; i++)
            {
                const uint64_t bits = ((static_cast<uint64_t>(tempered(w[2 * i])) << 32) | tempered(w[2 * i + 1])) & ((uint64_t{1} << 53) - 1);
                o[i] = bits < threshold ? kept : 0.0f;
            }
        });
    }
    engine.set_data(d);
    impl->set_engine(engine);
    return noise;
}

bool same_engine(const at::mt19937_data_pod& a, const at::mt19937_data_pod& b)
{
    return a.left_ == b.left_ && a.next_ == b.next_ && a.seed_ == b.seed_ && a.seeded_ == b.seeded_ && a.state_ == b.state_;
}

} // namespace

// Once per process: this noise against at::dropout's on 3,001 elements (6,002 words, across refills), both from the
// current generator state, which is put back afterwards.
bool matches_libtorch()
{
    static const bool ok = []
    {
        try
        {
            auto* impl = default_generator();
            at::mt19937 saved;
            {
                std::lock_guard<std::mutex> lock(impl->mutex_);
                saved = impl->engine();
            }
            at::NoGradGuard no_grad;
            auto x = at::ones({3001}, at::kFloat);
            auto reference = at::dropout(x, 0.3, true);
            at::mt19937 after_reference;
            {
                std::lock_guard<std::mutex> lock(impl->mutex_);
                after_reference = impl->engine();
                impl->set_engine(saved);
            }
            auto ours = noise_like(x, 0.3);
            bool same;
            {
                std::lock_guard<std::mutex> lock(impl->mutex_);
                same = same_engine(impl->engine().data(), after_reference.data());
                impl->set_engine(saved);
            }
            return same && at::equal(reference, ours);
        }
        catch (...)
        {
            return false;
        }
    }();
    return ok;
}

at::Tensor dropout(const at::Tensor& input, double p, bool train)
{
    if (!train || p <= 0 || p >= 1 || input.numel() == 0 || input.device().type() != at::kCPU || input.scalar_type() != at::kFloat
        || !matches_libtorch())
        return at::dropout(input, p, train);
    return input.mul(noise_like(input, p));
}

} // namespace srt

SRT_EXPORT(int) SRTNN_dropout_mask_in_bulk(void) { SRT_VALUE(srt::matches_libtorch() ? 1 : 0, -1) }

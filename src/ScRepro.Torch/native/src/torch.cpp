// Error slot and process-wide state: seeds, threads, devices, grad mode.
#include "shim.h"
#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/GradMode.h>
#include <torch/csrc/api/include/torch/version.h>
#include <cstdlib>
#if defined(SRT_WITH_CUDA)
#include <c10/cuda/CUDACachingAllocator.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace srt {

// Thread-local so concurrent callers never read each other's failures.
static thread_local char* last_error = nullptr;
std::atomic<int64_t> live_tensors{0};

void set_last_error(const char* message)
{
    if (last_error) std::free(last_error);
    last_error = strdup(message ? message : "");
}

// libtorch frees and re-allocates a training step's activations every step. glibc's default gives the freed top of
// the heap back to the kernel each time and asks for it again on the next step, which cost about a third of the wall
// time of a CPU training step here (system time). Keep up to 1 GiB of freed memory and grow the heap in 1 GiB steps
// (address space, not resident memory), the effect PyTorch users get from jemalloc. Set when the shim loads; skipped
// when the user chose their own values through glibc's environment variables. The benchmarks give the PyTorch
// reference the same settings.
// Blocks above glibc's mmap threshold (32 MiB at most) bypass the heap: each is a fresh mapping, faulted in and zeroed
// page by page, and unmapped when freed. Attention's (batch x heads, S, S) scores, softmax, dropout mask and output are
// such blocks (134 MB each at 16 x 8 heads x 512 tokens), every layer, every step: PyTorch 1.13's encoder train step
// (bench --only torch, 2 threads) took 3.7-4.4 s with them and 2.2-2.5 s with M_MMAP_MAX 0 (main-thread allocations
// from the heap; other threads' arenas still map blocks their 64 MiB heaps cannot hold).
[[maybe_unused]] static const bool allocator_tuned = []
{
#if defined(__GLIBC__)
    if (!std::getenv("MALLOC_TRIM_THRESHOLD_") && !std::getenv("MALLOC_TOP_PAD_") && !std::getenv("MALLOC_MMAP_MAX_"))
    {
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        mallopt(M_TOP_PAD, 1 << 30);
        mallopt(M_MMAP_MAX, 0);
        return true;
    }
#endif
    return false;
}();

} // namespace srt

SRT_EXPORT(char*) SRTTorch_last_error(void)
{
    char* e = srt::last_error;
    srt::last_error = nullptr;
    return e;
}

SRT_EXPORT(void) SRTTorch_free_string(char* s) { std::free(s); }

SRT_EXPORT(int) SRTTorch_manual_seed(int64_t seed)
{
    SRT_STATUS(at::manual_seed(static_cast<uint64_t>(seed)))
}

SRT_EXPORT(int) SRTTorch_set_num_threads(int n) { SRT_STATUS(at::set_num_threads(n)) }
SRT_EXPORT(int) SRTTorch_get_num_threads(void) { SRT_VALUE(at::get_num_threads(), -1) }

// Through the hooks interface so the same shim works on CPU-only and CUDA libtorch builds.
SRT_EXPORT(int) SRTTorch_cuda_device_count(void)
{
    SRT_VALUE(at::detail::getCUDAHooks().hasCUDA() ? at::detail::getCUDAHooks().getNumGPUs() : 0, -1)
}

SRT_EXPORT(int) SRTTorch_cuda_manual_seed_all(int64_t seed)
{
    SRT_STATUS({
        auto& hooks = at::detail::getCUDAHooks();
        if (hooks.hasCUDA())
            for (int i = 0; i < hooks.getNumGPUs(); i++)
            {
                auto gen = hooks.getDefaultCUDAGenerator(static_cast<c10::DeviceIndex>(i));
                std::lock_guard<std::mutex> lock(gen.mutex());
                gen.set_current_seed(static_cast<uint64_t>(seed));
            }
    })
}

SRT_EXPORT(int) SRTTorch_cuda_synchronize(int device)
{
    SRT_STATUS({
        if (at::detail::getCUDAHooks().hasCUDA())
        {
            // A one-element copy to the host blocks until the device's queued work is done.
            auto t = at::zeros({1}, at::TensorOptions().device(c10::Device(c10::DeviceType::CUDA, static_cast<c10::DeviceIndex>(device))));
            (void)t.cpu();
        }
    })
}

// torch.cuda.max_memory_reserved / max_memory_allocated: the caching allocator's peaks (bytes, aggregate pool) since
// the process started. The allocator lives in libc10_cuda, which a CPU libtorch (Debian's 1.13) does not ship even
// though its headers do, so the build defines SRT_WITH_CUDA only when it links libc10_cuda (CMake: TORCH_CUDA_LIBRARIES;
// the GPU bundle's run.sh: libtorch_cuda.so present). Returns 0 with both peaks set, 1 when unavailable (a CPU build,
// or no CUDA device at run time: nothing was allocated there), -1 with the error set.
SRT_EXPORT(int) SRTTorch_cuda_max_memory(int device, int64_t* reserved, int64_t* allocated)
{
#if defined(SRT_WITH_CUDA)
    try
    {
        if (!at::detail::getCUDAHooks().hasCUDA()) return 1;
        // Index 0 of every StatArray is StatType::AGGREGATE (both pools) in 1.13 and every 2.x.
        auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(static_cast<c10::DeviceIndex>(device));
        *reserved = stats.reserved_bytes[0].peak;
        *allocated = stats.allocated_bytes[0].peak;
        return 0;
    }
    SRT_CATCH_ALL(return -1)
#else
    (void)device; (void)reserved; (void)allocated;
    return 1;
#endif
}

// Whether SRTTorch_cuda_max_memory can ever answer in this build (the reason a caller gives for "unavailable").
SRT_EXPORT(int) SRTTorch_cuda_has_allocator_stats(void)
{
#if defined(SRT_WITH_CUDA)
    return 1;
#else
    return 0;
#endif
}

SRT_EXPORT(int) SRTTorch_set_grad_enabled(int enabled)
{
    bool previous = c10::GradMode::is_enabled();
    c10::GradMode::set_enabled(enabled != 0);
    return previous ? 1 : 0;
}

SRT_EXPORT(int) SRTTorch_is_grad_enabled(void) { return c10::GradMode::is_enabled() ? 1 : 0; }

// torch.autocast's __enter__/__exit__: the state is thread-local in libtorch, like the forward pass that reads it.
// Entering records the previous state so that exiting restores it (autocast regions nest); leaving the outermost
// region drops the cache of casted weights, as Python's autocast does.
SRT_EXPORT(int) SRTTorch_autocast_enter(int device_type, int dtype, int* previous_enabled, int* previous_dtype)
{
    SRT_STATUS({
        auto type = static_cast<at::ScalarType>(dtype);
        if (static_cast<c10::DeviceType>(device_type) == c10::DeviceType::CUDA)
        {
            *previous_enabled = at::autocast::is_enabled() ? 1 : 0;
            *previous_dtype = static_cast<int>(at::autocast::get_autocast_gpu_dtype());
            at::autocast::set_enabled(true);
            at::autocast::set_autocast_gpu_dtype(type);
        }
        else
        {
            *previous_enabled = at::autocast::is_cpu_enabled() ? 1 : 0;
            *previous_dtype = static_cast<int>(at::autocast::get_autocast_cpu_dtype());
            at::autocast::set_cpu_enabled(true);
            at::autocast::set_autocast_cpu_dtype(type);
        }
        at::autocast::increment_nesting();
    })
}

SRT_EXPORT(int) SRTTorch_autocast_exit(int device_type, int previous_enabled, int previous_dtype)
{
    SRT_STATUS({
        if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
        auto type = static_cast<at::ScalarType>(previous_dtype);
        if (static_cast<c10::DeviceType>(device_type) == c10::DeviceType::CUDA)
        {
            at::autocast::set_enabled(previous_enabled != 0);
            at::autocast::set_autocast_gpu_dtype(type);
        }
        else
        {
            at::autocast::set_cpu_enabled(previous_enabled != 0);
            at::autocast::set_autocast_cpu_dtype(type);
        }
    })
}

SRT_EXPORT(int) SRTTorch_autocast_is_enabled(int device_type)
{
    SRT_VALUE(static_cast<c10::DeviceType>(device_type) == c10::DeviceType::CUDA ? at::autocast::is_enabled() ? 1 : 0
                                                                                 : at::autocast::is_cpu_enabled() ? 1 : 0, -1)
}

SRT_EXPORT(int64_t) SRTTorch_live_tensors(void) { return srt::live_tensors.load(); }

// The headers' version: the shim is rebuilt per libtorch, so this is the library actually loaded.
SRT_EXPORT(const char*) SRTTorch_version(void) { return TORCH_VERSION; }

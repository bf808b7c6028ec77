// Shared by the shim's translation units: the error slot, the catch-all macros and handle helpers.
#pragma once
#include <ATen/ATen.h>
#include <atomic>
#include <cstring>
#include "screpro_torch.h"

namespace srt {

void set_last_error(const char* message);
extern std::atomic<int64_t> live_tensors;

// Every result handle goes through here so the live-handle counter stays honest.
inline srt_tensor wrap(at::Tensor&& t)
{
    if (!t.defined()) return nullptr;
    live_tensors.fetch_add(1, std::memory_order_relaxed);
    return new at::Tensor(std::move(t));
}

inline c10::optional<at::Tensor> opt(srt_tensor t)
{
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

inline at::TensorOptions options(int dtype, int device_type, int device_index, bool requires_grad = false)
{
    auto o = at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype))
                 .device(c10::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
    return requires_grad ? o.requires_grad(true) : o;
}

inline at::IntArrayRef dims(const int64_t* p, int n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }

// at::dropout's result, with its CPU mask drawn in bulk where that is verified to match (dropout.cpp).
at::Tensor dropout(const at::Tensor& input, double p, bool train);
// Whether this libtorch's CPU dropout mask is reproduced by the bulk draw (checked once per process).
bool matches_libtorch();

} // namespace srt

// c10::Error first so the user sees libtorch's message without the C++ backtrace; then anything else.
#define SRT_CATCH_ALL(fail)                                                      \
    catch (const c10::Error& e) { srt::set_last_error(e.what_without_backtrace()); fail; } \
    catch (const std::exception& e) { srt::set_last_error(e.what()); fail; }     \
    catch (...) { srt::set_last_error("unknown C++ exception in libtorch"); fail; }

// Body yields an at::Tensor; the export returns a new handle or NULL with the error set.
#define SRT_TENSOR(expr) try { return srt::wrap(expr); } SRT_CATCH_ALL(return nullptr)
// Body is statements; the export returns 0 or -1 with the error set.
#define SRT_STATUS(stmts) try { stmts; return 0; } SRT_CATCH_ALL(return -1)
// Body yields a value; on failure returns `dflt` with the error set.
#define SRT_VALUE(expr, dflt) try { return (expr); } SRT_CATCH_ALL(return dflt)

// Tensor factories, properties, autograd, elementwise ops and reductions.
// Op families are dispatched by a small integer code (the C# side keeps the same tables in Interop/OpCodes.cs)
// so the ABI grows by table rows, not by exports.
#include "shim.h"
#include <type_traits>
#include <c10/core/GradMode.h>

using srt::dims;
using srt::options;
using srt::wrap;

namespace {

// dtype -1 means "same as the source"
c10::optional<at::ScalarType> opt_dtype(int dtype)
{
    return dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype));
}

// Python scalars: integral values stay integral so int tensors are not promoted to float by `x + 1`.
at::Scalar scalar(double v)
{
    if (v == static_cast<double>(static_cast<int64_t>(v)) && std::abs(v) < 9.007199254740992e15)
        return at::Scalar(static_cast<int64_t>(v));
    return at::Scalar(v);
}

at::Tensor unary(const at::Tensor& t, int op)
{
    switch (op)
    {
    case 0: return t.neg();
    case 1: return t.exp();
    case 2: return t.log();
    case 3: return t.sqrt();
    case 4: return t.rsqrt();
    case 5: return t.abs();
    case 6: return t.relu();
    case 7: return t.sigmoid();
    case 8: return t.tanh();
    case 9: return t.sin();
    case 10: return t.cos();
    case 11: return t.contiguous();
    case 12: return t.detach();
    case 13: return t.clone();
    case 14: return t.logical_not();
    case 15: return t.isnan();
    case 16: return t.sign();
    case 17: return t.floor();
    case 18: return t.ceil();
    case 19: return t.round();
    case 20: return t.erf();
    case 21: return t.log1p();
    case 22: return t.expm1();
    case 23: return t.reciprocal();
    case 24: return t.square();
    case 25: return at::silu(t);
    case 26: return t.t();
    case 27: return t.isinf();
    case 28: return t.trunc();
    case 29: return t.log2();
    case 30: return t.isfinite();
    case 31: return t.cpu();
    default: throw std::invalid_argument("unknown unary op code " + std::to_string(op));
    }
}

void unary_(at::Tensor& t, int op)
{
    switch (op)
    {
    case 0: t.neg_(); return;
    case 1: t.exp_(); return;
    case 2: t.log_(); return;
    case 3: t.sqrt_(); return;
    case 4: t.rsqrt_(); return;
    case 5: t.abs_(); return;
    case 6: t.relu_(); return;
    case 7: t.sigmoid_(); return;
    case 8: t.tanh_(); return;
    case 12: t.detach_(); return;
    case 24: t.square_(); return;
    case 32: t.zero_(); return;
    default: throw std::invalid_argument("unknown in-place unary op code " + std::to_string(op));
    }
}

// One op-code table for a tensor or a scalar right-hand side (B is at::Tensor or at::Scalar); the matrix products
// and logical ops exist only for tensors.
template <typename B>
at::Tensor binary(const at::Tensor& a, const B& b, int op, double alpha)
{
    constexpr bool tensor = std::is_same_v<B, at::Tensor>;
    switch (op)
    {
    case 0: return at::add(a, b, scalar(alpha));
    case 1: return at::sub(a, b, scalar(alpha));
    case 2: return at::mul(a, b);
    case 3: return at::div(a, b);
    case 4: return at::pow(a, b);
    case 10: return at::eq(a, b);
    case 11: return at::ne(a, b);
    case 12: return at::lt(a, b);
    case 13: return at::le(a, b);
    case 14: return at::gt(a, b);
    case 15: return at::ge(a, b);
    case 18: return at::remainder(a, b);
    case 19: return at::fmod(a, b);
    }
    if constexpr (tensor)
    {
        switch (op)
        {
        case 5: return at::matmul(a, b);
        case 6: return at::bmm(a, b);
        case 7: return at::mm(a, b);
        case 8: return at::maximum(a, b);
        case 9: return at::minimum(a, b);
        case 16: return at::logical_and(a, b);
        case 17: return at::logical_or(a, b);
        case 20: return at::logical_xor(a, b);
        case 21: return at::div(a, b, "floor");
        }
    }
    throw std::invalid_argument(std::string(tensor ? "unknown binary op code " : "unknown scalar op code ") + std::to_string(op));
}

template <typename B>
void binary_(at::Tensor& a, const B& b, int op, double alpha)
{
    switch (op)
    {
    case 0: a.add_(b, scalar(alpha)); return;
    case 1: a.sub_(b, scalar(alpha)); return;
    case 2: a.mul_(b); return;
    case 3: a.div_(b); return;
    case 4: a.pow_(b); return;
    default: throw std::invalid_argument("unknown in-place op code " + std::to_string(op));
    }
}

std::vector<at::indexing::TensorIndex> indices(const int* kinds, const int64_t* a, const int64_t* b, const int64_t* c,
                                               const int* flags, const srt_tensor* tensors, int n)
{
    using namespace at::indexing;
    std::vector<TensorIndex> out;
    out.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; i++)
    {
        switch (kinds[i])
        {
        case 0: out.emplace_back(a[i]); break;
        case 1:
        {
            // optional<int64_t> converts to the optional<SymInt> that libtorch 2.x's Slice takes.
            c10::optional<int64_t> start = (flags[i] & 1) ? c10::optional<int64_t>(a[i]) : c10::nullopt;
            c10::optional<int64_t> stop = (flags[i] & 2) ? c10::optional<int64_t>(b[i]) : c10::nullopt;
            out.emplace_back(Slice(start, stop, c10::optional<int64_t>(c[i])));
            break;
        }
        case 2: out.emplace_back(None); break;
        case 3: out.emplace_back(Ellipsis); break;
        case 4: out.emplace_back(a[i] != 0); break;
        case 5: out.emplace_back(*tensors[i]); break;
        default: throw std::invalid_argument("unknown index kind " + std::to_string(kinds[i]));
        }
    }
    return out;
}

} // namespace

// ---- factories ----
SRT_EXPORT(srt_tensor) SRTTensor_empty(const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::empty(dims(shape, ndim), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_zeros(const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::zeros(dims(shape, ndim), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_ones(const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::ones(dims(shape, ndim), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_full(const int64_t* shape, int ndim, double value, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::full(dims(shape, ndim), scalar(value), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_randn(const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::randn(dims(shape, ndim), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_rand(const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::rand(dims(shape, ndim), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int dtype, int dt, int di)
{ SRT_TENSOR(at::randint(low, high, dims(shape, ndim), options(dtype, dt, di))) }
SRT_EXPORT(srt_tensor) SRTTensor_randperm(int64_t n, int dtype, int dt, int di)
{ SRT_TENSOR(at::randperm(n, options(dtype, dt, di))) }
SRT_EXPORT(srt_tensor) SRTTensor_arange(double start, double end, double step, int dtype, int dt, int di, int rg)
{ SRT_TENSOR(at::arange(scalar(start), scalar(end), scalar(step), options(dtype, dt, di, rg))) }
SRT_EXPORT(srt_tensor) SRTTensor_linspace(double start, double end, int64_t steps, int dtype, int dt, int di)
{ SRT_TENSOR(at::linspace(start, end, steps, options(dtype, dt, di))) }
SRT_EXPORT(srt_tensor) SRTTensor_eye(int64_t n, int64_t m, int dtype, int dt, int di)
{ SRT_TENSOR(at::eye(n, m, options(dtype, dt, di))) }

SRT_EXPORT(srt_tensor) SRTTensor_from_data(const void* data, const int64_t* shape, int ndim, int dtype, int dt, int di, int rg)
{
    SRT_TENSOR(({
        // from_blob borrows the managed buffer, so clone before the call returns; then move to the device.
        auto cpu = at::from_blob(const_cast<void*>(data), dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype))).clone();
        auto device = c10::Device(static_cast<c10::DeviceType>(dt), static_cast<c10::DeviceIndex>(di));
        auto t = device.is_cpu() ? cpu : cpu.to(device);
        if (rg) t.requires_grad_(true);
        t;
    }))
}

SRT_EXPORT(srt_tensor) SRTTensor_zeros_like(srt_tensor t, int dtype)
{ SRT_TENSOR(at::zeros_like(*t, dtype < 0 ? t->options() : t->options().dtype(static_cast<at::ScalarType>(dtype)))) }
SRT_EXPORT(srt_tensor) SRTTensor_ones_like(srt_tensor t, int dtype)
{ SRT_TENSOR(at::ones_like(*t, dtype < 0 ? t->options() : t->options().dtype(static_cast<at::ScalarType>(dtype)))) }
SRT_EXPORT(srt_tensor) SRTTensor_empty_like(srt_tensor t, int dtype)
{ SRT_TENSOR(at::empty_like(*t, dtype < 0 ? t->options() : t->options().dtype(static_cast<at::ScalarType>(dtype)))) }
SRT_EXPORT(srt_tensor) SRTTensor_full_like(srt_tensor t, double value, int dtype)
{ SRT_TENSOR(at::full_like(*t, scalar(value), dtype < 0 ? t->options() : t->options().dtype(static_cast<at::ScalarType>(dtype)))) }
SRT_EXPORT(srt_tensor) SRTTensor_randn_like(srt_tensor t) { SRT_TENSOR(at::randn_like(*t)) }
SRT_EXPORT(srt_tensor) SRTTensor_rand_like(srt_tensor t) { SRT_TENSOR(at::rand_like(*t)) }

// ---- lifetime and properties ----
SRT_EXPORT(void) SRTTensor_dispose(srt_tensor t)
{
    if (!t) return;
    srt::live_tensors.fetch_sub(1, std::memory_order_relaxed);
    delete t;
}

SRT_EXPORT(srt_tensor) SRTTensor_alias(srt_tensor t) { SRT_TENSOR(at::Tensor(*t)) }
SRT_EXPORT(int) SRTTensor_ndim(srt_tensor t) { SRT_VALUE(static_cast<int>(t->dim()), -1) }
SRT_EXPORT(int) SRTTensor_sizes(srt_tensor t, int64_t* out, int capacity)
{
    SRT_VALUE(({
        auto s = t->sizes();
        for (size_t i = 0; i < s.size() && static_cast<int>(i) < capacity; i++) out[i] = s[i];
        static_cast<int>(s.size());
    }), -1)
}
SRT_EXPORT(int) SRTTensor_strides(srt_tensor t, int64_t* out, int capacity)
{
    SRT_VALUE(({
        auto s = t->strides();
        for (size_t i = 0; i < s.size() && static_cast<int>(i) < capacity; i++) out[i] = s[i];
        static_cast<int>(s.size());
    }), -1)
}
SRT_EXPORT(int64_t) SRTTensor_numel(srt_tensor t) { SRT_VALUE(t->numel(), -1) }
SRT_EXPORT(int) SRTTensor_dtype(srt_tensor t) { SRT_VALUE(static_cast<int>(t->scalar_type()), -1) }
SRT_EXPORT(int) SRTTensor_device_type(srt_tensor t) { SRT_VALUE(static_cast<int>(t->device().type()), -1) }
SRT_EXPORT(int) SRTTensor_device_index(srt_tensor t) { SRT_VALUE(static_cast<int>(t->device().index()), -2) }
SRT_EXPORT(int) SRTTensor_is_contiguous(srt_tensor t) { SRT_VALUE(t->is_contiguous() ? 1 : 0, -1) }
SRT_EXPORT(int) SRTTensor_defined(srt_tensor t) { return t && t->defined() ? 1 : 0; }
SRT_EXPORT(int64_t) SRTTensor_storage_offset(srt_tensor t) { SRT_VALUE(t->storage_offset(), -1) }
SRT_EXPORT(int) SRTTensor_item(srt_tensor t, double* out) { SRT_STATUS(*out = t->item<double>()) }
SRT_EXPORT(int) SRTTensor_item_int64(srt_tensor t, int64_t* out) { SRT_STATUS(*out = t->item<int64_t>()) }

SRT_EXPORT(int) SRTTensor_copy_to_host(srt_tensor t, void* dst, int64_t nbytes)
{
    SRT_STATUS({
        auto c = t->detach().to(at::kCPU).contiguous();
        int64_t need = c.numel() * static_cast<int64_t>(c.element_size());
        if (need != nbytes)
            throw std::invalid_argument("copy_to_host: destination holds " + std::to_string(nbytes) + " bytes, tensor needs " + std::to_string(need));
        if (need > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(need));
    })
}

SRT_EXPORT(srt_tensor) SRTTensor_to(srt_tensor t, int dtype, int dt, int di, int copy)
{
    SRT_TENSOR(({
        auto o = t->options();
        if (dtype >= 0) o = o.dtype(static_cast<at::ScalarType>(dtype));
        if (dt >= 0) o = o.device(c10::Device(static_cast<c10::DeviceType>(dt), static_cast<c10::DeviceIndex>(di)));
        t->to(o, false, copy != 0);
    }))
}

SRT_EXPORT(char*) SRTTensor_to_string(srt_tensor t)
{
    try
    {
        std::ostringstream s;
        s << *t;
        return strdup(s.str().c_str());
    }
    SRT_CATCH_ALL(return nullptr)
}

// ---- autograd ----
SRT_EXPORT(int) SRTTensor_requires_grad(srt_tensor t) { SRT_VALUE(t->requires_grad() ? 1 : 0, -1) }
SRT_EXPORT(int) SRTTensor_set_requires_grad_(srt_tensor t, int rg) { SRT_STATUS(t->requires_grad_(rg != 0)) }
SRT_EXPORT(int) SRTTensor_is_leaf(srt_tensor t) { SRT_VALUE(t->is_leaf() ? 1 : 0, -1) }
SRT_EXPORT(srt_tensor) SRTTensor_grad(srt_tensor t) { SRT_TENSOR(at::Tensor(t->grad())) }
SRT_EXPORT(int) SRTTensor_set_grad(srt_tensor t, srt_tensor grad)
{
    SRT_STATUS(t->mutable_grad() = grad ? *grad : at::Tensor())
}
SRT_EXPORT(int) SRTTensor_backward(srt_tensor t, srt_tensor gradient, int retain_graph, int create_graph)
{
    SRT_STATUS(t->backward(gradient ? *gradient : at::Tensor(), retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0), create_graph != 0))
}
SRT_EXPORT(int) SRTTensor_set_data(srt_tensor t, srt_tensor data) { SRT_STATUS(t->set_data(*data)) }
SRT_EXPORT(int) SRTTensor_retain_grad(srt_tensor t) { SRT_STATUS(t->retain_grad()) }

// ---- elementwise ----
SRT_EXPORT(srt_tensor) SRTTensor_unary(srt_tensor t, int op) { SRT_TENSOR(unary(*t, op)) }
SRT_EXPORT(int) SRTTensor_unary_(srt_tensor t, int op) { SRT_STATUS(unary_(*t, op)) }
SRT_EXPORT(srt_tensor) SRTTensor_binary(srt_tensor a, srt_tensor b, int op, double alpha) { SRT_TENSOR(binary(*a, *b, op, alpha)) }
SRT_EXPORT(int) SRTTensor_binary_(srt_tensor a, srt_tensor b, int op, double alpha) { SRT_STATUS(binary_(*a, *b, op, alpha)) }
SRT_EXPORT(srt_tensor) SRTTensor_binary_scalar(srt_tensor a, double b, int op, double alpha) { SRT_TENSOR(binary(*a, scalar(b), op, alpha)) }
SRT_EXPORT(int) SRTTensor_binary_scalar_(srt_tensor a, double b, int op, double alpha) { SRT_STATUS(binary_(*a, scalar(b), op, alpha)) }
SRT_EXPORT(srt_tensor) SRTTensor_rsub_scalar(srt_tensor a, double b) { SRT_TENSOR(at::rsub(*a, scalar(b))) }
SRT_EXPORT(srt_tensor) SRTTensor_rdiv_scalar(srt_tensor a, double b) { SRT_TENSOR(at::mul(a->reciprocal(), scalar(b))) }
SRT_EXPORT(srt_tensor) SRTTensor_addcmul(srt_tensor t, srt_tensor a, srt_tensor b, double v) { SRT_TENSOR(at::addcmul(*t, *a, *b, v)) }
SRT_EXPORT(int) SRTTensor_addcmul_(srt_tensor t, srt_tensor a, srt_tensor b, double v) { SRT_STATUS(t->addcmul_(*a, *b, v)) }
SRT_EXPORT(srt_tensor) SRTTensor_addcdiv(srt_tensor t, srt_tensor a, srt_tensor b, double v) { SRT_TENSOR(at::addcdiv(*t, *a, *b, v)) }
SRT_EXPORT(int) SRTTensor_addcdiv_(srt_tensor t, srt_tensor a, srt_tensor b, double v) { SRT_STATUS(t->addcdiv_(*a, *b, v)) }
SRT_EXPORT(srt_tensor) SRTTensor_clamp(srt_tensor t, double mn, int has_min, double mx, int has_max)
{
    SRT_TENSOR(at::clamp(*t, has_min ? c10::optional<at::Scalar>(mn) : c10::nullopt, has_max ? c10::optional<at::Scalar>(mx) : c10::nullopt))
}
SRT_EXPORT(int) SRTTensor_clamp_(srt_tensor t, double mn, int has_min, double mx, int has_max)
{
    SRT_STATUS(t->clamp_(has_min ? c10::optional<at::Scalar>(mn) : c10::nullopt, has_max ? c10::optional<at::Scalar>(mx) : c10::nullopt))
}
SRT_EXPORT(srt_tensor) SRTTensor_where(srt_tensor cond, srt_tensor a, srt_tensor b) { SRT_TENSOR(at::where(*cond, *a, *b)) }
SRT_EXPORT(srt_tensor) SRTTensor_masked_fill(srt_tensor t, srt_tensor mask, double v) { SRT_TENSOR(t->masked_fill(*mask, scalar(v))) }
SRT_EXPORT(int) SRTTensor_masked_fill_(srt_tensor t, srt_tensor mask, double v) { SRT_STATUS(t->masked_fill_(*mask, scalar(v))) }
SRT_EXPORT(int) SRTTensor_fill_(srt_tensor t, double v) { SRT_STATUS(t->fill_(scalar(v))) }
SRT_EXPORT(int) SRTTensor_copy_(srt_tensor t, srt_tensor src) { SRT_STATUS(t->copy_(*src)) }
SRT_EXPORT(int) SRTTensor_uniform_(srt_tensor t, double from, double to) { SRT_STATUS(t->uniform_(from, to)) }
SRT_EXPORT(int) SRTTensor_normal_(srt_tensor t, double mean, double std) { SRT_STATUS(t->normal_(mean, std)) }
SRT_EXPORT(int) SRTTensor_bernoulli_(srt_tensor t, double p) { SRT_STATUS(t->bernoulli_(p)) }
SRT_EXPORT(srt_tensor) SRTTensor_gelu(srt_tensor t, int tanh_approx) { SRT_TENSOR(at::gelu(*t, tanh_approx ? "tanh" : "none")) }
SRT_EXPORT(srt_tensor) SRTTensor_leaky_relu(srt_tensor t, double slope) { SRT_TENSOR(at::leaky_relu(*t, slope)) }
SRT_EXPORT(srt_tensor) SRTTensor_pow_tensor(srt_tensor a, srt_tensor b) { SRT_TENSOR(at::pow(*a, *b)) }
SRT_EXPORT(srt_tensor) SRTTensor_baddbmm(srt_tensor t, srt_tensor a, srt_tensor b, double beta, double alpha) { SRT_TENSOR(at::baddbmm(*t, *a, *b, beta, alpha)) }
SRT_EXPORT(srt_tensor) SRTTensor_addmm(srt_tensor t, srt_tensor a, srt_tensor b, double beta, double alpha) { SRT_TENSOR(at::addmm(*t, *a, *b, beta, alpha)) }

// ---- reductions ----
SRT_EXPORT(srt_tensor) SRTTensor_reduce(srt_tensor t, int op, const int64_t* d, int nd, int keepdim, int dtype)
{
    SRT_TENSOR(({
        bool all = nd == 0;
        auto dt = opt_dtype(dtype);
        at::Tensor r;
        switch (op)
        {
        case 0: r = all && !keepdim ? t->sum(dt) : t->sum(all ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims(d, nd)), keepdim, dt); break;
        case 1: r = all && !keepdim ? t->mean(dt) : t->mean(all ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims(d, nd)), keepdim, dt); break;
        case 2: r = all ? t->prod(dt) : t->prod(d[0], keepdim, dt); break;
        case 3: r = t->amax(all ? at::IntArrayRef() : dims(d, nd), keepdim); break;
        case 4: r = t->amin(all ? at::IntArrayRef() : dims(d, nd), keepdim); break;
        case 5: r = all ? t->all() : t->all(d[0], keepdim); break;
        case 6: r = all ? t->any() : t->any(d[0], keepdim); break;
        case 7: r = all ? t->max() : t->amax(dims(d, nd), keepdim); break;
        case 8: r = all ? t->min() : t->amin(dims(d, nd), keepdim); break;
        case 9: r = at::norm(*t, 2, all ? at::IntArrayRef() : dims(d, nd), keepdim); break;
        case 10: r = all ? at::count_nonzero(*t) : at::count_nonzero(*t, dims(d, nd)); break;
        default: throw std::invalid_argument("unknown reduction op code " + std::to_string(op));
        }
        r;
    }))
}

SRT_EXPORT(srt_tensor) SRTTensor_var_std(srt_tensor t, int is_std, const int64_t* d, int nd, int64_t correction, int keepdim)
{
    SRT_TENSOR(({
        at::OptionalIntArrayRef ds = nd == 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(dims(d, nd));
        is_std ? at::std(*t, ds, c10::optional<int64_t>(correction), keepdim) : at::var(*t, ds, c10::optional<int64_t>(correction), keepdim);
    }))
}

SRT_EXPORT(int) SRTTensor_max_dim(srt_tensor t, int64_t dim, int keepdim, int is_min, srt_tensor* values, srt_tensor* idx)
{
    SRT_STATUS({
        auto r = is_min ? at::min(*t, dim, keepdim) : at::max(*t, dim, keepdim);
        *values = wrap(std::move(std::get<0>(r)));
        *idx = wrap(std::move(std::get<1>(r)));
    })
}

SRT_EXPORT(srt_tensor) SRTTensor_argmax(srt_tensor t, int64_t dim, int has_dim, int keepdim, int is_min)
{
    auto d = has_dim ? c10::optional<int64_t>(dim) : c10::nullopt;
    SRT_TENSOR(is_min ? at::argmin(*t, d, keepdim) : at::argmax(*t, d, keepdim))
}

SRT_EXPORT(srt_tensor) SRTTensor_softmax(srt_tensor t, int64_t dim, int log, int dtype)
{
    SRT_TENSOR(log ? at::log_softmax(*t, dim, opt_dtype(dtype)) : at::softmax(*t, dim, opt_dtype(dtype)))
}
SRT_EXPORT(srt_tensor) SRTTensor_logsumexp(srt_tensor t, int64_t dim, int keepdim) { SRT_TENSOR(at::logsumexp(*t, {dim}, keepdim)) }
SRT_EXPORT(srt_tensor) SRTTensor_cumsum(srt_tensor t, int64_t dim, int dtype) { SRT_TENSOR(at::cumsum(*t, dim, opt_dtype(dtype))) }

SRT_EXPORT(int) SRTTensor_topk(srt_tensor t, int64_t k, int64_t dim, int largest, int sorted, srt_tensor* values, srt_tensor* idx)
{
    SRT_STATUS({
        auto r = at::topk(*t, k, dim, largest != 0, sorted != 0);
        *values = wrap(std::move(std::get<0>(r)));
        *idx = wrap(std::move(std::get<1>(r)));
    })
}

SRT_EXPORT(int) SRTTensor_sort(srt_tensor t, int64_t dim, int descending, int stable, srt_tensor* values, srt_tensor* idx)
{
    SRT_STATUS({
        auto r = at::sort(*t, c10::optional<bool>(stable != 0), dim, descending != 0);
        *values = wrap(std::move(std::get<0>(r)));
        *idx = wrap(std::move(std::get<1>(r)));
    })
}

// Outside the macro: a braced initializer's commas would split SRT_STATUS's argument.
static const char* const qr_modes[] = {"reduced", "complete", "r"};

SRT_EXPORT(int) SRTTensor_linalg_qr(srt_tensor t, int mode, srt_tensor* q, srt_tensor* r)
{
    SRT_STATUS({
        if (mode < 0 || mode > 2) throw std::invalid_argument("linalg_qr: mode must be 0 (reduced), 1 (complete) or 2 (r)");
        auto qr = at::linalg_qr(*t, qr_modes[mode]);
        *q = wrap(std::move(std::get<0>(qr)));
        *r = wrap(std::move(std::get<1>(qr)));
    })
}

SRT_EXPORT(int) SRTTensor_allclose(srt_tensor a, srt_tensor b, double rtol, double atol, int equal_nan)
{ SRT_VALUE(at::allclose(*a, *b, rtol, atol, equal_nan != 0) ? 1 : 0, -1) }
SRT_EXPORT(int) SRTTensor_equal(srt_tensor a, srt_tensor b) { SRT_VALUE(at::equal(*a, *b) ? 1 : 0, -1) }

// ---- shapes, views, indexing ----
SRT_EXPORT(srt_tensor) SRTTensor_view(srt_tensor t, const int64_t* s, int n) { SRT_TENSOR(t->view(dims(s, n))) }
SRT_EXPORT(srt_tensor) SRTTensor_reshape(srt_tensor t, const int64_t* s, int n) { SRT_TENSOR(t->reshape(dims(s, n))) }
SRT_EXPORT(srt_tensor) SRTTensor_expand(srt_tensor t, const int64_t* s, int n) { SRT_TENSOR(t->expand(dims(s, n))) }
SRT_EXPORT(srt_tensor) SRTTensor_repeat(srt_tensor t, const int64_t* s, int n) { SRT_TENSOR(t->repeat(dims(s, n))) }
SRT_EXPORT(srt_tensor) SRTTensor_permute(srt_tensor t, const int64_t* s, int n) { SRT_TENSOR(t->permute(dims(s, n))) }
SRT_EXPORT(srt_tensor) SRTTensor_transpose(srt_tensor t, int64_t d0, int64_t d1) { SRT_TENSOR(t->transpose(d0, d1)) }
SRT_EXPORT(srt_tensor) SRTTensor_unsqueeze(srt_tensor t, int64_t dim) { SRT_TENSOR(t->unsqueeze(dim)) }
SRT_EXPORT(srt_tensor) SRTTensor_squeeze(srt_tensor t, int64_t dim, int has_dim) { SRT_TENSOR(has_dim ? t->squeeze(dim) : t->squeeze()) }
SRT_EXPORT(srt_tensor) SRTTensor_flatten(srt_tensor t, int64_t start, int64_t end) { SRT_TENSOR(t->flatten(start, end)) }
SRT_EXPORT(srt_tensor) SRTTensor_slice(srt_tensor t, int64_t dim, int64_t start, int64_t end, int64_t step) { SRT_TENSOR(t->slice(dim, start, end, step)) }
SRT_EXPORT(srt_tensor) SRTTensor_select(srt_tensor t, int64_t dim, int64_t index) { SRT_TENSOR(t->select(dim, index)) }
SRT_EXPORT(srt_tensor) SRTTensor_narrow(srt_tensor t, int64_t dim, int64_t start, int64_t length) { SRT_TENSOR(t->narrow(dim, start, length)) }
SRT_EXPORT(srt_tensor) SRTTensor_index_select(srt_tensor t, int64_t dim, srt_tensor index) { SRT_TENSOR(t->index_select(dim, *index)) }
SRT_EXPORT(srt_tensor) SRTTensor_gather(srt_tensor t, int64_t dim, srt_tensor index) { SRT_TENSOR(t->gather(dim, *index)) }
SRT_EXPORT(srt_tensor) SRTTensor_scatter(srt_tensor t, int64_t dim, srt_tensor index, srt_tensor src) { SRT_TENSOR(t->scatter(dim, *index, *src)) }
SRT_EXPORT(srt_tensor) SRTTensor_masked_select(srt_tensor t, srt_tensor mask) { SRT_TENSOR(t->masked_select(*mask)) }
SRT_EXPORT(srt_tensor) SRTTensor_tril(srt_tensor t, int64_t diagonal, int upper) { SRT_TENSOR(upper ? t->triu(diagonal) : t->tril(diagonal)) }

SRT_EXPORT(srt_tensor) SRTTensor_cat(const srt_tensor* ts, int n, int64_t dim, int stack)
{
    SRT_TENSOR(({
        std::vector<at::Tensor> v;
        v.reserve(static_cast<size_t>(n));
        for (int i = 0; i < n; i++) v.push_back(*ts[i]);
        stack ? at::stack(v, dim) : at::cat(v, dim);
    }))
}

SRT_EXPORT(int) SRTTensor_split(srt_tensor t, const int64_t* sizes, int nsizes, int64_t dim, int chunks, srt_tensor* out, int capacity)
{
    SRT_VALUE(({
        std::vector<at::Tensor> parts = chunks > 0 ? t->chunk(chunks, dim)
                                      : nsizes == 1 ? t->split(sizes[0], dim) : t->split_with_sizes(dims(sizes, nsizes), dim);
        if (static_cast<int>(parts.size()) > capacity)
            throw std::invalid_argument("split: " + std::to_string(parts.size()) + " pieces exceed capacity " + std::to_string(capacity));
        for (size_t i = 0; i < parts.size(); i++) out[i] = wrap(std::move(parts[i]));
        static_cast<int>(parts.size());
    }), -1)
}

SRT_EXPORT(srt_tensor) SRTTensor_index(srt_tensor t, const int* kinds, const int64_t* a, const int64_t* b, const int64_t* c,
                                       const int* flags, const srt_tensor* tensors, int n)
{
    SRT_TENSOR(t->index(indices(kinds, a, b, c, flags, tensors, n)))
}

SRT_EXPORT(int) SRTTensor_index_put_(srt_tensor t, const int* kinds, const int64_t* a, const int64_t* b, const int64_t* c,
                                     const int* flags, const srt_tensor* tensors, int n, srt_tensor value, double sv, int use_scalar)
{
    SRT_STATUS({
        auto idx = indices(kinds, a, b, c, flags, tensors, n);
        if (use_scalar) t->index_put_(idx, scalar(sv));
        else t->index_put_(idx, *value);
    })
}

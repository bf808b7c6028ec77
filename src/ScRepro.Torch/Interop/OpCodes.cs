namespace ScRepro.Torch.Interop;

// Codes of the op families dispatched in native/src/tensor.cpp; keep the two tables in step.

internal enum Unary
{
    Neg = 0, Exp = 1, Log = 2, Sqrt = 3, Rsqrt = 4, Abs = 5, Relu = 6, Sigmoid = 7, Tanh = 8, Sin = 9, Cos = 10,
    Contiguous = 11, Detach = 12, Clone = 13, LogicalNot = 14, IsNan = 15, Sign = 16, Floor = 17, Ceil = 18,
    Round = 19, Erf = 20, Log1p = 21, Expm1 = 22, Reciprocal = 23, Square = 24, Silu = 25, T = 26, IsInf = 27,
    Trunc = 28, Log2 = 29, IsFinite = 30, Cpu = 31, Zero = 32,
}

internal enum Binary
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Matmul = 5, Bmm = 6, Mm = 7, Maximum = 8, Minimum = 9,
    Eq = 10, Ne = 11, Lt = 12, Le = 13, Gt = 14, Ge = 15, LogicalAnd = 16, LogicalOr = 17, Remainder = 18,
    Fmod = 19, LogicalXor = 20, FloorDivide = 21,
}

internal enum Reduce
{
    Sum = 0, Mean = 1, Prod = 2, Amax = 3, Amin = 4, All = 5, Any = 6, Max = 7, Min = 8, Norm = 9, CountNonzero = 10,
}

"""Store a QDQ model's signed int8 weights as unsigned: w + 128 with zero point z + 128.

Why: onnxruntime runs a uint8-activation x int8-weight MatMul (U8S8) with an instruction that
adds pairs of products into 16 bits and saturates, on x86 CPUs without VNNI (AVX2, or AVX-512
without its VNNI extension: AMD Zen 2/3, Intel before Cascade Lake / Ice Lake). There the bundled model's
scores drifted (0.60 entailment became 0.26 on a plain pair; 4 of 150 suite pairs changed their
top label). With uint8 weights it takes the U8U8 kernel, which does not saturate. Every
dequantized weight, (w - z) * scale, is unchanged, so on CPUs that never saturated the scores
are the same: the editorial suite and held-out figures came out identical on an AVX2 machine.

Usage: python training/uint8_weights.py IN.onnx OUT.onnx   (export.py calls it on its output)
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def int8_weights_to_uint8(src: str, dst: str) -> int:
    model = onnx.load(src)
    initializers = {i.name: i for i in model.graph.initializer}
    converted, shifted_zeros = 0, set()
    for node in model.graph.node:
        if node.op_type != "DequantizeLinear" or node.input[0] not in initializers:
            continue
        weight = initializers[node.input[0]]
        if weight.data_type != onnx.TensorProto.INT8:
            continue
        if len(node.input) < 3 or node.input[2] not in initializers:
            raise ValueError(f"{node.name}: int8 weight without a stored zero point; cannot shift it")
        zero_point = initializers[node.input[2]]
        if zero_point.name in shifted_zeros:
            raise ValueError(f"{node.name}: zero point {zero_point.name} is shared; shifting it twice would be wrong")
        shifted_zeros.add(zero_point.name)
        shifted = numpy_helper.to_array(weight).astype(np.int16) + 128
        weight.CopyFrom(numpy_helper.from_array(shifted.astype(np.uint8), weight.name))
        shifted_zero = numpy_helper.to_array(zero_point).astype(np.int16) + 128
        zero_point.CopyFrom(numpy_helper.from_array(shifted_zero.astype(np.uint8), zero_point.name))
        converted += 1
    onnx.save(model, dst)
    return converted


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"{int8_weights_to_uint8(sys.argv[1], sys.argv[2])} int8 weights stored as uint8 in {sys.argv[2]}")

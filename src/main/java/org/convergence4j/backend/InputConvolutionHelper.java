package org.convergence4j.backend;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The helper of a convolution that reads the network's input: forward as {@code forward} computes it, backward
 * only the parameter gradients. The gradient with respect to the input images, which training never uses, is not
 * computed and comes back as zeros; PyTorch skips it too, because its input images do not require a gradient. In
 * the TestNetwork's first convolution (one input channel) that gradient was most of the backward pass:
 * ≈ 11 of ≈ 12 ms per batch of 128 in oneDNN (docs/PERFORMANCE.md).
 *
 * <p>For input x [n, c, h, w] zero-padded by p to x̃, output gradient δ [n, o, h', w'] (stride 1, dilation 1):
 * <pre>
 *   ∂L/∂W[o, c, a, b] = Σ_{n, y, x} δ[n, o, y, x] · x̃[n, c, y + a, x + b]
 *   ∂L/∂b[o]          = Σ_{n, y, x} δ[n, o, y, x]
 * </pre>
 * computed as one matrix product: the c·kH·kW shifted copies of x̃ as rows of a matrix X [c·kH·kW, n·h'·w'],
 * δ as D [o, n·h'·w'], ∂L/∂W = D·Xᵀ.
 */
final class InputConvolutionHelper implements ConvolutionHelper {

    private final ConvolutionHelper forward;

    /** @param forward computes the forward pass (and the activation) */
    InputConvolutionHelper(ConvolutionHelper forward) {
        this.forward = forward;
    }

    @Override
    public boolean checkSupported() {
        return forward.checkSupported();
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return forward.helperMemoryUse();
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides,
            int[] pad, AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode, int[] dilation,
            CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        return forward.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode,
                dilation, format, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return forward.activate(z, afn, training);
    }

    /**
     * @throws IllegalArgumentException for a stride or dilation other than 1, NHWC data, or padding that is not
     *     the same on every side ({@link ConvolutionMode#Same} with an even kernel)
     */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode mode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        long n = input.size(0);
        long channels = input.size(1);
        long outH = delta.size(2);
        long outW = delta.size(3);
        if (format != CNN2DFormat.NCHW || strides[0] != 1 || strides[1] != 1 || dilation[0] != 1 || dilation[1] != 1
                || input.size(2) + 2L * pad[0] - kernel[0] + 1 != outH
                || input.size(3) + 2L * pad[1] - kernel[1] + 1 != outW) {
            throw new IllegalArgumentException("weight-gradient-only convolution needs NCHW, stride 1, dilation 1 and "
                    + "symmetric padding; got " + format + ", stride " + Arrays.toString(strides) + ", dilation "
                    + Arrays.toString(dilation) + ", padding " + Arrays.toString(pad) + ", input "
                    + Arrays.toString(input.shape()) + ", output gradient " + Arrays.toString(delta.shape()));
        }
        INDArray padded = Nd4j.pad(input, new int[][] {{0, 0}, {0, 0}, {pad[0], pad[0]}, {pad[1], pad[1]}});
        INDArray shifted = Nd4j.createUninitialized(input.dataType(), channels * kernel[0] * kernel[1], n, outH, outW);
        int row = 0;
        for (int c = 0; c < channels; c++) {
            for (int a = 0; a < kernel[0]; a++) {
                for (int b = 0; b < kernel[1]; b++) {
                    shifted.get(NDArrayIndex.point(row++)).assign(padded.get(NDArrayIndex.all(),
                            NDArrayIndex.point(c), NDArrayIndex.interval(a, a + outH), NDArrayIndex.interval(b, b + outW)));
                }
            }
        }
        INDArray deltas = delta.permute(1, 0, 2, 3).dup('c').reshape(delta.size(1), n * outH * outW);
        INDArray weightGrad = deltas.mmul(shifted.reshape(shifted.size(0), n * outH * outW).transpose());
        weightGradView.assign(weightGrad.reshape(weightGradView.shape()));
        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            biasGradView.assign(deltas.sum(1).reshape(biasGradView.shape()));
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        return new Pair<>(gradient, workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape()));
    }
}

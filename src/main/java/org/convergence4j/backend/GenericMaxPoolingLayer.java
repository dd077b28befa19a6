package org.convergence4j.backend;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/** The runtime layer of {@link GenericMaxPooling}: DL4J's max pooling with libnd4j's platform helpers off. */
final class GenericMaxPoolingLayer extends SubsamplingLayer {

    private OpContext forward;
    private OpContext backward;

    GenericMaxPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
        if (c.getPoolingType() != PoolingType.MAX || c.getCnn2dDataFormat() != CNN2DFormat.NCHW
                || c.getConvolutionMode() == ConvolutionMode.Same) {
            throw new IllegalArgumentException("GenericMaxPooling supports MAX pooling on NCHW data without Same "
                    + "padding; got " + c.getPoolingType() + ", " + c.getCnn2dDataFormat() + ", "
                    + c.getConvolutionMode());
        }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray in = input.castTo(dataType);
        int[] out = ConvolutionUtils.getOutputSize(in, layerConf().getKernelSize(), layerConf().getStride(),
                layerConf().getPadding(), layerConf().getConvolutionMode(), layerConf().getDilation(), CNN2DFormat.NCHW);
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(),
                new long[] {in.size(0), in.size(1), out[0], out[1]}, 'c');
        forward = run(forward, "maxpool2d", output, in);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray in = input.castTo(dataType);
        INDArray gradAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, in.dataType(), in.shape(), 'c');
        backward = run(backward, "maxpool2d_bp", gradAtInput, in, epsilon.castTo(dataType));
        return new Pair<>(new DefaultGradient(), gradAtInput);
    }

    /** Runs {@code op} on {@code inputs} into {@code output} in {@code context} (made on first use); returns it. */
    private OpContext run(OpContext context, String op, INDArray output, INDArray... inputs) {
        if (context == null) {
            org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
            int[] k = c.getKernelSize();
            int[] s = c.getStride();
            int[] p = c.getPadding();
            int[] d = c.getDilation();
            context = Nd4j.getExecutioner().buildContext();
            // kH, kW, sH, sW, pH, pW, dH, dW, same mode (0), extra (unused for max), data format (0 = NCHW)
            context.setIArguments(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 0, 0, 0);
        }
        context.purge();
        context.allowHelpers(false);
        for (int i = 0; i < inputs.length; i++) {
            context.setInputArray(i, inputs[i]);
        }
        context.setOutputArray(0, output);
        Nd4j.exec(DynamicCustomOp.builder(op).build(), context);
        return context;
    }
}

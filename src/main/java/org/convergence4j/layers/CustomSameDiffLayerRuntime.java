package org.convergence4j.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.DL4JSameDiffMemoryMgr;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.common.base.Preconditions;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runtime layer of every {@link CustomSameDiffLayer}. It reuses DL4J's parameter and gradient bookkeeping and
 * replaces graph building, the forward pass and the backward pass:
 * <ul>
 *   <li>forward: feeds the input, the {@code training} scalar (1 or 0) and the layer's
 *       {@link CustomSameDiffLayer#passInputs pass inputs}, and keeps the latter for the backward pass;</li>
 *   <li>backward: with ε = dL/dy from the next layer, differentiates the scalar Σ(ε ∘ y) with respect to the
 *       parameters and the input, which yields exactly εᵀ∂y/∂θ and εᵀ∂y/∂x.</li>
 * </ul>
 * Both passes run the ops of SameDiff's gradient function for that scalar through a {@link GraphPlan}: the forward
 * ops once per forward pass, keeping their values, and in backprop only the gradient ops, seeded with dL/dy = ε
 * (the value SameDiff computes for it, 1 · ε). SameDiff's own sessions, which re-run the forward ops in backprop and
 * cost more than the arithmetic of layers this small, run only graphs a plan cannot execute.
 */
final class CustomSameDiffLayerRuntime extends SameDiffLayer {

    private static final String TRAINING_KEY = CustomSameDiffLayer.TRAINING;
    private static final String EPSILON_KEY = CustomSameDiffLayer.EPSILON;

    /** Placeholders of the latest forward pass besides the input; its backward pass must see the same arrays. */
    private Map<String, INDArray> passArrays;
    /** Executes the graph; null when it needs SameDiff's sessions or {@link #useSessions()} was called. */
    private GraphPlan plan;
    private boolean sessionsOnly;
    private INDArray trainingTrue;
    private INDArray trainingFalse;

    CustomSameDiffLayerRuntime(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Runs this layer through SameDiff's sessions from now on, as before plans existed: the reference that tests
     * compare plans with.
     */
    void useSessions() {
        sessionsOnly = true;
        plan = null;
    }

    /** @return whether passes run through a {@link GraphPlan}; decided by the first forward pass */
    boolean usesPlan() {
        return plan != null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray planOutput = null;
        // Outside workspaces: the graph and the plan's arrays outlive this pass, and so must the pass arrays.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (sameDiff == null) {
                doInit();
            }
            passArrays = new HashMap<>(layer().passInputs(training, dataType));
            checkPassInputNames(passArrays.keySet());
            passArrays.put(TRAINING_KEY, trainingFlag(training));
            if (plan != null) {
                planOutput = plan.forward(placeholders(), paramTable);
            }
        }
        if (planOutput != null) {
            // A copy: the plan overwrites its arrays in the next pass, while DL4J may still hold this activation.
            return workspaceMgr.dup(ArrayType.ACTIVATIONS, planOutput);
        }
        useWorkspaces(sameDiff.getSessions(), sameDiff, workspaceMgr, ArrayType.FF_WORKING_MEM, ArrayType.ACTIVATIONS);
        INDArray output = sameDiff.output(placeholders(), outputKey).get(outputKey);
        releaseArrays();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Preconditions.checkState(passArrays != null,
                "Layer %s: backpropGradient was called before any forward pass; call activate first", getIndex());
        if (plan != null) {
            Map<String, INDArray> grads;
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                grads = plan.backward(epsilon);
            }
            INDArray inputGradient = grads.get(INPUT_KEY);
            return new Pair<>(gradient(grads), inputGradient == null
                    ? workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape())
                    : workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, inputGradient));
        }
        SameDiff gradFunction = sameDiff.getFunction("grad");
        useWorkspaces(gradFunction.getSessions(), gradFunction, workspaceMgr,
                ArrayType.BP_WORKING_MEM, ArrayType.ACTIVATION_GRAD);
        Map<String, INDArray> placeholders = placeholders();
        placeholders.put(EPSILON_KEY, epsilon);
        List<String> wrt = new ArrayList<>(paramTable.keySet());
        wrt.add(INPUT_KEY);
        Map<String, INDArray> grads = sameDiff.calculateGradients(placeholders, wrt);
        Gradient gradient = gradient(grads);
        INDArray inputGradient = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, grads.get(INPUT_KEY));
        releaseArrays();
        return new Pair<>(gradient, inputGradient);
    }

    /** Copies the parameter gradients into DL4J's gradient views; a parameter without a gradient gets zeros. */
    private Gradient gradient(Map<String, INDArray> grads) {
        Gradient gradient = new DefaultGradient();
        for (String param : paramTable.keySet()) {
            INDArray view = gradTable.get(param);
            INDArray grad = grads.get(param);
            if (grad == null) {
                view.assign(0);
            } else {
                view.assign(grad);
            }
            gradient.gradientForVariable().put(param, view);
        }
        return gradient;
    }

    /** Masks pass through unchanged: each example's output depends on that example's input only. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        // Overridden because the inherited version casts the configuration to DL4J's SameDiffLayer.
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        return new Pair<>(maskArray, currentMaskState);
    }

    /** Builds the graph: the layer's forward graph plus the scalar Σ(ε ∘ y) that backprop differentiates. */
    @Override
    protected void doInit() {
        CustomSameDiffLayer layer = layer();
        sameDiff = SameDiff.create();
        // Single-thread holders keep the parameter arrays as views of the network's flat parameter vector.
        sameDiff.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), false);
        SDVariable input = sameDiff.placeHolder(INPUT_KEY, dataType, -1, layer.nIn());
        SDVariable training = sameDiff.placeHolder(TRAINING_KEY, dataType);
        Map<String, SDVariable> params = new LinkedHashMap<>();
        layer.getLayerParams().getParamShapes().forEach((name, shape) -> {
            SDVariable param = sameDiff.var(name, dataType, shape);
            sameDiff.associateArrayWithVariable(paramTable.get(name), param);
            params.put(name, param);
        });
        SDVariable output = layer.defineLayer(sameDiff, input, params, training);
        SDVariable epsilon = sameDiff.placeHolder(EPSILON_KEY, dataType, -1, layer.nOut());
        sameDiff.setLossVariables(output.mul(epsilon).sum());
        outputKey = output.name();

        sameDiff.createGradFunction(INPUT_KEY);
        List<String> wrt = new ArrayList<>(params.keySet());
        wrt.add(INPUT_KEY);
        SDVariable outputGradient = sameDiff.getGradForVariable(outputKey);
        if (!sessionsOnly && outputGradient != null) {
            Map<String, String> gradients = new LinkedHashMap<>();
            for (String variable : wrt) {
                SDVariable gradient = sameDiff.getGradForVariable(variable);
                if (gradient != null) {
                    gradients.put(variable, gradient.name());
                }
            }
            plan = GraphPlan.of(sameDiff.getFunction("grad"), outputKey, outputGradient.name(), gradients)
                    .orElse(null);
        }
    }

    /** The {@code training} placeholder's value, 1 or 0, one array each for the layer's life. */
    private INDArray trainingFlag(boolean training) {
        INDArray flag = training ? trainingTrue : trainingFalse;
        if (flag == null || flag.dataType() != dataType) {
            flag = Nd4j.scalar(dataType, training ? 1 : 0);
            if (training) {
                trainingTrue = flag;
            } else {
                trainingFalse = flag;
            }
        }
        return flag;
    }

    /** Fails if a pass input would overwrite a placeholder the runtime feeds. */
    private void checkPassInputNames(Set<String> names) {
        for (String name : names) {
            if (CustomSameDiffLayer.RESERVED_NAMES.contains(name)) {
                throw new IllegalStateException(String.format(
                        "%s.passInputs returned an array for placeholder '%s', but %s are reserved for the runtime's "
                                + "placeholders; rename it", layer().getClass().getSimpleName(), name,
                        CustomSameDiffLayer.RESERVED_NAMES));
            }
        }
    }

    private Map<String, INDArray> placeholders() {
        Map<String, INDArray> placeholders = new HashMap<>(passArrays);
        placeholders.put(INPUT_KEY, input);
        return placeholders;
    }

    /** Lets SameDiff allocate in DL4J's workspaces, as DL4J's own runtime does. */
    private static void useWorkspaces(Map<Long, InferenceSession> sessions, SameDiff function,
                                      LayerWorkspaceMgr workspaceMgr, ArrayType working, ArrayType output) {
        InferenceSession session = sessions.computeIfAbsent(Thread.currentThread().getId(),
                thread -> SameDiff.getInferenceFactory().create(function));
        session.setMmgr(new DL4JSameDiffMemoryMgr(workspaceMgr.getWorkspaceName(working),
                workspaceMgr.getWorkspaceName(output), workspaceMgr.getConfiguration(working),
                workspaceMgr.getConfiguration(output)));
    }

    /** Drops the graph's references to this pass's arrays, which live in workspaces that are about to close. */
    private void releaseArrays() {
        sameDiff.clearPlaceholders(true);
        sameDiff.clearOpInputs();
    }

    private CustomSameDiffLayer layer() {
        return (CustomSameDiffLayer) layerConf();
    }
}

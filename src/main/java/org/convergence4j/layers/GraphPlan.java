package org.convergence4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.common.base.Preconditions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.AddBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.SubBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed execution plan of one layer's SameDiff gradient function: the ops that compute the output, in order, and
 * the ops that compute the requested gradients from the forward pass's values and a given dL/dy. It runs the very op
 * instances SameDiff built (forward ops and SameDiff's own derivatives of them), the way {@code InferenceSession}
 * parameterizes and executes them, but without a session: no dependency tracking, no per-call subgraph search, no
 * memory manager, and no second forward pass for the gradients.
 *
 * <ul>
 *   <li>{@link #forward} runs the forward ops and keeps every value they produce;</li>
 *   <li>{@link #backward} seeds dL/dy with the given array, exactly what SameDiff's backward pass of the scalar
 *       Σ(dL/dy ∘ y) computes as the gradient of y (1 · dL/dy), and runs only the gradient ops, which read the
 *       kept forward values.</li>
 * </ul>
 * Every variable writes into its own array, kept from pass to pass and reallocated only when its shape changes (the
 * last, smaller batch); each op keeps its op context, arguments and output arrays while its input shapes stay the
 * same, so a pass neither allocates arrays nor calls shape functions. The arrays returned are these buffers: callers
 * copy what must outlive the next pass. libnd4j's {@code add_bp}, {@code subtract_bp} and {@code multiply_bp}, slow
 * for broadcast operands, run as the same terms and sums in separate ops, bit for bit the same gradients. Graphs with control flow, control dependencies or ops that {@code InferenceSession} treats
 * as special cases have no plan ({@link #of} is empty); the runtime runs those through SameDiff's sessions.
 */
final class GraphPlan {

    /** Ops that {@code InferenceSession.doExec} runs as special cases rather than through {@code Nd4j.exec}. */
    private static final List<Class<?>> SESSION_ONLY = List.of(BaseCompatOp.class, BaseTensorOp.class, Invoke.class,
            org.nd4j.linalg.api.ops.impl.transforms.custom.Assign.class, CreateView.class, Assert.class,
            ExternalErrorsFunction.class, GradientBackwardsMarker.class);

    private final SameDiff graph;
    private final String output;
    private final String outputGradient;
    private final Map<String, String> gradients;
    private final List<Step> forwardSteps;
    private final List<Step> backwardSteps;
    /** Values of the current pass, by variable name: placeholders, forward values, then gradients. */
    private final Map<String, INDArray> values = new HashMap<>();
    /** One output array per variable computed by an op, reused while its shape and type stay the same. */
    private final Map<String, INDArray> buffers = new HashMap<>();

    private GraphPlan(SameDiff graph, String output, String outputGradient, Map<String, String> gradients,
                      List<Step> forwardSteps, List<Step> backwardSteps) {
        this.graph = graph;
        this.output = output;
        this.outputGradient = outputGradient;
        this.gradients = gradients;
        this.forwardSteps = forwardSteps;
        this.backwardSteps = backwardSteps;
    }

    /**
     * @param gradFunction   SameDiff's gradient function ({@code sameDiff.getFunction("grad")}), which contains the
     *                       forward ops too
     * @param output         the forward output y
     * @param outputGradient the variable of dL/dy in {@code gradFunction}, seeded by {@link #backward}
     * @param gradients      variable (parameter or placeholder) → the variable of its gradient in
     *                       {@code gradFunction}; variables without a gradient variable get none from
     *                       {@link #backward}
     * @return the plan, or empty if an op of the graph needs SameDiff's session to run
     */
    static Optional<GraphPlan> of(SameDiff gradFunction, String output, String outputGradient,
                                  Map<String, String> gradients) {
        Set<String> forwardValues = new HashSet<>();
        List<Step> forward = steps(gradFunction, List.of(output), forwardValues);
        if (forward == null) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>(forwardValues);
        known.add(outputGradient);
        List<Step> backward = steps(gradFunction, gradients.values(), known);
        if (backward == null) {
            return Optional.empty();
        }
        return Optional.of(new GraphPlan(gradFunction, output, outputGradient, new LinkedHashMap<>(gradients),
                forward, backward));
    }

    /**
     * Runs the forward ops.
     *
     * @param placeholders every placeholder the forward ops read, by name
     * @param parameters   the layer's parameter arrays, by variable name
     * @return y, an array of this plan, overwritten by the next forward pass
     */
    INDArray forward(Map<String, INDArray> placeholders, Map<String, INDArray> parameters) {
        values.clear();
        values.putAll(placeholders);
        values.putAll(parameters);
        run(forwardSteps);
        return values.get(output);
    }

    /**
     * Runs the gradient ops of the latest {@link #forward} pass.
     *
     * @param outputGradient dL/dy, the shape of y
     * @return variable → dL/d(variable), arrays of this plan, overwritten by the next backward pass
     */
    Map<String, INDArray> backward(INDArray outputGradient) {
        Preconditions.checkState(values.containsKey(output), "backward needs a forward pass first");
        values.put(this.outputGradient, outputGradient);
        run(backwardSteps);
        Map<String, INDArray> result = new HashMap<>();
        gradients.forEach((variable, gradient) -> result.put(variable, values.get(gradient)));
        return result;
    }

    private void run(List<Step> steps) {
        for (Step step : steps) {
            step.run(this);
        }
    }

    /**
     * The ops that compute {@code targets} from the placeholders, variables, constants and {@code known}, in an
     * order where every op follows the ops of its inputs; adds their outputs to {@code known}. Null if one of them
     * cannot run without a session.
     */
    private static List<Step> steps(SameDiff graph, Collection<String> targets, Set<String> known) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String target : targets) {
            if (!visit(graph, target, known, visited, order)) {
                return null;
            }
        }
        List<Step> steps = new ArrayList<>();
        for (String opName : order) {
            SameDiffOp op = graph.getOps().get(opName);
            if (!supported(op)) {
                return null;
            }
            steps.add(new Step(graph, op.getOp()));
            known.addAll(op.getOutputsOfOp());
        }
        return steps;
    }

    /** Depth-first, post-order: appends the op producing {@code variable} after the ops producing its inputs. */
    private static boolean visit(SameDiff graph, String variable, Set<String> known, Set<String> visitedOps,
                                 List<String> order) {
        if (known.contains(variable)) {
            return true;
        }
        Variable v = graph.getVariables().get(variable);
        if (v == null) {
            return false;
        }
        if (v.getControlDeps() != null && !v.getControlDeps().isEmpty()) {
            return false;
        }
        VariableType type = v.getVariable().getVariableType();
        if (type != VariableType.ARRAY) {
            return true;
        }
        String opName = v.getOutputOfOp();
        if (opName == null) {
            return false;
        }
        if (!visitedOps.add(opName)) {
            return true;
        }
        SameDiffOp op = graph.getOps().get(opName);
        for (String input : op.getOp().argNames()) {
            if (!visit(graph, input, known, visitedOps, order)) {
                return false;
            }
        }
        order.add(opName);
        return true;
    }

    /**
     * Plain custom ops and legacy ops, without control dependencies; {@code InferenceSession} special-cases the rest
     * (control flow, tensor arrays, Invoke, Assign, views, external errors, assertions).
     */
    private static boolean supported(SameDiffOp op) {
        if (!isEmpty(op.getControlDeps()) || !isEmpty(op.getVarControlDeps())) {
            return false;
        }
        DifferentialFunction f = op.getOp();
        for (Class<?> special : SESSION_ONLY) {
            if (special.isInstance(f)) {
                return false;
            }
        }
        return f instanceof CustomOp || f instanceof Op;
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    /** One op with its argument and output names and its reused op context. */
    private static final class Step {
        private final SameDiff graph;
        private final DifferentialFunction op;
        private final String[] arguments;
        private final String[] outputs;
        private final INDArray[] inputs;
        private OpContext context;
        /** Input shapes of the previous call, whose output arrays the context still holds; null before. */
        private long[][] inputShapes;
        private DataType[] inputTypes;
        private char[] inputOrders;
        private long[] iArgs;
        private double[] tArgs;
        private boolean[] bArgs;
        private DataType[] dArgs;

        Step(SameDiff graph, DifferentialFunction op) {
            this.graph = graph;
            this.op = op;
            this.arguments = op.argNames();
            this.outputs = op.outputVariablesNames();
            this.inputs = new INDArray[arguments.length];
        }

        void run(GraphPlan plan) {
            for (int i = 0; i < arguments.length; i++) {
                inputs[i] = value(plan.values, arguments[i]);
            }
            if (op instanceof Identity) {
                plan.values.put(outputs[0], inputs[0]);
            } else if (isBroadcast(op, inputs)) {
                runBroadcastBackprop(plan);
            } else if (op instanceof MulBpOp && isSameShape(inputs)) {
                runMultiplyBackprop(plan);
            } else if (op instanceof CustomOp) {
                runCustom(plan, (DynamicCustomOp) op);
            } else {
                runLegacy(plan, (Op) op);
            }
        }

        /**
         * The backprop ops of broadcast addition, subtraction and multiplication, z = x ⊙ y with x or y broadcast
         * along some axes: each gradient is the full-size term summed over the axes along which its operand was
         * broadcast (none for the full-size operand), with the terms libnd4j's {@code add_bp}, {@code subtract_bp}
         * and {@code multiply_bp} use, dL/dz, −dL/dz and (other operand) ∘ dL/dz, and the same sum kernel. libnd4j
         * instead copies dL/dz for the full-size operand and, for multiplication, tiles the broadcast operand to
         * full size first, which costs 2–4× as much on a [128, 128] gradient. An unreduced dL/dz is passed on as it
         * is, not copied: no op writes into its inputs.
         */
        private void runBroadcastBackprop(GraphPlan plan) {
            INDArray x = inputs[0];
            INDArray y = inputs[1];
            INDArray dLdz = inputs[2];
            if (op instanceof MulBpOp) {
                plan.values.put(outputs[0], reduced(plan, outputs[0], product(plan, outputs[0], y, dLdz), x));
                plan.values.put(outputs[1], reduced(plan, outputs[1], product(plan, outputs[1], x, dLdz), y));
            } else {
                plan.values.put(outputs[0], reduced(plan, outputs[0], dLdz, x));
                INDArray dLdy = reduced(plan, outputs[1], dLdz, y);
                if (op instanceof SubBpOp) {
                    INDArray negated = plan.buffer(outputs[1], LongShapeDescriptor.fromShape(y.shape(), y.dataType()));
                    Nd4j.exec(new Negative(dLdy, negated));
                    dLdy = negated;
                }
                plan.values.put(outputs[1], dLdy);
            }
        }

        /**
         * {@code multiply_bp} of same-shape factors, dL/dx = y ∘ dL/dz and dL/dy = x ∘ dL/dz, as two products (one
         * when x and y are the same array, as in x ∘ x): libnd4j's kernel costs as much as four.
         */
        private void runMultiplyBackprop(GraphPlan plan) {
            INDArray x = inputs[0];
            INDArray y = inputs[1];
            INDArray dLdz = inputs[2];
            plan.values.put(outputs[0], product(plan, outputs[0], y, dLdz));
            plan.values.put(outputs[1], x == y ? plan.values.get(outputs[0]) : product(plan, outputs[1], x, dLdz));
        }

        /** {@code factor} ∘ dL/dz into a buffer of {@code gradient}, the shape of dL/dz. */
        private INDArray product(GraphPlan plan, String gradient, INDArray factor, INDArray dLdz) {
            INDArray product = buffer(plan, gradient + "/term", dLdz);
            Nd4j.exec(new MulOp(factor, dLdz, product));
            return product;
        }

        /** The plan's buffer called {@code name}, of the shape and type of {@code like}. */
        private static INDArray buffer(GraphPlan plan, String name, INDArray like) {
            return plan.buffer(name, LongShapeDescriptor.fromShape(like.shape(), like.dataType()));
        }

        /** {@code term} summed over the axes along which {@code operand} is broadcast, or {@code term} itself. */
        private INDArray reduced(GraphPlan plan, String gradient, INDArray term, INDArray operand) {
            int[] axes = broadcastAxes(operand, term);
            if (axes.length == 0) {
                return term;
            }
            INDArray sum = plan.buffer(gradient, LongShapeDescriptor.fromShape(operand.shape(), term.dataType()));
            Nd4j.exec(new Sum(term, sum, true, axes));
            return sum;
        }

        /** Whether the input arrays have the shapes, types and orders of the previous call. */
        private boolean sameInputsAsBefore() {
            if (inputShapes == null) {
                return false;
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].dataType() != inputTypes[i] || inputs[i].ordering() != inputOrders[i]
                        || !Arrays.equals(inputs[i].shape(), inputShapes[i])) {
                    return false;
                }
            }
            return true;
        }

        private void rememberInputs() {
            inputShapes = new long[inputs.length][];
            inputTypes = new DataType[inputs.length];
            inputOrders = new char[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                inputShapes[i] = inputs[i].shape();
                inputTypes[i] = inputs[i].dataType();
                inputOrders[i] = inputs[i].ordering();
            }
        }

        /**
         * As {@code InferenceSession.getAndParameterizeOp} and {@code doExec} for custom ops, except that the op's
         * arguments and output arrays stay in its context while the arguments and the input shapes stay the same.
         */
        private void runCustom(GraphPlan plan, DynamicCustomOp custom) {
            long[] i = custom.iArgs();
            double[] t = custom.tArgs();
            boolean[] b = custom.bArgs();
            DataType[] d = custom.dArgs();
            boolean sameArguments = context != null && Arrays.equals(i, iArgs) && Arrays.equals(t, tArgs)
                    && Arrays.equals(b, bArgs) && Arrays.equals(d, dArgs);
            if (sameArguments) {
                for (int k = 0; k < inputs.length; k++) {
                    context.setInputArray(k, inputs[k]);
                }
            } else {
                // A fresh context: the native one keeps arguments that a shorter list would not overwrite.
                context = Nd4j.getExecutioner().buildContext();
                context.setArgs(inputs, i, d, t, b);
                iArgs = i;
                tArgs = t;
                bArgs = b;
                dArgs = d;
            }
            if (!sameArguments || !sameInputsAsBefore()) {
                List<LongShapeDescriptor> shapes = custom.calculateOutputShape(context);
                Preconditions.checkState(shapes != null && shapes.size() == outputs.length,
                        "op %s (%s): %s output shapes for %s outputs", custom.opName(), custom.getOwnName(),
                        shapes == null ? 0 : shapes.size(), outputs.length);
                for (int k = 0; k < outputs.length; k++) {
                    // Output shape functions cannot always tell the type; SameDiff uses the output variable's.
                    context.setOutputArray(k, plan.buffer(outputs[k],
                            shapes.get(k).asDataType(dataType(outputs[k]))));
                }
                rememberInputs();
            }
            Nd4j.exec(custom, context);
            for (int k = 0; k < outputs.length; k++) {
                plan.values.put(outputs[k], context.getOutputArray(k));
            }
        }

        /** As {@code InferenceSession.getAndParameterizeOp} and {@code doExec} for legacy ops. */
        private void runLegacy(GraphPlan plan, Op legacy) {
            if (context == null) {
                context = Nd4j.getExecutioner().buildContext();
            }
            boolean axisArgument = false;
            if (legacy instanceof ReduceOp && ((ReduceOp) legacy).getOpType() != Op.Type.REDUCE3
                    && inputs.length == 2) {
                INDArray axis = inputs[1];
                boolean empty = axis.isEmpty();
                op.setDimensions(empty ? null : Shape.normalizeAxis(inputs[0].rank(), axis.toIntVector()));
                ((BaseReduceOp) legacy).setEmptyReduce(empty);
                Preconditions.checkState(!empty, "op %s: reduction over an empty axis list", op.getOwnName());
                axisArgument = true;
            } else if (legacy instanceof ScalarOp && inputs.length == 2) {
                ((ScalarOp) legacy).setScalar(inputs[1]);
            }
            if (inputs.length > 0) {
                context.setInputArray(0, inputs[0]);
                if (inputs.length == 2 && !axisArgument) {
                    context.setInputArray(1, inputs[1]);
                }
            }
            // An axis or scalar taken from an input may change the output shape without changing the input shapes.
            if (inputs.length == 2 || !sameInputsAsBefore()) {
                List<LongShapeDescriptor> shapes = ((BaseOp) legacy).calculateOutputShape(context);
                Preconditions.checkState(shapes != null && shapes.size() == 1, "op %s: no output shape",
                        op.getOwnName());
                context.setOutputArray(0, plan.buffer(outputs[0], shapes.get(0)));
                rememberInputs();
            }
            Nd4j.exec(legacy, context);
            plan.values.put(outputs[0], context.getOutputArray(0));
        }

        private INDArray value(Map<String, INDArray> values, String name) {
            INDArray value = values.get(name);
            if (value == null) {
                SDVariable variable = graph.getVariable(name);
                value = variable.isPlaceHolder() ? null : variable.getArr();
            }
            Preconditions.checkState(value != null, "op %s: no value for its input %s", op.getOwnName(), name);
            return value;
        }

        private DataType dataType(String name) {
            return graph.getVariable(name).dataType();
        }
    }

    /**
     * Whether {@code op} is {@code add_bp}, {@code subtract_bp} or {@code multiply_bp} of operands of one rank, type
     * and order with different shapes and more than one element each: the broadcast case, apart from scalars, which
     * libnd4j treats separately.
     */
    private static boolean isBroadcast(DifferentialFunction op, INDArray[] inputs) {
        if (!(op instanceof AddBpOp || op instanceof SubBpOp || op instanceof MulBpOp) || inputs.length != 3) {
            return false;
        }
        INDArray x = inputs[0];
        INDArray y = inputs[1];
        INDArray dLdz = inputs[2];
        return x.rank() == dLdz.rank() && y.rank() == dLdz.rank() && x.length() > 1 && y.length() > 1
                && !Arrays.equals(x.shape(), y.shape()) && x.dataType() == dLdz.dataType()
                && y.dataType() == dLdz.dataType();
    }

    /** Whether a backprop op's three inputs x, y and dL/dz have one shape, type and order. */
    private static boolean isSameShape(INDArray[] inputs) {
        return inputs.length == 3 && inputs[0].equalShapes(inputs[1]) && inputs[0].equalShapes(inputs[2])
                && inputs[0].dataType() == inputs[2].dataType() && inputs[1].dataType() == inputs[2].dataType()
                && inputs[0].ordering() == inputs[2].ordering() && inputs[1].ordering() == inputs[2].ordering();
    }

    /** The axes along which {@code factor} (same rank) is broadcast to the shape of {@code full}. */
    private static int[] broadcastAxes(INDArray factor, INDArray full) {
        int[] axes = new int[factor.rank()];
        int n = 0;
        for (int i = 0; i < factor.rank(); i++) {
            if (factor.size(i) == 1 && full.size(i) != 1) {
                axes[n++] = i;
            }
        }
        return Arrays.copyOf(axes, n);
    }

    /** The variable's reused output array, replaced when the op's output shape or type changes. */
    private INDArray buffer(String variable, LongShapeDescriptor shape) {
        INDArray buffer = buffers.get(variable);
        if (buffer == null || buffer.dataType() != shape.dataType() || buffer.ordering() != shape.getOrder()
                || !Arrays.equals(buffer.shape(), shape.getShape()) || buffer.isEmpty() != shape.isEmpty()) {
            buffer = shape.isEmpty() ? Nd4j.empty(shape.dataType())
                    : Nd4j.createUninitializedDetached(shape.dataType(), shape.getOrder(), shape.getShape());
            buffers.put(variable, buffer);
        }
        return buffer;
    }
}

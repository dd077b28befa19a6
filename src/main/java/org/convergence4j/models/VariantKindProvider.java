package org.convergence4j.models;

import java.util.List;

/**
 * Variant kinds beyond the built-in rows of {@link Variants}, found on the classpath with {@link java.util.ServiceLoader}:
 * a class implementing this interface, named in {@code META-INF/services/org.convergence4j.models.VariantKindProvider}
 * (one class name a line), adds its kinds to {@link Variants#KINDS} after the built-in ones. A kind joins the studies
 * of the comparisons it declares ({@link VariantKind#comparisons()}) and Part 4. This is how a layer kept outside
 * this project's sources, or a test's own layer, is registered without editing the registry.
 */
public interface VariantKindProvider {

    /** The kinds to register, in the order of the tables. */
    List<VariantKind> kinds();
}

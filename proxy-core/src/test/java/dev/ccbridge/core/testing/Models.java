package dev.ccbridge.core.testing;

import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ResolvedModel;

/** Resolved models for translator tests: a target id and an upstream model with the catalog's capabilities. */
public final class Models {
    public static final String REQUESTED = "claude-sonnet-4-6";

    private Models() {}

    public static ResolvedModel of(String target, String upstream) {
        return new ResolvedModel(target, REQUESTED, upstream, ModelCatalog.builtIn().lookup(upstream));
    }
}

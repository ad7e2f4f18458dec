package dev.ccbridge.app.theme;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.util.StringConverter;

/** Small helpers the views share for showing text. */
public final class Texts {
    private Texts() {}

    /** {@code node} takes no room and is hidden while {@code text} has nothing to say. */
    public static <N extends Node> N onlyWithText(N node, Labeled text) {
        node.managedProperty().bind(text.textProperty().isNotEmpty());
        node.visibleProperty().bind(node.managedProperty());
        return node;
    }

    /** {@code label} takes no room and is hidden while it is empty. */
    public static <L extends Labeled> L onlyWithText(L label) {
        return onlyWithText(label, label);
    }

    /** How the values of a choice read; they are chosen, never typed back. */
    public static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("a choice, not typed");
            }
        };
    }
}

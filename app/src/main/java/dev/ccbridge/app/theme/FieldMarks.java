package dev.ccbridge.app.theme;

import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * How the app marks an invalid field: the {@code :invalid} pseudo-class (the stylesheet draws a
 * red frame) and a tooltip that says why. Nothing marks a field as merely required, and no
 * overlay pane is needed, so ControlsFX never rearranges the scene.
 */
public final class FieldMarks implements ValidationDecoration {
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final Object TOOLTIP = new Object();

    /** A validation support that marks fields this way. */
    public static ValidationSupport validation() {
        var support = new ValidationSupport();
        support.setValidationDecorator(new FieldMarks());
        return support;
    }

    public static boolean isMarked(Control control) {
        return control.getPseudoClassStates().contains(INVALID);
    }

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(INVALID, false);
        if (target.getTooltip() != null && target.getTooltip() == target.getProperties().get(TOOLTIP)) {
            target.setTooltip(null);
        }
        target.getProperties().remove(TOOLTIP);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control target = message.getTarget();
        target.pseudoClassStateChanged(INVALID, true);
        var tooltip = new Tooltip(message.getText());
        target.getProperties().put(TOOLTIP, tooltip);
        target.setTooltip(tooltip);
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // A required field that is filled in is fine; an empty one is marked as invalid by its rule.
    }
}

package dev.ccbridge.app;

import dev.ccbridge.app.theme.ThemeManager;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The app's few questions to the user, styled like the rest. */
public final class Dialogs {
    public enum Unsaved { SAVE, DISCARD, CANCEL }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private final ThemeManager theme;

    public Dialogs(ThemeManager theme) {
        this.theme = theme;
    }

    public Unsaved unsavedChanges(Window owner, String what) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DISCARD, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + what + "?");
        alert.setContentText("Your changes will be lost if you don't save them.");
        prepare(alert, owner);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return Unsaved.CANCEL;
        }
        return answer.get() == SAVE ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    public boolean confirm(Window owner, String header, String text, String action) {
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL);
        alert.setTitle("ccbridge");
        alert.setHeaderText(header);
        prepare(alert, owner);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    private void prepare(Alert alert, Window owner) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        theme.style(alert.getDialogPane());
    }
}

package dev.ccbridge.app.log;

import dev.ccbridge.app.theme.ThemeManager;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The two answers to one prompt side by side: status, latency, tokens, text. */
public final class ReplayWindow {
    private final Stage stage = new Stage();
    private final HBox columns = new HBox(12);

    public ReplayWindow(Window owner, ThemeManager theme) {
        stage.setTitle("ccbridge \u2014 replay");
        stage.initOwner(owner);
        columns.setId("replayColumns");
        var scene = new Scene(columns, 980, 560);
        theme.style(scene);
        stage.setScene(scene);
    }

    /** Shows (or updates) the comparison; the replayed side reads "waiting" until its answer is in. */
    public void show(RequestLogViewModel.ReplayResult result) {
        columns.getChildren().setAll(column("Original", result.original()),
                result.replayed() == null ? waiting() : column("Replay", result.replayed()));
        columns.getChildren().forEach(node -> HBox.setHgrow(node, Priority.ALWAYS));
        stage.show();
        stage.toFront();
    }

    static VBox column(String role, Answer answer) {
        var title = new Label(role + ": " + answer.targetName());
        title.getStyleClass().add("column-title");
        var status = new Label(answer.status() == 0 ? "No answer" : "HTTP " + answer.status()
                + "  \u00b7  " + answer.millis() + " ms");
        var tokens = new Label(answer.usage() == null ? "tokens: not reported"
                : String.format(Locale.ROOT, "tokens in %d / out %d", answer.usage().promptTotal(),
                answer.usage().outputTokens()));
        var text = new TextArea(answer.error() != null ? "Error: " + answer.error() : answer.text());
        text.setWrapText(true);
        text.setEditable(false);
        text.getStyleClass().add("body-text");
        VBox.setVgrow(text, Priority.ALWAYS);
        var box = new VBox(title, status, tokens, text);
        box.getStyleClass().add("replay-column");
        box.setPrefWidth(480);
        return box;
    }

    private static VBox waiting() {
        var box = new VBox(new Label("Waiting for the replay\u2026"));
        box.getStyleClass().add("replay-column");
        box.setPrefWidth(480);
        return box;
    }
}

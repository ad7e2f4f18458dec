package dev.ccbridge.app.theme;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The two-column form of the app's editors (styled by the {@code editor} class): captions
 * right-aligned on the left, controls growing on the right, rows added from top to bottom.
 */
public final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid(double rowGap, double captionWidth) {
        grid.getStyleClass().add("editor");
        grid.setHgap(10);
        grid.setVgap(rowGap);
        var captions = new ColumnConstraints();
        captions.setHalignment(HPos.RIGHT);
        captions.setMinWidth(captionWidth);
        var controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(captions, controls);
    }

    public GridPane node() {
        return grid;
    }

    /** A heading across both columns. */
    public void section(String title) {
        var label = new Label(title);
        label.getStyleClass().add("section");
        GridPane.setHalignment(label, HPos.LEFT);
        across(label);
    }

    /** A node across both columns. */
    public void across(Node node) {
        grid.add(node, 0, row++, 2, 1);
    }

    /** A small explanation under the field above it. */
    public void hint(String text) {
        var label = new Label(text);
        label.getStyleClass().add("hint");
        control(label);
    }

    /** A captioned row; returns the caption. */
    public Label field(String caption, Node control) {
        var label = new Label(caption);
        grid.add(label, 0, row);
        grid.add(control, 1, row++);
        return label;
    }

    /** A row with no caption: the control in the right column. */
    public void control(Node control) {
        grid.add(control, 1, row++);
    }
}

package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.Target;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The fallback targets of the one in the editor, in the order they are tried: one chip each
 * (× removes it) and an "Add" menu of the other targets.
 */
final class FallbacksField {
    private final TargetEditorViewModel vm;
    private final FlowPane root = new FlowPane(6, 6);
    private final MenuButton add = new MenuButton("Add\u2026");

    FallbacksField(TargetEditorViewModel vm) {
        this.vm = vm;
        root.setId("fallbacks");
        root.setAlignment(Pos.CENTER_LEFT);
        add.setId("addFallback");
        add.setOnShowing(e -> fillMenu()); // the other targets may have changed since
        vm.fields.fallbacks.addListener((ListChangeListener<String>) change -> redraw());
        redraw();
    }

    Node node() {
        return root;
    }

    private void redraw() {
        root.getChildren().clear();
        int position = 1;
        for (String id : vm.fields.fallbacks) {
            root.getChildren().add(chip(position++, id));
        }
        if (vm.fields.fallbacks.isEmpty()) {
            var none = new Label("none");
            none.getStyleClass().add("muted");
            root.getChildren().add(none);
        }
        fillMenu();
        root.getChildren().add(add);
    }

    private Node chip(int position, String id) {
        var name = new Label(position + ". " + vm.fallbackName(id));
        var remove = new Button("\u00d7");
        remove.setId("removeFallback-" + id);
        remove.getStyleClass().add("chip-remove");
        remove.setOnAction(e -> vm.fields.fallbacks.remove(id));
        var chip = new HBox(4, name, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }

    private void fillMenu() {
        add.getItems().clear();
        for (Target target : vm.fallbackChoices()) {
            var item = new MenuItem(target.displayName());
            item.setOnAction(e -> vm.fields.fallbacks.add(target.id()));
            add.getItems().add(item);
        }
        if (add.getItems().isEmpty()) {
            var none = new MenuItem("(no other targets)");
            none.setDisable(true);
            add.getItems().add(none);
        }
    }
}

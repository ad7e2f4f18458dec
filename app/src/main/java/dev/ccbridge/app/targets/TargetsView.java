package dev.ccbridge.app.targets;

import dev.ccbridge.app.Dialogs;
import dev.ccbridge.app.theme.Texts;
import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.Target;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Targets tab: the list with its commands on the left, the editor on the right. */
public final class TargetsView {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final TargetsViewModel vm;
    private final Dialogs dialogs;
    private final SplitPane root = new SplitPane();
    private final ListView<Target> list = new ListView<>();
    private boolean reverting;

    public TargetsView(TargetsViewModel vm, Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        build();
    }

    public Node node() {
        return root;
    }

    public ListView<Target> list() {
        return list;
    }

    /**
     * Runs {@code leave} once the editor's changes are dealt with: none, saved (after the save
     * succeeded), or discarded; not when the user chose to stay or the save failed.
     */
    public void confirmLeave(Runnable leave) {
        TargetEditorViewModel editor = vm.editor();
        if (!editor.isDirty()) {
            leave.run();
            return;
        }
        switch (dialogs.unsavedChanges(root.getScene() == null ? null : root.getScene().getWindow(), editor.title())) {
            case SAVE -> editor.save().thenAccept(saved -> saved.ifPresent(target -> leave.run()));
            case DISCARD -> {
                editor.revert();
                leave.run();
            }
            case CANCEL -> { }
        }
    }

    private void build() {
        list.setId("targetList");
        list.getStyleClass().add("target-list");
        list.setItems(vm.targets());
        list.setCellFactory(view -> new TargetCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> onSelect(old, now));
        vm.editor().setOnSaved(saved -> {
            vm.refresh();
            selectQuietly(saved.id());
        });
        // After a move, an activation or an outside edit the list is rebuilt: keep the edited target selected.
        vm.targets().addListener((javafx.collections.ListChangeListener<Target>) change -> {
            Target shown = vm.editor().originalProperty().get();
            if (shown != null) {
                selectQuietly(shown.id());
            }
        });
        vm.states().addListener((javafx.collections.MapChangeListener<String, TargetsViewModel.TargetState>)
                change -> list.refresh());
        vm.activeIdProperty().addListener((obs, old, now) -> list.refresh());

        var add = new MenuButton("Add");
        add.setId("add");
        for (ProviderPreset preset : vm.presets()) {
            var item = new MenuItem(preset.name());
            item.setOnAction(e -> confirmLeave(() -> {
                clearSelectionQuietly();
                vm.addFromPreset(preset);
            }));
            add.getItems().add(item);
        }
        add.getItems().add(new SeparatorMenuItem());
        var blank = new MenuItem("Blank target");
        blank.setId("addBlank");
        blank.setOnAction(e -> confirmLeave(() -> {
            clearSelectionQuietly();
            vm.addBlank();
        }));
        add.getItems().add(blank);

        BooleanBinding none = list.getSelectionModel().selectedItemProperty().isNull();
        var duplicate = button("duplicate", "Duplicate", "A copy to edit (change its model or URL, then save)", none);
        duplicate.setOnAction(e -> {
            Target target = list.getSelectionModel().getSelectedItem();
            confirmLeave(() -> {
                clearSelectionQuietly();
                vm.duplicate(target);
            });
        });
        var delete = button("delete", "Delete", "Remove this target and its stored key", none);
        delete.setOnAction(e -> {
            Target target = list.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(root.getScene().getWindow(), "Delete " + target.displayName() + "?",
                    "The target and its stored API key are removed. Terminals pinned to it stop working.", "Delete")) {
                vm.delete(target);
            }
        });
        var up = button("moveUp", "\u25B2", "Move up", none);
        up.setOnAction(e -> moveSelected(-1));
        var down = button("moveDown", "\u25BC", "Move down", none);
        down.setOnAction(e -> moveSelected(+1));
        var activate = button("activate", "Set active", "Claude Code's requests go to the active target", none.or(
                Bindings.createBooleanBinding(() -> {
                    Target t = list.getSelectionModel().getSelectedItem();
                    return t != null && t.id().equals(vm.activeIdProperty().get());
                }, list.getSelectionModel().selectedItemProperty(), vm.activeIdProperty())));
        activate.setOnAction(e -> vm.activate(list.getSelectionModel().getSelectedItem()));

        var row1 = new HBox(6, add, duplicate, delete);
        var row2 = new HBox(6, up, down, activate);
        var problem = new Label();
        problem.setId("listMessage");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.messageProperty());
        Texts.onlyWithText(problem);
        var left = new VBox(8, list, row1, row2, problem);
        left.setPadding(new Insets(10));
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(250);

        // Open on the active target, so a first start shows a filled form rather than an empty pane.
        String active = vm.activeIdProperty().get();
        if (active != null) {
            selectQuietly(active);
            vm.byId(active).ifPresent(vm::select);
        }

        var editor = new TargetEditorView(vm.editor(), vm.providers(), vm::served);
        root.getItems().addAll(left, editor.node());
        root.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);
    }

    private static Button button(String id, String text, String tip, BooleanBinding disabled) {
        var button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.disableProperty().bind(disabled);
        return button;
    }

    private void moveSelected(int by) {
        Target target = list.getSelectionModel().getSelectedItem();
        if (by < 0) {
            vm.moveUp(target);
        } else {
            vm.moveDown(target);
        }
    }

    private void onSelect(Target old, Target now) {
        if (reverting) {
            return;
        }
        if (now == null) {
            return; // the list refreshed; the editor keeps what it shows
        }
        Target shown = vm.editor().originalProperty().get();
        if (shown != null && shown.id().equals(now.id()) && !vm.editor().isNew()) {
            if (!vm.editor().isDirty() && !shown.equals(now)) {
                vm.select(now);
            }
            return;
        }
        if (!vm.editor().isDirty()) {
            vm.select(now);
            return;
        }
        // Stay on the edited target until the user has answered (and a save has gone through).
        reverting = true;
        try {
            if (old != null) {
                list.getSelectionModel().select(old);
            } else {
                list.getSelectionModel().clearSelection();
            }
        } finally {
            reverting = false;
        }
        confirmLeave(() -> {
            selectQuietly(now.id());
            vm.select(vm.byId(now.id()).orElse(now));
        });
    }

    private void selectQuietly(String id) {
        reverting = true;
        try {
            for (Target target : list.getItems()) {
                if (target.id().equals(id)) {
                    list.getSelectionModel().select(target);
                    list.scrollTo(target);
                    break;
                }
            }
        } finally {
            reverting = false;
        }
    }

    private void clearSelectionQuietly() {
        reverting = true;
        try {
            list.getSelectionModel().clearSelection();
        } finally {
            reverting = false;
        }
    }

    private final class TargetCell extends ListCell<Target> {
        private final Label name = new Label();
        private final Label badge = new Label("active");
        private final Label summary = new Label();
        private final HBox top;
        private final VBox box;

        TargetCell() {
            getStyleClass().add("target-cell");
            name.getStyleClass().add("target-name");
            badge.getStyleClass().add("badge");
            summary.getStyleClass().add("target-summary");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            top = new HBox(6, name, spacer, badge);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, summary);
        }

        @Override
        protected void updateItem(Target target, boolean empty) {
            super.updateItem(target, empty);
            if (empty || target == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            TargetsViewModel.TargetState state = vm.states().get(target.id());
            name.setText(target.displayName());
            boolean active = target.id().equals(vm.activeIdProperty().get());
            badge.setVisible(active);
            summary.pseudoClassStateChanged(WARNING, state != null && !state.modeAvailable());
            summary.setText(state == null ? ModeNames.of(target.apiMode()) : state.summary());
            setText(null);
            setGraphic(box);
        }
    }
}

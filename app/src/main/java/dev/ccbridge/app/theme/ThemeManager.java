package dev.ccbridge.app.theme;

import dev.ccbridge.app.settings.AppSettings;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * The one place that applies the look: adds the app's stylesheet to every scene and dialog and
 * sets the {@code :dark} pseudo-class on their roots; the stylesheet turns that into colours.
 * "Follow the system" listens to the platform's colour scheme where the OS reports one.
 */
public final class ThemeManager {
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    public static final String STYLESHEET = Objects.requireNonNull(
            ThemeManager.class.getResource("/dev/ccbridge/app/ccbridge.css")).toExternalForm();

    private final ObjectProperty<AppSettings.Theme> theme = new SimpleObjectProperty<>();
    private boolean dark;
    private final List<WeakReference<Parent>> roots = new ArrayList<>();

    public ThemeManager(AppSettings.Theme initial) {
        theme.set(initial);
        theme.addListener((obs, old, now) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, now) -> apply());
        apply();
    }

    public ObjectProperty<AppSettings.Theme> themeProperty() {
        return theme;
    }

    public void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        track(scene.getRoot());
        scene.rootProperty().addListener((obs, old, root) -> track(root));
    }

    public void style(DialogPane pane) {
        if (!pane.getStylesheets().contains(STYLESHEET)) {
            pane.getStylesheets().add(STYLESHEET);
        }
        track(pane);
    }

    private void track(Parent root) {
        if (root == null) {
            return;
        }
        roots.add(new WeakReference<>(root));
        root.pseudoClassStateChanged(DARK, dark);
    }

    private void apply() {
        boolean isDark = switch (theme.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        dark = isDark;
        roots.removeIf(ref -> ref.get() == null);
        roots.forEach(ref -> {
            Parent root = ref.get();
            if (root != null) {
                root.pseudoClassStateChanged(DARK, isDark);
            }
        });
    }
}

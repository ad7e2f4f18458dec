package dev.ccbridge.app.testing;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

/** Menu clicks that find the entry in the menu now open (menus of earlier tests' windows may linger). */
public final class Menus {
    private Menus() {}

    public static void choose(FxRobot robot, String menuButton, String entry) {
        robot.clickOn(menuButton);
        Node item = robot.lookup(".menu-item").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())
                .filter(n -> n.lookup(".label") instanceof Label label && entry.equals(label.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu entry '" + entry + "'"));
        robot.clickOn(item);
    }
}

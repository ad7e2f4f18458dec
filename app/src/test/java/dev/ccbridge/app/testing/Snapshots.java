package dev.ccbridge.app.testing;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Pictures of windows as the user sees them (the scene, laid out and styled), written as PNG. */
public final class Snapshots {
    /** Where window tests leave theirs, to be looked at: under the module's target/. */
    public static final Path TEST_DIR = Path.of("target", "test-screenshots");

    private Snapshots() {}

    /** The scene now (taken on the FX thread after pending layout and CSS), written to {@code file}. */
    public static Path save(Scene scene, Path file) throws Exception {
        Image image = FxWait.onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(toBuffered(image), "png", file.toFile());
        return file;
    }

    /** A window test's picture: {@code target/test-screenshots/<name>.png}. */
    public static Path save(Scene scene, String name) throws Exception {
        return save(scene, TEST_DIR.resolve(name + ".png"));
    }

    public static BufferedImage toBuffered(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}

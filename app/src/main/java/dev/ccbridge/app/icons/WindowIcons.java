package dev.ccbridge.app.icons;

import java.util.Arrays;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon for JavaFX windows: every rendered size, so the desktop picks the one it shows. */
public final class WindowIcons {
    private static List<Image> images;

    private WindowIcons() {}

    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    private static synchronized List<Image> images() {
        if (images == null) {
            images = Arrays.stream(Artwork.APP_SIZES)
                    .filter(size -> size <= 256) // window managers show 256 px at most
                    .mapToObj(size -> new Image(Artwork.app(size).toExternalForm()))
                    .toList();
        }
        return images;
    }
}

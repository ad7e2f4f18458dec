package dev.ccbridge.app.icons;

import dev.ccbridge.app.ServerControl;
import java.net.URL;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where the rendered icons are: {@code icons/png} of the repository (rendered from
 * {@code icons/ccbridge.svg} by {@code icons/render.sh}), on the class path under
 * {@code /dev/ccbridge/app/icons/}. Only the sizes rendered there exist.
 */
public final class Artwork {
    /** The app icon's rendered sizes, in pixels, ascending. */
    public static final int[] APP_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    /** The tray icon's rendered sizes, in pixels, ascending (the larger ones are the HiDPI sizes). */
    public static final int[] TRAY_SIZES = {16, 22, 24, 32, 44, 48, 64};

    private static final String BASE = "/dev/ccbridge/app/icons/";

    private Artwork() {}

    public static URL app(int renderedSize) {
        return resource("ccbridge-" + requireRendered(APP_SIZES, renderedSize) + ".png");
    }

    public static URL tray(ServerControl.State state, int renderedSize) {
        return resource("tray-" + state.name().toLowerCase(Locale.ROOT) + "-"
                + requireRendered(TRAY_SIZES, renderedSize) + ".png");
    }

    /** The smallest rendered size that is at least {@code pixels}, or the largest there is. */
    public static int atLeast(int[] sizes, int pixels) {
        return Arrays.stream(sizes).filter(size -> size >= pixels).findFirst().orElse(sizes[sizes.length - 1]);
    }

    private static int requireRendered(int[] sizes, int size) {
        if (Arrays.stream(sizes).noneMatch(rendered -> rendered == size)) {
            throw new IllegalArgumentException("no icon rendered at " + size + " px");
        }
        return size;
    }

    private static URL resource(String name) {
        URL url = Artwork.class.getResource(BASE + name);
        if (url == null) {
            // The build copies icons/png into the jar; a missing file is a broken build, not a user error.
            throw new IllegalStateException("icon " + name + " is missing from the class path (icons/png)");
        }
        return url;
    }
}

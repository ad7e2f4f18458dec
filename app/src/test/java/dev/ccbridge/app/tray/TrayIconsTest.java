package dev.ccbridge.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.ServerControl.State;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The tray icons come from the rendered artwork: one look per state, at the sizes trays ask for. */
class TrayIconsTest {
    @Test
    void eachStateShowsItsBadgeColourAtEveryTraySize() {
        for (int size : new int[] {16, 22, 24, 32, 48, 64}) {
            assertThat(badge(TrayIcons.image(State.SERVING, size))).as("serving at %d px", size).isEqualTo(TrayIcons.SERVING);
            assertThat(badge(TrayIcons.image(State.WARNING, size))).as("warning at %d px", size).isEqualTo(TrayIcons.WARNING);
            assertThat(badge(TrayIcons.image(State.OFF, size))).as("off at %d px", size).isEqualTo(TrayIcons.OFF);
            assertThat(badge(TrayIcons.image(State.ERROR, size))).as("error at %d px", size).isEqualTo(TrayIcons.ERROR);
        }
    }

    @Test
    void theImageHasTheSizeAskedForEvenWhereNoneWasRendered() {
        assertThat(TrayIcons.image(State.SERVING, 24).getWidth()).isEqualTo(24);
        assertThat(TrayIcons.image(State.SERVING, 30).getWidth()).isEqualTo(30);
        assertThat(TrayIcons.image(State.SERVING, 30).getHeight()).isEqualTo(30);
        assertThat(TrayIcons.image(State.OFF, 8).getWidth()).as("never below 16 px").isEqualTo(16);
    }

    @Test
    void theIconIsARoundBadgeWithAWhiteMarkAndTransparentCorners() {
        BufferedImage image = TrayIcons.image(State.SERVING, 48);
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        assertThat(image.getRGB(47, 47) >>> 24).as("corner alpha").isZero();
        // The bridge's deck crosses the badge a little above the middle.
        assertThat(new Color(image.getRGB(24, 16), true)).isEqualTo(Color.WHITE);
    }

    @Test
    void everyStateDiffersInShapeNotOnlyInColour() {
        // Colour-blind users tell the states apart by the marks: compare the white pixels.
        for (State state : new State[] {State.OFF, State.SERVING, State.ERROR}) {
            assertThat(whiteMask(TrayIcons.image(State.WARNING, 32))).as("warning vs %s", state)
                    .isNotEqualTo(whiteMask(TrayIcons.image(state, 32)));
        }
        assertThat(whiteMask(TrayIcons.image(State.OFF, 32))).isNotEqualTo(whiteMask(TrayIcons.image(State.SERVING, 32)));
        assertThat(whiteMask(TrayIcons.image(State.ERROR, 32))).isNotEqualTo(whiteMask(TrayIcons.image(State.SERVING, 32)));
        assertThat(whiteMask(TrayIcons.image(State.ERROR, 32))).isNotEqualTo(whiteMask(TrayIcons.image(State.OFF, 32)));
    }

    /** The colour below the mark, at the bottom middle of the badge. */
    private static Color badge(BufferedImage image) {
        return new Color(image.getRGB(image.getWidth() / 2, (int) (image.getHeight() * 0.8)));
    }

    private static String whiteMask(BufferedImage image) {
        var mask = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                mask.append((rgb >>> 24) > 200 && (rgb & 0xFFFFFF) == 0xFFFFFF ? '#' : '.');
            }
        }
        return mask.toString();
    }
}

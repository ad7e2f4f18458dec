package dev.ccbridge.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import org.junit.jupiter.api.Test;

class PricingTest {
    private final Target target = Target.builder().id("t").name("T").provider("p").baseUrl("https://x.example").model("m")
            .apiMode(ApiMode.CHAT_COMPLETIONS).token("ccb_t").build();

    @Test
    void pricesRoundTripThroughTheTargetsConfigEntry() throws Exception {
        Target priced = new Pricing(3.0, 15.0, 0.3, 3.75).applyTo(target);
        Target reread = Json.CONFIG.readValue(Json.CONFIG.writeValueAsString(priced), Target.class);
        assertThat(Pricing.of(reread)).isEqualTo(new Pricing(3.0, 15.0, 0.3, 3.75));
        assertThat(Pricing.of(Pricing.NONE.applyTo(reread))).isEqualTo(Pricing.NONE);
    }
}

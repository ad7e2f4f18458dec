package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ApiMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The target editor's fields, one property each, bound by the view; {@link #form()} is their values now. */
public final class TargetFields {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty provider = new SimpleStringProperty("");
    public final StringProperty baseUrl = new SimpleStringProperty("");
    public final ObjectProperty<ApiMode> apiMode = new SimpleObjectProperty<>(ApiMode.CHAT_COMPLETIONS);
    public final StringProperty model = new SimpleStringProperty("");
    public final StringProperty opus = new SimpleStringProperty("");
    public final StringProperty sonnet = new SimpleStringProperty("");
    public final StringProperty haiku = new SimpleStringProperty("");
    public final StringProperty headers = new SimpleStringProperty("");
    public final StringProperty apiKeyEnv = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty awsProfile = new SimpleStringProperty("");
    public final StringProperty priceInput = new SimpleStringProperty("");
    public final StringProperty priceOutput = new SimpleStringProperty("");
    public final StringProperty priceCacheRead = new SimpleStringProperty("");
    public final StringProperty priceCacheWrite = new SimpleStringProperty("");
    /** The ids of the fallback targets, in the order they are tried. */
    public final ObservableList<String> fallbacks = FXCollections.observableArrayList();
    private final Map<Limit, StringProperty> limits = textFields(Limit.class);
    private final Map<Capability, StringProperty> capabilities = textFields(Capability.class);

    public StringProperty limit(Limit limit) {
        return limits.get(limit);
    }

    public StringProperty capability(Capability capability) {
        return capabilities.get(capability);
    }

    /** Everything a change of the form depends on. */
    Observable[] observables() {
        List<Observable> all = new ArrayList<>(List.of(name, provider, baseUrl, apiMode, model, opus, sonnet, haiku,
                headers, apiKeyEnv, region, awsProfile, priceInput, priceOutput, priceCacheRead, priceCacheWrite,
                fallbacks));
        all.addAll(limits.values());
        all.addAll(capabilities.values());
        return all.toArray(Observable[]::new);
    }

    public TargetForm form() {
        return new TargetForm(name.get(), provider.get(), baseUrl.get(), apiMode.get(), model.get(), opus.get(),
                sonnet.get(), haiku.get(), headers.get(), apiKeyEnv.get(), region.get(), awsProfile.get(),
                priceInput.get(), priceOutput.get(), priceCacheRead.get(), priceCacheWrite.get(), List.copyOf(fallbacks),
                new LimitsForm(texts(limits)), new CapabilitiesForm(texts(capabilities)));
    }

    void fill(TargetForm values) {
        name.set(values.name());
        provider.set(values.provider());
        baseUrl.set(values.baseUrl());
        apiMode.set(values.apiMode());
        model.set(values.model());
        opus.set(values.opus());
        sonnet.set(values.sonnet());
        haiku.set(values.haiku());
        headers.set(values.headers());
        apiKeyEnv.set(values.apiKeyEnv());
        region.set(values.region());
        awsProfile.set(values.awsProfile());
        priceInput.set(values.priceInput());
        priceOutput.set(values.priceOutput());
        priceCacheRead.set(values.priceCacheRead());
        priceCacheWrite.set(values.priceCacheWrite());
        fallbacks.setAll(values.fallbacks());
        limits.forEach((limit, field) -> field.set(values.limits().text(limit)));
        capabilities.forEach((capability, field) -> field.set(values.capabilities().text(capability)));
    }

    private static <K extends Enum<K>> Map<K, StringProperty> textFields(Class<K> keys) {
        Map<K, StringProperty> fields = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            fields.put(key, new SimpleStringProperty(""));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static <K extends Enum<K>> Map<K, String> texts(Map<K, StringProperty> fields) {
        Map<K, String> out = new HashMap<>();
        fields.forEach((key, field) -> out.put(key, field.get()));
        return out;
    }
}

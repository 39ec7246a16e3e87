package dev.ecabot.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecabot.eca.EcaSpec;

/** The JSON form of an {@link EcaSpec} kept in the inventory and in provisioning runs. Thread-safe. */
public final class SettingsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SettingsJson() {
    }

    public static String write(EcaSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EcaSpec could not be written as JSON", e);
        }
    }

    public static EcaSpec read(String json) {
        try {
            return MAPPER.readValue(json, EcaSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored settings are not a valid EcaSpec: " + e.getOriginalMessage(), e);
        }
    }
}

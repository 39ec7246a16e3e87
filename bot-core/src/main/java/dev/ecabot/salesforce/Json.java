package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** The one Jackson mapper of the Salesforce client (thread-safe once configured). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** The parsed body, or null when it is empty or not JSON (e.g. an HTML error page from a proxy). */
    static JsonNode parseOrNull(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}

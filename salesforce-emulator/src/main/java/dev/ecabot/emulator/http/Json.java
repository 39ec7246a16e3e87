package dev.ecabot.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one Jackson mapper of the emulator, and Salesforce's date format for REST bodies. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Salesforce REST dates: "2021-05-10T04:33:14.000+0000". */
    private static final DateTimeFormatter SALESFORCE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String date(Instant instant) {
        return instant == null ? null : SALESFORCE_DATE.format(instant);
    }
}

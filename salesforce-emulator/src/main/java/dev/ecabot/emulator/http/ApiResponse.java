package dev.ecabot.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;

/** What a resource answers: status, content type and body bytes. Immutable. */
public record ApiResponse(int status, String contentType, byte[] body) {

    public static ApiResponse json(int status, JsonNode body) {
        try {
            return new ApiResponse(status, "application/json;charset=UTF-8", Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Salesforce's REST error body: an array of {"message", "errorCode"}. */
    public static ApiResponse restError(int status, String errorCode, String message) {
        ArrayNode errors = Json.array();
        errors.addObject().put("message", message).put("errorCode", errorCode);
        return json(status, errors);
    }

    public static ApiResponse xml(int status, String body) {
        return new ApiResponse(status, "text/xml;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0]);
    }

    public static ApiResponse notFound() {
        return restError(404, "NOT_FOUND", "The requested resource does not exist");
    }
}

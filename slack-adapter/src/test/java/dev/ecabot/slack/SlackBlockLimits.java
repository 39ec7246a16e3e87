package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's documented Block Kit limits, checked the way Slack checks them: a payload over any of them is refused with
 * {@code invalid_blocks} (messages) or {@code invalid_arguments} (views), so a test against the fake fails the way
 * the real service would. Messages: 50 blocks; views: 100 blocks and a 24-character title; section text 3,000;
 * context text 2,000 (10 elements); header 150; button and option texts 75; 100 options per select; input label
 * and hint 2,000.
 */
final class SlackBlockLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackBlockLimits() {
    }

    /** What breaks a limit in this call, or empty when Slack would take it. */
    static Optional<String> violation(String method, Map<String, String> params) {
        try {
            if (method.startsWith("chat.") && params.get("blocks") != null) {
                JsonNode blocks = JSON.readTree(params.get("blocks"));
                if (blocks.size() > 50) return Optional.of(blocks.size() + " blocks in a message (at most 50)");
                return blocks(blocks);
            }
            if (method.startsWith("views.") && params.get("view") != null) {
                JsonNode view = JSON.readTree(params.get("view"));
                String title = view.path("title").path("text").asText("");
                if (title.length() > 24) return Optional.of("modal title of " + title.length() + " characters (at most 24)");
                JsonNode blocks = view.path("blocks");
                if (blocks.size() > 100) return Optional.of(blocks.size() + " blocks in a modal (at most 100)");
                return blocks(blocks);
            }
        } catch (IOException e) {
            return Optional.of("blocks that are not JSON");
        }
        return Optional.empty();
    }

    private static Optional<String> blocks(JsonNode blocks) {
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            Optional<String> broken = switch (type) {
                case "section" -> over(block.path("text").path("text"), 3_000, "section text")
                        .or(() -> element(block.path("accessory")));
                case "context" -> block.path("elements").size() > 10 ? Optional.of("more than 10 context elements")
                        : each(block.path("elements"), e -> over(e.path("text"), 2_000, "context text"));
                case "header" -> over(block.path("text").path("text"), 150, "header text");
                case "actions" -> block.path("elements").size() > 25 ? Optional.of("more than 25 actions")
                        : each(block.path("elements"), SlackBlockLimits::element);
                case "input" -> over(block.path("label").path("text"), 2_000, "input label")
                        .or(() -> over(block.path("hint").path("text"), 2_000, "input hint"))
                        .or(() -> element(block.path("element")));
                default -> Optional.empty();
            };
            if (broken.isPresent()) return broken;
        }
        return Optional.empty();
    }

    private static Optional<String> element(JsonNode element) {
        if (element.isMissingNode() || element.isNull()) return Optional.empty();
        if ("button".equals(element.path("type").asText())) return over(element.path("text").path("text"), 75, "button text");
        JsonNode options = element.path("options");
        if (options.size() > 100) return Optional.of(options.size() + " options (at most 100)");
        return each(options, o -> over(o.path("text").path("text"), 75, "option text")
                .or(() -> over(o.path("description").path("text"), 75, "option description")));
    }

    private static Optional<String> each(JsonNode nodes, java.util.function.Function<JsonNode, Optional<String>> check) {
        for (JsonNode n : nodes) {
            Optional<String> broken = check.apply(n);
            if (broken.isPresent()) return broken;
        }
        return Optional.empty();
    }

    private static Optional<String> over(JsonNode text, int max, String what) {
        int length = text.asText("").length();
        return length > max ? Optional.of(what + " of " + length + " characters (at most " + max + ")") : Optional.empty();
    }
}

package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's documented Block Kit limits, checked the way Slack checks them: a payload over any of them is refused with
 * {@code invalid_blocks} (messages) or {@code invalid_arguments} (views), so a test against the fake fails the way
 * the real service would. Messages: 50 blocks, text 40,000; views (modal and Home tab): 100 blocks, a 24-character
 * title, submit and close, private_metadata 3,000, callback_id 255; section text 3,000 (10 fields of 2,000);
 * context text 2,000 (10 elements); header 150; button text 75 and value 2,000; option text and description 75,
 * value 150; 100 options per select, 10 per checkbox group, initial options among the options; action_id and
 * block_id 255; input label (required) and hint 2,000; a confirm dialog's title 100, text 300, buttons 30.
 */
final class SlackBlockLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackBlockLimits() {
    }

    /** What breaks a limit in this call, or empty when Slack would take it. */
    static Optional<String> violation(String method, Map<String, String> params) {
        try {
            if (method.startsWith("chat.") && params.get("text") != null && params.get("text").length() > 40_000) {
                return Optional.of("message text of " + params.get("text").length() + " characters (at most 40000)");
            }
            if (method.startsWith("chat.") && params.get("blocks") != null) {
                JsonNode blocks = JSON.readTree(params.get("blocks"));
                if (blocks.size() > 50) return Optional.of(blocks.size() + " blocks in a message (at most 50)");
                return blocks(blocks);
            }
            if (method.startsWith("views.") && params.get("view") != null) {
                return view(JSON.readTree(params.get("view")));
            }
            if (method.equals("response_url") && params.get("body") != null) {
                JsonNode body = JSON.readTree(params.get("body"));
                if (body.path("blocks").size() > 50) return Optional.of(body.path("blocks").size() + " blocks in a message (at most 50)");
                return blocks(body.path("blocks"));
            }
        } catch (IOException e) {
            return Optional.of("blocks that are not JSON");
        }
        return Optional.empty();
    }

    /** A modal or a Home tab: the view's own limits, then its blocks. */
    static Optional<String> view(JsonNode view) {
        if (view == null || view.isMissingNode() || view.isNull()) return Optional.empty();
        boolean home = "home".equals(view.path("type").asText());
        for (String part : home ? new String[0] : new String[] {"title", "submit", "close"}) {
            Optional<String> broken = over(view.path(part).path("text"), 24, "modal " + part);
            if (broken.isPresent()) return broken;
        }
        if (!home && view.path("title").path("text").asText("").isEmpty()) return Optional.of("a modal without a title");
        Optional<String> broken = over(view.path("private_metadata"), 3_000, "private_metadata")
                .or(() -> over(view.path("callback_id"), 255, "callback_id"));
        if (broken.isPresent()) return broken;
        JsonNode blocks = view.path("blocks");
        if (blocks.size() > 100) return Optional.of(blocks.size() + " blocks in a " + (home ? "Home tab" : "modal") + " (at most 100)");
        boolean inputs = false;
        for (JsonNode b : blocks) inputs |= "input".equals(b.path("type").asText());
        if (inputs && !home && view.path("submit").isMissingNode()) return Optional.of("a modal with inputs but no submit button");
        return blocks(blocks);
    }

    private static Optional<String> blocks(JsonNode blocks) {
        java.util.Set<String> blockIds = new java.util.HashSet<>();
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            String blockId = block.path("block_id").asText("");
            if (blockId.length() > 255) return Optional.of("block_id of " + blockId.length() + " characters (at most 255)");
            if (!blockId.isEmpty() && !blockIds.add(blockId)) return Optional.of("block_id '" + blockId + "' used twice");
            if ("input".equals(type) && block.path("label").path("text").asText("").isBlank()) {
                return Optional.of("an input without a label");
            }
            if ("section".equals(type) && block.path("fields").size() > 10) return Optional.of("more than 10 section fields");
            Optional<String> broken = switch (type) {
                case "section" -> over(block.path("text").path("text"), 3_000, "section text")
                        .or(() -> each(block.path("fields"), f -> over(f.path("text"), 2_000, "section field")))
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
        Optional<String> common = over(element.path("action_id"), 255, "action_id").or(() -> confirm(element.path("confirm")));
        if (common.isPresent()) return common;
        String type = element.path("type").asText();
        if ("button".equals(type)) {
            return over(element.path("text").path("text"), 75, "button text")
                    .or(() -> over(element.path("value"), 2_000, "button value"))
                    .or(() -> element.has("style") && !List.of("primary", "danger").contains(element.path("style").asText())
                            ? Optional.of("button style '" + element.path("style").asText() + "'") : Optional.empty());
        }
        JsonNode options = element.path("options");
        int max = "checkboxes".equals(type) || "radio_buttons".equals(type) ? 10 : 100;
        if (options.size() > max) return Optional.of(options.size() + " options in a " + type + " (at most " + max + ")");
        java.util.Set<String> values = new java.util.HashSet<>();
        for (JsonNode o : options) values.add(o.path("value").asText());
        for (JsonNode initial : element.path("initial_options")) {
            if (!values.contains(initial.path("value").asText())) return Optional.of("an initial option that is not an option");
        }
        return each(options, o -> over(o.path("text").path("text"), 75, "option text")
                .or(() -> over(o.path("description").path("text"), 75, "option description"))
                .or(() -> over(o.path("value"), 150, "option value")));
    }

    /** A confirm dialog (on a destructive button): title 100, text 300, confirm and deny 30 characters. */
    private static Optional<String> confirm(JsonNode confirm) {
        if (confirm.isMissingNode() || confirm.isNull()) return Optional.empty();
        for (String part : new String[] {"title", "text", "confirm", "deny"}) {
            if (confirm.path(part).path("text").asText("").isEmpty() && !part.equals("deny")) {
                return Optional.of("a confirm dialog without " + part);
            }
        }
        return over(confirm.path("title").path("text"), 100, "confirm title")
                .or(() -> over(confirm.path("text").path("text"), 300, "confirm text"))
                .or(() -> over(confirm.path("confirm").path("text"), 30, "confirm button"))
                .or(() -> over(confirm.path("deny").path("text"), 30, "deny button"));
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

package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Slack user driving the bot as Slack would deliver their actions: DMs as signed message.im events,
 * clicks as signed block_actions, modal submissions as signed view_submission payloads (real payload shapes,
 * built from src/test/resources/slack/). Reads what the bot showed from the fake Web API's recorded calls.
 */
final class SlackUserSimulator {

    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    final String userId;
    final String dmChannel;
    private final SignedRequests slack;
    private final FakeSlackWebApi api;

    SlackUserSimulator(String userId, SignedRequests slack, FakeSlackWebApi api) {
        this.userId = userId;
        this.dmChannel = "D" + userId;
        this.slack = slack;
        this.api = api;
    }

    HttpResponse<String> says(String text) {
        ObjectNode event = SignedRequests.payload("events/message_im.json");
        event.put("event_id", "Ev0SIM" + EVENT_IDS.incrementAndGet());
        ((ObjectNode) event.get("event")).put("user", userId).put("channel", dmChannel).put("text", text)
                .put("ts", "1700001000." + String.format("%06d", EVENT_IDS.get()));
        return slack.postEvent(event, Map.of());
    }

    /** Writes {@code text} in the thread of {@code threadTs} of the DM with the bot. */
    HttpResponse<String> saysInThread(String threadTs, String text) {
        ObjectNode event = SignedRequests.payload("events/message_im.json");
        event.put("event_id", "Ev0SIM" + EVENT_IDS.incrementAndGet());
        ((ObjectNode) event.get("event")).put("user", userId).put("channel", dmChannel).put("text", text)
                .put("ts", "1700001000." + String.format("%06d", EVENT_IDS.get())).put("thread_ts", threadTs);
        return slack.postEvent(event, Map.of());
    }

    /** Presses a button of a message the bot posted (found by its recorded blocks). */
    HttpResponse<String> clicks(FakeSlackWebApi.Call message, String blockId, String actionId) {
        JsonNode blocks = blocksOf(message);
        JsonNode button = null;
        for (JsonNode block : blocks) {
            if (!blockId.equals(block.path("block_id").asText())) continue;
            for (JsonNode el : block.path("elements")) if (actionId.equals(el.path("action_id").asText())) button = el;
        }
        if (button == null) throw new AssertionError("no button " + blockId + "/" + actionId + " in " + blocks);
        ObjectNode payload = SignedRequests.payload("interactivity/block_actions.json");
        ((ObjectNode) payload.get("user")).put("id", userId).put("username", userId.toLowerCase(Locale.ROOT));
        // A message in a DM or a channel is clicked where it is; one addressed by user id lives in this user's DM.
        String posted = message.param("channel");
        String channel = posted.startsWith("D") || posted.startsWith("C") || posted.startsWith("G") ? posted : dmChannel;
        ((ObjectNode) payload.get("channel")).put("id", channel);
        ((ObjectNode) payload.get("container")).put("channel_id", channel).put("message_ts", tsOf(message));
        ObjectNode msg = (ObjectNode) payload.get("message");
        msg.put("ts", tsOf(message)).put("text", message.param("text") == null ? "" : message.param("text"));
        msg.set("blocks", blocks);
        ObjectNode action = (ObjectNode) ((ArrayNode) payload.get("actions")).get(0);
        action.put("block_id", blockId).put("action_id", actionId).put("value", button.path("value").asText());
        action.set("text", button.get("text"));
        payload.put("response_url", api.responseUrl("click-" + userId + "-" + EVENT_IDS.incrementAndGet()));
        return postInteraction(payload);
    }

    /** Presses the button of {@code blockId} whose value is {@code value}. */
    HttpResponse<String> clicksValue(FakeSlackWebApi.Call message, String blockId, String value) {
        for (JsonNode block : blocksOf(message)) {
            if (!blockId.equals(block.path("block_id").asText())) continue;
            for (JsonNode el : block.path("elements")) {
                if (value.equals(el.path("value").asText())) return clicks(message, blockId, el.path("action_id").asText());
            }
        }
        throw new AssertionError("no button with value " + value + " in " + blockId + ": " + blocksOf(message));
    }

    /** Submits the modal the bot opened with {@code viewsOpen}, answering fields by field id. */
    HttpResponse<String> submits(FakeSlackWebApi.Call viewsOpen, Map<String, String> answers) {
        return submits(json(viewsOpen.param("view")), answers);
    }

    /** Submits a modal showing {@code view} (e.g. the one a {@code response_action: update} put in the window). */
    HttpResponse<String> submits(JsonNode view, Map<String, String> answers) {
        ObjectNode payload = SignedRequests.payload("interactivity/view_submission.json");
        ((ObjectNode) payload.get("user")).put("id", userId).put("username", userId.toLowerCase(Locale.ROOT)).put("name", userId.toLowerCase(Locale.ROOT));
        ObjectNode v = (ObjectNode) payload.get("view");
        v.put("callback_id", view.path("callback_id").asText());
        v.put("private_metadata", view.path("private_metadata").asText());
        v.set("blocks", view.get("blocks"));
        ObjectNode values = SignedRequests.JSON.createObjectNode();
        answers.forEach((field, text) -> values.putObject(field).putObject("value")
                .put("type", "plain_text_input").put("value", text));
        ((ObjectNode) v.get("state")).set("values", values);
        payload.remove("response_urls");
        return postInteraction(payload);
    }

    /** Submits the modal, ticking {@code ticked} in the checkboxes or multi-select of {@code field}. */
    HttpResponse<String> submitsChoices(FakeSlackWebApi.Call viewsOpen, String field, java.util.List<String> ticked) {
        JsonNode view = json(viewsOpen.param("view"));
        ObjectNode payload = SignedRequests.payload("interactivity/view_submission.json");
        ((ObjectNode) payload.get("user")).put("id", userId).put("username", userId.toLowerCase(Locale.ROOT)).put("name", userId.toLowerCase(Locale.ROOT));
        ObjectNode v = (ObjectNode) payload.get("view");
        v.put("callback_id", view.path("callback_id").asText());
        v.put("private_metadata", view.path("private_metadata").asText());
        v.set("blocks", view.get("blocks"));
        String type = "checkboxes";
        for (JsonNode block : view.path("blocks")) {
            if (field.equals(block.path("block_id").asText())) type = block.path("element").path("type").asText();
        }
        ObjectNode value = SignedRequests.JSON.createObjectNode().put("type", type);
        ArrayNode selected = value.putArray("selected_options");
        for (String t : ticked) selected.addObject().put("value", t).putObject("text").put("type", "plain_text").put("text", t);
        ObjectNode values = SignedRequests.JSON.createObjectNode();
        values.putObject(field).set("value", value);
        ((ObjectNode) v.get("state")).set("values", values);
        payload.remove("response_urls");
        return postInteraction(payload);
    }

    /** Opens the bot's App Home tab (the {@code app_home_opened} event). */
    HttpResponse<String> opensHome() {
        ObjectNode envelope = SignedRequests.payload("events/message_im.json");
        envelope.put("event_id", "Ev0HOME" + EVENT_IDS.incrementAndGet());
        ObjectNode event = SignedRequests.JSON.createObjectNode().put("type", "app_home_opened").put("user", userId)
                .put("channel", dmChannel).put("tab", "home").put("event_ts", "1700002000." + EVENT_IDS.get());
        envelope.set("event", event);
        return slack.postEvent(envelope, Map.of());
    }

    /** Presses the button of {@code blockId} whose value is {@code value} on the Home tab published in {@code publish}. */
    HttpResponse<String> clicksOnHome(FakeSlackWebApi.Call publish, String blockId, String value) {
        JsonNode view = json(publish.param("view"));
        for (JsonNode block : view.path("blocks")) {
            if (!blockId.equals(block.path("block_id").asText())) continue;
            for (JsonNode el : block.path("elements")) {
                if (!value.equals(el.path("value").asText())) continue;
                ObjectNode payload = SignedRequests.payload("interactivity/block_actions.json");
                ((ObjectNode) payload.get("user")).put("id", userId).put("username", userId.toLowerCase(Locale.ROOT));
                payload.remove("channel");
                payload.remove("message");
                payload.remove("response_url");
                payload.putObject("container").put("type", "view").put("view_id", "VHOME00001");
                payload.set("view", view);
                ObjectNode action = (ObjectNode) ((ArrayNode) payload.get("actions")).get(0);
                action.put("block_id", blockId).put("action_id", el.path("action_id").asText()).put("value", value);
                action.set("text", el.get("text"));
                return postInteraction(payload);
            }
        }
        throw new AssertionError("no button with value " + value + " in " + blockId + " on the Home tab: " + view);
    }

    /** Uses the bot's global shortcut (the lightning menu) with {@code callbackId}. */
    HttpResponse<String> usesShortcut(String callbackId) {
        ObjectNode payload = SignedRequests.JSON.createObjectNode().put("type", "shortcut").put("token", "FAKEfakeFAKEfakeFAKEfake")
                .put("action_ts", "1700003000.000001").put("callback_id", callbackId).put("trigger_id", "13345224609.8534564800.sc");
        payload.putObject("team").put("id", "T024BE7LD").put("domain", "example");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase(Locale.ROOT)).put("team_id", "T024BE7LD");
        return postInteraction(payload);
    }

    private HttpResponse<String> postInteraction(ObjectNode payload) {
        String body = SignedRequests.formEncode(Map.of("payload", payload.toString()));
        return slack.post("application/x-www-form-urlencoded", body, Map.of());
    }

    static JsonNode blocksOf(FakeSlackWebApi.Call message) {
        return json(message.param("blocks"));
    }

    static String tsOf(FakeSlackWebApi.Call message) {
        return message.param("ts") != null ? message.param("ts") : message.param("_response_ts");
    }

    static JsonNode json(String text) {
        try {
            return SignedRequests.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

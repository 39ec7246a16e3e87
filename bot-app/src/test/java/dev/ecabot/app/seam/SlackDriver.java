package dev.ecabot.app.seam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.slack.SignedRequests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Slack as Slack drives the bot: {@code ecabot serve} (outbox, Bolt, the signature filter) with its Web API pointed at
 * the fake Slack Web API; DMs arrive as signed {@code message.im} events, clicks as signed {@code block_actions}, forms
 * as {@code view_submission} of the modal the bot opened. What people saw is read from the fake's recorded calls:
 * posts and updates in their DM, {@code response_url} answers to their clicks, and the modals their clicks opened
 * (each click has its own trigger id, so a modal is known to be the clicker's).
 */
final class SlackDriver implements ChatDriver {

    static final String SIGNING_SECRET = "5eam5eam5eam5eam5eam5eam5eam5eam";
    private static final Map<String, String> IDS = Map.of("alice", "U0ALICE01", "bob", "U0BOB0001", "carol", "U0CAROL01");
    /** The team's channel the bot is in. */
    static final String CHANNEL = "C0SEAM001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final FakeSlackWebApi api = new FakeSlackWebApi();
    private final ServeCommand.Running bot;
    private final SignedRequests slack;
    private final SeamWorld world;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    /** Who clicked, by the trigger id and response_url of the click: modals and private answers are theirs. */
    private final Map<String, String> clickers = new ConcurrentHashMap<>();
    private volatile String[] lastInbound;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    SlackDriver(SeamWorld world) {
        this.world = world;
        world.env.put("SLACK_BOT_TOKEN", "xoxb-5-5-seamtoken");
        world.env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        world.env.put("SLACK_API_URL", api.apiUrl());
        try {
            bot = ServeCommand.start(world.env);
        } catch (Exception e) {
            api.close();
            throw new IllegalStateException(e);
        }
        slack = new SignedRequests(bot.server().baseUri().resolve("/slack/events"), SIGNING_SECRET);
    }

    static String granteeOf(String person) {
        return "slack:" + IDS.get(person);
    }

    @Override
    public String platform() {
        return "slack";
    }

    @Override
    public String grantee(String person) {
        return granteeOf(person);
    }

    @Override
    public Duration deadline() {
        return Duration.ofSeconds(3); // Slack shows the person an error and retries after 3 s
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public Answer say(String person, String text) {
        int n = SEQUENCE.incrementAndGet();
        ObjectNode event = SignedRequests.payload("events/message_im.json");
        event.put("event_id", "Ev0SEAM" + n);
        ((ObjectNode) event.get("event")).put("user", IDS.get(person)).put("channel", dm(person)).put("text", text)
                .put("ts", "1700002000." + String.format("%06d", n)).put("client_msg_id", "seam-" + n);
        return post("application/json", event.toString());
    }

    @Override
    public Answer sayInChannel(String person, String text) {
        int n = SEQUENCE.incrementAndGet();
        ObjectNode event = SignedRequests.payload("events/app_mention.json");
        event.put("event_id", "Ev0SEAM" + n);
        String ts = "1700003000." + String.format("%06d", n);
        ((ObjectNode) event.get("event")).put("user", IDS.get(person)).put("channel", CHANNEL)
                .put("text", "<@U0ECABOT1> " + text).put("ts", ts).put("event_ts", ts);
        return post("application/json", event.toString());
    }

    @Override
    public Answer answer(String person, String value) {
        Post question = await().atMost(Duration.ofSeconds(30)).until(() -> unanswered(person), Optional::isPresent).get();
        answered.add(question.ts());
        for (JsonNode block : question.blocks()) {
            String blockId = block.path("block_id").asText();
            if (blockId.startsWith("form:")) return fillIn(person, new Target(question, blockId, block.path("elements").get(0)), value);
            if (blockId.startsWith("choice:")) {
                for (JsonNode element : block.path("elements")) {
                    if (value.equalsIgnoreCase(element.path("value").asText())) {
                        return click(person, new Button(null, person, new Target(question, blockId, element)));
                    }
                }
            }
        }
        throw new AssertionError(person + " has no question that takes '" + value + "': " + question.blocks());
    }

    /** Presses "Fill in", waits for the modal this click opened, and submits it with the answer in its first field. */
    private Answer fillIn(String person, Target fillIn, String value) {
        String trigger = press(person, fillIn).trigger();
        FakeSlackWebApi.Call modal = await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("views.open").stream()
                .filter(c -> trigger.equals(c.param("trigger_id")) && c.param("_view_id") != null).findFirst(),
                Optional::isPresent).get();
        JsonNode view = json(modal.param("view"));
        ObjectNode payload = SignedRequests.payload("interactivity/view_submission.json");
        String id = IDS.get(person);
        ((ObjectNode) payload.get("user")).put("id", id).put("username", person).put("name", person);
        ObjectNode submitted = (ObjectNode) payload.get("view");
        submitted.put("id", modal.param("_view_id"));
        submitted.put("callback_id", view.path("callback_id").asText());
        submitted.put("private_metadata", view.path("private_metadata").asText());
        submitted.set("blocks", view.get("blocks"));
        ObjectNode values = SignedRequests.JSON.createObjectNode();
        // The scenarios answer one question at a time: the value goes in the form's first field (the question asked);
        // a form of several questions then comes back with the rest, as it does for a person who types the answer.
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                values.putObject(block.path("block_id").asText()).putObject(block.path("element").path("action_id").asText("value"))
                        .put("type", "plain_text_input").put("value", value);
                break;
            }
        }
        ((ObjectNode) submitted.get("state")).set("values", values);
        payload.remove("response_urls");
        return post("application/x-www-form-urlencoded", SignedRequests.formEncode(Map.of("payload", payload.toString())));
    }

    /** The newest question in {@code person}'s DM not answered yet (a "Fill in" or a choice other than the confirmation). */
    private Optional<Post> unanswered(String person) {
        return lastPostWithBlock(placesOf(person), "form:", "choice:").filter(p -> !answered.contains(p.ts())
                && p.blocks().findValuesAsText("block_id").stream().noneMatch(b -> b.equals("choice:confirm")
                || b.equals("choice:approval")));
    }

    @Override
    public Optional<Button> button(String viewer, ButtonKind kind) {
        String blockId = switch (kind) {
            case CREATE -> "choice:confirm";
            case REVEAL -> "reveal";
            case APPROVE -> "choice:approval";
        };
        return lastPostWithBlock(placesOf(viewer), blockId).flatMap(post -> {
            for (JsonNode block : post.blocks()) {
                if (!blockId.equals(block.path("block_id").asText())) continue;
                for (JsonNode element : block.path("elements")) {
                    boolean wanted = switch (kind) {
                        case CREATE -> "confirm".equals(element.path("value").asText());
                        case REVEAL -> true;
                        case APPROVE -> "Approve".equals(element.path("text").path("text").asText());
                    };
                    if (wanted) return Optional.of(new Button(kind, viewer, new Target(post, blockId, element)));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Answer click(String person, Button button) {
        return press(person, (Target) button.handle()).answer();
    }

    private record Press(String trigger, Answer answer) {
    }

    /** A signed block_actions payload as Slack sends it when {@code person} presses the target's button. */
    private Press press(String person, Target target) {
        int n = SEQUENCE.incrementAndGet();
        String trigger = "1700000300." + n + ".5eam" + n;
        String responseUrl = api.responseUrl("click-" + n);
        clickers.put(trigger, person);
        clickers.put("/response/click-" + n, person);
        ObjectNode payload = SignedRequests.payload("interactivity/block_actions.json");
        ((ObjectNode) payload.get("user")).put("id", IDS.get(person)).put("username", person).put("name", person);
        Post message = target.message();
        ((ObjectNode) payload.get("channel")).put("id", message.channel());
        ObjectNode container = ((ObjectNode) payload.get("container")).put("channel_id", message.channel()).put("message_ts", message.ts());
        ObjectNode shown = (ObjectNode) payload.get("message");
        shown.put("ts", message.ts()).put("text", String.valueOf(message.call().param("text")));
        String thread = message.call().param("thread_ts");
        if (thread != null) {
            container.put("thread_ts", thread);
            shown.put("thread_ts", thread);
        }
        shown.set("blocks", message.blocks());
        ObjectNode action = (ObjectNode) ((ArrayNode) payload.get("actions")).get(0);
        action.put("block_id", target.blockId()).put("action_id", target.element().path("action_id").asText())
                .put("value", target.element().path("value").asText()).put("action_ts", "1700000300." + n);
        action.set("text", target.element().get("text"));
        payload.put("trigger_id", trigger).put("response_url", responseUrl);
        return new Press(trigger, post("application/x-www-form-urlencoded",
                SignedRequests.formEncode(Map.of("payload", payload.toString()))));
    }

    @Override
    public Answer redeliverLast() {
        String[] last = lastInbound;
        long started = System.nanoTime();
        HttpResponse<String> response = slack.post(last[0], last[1], Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout"));
        return record(response.statusCode(), started);
    }

    private Answer post(String contentType, String body) {
        lastInbound = new String[] {contentType, body};
        long started = System.nanoTime();
        int status;
        try {
            status = slack.post(contentType, body, Map.of()).statusCode();
        } catch (RuntimeException e) {
            status = -1;
        }
        return record(status, started);
    }

    private Answer record(int status, long started) {
        Answer answer = new Answer(status, Duration.ofNanos(System.nanoTime() - started));
        answers.add(answer);
        return answer;
    }

    @Override
    public List<String> seen(String person) {
        return shown().stream().filter(s -> s.viewer().equals(person)).map(Shown::text).toList();
    }

    @Override
    public List<Shown> shown() {
        List<Shown> shown = new ArrayList<>();
        for (FakeSlackWebApi.Call call : api.calls()) {
            switch (call.method()) {
                case "chat.postMessage", "chat.update" -> {
                    if (accepted(call)) shown.add(new Shown(ownerOf(call.param("channel")), call.param("text") + "\n" + call.param("blocks")));
                }
                case "response_url" -> shown.add(new Shown(clickers.getOrDefault(call.param("url"), "?"), call.param("body")));
                case "views.open", "views.update" -> shown.add(new Shown(viewerOf(call), call.param("view")));
                default -> { }
            }
        }
        return shown;
    }

    @Override
    public List<String> delivered() {
        return api.calls("chat.postMessage").stream().filter(SlackDriver::accepted)
                .map(c -> c.param("channel") + " | " + c.param("text") + " " + c.param("blocks")).toList();
    }

    @Override
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void fail(Send kind, Fault fault, int times) {
        if (fault == Fault.RATE_LIMITED) api.rateLimitMatching(methodOf(kind), matching(kind), times, 1);
        else api.serverErrorMatching(methodOf(kind), matching(kind), times, 503);
    }

    @Override
    public void refuse(Send kind, Refusal refusal, int times) {
        api.refuseMatching(methodOf(kind), matching(kind), times, switch (refusal) {
            case INVALID_PAYLOAD -> "invalid_blocks";
            case PLACE_NOT_FOUND -> "channel_not_found";
            case NOT_ALLOWED -> "not_in_channel";
        });
    }

    @Override
    public int attempts(Send kind) {
        return (int) api.calls(methodOf(kind)).stream().filter(c -> c.params().toString().contains(matching(kind))).count();
    }

    @Override
    public List<String> overLimit() {
        return api.refusedOverLimit();
    }

    /** Slack mrkdwn links, {@code <url|words>}, in the text and blocks of what {@code viewer} was shown. */
    @Override
    public List<String> disguisedLinks(String viewer) {
        List<String> links = new ArrayList<>();
        for (FakeSlackWebApi.Call call : api.calls()) {
            boolean theirs = switch (call.method()) {
                case "chat.postMessage", "chat.update" -> accepted(call) && viewer.equals(ownerOf(call.param("channel")));
                case "response_url" -> viewer.equals(clickers.get(call.param("url")));
                case "views.open", "views.update" -> viewer.equals(viewerOf(call));
                default -> false;
            };
            if (!theirs) continue;
            List<String> mrkdwn = new ArrayList<>();
            if (call.param("text") != null) mrkdwn.add(call.param("text")); // a message's text is mrkdwn too
            for (String part : new String[] {"blocks", "body", "view"}) {
                String json = call.param(part);
                if (json != null && (json.startsWith("[") || json.startsWith("{"))) collectMrkdwn(json(json), mrkdwn);
            }
            for (String text : mrkdwn) {
                java.util.regex.Matcher link = MRKDWN_LINK.matcher(text);
                while (link.find()) {
                    if (!link.group(2).strip().equals(link.group(1).strip())) links.add(link.group(0));
                }
            }
        }
        return links;
    }

    private static final java.util.regex.Pattern MRKDWN_LINK = java.util.regex.Pattern.compile("<((?:https?|mailto):[^|>]+)\\|([^>]*)>");

    /** Every text Slack renders as mrkdwn: text objects of type mrkdwn, and a response_url answer's own text. */
    private static void collectMrkdwn(JsonNode node, List<String> into) {
        if (node.isObject()) {
            if ("mrkdwn".equals(node.path("type").asText()) && node.path("text").isTextual()) into.add(node.path("text").asText());
            else if (node.has("response_type") && node.path("text").isTextual()) into.add(node.path("text").asText());
        }
        for (JsonNode child : node) collectMrkdwn(child, into);
    }

    private static String methodOf(Send kind) {
        return kind == Send.PROGRESS ? "chat.update" : "chat.postMessage";
    }

    private static String matching(Send kind) {
        return switch (kind) {
            case QUESTION -> "\"block_id\":\"form:";
            case CONFIRMATION -> "\"block_id\":\"choice:confirm\"";
            case PROGRESS -> "Deploying";
            case REVEAL_OFFER -> "\"block_id\":\"reveal\"";
            case APPROVAL_CARD -> "\"block_id\":\"choice:approval\"";
            case DIRECT_MESSAGE -> "channel=" + dm("bob");
        };
    }

    @Override
    public void slow(boolean on) {
        api.latency(on ? Duration.ofSeconds(5) : Duration.ZERO);
    }

    @Override
    public int undelivered() {
        return world.outboxRows("PENDING") + world.outboxRows("DEAD");
    }

    @Override
    public void close() {
        bot.close();
        api.close();
    }

    private static String dm(String person) {
        return "D" + IDS.get(person);
    }

    private static String ownerOf(String channel) {
        return IDS.entrySet().stream().filter(e -> ("D" + e.getValue()).equals(channel) || e.getValue().equals(channel))
                .map(Map.Entry::getKey).findFirst().orElse("#" + channel);
    }

    private String viewerOf(FakeSlackWebApi.Call view) {
        String trigger = view.param("trigger_id");
        if (trigger != null) return clickers.getOrDefault(trigger, "?");
        String viewId = view.param("view_id");
        return api.calls("views.open").stream().filter(o -> viewId != null && viewId.equals(o.param("_view_id")))
                .map(o -> clickers.getOrDefault(o.param("trigger_id"), "?")).findFirst().orElse("?");
    }

    /** A call Slack took (a rate-limited, failed or refused one posted nothing). */
    private static boolean accepted(FakeSlackWebApi.Call call) {
        return call.param("_response_ts") != null;
    }

    /** A message as posted, with its blocks as they are now (after the bot's latest edit of it). */
    record Post(FakeSlackWebApi.Call call, String channel, String ts) {
        JsonNode blocks() {
            return json(call.param("blocks"));
        }
    }

    /** One button of one posted message. */
    record Target(Post message, String blockId, JsonNode element) {
    }

    /** Where {@code person} reads the bot: their DM and the team's channel. */
    private static List<String> placesOf(String person) {
        return List.of(dm(person), CHANNEL);
    }

    private Optional<Post> lastPostWithBlock(List<String> places, String... prefixes) {
        List<FakeSlackWebApi.Call> posts = api.calls("chat.postMessage").stream()
                .filter(c -> places.contains(c.param("channel")) && c.param("_response_ts") != null && c.param("blocks") != null)
                .toList();
        for (int i = posts.size() - 1; i >= 0; i--) {
            Post post = new Post(posts.get(i), posts.get(i).param("channel"), posts.get(i).param("_response_ts"));
            for (JsonNode block : post.blocks()) {
                for (String prefix : prefixes) {
                    if (block.path("block_id").asText().startsWith(prefix)) return Optional.of(post);
                }
            }
        }
        return Optional.empty();
    }

    static JsonNode json(String text) {
        try {
            return SignedRequests.JSON.readTree(text == null ? "[]" : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

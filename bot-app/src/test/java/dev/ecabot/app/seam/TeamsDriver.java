package dev.ecabot.app.seam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.teams.FakeBotConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Teams as the Bot Framework drives the bot: {@code ecabot serve} (outbox, 202 at once, activity de-duplication) with
 * {@code /api/messages} receiving activities whose serviceUrl is the fake Bot Connector; messages and card submits as
 * message activities, Reveal as a {@code task/fetch} invoke answered in the HTTP response. Runs in insecure-local
 * mode (no token on inbound activities): the token check is TeamsEndpointAuthenticationTest's business, and the turn
 * after it is the same code. What people saw: activities posted and updated in their chat, and the dialogs their
 * invokes were answered with.
 */
final class TeamsDriver implements ChatDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Entra object id, Teams user id, name and personal chat of each person. */
    private record Person(String aadId, String teamsId, String name, String chat) {
    }

    private static final Map<String, Person> PEOPLE = Map.of(
            "alice", new Person("0f5b1c2e-8a4d-4e1f-9b7a-3c2d1e0f9a01", "29:1alice-seam", "Alice", "a:1SeamChatWithAlice"),
            "bob", new Person("4d7e2a90-1c3b-4f5e-a6d7-8e9f0a1b2c3d", "29:1bob-seam", "Bob", "a:1SeamChatWithBob"),
            "carol", new Person("99999999-aaaa-bbbb-cccc-000000000003", "29:1carol-seam", "Carol", "a:1SeamChatWithCarol"));

    /** The team's channel the bot is in (a conversation started by a mention there). */
    static final String CHANNEL = "19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2;messageid=1763631012003";

    private final FakeBotConnector connector;
    private final ServeCommand.Running bot;
    private final SeamWorld world;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Shown> dialogs = new CopyOnWriteArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile String lastInbound;

    TeamsDriver(SeamWorld world) {
        this.world = world;
        try {
            connector = new FakeBotConnector();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        world.env.put("ECABOT_TEAMS_INSECURE_LOCAL", "true");
        try {
            bot = ServeCommand.start(world.env);
        } catch (Exception e) {
            connector.close();
            throw new IllegalStateException(e);
        }
        endpoint = bot.server().baseUri().resolve("/api/messages");
    }

    static String granteeOf(String person) {
        return "teams:" + PEOPLE.get(person).aadId();
    }

    @Override
    public String platform() {
        return "teams";
    }

    @Override
    public String grantee(String person) {
        return granteeOf(person);
    }

    @Override
    public Duration deadline() {
        return Duration.ofSeconds(15); // the Bot Framework retries a delivery not answered in 15 s
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public Answer say(String person, String text) {
        ObjectNode activity = activity("message_personal.json", person, PEOPLE.get(person).chat());
        activity.put("text", text);
        return post(activity).answer();
    }

    @Override
    public Answer sayInChannel(String person, String text) {
        ObjectNode activity = activity("message_channel_mention.json", person, CHANNEL);
        activity.put("text", "<at>ECA bot</at> " + text);
        return post(activity).answer();
    }

    @Override
    public Answer answer(String person, String value) {
        FakeBotConnector.Call question = await().atMost(Duration.ofSeconds(30)).until(() -> unanswered(person),
                Optional::isPresent).get();
        answered.add(question.answeredId());
        JsonNode card = card(question);
        ObjectNode data = null;
        boolean form = false;
        for (JsonNode element : card.path("body")) {
            if (element.path("type").asText().startsWith("Input.")) form = true;
        }
        if (form) {
            data = ((ObjectNode) card.at("/actions/0/data")).deepCopy();
            for (JsonNode element : card.path("body")) {
                if (element.path("type").asText().startsWith("Input.")) {
                    data.put(element.path("id").asText(), value); // the first field: the question asked (see SlackDriver)
                    break;
                }
            }
        } else {
            for (JsonNode action : card.path("actions")) {
                if (value.equalsIgnoreCase(action.path("data").path("value").asText())) data = (ObjectNode) action.path("data");
            }
        }
        if (data == null) throw new AssertionError(person + " has no question that takes '" + value + "': " + card);
        return click(person, new Button(null, person, new Target(question, data)));
    }

    /** The newest card in {@code person}'s chat asking something, not answered yet (the confirmation is a button). */
    private Optional<FakeBotConnector.Call> unanswered(String person) {
        List<FakeBotConnector.Call> posted = postedTo(placesOf(person));
        for (int i = posted.size() - 1; i >= 0; i--) {
            JsonNode card = card(posted.get(i));
            String actions = card.path("actions").toString();
            if (actions.contains("\"promptId\":\"confirm\"") || actions.contains("\"promptId\":\"approval\"")
                    || actions.contains("\"ecabot\":\"reveal\"")) continue;
            if (actions.contains("\"ecabot\":\"form\"") || actions.contains("\"ecabot\":\"choice\"")) {
                return answered.contains(posted.get(i).answeredId()) ? Optional.empty() : Optional.of(posted.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * One button of one posted card: the card's activity and the button's data; for a Universal Action (an approval
     * card refreshed into Approve / Deny for its viewer) the Action.Execute itself, pressed as an invoke.
     */
    record Target(FakeBotConnector.Call card, JsonNode data, JsonNode execute) {
        Target(FakeBotConnector.Call card, JsonNode data) {
            this(card, data, null);
        }
    }

    @Override
    public Optional<Button> button(String viewer, ButtonKind kind) {
        List<FakeBotConnector.Call> posted = postedTo(placesOf(viewer));
        for (int i = posted.size() - 1; i >= 0; i--) {
            JsonNode refresh = card(posted.get(i)).at("/refresh/action");
            if (kind == ButtonKind.APPROVE && refresh.isObject()) {
                // Teams refreshes an approval card for its viewer: approvers get Approve and Deny
                JsonNode view = invoke(viewer, posted.get(i), refresh).path("value");
                for (JsonNode action : view.path("actions")) {
                    if ("Approve".equals(action.path("title").asText())) {
                        return Optional.of(new Button(kind, viewer, new Target(posted.get(i), action.path("data"), action)));
                    }
                }
            }
            for (JsonNode action : card(posted.get(i)).path("actions")) {
                JsonNode data = action.path("data");
                boolean wanted = switch (kind) {
                    case CREATE -> "confirm".equals(data.path("promptId").asText()) && "confirm".equals(data.path("value").asText());
                    case REVEAL -> "reveal".equals(data.path("ecabot").asText());
                    case APPROVE -> "Approve".equals(action.path("title").asText());
                };
                if (wanted) return Optional.of(new Button(kind, viewer, new Target(posted.get(i), data)));
            }
        }
        return Optional.empty();
    }

    /** Teams' adaptiveCard/action invoke of {@code action} on {@code card}, as {@code person}; its answer. */
    private JsonNode invoke(String person, FakeBotConnector.Call card, JsonNode action) {
        Sent sent = postInvoke(person, card, action);
        try {
            return JSON.readTree(sent.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sent postInvoke(String person, FakeBotConnector.Call card, JsonNode action) {
        ObjectNode invoke = activity("invoke_adaptive_card_action.json", person, card.conversationId());
        ((ObjectNode) invoke.path("value")).set("action", action);
        invoke.put("replyToId", card.answeredId());
        return post(invoke);
    }

    @Override
    public Answer click(String person, Button button) {
        Target target = (Target) button.handle();
        String conversation = target.card().conversationId();
        if (target.execute() != null) {
            Sent sent = postInvoke(person, target.card(), target.execute());
            dialogs.add(new Shown(person, sent.body())); // Teams shows the invoke's answer to the clicker alone
            return sent.answer();
        }
        if ("task/fetch".equals(target.data().path("msteams").path("type").asText())) {
            ObjectNode invoke = activity("invoke_task_fetch.json", person, conversation);
            ((ObjectNode) invoke.path("value")).set("data", target.data());
            invoke.put("replyToId", target.card().answeredId());
            Sent sent = post(invoke);
            dialogs.add(new Shown(person, sent.body()));
            return sent.answer();
        }
        // A card in the channel is pressed in the channel (anyone there can); one in a personal chat, in that chat.
        ObjectNode submit = activity(CHANNEL.equals(conversation) ? "message_channel_mention.json" : "message_card_submit.json",
                person, conversation);
        submit.remove("text");
        submit.set("value", target.data());
        submit.put("replyToId", target.card().answeredId());
        return post(submit).answer();
    }

    @Override
    public Answer redeliverLast() {
        return send(lastInbound).answer();
    }

    private record Sent(Answer answer, String body) {
    }

    private Sent post(ObjectNode activity) {
        lastInbound = activity.toString();
        return send(lastInbound);
    }

    private Sent send(String activity) {
        long started = System.nanoTime();
        int status;
        String body = "";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            status = -1; // no answer in time: Teams would retry
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Answer answer = new Answer(status, Duration.ofNanos(System.nanoTime() - started));
        answers.add(answer);
        return new Sent(answer, body);
    }

    /** A test activity (the teams-adapter's recorded shapes) from {@code person} in {@code conversation}, with a new id. */
    private ObjectNode activity(String name, String person, String conversation) {
        try (InputStream in = getClass().getResourceAsStream("/activities/" + name)) {
            if (in == null) throw new IllegalStateException("no test activity " + name + " (teams-adapter test-jar)");
            ObjectNode activity = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{serviceUrl}}", connector.serviceUrl()));
            Person who = PEOPLE.get(person);
            ((ObjectNode) activity.path("from")).put("id", who.teamsId()).put("name", who.name()).put("aadObjectId", who.aadId());
            ObjectNode place = ((ObjectNode) activity.path("conversation")).put("id", conversation);
            if (CHANNEL.equals(conversation)) place.put("conversationType", "channel").put("isGroup", true);
            activity.put("id", "seam-" + SEQUENCE.incrementAndGet());
            return activity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> seen(String person) {
        return shown().stream().filter(s -> s.viewer().equals(person)).map(Shown::text).toList();
    }

    @Override
    public List<Shown> shown() {
        List<Shown> shown = new ArrayList<>();
        List<FakeBotConnector.Call> created = connector.conversationsCreated();
        for (FakeBotConnector.Call call : connector.calls()) {
            if (call.conversationId() != null && call.body() != null && !"typing".equals(call.body().path("type").asText())) {
                shown.add(new Shown(ownerOf(call.conversationId(), created), call.body().path("text").asText() + "\n"
                        + call.body().path("attachments")));
            }
        }
        shown.addAll(dialogs);
        return shown;
    }

    @Override
    public List<String> delivered() {
        return connector.posted().stream().map(c -> c.conversationId() + " | " + c.body().path("text").asText() + " "
                + c.body().path("attachments")).toList();
    }

    @Override
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void fail(Send kind, Fault fault, int times) {
        if (fault == Fault.RATE_LIMITED) connector.failMatching(matching(kind), times, 429, 1);
        else connector.failMatching(matching(kind), times, 503, null);
    }

    @Override
    public void refuse(Send kind, Refusal refusal, int times) {
        connector.failMatching(matching(kind), times, switch (refusal) {
            case INVALID_PAYLOAD -> 400;
            case PLACE_NOT_FOUND -> 404;
            case NOT_ALLOWED -> 403;
        }, null);
    }

    @Override
    public int attempts(Send kind) {
        String matching = matching(kind);
        return (int) java.util.stream.Stream.concat(connector.calls().stream(), connector.refused().stream())
                .filter(c -> c.body() != null && (c.body().toString().contains(matching) || c.path().contains(matching)))
                .count();
    }

    @Override
    public List<String> overLimit() {
        return connector.oversized().stream().map(c -> c.method() + " " + c.path() + ": " + c.body().toString().length()
                + " characters of JSON").toList();
    }

    /**
     * Markdown links, {@code [words](url)}, and HTML anchors in what {@code viewer} was shown: Teams renders markdown in
     * a message's text and in a card's TextBlocks and facts; an escaped {@code ]\(} is not a link.
     */
    @Override
    public List<String> disguisedLinks(String viewer) {
        List<String> texts = new ArrayList<>();
        List<FakeBotConnector.Call> created = connector.conversationsCreated();
        for (FakeBotConnector.Call call : connector.calls()) {
            if (call.conversationId() != null && call.body() != null && viewer.equals(ownerOf(call.conversationId(), created))) {
                collectRendered(call.body(), texts);
            }
        }
        for (Shown dialog : dialogs) {
            if (!dialog.viewer().equals(viewer)) continue;
            try {
                collectRendered(JSON.readTree(dialog.text()), texts);
            } catch (IOException e) {
                texts.add(dialog.text());
            }
        }
        List<String> links = new ArrayList<>();
        for (String text : texts) {
            java.util.regex.Matcher link = MARKDOWN_LINK.matcher(text);
            while (link.find()) {
                if (!link.group(1).strip().equals(link.group(2).strip())) links.add(link.group(0));
            }
            java.util.regex.Matcher anchor = HTML_ANCHOR.matcher(text);
            while (anchor.find()) links.add(anchor.group(0));
        }
        return links;
    }

    private static final java.util.regex.Pattern MARKDOWN_LINK =
            java.util.regex.Pattern.compile("(?<!\\\\)\\[([^\\]]*)\\]\\(((?:https?|mailto):[^)\\s]+)\\)");
    private static final java.util.regex.Pattern HTML_ANCHOR =
            java.util.regex.Pattern.compile("<a\\s[^>]*href=[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The texts Teams renders with markdown: "text" anywhere outside a button's data, and facts' titles and values. */
    private static void collectRendered(JsonNode node, List<String> into) {
        if (node.isObject()) {
            if (node.path("text").isTextual()) into.add(node.path("text").asText());
            for (JsonNode fact : node.path("facts")) {
                into.add(fact.path("title").asText());
                into.add(fact.path("value").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("data")) collectRendered(e.getValue(), into);
            });
        } else if (node.isArray()) {
            for (JsonNode child : node) collectRendered(child, into);
        }
    }

    private static String matching(Send kind) {
        return switch (kind) {
            case QUESTION -> "\"ecabot\":\"form\"";
            case CONFIRMATION -> "\"promptId\":\"confirm\"";
            case PROGRESS -> "Deploying";
            case REVEAL_OFFER -> "\"ecabot\":\"reveal\"";
            case APPROVAL_CARD -> "\"ecabot\":\"approvalView\"";
            case DIRECT_MESSAGE -> PEOPLE.get("bob").chat();
        };
    }

    @Override
    public void slow(boolean on) {
        if (on) connector.holdAll();
        else connector.release();
    }

    @Override
    public int undelivered() {
        return world.outboxRows("PENDING") + world.outboxRows("DEAD");
    }

    @Override
    public void close() {
        connector.release();
        bot.close();
        connector.close();
    }

    /** Where {@code person} reads the bot: their personal chat, any the bot opened with them, and the channel. */
    private List<String> placesOf(String person) {
        List<String> places = new ArrayList<>(List.of(PEOPLE.get(person).chat(), CHANNEL));
        for (FakeBotConnector.Call created : connector.conversationsCreated()) {
            if (PEOPLE.get(person).teamsId().equals(created.body().at("/members/0/id").asText())) places.add(created.answeredId());
        }
        return places;
    }

    private List<FakeBotConnector.Call> postedTo(List<String> places) {
        return connector.posted().stream().filter(c -> places.contains(c.conversationId())).toList();
    }

    private static JsonNode card(FakeBotConnector.Call call) {
        return call.body().path("attachments").path(0).path("content");
    }

    /** Whose chat {@code conversation} is: a person's own, one the bot opened with them, else a channel ("#id"). */
    private static String ownerOf(String conversation, List<FakeBotConnector.Call> created) {
        return PEOPLE.entrySet().stream().filter(e -> e.getValue().chat().equals(conversation)
                        || created.stream().anyMatch(c -> conversation.equals(c.answeredId())
                        && e.getValue().teamsId().equals(c.body().at("/members/0/id").asText())))
                .map(Map.Entry::getKey).findFirst().orElse("#" + conversation);
    }
}

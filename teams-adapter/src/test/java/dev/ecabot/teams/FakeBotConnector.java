package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Bot Framework connector service (the activity's serviceUrl): records every call
 * the bot makes and answers with the real response shapes (ResourceResponse {"id"}, ConversationResourceResponse
 * {"id","activityId"} for a new conversation). {@code POST /v3/conversations} checks what Teams checks: a bot, the
 * tenant (tenantId or channelData.tenant.id); a 1:1 chat names exactly one member ({"id":"a:..."} back); a new thread
 * in a channel names the channel (channelData.channel.id) and carries its first message (activity), and answers
 * {"id":"<channel>;messageid=<id>","activityId":"<id>"}, that message counting as posted in the new conversation.
 * Thread-safe.
 */
public final class FakeBotConnector implements AutoCloseable {

    public record Call(String method, String path, String authorization, JsonNode body, String answeredId) {
        public String conversationId() {
            Matcher m = ACTIVITIES.matcher(path);
            return m.matches() ? m.group(1) : null;
        }
    }

    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean refuseNewConversations;
    /** Scripted faults for sends and updates whose body contains a text: the answer Teams gives on a bad day. */
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Call> refused = new CopyOnWriteArrayList<>();
    private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

    private record Fault(String contains, AtomicInteger left, int status, Integer retryAfter) { }

    /**
     * The largest activity the connector takes, as the JSON the bot sends: about 28 KB per activity including cards
     * (the project's platform notes; Microsoft has also said 25 KB and "40 KB as UTF-16" over the years). Over it the
     * real service answers HTTP 413 with {"error":{"code":"MessageSizeTooBig","message":"Message size too large."}}
     * (reported in microsoft/BotFramework-Services#228 and OfficeDev/Microsoft-Teams-Samples#1622).
     */
    static final int MAX_ACTIVITY_BYTES = 28 * 1024;
    private volatile int maxActivityBytes = MAX_ACTIVITY_BYTES;
    private final List<Call> oversized = new CopyOnWriteArrayList<>();

    /** A tenant whose connector takes less than the documented size (the figure has changed before). */
    FakeBotConnector limitActivitiesTo(int bytes) {
        maxActivityBytes = bytes;
        return this;
    }

    /** Activities refused for their size (also in {@link #refused()}). */
    public List<Call> oversized() {
        return List.copyOf(oversized);
    }

    /**
     * The next {@code times} activity posts or updates whose JSON contains {@code contains} answer HTTP {@code status}
     * (429 with Retry-After {@code retryAfterSeconds} when not null, 500/502/503, or 400/413 for a payload refused).
     */
    public FakeBotConnector failMatching(String contains, int times, int status, Integer retryAfterSeconds) {
        faults.add(new Fault(contains, new AtomicInteger(times), status, retryAfterSeconds));
        return this;
    }

    /** Calls answered with a scripted fault (they are not in {@link #calls()}: nothing was posted). */
    public List<Call> refused() {
        return List.copyOf(refused);
    }

    /** From now on every call waits until {@link #release()} (a connector that is very slow). */
    public void holdAll() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public FakeBotConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The serviceUrl to put in activities, with the trailing slash Teams uses. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/amer/";
    }

    /** From now on, answer POST /v3/conversations as Teams does when the app is not installed for the person. */
    public void refuseNewConversations() {
        refuseNewConversations = true;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Activities the bot posted (new messages and replies; not typing indicators), in order. */
    public List<Call> posted() {
        return calls.stream().filter(c -> c.method.equals("POST") && c.conversationId() != null && !isTyping(c)).toList();
    }

    /** Typing indicators the bot sent ("..." while it works). */
    public List<Call> typing() {
        return calls.stream().filter(c -> c.method.equals("POST") && c.conversationId() != null && isTyping(c)).toList();
    }

    private static boolean isTyping(Call call) {
        return call.body() != null && "typing".equals(call.body().path("type").asText());
    }

    public List<Call> updates() {
        return calls.stream().filter(c -> c.method.equals("PUT")).toList();
    }

    public List<Call> conversationsCreated() {
        return calls.stream().filter(c -> c.method.equals("POST") && c.path.equals("/v3/conversations")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceFirst("^/amer", "");
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode json = body.length == 0 ? null : JSON.readTree(body);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher activity = ACTIVITIES.matcher(path);
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (activity.matches() && json != null && body.length > maxActivityBytes) {
            Call call = new Call(method, path, authorization, json, null);
            oversized.add(call);
            refused.add(call);
            respond(exchange, 413, "{\"error\":{\"code\":\"MessageSizeTooBig\",\"message\":\"Message size too large.\"}}");
            return;
        }
        if (activity.matches() && json != null) {
            for (Fault fault : faults) {
                if (json.toString().contains(fault.contains()) && fault.left().getAndDecrement() > 0) {
                    refused.add(new Call(method, path, authorization, json, null));
                    if (fault.retryAfter() != null) {
                        exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfter()));
                    }
                    respond(exchange, fault.status(), errorBody(fault.status()));
                    return;
                }
            }
        }
        if (method.equals("POST") && path.equals("/v3/conversations") && refuseNewConversations) {
            calls.add(new Call(method, path, authorization, json, null));
            respond(exchange, 403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The bot is not part of the conversation roster.\"}}");
            return;
        }
        if (method.equals("POST") && path.equals("/v3/conversations")) {
            createConversation(exchange, path, authorization, json);
        } else if (method.equals("POST") && activity.matches()) {
            String id = "1:activity-" + ids.incrementAndGet();
            calls.add(new Call(method, path, authorization, json, id));
            respond(exchange, 200, "{\"id\":\"" + id + "\"}");
        } else if (method.equals("PUT") && activity.matches() && activity.group(2) != null) {
            calls.add(new Call(method, path, authorization, json, activity.group(2)));
            respond(exchange, 200, "{\"id\":\"" + activity.group(2) + "\"}");
        } else {
            calls.add(new Call(method, path, authorization, json, null));
            respond(exchange, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such route\"}}");
        }
    }

    private void createConversation(HttpExchange exchange, String path, String authorization, JsonNode json) throws IOException {
        String refusal = json == null ? "The request body is empty"
                : json.path("bot").path("id").asText().isEmpty() ? "Bot is required"
                : json.path("tenantId").asText(json.at("/channelData/tenant/id").asText()).isEmpty() ? "Tenant is required"
                : null;
        boolean group = json != null && json.path("isGroup").asBoolean(false);
        String channel = json == null ? "" : json.at("/channelData/channel/id").asText();
        if (refusal == null && group && channel.isEmpty()) refusal = "Channel id is required to create a group conversation";
        if (refusal == null && group && !json.path("activity").isObject()) refusal = "Activity is required to start a channel thread";
        if (refusal == null && !group && json.path("members").size() != 1) refusal = "A 1:1 conversation needs exactly one member";
        if (refusal != null) {
            calls.add(new Call("POST", path, authorization, json, null));
            respond(exchange, 400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"" + refusal + "\"}}");
            return;
        }
        if (group) {
            String activityId = "1" + String.format("%012d", ids.incrementAndGet());
            String id = channel + ";messageid=" + activityId;
            calls.add(new Call("POST", path, authorization, json, id));
            // the thread's first message is in the new conversation, as if posted there
            calls.add(new Call("POST", "/v3/conversations/" + id + "/activities", authorization, json.path("activity"), activityId));
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"activityId\":\"" + activityId + "\"}");
            return;
        }
        String id = "a:1new-personal-chat-" + ids.incrementAndGet();
        calls.add(new Call("POST", path, authorization, json, id));
        respond(exchange, 201, "{\"id\":\"" + id + "\"}");
    }

    /**
     * The connector's error body for {@code status}, with the codes the Bot Framework answers: 400 BadArgument (an
     * invalid activity), 403 BotNotInConversationRoster (removed from the chat, or the app uninstalled), 404
     * ConversationNotFound, 412 PreconditionFailed (a concurrent operation), 413 MessageSizeTooBig, 429 TooManyRequests, 5xx ServiceError.
     */
    static String errorBody(int status) {
        String[] error = switch (status) {
            case 400 -> new String[] {"BadArgument", "Activity is invalid."};
            case 403 -> new String[] {"BotNotInConversationRoster", "The bot is not part of the conversation roster."};
            case 404 -> new String[] {"ConversationNotFound", "Conversation not found."};
            case 412 -> new String[] {"PreconditionFailed", "Another operation on the conversation conflicted; retry."};
            case 413 -> new String[] {"MessageSizeTooBig", "Message size too large."};
            case 429 -> new String[] {"TooManyRequests", "Too many requests."};
            default -> status >= 500 ? new String[] {"ServiceError", "The service is unavailable."}
                    : new String[] {"BadArgument", "Request failed with HTTP " + status + "."};
        };
        return "{\"error\":{\"code\":\"" + error[0] + "\",\"message\":\"" + error[1] + "\"}}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.PromptRef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Teams activity into the engine's ChatEvent: a personal-chat message or a channel mention (the
 * {@code <at>bot</at>} stripped) becomes text; an Adaptive Card Action.Submit becomes a choice or a form
 * submission, and its Action.Execute (invoke {@code adaptiveCard/action}) the same; a welcome button's command is
 * text as if typed; the Reveal button's {@code task/fetch} becomes the reveal choice. Anything else maps to nothing.
 * Stateless and thread-safe.
 */
public final class TeamsInbound {

    public static final String PLATFORM = "teams";
    /** The invoke of a Universal Action (Action.Execute, and a card's refresh). */
    public static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsInbound() {
    }

    /**
     * The person: their Entra object id when Teams sends it (stable across the bot's chats and the directory),
     * else the bot-specific member id. Teams does not send email addresses in activities.
     */
    public static ChatUser user(Activity activity) {
        ChannelAccount from = activity.getFrom();
        String id = from.getAadObjectId() != null && !from.getAadObjectId().isBlank() ? from.getAadObjectId() : from.getId();
        return new ChatUser(PLATFORM, id, from.getName(), null);
    }

    /**
     * The sender's time zone as their Teams client names it: the {@code timezone} of the activity's {@code clientInfo}
     * entity ("America/Los_Angeles"), else the activity's {@code localTimezone}; null when neither is sent (older
     * clients send only the locale) or Java does not know the zone.
     */
    public static String timeZone(Activity activity) {
        String named = null;
        if (activity.getEntities() != null) {
            for (com.microsoft.bot.schema.Entity entity : activity.getEntities()) {
                if (!"clientInfo".equals(entity.getType())) continue;
                JsonNode zone = entity.getProperties().get("timezone");
                if (zone != null && zone.isTextual() && !zone.asText().isBlank()) named = zone.asText();
            }
        }
        if (named == null) named = activity.getLocalTimezone();
        if (named == null || named.isBlank()) return null;
        try {
            return java.time.ZoneId.of(named.strip()).getId();
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    /** Replies go to the conversation the activity came from (a channel reply chain keeps its ";messageid="). */
    public static ChatPlace place(Activity activity) {
        return ChatPlace.direct(activity.getConversation().getId());
    }

    public static Optional<ChatEvent> toEvent(Activity activity) {
        if (activity.getFrom() == null || activity.getConversation() == null) return Optional.empty();
        ChatUser user = user(activity);
        ChatPlace place = place(activity);
        if (activity.isType(ActivityTypes.MESSAGE)) {
            JsonNode value = activity.getValue() == null ? null : JSON.valueToTree(activity.getValue());
            if (value != null && value.isObject()) return submitted(user, place, value);
            String text = Activity.removeRecipientMentionImmutable(activity);
            return Optional.of(new ChatEvent.Text(user, place, clean(text)));
        }
        if (activity.isType(ActivityTypes.INVOKE) && ADAPTIVE_CARD_ACTION.equals(activity.getName())) {
            JsonNode data = actionData(activity);
            return data.isObject() ? submitted(user, place, data) : Optional.empty();
        }
        if (activity.isType(ActivityTypes.INVOKE) && "task/fetch".equals(activity.getName())) {
            JsonNode data = JSON.valueToTree(activity.getValue()).path("data");
            if ("reveal".equals(data.path("ecabot").asText()) && data.hasNonNull("offerId")) {
                return Optional.of(new ChatEvent.Choice(user, place, PromptRef.Fixed.REVEAL.encode(),
                        data.get("offerId").asText()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ChatEvent> submitted(ChatUser user, ChatPlace place, JsonNode value) {
        switch (value.path("ecabot").asText()) {
            case "choice" -> {
                if (!value.hasNonNull("promptId") || !value.hasNonNull("value")) return Optional.empty();
                String picked = value.get("value").asText();
                // a button carries its label; a drop-down its options' labels by value
                JsonNode shown = value.path(AdaptiveCards.SHOWN);
                String label = shown.isTextual() ? shown.asText() : shown.path(picked).isTextual() ? shown.get(picked).asText() : null;
                return Optional.of(new ChatEvent.Choice(user, place, value.get("promptId").asText(), picked, label));
            }
            case "command" -> {
                if (!value.hasNonNull("text")) return Optional.empty();
                return Optional.of(new ChatEvent.Text(user, place, value.get("text").asText()));
            }
            case "form" -> {
                if (!value.hasNonNull("formId")) return Optional.empty();
                Map<String, String> fields = new LinkedHashMap<>();
                value.fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith(AdaptiveCards.FIELD_PREFIX)) {
                        fields.put(e.getKey().substring(AdaptiveCards.FIELD_PREFIX.length()),
                                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                    }
                });
                Map<String, String> labels = new LinkedHashMap<>();
                value.path(AdaptiveCards.SHOWN).fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) labels.put(e.getKey(), e.getValue().asText());
                });
                return Optional.of(new ChatEvent.FormSubmission(user, place, value.get("formId").asText(), fields, labels));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The {@code data} of an Action.Execute, from its {@code adaptiveCard/action} invoke ({@code value.action.data}). */
    public static JsonNode actionData(Activity activity) {
        return activity.getValue() == null ? JSON.missingNode() : JSON.valueToTree(activity.getValue()).path("action").path("data");
    }

    /** Teams may leave a trailing newline or a non-breaking space around the stripped mention. */
    private static String clean(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').strip();
    }
}

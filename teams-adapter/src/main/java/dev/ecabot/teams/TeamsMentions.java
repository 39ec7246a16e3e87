package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Person;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * People and moments the engine wrote into a card's texts ({@link InlineText}) as a Teams reader sees them: a Teams
 * person as a mention ({@code <at>Name</at>} in the text and a mention entity in the card's {@code msteams.entities},
 * by their Entra object id, which Adaptive Cards accept), a person of another platform by name or id, a moment in the
 * reader's time zone ({@link TeamsReader}). Mentions go where Teams shows them, TextBlock texts and FactSet titles and
 * values; any other text of the card (a button's title, an input's label) gets names and times as plain words.
 * Stateless.
 */
final class TeamsMentions {

    private TeamsMentions() {
    }

    /** As {@link #inCard(ObjectNode, TeamsReader)} for a reader in UTC with these {@code names}. */
    static void inCard(ObjectNode card, Function<Person, String> names) {
        inCard(card, new TeamsReader(ZoneOffset.UTC, names));
    }

    /** Rewrites the references in {@code card} in place for {@code reader} and adds the mention entities they need. */
    static void inCard(ObjectNode card, TeamsReader reader) {
        Map<String, ObjectNode> entities = new LinkedHashMap<>();
        walk(card, reader, entities);
        if (entities.isEmpty()) return;
        ObjectNode msteams = card.has("msteams") ? (ObjectNode) card.get("msteams") : card.putObject("msteams");
        ArrayNode list = msteams.has("entities") ? (ArrayNode) msteams.get("entities") : msteams.putArray("entities");
        List<String> present = new ArrayList<>();
        list.forEach(e -> present.add(e.path("text").asText() + e.at("/mentioned/id").asText()));
        entities.forEach((key, entity) -> {
            if (!present.contains(key)) list.add(entity);
        });
    }

    /** Whether {@code text} names a Teams person: only a card can show that as a mention. */
    static boolean mentionsTeamsPerson(String text) {
        return InlineText.parts(text).stream().anyMatch(p -> p instanceof InlineText.Mention m
                && TeamsInbound.PLATFORM.equals(m.person().platform()));
    }

    /** {@code text} as plain words for {@code reader}: people by name, moments in their zone. */
    static String plain(String text, TeamsReader reader) {
        if (!InlineText.hasReferences(text)) return text;
        StringBuilder out = new StringBuilder();
        for (InlineText.Part part : InlineText.parts(text)) {
            if (part instanceof InlineText.Words words) out.append(words.text());
            else if (part instanceof InlineText.Moment moment) out.append(reader.moment(moment.at()));
            else if (part instanceof InlineText.Mention mention) out.append(reader.nameOf(mention.person()));
        }
        return out.toString();
    }

    private static void walk(JsonNode node, TeamsReader reader, Map<String, ObjectNode> entities) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean textBlock = "TextBlock".equals(object.path("type").asText());
            boolean fact = isFact(object);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> rewrite = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && InlineText.hasReferences(field.getValue().asText())) {
                    rewrite.add(field.getKey());
                } else {
                    walk(field.getValue(), reader, entities);
                }
            }
            for (String field : rewrite) {
                String text = object.get(field).asText();
                boolean mentions = textBlock && field.equals("text") || fact;
                object.put(field, mentions ? render(text, reader, entities) : plain(text, reader));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isTextual() && InlineText.hasReferences(child.asText())) {
                    ((ArrayNode) node).set(i, JsonNodeFactory.instance.textNode(plain(child.asText(), reader)));
                } else {
                    walk(child, reader, entities);
                }
            }
        }
    }

    /** A FactSet's fact: {"title", "value"} and nothing else. */
    private static boolean isFact(ObjectNode object) {
        return object.size() == 2 && object.has("title") && object.has("value");
    }

    static String render(String text, TeamsReader reader, Map<String, ObjectNode> entities) {
        StringBuilder out = new StringBuilder();
        for (InlineText.Part part : InlineText.parts(text)) {
            if (part instanceof InlineText.Words words) {
                out.append(words.text());
            } else if (part instanceof InlineText.Moment moment) {
                out.append(reader.moment(moment.at()));
            } else if (part instanceof InlineText.Mention mention) {
                Person person = mention.person();
                String name = reader.nameOf(person);
                if (!TeamsInbound.PLATFORM.equals(person.platform())) {
                    out.append(name);
                    continue;
                }
                String shown = "<at>" + AdaptiveCards.literal(name) + "</at>";
                out.append(shown);
                ObjectNode entity = JsonNodeFactory.instance.objectNode().put("type", "mention").put("text", shown);
                entity.putObject("mentioned").put("id", person.id()).put("name", name);
                entities.putIfAbsent(shown + person.id(), entity);
            }
        }
        return out.toString();
    }
}

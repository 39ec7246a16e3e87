package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Person;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * People and moments the engine wrote into a card's texts ({@link InlineText}) as Teams shows them: a Teams person as
 * a mention ({@code <at>Name</at>} in the text and a mention entity in the card's {@code msteams.entities}, by their
 * Entra object id, which Adaptive Cards accept), a person of another platform by name or id, a moment as
 * "2026-12-03 16:37 UTC". Names the engine did not know come from {@code names} (the Teams directory). Applied to
 * TextBlock texts and FactSet titles and values. Stateless.
 */
final class TeamsMentions {

    private TeamsMentions() {
    }

    /** Rewrites the references in {@code card} in place and adds the mention entities they need. */
    static void inCard(ObjectNode card, Function<Person, String> names) {
        Map<String, ObjectNode> entities = new LinkedHashMap<>();
        walk(card, names, entities);
        if (entities.isEmpty()) return;
        ObjectNode msteams = card.has("msteams") ? (ObjectNode) card.get("msteams") : card.putObject("msteams");
        ArrayNode list = msteams.putArray("entities");
        entities.values().forEach(list::add);
    }

    private static void walk(JsonNode node, Function<Person, String> names, Map<String, ObjectNode> entities) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean textBlock = "TextBlock".equals(object.path("type").asText());
            for (String field : textBlock ? new String[] {"text"} : new String[] {"title", "value"}) {
                JsonNode value = object.get(field);
                if (value != null && value.isTextual() && InlineText.hasReferences(value.asText())
                        && (textBlock || isFact(object))) {
                    object.put(field, render(value.asText(), names, entities));
                }
            }
            object.elements().forEachRemaining(child -> walk(child, names, entities));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> walk(child, names, entities));
        }
    }

    /** A FactSet's fact: {"title", "value"} and nothing else. */
    private static boolean isFact(ObjectNode object) {
        return object.size() == 2 && object.has("title") && object.has("value");
    }

    static String render(String text, Function<Person, String> names, Map<String, ObjectNode> entities) {
        StringBuilder out = new StringBuilder();
        for (InlineText.Part part : InlineText.parts(text)) {
            if (part instanceof InlineText.Words words) {
                out.append(words.text());
            } else if (part instanceof InlineText.Moment moment) {
                out.append(moment.utc());
            } else if (part instanceof InlineText.Mention mention) {
                Person person = mention.person();
                String name = person.name() != null ? person.name() : names.apply(person);
                if (!TeamsInbound.PLATFORM.equals(person.platform())) {
                    out.append(name != null ? name : person.plain());
                    continue;
                }
                String shown = "<at>" + AdaptiveCards.literal(name != null ? name : person.plain()) + "</at>";
                out.append(shown);
                ObjectNode entity = JsonNodeFactory.instance.objectNode().put("type", "mention").put("text", shown);
                entity.putObject("mentioned").put("id", person.id()).put("name", name != null ? name : person.plain());
                entities.putIfAbsent(shown + person.id(), entity);
            }
        }
        return out.toString();
    }
}

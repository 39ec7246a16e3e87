package dev.ecabot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** People and moments in a card's texts as a Teams reader sees them. */
class TeamsMentionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTeamsPersonIsAMentionOthersAreNamedAndMomentsAreInUtc() throws Exception {
        String text = "Approved by " + new Person("teams", "aad-bo", null).inText() + " for "
                + new Person("slack", "U024BE7LH", "Cy Slack").inText() + " at "
                + InlineText.moment(Instant.parse("2026-12-03T16:37:00Z"));
        ObjectNode card = (ObjectNode) JSON.readTree("{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":"
                + JSON.writeValueAsString(text) + "},{\"type\":\"FactSet\",\"facts\":[{\"title\":\"By\",\"value\":"
                + JSON.writeValueAsString(new Person("teams", "aad-bo", null).inText()) + "}]}]}");

        TeamsMentions.inCard(card, person -> person.id().equals("aad-bo") ? "Bo Chen" : null);

        assertThat(card.at("/body/0/text").asText())
                .isEqualTo("Approved by <at>Bo Chen</at> for Cy Slack at 2026-12-03 16:37 UTC");
        assertThat(card.at("/body/1/facts/0/value").asText()).isEqualTo("<at>Bo Chen</at>");
        assertThat(card.at("/msteams/entities")).as("one entity per person mentioned").singleElement().satisfies(e -> {
            assertThat(e.path("text").asText()).isEqualTo("<at>Bo Chen</at>");
            assertThat(e.at("/mentioned/id").asText()).isEqualTo("aad-bo");
        });
    }

    @Test
    void aCardWithoutPeopleIsLeftAsItIs() throws Exception {
        ObjectNode card = (ObjectNode) JSON.readTree("{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"hi <at>x</at>\"}]}");
        ObjectNode before = card.deepCopy();
        TeamsMentions.inCard(card, person -> "never asked");
        assertThat(card).isEqualTo(before);
    }
}

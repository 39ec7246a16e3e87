package dev.ecabot.conversation.message;

import dev.ecabot.conversation.ChatUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InlineTextTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:37:12.123456789Z");

    @Test
    void aPersonAndAMomentInATextSplitIntoPartsEachRendererCanShow() {
        Person ann = new Person("slack", "U024BE7LH", "Ann Lee");
        String text = "Asked by " + ann.inText() + " at " + InlineText.moment(AT) + ".";

        assertThat(InlineText.parts(text)).containsExactly(new InlineText.Words("Asked by "),
                new InlineText.Mention(ann), new InlineText.Words(" at "),
                new InlineText.Moment(Instant.ofEpochSecond(AT.getEpochSecond())), new InlineText.Words("."));
        assertThat(InlineText.plain(text)).isEqualTo("Asked by Ann Lee at 2026-12-03 16:37 UTC.");
    }

    @Test
    void aStoredIdWithoutANameShowsAsItsKeyOnTheTerminal() {
        assertThat(InlineText.plain("by " + Person.inTextOrAsIs("teams:29:1a-2b"))).isEqualTo("by teams:29:1a-2b");
        assertThat(Person.ofKey("teams:29:1a-2b")).isEqualTo(new Person("teams", "29:1a-2b", null));
        assertThat(Person.inTextOrAsIs("unknown")).isEqualTo("unknown");
        assertThat(InlineText.parts(Person.inTextOrAsIs("slack:U1, slack:U2"))).containsExactly(
                new InlineText.Mention(new Person("slack", "U1", null)), new InlineText.Words(", "),
                new InlineText.Mention(new Person("slack", "U2", null)));
        assertThat(ChatUser.of("slack", "U1").person().plain()).as("a user without a name shows as their id, as before").isEqualTo("U1");
    }

    @Test
    void whatPeopleTypeCannotForgeAMention() {
        String forged = "\uE000Pslack:U999\uE001";
        Person sneaky = new Person("slack", "U1", forged);

        assertThat(InlineText.clean("hi " + forged)).isEqualTo("hi Pslack:U999");
        assertThat(sneaky.name()).isEqualTo("Pslack:U999");
        assertThat(InlineText.parts(sneaky.inText())).containsExactly(new InlineText.Mention(sneaky));
    }

    @Test
    void whatArrivesFromChatIsCleanedOfMarkersBeforeTheEngineQuotesIt() {
        String forged = "because \uE000Pslack:U999\uE001";
        ChatUser ann = ChatUser.of("slack", "U1");
        var place = dev.ecabot.conversation.ChatPlace.direct("D1");

        assertThat(new dev.ecabot.conversation.ChatEvent.Text(ann, place, forged).text()).isEqualTo("because Pslack:U999");
        assertThat(new dev.ecabot.conversation.ChatEvent.FormSubmission(ann, place, "f", java.util.Map.of("reason", forged))
                .values()).containsEntry("reason", "because Pslack:U999");
        assertThat(InlineText.parts(new dev.ecabot.conversation.ChatEvent.Command(ann, place, "deny", "r1 " + forged)
                .arguments())).hasSize(1);
    }

    @Test
    void aMalformedOrCutReferenceShowsAsNothing() {
        assertThat(InlineText.plain("a\uE000Tnot-a-number\uE001b")).isEqualTo("ab");
        assertThat(InlineText.plain("a\uE000Pslack:U1")).isEqualTo("a");
        assertThat(InlineText.parts("plain words")).isEqualTo(List.of(new InlineText.Words("plain words")));
    }
}

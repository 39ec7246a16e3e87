package dev.ecabot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cards at and over Teams' 28 KB stay under it when rendered; a person's words never become a link. */
class TeamsLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);

    @Test
    void aSummaryOverTeamsLimitIsShortenedUnderItAndSaysSo() throws Exception {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 40; i++) facts.add(new Fact("OAuth", "Callback " + i, "https://cb.example.com/" + "p".repeat(1_500)));
        Activity activity = cards.render(new Summary("Settings", facts, List.of(), List.of()));

        String json = JSON.writeValueAsString(activity);
        assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AdaptiveCards.MAX_ACTIVITY_BYTES);
        assertThat(json).contains("were shortened to fit a Teams message").doesNotContain("fallbackText");
    }

    @Test
    void aLargeExportShowsItsFirstLinesUnderTheLimitAndPointsToTheCliForTheWholeFile() throws Exception {
        String csv = "org,api_name,label\n" + "demo,App_0001,A label for the app\n".repeat(3_000);
        Activity activity = cards.render(new dev.ecabot.conversation.message.FileMessage("ecabot-inventory.csv", "text/csv",
                csv, "3000 apps, as CSV."));

        String json = JSON.writeValueAsString(activity);
        assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AdaptiveCards.MAX_ACTIVITY_BYTES);
        assertThat(json).contains("3000 apps, as CSV.", "org,api_name,label", "lines of ecabot-inventory.csv fit in a Teams message",
                "a bot admin runs `ecabot export` on the bot's host").doesNotContain("say \"show\"");
    }

    @Test
    void aSmallCardKeepsEverythingAndCarriesNoSecondCopyAsFallbackText() throws Exception {
        Activity activity = cards.render(new Summary("Settings", List.of(new Fact("App", "Name", "Vonage Prod")),
                List.of(), List.of()));

        assertThat(JSON.writeValueAsString(activity)).doesNotContain("fallbackText").contains("Vonage Prod")
                .doesNotContain("shortened");
        assertThat(activity.getSummary()).isEqualTo("Settings");
    }

    @Test
    void aDescriptionWithAMarkdownLinkIsNotALinkInTheApproversCard() throws Exception {
        Activity activity = cards.render(new ApprovalCard("r1", "Vonage Prod", "prod", "vonage",
                List.of(new Fact(null, "Description", "see [link](https://evil.example)")),
                "teams:u1", "[urgent](https://evil.example) please", Instant.parse("2030-01-01T00:00:00Z"),
                "0123456789abcdef", ApprovalCard.Status.PENDING, null, null, null));

        String card = JSON.writeValueAsString(activity.getAttachments().get(0).getContent());
        assertThat(card).doesNotContain("[link](https://evil.example)").doesNotContain("[urgent](")
                .contains("[link]\\\\(https://evil.example)");
    }
}

package dev.ecabot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import dev.ecabot.digest.Digests;
import dev.ecabot.testing.DigestSamples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The largest digest, rendered as an Adaptive Card for Teams, stays under the 28 KB a Teams message may carry. */
class DigestCardTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);

    @Test
    void theLargestDigestFitsOneTeamsMessage() throws Exception {
        Activity activity = cards.render(DigestSamples.worstCase());
        byte[] body = JSON.writeValueAsBytes(activity);
        assertThat(body.length).isLessThan(28 * 1024);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("Weekly ECA digest for all orgs").contains("and 115 more");
    }

    @Test
    void theLargestOwnersDigestStaysUnderTeamsMessageLimit() throws Exception {
        byte[] body = JSON.writeValueAsBytes(cards.render(DigestSamples.worstCaseForOwner()));
        assertThat(body.length).isLessThan(28 * 1024);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Your ECA apps this week", "and 355 more", "and 295 more", "and 55 more");
    }

    @Test
    void theDetailButtonsRenderAsActions() throws Exception {
        String card = JSON.writeValueAsString(cards.render(Digests.detailButtons("production-emea")));
        assertThat(card).contains("Posture findings", "Usage and tokens", "Apps without owner");
    }
}

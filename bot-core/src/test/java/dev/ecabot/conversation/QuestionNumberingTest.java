package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "question N of M" counts one by one through a whole playbook, and choice questions carry the same header. */
class QuestionNumberingTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom", "salesforce-hosted-mcp", "altify-mcp", "vonage-ai-studio"})
    void questionNumbersGoUpByOneAndNeverPassTheTotal(String playbook) {
        Walks.toTheSummary(alice, playbook, "demo", Map.of("app_name", "Numbered App"));

        Matcher m = Pattern.compile("question (\\d+) of (\\d+)").matcher(alice.everything().text());
        List<int[]> seen = new ArrayList<>();
        while (m.find()) seen.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        assertThat(seen).as("numbered questions").hasSizeGreaterThan(2);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)[0]).as("question %d of %d", seen.get(i)[0], seen.get(i)[1])
                    .isLessThanOrEqualTo(seen.get(i)[1]);
            if (i > 0) assertThat(seen.get(i)[0]).as("after question %d", seen.get(i - 1)[0])
                    .isEqualTo(seen.get(i - 1)[0] + 1);
        }
        assertThat(alice.everything().all(ChoicePrompt.class)).filteredOn(c -> !c.id().equals("q:org"))
                .allSatisfy(c -> assertThat(c.prompt()).as("choice %s has the header", c.id()).contains(", question "));
    }
}

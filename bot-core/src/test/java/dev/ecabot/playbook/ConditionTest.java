package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `when:` conditions on earlier answers, and the durations playbooks write. */
class ConditionTest {

    private static Condition when(Object... clauses) {
        Map<String, Condition.Expectation> map = new LinkedHashMap<>();
        for (int i = 0; i < clauses.length; i += 2) map.put((String) clauses[i], (Condition.Expectation) clauses[i + 1]);
        return new Condition(map);
    }

    private static Answers answers(Object... pairs) {
        Answers a = Answers.empty();
        for (int i = 0; i < pairs.length; i += 2) a = a.with((String) pairs[i], new Answer(pairs[i + 1], String.valueOf(pairs[i + 1])));
        return a;
    }

    @Test
    void oneOfMatchesAnEqualAnswerOrAListContainingOne() {
        Condition desktop = when("mcp_client", new Condition.OneOf(List.of("cursor", "postman")));

        assertThat(desktop.holds(answers("mcp_client", "cursor"))).isTrue();
        assertThat(desktop.holds(answers("mcp_client", "claude"))).isFalse();
        assertThat(desktop.holds(Answers.empty())).isFalse();
        assertThat(when("flows", new Condition.OneOf(List.of("device"))).holds(answers("flows", List.of("jwt-bearer", "device")))).isTrue();
    }

    @Test
    void yesNoAnswersMatchTrueAndFalse() {
        assertThat(when("require_secret", new Condition.OneOf(List.of("true"))).holds(answers("require_secret", true))).isTrue();
        assertThat(when("require_secret", new Condition.OneOf(List.of("true"))).holds(answers("require_secret", false))).isFalse();
    }

    @Test
    void answeredTellsABlankOptionalQuestionFromAnAnsweredOne() {
        Condition answered = when("permission_set", new Condition.Answered(true));
        Condition blank = when("permission_set", new Condition.Answered(false));

        assertThat(answered.holds(answers("permission_set", "MCP_Users"))).isTrue();
        assertThat(answered.holds(Answers.empty().skip("permission_set"))).isFalse();
        assertThat(blank.holds(Answers.empty())).isTrue();
        assertThat(blank.holds(answers("profiles", List.of()))).isTrue();
    }

    @Test
    void numberBoundsAreStrict() {
        Condition above30 = when("refresh_token_days", new Condition.GreaterThan(30));

        assertThat(above30.holds(answers("refresh_token_days", 31))).isTrue();
        assertThat(above30.holds(answers("refresh_token_days", 30))).isFalse();
        assertThat(when("days", new Condition.LessThan(7)).holds(answers("days", 6))).isTrue();
    }

    @Test
    void everyClauseMustHoldAndTheConditionReadsLikeASentence() {
        Condition c = when("require_secret", new Condition.OneOf(List.of("true")),
                "mcp_client", new Condition.OneOf(List.of("cursor", "postman")));

        assertThat(c.holds(answers("require_secret", true, "mcp_client", "cursor"))).isTrue();
        assertThat(c.holds(answers("require_secret", false, "mcp_client", "cursor"))).isFalse();
        assertThat(c).hasToString("require_secret is yes and mcp_client is cursor or postman");
        assertThat(Condition.always().holds(Answers.empty())).isTrue();
    }

    @Test
    void durationsTakeAUnitOrIso8601() {
        assertThat(PlaybookReader.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(PlaybookReader.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(PlaybookReader.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(PlaybookReader.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(PlaybookReader.duration("0")).isEqualTo(Duration.ZERO);
        assertThat(PlaybookReader.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }
}

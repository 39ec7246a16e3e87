package dev.ecabot.eca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The API name rules of seed 002, and the default API name derived from an app's label. */
class ApiNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Service_Board_Sync", "A", "altify2", "Claude_MCP_v2", "abcdefghij_abcdefghij_abcdefghij_abcdefg"})
    void namesFollowingEveryRuleAreValid(String name) {
        assertThat(ApiNames.isValid(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Service Board Sync   | only letters, digits and underscores",
            "Vonage-AI            | only letters, digits and underscores",
            "1Password_Sync       | must start with a letter",
            "_Sync                | must start with a letter",
            "Board_Sync_          | must not end with an underscore",
            "Board__Sync          | two underscores in a row",
            "Café_Sync            | only letters, digits and underscores",
            "abcdefghij_abcdefghij_abcdefghij_abcdefgh | at most 40",
    })
    void eachBrokenRuleIsExplained(String name, String explanation) {
        assertThat(ApiNames.isValid(name)).isFalse();
        assertThat(ApiNames.problems(name)).anySatisfy(p -> assertThat(p).contains(explanation));
    }

    @Test
    void anInvalidCharacterProblemSuggestsAValidName() {
        assertThat(ApiNames.problems("Service Board Sync")).anySatisfy(p -> assertThat(p).contains("Service_Board_Sync"));
    }

    @Test
    void anEmptyNameIsExplained() {
        assertThat(ApiNames.problems("")).singleElement().asString().contains("empty");
        assertThat(ApiNames.problems(null)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Service Board Sync         | Service_Board_Sync",
            "Box Automate CLM           | Box_Automate_CLM",
            "  Vonage AI Studio         | Vonage_AI_Studio",
            "Vonage AI-Studio (EU)      | Vonage_AIStudio_EU",
            "Claude  &  Cursor MCP      | Claude_Cursor_MCP",
            "Café Réservations          | Cafe_Reservations",
            "365 Sync                   | A365_Sync",
            "_hidden_ app_              | hidden_app",
            "Salesforce hosted MCP servers for Postman and Cursor | Salesforce_hosted_MCP_servers_for_Postma",
            "Salesforce hosted MCP servers for Postma_n | Salesforce_hosted_MCP_servers_for_Postma",
            "!!!                        | App",
    })
    void aLabelGivesAValidApiName(String label, String expected) {
        String derived = ApiNames.deriveFrom(label);

        assertThat(derived).isEqualTo(expected);
        assertThat(ApiNames.isValid(derived)).as(ApiNames.problems(derived).toString()).isTrue();
    }
}

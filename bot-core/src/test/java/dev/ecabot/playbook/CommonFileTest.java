package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared _common.yaml must exist and define every common question. */
class CommonFileTest {

    private static final String PLAYBOOK = """
            id: acme
            title: Acme
            vendor: Acme
            description: Acme sync.
            source: { document: Acme guide }
            delivery: key-only
            template:
              oauth_settings: { callback_urls: [ "https://acme.example.com/cb" ], scopes: [ Api ] }
            """;

    private static List<String> problems(PlaybookFile... files) {
        return catchThrowableOfType(PlaybookLoadException.class, () -> new PlaybookLoader().load(List.of(files))).problems();
    }

    @Test
    void withoutTheCommonFileNothingLoads() {
        assertThat(problems(new PlaybookFile("acme.yaml", "test:acme.yaml", PLAYBOOK)))
                .contains("the shared _common.yaml with the common questions is missing");
    }

    @Test
    void aCommonFileLackingACommonQuestionIsRefused() {
        String common = """
                questions:
                  - { id: org, type: org, prompt: Which org }
                  - { id: app_name, type: text, prompt: Name }
                  - { id: api_name, type: api-name, prompt: API name, default: { from: app_name, transform: api-name } }
                  - { id: description, type: text, required: false, prompt: Description }
                template:
                  basic_information: { name: "${app_name}", api_name: "${api_name}" }
                """;

        assertThat(problems(new PlaybookFile("_common.yaml", "test:_common.yaml", common),
                new PlaybookFile("acme.yaml", "test:acme.yaml", PLAYBOOK)))
                .contains("test:_common.yaml: $.questions: the common question 'contact_email' is missing; every "
                        + "playbook asks org, app_name, api_name, contact_email, description");
    }
}

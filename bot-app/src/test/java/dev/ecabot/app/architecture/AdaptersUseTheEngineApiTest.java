package dev.ecabot.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.ecabot.architecture.MainClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The chat adapters (Slack, Teams) see the engine only through its API: the chat seam ({@code dev.ecabot.conversation}:
 * ChatPort, ChatEvent, ChatTurns...), the neutral messages and home views they render, secrets, setting errors and the SQL helpers
 * for their own tables. Approvals, provisioning, reminders and the rest stay behind the engine, so a chat platform is
 * added without touching them and they change without touching the adapters.
 */
class AdaptersUseTheEngineApiTest {

    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(MainClasses.ONLY)
            .importPackages("dev.ecabot.slack", "dev.ecabot.teams");

    static final String[] ENGINE_API = {"dev.ecabot.conversation", "dev.ecabot.conversation.message",
            "dev.ecabot.vault", "dev.ecabot.settings.error", "dev.ecabot.store"};

    @Test
    void adaptersDependOnTheEnginesApiOnly() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.ecabot.slack..", "dev.ecabot.teams..")
                .should().dependOnClassesThat(resideInAnyPackage("dev.ecabot..")
                        .and(resideInAnyPackage(ENGINE_API).negate())
                        .and(resideInAnyPackage("dev.ecabot.slack..", "dev.ecabot.teams..").negate()))
                .as("the Slack and Teams adapters depend on the engine's API only (" + String.join(", ", ENGINE_API) + ")");
        rule.check(ADAPTERS);
    }
}

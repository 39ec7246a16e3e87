package dev.ecabot.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.ecabot.architecture.MainClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment is read in one place, {@code dev.ecabot.settings}, and handed down as Settings: a class that read
 * System.getenv itself would ignore the variables a test or the command line gave the bot (as the chat path once
 * loaded playbooks from the process environment). Covers the bot's own classes of every module, not tests.
 */
class EnvironmentReadOnceTest {

    private static final JavaClasses BOT = new ClassFileImporter()
            .withImportOption(MainClasses.ONLY)
            .importPackages("dev.ecabot");

    @Test
    void nothingOutsideTheSettingsReadsTheProcessEnvironment() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.ecabot.settings..")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("settings come from the environment the command line carries; see docs/configuration.md");
        rule.check(BOT);
    }

    @Test
    void theRuleSeesTheOneReadingThatIsAllowed() {
        // Proves the import covers bot-core's classes and the condition matches a real call, so the rule can fail.
        assertThat(BOT.containPackage("dev.ecabot.store")).as("bot-core's classes are imported").isTrue();
        assertThat(noClasses().that().resideInAPackage("dev.ecabot.settings..")
                .should().callMethod(System.class, "getenv").evaluate(BOT).hasViolation()).isTrue();
    }
}

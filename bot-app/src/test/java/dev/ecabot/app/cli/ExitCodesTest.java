package dev.ecabot.app.cli;

import dev.ecabot.config.ConfigException;
import dev.ecabot.settings.error.InvalidSettingException;
import dev.ecabot.settings.error.StartRefusedException;
import dev.ecabot.salesforce.SalesforceUnavailableException;
import dev.ecabot.salesforce.UnknownOrgException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of failure means for the exit code: 2 the user can fix their input, 1 something outside it. */
class ExitCodesTest {

    private final ExitCodes codes = new ExitCodes();

    @Test
    void mistakesInWhatTheUserGaveExitTwo() {
        assertThat(codes.getExitCode(new ConfigException(Path.of("ecabot.yaml"), "orgs[0].name", "is missing"))).isEqualTo(2);
        assertThat(codes.getExitCode(new InvalidSettingException("ECABOT_PORT must be a port number"))).isEqualTo(2);
        assertThat(codes.getExitCode(new InvalidInputException("no playbook 'x'"))).isEqualTo(2);
        assertThat(codes.getExitCode(new UnknownOrgException("staging", List.of("prod")))).isEqualTo(2);
        assertThat(codes.getExitCode(new StartRefusedException("refused"))).isEqualTo(2);
    }

    @Test
    void failuresOutsideTheUsersInputExitOne() {
        assertThat(codes.getExitCode(new SalesforceUnavailableException("Salesforce is not answering", null))).isEqualTo(1);
        assertThat(codes.getExitCode(new IllegalStateException("a bug"))).isEqualTo(1);
        assertThat(codes.getExitCode(new IllegalArgumentException("a bug: no user input is checked this way"))).isEqualTo(1);
    }
}

package dev.ecabot.app.terminal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A certificate pasted over several lines, or named by its file, is one answer in the terminal. */
class PemAnswerTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nAbCdEf0123==\n-----END CERTIFICATE-----";

    @TempDir
    Path dir;

    @Test
    void aMultiLinePasteIsReadUpToTheEndLineAndWhatFollowsStaysForTheNextAnswer() throws Exception {
        BufferedReader rest = new BufferedReader(new StringReader("MIIBszCCAVmgAwIBAgIU\n  AbCdEf0123==\n"
                + "-----END CERTIFICATE-----\nconfirm\n"));

        String answer = TerminalSession.pemOrFile("-----BEGIN CERTIFICATE-----", rest, null);

        assertThat(answer).isEqualTo(PEM);
        assertThat(rest.readLine()).isEqualTo("confirm");
    }

    @Test
    void aPathToAPemFileAnswersWithItsContent() throws Exception {
        Path cert = Files.writeString(dir.resolve("vendor.crt"), PEM + "\n");

        assertThat(TerminalSession.pemOrFile(cert.toString(), new BufferedReader(new StringReader("")), null)).isEqualTo(PEM);
    }

    @Test
    void otherTextAndPathsWithoutAPemBlockStayAsTyped() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        BufferedReader none = new BufferedReader(new StringReader(""));

        assertThat(TerminalSession.pemOrFile("ops@example.com", none, null)).isEqualTo("ops@example.com");
        assertThat(TerminalSession.pemOrFile(notes.toString(), none, null)).isEqualTo(notes.toString());
        assertThat(TerminalSession.pemOrFile("/no/such/file.pem", none, null)).isEqualTo("/no/such/file.pem");
    }
}

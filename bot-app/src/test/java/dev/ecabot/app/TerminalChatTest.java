package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal chat driven like a piped script: the jar's own command line, stdin in, stdout checked. */
class TerminalChatTest {

    @TempDir
    Path data;

    @Test
    void aPipedScriptWalksVonageFromNewToTheOneTimeSecretOnTheDemoOrg() {
        String transcript = chat("""
                new vonage demo
                Vonage Prod
                
                ops@example.com
                
                1
                reveal
                reveal
                """, "--as", "alice");

        assertThat(transcript)
                .contains("alice> new vonage demo")
                .contains("Let's set up Vonage AI Studio in demo")
                .contains("What API name should the app have? [default: Vonage_Prod]")
                .contains("Callback URLs: https://api-eu.vonage.com/oauth/redirect")
                .contains("IP relaxation: Bypass")
                .contains("  1. Create it [confirm]")
                .contains("  [done] Reading the credentials")
                .contains("Done: Vonage Prod (Vonage AI Studio) exists in demo.")
                .contains("Next step 1: In the Vonage API Dashboard")
                .contains("were already revealed");
        Matcher key = Pattern.compile("Consumer key: (3MVG9\\S+)").matcher(transcript);
        assertThat(key.find()).isTrue();
        Matcher secret = Pattern.compile("Consumer secret of Vonage_Prod: (\\S+)").matcher(transcript);
        assertThat(secret.find()).as("the secret is shown on the first reveal").isTrue();
        assertThat(transcript.indexOf(secret.group(1))).as("and shown once only")
                .isEqualTo(transcript.lastIndexOf(secret.group(1)));
    }

    @Test
    void anInvalidAnswerIsAskedAgainAndSlashAsSwitchesWhoIsSpeaking() {
        String transcript = chat("""
                new vonage demo
                /as bob
                status
                /as alice
                Vonage
                
                not-an-email
                """, "--as", "alice");

        assertThat(transcript)
                .contains("You are now bob.")
                .contains("bob> status")
                .contains("No conversation in progress")
                .contains("alice> not-an-email")
                .contains("Problem: 'not-an-email' is not an email address");
    }

    @Test
    void aConversationContinuesAfterTheBotIsStartedAgainOnTheSameData() {
        chat("new vonage demo\nVonage Again\n", "--as", "carol");
        String second = chat("\n", "--as", "carol");
        assertThat(second).contains("Which email address should Salesforce use");
    }

    @Test
    void numbersAnswerTheChoiceOnScreen() {
        String transcript = chat("new\n", "--as", "dave");
        int vonage = transcript.indexOf("[vonage-ai-studio]");
        String number = transcript.substring(transcript.lastIndexOf('\n', vonage) + 1, vonage).strip().split("\\.")[0];
        String second = chat(number + "\n1\n", "--as", "dave");
        assertThat(second).contains("Let's set up Vonage AI Studio").contains("What should the app be called?");
    }

    private String chat(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 3];
            all[0] = "chat";
            all[1] = "--data";
            all[2] = data.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            int exit = EcaBotCommand.commandLine().execute(all);
            assertThat(exit).as("exit code; output:\n%s", out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal chat driven like a piped script: the jar's own command line, stdin in, stdout checked. */
class TerminalChatTest {

    @TempDir
    Path data;

    @Test
    void aPipedScriptWalksVonageFromNewToTheOneTimeSecretOnTheDemoOrg() throws IOException {
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
                .contains("IP relaxation: Relax IP restrictions")
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
        assertThat(filesUnder(data)).as("the database and key files").isNotEmpty()
                .allSatisfy(file -> assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(secret.group(1)));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theLocalAdminListsSyncsRotatesAuditsExportsAndDeletesTheAppInTheTerminal() {
        String transcript = chat("""
                new vonage demo
                Vonage Prod

                ops@example.com

                1
                inventory
                sync demo
                rotate Vonage_Prod
                audit Vonage_Prod
                export csv
                delete Vonage_Prod
                1
                inventory demo
                """);

        assertThat(transcript)
                .contains("1 app (say \"show <api-name>\" for details):", "Vonage_Prod: Vonage Prod | vonage-ai-studio (Vonage)")
                .contains("Sync of demo: 1 app in the org; 0 imported, 0 drifted.", "The inventory and the org agree.")
                .contains("Rotated Vonage_Prod: the new consumer key is 3MVG9")
                .contains("New consumer key and secret of Vonage_Prod: shown once, to you only")
                .contains("rotation by ", "provisioning by ")
                .contains("--- ecabot-inventory-", "org,api_name,label,playbook,vendor,requester,approver,contact_email")
                .contains("Delete Vonage Prod (Vonage_Prod) from demo?", "Deleted Vonage_Prod from demo.")
                .contains("| deleted");
    }

    @Test
    void typingMoreShowsTheNextPageOfALongList() {
        String transcript = chat("sync demo\n".repeat(16) + "audit\nmore\n"); // each sync is an audit event

        assertThat(transcript).contains("16 audit events, 1-15 shown, newest first:", "1 more (or say \"audit page 2\")",
                "16 audit events, 16-16 shown, newest first:");
    }

    @Test
    void theDemoOrgKeepsItsAppsAcrossARestartSoSyncAgreesAndRotateWorks() throws IOException {
        chat("""
                new vonage demo
                Vonage Prod

                ops@example.com

                1
                """);

        String afterRestart = chat("""
                sync demo
                rotate Vonage_Prod
                """);

        assertThat(afterRestart).contains("Sync of demo: 1 app in the org; 0 imported, 0 drifted.",
                        "The inventory and the org agree.", "Rotated Vonage_Prod: the new consumer key is 3MVG9")
                .doesNotContain("missing from the org");
        String listed = chat("reveal\n");
        assertThat(listed).as("bare reveal after a restart lists both open offers, each with its id")
                .contains("2 secrets are waiting for you");
        Matcher ids = Pattern.compile("\"reveal (\\S+)\" picks this one").matcher(listed);
        assertThat(ids.find()).isTrue();
        String first = ids.group(1);
        assertThat(ids.find()).isTrue();
        assertThat(ids.group(1)).isNotEqualTo(first);
        String reveal = chat("reveal " + first + "\n");
        Matcher secret = Pattern.compile("Consumer secret of Vonage_Prod: (\\S+)").matcher(reveal);
        assertThat(secret.find()).as(reveal).isTrue();
        assertThat(filesUnder(data)).as("the demo org's state is sealed in the database")
                .allSatisfy(file -> assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(secret.group(1)));
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
    void aNumberAnswersTheChoiceOnScreenAndTheConversationContinuesAfterARestart() {
        String first = chat("new\nwhatever\n", "--as", "dave");
        int vonage = first.indexOf("[vonage-ai-studio]");
        String number = first.substring(first.lastIndexOf('\n', vonage) + 1, vonage).strip().split("\\.")[0];
        assertThat(first).contains("\"whatever\" is not a playbook I know");
        List<String> screen = first.lines().dropWhile(line -> !line.startsWith("ECA bot, in the terminal")).toList();
        assertThat(screen.get(1)).as("right after hello: where the master key is and why it matters")
                .contains("I made a new master key in " + data.resolve("master.key").toAbsolutePath(),
                        "without it they cannot be opened");

        String second = chat(number + "\n1\nVonage Again\n", "--as", "dave");
        assertThat(second).as("a conversation left unfinished is announced before the script's first line answers it")
                .contains("You have a conversation in progress from an earlier run", "\"cancel\" to drop it")
                .contains("Your master key is in " + data.resolve("master.key").toAbsolutePath());
        assertThat(second.indexOf("conversation in progress")).isLessThan(second.indexOf("dave> "));
        assertThat(second).contains("Let's set up Vonage AI Studio").contains("What should the app be called?");

        String third = chat("\n", "--as", "dave");
        assertThat(third).contains("Which email address should Salesforce use");
    }

    @Test
    void anAdminCanTryApprovalsAloneBySpeakingAsAnApprover() throws Exception {
        Path config = data.resolve("ecabot.yaml");
        java.nio.file.Files.writeString(config, "approvals:\n  orgs:\n    demo: 1\n");
        String transcript = chat(java.util.Map.of("ECABOT_CONFIG", config.toString()), """
                new vonage demo
                Vonage Prod

                ops@example.com

                1
                Voice bot for the support team
                /as bob
                approve
                approve
                /as alice
                status
                """, "--as", "alice");

        assertThat(transcript)
                .contains("Org demo needs 1 approval before I create this")
                .contains("is waiting for approval (1 needed in org demo)")
                .contains("an approver sees the requests waiting for them by saying \"approve\"")
                .contains("One request is waiting for you; here it is.")
                .contains("Approval needed (1 approval): create Vonage_Prod in org demo")
                .contains("Requested by: terminal:alice")
                .contains("Reason: Voice bot for the support team")
                .contains("Approved: request")
                .contains("was approved by bob. Creating it now")
                .contains("Done: Vonage Prod (Vonage AI Studio) exists in demo.")
                .contains("Approved by bob at");
        assertThat(transcript.indexOf("Done: Vonage Prod")).as("nothing is created before the approval")
                .isGreaterThan(transcript.indexOf("bob> approve"));
    }

    @Test
    void anAppWhoseCreationWasCutShortByAKillIsFinishedAtTheNextStartAndItsSecretRevealedOnce() {
        chat("help\n", "--as", "erin"); // the data folder as a first run left it...
        try (dev.ecabot.store.Database db = dev.ecabot.store.Database.open("jdbc:h2:file:"
                + data.resolve("ecabot").toAbsolutePath(), null, null)) {
            var erin = new dev.ecabot.conversation.ChatUser("terminal", "erin", "erin", null);
            var place = dev.ecabot.conversation.ChatPlace.direct("terminal");
            java.time.Instant confirmedAt = java.time.Instant.now().minusSeconds(90);
            var confirmed = new dev.ecabot.conversation.state.ConversationState(dev.ecabot.conversation.state.ConversationKey.of(
                    new dev.ecabot.conversation.ChatEvent.Text(erin, place, "")), erin, place,
                    dev.ecabot.conversation.state.Stage.PROVISIONING, "altify-mcp", "demo", java.util.Map.of(
                    "org", "demo", "app_name", "Killed App", "api_name", "Killed_App", "contact_email",
                    "ops@example.com", "description", ""), null, confirmedAt, confirmedAt, 0);
            new dev.ecabot.conversation.state.ConversationStore(db.dataSource()).save(confirmed);
            try (var c = db.dataSource().getConnection(); var claim = c.prepareStatement(
                    "INSERT INTO provisioning_lease (request_id, holder, expires_at) VALUES (?, 'the-killed-process', ?)")) {
                claim.setString(1, confirmed.requestId());
                claim.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(50)));
                claim.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } // ...when it was killed right after erin confirmed, its claim on the request still live for 50 s

        String transcript = chat("reveal\nreveal\n", "--as", "erin");

        assertThat(transcript).contains("I was restarted while creating Killed App; picking up where it stopped")
                .contains("Done: Killed App").contains("were already revealed");
        Matcher secret = Pattern.compile("Consumer secret of Killed_App: (\\S+)").matcher(transcript);
        assertThat(secret.find()).isTrue();
        assertThat(transcript.indexOf(secret.group(1))).isEqualTo(transcript.lastIndexOf(secret.group(1)));
        assertThat(chat("reveal\n", "--as", "erin")).contains("no secret waiting");
    }

    private String chat(String stdin, String... args) {
        return chat(System.getenv(), stdin, args);
    }

    private String chat(java.util.Map<String, String> env, String stdin, String... args) {
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
            int exit = EcaBotCommand.commandLine(env).execute(all);
            assertThat(exit).as("exit code; output:\n%s", out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.ecabot.app;

import dev.ecabot.eca.EcaMetadataReader;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.RetrievedEca;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `ecabot render`: the deploy folder and zip for a playbook and answers, or exit 2 and nothing written. */
class RenderCommandTest {

    @TempDir
    Path tmp;

    private CliRun render(String... args) {
        return CliRun.of(Map.of(), args);
    }

    private static EcaSpec readBack(Path dir) {
        List<RetrievedEca> apps = new EcaMetadataReader().readFolder(dir);
        assertThat(apps).hasSize(1);
        return apps.get(0).spec();
    }

    @Test
    void writesTheDeployFolderAndZipForValidAnswers() {
        Path out = tmp.resolve("altify");

        CliRun run = render("render", "altify-mcp", "--set", "app_name=Altify for ChatGPT",
                "--set", "contact_email=ops@acme.example.com", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("package.xml")).exists();
        assertThat(out.resolve("externalClientApps/Altify_for_ChatGPT.eca")).exists();
        assertThat(tmp.resolve("altify.zip")).exists();
        assertThat(MetadataPackage.fromZip(tmp.resolve("altify.zip")).paths())
                .isEqualTo(MetadataPackage.fromDirectory(out).paths());
        EcaSpec spec = readBack(out);
        assertThat(spec.oauth().scopes()).containsExactly(OauthScope.BASIC, OauthScope.API, OauthScope.REFRESH_TOKEN, OauthScope.OPEN_ID);
        assertThat(spec.globalOauth().callbackUrls()).hasSize(10);
        assertThat(spec.policies().ipRelaxation()).isEqualTo(IpRelaxation.ENFORCE_RELAX_REFRESH);
        assertThat(run.out()).contains("Wrote " + out, "Altify_for_ChatGPT", "consumer key and secret", "ChatGPT");
    }

    @Test
    void answersComeFromAFileAndSetWins() throws IOException {
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), """
                app_name: MCP for Cursor
                contact_email: ops@acme.example.com
                mcp_client: claude
                trusted_ip_ranges:
                  - 160.79.104.0-160.79.104.255
                  - 34.162.46.92
                refresh_token_days: 30
                """);
        Path out = tmp.resolve("mcp");

        CliRun run = render("render", "salesforce-hosted-mcp", "--answers", answers.toString(),
                "--set", "mcp_client=cursor", "--out", out.toString(), "--api-version", "64.0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        EcaSpec spec = readBack(out);
        assertThat(spec.globalOauth().callbackUrls()).containsExactly("cursor://anysphere.cursor-mcp/oauth/callback");
        assertThat(spec.oauth().trustedIpRanges()).hasSize(2);
        assertThat(spec.policies().refreshTokenValidityPeriod()).isEqualTo(30);
        assertThat(Files.readString(out.resolve("package.xml"))).contains("<version>64.0</version>");
        assertThat(run.out()).contains("consumer key only", "30 minutes", "Warnings:", "allowlist capacity",
                "Reminders:", "27 days after creation");
    }

    @Test
    void theOrgIsNotNeededToRender() {
        CliRun run = render("render", "vonage-ai-studio", "--set", "app_name=Vonage AI Integration",
                "--set", "contact_email=ops@acme.example.com", "--out", tmp.resolve("vonage").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void anUnknownPlaybookExitsTwoAndWritesNothing() {
        CliRun run = render("render", "zendesk", "--set", "app_name=Z", "--out", tmp.resolve("z").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("unknown playbook 'zendesk'; the playbooks are: altify-mcp, custom");
        assertNothingWritten();
    }

    @Test
    void missingAndInvalidAnswersExitTwoWithOneLinePerQuestion() {
        CliRun run = render("render", "service-board-sync", "--set", "app_name=Service Board",
                "--set", "contact_email=not-an-email", "--set", "tenant_domain=https://acme.example.com/",
                "--out", tmp.resolve("sbs").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "contact_email: 'not-an-email' is not an email address; write it as name@example.com",
                "tenant_domain: 'https://acme.example.com/' is not a domain name; give only the host name, without "
                        + "https:// or a path, e.g. acme.serviceboard.com",
                "run_as_user: an answer is required (Which integration user should the client credentials flow run as "
                        + "(its Salesforce username)?)");
        assertNothingWritten();
    }

    @Test
    void anAnswerToAQuestionThePlaybookDoesNotHaveIsRefused() {
        CliRun run = render("render", "vonage-ai-studio", "--set", "app_name=V", "--set", "contact_email=a@b.example.com",
                "--set", "callback_url=https://x.example.com", "--out", tmp.resolve("v").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("callback_url: playbook vonage-ai-studio has no such question");
        assertNothingWritten();
    }

    @Test
    void anInvalidApiVersionOrAnExistingOutputExitsTwo() throws IOException {
        String[] answers = {"--set", "app_name=V", "--set", "contact_email=a@b.example.com"};
        CliRun badVersion = render(concat(new String[] {"render", "vonage-ai-studio", "--api-version", "58",
                "--out", tmp.resolve("v").toString()}, answers));
        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).contains("API version '58' is not usable");
        assertNothingWritten();

        Files.createDirectories(tmp.resolve("used"));
        Files.writeString(tmp.resolve("used/old.txt"), "stale");
        CliRun used = render(concat(new String[] {"render", "vonage-ai-studio", "--out", tmp.resolve("used").toString()}, answers));
        assertThat(used.exitCode()).isEqualTo(2);
        assertThat(used.err()).contains("is not empty");
        assertThat(tmp.resolve("used.zip")).doesNotExist();
    }

    @Test
    void aMissingOutOptionIsAUsageError() {
        CliRun run = render("render", "vonage-ai-studio", "--set", "app_name=V");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    private void assertNothingWritten() {
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(p -> !p.getFileName().toString().equals("used"))
                    .filter(p -> !p.getFileName().toString().equals("answers.yaml"))).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

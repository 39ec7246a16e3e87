package dev.ecabot.playbook;

import dev.ecabot.eca.TrustedIpRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each answer type parses what people type and explains, naming the question, what is wrong. */
class QuestionParsingTest {

    private static Question question(String id, QuestionType type, Validation validation, Option... options) {
        return new Question(id, "Prompt for " + id + "?", null, type, List.of(options), null, true, validation, null);
    }

    private static Question question(String id, QuestionType type) {
        return question(id, type, Validation.none());
    }

    private static ParseResult parse(Question q, String raw) {
        return q.parse(raw, Answers.empty());
    }

    @Test
    void controlCharactersAreRefusedWhereTheAnswerEntersSoNoRenderedFileIsIllFormedXml() {
        Question label = question("app_label", QuestionType.TEXT);
        Question url = question("callback_url", QuestionType.URL);

        assertThat(parse(label, "Acme\u0007 Sync").error()).get().asString()
                .startsWith("app_label: the answer contains an invisible control character (U+0007) at position 5");
        assertThat(parse(url, "https://acme.example.com/\u001b[31mcb").error()).get().asString()
                .contains("(U+001B)").contains("type it again without it");
        assertThat(parse(label, "Acme Sync").answer()).isPresent();
        assertThat(parse(question("cert", QuestionType.TEXT_LIST), "a\nb\tc").error()).isEmpty();
    }

    @Test
    void aChoiceAcceptsTheValueOrTheLabelInAnyCase() {
        Question q = question("mcp_client", QuestionType.CHOICE, Validation.none(),
                new Option("postman", "Postman (desktop app)"), new Option("claude", "Claude"));

        assertThat(parse(q, "CLAUDE").answer().orElseThrow().value()).isEqualTo("claude");
        assertThat(parse(q, "postman (desktop app)").answer().orElseThrow().value()).isEqualTo("postman");
        assertThat(parse(q, "gemini").error()).contains("mcp_client: 'gemini' is not one of the options; answer one of: postman, claude");
    }

    @Test
    void aMultiChoiceTakesSeveralCommaSeparatedOptions() {
        Question q = question("flows", QuestionType.MULTI_CHOICE, Validation.none(),
                new Option("device", "Device"), new Option("jwt-bearer", "JWT bearer"));

        Answer answer = parse(q, "jwt-bearer, device, device").answer().orElseThrow();
        assertThat(answer.value()).isEqualTo(List.of("jwt-bearer", "device"));
        assertThat(answer.text()).isEqualTo("jwt-bearer, device");
        assertThat(parse(q, "device, saml").error()).get().asString().startsWith("flows: 'saml' is not one of the options");
    }

    @Test
    void anEmailNeedsAnAtAndADomain() {
        Question q = question("contact_email", QuestionType.EMAIL);

        assertThat(parse(q, " ops@acme.example.com ").answer().orElseThrow().value()).isEqualTo("ops@acme.example.com");
        assertThat(parse(q, "ops at acme").error())
                .contains("contact_email: 'ops at acme' is not an email address; write it as name@example.com");
    }

    @Test
    void aUrlMustBeHttpsUnlessTheQuestionAllowsCustomSchemes() {
        Question https = question("callback_url", QuestionType.URL);
        Question custom = question("callback_url", QuestionType.URL,
                new Validation(null, null, null, null, null, null, null, true));

        assertThat(parse(https, "http://x.example.com/cb").error())
                .contains("callback_url: 'http://x.example.com/cb' uses http; use https (http is accepted only for localhost)");
        assertThat(parse(https, "cursor://anysphere.cursor-mcp/oauth/callback").error()).get().asString()
                .startsWith("callback_url: 'cursor://anysphere.cursor-mcp/oauth/callback' uses the custom scheme cursor://");
        assertThat(parse(custom, "cursor://anysphere.cursor-mcp/oauth/callback").isValid()).isTrue();
        assertThat(parse(custom, "javascript:alert(1)").isValid()).isFalse();
    }

    @Test
    void aUrlListSplitsOnCommasSpacesAndNewLines() {
        Question q = question("callback_urls", QuestionType.URL_LIST);

        assertThat(parse(q, "https://a.example.com/cb, https://b.example.com/cb\nhttps://c.example.com/cb")
                .answer().orElseThrow().value())
                .isEqualTo(List.of("https://a.example.com/cb", "https://b.example.com/cb", "https://c.example.com/cb"));
    }

    @Test
    void anApiNameFollowsSeed002sRules() {
        Question q = question("api_name", QuestionType.API_NAME);

        assertThat(parse(q, "Acme_Sync_2").isValid()).isTrue();
        assertThat(parse(q, "2_Acme").error()).get().asString().contains("api_name: '2_Acme' must start with a letter");
        assertThat(parse(q, "Acme__Sync").error()).get().asString().contains("must not contain two underscores in a row");
        assertThat(parse(q, "Acme_").error()).get().asString().contains("must not end with an underscore");
        assertThat(parse(q, "Acme Sync").error()).get().asString().contains("only letters, digits and underscores");
    }

    @Test
    void aNumberRespectsItsBounds() {
        Question q = question("refresh_token_days", QuestionType.NUMBER, new Validation(null, null, 1L, 365L, null, null, null, false));

        assertThat(parse(q, "30").answer().orElseThrow().value()).isEqualTo(30);
        assertThat(parse(q, "0").error()).contains("refresh_token_days: 0 is below the minimum 1; answer a number from 1 to 365");
        assertThat(parse(q, "thirty").error()).contains("refresh_token_days: 'thirty' is not a whole number");
    }

    @Test
    void yesOrNoAcceptsTheUsualSpellings() {
        Question q = question("require_secret", QuestionType.YES_NO);

        assertThat(parse(q, "Y").answer().orElseThrow().value()).isEqualTo(true);
        assertThat(parse(q, "false").answer().orElseThrow()).isEqualTo(new Answer(false, "no"));
        assertThat(parse(q, "maybe").error()).contains("require_secret: 'maybe' is not yes or no; answer yes or no");
    }

    @Test
    void ipRangesAreStartEndOrSingleAddresses() {
        Question q = question("trusted_ip_ranges", QuestionType.IP_RANGE_LIST);

        Answer answer = parse(q, "203.0.113.0 - 203.0.113.255; 198.51.100.7").answer().orElseThrow();
        assertThat(answer.value()).isEqualTo(List.of(new TrustedIpRange("203.0.113.0", "203.0.113.255", null),
                new TrustedIpRange("198.51.100.7", "198.51.100.7", null)));
        assertThat(answer.text()).isEqualTo("203.0.113.0-203.0.113.255, 198.51.100.7-198.51.100.7");
        assertThat(parse(q, answer.text()).answer()).contains(answer);
        assertThat(parse(q, "10.0.0.9-10.0.0.1").error()).get().asString()
                .startsWith("trusted_ip_ranges: the range starts at 10.0.0.9, after its end 10.0.0.1");
        assertThat(parse(q, "10.0.0.300").error()).get().asString().startsWith("trusted_ip_ranges: '10.0.0.300' is not an IPv4 address");
    }

    @Test
    void moreThan128IpRangesAreRefused() {
        String ranges = IntStream.range(0, 129).mapToObj(i -> "10.0." + i / 256 + "." + i % 256).collect(Collectors.joining(","));

        assertThat(parse(question("trusted_ip_ranges", QuestionType.IP_RANGE_LIST), ranges).error())
                .contains("trusted_ip_ranges: 129 IP ranges given; Salesforce allows at most 128 per app, so merge neighbouring ranges");
    }

    @Test
    void aPatternExplainsItselfWithItsHint() {
        Question q = question("tenant_domain", QuestionType.TEXT,
                new Validation("[a-z.]+", "is not a domain name", null, null, null, null, null, false));

        assertThat(parse(q, "https://x").error()).contains("tenant_domain: 'https://x' is not a domain name");
    }

    @Test
    void aUsernameLooksLikeAnEmail() {
        assertThat(parse(question("run_as_user", QuestionType.USER), "integration").error()).get().asString()
                .startsWith("run_as_user: 'integration' is not a Salesforce username");
    }

    @Test
    void blankMeansTheDefaultSkippedOrRequired() {
        Question optional = new Question("description", "Description?", null, QuestionType.TEXT, null, null, false, null, null);
        Question withDefault = new Question("single_logout", "Single logout?", null, QuestionType.YES_NO, null,
                new QuestionDefault.Literal("no"), true, null, null);

        assertThat(parse(question("app_name", QuestionType.TEXT), " ").error()).contains("app_name: an answer is required (Prompt for app_name?)");
        assertThat(parse(optional, "").isValid()).isTrue();
        assertThat(parse(optional, "").answer()).isEmpty();
        assertThat(parse(withDefault, "").answer()).contains(new Answer(false, "no"));
    }
}

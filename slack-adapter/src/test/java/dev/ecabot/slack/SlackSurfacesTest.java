package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.message.HomeView;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.Person;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Slack surface the bot sends, rendered from the engine's neutral messages and checked against Slack's documented
 * Block Kit limits ({@link SlackBlockLimits}): messages, form modals (with multi-choice questions), the App Home tab.
 */
class SlackSurfacesTest {

    static final Instant AT = Instant.parse("2026-12-03T16:37:12.123456789Z");
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ModalViews modals = new ModalViews();

    @Test
    void everyKindOfMessageIsWithinSlacksLimits() {
        List<ChatMessage> messages = List.of(TextMessage.warning("Careful & <quick>"),
                new ChoicePrompt("org", "Which org?", List.of(Option.of("demo", "demo"), Option.of("prod", "prod")), "demo", null),
                new ChoicePrompt("vendor", "Which vendor?", IntStream.range(0, 150).mapToObj(i -> Option.of("v" + i, "Vendor " + i)).toList(), null, null),
                new Confirmation("confirm", summary(), "Create it", "Cancel"),
                new Confirmation("command:delete Altify_MCP prod", summary(), "Delete it", "Keep it"),
                new ProgressUpdate("Creating Altify_MCP", List.of(new ProgressUpdate.Step("Deploying", ProgressUpdate.State.RUNNING, null))),
                new RevealOffer("offer-1", "Consumer key and secret of Altify_MCP in prod", AT),
                new FileMessage("inventory.csv", "text/csv", "a,b\n".repeat(2_000), "Inventory"),
                card(ApprovalCard.Status.PENDING), card(ApprovalCard.Status.APPROVED), form(), wholeForm());
        for (ChatMessage m : messages) {
            BlockKitRenderer.Rendered r = renderer.render(m);
            assertThat(SlackBlockLimits.violation("chat.postMessage", Map.of("text", r.text(), "blocks", json(r.blocks()))))
                    .as(m.getClass().getSimpleName()).isEmpty();
            assertThat(json(r.blocks()) + r.text()).as("no reference marker reaches Slack").doesNotContain("\uE000", "\uE001");
        }
    }

    @Test
    void aWholeFormIsOneModalWithinSlacksLimitsAndARefusedOneComesBackAsTyped() {
        FormPrompt form = wholeForm();
        JsonNode view = SlackUserSimulator.json(json(modals.form(form, ModalViews.metadata(form.id(), ChatPlace.direct("D1")))));
        assertThat(view.path("blocks").findValuesAsText("block_id")).containsExactly("app_name", "contact_email",
                "callback_urls", "logo_url", "flows", "refresh_token_policy");
        assertThat(SlackBlockLimits.view(view)).isEmpty();

        List<FormField> typed = form.fields().stream().map(f -> new FormField(f.id(), f.label(), f.type(), f.defaultValue(),
                f.required(), f.help(), f.options(), f.id().equals("contact_email") ? "not an email" : null,
                f.id().equals("contact_email") ? "alice at example" : f.id().equals("refresh_token_policy") ? "lifetime" : null)).toList();
        JsonNode again = SlackUserSimulator.json(json(modals.form(new FormPrompt(form.id(), form.title(), typed),
                ModalViews.metadata(form.id(), ChatPlace.direct("D1")))));
        assertThat(again.toString()).contains("\"initial_value\":\"alice at example\"");
        assertThat(again.path("blocks").get(6).at("/element/initial_option/value").asText()).isEqualTo("lifetime");

        BlockKitRenderer.Rendered closed = renderer.formAnswered(form, "U0ALICE01", Map.of("app_name", "Partner Portal",
                "flows", "authorization-code, client-credentials", "refresh_token_policy", "lifetime", "logo_url", ""));
        assertThat(json(closed.blocks())).contains("Partner Portal")
                .contains("Authorization code with PKCE, Client credentials (runs as one user)")
                .contains("Expire after a specific time").contains("_left empty_").contains("<@U0ALICE01> answered")
                .doesNotContain("form-open");
        assertThat(SlackBlockLimits.violation("chat.update", Map.of("text", closed.text(), "blocks", json(closed.blocks()))))
                .isEmpty();
    }

    @Test
    void peopleAreMentionsAndMomentsAreInTheReadersZoneWithAUtcFallback() {
        BlockKitRenderer.Rendered r = renderer.render(card(ApprovalCard.Status.APPROVED));

        assertThat(json(r.blocks())).contains("*Requested by:* <@U0ALICE01>")
                .contains("*Approved* by <@U0BOB0001> at <!date^" + AT.getEpochSecond()
                        + "^{date_short_pretty} {time}|2026-12-03 16:37 UTC>")
                .doesNotContain("slack:U0").doesNotContain(".123456789");
        assertThat(BlockKitRenderer.escape("by " + new Person("teams", "29:1a", "Ann <Lee>").inText()))
                .as("someone on another platform by name, escaped").isEqualTo("by Ann &lt;Lee&gt;");
        assertThat(r.text()).doesNotContain("\uE000");
    }

    @Test
    void anAuditLineShowsItsMomentAndActorAsTheReaderKnowsThem() {
        // As AuditCommand writes a line: the moment as the label, the actor as a person.
        Summary trail = new Summary("Audit trail of Altify_MCP in prod, oldest first:", List.of(new Fact("",
                InlineText.moment(AT), "approval by " + Person.inTextOrAsIs("slack:U0BOB0001") + ": approved")),
                List.of(), List.of());

        assertThat(json(renderer.render(trail).blocks())).contains("• <!date^" + AT.getEpochSecond())
                .contains("approval by <@U0BOB0001>: approved").doesNotContain("`");
    }

    @Test
    void aMultiChoiceQuestionIsCheckboxesUpToTenOptionsAndAMultiSelectBeyondWithTheDefaultTicked() {
        FormField scopes = new FormField("scopes", "OAuth scopes", FieldType.LIST, "api, refresh_token", true, null,
                List.of(Option.of("api", "Manage user data via APIs (api)"), Option.of("refresh_token", "Perform requests at any time"),
                        new Option("openid", "OpenID", "identity only")), null);
        FormField many = new FormField("flows", "Flows", FieldType.LIST, null, false, null,
                IntStream.range(0, 12).mapToObj(i -> Option.of("f" + i, "Flow " + i)).toList(), null);
        JsonNode view = SlackUserSimulator.json(json(modals.form(new FormPrompt("q", "Scopes", List.of(scopes, many)),
                ModalViews.metadata("q", ChatPlace.direct("D1")))));

        JsonNode boxes = view.at("/blocks/0");
        assertThat(boxes.path("label").path("text").asText()).isEqualTo("OAuth scopes");
        assertThat(boxes.at("/element/type").asText()).isEqualTo("checkboxes");
        assertThat(boxes.at("/element/options").findValuesAsText("value")).contains("api", "refresh_token", "openid");
        assertThat(boxes.at("/element/initial_options").findValuesAsText("value")).containsExactly("api", "refresh_token");
        assertThat(boxes.at("/element/options/2/description/text").asText()).isEqualTo("identity only");
        JsonNode select = view.at("/blocks/1");
        assertThat(select.at("/element/type").asText()).isEqualTo("multi_static_select");
        assertThat(select.path("optional").asBoolean()).isTrue();
        assertThat(SlackBlockLimits.view(view)).isEmpty();
    }

    @Test
    void ticksComeBackAsTheCommaSeparatedAnswerTheEngineParses() {
        var state = new com.slack.api.model.view.ViewState.Value();
        var api = new com.slack.api.model.view.ViewState.SelectedOption();
        api.setValue("api");
        var openid = new com.slack.api.model.view.ViewState.SelectedOption();
        openid.setValue("openid");
        state.setSelectedOptions(List.of(api, openid));

        assertThat(ModalViews.values(Map.of("scopes", Map.of(ModalViews.VALUE_ACTION, state))))
                .containsEntry("scopes", "api, openid");
    }

    @Test
    void deletingIsARedButtonThatSlackConfirmsBeforeSending() {
        JsonNode blocks = SlackUserSimulator.json(json(renderer.render(
                new Confirmation("command:delete Altify_MCP prod", summary(), "Delete it", "Keep it")).blocks()));
        JsonNode delete = blocks.findParents("action_id").stream()
                .filter(b -> "choice-0".equals(b.path("action_id").asText())).findFirst().orElseThrow();

        assertThat(delete.path("style").asText()).isEqualTo("danger");
        assertThat(delete.at("/confirm/confirm/text").asText()).isEqualTo("Delete it");
        assertThat(delete.at("/confirm/deny/text").asText()).isEqualTo("Keep it");
        assertThat(delete.at("/confirm/style").asText()).isEqualTo("danger");
        JsonNode create = SlackUserSimulator.json(json(renderer.render(new Confirmation("confirm", summary(), "Create it", "Cancel")).blocks()))
                .findParents("action_id").get(0);
        assertThat(create.path("style").asText()).isEqualTo("primary");
        assertThat(create.has("confirm")).isFalse();
    }

    @Test
    void aFullHomeTabStaysWithinAHundredBlocksAndEveryButtonBlockIsUnique() {
        List<Fact> apps = IntStream.range(0, 10).mapToObj(i -> new Fact("prod", "App_" + i, "App " + i + " | active | created "
                + InlineText.moment(AT))).toList();
        List<ApprovalCard> cards = IntStream.range(0, 10).mapToObj(i -> card(ApprovalCard.Status.PENDING)).toList();
        List<RevealOffer> offers = IntStream.range(0, 10).mapToObj(i -> new RevealOffer("offer-" + i, "Secret " + i, AT)).toList();
        View home = new HomeTab(renderer).render(new HomeView(apps, 5, cards, offers,
                List.of(new Fact("", InlineText.moment(AT), "App usable (App_1 in prod)"))));

        JsonNode view = SlackUserSimulator.json(json(home));
        assertThat(SlackBlockLimits.view(view)).isEmpty();
        List<String> ids = new ArrayList<>();
        view.path("blocks").forEach(b -> { if (b.has("block_id")) ids.add(b.path("block_id").asText()); });
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ActionIds.promptOf("choice:approval#home12", "choice-0")).contains(dev.ecabot.conversation.PromptRef.Fixed.APPROVAL);
    }

    @Test
    void longHomeListsComeAPageAtATimeWithMoreAndBackButtonsWithinAHundredBlocks() {
        List<Fact> apps = IntStream.range(10, 20).mapToObj(i -> new Fact("prod", "App_" + i, "App " + i + " | active | created "
                + InlineText.moment(AT))).toList();
        List<Fact> manyFacts = IntStream.range(0, 30).mapToObj(i -> new Fact("OAuth", "Setting " + i, "value " + i)).toList();
        List<ApprovalCard> cards = IntStream.range(0, dev.ecabot.conversation.home.HomeViews.APPROVALS_SHOWN)
                .mapToObj(i -> new ApprovalCard("r" + i, "Approval needed (1 approval): create App_" + i + " in org prod",
                        "prod", "custom", manyFacts, "slack:U0ALICE01", "Pilot", AT, "0123456789abcdef",
                        ApprovalCard.Status.PENDING, null, null, null)).toList();
        List<RevealOffer> offers = IntStream.range(0, 10).mapToObj(i -> new RevealOffer("offer-" + i, "Secret " + i, AT)).toList();
        View home = new HomeTab(renderer).render(new HomeView(apps, 25, cards, offers,
                List.of(new Fact("", InlineText.moment(AT), "App usable (App_1 in prod)")), 10, 4, 6));

        JsonNode view = SlackUserSimulator.json(json(home));
        assertThat(SlackBlockLimits.view(view)).isEmpty();
        assertThat(view.path("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(view.toString()).contains("Waiting for your approval (14)", "Requests 5-8 of 14",
                "Newest first, 11-20 of 45");
        List<JsonNode> pagers = view.path("blocks").findParents("action_id").stream()
                .filter(b -> b.path("action_id").asText().startsWith(ActionIds.HOME_PAGE)).toList();
        assertThat(pagers).extracting(b -> b.at("/text/text").asText() + " -> " + b.path("value").asText())
                .containsExactlyInAnyOrder("More requests (6 left) -> 10:8", "Back to the start -> 10:0",
                        "More apps (25 left) -> 20:4", "Back to the start -> 0:4");
        List<String> ids = new ArrayList<>();
        view.path("blocks").forEach(b -> { if (b.has("block_id")) ids.add(b.path("block_id").asText()); });
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyHomeTabInvitesToAskForAnApp() {
        JsonNode view = SlackUserSimulator.json(json(new HomeTab(renderer).render(
                new HomeView(List.of(), 0, List.of(), List.of(), List.of()))));
        assertThat(view.toString()).contains("New app").contains("You have not asked for an app yet");
        assertThat(SlackBlockLimits.view(view)).isEmpty();
    }

    static Summary summary() {
        return new Summary("Please check", List.of(new Fact("", "Org", "prod"),
                new Fact("", "Requested by", Person.inTextOrAsIs("slack:U0ALICE01"))), List.of(), List.of());
    }

    static ApprovalCard card(ApprovalCard.Status status) {
        ApprovalCard pending = new ApprovalCard("r1", "Approval needed (1 approval): create Altify_MCP in org prod", "prod",
                "altify-mcp", List.of(new Fact("", "Contact email", "alice@example.com")), "slack:U0ALICE01",
                "Pilot for support", AT, "0123456789abcdef", ApprovalCard.Status.PENDING, null, null, null);
        return status == ApprovalCard.Status.PENDING ? pending
                : pending.decided(status, new Person("slack", "U0BOB0001", "Bob").inText(), AT, null);
    }

    /** A whole step of a playbook as one form: typed fields, a choice, several of a list, a multi-line list. */
    static FormPrompt wholeForm() {
        return new FormPrompt("q:app_name", "Custom integration: 6 questions", List.of(
                new FormField("app_name", "What should the app be called?", FieldType.TEXT, null, true, null, List.of(), null),
                new FormField("contact_email", "Contact email", FieldType.EMAIL, "alice@example.com", true,
                        "The person or team responsible for this integration", List.of(), null),
                new FormField("callback_urls", "Callback URLs", FieldType.LIST, null, true,
                        "several values: separate them with commas or new lines", List.of(), null),
                new FormField("logo_url", "A logo URL (optional)", FieldType.URL, null, false, null, List.of(), null),
                new FormField("flows", "Which OAuth flows will the integration use?", FieldType.LIST, "authorization-code", true,
                        null, List.of(Option.of("authorization-code", "Authorization code with PKCE"),
                        Option.of("client-credentials", "Client credentials (runs as one user)")), null),
                new FormField("refresh_token_policy", "How long should refresh tokens stay valid?", FieldType.CHOICE,
                        "until-revoked", true, null, List.of(Option.of("until-revoked", "Valid until revoked"),
                        Option.of("lifetime", "Expire after a specific time")), null)));
    }

    static FormPrompt form() {
        return new FormPrompt("contact_email", "Contact", List.of(new FormField("contact_email", "Contact email",
                FieldType.EMAIL, null, true, null, List.of(), "not an email address")));
    }

    /** The JSON the Slack client sends for {@code blocksOrView} (its Gson), with "<" and ">" unescaped for reading. */
    static String json(Object blocksOrView) {
        return SlackUserSimulator.json(GsonFactory.createSnakeCase().toJson(blocksOrView)).toString();
    }
}

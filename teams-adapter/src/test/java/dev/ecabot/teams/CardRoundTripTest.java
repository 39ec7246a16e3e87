package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A card the bot renders, filled in and submitted as Teams does, comes back as the event the engine expects. */
class CardRoundTripTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);

    @Test
    void aLongChoiceBecomesADropDownWhosePickComesBackAsTheChoice() {
        List<Option> orgs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) orgs.add(Option.of("org" + i, "Org " + i));
        JsonNode card = card(cards.render(new ChoicePrompt("org", "Which org?", orgs, "org3", null)));

        JsonNode select = card.path("body").findParents("type").stream()
                .filter(e -> e.path("type").asText().equals("Input.ChoiceSet")).findFirst().orElseThrow();
        assertThat(select.path("label").asText()).as("the question labels the drop-down").isEqualTo("Which org?");
        assertThat(select.path("value").asText()).isEqualTo("org3");
        ObjectNode submitted = ((ObjectNode) card.at("/actions/0/data").deepCopy()).put(select.path("id").asText(), "org5");

        assertThat(TeamsInbound.toEvent(submit(submitted))).hasValueSatisfying(event ->
                assertThat(event).isEqualTo(new ChatEvent.Choice(TeamsInbound.user(submit(submitted)),
                        TeamsInbound.place(submit(submitted)), "org", "org5", "Org 5")));
    }

    @Test
    void aFormsInputsComeBackAsTheFieldsOfItsSubmission() {
        FormPrompt form = new FormPrompt("contact", "Who owns the app?", List.of(
                new FormField("contact_email", "Contact email", FieldType.EMAIL, null, true, null, List.of(), "That is not an email address"),
                new FormField("callbacks", "Callback URLs", FieldType.LIST, null, false, "one per line", List.of(), null),
                new FormField("pkce", "Require PKCE?", FieldType.YES_NO, "yes", true, null, List.of(), null)));
        JsonNode card = card(cards.render(form));

        assertThat(card.path("body").findValuesAsText("type")).contains("Input.Text", "Input.ChoiceSet");
        assertThat(card.toString()).contains("That is not an email address", "\"style\":\"Email\"", "\"isMultiline\":true");
        ObjectNode submitted = (ObjectNode) card.at("/actions/0/data").deepCopy();
        submitted.put("field:contact_email", "ana@example.com").put("field:callbacks", "https://a.example/cb\nhttps://b.example/cb")
                .put("field:pkce", "no");

        ChatEvent event = TeamsInbound.toEvent(submit(submitted)).orElseThrow();
        assertThat(event).isInstanceOfSatisfying(ChatEvent.FormSubmission.class, f -> {
            assertThat(f.formId()).isEqualTo("contact");
            assertThat(f.values()).isEqualTo(Map.of("contact_email", "ana@example.com",
                    "callbacks", "https://a.example/cb\nhttps://b.example/cb", "pkce", "no"));
        });
    }

    @Test
    void severalAnswersFromAKnownListAreAMultiSelectWhosePicksComeBackAsOneList() {
        FormPrompt form = new FormPrompt("scopes", "Custom app, question 5 of 12", List.of(
                new FormField("scopes", "Which OAuth scopes does the integration need?", FieldType.LIST, null, true, null,
                        List.of(Option.of("Api", "Manage user data via APIs (api)"),
                                Option.of("RefreshToken", "Perform requests at any time (refresh_token)"),
                                Option.of("OpenID", "Access unique user identifiers (openid)")),
                        "Pick at least one scope", "Api\nRefreshToken")));
        JsonNode card = card(cards.render(form));

        JsonNode select = card.path("body").findParents("id").get(0);
        assertThat(select.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(select.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(select.path("style").asText()).as("a few options: check boxes").isEqualTo("expanded");
        assertThat(select.path("choices")).extracting(c -> c.path("title").asText())
                .containsExactly("Manage user data via APIs (api)", "Perform requests at any time (refresh_token)",
                        "Access unique user identifiers (openid)");
        assertThat(select.path("value").asText()).as("what was typed before, picked again").isEqualTo("Api,RefreshToken");
        assertThat(card.toString()).contains("Pick at least one scope");

        // Teams sends a multi-select's picks comma-separated
        ObjectNode submitted = ((ObjectNode) card.at("/actions/0/data").deepCopy()).put("field:scopes", "Api,OpenID");
        assertThat(TeamsInbound.toEvent(submit(submitted))).hasValueSatisfying(event ->
                assertThat(((ChatEvent.FormSubmission) event).values()).isEqualTo(Map.of("scopes", "Api,OpenID")));
    }

    @Test
    void anAnsweredCardSaysWhatWasAnsweredInTheCardsWords() {
        // The click carries the button's label to the engine, whose words the answered card shows.
        ObjectNode data = JSON.createObjectNode().put("ecabot", "choice").put("promptId", "confirm").put("value", "confirm")
                .put("shown", "Create it");
        ChatEvent.Choice choice = (ChatEvent.Choice) TeamsInbound.toEvent(submit(data)).orElseThrow();
        assertThat(choice.shown()).isEqualTo("Create it");
        dev.ecabot.conversation.TurnAnswer.Answered answered = new dev.ecabot.conversation.TurnAnswer.Answered(
                choice.user().person().inText(), "chose", choice.shown(), List.of());
        assertThat(card(cards.answered(answered)).toString()).contains("<at>Ana Lopez</at> chose Create it")
                .doesNotContain("confirm").doesNotContain("\"actions\"");
    }

    @Test
    void aDropDownPickIsAnsweredWithTheOptionsLabelNotItsValue() {
        List<Option> orgs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) orgs.add(Option.of("org" + i, "Production org " + i));
        JsonNode card = card(cards.render(new ChoicePrompt("org", "Which org?", orgs, null, null)));
        ObjectNode submitted = ((ObjectNode) card.at("/actions/0/data").deepCopy()).put("value", "org5");
        ChatEvent.Choice picked = (ChatEvent.Choice) TeamsInbound.toEvent(submit(submitted)).orElseThrow();

        assertThat(picked.shown()).as("the drop-down's label for the value picked travels to the engine")
                .isEqualTo("Production org 5");
        dev.ecabot.conversation.TurnAnswer.Answered answered = new dev.ecabot.conversation.TurnAnswer.Answered(
                picked.user().person().inText(), "chose", picked.shown(), List.of());
        assertThat(card(cards.answered(answered)).toString()).contains("<at>Ana Lopez</at> chose Production org 5")
                .doesNotContain("org5");
    }

    @Test
    void aChannelMessageLosesTheBotsMentionButKeepsTheRest() {
        Activity mention = submit(null);
        mention.setText("<at>ECA bot</at>\u00a0status please\n");
        mention.setEntities(List.of(mentionEntity()));

        assertThat(TeamsInbound.toEvent(mention)).hasValueSatisfying(event ->
                assertThat(((ChatEvent.Text) event).text()).isEqualTo("status please"));
    }

    private static com.microsoft.bot.schema.Entity mentionEntity() {
        try {
            return JSON.readValue("""
                    {"type":"mention","text":"<at>ECA bot</at>","mentioned":{"id":"28:bot","name":"ECA bot"}}""",
                    com.microsoft.bot.schema.Entity.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Activity submit(JsonNode value) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        ChannelAccount from = new ChannelAccount("29:ana", "Ana Lopez");
        from.setAadObjectId("aad-ana");
        activity.setFrom(from);
        activity.setRecipient(new ChannelAccount("28:bot", "ECA bot"));
        activity.setConversation(new ConversationAccount("a:1chat"));
        activity.setValue(value);
        return activity;
    }

    @Test
    void anExportFileIsShownWithItsCaptionAndMonospacedContent() {
        JsonNode card = card(cards.render(new dev.ecabot.conversation.message.FileMessage("inventory.csv", "text/csv",
                "org,api_name\ndemo,Vonage_Prod\n", "Inventory export: 1 app")));
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Inventory export: 1 app");
        assertThat(card.path("body").get(1).path("text").asText()).isEqualTo("org,api_name\ndemo,Vonage_Prod\n");
        assertThat(card.path("body").get(1).path("fontType").asText()).isEqualTo("Monospace");
    }

    private static JsonNode card(Activity activity) {
        return JSON.valueToTree(activity.getAttachments().get(0).getContent());
    }
}

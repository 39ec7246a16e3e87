package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.vault.Secret;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One example of every Adaptive Card the bot can send to Teams, by name: each neutral message kind the engine sends
 * and each card the adapter makes itself (welcome, answered, dialogs, the approver's and everyone's approval views).
 * The conformance test validates them all with the real Adaptive Cards library. A new card goes here.
 */
final class TeamsCardGallery {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-12-03T14:37:00Z");
    static final ChatUser ANA = new ChatUser("teams", "aad-ana", "Ana Lima", null);

    private TeamsCardGallery() {
    }

    static Map<String, JsonNode> cards() {
        AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);
        Map<String, JsonNode> all = new LinkedHashMap<>();
        all.put("choice as buttons", card(cards.render(new ChoicePrompt("pkce", "Require PKCE?",
                List.of(Option.of("yes", "Yes"), Option.of("no", "No")), "yes", null))));
        List<Option> orgs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) orgs.add(Option.of("org" + i, "Org " + i));
        all.put("choice as a drop-down (the org)", card(cards.render(new ChoicePrompt("org", "Which org?", orgs, "org3",
                "Pick one of the orgs listed"))));
        all.put("form", card(cards.render(form(null))));
        all.put("form refused, keeping what was typed", card(cards.render(form("That is not an email address"))));
        all.put("form, the questions the answers opened", card(cards.render(new FormPrompt("q:refresh_token_validity",
                "Custom integration: 2 more questions from your answers", List.of(
                new FormField("refresh_token_validity", "After how many hours, days or months should refresh tokens expire?",
                        FieldType.NUMBER, null, true, null, List.of(), null),
                new FormField("refresh_token_unit", "In which unit is that?", FieldType.CHOICE, "Days", true, null,
                        List.of(Option.of("Hours", "hours"), Option.of("Days", "days"), Option.of("Months", "months")), null))))));
        Summary summary = new Summary("Acme Sync in demo", List.of(new Fact("", "Playbook", "custom"),
                new Fact("OAuth", "Scopes", "Api, RefreshToken")), List.of("Consumer secret shown once"), List.of("Say show"));
        all.put("summary", card(cards.render(summary)));
        all.put("confirmation", card(cards.render(new Confirmation("confirm", summary, "Create it", "Cancel"))));
        all.put("progress", card(cards.render(new ProgressUpdate("Creating Acme Sync", List.of(
                new ProgressUpdate.Step("Deploy", ProgressUpdate.State.DONE, null),
                new ProgressUpdate.Step("Read consumer key", ProgressUpdate.State.RUNNING, null),
                new ProgressUpdate.Step("Reminders", ProgressUpdate.State.PENDING, null))))));
        all.put("reveal offer", card(cards.render(new RevealOffer("offer-1", "Acme Sync consumer secret", AT))));
        all.put("file", card(cards.render(new FileMessage("inventory.csv", "text/csv", "name,org\nAcme_Sync,demo", "Inventory"))));
        all.put("approval, pending (everyone's view)", card(cards.approval(approval(ApprovalCard.Status.PENDING),
                List.of("29:1ben-member-id", "29:1cy-member-id"))));
        all.put("approval, pending (an approver's view)", cards.approvalForApprover(approval(ApprovalCard.Status.PENDING)));
        // as the port renders it for a reader: people named from the directory (here always "Ana Lima")
        JsonNode mentioned = card(cards.readBy(new TeamsReader(java.time.ZoneOffset.UTC, person -> "Ana Lima")).approval(new ApprovalCard("req-43", "Acme Sync (custom) in demo", "demo", "custom",
                List.of(), "teams:aad-ana", "the vendor needs it", AT, "0123456789abcdef", ApprovalCard.Status.PENDING,
                null, null, null), List.of()));
        all.put("approval naming the requester as a mention", mentioned);
        all.put("approval, approved", card(cards.render(approval(ApprovalCard.Status.APPROVED)
                .decided(ApprovalCard.Status.APPROVED, "Bo Chen", AT, "fine"))));
        all.put("secret dialog", (JsonNode) JSON.valueToTree(cards.secretCard(new SecretReveal("Consumer secret",
                Secret.of("s3cr3t"), "Shown once"))).get("content"));
        String ana = ANA.person().inText();
        all.put("answered choice", card(cards.answered(new dev.ecabot.conversation.TurnAnswer.Answered(ana, "chose", "Yes",
                List.of()))));
        all.put("answered form", card(cards.answered(new dev.ecabot.conversation.TurnAnswer.Answered(ana, "answered", null,
                List.of(new dev.ecabot.conversation.message.Fact(null, "Contact email", "ana@example.com"))))));
        all.put("revealed offer", card(cards.revealedOffer("Acme Sync consumer secret", "Ana Lima", AT)));
        all.put("welcome", card(cards.welcome()));
        return all;
    }

    static FormPrompt form(String error) {
        return new FormPrompt("contact", "Custom integration: 5 questions", List.of(
                new FormField("contact_email", "Contact email", FieldType.EMAIL, null, true, null,
                        List.of(), error, error == null ? null : "ana@"),
                new FormField("callback_urls", "Callback URLs", FieldType.LIST, null, false,
                        "several values: separate them with commas or new lines", List.of(),
                        error == null ? null : "'portal' is not an absolute URL; write the full address",
                        error == null ? null : "portal"),
                new FormField("scopes", "OAuth scopes", FieldType.LIST, "Api,RefreshToken", true, null,
                        List.of(Option.of("Api", "Access the API"), Option.of("RefreshToken", "Refresh tokens"),
                                Option.of("Web", "Web")), null),
                new FormField("pkce", "Require PKCE?", FieldType.YES_NO, "yes", true, null, List.of(), null),
                new FormField("ttl", "Token lifetime (hours)", FieldType.NUMBER, null, false, null, List.of(), null)));
    }

    static ApprovalCard approval(ApprovalCard.Status status) {
        return new ApprovalCard("req-42", "Acme Sync (custom) in demo", "demo", "custom",
                List.of(new Fact("", "Scopes", "Api, RefreshToken")), "Ana Lima", "the vendor needs it",
                AT.plusSeconds(86_400), "0123456789abcdef", status, null, null, null);
    }

    static JsonNode card(Activity activity) {
        return JSON.valueToTree(activity.getAttachments().get(0).getContent());
    }
}

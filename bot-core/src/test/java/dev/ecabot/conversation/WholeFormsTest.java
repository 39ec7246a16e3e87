package dev.ecabot.conversation;

import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where people fill in forms (Slack modals, Teams cards), a playbook's questions that do not depend on each other
 * come as one form, the questions that follow from its answers as a second one, and a refused value is explained
 * beside its field while every other value stays as typed. Where there are no forms, one question at a time.
 */
class WholeFormsTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    /** The first form of {@code custom}, answered as a person would: refresh tokens expire, MFA required. */
    static Map<String, String> customAnswers() {
        Map<String, String> values = new HashMap<>();
        values.put("app_name", "Partner Portal");
        values.put("api_name", "");
        values.put("contact_email", "alice@example.com");
        values.put("description", "");
        values.put("callback_urls", "https://portal.example.com/callback");
        values.put("logo_url", "");
        values.put("single_logout_url", "");
        values.put("scopes", "Api, RefreshToken");
        values.put("flows", "authorization-code");
        values.put("require_secret", "yes");
        values.put("refresh_token_policy", "lifetime");
        values.put("ip_relaxation", "Enforce");
        values.put("session_level", "HIGH_ASSURANCE");
        values.put("permitted_users", "AllSelfAuthorized");
        return values;
    }

    @Test
    void theCustomPlaybookIsTwoFormsAndARefusalOnTwoFieldsKeepsEveryOtherValue() {
        bot.chat().showingForms();
        FormPrompt first = alice.says("new custom demo").last(FormPrompt.class);
        assertThat(first.fields()).extracting(FormField::id).containsExactly("app_name", "api_name", "contact_email",
                "description", "callback_urls", "logo_url", "single_logout_url", "scopes", "flows", "require_secret",
                "refresh_token_policy", "ip_relaxation", "session_level", "permitted_users");
        assertThat(first.title()).contains("14 questions");
        // typed fields by their kind; choices as menus; the API name may stay blank (it follows the app name)
        assertThat(field(first, "contact_email").type()).isEqualTo(FieldType.EMAIL);
        assertThat(field(first, "scopes").type()).isEqualTo(FieldType.LIST);
        assertThat(field(first, "scopes").options()).hasSize(14);
        assertThat(field(first, "refresh_token_policy").type()).isEqualTo(FieldType.CHOICE);
        assertThat(field(first, "refresh_token_policy").defaultValue()).isEqualTo("until-revoked");
        assertThat(field(first, "require_secret").type()).isEqualTo(FieldType.YES_NO);
        assertThat(field(first, "api_name").required()).isFalse();

        Map<String, String> wrong = customAnswers();
        wrong.put("contact_email", "alice at example");
        wrong.put("callback_urls", "not a url");
        FormPrompt refused = alice.submits(wrong).last(FormPrompt.class);

        assertThat(refused.id()).isEqualTo(first.id());
        assertThat(refused.fields()).filteredOn(f -> f.error() != null).extracting(FormField::id)
                .containsExactlyInAnyOrder("contact_email", "callback_urls");
        assertThat(field(refused, "contact_email").typed()).isEqualTo("alice at example");
        assertThat(field(refused, "app_name").typed()).isEqualTo("Partner Portal");
        assertThat(field(refused, "refresh_token_policy").typed()).isEqualTo("lifetime");
        assertThat(alice.says("status").text()).contains("(1 answer so far)"); // the org; nothing of the refused form

        Transcript accepted = alice.submits(customAnswers());
        FormPrompt second = accepted.last(FormPrompt.class);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.fields()).extracting(FormField::id).containsExactly("refresh_token_validity",
                "refresh_token_unit", "refresh_token_rotation", "session_level_action");
        assertThat(second.title()).contains("4 more questions from your answers");

        Map<String, String> more = Map.of("refresh_token_validity", "30", "refresh_token_unit", "Days",
                "refresh_token_rotation", "no", "session_level_action", "RaiseSessionLevel");
        Confirmation summary = alice.submits(more).last(Confirmation.class);
        String shown = dev.ecabot.conversation.message.PlainText.render(summary);
        assertThat(shown).contains("Partner_Portal").contains("alice@example.com").contains("Expire refresh token after 30 days").contains("High assurance");
        // two forms (one refused once): three submissions instead of eighteen questions one by one
        assertThat(alice.everything().all(FormPrompt.class).stream().map(FormPrompt::id).distinct()).hasSize(2);
    }

    @Test
    void aTypedAnswerFillsTheFirstFieldAndTheRestOfTheFormComesBack() {
        bot.chat().showingForms();
        alice.says("new custom demo");
        FormPrompt rest = alice.says("Typed Portal").last(FormPrompt.class);
        assertThat(rest.fields().get(0).id()).isEqualTo("api_name");
        assertThat(rest.fields().get(0).defaultValue()).isEqualTo("Typed_Portal");
        assertThat(rest.fields()).hasSize(13);
    }

    @Test
    void withoutFormsEachQuestionIsAskedAlone() {
        Walks.toTheSummary(alice, "custom", "demo", Map.of("app_name", "One At A Time"));
        List<FormPrompt> forms = alice.everything().all(FormPrompt.class);
        assertThat(forms).isNotEmpty().allSatisfy(f -> assertThat(f.fields()).hasSize(1));
    }

    private static FormField field(FormPrompt form, String id) {
        return form.fields().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + id + " in " + form));
    }
}

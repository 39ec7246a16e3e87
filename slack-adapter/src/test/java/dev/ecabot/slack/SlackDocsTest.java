package dev.ecabot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.message.HomeView;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.RevealOffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/slack.md shows each Slack surface as the JSON the bot sends; this renders them and checks the docs show exactly
 * that. After a deliberate change, run it once with {@code -Decabot.docs.write=true} to rewrite the blocks.
 */
class SlackDocsTest {

    private static final Path DOC = Path.of("../docs/slack.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- surface: ([a-z-]+) -->\\n```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    /** Each surface as the payload part Slack receives: blocks for messages, the view for modals and the Home tab. */
    Map<String, Object> surfaces() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("approval-card", renderer.render(SlackSurfacesTest.card(ApprovalCard.Status.PENDING)).blocks());
        out.put("approval-card-decided", renderer.render(SlackSurfacesTest.card(ApprovalCard.Status.APPROVED)).blocks());
        out.put("multi-choice-modal", new ModalViews().form(new FormPrompt("scopes", "Scopes", List.of(new FormField(
                "scopes", "Which OAuth scopes may the app use?", FieldType.LIST, "api", true, null,
                List.of(Option.of("api", "Manage user data via APIs"), Option.of("refresh_token", "Refresh tokens"),
                        new Option("openid", "OpenID Connect", "identity only")), null))),
                ModalViews.metadata("scopes", ChatPlace.direct("D0ALICE01"))));
        out.put("whole-form-modal", new ModalViews().form(SlackSurfacesTest.wholeForm(),
                ModalViews.metadata("q:app_name", ChatPlace.direct("D0ALICE01"), "1700000000.000100")));
        out.put("whole-form-answered", renderer.formAnswered(SlackSurfacesTest.wholeForm(), "U0ALICE01", Map.of(
                "app_name", "Partner Portal", "contact_email", "", "callback_urls", "https://portal.example.com/callback",
                "logo_url", "", "flows", "authorization-code, client-credentials", "refresh_token_policy", "lifetime")).blocks());
        out.put("delete-confirmation", renderer.render(new Confirmation("command:delete Altify_MCP prod",
                new dev.ecabot.conversation.message.Summary("Delete Altify MCP (Altify_MCP) from prod? Every integration "
                        + "using it stops working at once; this cannot be undone.", List.of(new Fact("", "Org", "prod")),
                        List.of(), List.of()), "Delete it", "Keep it")).blocks());
        out.put("home-tab", new HomeTab(renderer).render(new HomeView(
                List.of(new Fact("prod", "Altify_MCP", "Altify MCP | active | created " + InlineText.moment(SlackSurfacesTest.AT))), 0,
                List.of(SlackSurfacesTest.card(ApprovalCard.Status.PENDING)),
                List.of(new RevealOffer("offer-1", "Consumer key and secret of Altify_MCP in prod", SlackSurfacesTest.AT)),
                List.of(new Fact("", InlineText.moment(SlackSurfacesTest.AT), "App usable (Altify_MCP in prod)")))));
        return out;
    }

    @Test
    void theDocsShowEachSurfaceAsTheJsonItSends() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> rendered = new LinkedHashMap<>();
        for (var e : surfaces().entrySet()) rendered.put(e.getKey(), pretty(e.getValue()));
        if (Boolean.getBoolean("ecabot.docs.write")) {
            Matcher m = BLOCK.matcher(doc);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String json = rendered.getOrDefault(m.group(1), m.group(2));
                m.appendReplacement(out, Matcher.quoteReplacement("<!-- surface: " + m.group(1) + " -->\n```json\n" + json + "```"));
            }
            m.appendTail(out);
            Files.writeString(DOC, out.toString(), StandardCharsets.UTF_8);
            doc = out.toString();
        }
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) shown.put(m.group(1), m.group(2));
        List<String> stale = new ArrayList<>();
        rendered.forEach((name, json) -> {
            if (!json.equals(shown.get(name))) stale.add(name);
        });
        assertThat(stale).as("surfaces docs/slack.md shows out of date (rerun with -Decabot.docs.write=true)").isEmpty();
    }

    private static String pretty(Object payload) throws IOException {
        return JSON.writeValueAsString(JSON.readTree(SlackSurfacesTest.json(payload))) + "\n";
    }
}

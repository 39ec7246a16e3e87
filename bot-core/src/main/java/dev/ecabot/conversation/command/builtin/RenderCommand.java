package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.inventory.AppLookup;
import dev.ecabot.conversation.dialogue.DryRuns;
import dev.ecabot.conversation.dialogue.MetadataPreview;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.QuestionType;
import dev.ecabot.playbook.Rendering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code render <app|playbook> [org] [question=answer ...] [check]}: the metadata files a deploy would send, for
 * admins who want to read them before anything is made, without starting a conversation. An inventory app renders
 * the settings the bot keeps for it; a playbook renders with the answers given and its defaults (a required question
 * without either is named, with how to answer it). With {@code check} the files are also validated by Salesforce in
 * the org (a checkOnly deploy, the same dry run as at a new app's confirmation): nothing is saved there. Thread-safe.
 */
public final class RenderCommand implements ChatCommand {

    /** The word that asks for a dry run as well. */
    static final String CHECK = "check";

    private static final DryRuns.NextSteps AFTER_COMMAND = new DryRuns.NextSteps("",
            "say \"new\" to create an app from it.", "Change what Salesforce names, then \"render ... check\" again.");

    private final PlaybookCatalog catalog;
    private final InventoryAppRepository inventory;
    private final OrgDirectory orgs;
    private final DryRuns dryRuns;
    private final PlaybookRenderer renderer = new PlaybookRenderer();

    public RenderCommand(PlaybookCatalog catalog, InventoryAppRepository inventory, OrgDirectory orgs, DryRuns dryRuns) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.orgs = orgs;
        this.dryRuns = dryRuns;
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String usage() {
        return "render <app|playbook> [org] [question=answer ...] [check]";
    }

    @Override
    public String summary() {
        return "the metadata files an app would deploy; \"check\" has Salesforce validate them (saves nothing)";
    }

    @Override
    public void run(CommandCall call) {
        Request request = Request.parse(call.words());
        if (request == null) {
            call.replies().warn("Say \"render <app or playbook> [org]\", e.g. \"render Vonage_Prod\" or \"render"
                    + " vonage-ai-studio demo app_name=Vonage Prod\"; add \"check\" to have Salesforce validate it too.");
            return;
        }
        Optional<String> org = Optional.empty();
        if (request.org() != null) {
            org = orgs.find(request.org());
            if (org.isEmpty()) {
                call.replies().warn("I know no org called \"" + request.org() + "\"; the orgs are: "
                        + String.join(", ", orgs.names()) + ".");
                return;
            }
        }
        Optional<Playbook> playbook = catalog.find(request.target());
        if (playbook.isPresent()) {
            renderPlaybook(call, playbook.get(), org.orElse(null), request);
            return;
        }
        if (!request.answers().isEmpty()) {
            call.replies().warn("There is no playbook called \"" + request.target() + "\" (say \"playbooks\" to list"
                    + " them); question=answer words are for rendering a playbook.");
            return;
        }
        new AppLookup(inventory).find("render", request.target(), org.orElse(null), call.replies())
                .ifPresent(app -> renderApp(call, app, request.check()));
    }

    private void renderApp(CommandCall call, InventoryApp app, boolean check) {
        EcaSpec spec = SettingsJson.read(app.settingsJson());
        call.replies().say("The metadata of " + app.apiName() + " in " + app.org() + " as the bot keeps it (what a"
                + " redeploy would send; fields the bot does not manage are kept as they are in the org):");
        MetadataPreview.of(spec, versionOf(app.org()), MetadataPreviewCopies.forApp(app)).forEach(call.replies()::send);
        if (check) dryRuns.start(app.org(), spec, call.replies(), AFTER_COMMAND);
    }

    private void renderPlaybook(CommandCall call, Playbook playbook, String org, Request request) {
        Map<String, String> answers = new LinkedHashMap<>(request.answers());
        if (org != null) {
            playbook.questions().stream().filter(q -> q.type() == QuestionType.ORG)
                    .forEach(q -> answers.putIfAbsent(q.id(), org));
        }
        List<String> unknown = answers.keySet().stream().filter(id -> playbook.question(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            call.replies().warn(playbook.id() + " has no question " + String.join(", ", unknown) + ". Its questions: "
                    + playbook.questions().stream().map(q -> q.id()).collect(Collectors.joining(", ")) + ".");
            return;
        }
        if (request.check() && org == null) {
            call.replies().warn("Name the org to check it in: \"render " + playbook.id() + " <org> ... check\" (orgs: "
                    + String.join(", ", orgs.names()) + ").");
            return;
        }
        Outcome<Rendering> outcome = renderer.render(playbook, answers);
        if (!outcome.isOk()) {
            call.replies().warn("I cannot render " + playbook.id() + " from these answers: " + outcome.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")) + ". Answer them as question=answer, e.g. \"render "
                    + playbook.id() + " " + outcome.problems().get(0).field() + "=...\", or say \"new " + playbook.id()
                    + "\" and \"render\" at its summary.");
            return;
        }
        Rendering rendering = outcome.orElseThrow();
        String version = org == null ? EcaMetadataWriter.DEFAULT_API_VERSION : versionOf(org);
        MetadataPreview.of(rendering.spec(), version, MetadataPreviewCopies.forPlaybook(playbook, request.answers()))
                .forEach(call.replies()::send);
        if (request.check()) dryRuns.start(org, rendering.spec(), call.replies(), AFTER_COMMAND);
    }

    private String versionOf(String org) {
        return orgs.apiVersion(org).orElse(EcaMetadataWriter.DEFAULT_API_VERSION);
    }

    /**
     * What was asked: the app or playbook, an org (the second word, unless it is an answer or "check"), the answers
     * ({@code question=answer}; the words after an answer belong to it until the next one, so "app_name=Vonage Prod"
     * needs no quotes) and whether to check. Null when there is no target.
     */
    record Request(String target, String org, Map<String, String> answers, boolean check) {

        static Request parse(List<String> words) {
            List<String> rest = new ArrayList<>(words);
            boolean check = !rest.isEmpty() && rest.get(rest.size() - 1).toLowerCase(Locale.ROOT).equals(CHECK);
            if (check) rest.remove(rest.size() - 1);
            if (rest.isEmpty() || rest.get(0).contains("=")) return null;
            String target = rest.remove(0);
            String org = !rest.isEmpty() && !rest.get(0).contains("=") ? rest.remove(0) : null;
            Map<String, String> answers = new LinkedHashMap<>();
            String key = null;
            for (String word : rest) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    key = word.substring(0, eq).strip();
                    answers.put(key, word.substring(eq + 1));
                } else if (key != null) {
                    answers.merge(key, word, (a, b) -> a.isEmpty() ? b : a + " " + b);
                } else {
                    return null; // a third bare word: neither org nor answer
                }
            }
            return new Request(target, org, answers, check);
        }
    }

    /** Where the whole files can be had when a chat platform cuts a long one: the command line says it exactly. */
    static final class MetadataPreviewCopies {

        private MetadataPreviewCopies() {
        }

        static String forPlaybook(Playbook playbook, Map<String, String> answers) {
            String sets = answers.entrySet().stream().map(e -> "--set \"" + e.getKey() + "=" + e.getValue() + "\"")
                    .collect(Collectors.joining(" "));
            return "`ecabot render " + playbook.id() + (sets.isEmpty() ? "" : " " + sets) + " --out <dir>` on the"
                    + " bot's host writes every file whole.";
        }

        static String forApp(InventoryApp app) {
            return "the terminal chat (`ecabot chat`, then \"render " + app.apiName() + " " + app.org() + "\") shows"
                    + " every file whole.";
        }
    }
}

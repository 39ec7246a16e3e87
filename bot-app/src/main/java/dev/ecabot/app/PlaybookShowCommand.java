package dev.ecabot.app;

import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.Option;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.QuestionDefault;
import dev.ecabot.app.cli.CommonOptions;
import dev.ecabot.app.cli.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ecabot playbooks show <id>}: one playbook's description and questions in the order they are asked: id,
 * type, whether required, default, options and the condition under which it is asked. Unknown id: exit 2.
 */
@Command(name = "show", description = "Show a playbook's questions: id, type, default, options.")
final class PlaybookShowCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Parameters(index = "0", paramLabel = "<playbook-id>", description = "The playbook to show (see `ecabot playbooks`).")
    String playbookId;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        PlaybookCatalog catalog = PlaybooksCommand.load(cli.environment(), err);
        Optional<Playbook> found = catalog.find(playbookId);
        if (found.isEmpty()) throw new InvalidInputException(unknownPlaybook(playbookId, catalog));
        Playbook p = found.get();
        out.println(p.id() + ": " + p.vendor() + ", " + p.title());
        out.println("  " + p.description());
        out.println("  source: " + p.source() + "; delivers " + p.delivery().yamlName()
                + (p.approvalRequired() ? "; approval required" : ""));
        out.println();
        out.println("Questions (in the order they are asked):");
        for (Question q : p.questions()) out.println(describe(q));
        out.flush();
        return 0;
    }

    static String unknownPlaybook(String id, PlaybookCatalog catalog) {
        return "unknown playbook '" + id + "'; the playbooks are: "
                + catalog.all().stream().map(Playbook::id).collect(Collectors.joining(", "));
    }

    private static String describe(Question q) {
        StringBuilder line = new StringBuilder("  ").append(q.id()).append("  [").append(q.type().yamlName())
                .append(q.required() ? "" : ", optional").append("]");
        if (q.defaultValue() instanceof QuestionDefault.Literal literal) {
            line.append("  default: ").append(q.defaultValue(Answers.empty()).map(a -> a.text()).orElse(literal.text()));
        } else if (q.defaultValue() instanceof QuestionDefault.Derived derived) {
            line.append("  default: from ").append(derived.from())
                    .append(derived.transform() == QuestionDefault.Transform.API_NAME ? " (as an API name)" : "");
        }
        if (!q.when().isAlways()) line.append("  when: ").append(q.when());
        line.append(System.lineSeparator()).append("      ").append(q.prompt().strip());
        if (!q.options().isEmpty()) {
            line.append(System.lineSeparator()).append("      options: ").append(q.options().stream()
                    .map(PlaybookShowCommand::option).collect(Collectors.joining(", ")));
        }
        if (q.type().yamlName().equals("org")) {
            line.append(System.lineSeparator()).append("      options: the orgs the bot is configured with (see `ecabot orgs`)");
        }
        return line.toString();
    }

    private static String option(Option o) {
        return o.label().equals(o.value()) ? o.value() : o.value() + " (" + o.label() + ")";
    }
}

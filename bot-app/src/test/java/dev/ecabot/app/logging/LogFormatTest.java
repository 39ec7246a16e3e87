package dev.ecabot.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's logback.xml: text by default, one JSON object per line with ECABOT_LOG_FORMAT=json, the turn id on each. */
class LogFormatTest {

    private static String logWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        if (format != null) context.putProperty("ECABOT_LOG_FORMAT", format);
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            try (MDC.MDCCloseable turn = MDC.putCloseable("turn", "a1b2c3d4e5f6")) {
                context.getLogger("dev.ecabot.conversation.engine.ConversationEngine").info("Handled a message from {}", "slack:U1");
            }
            context.getLogger("dev.ecabot.app.BotRuntime").info("No turn here");
        } finally {
            context.stop();
            System.setErr(before);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTheTurnId() throws Exception {
        String[] lines = logWith("json").strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.has("formattedMessage")).as(lines[0]).isTrue();
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("formattedMessage").asText()).isEqualTo("Handled a message from slack:U1");
        assertThat(first.get("mdc").get("turn").asText()).isEqualTo("a1b2c3d4e5f6");
        assertThat(new ObjectMapper().readTree(lines[1]).get("mdc").has("turn")).isFalse();
    }

    @Test
    void textLogsNameTheTurnOnlyWhenThereIsOne() throws Exception {
        String[] lines = logWith(null).strip().split("\n");
        assertThat(lines[0]).contains("turn=a1b2c3d4e5f6 - Handled a message from slack:U1");
        assertThat(lines[1]).doesNotContain("turn=").doesNotContain("run=").endsWith(" - No turn here");
    }
}

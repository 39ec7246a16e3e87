package dev.ecabot.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How one Web API call meets Slack's rate limits: waits as Slack asks, a bounded number of times, then says so. */
class SlackWebApiTest {

    FakeSlackWebApi slackApi;
    SlackWebApi api;
    ListAppender<ILoggingEvent> logged;

    @BeforeEach
    void start() {
        slackApi = new FakeSlackWebApi();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.apiUrl());
        api = new SlackWebApi(Slack.getInstance(config).methods("xoxb-1-2-webapitest"));
        logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(SlackWebApi.class)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(SlackWebApi.class)).detachAppender(logged);
        slackApi.close();
    }

    private void post(SlackWebApi through) {
        through.call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C0WEBAPI1").text("hello")));
    }

    @Test
    void aRateLimitedCallWaitsTheRetryAfterSlackNamedAndIsSentAgain() {
        slackApi.rateLimitNext("chat.postMessage", 2);

        post(api);

        assertThat(slackApi.calls("chat.postMessage")).hasSize(2);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Slack rate-limited chat.postMessage; retrying in 2 s (attempt 2 of 3)");
    }

    @Test
    void afterThreeRateLimitedAttemptsTheCallFailsWithSlacksWait() {
        slackApi.rateLimitNext("chat.postMessage", 1).rateLimitNext("chat.postMessage", 1).rateLimitNext("chat.postMessage", 1);

        assertThatThrownBy(() -> post(api)).isInstanceOfSatisfying(SlackCallFailed.class, e -> {
            assertThat(e.error()).isEqualTo("ratelimited");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.retryable()).isTrue();
        }).hasMessage("Slack chat.postMessage failed: ratelimited");
        assertThat(slackApi.calls("chat.postMessage")).hasSize(SlackWebApi.MAX_ATTEMPTS);
    }

    @Test
    void theOutboxesClientDoesNotWaitButHandsSlacksWaitBack() {
        slackApi.rateLimitNext("chat.postMessage", 7);

        assertThatThrownBy(() -> post(api.once())).isInstanceOfSatisfying(SlackCallFailed.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(slackApi.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aRefusalIsNotRetried() {
        slackApi.failNext("chat.postMessage", "not_in_channel");

        assertThatThrownBy(() -> post(api)).isInstanceOfSatisfying(SlackCallFailed.class,
                e -> assertThat(e.error()).isEqualTo("not_in_channel"));
        assertThat(slackApi.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void slacksWaitIsHeldToThirtySecondsAndAMissingOneIsASecond() {
        assertThat(SlackWebApi.retryAfter("120")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackWebApi.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackWebApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    }
}

package dev.ecabot.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who asked and who approved, as stored: a chat user reads back as one, a name from the command line as an operator. */
class RequesterTest {

    @Test
    void aStoredChatUserReadsBackAsThatChatUserAndAFreeNameAsAnOperator() {
        Requester fromChat = Requester.parse("slack:U024BE7LH");
        Requester fromCommandLine = Requester.parse("alice");

        assertThat(fromChat).isEqualTo(new ChatUserRef("slack", "U024BE7LH"));
        assertThat(fromChat.chatUser()).contains(new ChatUserRef("slack", "U024BE7LH"));
        assertThat(fromCommandLine).isEqualTo(Requester.operator("alice")).hasToString("alice");
        assertThat(fromCommandLine.chatUser()).isEmpty();
    }

    @Test
    void aTeamsIdWithColonsStaysOneChatUser() {
        assertThat(Requester.parse("teams:29:1a2b-3c")).isEqualTo(new ChatUserRef("teams", "29:1a2b-3c"))
                .hasToString("teams:29:1a2b-3c");
    }

    @Test
    void anOperatorNeedsAName() {
        assertThatThrownBy(() -> Requester.operator(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approversAreWrittenCommaSeparatedAndReadBackInOrder() {
        List<ChatUserRef> approvers = List.of(new ChatUserRef("slack", "U_BOB"), new ChatUserRef("teams", "29:ana"));

        assertThat(ChatUserRef.written(approvers)).isEqualTo("slack:U_BOB, teams:29:ana");
        assertThat(ChatUserRef.parseAll("slack:U_BOB, teams:29:ana")).isEqualTo(approvers);
        assertThat(ChatUserRef.written(List.of())).as("nobody approved: the column stays empty").isNull();
        assertThat(ChatUserRef.parseAll(null)).isEmpty();
    }
}

package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who may change the running daemon through its control socket, judged from the client's credentials. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlAccessTest {

    private final ControlAccess access = new ControlAccess("jdirectord", "lvsadmin", () -> Set.of("carol"));

    @Test
    void rootTheDaemonsUserAndTheSocketsGroupMayChange() {
        assertThat(access.mayChange(new ControlAccess.Peer("root", "root"))).isTrue();
        assertThat(access.mayChange(new ControlAccess.Peer("jdirectord", "jdirectord")))
                .isTrue();
        assertThat(access.mayChange(new ControlAccess.Peer("alice", "lvsadmin")))
                .isTrue();
    }

    @Test
    void aMemberListedInTheGroupFileMayChangeWhateverItsPrimaryGroup() {
        assertThat(access.mayChange(new ControlAccess.Peer("carol", "users"))).isTrue();
    }

    @Test
    void anyoneElseIsRefusedWithAReasonNamingWhoMay() {
        ControlAccess.Peer bob = new ControlAccess.Peer("bob", "users");

        assertThat(access.mayChange(bob)).isFalse();
        assertThat(access.refusal(bob))
                .isEqualTo("permission denied: user bob (group users) may read the status only;"
                        + " changes are for root, jdirectord and the group lvsadmin");
    }

    @Test
    void readsTheMembersOfAGroupFromTheGroupFile(@TempDir Path dir) throws Exception {
        Path group =
                Files.writeString(dir.resolve("group"), "root:x:0:\nlvsadmin:x:120:carol,dave\nusers:x:100:lvsadmin\n");

        assertThat(ControlAccess.groupMembers(group, "lvsadmin")).containsExactlyInAnyOrder("carol", "dave");
        assertThat(ControlAccess.groupMembers(group, "root")).isEmpty();
        assertThat(ControlAccess.groupMembers(dir.resolve("missing"), "lvsadmin"))
                .isEmpty();
    }
}

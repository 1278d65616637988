package dev.pacer.agent.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskUsersTest {

    /** Accounts of a small machine: root, alice (1000), a service account with gid 0, and uid 50003 taken. */
    private static final TaskUsers.Accounts ACCOUNTS = new TaskUsers.Accounts() {
        private final Map<String, TaskUsers.TaskUser> byName = Map.of(
                "root", new TaskUsers.TaskUser("root", 0, 0),
                "alice", new TaskUsers.TaskUser("alice", 1000, 1000),
                "wheelie", new TaskUsers.TaskUser("wheelie", 1001, 0));

        @Override
        public Optional<TaskUsers.TaskUser> byName(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public Set<Integer> uidsWithAccount() {
            return Set.of(0, 1000, 1001, 50003);
        }
    };

    @Test
    void anExistingUnprivilegedUser_runsTheTask() {
        TaskUsers users = new TaskUsers(50000, 50009, 0, ACCOUNTS);
        assertThat(users.resolve("/a", "alice")).isEqualTo(new TaskUsers.TaskUser("alice", 1000, 1000));
    }

    @Test
    void rootAUserInRootsGroup_anUnknownUser_orAStrangeName_fallBackToTheAppsUid() {
        TaskUsers users = new TaskUsers(50000, 50009, 0, ACCOUNTS);
        int appUid = users.resolve("/a", null).uid();
        assertThat(appUid).isBetween(50000, 50009).isNotEqualTo(50003);
        for (String user : new String[] {"root", "wheelie", "nobody-here", "-x", "a b", ""}) {
            assertThat(users.resolve("/a", user)).isEqualTo(new TaskUsers.TaskUser(null, appUid, appUid));
        }
    }

    @Test
    void theAgentsOwnUser_isNeverATasksUser() {
        TaskUsers users = new TaskUsers(50000, 50009, 1000, ACCOUNTS);
        assertThat(users.resolve("/a", "alice").uid()).isBetween(50000, 50009);
    }

    @Test
    void eachApp_getsItsOwnUid_stableForTheApp_skippingAccountsAndTakenSlots() {
        TaskUsers users = new TaskUsers(50000, 50009, 0, ACCOUNTS);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            int uid = users.resolve("/app-" + i, null).uid();
            assertThat(uid).isNotEqualTo(50003);
            assertThat(seen.add(uid)).as("uid %s given twice", uid).isTrue();
            assertThat(users.resolve("/app-" + i, null).uid()).isEqualTo(uid);
        }
        assertThatThrownBy(() -> users.resolve("/one-too-many", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSlot_isAFunctionOfTheAppAlone_andARecoveredTaskKeepsItsUid() {
        TaskUsers first = new TaskUsers(50000, 59999, 0, ACCOUNTS);
        TaskUsers second = new TaskUsers(50000, 59999, 0, ACCOUNTS);
        assertThat(first.resolve("/team/web", null)).isEqualTo(second.resolve("/team/web", null));

        TaskUsers restarted = new TaskUsers(50000, 59999, 0, ACCOUNTS);
        restarted.adopt("/team/db", 51234);
        assertThat(restarted.resolve("/team/db", null).uid()).isEqualTo(51234);
    }

    @Test
    void getentLines_areParsedForTheNameAsked() {
        assertThat(SystemAccounts.parse("alice:x:1000:1001:Alice:/home/alice:/bin/sh", "alice"))
                .contains(new TaskUsers.TaskUser("alice", 1000, 1001));
        assertThat(SystemAccounts.parse("alice:x:1000:1001:Alice:/home/alice:/bin/sh", "bob")).isEmpty();
        assertThat(SystemAccounts.parse("garbage", "garbage")).isEmpty();
    }
}

package dev.pacer.agent.isolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom a task runs as when the agent is root: the app's {@code user} when that user exists and is not root,
 * else a uid of the configured range that belongs to the app alone on this agent. An app's uid is its
 * hash's slot in the range, or the next free one when another app (or an account of {@code /etc/passwd})
 * holds that slot: the same app gets the same uid for as long as the agent knows one of its tasks.
 */
public final class TaskUsers {

    /** A user the task runs as: a name with its primary group, or a bare uid of the range (gid = uid). */
    public record TaskUser(String name, int uid, int gid) {
    }

    /** Looks users up by name ({@code getent passwd}) and tells which uids have an account. */
    public interface Accounts {
        Optional<TaskUser> byName(String name);

        Set<Integer> uidsWithAccount();
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,31}");

    private final int first;
    private final int size;
    private final int agentUid;
    private final Accounts accounts;
    private final Set<Integer> withAccount;
    private final Map<Integer, String> appByUid = new HashMap<>();
    private final Map<String, Integer> uidByApp = new HashMap<>();

    public TaskUsers(int firstUid, int lastUid, int agentUid, Accounts accounts) {
        this.first = firstUid;
        this.size = lastUid - firstUid + 1;
        this.agentUid = agentUid;
        this.accounts = accounts;
        this.withAccount = Set.copyOf(accounts.uidsWithAccount());
    }

    /** The user {@code appId}'s task runs as; {@code user} is the app's field (may be null). */
    public synchronized TaskUser resolve(String appId, String user) {
        if (user != null && NAME.matcher(user).matches()) {
            Optional<TaskUser> named = accounts.byName(user).filter(u -> u.uid() != 0 && u.uid() != agentUid
                    && u.gid() != 0);
            if (named.isPresent()) {
                return named.get();
            }
        }
        Integer known = uidByApp.get(appId);
        if (known != null) {
            return new TaskUser(null, known, known);
        }
        int slot = slot(appId);
        for (int i = 0; i < size; i++) {
            int uid = first + (slot + i) % size;
            if (!appByUid.containsKey(uid) && !withAccount.contains(uid) && uid != agentUid) {
                adopt(appId, uid);
                return new TaskUser(null, uid, uid);
            }
        }
        throw new IllegalStateException("every uid of the range is taken by another app");
    }

    /** A recovered task of {@code appId} runs as {@code uid} of the range: keep it the app's. */
    public synchronized void adopt(String appId, int uid) {
        if (uid >= first && uid < first + size && !appByUid.containsKey(uid)) {
            appByUid.put(uid, appId);
            uidByApp.put(appId, uid);
        }
    }

    int slot(String appId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(appId.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
            return (int) (value % size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

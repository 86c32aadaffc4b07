package io.selfheal.emulator.core;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps access keys to identities. Keys issued for role sessions (a Lambda function's role) resolve to that session;
 * a 12-digit access key selects that account (the convention LocalStack users know); any other key is the root
 * of the default account. Signatures are not verified: this is a local test cloud.
 */
public final class IdentityRegistry {
    private final String defaultAccountId;
    private final Map<String, CallerIdentity> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> expirations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> sessionTags = new ConcurrentHashMap<>();

    public IdentityRegistry(String defaultAccountId) {
        this.defaultAccountId = defaultAccountId;
    }

    public String defaultAccountId() {
        return defaultAccountId;
    }

    public void register(CallerIdentity identity) {
        sessions.put(identity.accessKeyId(), identity);
    }

    /** Temporary credentials that stop working at {@code expiresAt} on the emulator clock (STS AssumeRole's). */
    public void register(CallerIdentity identity, Instant expiresAt) {
        register(identity);
        expirations.put(identity.accessKeyId(), expiresAt);
    }

    /** As {@link #register(CallerIdentity, Instant)}, with the session tags AssumeRole was given. */
    public void register(CallerIdentity identity, Instant expiresAt, Map<String, String> tags) {
        register(identity, expiresAt);
        if (!tags.isEmpty()) {
            sessionTags.put(identity.accessKeyId(), Map.copyOf(tags));
        }
    }

    public void unregister(String accessKeyId) {
        sessions.remove(accessKeyId);
        expirations.remove(accessKeyId);
        sessionTags.remove(accessKeyId);
    }

    /** The session tags of temporary credentials ({@code aws:PrincipalTag/…}); empty for any other key. */
    public Map<String, String> sessionTags(String accessKeyId) {
        return accessKeyId == null ? Map.of() : sessionTags.getOrDefault(accessKeyId, Map.of());
    }

    /** Whether the key belongs to temporary credentials whose expiration has passed at {@code now}. */
    public boolean expired(String accessKeyId, Instant now) {
        Instant at = accessKeyId == null ? null : expirations.get(accessKeyId);
        return at != null && !now.isBefore(at);
    }

    public CallerIdentity resolve(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return CallerIdentity.root(defaultAccountId, "");
        }
        CallerIdentity session = sessions.get(accessKeyId);
        if (session != null) {
            return session;
        }
        String account = AccountsAndRegions.isAccountId(accessKeyId) ? accessKeyId : defaultAccountId;
        return CallerIdentity.root(account, accessKeyId);
    }
}

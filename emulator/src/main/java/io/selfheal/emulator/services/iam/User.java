package io.selfheal.emulator.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A user: up to two access keys besides what every policy holder has. Guarded by its account. */
final class User extends PolicyHolder {
    static final int MAX_ACCESS_KEYS = 2;

    final String userId;
    final Instant created;
    final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();

    User(String name, String path, String accountId, String userId, Instant created) {
        super(name, path, "arn:aws:iam::" + accountId + ":user" + path + name);
        this.userId = userId;
        this.created = created;
    }

    /** One access key; the secret is only shown by CreateAccessKey. */
    record AccessKey(String accessKeyId, String secret, String status, Instant created) {
    }
}

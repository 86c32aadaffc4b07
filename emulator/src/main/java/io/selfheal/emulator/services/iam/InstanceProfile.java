package io.selfheal.emulator.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An instance profile: a container for at most one role, which EC2 instances run as. */
final class InstanceProfile {
    final String name;
    final String path;
    final String arn;
    final String id;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    String roleName;

    InstanceProfile(String name, String path, String accountId, String id, Instant created) {
        this.name = name;
        this.path = path;
        this.arn = "arn:aws:iam::" + accountId + ":instance-profile" + path + name;
        this.id = id;
        this.created = created;
    }
}

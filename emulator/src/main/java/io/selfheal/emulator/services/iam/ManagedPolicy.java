package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.policy.PolicyDocument;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A managed policy with its versions (at most five; one is the default). AWS-managed ones live under
 * {@code arn:aws:iam::aws:policy/…} and are shared by every account.
 */
final class ManagedPolicy {
    static final int MAX_VERSIONS = 5;

    final String name;
    final String path;
    final String arn;
    final String policyId;
    final String description;
    final Instant created;
    Instant updated;
    String defaultVersionId;
    int nextVersion;
    final Map<String, Version> versions = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    record Version(String versionId, PolicyDocument document, Instant created) {
    }

    ManagedPolicy(String name, String path, String arn, String policyId, String description, Instant created) {
        this.name = name;
        this.path = path;
        this.arn = arn;
        this.policyId = policyId;
        this.description = description;
        this.created = created;
        this.updated = created;
    }

    Version addVersion(PolicyDocument document, Instant at, boolean makeDefault) {
        Version v = new Version("v" + (++nextVersion), document, at);
        versions.put(v.versionId(), v);
        if (makeDefault || defaultVersionId == null) {
            defaultVersionId = v.versionId();
            updated = at;
        }
        return v;
    }

    Version defaultVersion() {
        return versions.get(defaultVersionId);
    }

    boolean awsManaged() {
        return arn.startsWith("arn:aws:iam::aws:");
    }
}

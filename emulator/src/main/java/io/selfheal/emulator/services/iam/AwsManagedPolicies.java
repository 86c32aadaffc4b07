package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS-managed policies remediations commonly attach, with AWS's documents, default version ids and dates (the
 * resource file {@code aws-managed-policies.json}; "AWS managed policy reference guide"). Only the default version of
 * each is kept. Shared by every account and read-only.
 */
final class AwsManagedPolicies {
    private static final String RESOURCE = "aws-managed-policies.json";
    private final Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();

    AwsManagedPolicies() {
        JsonNode all;
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            all = Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String path = p.get("Path").asText();
            String arn = "arn:aws:iam::aws:policy" + path + e.getKey();
            ManagedPolicy policy = new ManagedPolicy(e.getKey(), path, arn, policyId(e.getKey()), null,
                    OffsetDateTime.parse(p.get("CreateDate").asText()).toInstant());
            String versionId = p.get("DefaultVersionId").asText();
            policy.nextVersion = Integer.parseInt(versionId.substring(1)) - 1;
            policy.addVersion(PolicyDocument.parse(Json.write(p.get("Document"))),
                    OffsetDateTime.parse(p.get("UpdateDate").asText()).toInstant(), true);
            byArn.put(arn, policy);
        }
    }

    /** A stable id per policy, in IAM's {@code ANPA…} form, so listings do not change between runs. */
    private static String policyId(String name) {
        String hex = Integer.toHexString(name.hashCode()).toUpperCase();
        return ("ANPAJ" + hex + "AWSMANAGED00000000").substring(0, 21);
    }

    ManagedPolicy find(String arn) {
        return byArn.get(arn);
    }

    Collection<ManagedPolicy> all() {
        return byArn.values();
    }
}

package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What roles and users share: a name, an ARN, inline policies, attached managed policies, a boundary and tags. */
abstract class PolicyHolder {
    final String name;
    final String path;
    final String arn;
    String permissionsBoundary;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, PolicyDocument> inline = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> attached = new LinkedHashSet<>();

    PolicyHolder(String name, String path, String arn) {
        this.name = name;
        this.path = path;
        this.arn = arn;
    }
}

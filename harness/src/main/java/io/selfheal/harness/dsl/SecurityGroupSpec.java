package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.SecurityGroupKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An EC2 security group of the stack ({@code stack.securityGroups.<key>}), in the default VPC unless {@link #vpc};
 * named by its key unless named. A group keeps its default allow-all egress rule unless {@link #egress} is given.
 */
public final class SecurityGroupSpec extends Spec<SecurityGroupSpec> {
    private String name;
    private String description;
    private String vpc;
    private List<PermissionSpec> ingress = List.of();
    private List<PermissionSpec> egress;

    SecurityGroupSpec() {
    }

    public SecurityGroupSpec name(String name) {
        return with(s -> s.name = name);
    }

    /** Default "selfheal scenario group <key>". */
    public SecurityGroupSpec description(String description) {
        return with(s -> s.description = description);
    }

    public SecurityGroupSpec vpc(String vpcId) {
        return with(s -> s.vpc = vpcId);
    }

    public SecurityGroupSpec ingress(PermissionSpec... rules) {
        return with(s -> s.ingress = plus(s.ingress, rules));
    }

    /** Egress rules replacing the default allow-all one. */
    public SecurityGroupSpec egress(PermissionSpec... rules) {
        return with(s -> s.egress = plus(s.egress == null ? List.of() : s.egress, rules));
    }

    SecurityGroupKind.SecurityGroup build(String key, Checks checks) {
        return new SecurityGroupKind.SecurityGroup(key, name == null ? key : name,
                description == null ? SecurityGroupKind.defaultDescription(key) : description, vpc,
                permissions(ingress, checks.at("ingress")),
                egress == null ? null : permissions(egress, checks.at("egress")));
    }

    private static List<SecurityGroupKind.Permission> permissions(List<PermissionSpec> specs, Checks list) {
        List<SecurityGroupKind.Permission> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            out.add(specs.get(i).build(list.item(i)));
        }
        return out;
    }

    private static List<PermissionSpec> plus(List<PermissionSpec> list, PermissionSpec... more) {
        List<PermissionSpec> next = new ArrayList<>(list);
        next.addAll(List.of(more));
        return List.copyOf(next);
    }
}

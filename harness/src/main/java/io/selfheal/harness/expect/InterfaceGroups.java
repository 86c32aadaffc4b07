package io.selfheal.harness.expect;

import io.selfheal.harness.stack.StackState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * The network interfaces attached to an instance and the groups each is in — what DescribeInstances' instance-level
 * groups hide, since they are the primary interface's: {@code networkInterfaces: {count: 2, groupNames:
 * [selfheal-isolation]}}. Every attached interface must be in exactly the listed groups, named by id (stack keys,
 * references, {@code sg-} ids) or by group name (for a group a remediation created). Found as responders find them:
 * DescribeNetworkInterfaces filtered on {@code attachment.instance-id}.
 *
 * @param count      how many interfaces are attached, or null for no check
 * @param groups     group ids as written or as references; with {@code groupNames} empty for no group check
 * @param groupNames group names
 */
public record InterfaceGroups(Count count, List<String> groups, List<String> groupNames) {

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (count != null) {
            parts.add("has " + count.describe() + " network interface" + (count.isOne() ? "" : "s"));
        }
        if (checksGroups()) {
            List<String> all = new ArrayList<>(groups.stream().map(InstanceExpectation::groupText).toList());
            all.addAll(groupNames);
            parts.add("every interface in security groups " + all + " only");
        }
        return String.join(" and ", parts);
    }

    private boolean checksGroups() {
        return !groups.isEmpty() || !groupNames.isEmpty();
    }

    /** Whether the attached interfaces hold, and what was seen, for the instance's verdict. */
    public Verdict check(Ec2Client ec2, String instanceId, StackState state) {
        List<NetworkInterface> attached = ec2.describeNetworkInterfacesPaginator(r -> r.filters(
                Filter.builder().name("attachment.instance-id").values(instanceId).build()))
                .networkInterfaces().stream().toList();
        boolean holds = count == null || count.matches(attached.size());
        Set<String> ids = groups.stream().map(state::resolve).collect(Collectors.toCollection(TreeSet::new));
        List<String> seen = new ArrayList<>();
        for (NetworkInterface nic : attached) {
            seen.add(nic.networkInterfaceId() + " (device " + nic.attachment().deviceIndex() + ") in "
                    + nic.groups().stream().map(g -> g.groupId() + " " + g.groupName()).toList());
            if (checksGroups()) {
                holds &= exactly(nic.groups(), ids);
            }
        }
        return Verdict.of(holds, attached.size() + " network interface" + (attached.size() == 1 ? "" : "s")
                + " " + seen);
    }

    /** Every group of the interface is expected (by id or name), and every expected group is among them. */
    private boolean exactly(List<GroupIdentifier> actual, Set<String> ids) {
        boolean allExpected = actual.stream().allMatch(g -> ids.contains(g.groupId())
                || groupNames.contains(g.groupName()));
        boolean allPresent = ids.stream().allMatch(id -> actual.stream().anyMatch(g -> g.groupId().equals(id)))
                && groupNames.stream().allMatch(n -> actual.stream().anyMatch(g -> n.equals(g.groupName())));
        return allExpected && allPresent;
    }
}

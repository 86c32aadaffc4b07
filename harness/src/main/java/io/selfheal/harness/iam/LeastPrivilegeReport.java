package io.selfheal.harness.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;
import io.selfheal.emulator.core.policy.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One function's use of its execution role during a run.
 *
 * @param function the function's stack key
 * @param used     each action the function called, with the resources and how often it was allowed or denied
 * @param grants   each Allow statement of the role's inline policies, with what it was used for
 * @param denials  the denied decisions, oldest first
 */
public record LeastPrivilegeReport(String function, List<ActionUse> used, List<Grant> grants,
                                   List<AuthorizationDecision> denials) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One action the function called. */
    public record ActionUse(String action, SortedSet<String> resources, int allowed, int denied) {
    }

    /**
     * One Allow statement and what it granted during the run.
     *
     * @param id        {@code <policy>/<Sid>} as the decisions name it ({@code <policy>} when it has no Sid)
     * @param actions   its Action (or {@code NotAction: …}) as written
     * @param resources its Resource (or {@code NotResource: …}) as written
     * @param touched   the ARNs of the calls it allowed
     * @param called    the actions of the calls it allowed
     */
    public record Grant(String id, List<String> actions, List<String> resources, SortedSet<String> called,
                        SortedSet<String> touched) {
        public boolean used() {
            return !called.isEmpty();
        }

        /** A used grant whose Resource has a wildcard, while the calls touched named ARNs: it could name them. */
        public boolean narrowable() {
            return used() && resources.stream().anyMatch(r -> r.contains("*"))
                    && touched.stream().noneMatch(r -> r.equals("*"));
        }
    }

    /**
     * @param functionName  the function's name: its calls are those of the session {@code …:assumed-role/<role>/<name>}
     * @param decisions     every decision the cloud recorded
     * @param policiesJson  the role's inline policies, {@code [{"name", "document"}]}, or null when not known
     */
    public static LeastPrivilegeReport of(String function, String functionName, List<AuthorizationDecision> decisions,
                                          String policiesJson) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, SortedSet<String>> resources = new TreeMap<>();
        Map<String, SortedSet<String>> calledBy = new TreeMap<>();
        Map<String, SortedSet<String>> touchedBy = new TreeMap<>();
        List<AuthorizationDecision> denials = new ArrayList<>();
        for (AuthorizationDecision d : decisions) {
            if (!bySession(d.principalArn(), functionName)) {
                continue;
            }
            counts.computeIfAbsent(d.action(), a -> new int[2])[d.allowed() ? 0 : 1]++;
            resources.computeIfAbsent(d.action(), a -> new TreeSet<>()).add(d.resource());
            if (d.allowed() && d.matchedStatement() != null) {
                calledBy.computeIfAbsent(d.matchedStatement(), s -> new TreeSet<>()).add(d.action());
                touchedBy.computeIfAbsent(d.matchedStatement(), s -> new TreeSet<>()).add(d.resource());
            } else if (!d.allowed()) {
                denials.add(d);
            }
        }
        List<ActionUse> used = new ArrayList<>();
        counts.forEach((action, n) -> used.add(new ActionUse(action, resources.get(action), n[0], n[1])));
        List<Grant> grants = new ArrayList<>();
        for (Map.Entry<String, Statement> s : allowStatements(policiesJson).entrySet()) {
            Statement st = s.getValue();
            grants.add(new Grant(s.getKey(),
                    st.actions() != null ? st.actions() : List.of("NotAction: " + st.notActions()),
                    st.resources() != null ? st.resources() : List.of("NotResource: " + st.notResources()),
                    calledBy.getOrDefault(s.getKey(), new TreeSet<>()),
                    touchedBy.getOrDefault(s.getKey(), new TreeSet<>())));
        }
        return new LeastPrivilegeReport(function, used, grants, denials);
    }

    /** A function's session: {@code arn:aws:sts::<account>:assumed-role/<role>/<function name>}. */
    static boolean bySession(String principalArn, String functionName) {
        return principalArn.contains(":assumed-role/") && principalArn.endsWith("/" + functionName);
    }

    /** Allow statements by the id decisions name them with, in document order. */
    private static Map<String, Statement> allowStatements(String policiesJson) {
        Map<String, Statement> out = new java.util.LinkedHashMap<>();
        if (policiesJson == null) {
            return out;
        }
        try {
            for (JsonNode p : JSON.readTree(policiesJson)) {
                String name = p.path("name").asText();
                PolicyDocument doc = PolicyDocument.parse(p.path("document").toString(), PolicyKind.IDENTITY);
                for (Statement s : doc.statements()) {
                    if (s.allow()) {
                        out.put(s.sid() == null ? name : name + "/" + s.sid(), s);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the role's policies were JSON when provisioned", e);
        }
        return out;
    }

    public List<Grant> unusedGrants() {
        return grants.stream().filter(g -> !g.used()).toList();
    }

    public List<Grant> narrowableGrants() {
        return grants.stream().filter(Grant::narrowable).toList();
    }

    /** {@code reboot: ec2:RebootInstances on arn:… denied: no identity-based policy allows it}, one per denial. */
    public List<String> denialLines() {
        return denials.stream().map(d -> function + ": " + d.summary()).distinct().toList();
    }
}

package io.selfheal.harness.dsl;

/**
 * Typed references that render to the loader's {@code ${kind.key.attribute}} strings, so both forms build equal
 * models: {@code Refs.instance("web").id()} is {@code "${instances.web.id}"}. Checked against the stack on build.
 */
public final class Refs {
    private Refs() {
    }

    public static InstanceRef instance(String key) {
        return new InstanceRef(key);
    }

    public static NamedRef alarm(String key) {
        return new NamedRef("alarms", key);
    }

    public static NamedRef function(String key) {
        return new NamedRef("functions", key);
    }

    public static NamedRef rule(String key) {
        return new NamedRef("rules", key);
    }

    public static NamedRef topic(String key) {
        return new NamedRef("topics", key);
    }

    public static NamedRef logGroup(String key) {
        return new NamedRef("logGroups", key);
    }

    /** {@code Refs.httpEndpoint("hook").url()} is {@code "${httpEndpoints.hook.url}"}. */
    public static HttpEndpointRef httpEndpoint(String key) {
        return new HttpEndpointRef(key);
    }

    public static SecurityGroupRef securityGroup(String key) {
        return new SecurityGroupRef(key);
    }

    public static QueueRef queue(String key) {
        return new QueueRef(key);
    }

    /** An HTTP endpoint's attribute: url. */
    public record HttpEndpointRef(String key) {
        public String url() {
            return "${httpEndpoints." + key + ".url}";
        }
    }

    /** A security group's attributes: id, name, arn. */
    public record SecurityGroupRef(String key) {
        public String id() {
            return "${securityGroups." + key + ".id}";
        }

        public String name() {
            return "${securityGroups." + key + ".name}";
        }

        public String arn() {
            return "${securityGroups." + key + ".arn}";
        }
    }

    /** A queue's attributes: url, arn, name. */
    public record QueueRef(String key) {
        public String url() {
            return "${queues." + key + ".url}";
        }

        public String arn() {
            return "${queues." + key + ".arn}";
        }

        public String name() {
            return "${queues." + key + ".name}";
        }
    }

    /** An instance's attributes: id, arn. */
    public record InstanceRef(String key) {
        public String id() {
            return "${instances." + key + ".id}";
        }

        public String arn() {
            return "${instances." + key + ".arn}";
        }
    }

    /** The attributes of alarms, functions, rules, topics and log groups: name, arn. */
    public record NamedRef(String kind, String key) {
        public String name() {
            return "${" + kind + "." + key + ".name}";
        }

        public String arn() {
            return "${" + kind + "." + key + ".arn}";
        }
    }
}

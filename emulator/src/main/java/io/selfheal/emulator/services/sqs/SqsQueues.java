package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every queue, by account, region and name; finds them by the URL forms and ARNs AWS accepts. */
final class SqsQueues {
    private static final Pattern AWS_HOST = Pattern.compile("^sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\\d{12}):(.+)$");

    private final RegionalStore<Map<String, SqsQueue>> store = new RegionalStore<>(ConcurrentHashMap::new);
    private final Ids ids;
    private final Consumer<String> arrivals;

    /** @param arrivals told a queue's ARN whenever messages arrive in it */
    SqsQueues(Ids ids, Consumer<String> arrivals) {
        this.ids = ids;
        this.arrivals = arrivals;
    }

    Consumer<String> arrivals() {
        return arrivals;
    }

    /** The emulator's ids, for the queues' message ids and receipt handles. */
    Ids ids() {
        return ids;
    }

    Map<String, SqsQueue> in(String accountId, String region) {
        return store.get(accountId, region);
    }

    Map<String, SqsQueue> in(RequestContext ctx) {
        return store.get(ctx);
    }

    /**
     * The queue a QueueUrl names: {@code <endpoint>/<account>/<name>}, {@code https://sqs.<region>.amazonaws.com/…}
     * or the legacy {@code https://queue.amazonaws.com/…}. The account and name select it; an AWS host names the
     * region, any other host means the request's region.
     */
    SqsQueue byUrl(RequestContext ctx, String queueUrl) {
        if (queueUrl == null || queueUrl.isEmpty()) {
            throw SqsErrors.missingParameter("QueueUrl");
        }
        Located at = locate(ctx, queueUrl);
        if (at == null) {
            throw SqsErrors.nonExistentQueue();
        }
        return require(find(at.account(), at.region(), at.name()));
    }

    /** The account, region and name a QueueUrl names (see {@link #byUrl}), or null when it names no queue. */
    static Located locate(RequestContext ctx, String queueUrl) {
        String path;
        String region = ctx.region();
        try {
            URI uri = URI.create(queueUrl.trim());
            path = uri.getPath() == null ? "" : uri.getPath();
            if (uri.getHost() != null) {
                Matcher m = AWS_HOST.matcher(uri.getHost());
                if (m.matches()) {
                    region = m.group(1);
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        return parts.length == 2 ? new Located(parts[0], region, parts[1]) : null;
    }

    /** Where a QueueUrl points. */
    record Located(String account, String region, String name) {
        String arn() {
            return "arn:aws:sqs:" + region + ":" + account + ":" + name;
        }
    }

    /** The queue an ARN names, or null. */
    SqsQueue byArn(String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        if (m == null || !m.matches()) {
            return null;
        }
        SqsQueue q = find(m.group(2), m.group(1), m.group(3));
        return q == null || q.deleted() ? null : q;
    }

    /** Looks up without creating: a client's URL or ARN may name any account and region. */
    private SqsQueue find(String accountId, String region, String name) {
        Map<String, SqsQueue> queues = store.find(accountId, region);
        return queues == null ? null : queues.get(name);
    }

    static String url(String endpoint, SqsQueue queue) {
        return endpoint + "/" + queue.accountId + "/" + queue.name;
    }

    private static SqsQueue require(SqsQueue queue) {
        if (queue == null || queue.deleted()) {
            throw SqsErrors.nonExistentQueue();
        }
        return queue;
    }

    void reset() {
        for (Map<String, SqsQueue> queues : store.all()) {
            queues.values().forEach(SqsQueue::markDeleted);
        }
        store.reset();
    }
}

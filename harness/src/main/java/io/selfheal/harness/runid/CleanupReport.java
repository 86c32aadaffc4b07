package io.selfheal.harness.runid;

import java.util.List;

/**
 * What deleting a run's resources did: each resource deleted, and each that could not be, with AWS's answer
 * ({@code "lambda function sh-…-reboot: AccessDeniedException: …"}) — never dropped, so a leftover is known.
 */
public record CleanupReport(List<String> deleted, List<String> failed) {
    public static final CleanupReport NONE = new CleanupReport(List.of(), List.of());

    public CleanupReport {
        deleted = List.copyOf(deleted);
        failed = List.copyOf(failed);
    }

    /** Deletes each in order, going on after a failure. */
    public static CleanupReport run(List<Deletion> deletions, ServiceClients clients) {
        List<String> deleted = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        for (Deletion d : deletions) {
            try {
                d.delete().accept(clients);
                deleted.add(d.resource());
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                if (gone(e)) { // deleted by the scenario itself (a terminate fault, the remediation) or never made
                    deleted.add(d.resource() + " (already gone)");
                } else {
                    failed.add(d.resource() + ": " + e.awsErrorDetails().errorCode() + ": "
                            + e.awsErrorDetails().errorMessage());
                }
            } catch (RuntimeException e) {
                failed.add(d.resource() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        return new CleanupReport(deleted, failed);
    }

    /** AWS's answers for a resource that is not there: 404, or a not-found code of the service's own. */
    static boolean gone(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        return e.statusCode() == 404 || code.contains("NotFound") || code.startsWith("NoSuch")
                || code.contains("NonExistent") || code.equals("QueueDoesNotExist")
                || code.endsWith(".NotFound") || code.equals("InvalidGroup.NotFound");
    }

    /** One line for a report: "deleted 7 resources" or "deleted 5, 2 left: …". */
    public String summary() {
        return failed.isEmpty() ? "deleted " + deleted.size() + " resources"
                : "deleted " + deleted.size() + ", could not delete " + failed.size() + ": " + String.join("; ", failed);
    }
}

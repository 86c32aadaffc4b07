package io.selfheal.harness.runid;

import java.util.function.Consumer;

/**
 * One resource to delete: what it is, for the report ({@code "iam role sh-1a2b3c4d-reboot-role"}), and the calls
 * that delete it.
 */
public record Deletion(String resource, Consumer<ServiceClients> delete) {
}

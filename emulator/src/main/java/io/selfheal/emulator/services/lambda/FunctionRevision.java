package io.selfheal.emulator.services.lambda;

import java.time.Instant;

/**
 * What a function is at one moment: configuration, code and credentials. Replaced as a whole by an update, so a
 * reader never sees half of one; a new revision of code or configuration gets new sandboxes.
 */
record FunctionRevision(FunctionConfig config, FunctionCode code, FunctionCredentials credentials,
                        Instant lastModified, String revisionId) {
}

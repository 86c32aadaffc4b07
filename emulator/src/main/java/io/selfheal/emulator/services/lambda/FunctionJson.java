package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A function in Lambda's response shapes. */
final class FunctionJson {
    /** Lambda's LastModified: {@code 2024-05-01T12:34:56.789+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionJson() {
    }

    /** FunctionConfiguration, as CreateFunction, GetFunctionConfiguration and ListFunctions return it. */
    static ObjectNode configuration(LambdaFunction f) {
        FunctionRevision r = f.revision();
        FunctionConfig c = r.config();
        ObjectNode out = Json.object()
                .put("FunctionName", f.name())
                .put("FunctionArn", f.arn())
                .put("Runtime", c.runtime())
                .put("Role", c.role())
                .put("Handler", c.handler())
                .put("CodeSize", r.code().size())
                .put("Description", c.description())
                .put("Timeout", c.timeout())
                .put("MemorySize", c.memorySize())
                .put("LastModified", LAST_MODIFIED.format(r.lastModified()))
                .put("CodeSha256", r.code().sha256())
                .put("Version", "$LATEST");
        if (c.environment() != null) {
            ObjectNode vars = out.putObject("Environment").putObject("Variables");
            c.environment().forEach(vars::put);
        }
        if (c.deadLetterTarget() != null) {
            out.putObject("DeadLetterConfig").put("TargetArn", c.deadLetterTarget());
        }
        out.putObject("TracingConfig").put("Mode", "PassThrough");
        out.put("RevisionId", r.revisionId())
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip");
        out.putArray("Architectures").add(c.architecture());
        out.putObject("EphemeralStorage").put("Size", 512);
        out.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        out.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + f.name());
        return out;
    }

    /** GetFunction: configuration, code location and tags. */
    static ObjectNode function(LambdaFunction f) {
        ObjectNode out = Json.object();
        out.set("Configuration", configuration(f));
        // Not downloadable: the emulator serves no S3; the shape is AWS's (a presigned snapshot URL).
        out.putObject("Code").put("RepositoryType", "S3").put("Location",
                "https://awslambda-" + f.region() + "-tasks.s3." + f.region() + ".amazonaws.com/snapshots/"
                        + f.accountId() + "/" + f.name() + "-" + f.revision().revisionId());
        if (f.reservedConcurrency() != null) {
            out.putObject("Concurrency").put("ReservedConcurrentExecutions", f.reservedConcurrency());
        }
        if (!f.tags().isEmpty()) {
            ObjectNode tags = out.putObject("Tags");
            f.tags().forEach(tags::put);
        }
        return out;
    }
}

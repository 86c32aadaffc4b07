package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/coverage.md} true: its generated part must list exactly the operations the running emulator
 * answers. After adding operations, regenerate with
 * {@code mvn -pl emulator test -Dtest=CoverageDocTest -Dselfheal.writeCoverage=true}.
 */
class CoverageDocTest {
    private static final Path DOC = Path.of("../docs/coverage.md");
    static final String END_MARKER = "<!-- end of generated part: notes below are written by hand -->";

    @Test
    void coverageDocListsExactlyTheOperationsServed() throws IOException {
        String generated;
        try (Emulator emulator = Emulator.startOnFreePort()) {
            generated = render(emulator);
        }
        String current = Files.exists(DOC) ? Files.readString(DOC) : "";
        int end = current.indexOf(END_MARKER);
        String notes = end < 0 ? "\n## Notes\n" : current.substring(end + END_MARKER.length());
        if (Boolean.getBoolean("selfheal.writeCoverage")) {
            Files.writeString(DOC, generated + END_MARKER + notes);
            current = Files.readString(DOC);
        }
        assertThat(end < 0 && !Boolean.getBoolean("selfheal.writeCoverage") ? current
                : current.substring(0, current.indexOf(END_MARKER)))
                .as("docs/coverage.md is out of date: regenerate it (see this test's comment)")
                .isEqualTo(generated);
    }

    static String render(Emulator emulator) {
        StringBuilder out = new StringBuilder("# Coverage\n\n")
                .append("What the embedded emulator answers, per service: generated from the running emulator by\n")
                .append("`CoverageDocTest` (which fails when this list and the code disagree). Every operation listed\n")
                .append("is tested through the AWS SDK for Java v2 against the emulator's port.\n\n");
        for (AwsService service : emulator.services().all().stream()
                .sorted(Comparator.comparing(AwsService::displayName)).toList()) {
            String signing = service.descriptor().signingName();
            out.append("## ").append(service.displayName()).append("\n\n")
                    .append("Signing name `").append(signing).append("`; protocols: ")
                    .append(service.protocols().stream().map(CoverageDocTest::protocol)
                            .collect(Collectors.joining(", ")))
                    .append(".\n\n");
            for (String op : new TreeSet<>(service.operations().names())) {
                out.append("- ").append(op).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String protocol(ServiceDescriptor d) {
        return switch (d.protocol()) {
            case AWS_JSON_1_0 -> "AWS JSON 1.0 (`" + d.targetPrefix() + "`" + (d.queryCompatible() ? ", query-compatible" : "") + ")";
            case AWS_JSON_1_1 -> "AWS JSON 1.1 (`" + d.targetPrefix() + "`)";
            case QUERY -> "AWS query";
            case EC2_QUERY -> "EC2 query";
            case REST_JSON -> "REST-JSON";
            case REST_XML -> "REST-XML (bucket in the host or the path)";
            case RPC_V2_CBOR -> "Smithy RPC v2 CBOR (`" + d.serviceName() + "`"
                    + (d.queryCompatible() ? ", query-compatible" : "") + ")";
        };
    }
}

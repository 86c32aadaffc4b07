package io.selfheal.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.services.guardduty.SampleFindings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code selfheal events [SERVICE TYPE]}: a realistic sample event, as {@code sam local generate-event} prints. */
@Command(name = "events", description = {
        "Print a sample event of a type the emulator emits or scenarios test against, with a fresh id and time.",
        "Without arguments, list the types. The samples are AWS's documented events (the fixtures module)."})
final class EventsCommand implements Callable<Integer> {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** Placeholders the catalog's fresh fields replace (the guardduty sample's id, detector and event ids). */
    private static final String HEX_32 = "0".repeat(32);
    private static final String UUID_0 = "00000000-0000-4000-8000-000000000000";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "e.g. cloudwatch, ec2, guardduty")
    String service;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE", description = "e.g. alarm-state-change")
    String type;

    @Option(names = "--region", description = "Region of the event (envelope, ARNs and detail).")
    String region;

    @Option(names = "--account", description = "Account id of the event (envelope, ARNs and detail).")
    String account;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = {
            "Override a field, e.g. --set detail.state.value=OK or --set 'resources[0]=arn:…'.",
            "VALUE is JSON when it parses as JSON (90, true, {\"a\":1}, \"90\"), else a string. Repeatable."})
    List<String> sets = new ArrayList<>();

    @Option(names = "--type", paramLabel = "FINDING_TYPE", description = {
            "For guardduty finding: the finding type, e.g. 'Backdoor:EC2/C&CActivity.B!DNS' (a sample finding as",
            "CreateSampleFindings makes it, with that type's action)."})
    String findingType;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (service == null) {
            list(out, EventCatalog.SAMPLES);
            return SelfhealCli.OK;
        }
        if (EventCatalog.of(service).isEmpty()) {
            err.println("unknown service '" + service + "'; services: " + String.join(", ",
                    EventCatalog.SAMPLES.stream().map(EventCatalog.Sample::service).distinct().toList()));
            err.flush();
            return SelfhealCli.INVALID;
        }
        if (type == null) {
            list(out, EventCatalog.of(service));
            return SelfhealCli.OK;
        }
        var sample = EventCatalog.find(service, type);
        if (sample.isEmpty()) {
            err.println("unknown " + service + " event type '" + type + "'; types: " + String.join(", ",
                    EventCatalog.of(service).stream().map(EventCatalog.Sample::name).toList()));
            err.flush();
            return SelfhealCli.INVALID;
        }
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            return usage(err, "--account " + account + ": an account id is 12 digits");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            return usage(err, "--region " + region + ": not a region name (e.g. eu-west-1)");
        }
        if (findingType != null && !sample.get().type().equals("guardduty finding")) {
            return usage(err, "--type applies to guardduty finding only");
        }
        if (findingType != null && !SampleFindings.types().contains(findingType)) {
            return usage(err, "unknown finding type '" + findingType + "'; types: "
                    + String.join(", ", SampleFindings.types()));
        }
        try {
            Instant now = Instant.now();
            var event = findingType == null ? EventGenerator.generate(sample.get(), now, region, account, sets)
                    : EventGenerator.generate(SampleFindings.event(findingType, "123456789012", "us-east-1",
                            HEX_32, HEX_32.replace('0', '1'), UUID_0, now), sample.get().fresh(), now, region,
                            account, sets);
            out.println(new ObjectMapper().writer(new AwsJsonPrinter()).writeValueAsString(event));
            out.flush();
            return SelfhealCli.OK;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return SelfhealCli.INVALID;
    }

    private static void list(PrintWriter out, List<EventCatalog.Sample> samples) {
        for (EventCatalog.Sample s : samples) {
            out.printf("%-40s %s%n", s.type(), s.summary());
        }
        out.flush();
    }
}

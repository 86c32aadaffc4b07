package io.selfheal.emulator.services.lambda.runtime;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Lambda runtimes selfheal runs: one row per runtime identifier, naming the class that starts its sandboxes,
 * the SDK it provides to functions and AWS's dates for it. Adding a runtime is one {@link LanguageRuntime} class
 * and one row here.
 * <p>
 * Dates are those of AWS's "Lambda runtimes" page (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html,
 * "Supported runtimes"): after {@code deprecation} a runtime is still accepted (AWS only stops patching it); AWS
 * then refuses new functions on it from {@code blockCreate} and code or configuration updates from
 * {@code blockUpdate}. A null date is one AWS has not announced or that could not be confirmed here: the stored
 * copies of that page end before its table, so the block dates below come from sources quoting it (an AWS re:Post
 * answer for python3.9, which AWS pushed back from early 2026; endoflife.date's AWS Lambda table for nodejs22.x
 * and python3.13, whose "deprecated support" end is the block-update date). Re-check them against the page.
 */
public final class RuntimeCatalog {
    /** Starts the sandboxes of a language; one instance per emulator, given the runtime's work directory. */
    interface Factory extends Function<Path, LanguageRuntime> {
    }

    static final Factory JAVA = JavaRuntime::new;
    static final Factory PYTHON = PythonRuntime::new;
    static final Factory NODEJS = NodeRuntime::new;

    /**
     * One runtime identifier.
     *
     * @param identifier  {@code python3.12}, as in CreateFunction's {@code Runtime}
     * @param sdk         what the runtime provides to functions (AWS provides its SDK with Python and Node.js)
     * @param deprecation AWS's deprecation date (null: none announced)
     * @param blockCreate from this date AWS refuses CreateFunction with this runtime (null: not announced)
     * @param blockUpdate from this date AWS refuses updates of functions with this runtime (null: not announced)
     */
    public record Entry(String identifier, String sdk, LocalDate deprecation, LocalDate blockCreate,
                        LocalDate blockUpdate, Factory factory) {

        /** Whether selfheal can run it (retired runtimes are catalogued only for AWS's refusal). */
        public boolean runnable() {
            return factory != null;
        }

        public boolean createBlockedOn(LocalDate day) {
            return blockCreate != null && !day.isBefore(blockCreate);
        }

        public boolean updateBlockedOn(LocalDate day) {
            return blockUpdate != null && !day.isBefore(blockUpdate);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    /** Stands for "past" in the rows of retired runtimes. */
    private static final LocalDate RETIRED = LocalDate.of(2025, 1, 1);

    static {
        String java = "none (the function's package carries the AWS SDK for Java it uses)";
        String python = "boto3 and botocore of the machine's Python (Debian: python3-boto3)";
        String node = "AWS SDK for JavaScript v3 (pinned in lambda-runtime-nodejs/package-lock.json)";
        row("java17", java, date(2026, 6, 30), null, null, JAVA);
        row("java21", java, date(2029, 6, 30), null, null, JAVA);
        row("python3.9", python, date(2025, 12, 15), date(2027, 2, 1), date(2027, 3, 3), PYTHON);
        row("python3.10", python, date(2026, 6, 30), null, null, PYTHON);
        row("python3.11", python, date(2026, 6, 30), null, null, PYTHON);
        row("python3.12", python, date(2028, 10, 31), null, null, PYTHON);
        row("python3.13", python, date(2029, 6, 30), null, date(2029, 8, 31), PYTHON);
        row("nodejs18.x", node, date(2025, 9, 1), null, null, NODEJS);
        row("nodejs20.x", node, date(2026, 4, 30), null, null, NODEJS);
        row("nodejs22.x", node, date(2027, 4, 30), null, date(2027, 7, 1), NODEJS);
        // Retired: AWS refuses them for create and update (its "Deprecated runtimes" table); their block dates all
        // passed long ago, so the deprecation date stands in for both. No class runs them.
        for (String id : List.of("nodejs16.x", "nodejs14.x", "nodejs12.x", "nodejs10.x", "nodejs8.10", "nodejs6.10",
                "nodejs4.3", "nodejs4.3-edge", "nodejs", "python3.8", "python3.7", "python3.6", "python2.7", "java8",
                "dotnet6", "dotnetcore3.1", "dotnetcore2.1", "dotnetcore2.0", "dotnetcore1.0", "go1.x", "provided",
                "ruby2.7", "ruby2.5")) {
            row(id, null, RETIRED, RETIRED, RETIRED, null);
        }
    }


    private RuntimeCatalog() {
    }

    private static void row(String id, String sdk, LocalDate deprecation, LocalDate blockCreate,
                            LocalDate blockUpdate, Factory factory) {
        ENTRIES.put(id, new Entry(id, sdk, deprecation, blockCreate, blockUpdate, factory));
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    public static Optional<Entry> find(String identifier) {
        return Optional.ofNullable(ENTRIES.get(identifier));
    }

    /** Every identifier selfheal runs, in table order. */
    public static List<String> identifiers() {
        return ENTRIES.values().stream().filter(Entry::runnable).map(Entry::identifier).toList();
    }
}

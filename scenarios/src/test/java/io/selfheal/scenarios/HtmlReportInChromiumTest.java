package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.cli.SelfhealCli;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.report.Lane;
import io.selfheal.harness.report.ReportCollector;
import io.selfheal.harness.report.RunReport;
import io.selfheal.harness.report.Timeline;
import io.selfheal.harness.report.TimelineEntry;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of real runs: the spine scenario (alarm → event → rule → the real remediation in its own JVM → EC2
 * RebootInstances), and the RDS scenario made to fail (it expects an invocation the rule rightly never makes). The
 * timeline must show what the cloud did; Chromium must load the page with its SVG timelines and paint them.
 */
class HtmlReportInChromiumTest {
    private static final Path WORK = Path.of("target/report-chromium-test");
    private static final Path RDS = Path.of("ec2/rds-alarm-does-not-reboot.yaml");

    private static List<RunReport> reports;
    private static Path index;

    @BeforeAll
    static void runAndRender() throws IOException {
        Files.createDirectories(WORK);
        ReportCollector collector = new ReportCollector();
        ScenarioRunner runner = new ScenarioRunner().onFinished(collector);
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioResult passing = runner.run(loader.load(Path.of("ec2/high-cpu-reboot.yaml")));
        assertThat(passing.passed()).as(passing.reason()).isTrue();
        String wrong = Files.readString(RDS).replace("invocations: {function: reboot, count: 0}",
                "invocations: {function: reboot, count: 1}");
        assertThat(runner.run(loader.load(RDS, wrong)).passed()).isFalse();
        reports = collector.reports();
        index = collector.write(WORK);
    }

    @Test
    void theTimelineShowsWhatTheCloudDidAfterTheFault() {
        RunReport spine = reports.get(0);
        Timeline timeline = spine.timeline();
        assertThat(timeline.virtualTime()).isTrue();
        assertThat(timeline.mttr()).isEqualTo(spine.result().recovery()).isNotNull();
        assertThat(labels(timeline, Lane.FAULT)).containsExactly("alarm cpuHigh → ALARM");
        // forced to ALARM by the fault, back to OK at the next evaluation of the instance's idle CPU (the recovery)
        assertThat(labels(timeline, Lane.ALARM)).containsExactly("EC2-CPU-High-webserver-prod: OK → ALARM",
                "EC2-CPU-High-webserver-prod: ALARM → OK");
        // the ALARM change routed by the rule, the OK change by none, then the ALARM change redelivered three times
        // in sequence and three times an hour late by the idempotency checks
        String routed = "CloudWatch Alarm State Change → ec2-cpu-high-reboot";
        assertThat(labels(timeline, Lane.EVENT)).filteredOn(l -> l.contains("CloudWatch Alarm State Change"))
                .containsExactly(routed, "CloudWatch Alarm State Change (no rule)", "↻ " + routed, "↻ " + routed,
                        "↻ " + routed, "↻ " + routed, "↻ " + routed, "↻ " + routed);
        // CloudTrail's record of the remediation's call is there; the provisioning before the fault is not
        assertThat(labels(timeline, Lane.EVENT)).contains("AWS API Call via CloudTrail RebootInstances (no rule)")
                .noneMatch(l -> l.contains("RunInstances") || l.contains("PutRule") || l.contains("CreateFunction"));
        List<TimelineEntry> invocations = timeline.in(Lane.INVOCATION);
        assertThat(invocations).hasSize(7).allSatisfy(i -> {
            assertThat(i.label()).isEqualTo("reboot-on-high-cpu");
            assertThat(i.error()).isFalse();
            assertThat(i.length()).isNotNull();
        });
        assertThat(labels(timeline, Lane.API_CALL)).contains("ec2 RebootInstances");
        assertThat(timeline.in(Lane.API_CALL)).filteredOn(e -> e.label().equals("ec2 RebootInstances"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("by function reboot-on-high-cpu"));
        assertThat(timeline.in(Lane.RECOVERY)).singleElement()
                .satisfies(r -> assertThat(r.at()).isEqualTo(timeline.mttr()));
        assertThat(timeline.entries()).allSatisfy(e -> assertThat(e.at().isNegative()).isFalse());

        Timeline rds = reports.get(1).timeline();
        assertThat(rds.mttr()).isNull();
        // the rule's namespace filter kept the state change away from the function: no rule matched it
        assertThat(labels(rds, Lane.EVENT)).filteredOn(l -> l.contains("CloudWatch Alarm State Change"))
                .isNotEmpty().allMatch(l -> l.equals("CloudWatch Alarm State Change (no rule)"));
        assertThat(labels(rds, Lane.ALARM))
                .anyMatch(l -> l.startsWith("EC2-CPU-High-orders-db: ") && l.endsWith(" → ALARM"));
        assertThat(labels(rds, Lane.API_CALL)).isEmpty();
        assertThat(rds.in(Lane.INVOCATION)).isEmpty();
    }

    @Test
    void chromiumLoadsTheTimelinesAndTheirLanes() throws Exception {
        String dom = Chromium.require(WORK).dumpDom(index);
        assertThat(dom).contains("<table id=\"summary\">").contains("ec2-high-cpu-reboot")
                .contains("rds-cpu-alarm-does-not-reboot").contains("1 passed, 1 failed");
        assertThat(dom).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" id=\"timeline-0\"")
                .contains("id=\"timeline-1\"");
        Timeline spine = reports.get(0).timeline();
        for (Lane lane : Lane.values()) {
            assertThat(dom).contains("data-lane=\"" + lane.cssName() + "\" data-entries=\""
                    + spine.in(lane).size() + "\"");
        }
        assertThat(dom).contains(">ec2 RebootInstances</text>").contains(">reboot-on-high-cpu</text>")
                .contains("<title>+").contains("class=\"mttr\"");
        assertThat(dom).contains("<pre class=\"failure\">outcome: outcomes did not hold within PT30S");
    }

    @Test
    void chromiumPaintsTheReport() throws Exception {
        Path png = WORK.resolve("timeline.png");
        Files.deleteIfExists(png);
        Chromium.require(WORK).screenshot(index, png, 1280, 900);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        // text, table borders, lane bands and coloured markers: far more than a blank or error page
        assertThat(colours).hasSizeGreaterThan(20);
    }

    @Test
    void runWritesTheReportWhereToldAndPrintsProgress() throws IOException {
        Path dir = WORK.resolve("cli");
        assertThat(SelfhealCli.execute("run", "--report", dir.toString(), RDS.toString())).isEqualTo(SelfhealCli.OK);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("rds-cpu-alarm-does-not-reboot").contains("class=\"timeline\"");
    }

    private static List<String> labels(Timeline timeline, Lane lane) {
        return timeline.in(lane).stream().map(TimelineEntry::label).toList();
    }
}

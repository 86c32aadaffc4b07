package io.selfheal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'";

    @Test
    void everyTextFromARunIsEscaped() {
        String html = HtmlReport.render(List.of(failing(HOSTILE)));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
        assertThat(html).contains("<pre class=\"failure\">outcome: &lt;script&gt;");
    }

    @Test
    void theFileIsSelfContained() {
        String html = HtmlReport.render(List.of(failing("x")));
        assertThat(html).doesNotContain("<link").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("https://").contains("<style>");
        // the one URI allowed: the SVG namespace, which is a name, not a fetch
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    @Test
    void theTimelineIsWellFormedSvgWithALanePerKindAndAMarkerPerEntry() throws Exception {
        Timeline timeline = failing(HOSTILE).timeline();
        Document svg = parse(TimelineSvg.render(timeline, "t"));
        NodeList groups = svg.getElementsByTagName("g");
        List<String> lanes = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-lane")) {
                lanes.add(g.getAttribute("data-lane") + "=" + g.getAttribute("data-entries"));
            }
        }
        assertThat(lanes).containsExactly("fault=1", "event=2", "alarm=0", "invocation=1", "api-call=1", "recovery=0");
        assertThat(svg.getElementsByTagName("title").getLength()).isEqualTo(timeline.entries().size());
    }

    @Test
    void entriesAtTheSameMomentGetTheirOwnRowsSoLabelsDoNotOverlap() throws Exception {
        Document svg = parse(TimelineSvg.render(failing("x").timeline(), "t"));
        NodeList circles = svg.getElementsByTagName("circle");
        List<String> eventRows = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            Element lane = (Element) circles.item(i).getParentNode().getParentNode();
            if (lane.getAttribute("data-lane").equals("event")) {
                eventRows.add(((Element) circles.item(i)).getAttribute("cy"));
            }
        }
        assertThat(eventRows).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aLabelThatWouldRunOffTheRightEdgeGoesLeftOfItsMarker() throws Exception {
        Timeline timeline = new Timeline(Instant.EPOCH, true, List.of(
                new TimelineEntry(Lane.FAULT, Duration.ZERO, null, "f", "f", false),
                new TimelineEntry(Lane.API_CALL, Duration.ofMinutes(6), null, "ec2 RebootInstances, late and long",
                        "d", false)), null);
        Document svg = parse(TimelineSvg.render(timeline, "t"));
        Element circle = (Element) svg.getElementsByTagName("circle").item(0);
        Element label = (Element) circle.getParentNode().getLastChild();
        assertThat(label.getAttribute("text-anchor")).isEqualTo("end");
        assertThat(Double.parseDouble(label.getAttribute("x"))).isLessThan(Double.parseDouble(circle.getAttribute("cx")));
    }

    @Test
    void ticksFallOnRoundTimes() {
        assertThat(TimelineSvg.step(360_000 * 1.08)).isEqualTo(60_000);
        assertThat(TimelineSvg.step(100)).isEqualTo(10);
        assertThat(TimelineSvg.step(50_000)).isEqualTo(5_000);
    }

    @Test
    void aRunThatBrokeBeforeItsFaultHasNoPicture() {
        ScenarioResult broken = new ScenarioResult("broken", Path.of("b.yaml"), List.of(), "provisioning failed: no",
                null, Duration.ofMillis(20));
        String html = HtmlReport.render(List.of(new RunReport(broken, Timeline.none(true))));
        assertThat(html).contains("No timeline: the run broke before the fault.").doesNotContain("<svg")
                .contains("broken before the checks").contains("0 passed, 1 failed");
    }

    @Test
    void theSummaryShowsMttrOnTheVirtualClockAndWallTime() {
        ScenarioResult passed = new ScenarioResult("ok", Path.of("ok.yaml"),
                List.of(new CheckResult("outcome", true, null, Duration.ofMillis(5)),
                        new CheckResult("idempotency", true, null, Duration.ofMillis(5))),
                null, Duration.ofSeconds(360), Duration.ofMillis(1800));
        Timeline timeline = new Timeline(Instant.EPOCH, true, List.of(new TimelineEntry(Lane.RECOVERY,
                Duration.ofSeconds(360), null, "steady state restored", "d", false)), Duration.ofSeconds(360));
        String html = HtmlReport.render(List.of(new RunReport(passed, timeline)));
        assertThat(html).contains("<td class=\"num\">6 min 0 s (virtual)</td><td class=\"num\">1.8 s</td>"
                + "<td>outcome ✓, idempotency ✓</td>").contains("MTTR 6 min 0 s");
    }

    private static RunReport failing(String text) {
        ScenarioResult result = new ScenarioResult("s " + text, Path.of("s.yaml"),
                List.of(new CheckResult("outcome", false, text, Duration.ofMillis(5))), null, null,
                Duration.ofSeconds(2));
        Duration t = Duration.ofMillis(300);
        Timeline timeline = new Timeline(Instant.EPOCH, true, List.of(
                new TimelineEntry(Lane.FAULT, Duration.ZERO, null, "alarm a → ALARM", "fault " + text, false),
                new TimelineEntry(Lane.EVENT, t, null, "event one " + text, text, false),
                new TimelineEntry(Lane.EVENT, t, null, "event two", "d", true),
                new TimelineEntry(Lane.INVOCATION, t, Duration.ofMillis(900), "fn ✗", text, true),
                new TimelineEntry(Lane.API_CALL, Duration.ofMillis(700), null, "ec2 RebootInstances", "d", false)),
                null);
        return new RunReport(result, timeline);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}

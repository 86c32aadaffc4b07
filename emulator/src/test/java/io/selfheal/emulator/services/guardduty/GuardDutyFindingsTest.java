package io.selfheal.emulator.services.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.GuardDutyControl.FindingInjection;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.Feedback;
import software.amazon.awssdk.services.guardduty.model.FilterAction;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.FindingCriteria;
import software.amazon.awssdk.services.guardduty.model.GroupByType;
import software.amazon.awssdk.services.guardduty.model.ListFindingsResponse;
import software.amazon.awssdk.services.guardduty.model.OrderBy;

/**
 * Findings and filters through the SDK: samples (https://docs.aws.amazon.com/guardduty/latest/ug/sample_findings.html),
 * ListFindings criteria, sorting and paging (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ListFindings.html),
 * archiving, feedback, statistics, and suppression rules
 * (https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html).
 */
class GuardDutyFindingsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2026-03-01T10:00:00Z"))
            .recording(ServiceEvent.class).resetBeforeEach();

    static final FindingCriteria HIGH = FindingCriteria.builder()
            .criterion(Map.of("severity", Condition.builder().greaterThanOrEqual(7L).build())).build();

    @Test
    void sampleFindingsCarryPlaceholdersAndTheSampleMarker(GuardDutyClient gd) {
        String detector = gd.createDetector(b -> b.enable(true)).detectorId();

        gd.createSampleFindings(b -> b.detectorId(detector).findingTypes("Backdoor:EC2/C&CActivity.B"));

        List<String> ids = gd.listFindings(b -> b.detectorId(detector)).findingIds();
        assertThat(ids).hasSize(1);
        Finding f = gd.getFindings(b -> b.detectorId(detector).findingIds(ids)).findings().get(0);
        assertThat(f.type()).isEqualTo("Backdoor:EC2/C&CActivity.B");
        assertThat(f.schemaVersion()).isEqualTo("2.0");
        assertThat(f.severity()).isEqualTo(8.0);
        assertThat(f.resource().instanceDetails().instanceId()).isEqualTo("i-99999999");
        assertThat(f.service().additionalInfo().value()).isEqualTo("{\"sample\":true}");
        assertThat(f.service().action().networkConnectionAction().remoteIpDetails().ipAddressV4())
                .isEqualTo("198.51.100.7");
        assertThat(f.service().count()).isEqualTo(1);
        assertThat(GuardDutyInjectionTest.guardDutyEvents(AWS))
                .singleElement().satisfies(e -> assertThat(e.detail().path("service").path("additionalInfo")
                        .path("sample").asBoolean()).isTrue());

        gd.createSampleFindings(b -> b.detectorId(detector).findingTypes("Backdoor:EC2/C&CActivity.B"));
        assertThat(gd.getFindings(b -> b.detectorId(detector).findingIds(ids)).findings().get(0).service().count())
                .as("the same sample recurs").isEqualTo(2);
        BadRequestException unknown = catchThrowableOfType(() -> gd.createSampleFindings(b -> b.detectorId(detector)
                .findingTypes("Nothing:EC2/Such")), BadRequestException.class);
        assertThat(unknown.type()).isEqualTo("InvalidInputException");
    }

    @Test
    void listsByCriteriaSortedAndPaged(GuardDutyClient gd) {
        String detector = gd.createDetector(b -> b.enable(true)).detectorId();
        gd.createSampleFindings(b -> b.detectorId(detector));
        int all = FindingTypes.names().size();

        assertThat(gd.listFindings(b -> b.detectorId(detector)).findingIds()).hasSize(all);
        List<String> high = gd.listFindings(b -> b.detectorId(detector).findingCriteria(HIGH)).findingIds();
        assertThat(gd.getFindings(b -> b.detectorId(detector).findingIds(high)).findings())
                .allSatisfy(f -> assertThat(f.severity()).isGreaterThanOrEqualTo(7.0)).hasSize(all - 2);

        FindingCriteria dns = FindingCriteria.builder().criterion(Map.of("service.action.actionType",
                Condition.builder().equalsValue("DNS_REQUEST").build())).build();
        assertThat(gd.listFindings(b -> b.detectorId(detector).findingCriteria(dns)).findingIds()).hasSize(3);

        ListFindingsResponse first = gd.listFindings(b -> b.detectorId(detector).maxResults(4)
                .sortCriteria(s -> s.attributeName("severity").orderBy(OrderBy.ASC)));
        assertThat(first.findingIds()).hasSize(4);
        assertThat(first.nextToken()).isNotNull();
        ListFindingsResponse rest = gd.listFindings(b -> b.detectorId(detector).maxResults(4)
                .nextToken(first.nextToken()).sortCriteria(s -> s.attributeName("severity").orderBy(OrderBy.ASC)));
        assertThat(rest.findingIds()).hasSize(all - 4).doesNotContainAnyElementsOf(first.findingIds());
        assertThat(rest.nextToken()).isNull();
        List<Double> severities = gd.getFindings(b -> b.detectorId(detector).findingIds(first.findingIds())
                .sortCriteria(s -> s.attributeName("severity").orderBy(OrderBy.ASC))).findings().stream()
                .map(Finding::severity).toList();
        assertThat(severities).isSorted().startsWith(2.0, 2.0);
    }

    @Test
    void archivesUnarchivesAndRecordsFeedback(GuardDutyClient gd) {
        String detector = gd.createDetector(b -> b.enable(true)).detectorId();
        gd.createSampleFindings(b -> b.detectorId(detector).findingTypes("UnauthorizedAccess:EC2/SSHBruteForce",
                "Recon:EC2/PortProbeUnprotectedPort"));
        List<String> ids = gd.listFindings(b -> b.detectorId(detector)).findingIds();
        FindingCriteria archived = FindingCriteria.builder().criterion(Map.of("service.archived",
                Condition.builder().equalsValue("true").build())).build();

        gd.archiveFindings(b -> b.detectorId(detector).findingIds(ids.get(0)));
        assertThat(gd.listFindings(b -> b.detectorId(detector).findingCriteria(archived)).findingIds())
                .containsExactly(ids.get(0));
        gd.unarchiveFindings(b -> b.detectorId(detector).findingIds(ids.get(0)));
        assertThat(gd.listFindings(b -> b.detectorId(detector).findingCriteria(archived)).findingIds()).isEmpty();

        gd.updateFindingsFeedback(b -> b.detectorId(detector).findingIds(ids.get(1)).feedback(Feedback.NOT_USEFUL));
        assertThat(gd.getFindings(b -> b.detectorId(detector).findingIds(ids.get(1))).findings().get(0).service()
                .userFeedback()).isEqualTo("NOT_USEFUL");
        var stats = gd.getFindingsStatistics(b -> b.detectorId(detector).findingStatisticTypesWithStrings(
                "COUNT_BY_SEVERITY")).findingStatistics();
        assertThat(stats.countBySeverity()).containsEntry("2.0", 2);
        var byType = gd.getFindingsStatistics(b -> b.detectorId(detector).groupBy(GroupByType.FINDING_TYPE))
                .findingStatistics().groupedByFindingType();
        assertThat(byType).extracting(t -> t.findingType()).containsExactly("Recon:EC2/PortProbeUnprotectedPort",
                "UnauthorizedAccess:EC2/SSHBruteForce");
    }

    @Test
    void aSuppressionRuleArchivesWhatItMatchesAndNothingIsSent(Ec2Client ec2, GuardDutyClient gd) {
        String detector = gd.createDetector(b -> b.enable(true)).detectorId();
        String instanceId = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances()
                .get(0).instanceId();
        gd.createFilter(b -> b.detectorId(detector).name("ignore-ssh").action(FilterAction.ARCHIVE).rank(1)
                .findingCriteria(FindingCriteria.builder().criterion(Map.of("type", Condition.builder()
                        .equalsValue("UnauthorizedAccess:EC2/SSHBruteForce").build())).build()));
        assertThat(gd.listFilters(b -> b.detectorId(detector)).filterNames()).containsExactly("ignore-ssh");
        assertThat(gd.getFilter(b -> b.detectorId(detector).filterName("ignore-ssh")).action())
                .isEqualTo(FilterAction.ARCHIVE);

        String suppressed = AWS.emulator().control().guardDuty().inject(new FindingInjection(
                AWS.emulator().accountId(), AWS.emulator().region(), instanceId,
                "UnauthorizedAccess:EC2/SSHBruteForce", null)).findingId();
        String sent = AWS.emulator().control().guardDuty().inject(new FindingInjection(
                AWS.emulator().accountId(), AWS.emulator().region(), instanceId,
                "Backdoor:EC2/C&CActivity.B", null)).findingId();

        assertThat(gd.getFindings(b -> b.detectorId(detector).findingIds(suppressed)).findings().get(0).service()
                .archived()).isTrue();
        assertThat(GuardDutyInjectionTest.guardDutyEvents(AWS).stream().map(e -> e.detail().path("id").asText()))
                .containsExactly(sent);

        gd.updateFilter(b -> b.detectorId(detector).filterName("ignore-ssh").action(FilterAction.NOOP));
        gd.deleteFilter(b -> b.detectorId(detector).filterName("ignore-ssh"));
        BadRequestException gone = catchThrowableOfType(() -> gd.getFilter(b -> b.detectorId(detector)
                .filterName("ignore-ssh")), BadRequestException.class);
        assertThat(gone.statusCode()).isEqualTo(400);
    }
}

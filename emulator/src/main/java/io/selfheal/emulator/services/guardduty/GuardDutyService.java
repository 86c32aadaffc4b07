package io.selfheal.emulator.services.guardduty;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.control.GuardDutyControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** Amazon GuardDuty: detectors, findings (sample and injected), filters. */
public final class GuardDutyService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restJson("guardduty");
    private static final String DETECTORS = "/detector";
    private static final String DETECTOR = DETECTORS + "/{DetectorId}";
    private static final String FILTERS = DETECTOR + "/filter";
    private static final String FILTER = FILTERS + "/{FilterName}";
    /** IAM names a filter {@code arn:aws:guardduty:<region>:<account>:detector/<id>/filter/<name>}. */
    static final ResourceArns FILTER_ARN = (ctx, input) -> java.util.List.of(ctx.arn("guardduty", "detector/"
            + input.path("DetectorId").asText() + "/filter/" + input.path("FilterName").asText()));
    /** IAM names a detector {@code arn:aws:guardduty:<region>:<account>:detector/<id>}. */
    static final ResourceArns DETECTOR_ARN = ResourceArns.each("DetectorId",
            (ctx, id) -> ctx.arn("guardduty", "detector/" + id));

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new GuardDutyService(context);
        }
    }

    private final RegionalStore<GuardDutyRegion> store = new RegionalStore<>(GuardDutyRegion::new);

    public GuardDutyService(EmulatorContext context) {
        super("Amazon GuardDuty", DESCRIPTOR, "guardduty");
        Occurrences occurrences = new Occurrences(context);
        DetectorOperations detectors = new DetectorOperations(context, store);
        operations.add(write("CreateDetector", detectors::create).rest("POST", DETECTORS, 200)
                .resources(ResourceArns.ANY));
        operations.add(read("ListDetectors", detectors::list).rest("GET", DETECTORS, 200)
                .resources(ResourceArns.ANY));
        operations.add(read("GetDetector", detectors::get).rest("GET", DETECTOR, 200).resources(DETECTOR_ARN));
        operations.add(write("UpdateDetector", detectors::update).rest("POST", DETECTOR, 200)
                .resources(DETECTOR_ARN));
        operations.add(write("DeleteDetector", detectors::delete).rest("DELETE", DETECTOR, 200)
                .resources(DETECTOR_ARN));
        FindingOperations findings = new FindingOperations(store, occurrences);
        operations.add(write("CreateSampleFindings", findings::createSamples)
                .rest("POST", DETECTOR + "/findings/create", 200).resources(DETECTOR_ARN));
        operations.add(read("ListFindings", findings::list).rest("POST", DETECTOR + "/findings", 200)
                .resources(DETECTOR_ARN));
        operations.add(read("GetFindings", findings::get).rest("POST", DETECTOR + "/findings/get", 200)
                .resources(DETECTOR_ARN));
        operations.add(read("GetFindingsStatistics", findings::statistics)
                .rest("POST", DETECTOR + "/findings/statistics", 200).resources(DETECTOR_ARN));
        operations.add(write("ArchiveFindings", findings::archive).rest("POST", DETECTOR + "/findings/archive", 200)
                .resources(DETECTOR_ARN));
        operations.add(write("UnarchiveFindings", findings::unarchive)
                .rest("POST", DETECTOR + "/findings/unarchive", 200).resources(DETECTOR_ARN));
        operations.add(write("UpdateFindingsFeedback", findings::feedback)
                .rest("POST", DETECTOR + "/findings/feedback", 200).resources(DETECTOR_ARN));
        FilterOperations filters = new FilterOperations(store);
        operations.add(write("CreateFilter", filters::create).rest("POST", FILTERS, 200).resources(DETECTOR_ARN));
        operations.add(read("ListFilters", filters::list).rest("GET", FILTERS, 200).resources(DETECTOR_ARN));
        operations.add(read("GetFilter", filters::get).rest("GET", FILTER, 200).resources(FILTER_ARN));
        operations.add(write("UpdateFilter", filters::update).rest("POST", FILTER, 200).resources(FILTER_ARN));
        operations.add(write("DeleteFilter", filters::delete).rest("DELETE", FILTER, 200).resources(FILTER_ARN));
        context.register(GuardDutyControl.class, new GuardDutyControlView(context, store, occurrences));
    }

    @Override
    public void reset() {
        for (GuardDutyRegion region : store.all()) {
            Detector d = region.current();
            if (d != null) {
                d.retire();
            }
        }
        store.reset();
    }
}

package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.ApiCallCompleted;
import io.selfheal.emulator.messages.ApiCallSelector;
import io.selfheal.emulator.messages.ResourceSettled;
import io.selfheal.emulator.messages.ServiceEvent;
import java.util.Map;
import java.util.Set;

/**
 * When Config looks again: after every successful write management call to a service that owns recorded types
 * (published by the front door as {@link ApiCallCompleted}: Config registers an {@link ApiCallSelector} for writes,
 * so reads and data events never reach the bus on its account), and after EC2's own state changes (its
 * "EC2 Instance State-change Notification" events: transitions the clock drives, terminations that release volumes
 * and interfaces), and after a transition settles on its own ({@link ResourceSettled}: monitoring enabled). Which
 * resource changed is not guessed from the call: the owner's types are re-read and compared.
 */
final class ChangeTriggers {
    private static final Set<String> EC2 = Set.of("AWS::EC2::SecurityGroup", "AWS::EC2::Instance",
            "AWS::EC2::Volume", "AWS::EC2::NetworkInterface", "AWS::EC2::VPC", "AWS::EC2::Subnet");
    /** Signing name → the recorded types its writes may change. */
    private static final Map<String, Set<String>> BY_SERVICE = Map.of(
            "ec2", EC2,
            "autoscaling", EC2,
            "s3", Set.of("AWS::S3::Bucket"),
            "iam", Set.of("AWS::IAM::Role"),
            "lambda", Set.of("AWS::Lambda::Function"));

    private final ResourceRecorder recorder;

    private ChangeTriggers(ResourceRecorder recorder) {
        this.recorder = recorder;
    }

    static void install(EmulatorContext context, ResourceRecorder recorder) {
        ChangeTriggers triggers = new ChangeTriggers(recorder);
        ApiCallSelector.register(context, op -> !op.readOnly() && op.managementEvent());
        context.bus().subscribe(ApiCallCompleted.class, triggers::called);
        context.bus().subscribe(ServiceEvent.class, triggers::serviceEvent);
        context.bus().subscribe(ResourceSettled.class, triggers::settled);
    }

    private void settled(ResourceSettled settled) {
        Set<String> types = BY_SERVICE.get(settled.service());
        if (types != null) {
            recorder.record(settled.accountId(), settled.region(), types);
        }
    }

    private void called(ApiCallCompleted done) {
        ApiCall call = done.call();
        Set<String> types = BY_SERVICE.get(call.service());
        if (types == null || call.readOnly() || call.status() >= 400) {
            return;
        }
        if (call.service().equals("iam")) {
            recorder.recordEverywhere(call.accountId(), types);
        } else {
            recorder.record(call.accountId(), call.region(), types);
        }
    }

    private void serviceEvent(ServiceEvent event) {
        if (event.source().equals("aws.ec2")) {
            recorder.record(event.accountId(), event.region(), EC2);
        }
    }
}

/**
 * Amazon GuardDuty (REST-JSON, signing name {@code guardduty}): detectors (one per account and region), findings in
 * AWS's finding format with {@code ListFindings} criteria, sorting and paging, statistics, archiving and feedback, and
 * filters whose action ARCHIVE suppresses what they match.
 *
 * <p>Findings come from two places. {@code CreateSampleFindings} makes AWS-style samples (placeholder resources,
 * {@code additionalInfo.sample: true}). The control API ({@link io.selfheal.emulator.control.GuardDutyControl},
 * {@code POST /_selfheal/guardduty/findings}) injects a threat for a real instance: its {@code resource} is read from
 * EC2 over the bus ({@link io.selfheal.emulator.messages.DescribeInstance}), its {@code service.action} is realistic
 * for the type ({@link io.selfheal.emulator.services.guardduty.FindingTypes} is the one table of types).
 *
 * <p>Injection needs a detector: as on AWS, an account and region without an enabled detector raises no findings, so
 * an injection there is refused with a message saying so (HTTP 409), and a harness creates the detector through the
 * real {@code CreateDetector} first — it then also chooses the {@code FindingPublishingFrequency} its scenario runs
 * with. A detector is never created behind the user's back.
 *
 * <p>Publishing ({@link io.selfheal.emulator.services.guardduty.Occurrences}): a new finding goes to the default bus
 * at once as a {@code GuardDuty Finding} event; recurrences (same type, same resource) fold into the same finding id
 * and go out with the next window of the detector's frequency, on the emulator clock; suppressed and archived
 * findings are never sent.
 */
package io.selfheal.emulator.services.guardduty;

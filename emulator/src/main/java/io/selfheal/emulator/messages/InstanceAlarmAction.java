package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * CloudWatch asks EC2 to run an alarm's EC2 action ({@code arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover},
 * "Create alarms to stop, terminate, reboot, or recover an EC2 instance" in the EC2 User Guide) on the instance of
 * the alarm's {@code InstanceId} dimension. Ask with {@code bus.ask(new InstanceAlarmAction(…))}.
 *
 * @param accountId  the alarm's account
 * @param region     the alarm's region (EC2 actions act in the alarm's own region)
 * @param instanceId the instance of the alarm's metric
 * @param action     {@code stop}, {@code terminate}, {@code reboot} or {@code recover}
 * @param alarmArn   the alarm that asks
 */
public record InstanceAlarmAction(String accountId, String region, String instanceId, String action,
                                  String alarmArn) implements BusRequest<InstanceAlarmAction.Result> {

    /** EC2's answer: done, or refused with the error CloudWatch records in the alarm's history. */
    public record Result(boolean accepted, String error) {
        public static Result done() {
            return new Result(true, null);
        }

        public static Result failed(String error) {
            return new Result(false, error);
        }
    }
}

# Module-level clients with default settings, as a team writes them: created once per sandbox.
import boto3

sts = boto3.client("sts")
ec2 = boto3.client("ec2")


def handler(event, context):
    identity = sts.get_caller_identity()
    reservations = ec2.describe_instances()["Reservations"]
    return {"arn": identity["Arn"], "reservations": len(reservations), "client": id(ec2),
            "botocore": boto3.__version__}

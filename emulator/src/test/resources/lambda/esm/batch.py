# Processes an SQS batch: a body starting "boom" fails the whole invocation; "fail" reports that item as failed.
def handler(event, context):
    failures = []
    for record in event["Records"]:
        if record["body"].startswith("boom"):
            raise RuntimeError("cannot process " + record["messageId"])
        if record["body"].startswith("fail"):
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}

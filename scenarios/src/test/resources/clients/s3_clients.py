"""S3 through boto3 against `selfheal serve`: buckets, objects (botocore's own checksum and encoding-type=url
defaults, whatever its version), listing, copy, batch delete, tags, policies and a multipart upload by the transfer
manager. Usage: s3_clients.py ENDPOINT ACCOUNT. Prints one line per check and "N passed, N failed"."""
import base64
import hashlib
import io
import sys
import zipfile

import boto3
import botocore
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError

endpoint, account = sys.argv[1], sys.argv[2]
results = {"passed": 0, "failed": 0}


def client(region="us-east-1"):
    return boto3.client("s3", endpoint_url=endpoint, region_name=region, aws_access_key_id=account,
                        aws_secret_access_key="secret")


def check(name, expected, actual):
    ok = expected == actual
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": expected %r, got %r" % (expected, actual)))


def error_code(call):
    try:
        call()
        return "no error"
    except ClientError as e:
        return e.response["Error"]["Code"]


s3 = client()
bucket = "boto-%s" % account
s3.create_bucket(Bucket=bucket)
check("head_bucket region", "us-east-1",
      s3.head_bucket(Bucket=bucket)["ResponseMetadata"]["HTTPHeaders"]["x-amz-bucket-region"])
check("create_bucket without constraint in eu-west-1", "IllegalLocationConstraintException",
      error_code(lambda: client("eu-west-1").create_bucket(Bucket=bucket + "-eu")))
check("list_buckets", [bucket], [b["Name"] for b in s3.list_buckets()["Buckets"]])

for key in ["logs/a b.json", "logs/plus+sign.json", "logs/nested/c.json", "top.txt"]:
    s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
got = s3.get_object(Bucket=bucket, Key="logs/plus+sign.json")
check("get_object body", b"logs/plus+sign.json", got["Body"].read())
listed = s3.list_objects_v2(Bucket=bucket, Prefix="logs/", Delimiter="/")
check("list_objects_v2 keys (url-decoded)", ["logs/a b.json", "logs/plus+sign.json"],
      [o["Key"] for o in listed.get("Contents", [])])
check("list_objects_v2 prefixes", ["logs/nested/"], [p["Prefix"] for p in listed.get("CommonPrefixes", [])])
pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 1})
check("list_objects_v2 pages", 4, sum(len(p.get("Contents", [])) for p in pages))
check("get_object range", b"top", s3.get_object(Bucket=bucket, Key="top.txt", Range="bytes=0-2")["Body"].read())
check("get_object missing", "NoSuchKey", error_code(lambda: s3.get_object(Bucket=bucket, Key="nope")))

s3.copy_object(Bucket=bucket, Key="copy.txt", CopySource={"Bucket": bucket, "Key": "logs/a b.json"})
check("copy_object", b"logs/a b.json", s3.get_object(Bucket=bucket, Key="copy.txt")["Body"].read())
s3.put_object_tagging(Bucket=bucket, Key="copy.txt", Tagging={"TagSet": [{"Key": "case", "Value": "7"}]})
check("get_object_tagging", [{"Key": "case", "Value": "7"}],
      s3.get_object_tagging(Bucket=bucket, Key="copy.txt")["TagSet"])
check("put_bucket_policy malformed", "MalformedPolicy",
      error_code(lambda: s3.put_bucket_policy(Bucket=bucket, Policy="[]")))
check("get_bucket_policy none", "NoSuchBucketPolicy", error_code(lambda: s3.get_bucket_policy(Bucket=bucket)))

data = bytes(range(256)) * (6 * 1024 * 4)  # 6 MiB: two parts at a 5 MiB part size
s3.upload_fileobj(io.BytesIO(data), bucket, "big.bin",
                  Config=TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024))
head = s3.head_object(Bucket=bucket, Key="big.bin")
check("multipart size", len(data), head["ContentLength"])
check("multipart etag", True, head["ETag"].endswith('-2"'))
out = io.BytesIO()
s3.download_fileobj(bucket, "big.bin", out)
check("multipart download", data, out.getvalue())

# Lambda code from S3 (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html): read as the caller.
package = io.BytesIO()
with zipfile.ZipFile(package, "w") as z:
    z.writestr("handler.py", "def handler(event, context):\n    return 'from s3'\n")
s3.put_object(Bucket=bucket, Key="fn.zip", Body=package.getvalue())
session = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=account,
               aws_secret_access_key="secret")
role = boto3.client("iam", **session).create_role(RoleName="boto-from-s3", AssumeRolePolicyDocument=(
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'))["Role"]["Arn"]
lam = boto3.client("lambda", **session)
created = lam.create_function(FunctionName="boto-from-s3", Runtime="python3.12", Handler="handler.handler", Role=role,
                              Code={"S3Bucket": bucket, "S3Key": "fn.zip"})
check("lambda create_function from S3: CodeSha256", base64.b64encode(hashlib.sha256(package.getvalue()).digest())
      .decode(), created["CodeSha256"])
try:
    lam.create_function(FunctionName="boto-missing", Runtime="python3.12", Handler="handler.handler", Role=role,
                        Code={"S3Bucket": bucket, "S3Key": "missing.zip"})
    missing = "no error"
except ClientError as e:
    missing = e.response["Error"]["Code"] + ": " + e.response["Error"]["Message"]
check("lambda create_function from a missing key", "InvalidParameterValueException: Error occurred while GetObject. "
      "S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.", missing)
lam.delete_function(FunctionName="boto-from-s3")

keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys]})
check("delete_objects", sorted(keys), sorted(d["Key"] for d in deleted["Deleted"]))
s3.delete_bucket(Bucket=bucket)
check("head_bucket after delete", "404", error_code(lambda: s3.head_bucket(Bucket=bucket)))

print("botocore %s: %d passed, %d failed" % (botocore.__version__, results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)

#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: Lambda code staged in S3 and CloudTrail log files.
# `aws s3 cp` a package, then `aws lambda create-function --code S3Bucket=…,S3Key=…` and `update-function-code
# --s3-bucket … --s3-key …` (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html); a logging trail's
# gzipped log file found with `aws s3 ls` and fetched with `aws s3 cp` after five virtual minutes
# (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html).
# Prints one line per check and "N passed, N failed".
#
#   scripts/aws-cli-s3-code-and-trail-logs.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

work=$(mktemp -d)
package() { # version: a Python package whose handler answers {"version": …}
  python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1] + "/" + sys.argv[2] + ".zip", "w") as z:
    z.writestr("handler.py", "def handler(event, context):\n    return {\"version\": \"%s\"}\n" % sys.argv[2])' \
    "$work" "$1"
}
sha256() { python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }
invoke() { # function: what it answered
  aws lambda invoke --function-name "$1" --cli-binary-format raw-in-base64-out --payload '{}' "$work/out.json" >/dev/null
  cat "$work/out.json"
}

echo "== Lambda code from S3"
package v1
package v2
aws s3api create-bucket --bucket cli-artifacts >/dev/null
aws s3 cp "$work/v1.zip" s3://cli-artifacts/fn/v1.zip >/dev/null
aws s3 cp "$work/v2.zip" s3://cli-artifacts/fn/v2.zip >/dev/null
lambda_role cli-from-s3
check "lambda create-function --code S3Bucket=…,S3Key=…: CodeSha256 is the object's" "$(sha256 "$work/v1.zip")" \
  "$(aws lambda create-function --function-name cli-from-s3 --runtime python3.12 --handler handler.handler \
     --role "arn:aws:iam::$account:role/cli-from-s3" --code S3Bucket=cli-artifacts,S3Key=fn/v1.zip \
     --query CodeSha256)"
check "lambda invoke: the code from S3 runs" '{"version": "v1"}' "$(invoke cli-from-s3)"
check "lambda get-function: RepositoryType" "S3" \
  "$(aws lambda get-function --function-name cli-from-s3 --query Code.RepositoryType)"
aws lambda update-function-code --function-name cli-from-s3 --s3-bucket cli-artifacts --s3-key fn/v2.zip >/dev/null
check "lambda update-function-code --s3-bucket --s3-key: the new code runs" '{"version": "v2"}' "$(invoke cli-from-s3)"
expect_error "lambda create-function: a missing key, in Lambda's words" \
  "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist." \
  lambda create-function --function-name cli-missing --runtime python3.12 --handler handler.handler \
  --role "arn:aws:iam::$account:role/cli-from-s3" --code S3Bucket=cli-artifacts,S3Key=fn/missing.zip
expect_error "lambda create-function: a missing bucket" "S3 Error Code: NoSuchBucket" \
  lambda create-function --function-name cli-missing --runtime python3.12 --handler handler.handler \
  --role "arn:aws:iam::$account:role/cli-from-s3" --code S3Bucket=cli-no-such-artifacts,S3Key=fn/v1.zip

echo "== CloudTrail log files"
aws s3api create-bucket --bucket cli-trail-logs >/dev/null
expect_error "cloudtrail create-trail: the bucket policy must let CloudTrail write" \
  "InsufficientS3BucketPolicyException" cloudtrail create-trail --name cli-audit --s3-bucket-name cli-trail-logs
aws s3api put-bucket-policy --bucket cli-trail-logs --policy '{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::cli-trail-logs"},
  {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::cli-trail-logs/audit/AWSLogs/'$account'/*"}]}'
aws cloudtrail create-trail --name cli-audit --s3-bucket-name cli-trail-logs --s3-key-prefix audit >/dev/null
aws cloudtrail start-logging --name cli-audit
aws ec2 create-security-group --group-name cli-logged --description "logged by the trail" >/dev/null
advance 240
check "s3 ls: no log file before five minutes" "" "$(aws s3 ls --recursive s3://cli-trail-logs/audit/)"
advance 60
key=$(aws s3 ls --recursive s3://cli-trail-logs/audit/ | awk '{print $4}')
if [[ "$key" =~ ^audit/AWSLogs/$account/CloudTrail/$region/[0-9]{4}/[0-9]{2}/[0-9]{2}/${account}_CloudTrail_${region}_[0-9]{8}T[0-9]{4}Z_[A-Za-z0-9]{16}\.json\.gz$ ]]; then
  check "s3 ls --recursive: one log file, named as AWS names them" "ok" "ok"
else
  check "s3 ls --recursive: one log file, named as AWS names them" "AWSLogs/…json.gz" "$key"
fi
aws s3 cp "s3://cli-trail-logs/$key" "$work/log.json.gz" >/dev/null
check "s3 cp + gunzip: the file's Records hold the logged call" "CreateSecurityGroup cli-logged" \
  "$(python3 -c 'import gzip, json, sys
records = json.load(gzip.open(sys.argv[1]))["Records"]
print(" ".join(r["eventName"] + " " + r["requestParameters"]["groupName"] for r in records
               if r["eventName"] == "CreateSecurityGroup"))' "$work/log.json.gz" 2>&1)"
check_contains "cloudtrail get-trail-status: LatestDeliveryTime" "20" \
  "$(aws cloudtrail get-trail-status --name cli-audit --query LatestDeliveryTime)"

rm -rf "$work"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]

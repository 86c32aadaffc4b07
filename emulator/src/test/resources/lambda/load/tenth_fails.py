# Every tenth event fails: the load test's 10 % of function errors, decided by the event itself so every run agrees.
def handler(event, context):
    n = event["detail"]["n"]
    if n % 10 == 0:
        raise RuntimeError("event %d fails by design" % n)
    return {"n": n}

import time


def handler(event, context):
    print("going to sleep")
    time.sleep(event["seconds"])
    return "woke up"

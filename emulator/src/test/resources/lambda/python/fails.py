def handler(event, context):
    check(event)


def check(event):
    raise ValueError("instance id missing from " + str(event))

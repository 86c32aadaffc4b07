import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    print("printed", event["n"])
    logger.info("logged at info")
    logging.getLogger("app").warning("a warning")
    return "ok"

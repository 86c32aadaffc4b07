import module_that_is_not_in_the_package  # noqa: F401


def handler(event, context):
    return "never"

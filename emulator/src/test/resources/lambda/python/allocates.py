import os
import time


def handler(event, context):
    # Written bytes, 8 MiB at a time, so every page is resident (bytes(n) alone may stay untouched).
    held = []
    for _ in range(event["mib"] // 8):
        held.append(b"\x01" * (8 << 20))
        time.sleep(0.005)
    time.sleep(event.get("hold_seconds", 0))
    return {"held_mib": len(held) * 8, "pid": os.getpid()}
